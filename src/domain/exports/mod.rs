//! Files made from the client's records for other programs and people: spreadsheets (CSV),
//! calendars (iCalendar) and the report for the clinic. Built here and downloaded, shared or
//! printed by `ui::data`.

pub mod csv;
pub mod ics;
pub mod report;

use crate::domain::diary::session::{format_depth, Session};
use crate::domain::profile::Profile;

/// A session's areas with their needle depths: "Cheeks 1.5 mm; Forehead".
pub fn areas_and_depths(session: &Session, profile: &Profile) -> String {
    session
        .areas
        .iter()
        .map(|a| match a.depth_mm {
            Some(depth) => format!("{} {} mm", profile.area_name(&a.area_id), format_depth(depth)),
            None => profile.area_name(&a.area_id),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
