//! What more than one app uses: the app state (a reducer with typed actions) and its context, the
//! writes to the records (`actions`), the hooks that open the database and read clinic links, and
//! the components of every app's frame (header, navigation, page, fields, notices).

pub mod actions;
pub mod components;
pub mod context;
pub mod hooks;
pub mod href;
pub mod state;
