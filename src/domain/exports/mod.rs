//! Files made from the client's records for other programs: spreadsheets (CSV) and calendars
//! (iCalendar). Pure text, built here and downloaded or shared by `ui::data`.

pub mod csv;
pub mod ics;
