//! Files made from the client's records for other programs: spreadsheets (CSV) and calendars
//! (iCalendar). Pure text, built here and downloaded or shared by `ui::data`.

pub mod csv;
pub mod ics;

use crate::domain::profile::Profile;

/// An area's name as the client knows it (the id itself if the profile no longer has it).
pub(crate) fn area_name<'a>(profile: &'a Profile, area_id: &'a str) -> &'a str {
    profile.areas.iter().find(|a| a.id == area_id).map_or(area_id, |a| a.name.as_str())
}
