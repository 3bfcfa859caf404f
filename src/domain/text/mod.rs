//! Text as the app reads and writes it: ISO dates and times, display dates, decimals, plain text
//! from the web, and base64url.

pub mod base64url;
pub mod dates;
pub mod decimal;
pub mod iso;
pub mod web_text;
