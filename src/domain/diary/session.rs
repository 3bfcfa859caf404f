//! Treatment sessions and their validation from form input.

use serde::{Deserialize, Serialize};
use time::{Date, Time};

use crate::domain::profile::Profile;
use crate::domain::text::decimal::{format_fixed, parse_hundredths, DecimalError};
use crate::domain::text::iso::{format_date, format_time};
use crate::domain::validation::{
    bounded_text, optional_number, parse_time, required_date, FieldErrors, MAX_NOTE_CHARS,
    MAX_SHORT_TEXT_CHARS,
};

/// Needle depth limits in mm, and the step a pen is set in.
pub const MIN_DEPTH_MM: f64 = 0.1;
pub const MAX_DEPTH_MM: f64 = 3.0;
pub const DEPTH_STEP_MM: f64 = 0.05;
const MIN_DEPTH_HUNDREDTHS: u32 = 10;
const MAX_DEPTH_HUNDREDTHS: u32 = 300;
const DEPTH_STEP_HUNDREDTHS: u32 = 5;
/// Most products one session lists.
pub const MAX_PRODUCTS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Planned,
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    Pen,
    Roller,
    RfMicroneedling,
    Other,
}

impl DeviceKind {
    pub const ALL: [DeviceKind; 4] =
        [DeviceKind::Pen, DeviceKind::Roller, DeviceKind::RfMicroneedling, DeviceKind::Other];

    pub const fn label(self) -> &'static str {
        match self {
            DeviceKind::Pen => "Microneedling pen",
            DeviceKind::Roller => "Roller",
            DeviceKind::RfMicroneedling => "RF microneedling",
            DeviceKind::Other => "Other",
        }
    }

    /// Whether needling's healing phases, band and redness figures describe this device. RF
    /// microneedling adds heat and has its own recovery (EVIDENCE.md: do not apply mechanical
    /// needling's expectations to it).
    pub const fn follows_needling_figures(self) -> bool {
        !matches!(self, DeviceKind::RfMicroneedling)
    }
}

/// Products commonly applied during or after a session, offered as suggestions.
pub const COMMON_PRODUCTS: [&str; 6] =
    ["Hyaluronic acid", "Growth factors", "PRP", "Peptide serum", "Vitamin C serum", "Exosomes"];

/// One treated area in a session, with the depth used there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaTreatment {
    pub area_id: String,
    /// Needle depth in mm; may be unknown for a planned session.
    pub depth_mm: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    #[serde(with = "crate::domain::text::iso::date")]
    pub date: Date,
    #[serde(default, with = "crate::domain::text::iso::optional_time")]
    pub time: Option<Time>,
    pub status: SessionStatus,
    pub areas: Vec<AreaTreatment>,
    pub device: DeviceKind,
    /// Done at home with the client's own device, not by a clinic: the depth guidance differs.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub at_home: bool,
    #[serde(default)]
    pub device_model: String,
    pub passes: Option<u8>,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub numbing: bool,
    #[serde(default)]
    pub clinic: String,
    #[serde(default)]
    pub practitioner: String,
    pub pain: Option<u8>,
    #[serde(default)]
    pub notes: String,
    /// When this device last saved the record (UTC, RFC 3339 with milliseconds, as the
    /// browser's `Date.toISOString` writes it): a merge restore keeps the newer of two versions.
    /// `None` for records saved before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

impl Session {
    pub fn is_done(&self) -> bool {
        self.status == SessionStatus::Done
    }

    pub fn treats(&self, area_id: &str) -> bool {
        self.areas.iter().any(|a| a.area_id == area_id)
    }

    /// Sort key: date, then time of day (sessions without a time count as the start of the day).
    pub fn when(&self) -> (Date, Time) {
        (self.date, self.time.unwrap_or(Time::MIDNIGHT))
    }
}

/// The session form as the client typed it: every field is text until validated.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionForm {
    pub date: String,
    pub time: String,
    pub status: SessionStatus,
    /// (area id, depth as typed) for every area ticked.
    pub areas: Vec<(String, String)>,
    pub device: DeviceKind,
    pub at_home: bool,
    pub device_model: String,
    pub passes: String,
    pub products: Vec<String>,
    pub numbing: bool,
    pub clinic: String,
    pub practitioner: String,
    pub pain: String,
    pub notes: String,
}

impl SessionForm {
    /// An empty form for a session done today.
    pub fn new(today: Date) -> SessionForm {
        SessionForm {
            date: format_date(today),
            time: String::new(),
            status: SessionStatus::Done,
            areas: Vec::new(),
            device: DeviceKind::Pen,
            at_home: false,
            device_model: String::new(),
            passes: String::new(),
            products: Vec::new(),
            numbing: false,
            clinic: String::new(),
            practitioner: String::new(),
            pain: String::new(),
            notes: String::new(),
        }
    }

    /// The form filled in from a stored session, for editing.
    pub fn from_session(session: &Session) -> SessionForm {
        SessionForm {
            date: format_date(session.date),
            time: session.time.map(format_time).unwrap_or_default(),
            status: session.status,
            areas: session
                .areas
                .iter()
                .map(|a| (a.area_id.clone(), a.depth_mm.map(format_depth).unwrap_or_default()))
                .collect(),
            device: session.device,
            at_home: session.at_home,
            device_model: session.device_model.clone(),
            passes: session.passes.map(|p| p.to_string()).unwrap_or_default(),
            products: session.products.clone(),
            numbing: session.numbing,
            clinic: session.clinic.clone(),
            practitioner: session.practitioner.clone(),
            pain: session.pain.map(|p| p.to_string()).unwrap_or_default(),
            notes: session.notes.clone(),
        }
    }

    /// Checks every field; on success the session with `id`. A done session can't be in the
    /// future, needs at least one area and a depth for each.
    pub fn validate(&self, id: String, today: Date, profile: &Profile) -> Result<Session, FieldErrors> {
        let mut errors = FieldErrors::new();
        let date = required_date(&mut errors, "date", &self.date, "the session date");
        if let Some(date) = date {
            if self.status == SessionStatus::Done && date > today {
                errors.add(
                    "date",
                    "A session marked done can't be in the future. Mark it planned, or fix the date.",
                );
            }
        }
        let time = match self.time.trim() {
            "" => None,
            typed => {
                let parsed = parse_time(typed);
                if parsed.is_none() {
                    errors.add("time", "Enter the time like 14:30, or leave it empty.");
                }
                parsed
            }
        };
        let areas = self.validate_areas(&mut errors, profile);
        let device_model = bounded_text(
            &mut errors,
            "device_model",
            &self.device_model,
            MAX_SHORT_TEXT_CHARS,
            "The device model",
        );
        let passes = optional_number(&mut errors, "passes", &self.passes, (1, 20), "Passes");
        let products = self.validate_products(&mut errors);
        let clinic =
            bounded_text(&mut errors, "clinic", &self.clinic, MAX_SHORT_TEXT_CHARS, "The clinic name");
        let practitioner = bounded_text(
            &mut errors,
            "practitioner",
            &self.practitioner,
            MAX_SHORT_TEXT_CHARS,
            "The practitioner's name",
        );
        let pain = optional_number(&mut errors, "pain", &self.pain, (0, 10), "Pain");
        let notes = bounded_text(&mut errors, "notes", &self.notes, MAX_NOTE_CHARS, "Notes");
        match date {
            Some(date) if errors.is_empty() => Ok(Session {
                id,
                date,
                time,
                status: self.status,
                areas,
                device: self.device,
                at_home: self.at_home,
                device_model,
                passes,
                products,
                numbing: self.numbing,
                clinic,
                practitioner,
                pain,
                notes,
                // Stamped by the action that saves it (the clock is the browser's).
                updated: None,
            }),
            _ => Err(errors),
        }
    }

    fn validate_areas(&self, errors: &mut FieldErrors, profile: &Profile) -> Vec<AreaTreatment> {
        if self.areas.is_empty() {
            errors.add("areas", "Choose at least one treated area.");
        }
        let mut treatments: Vec<AreaTreatment> = Vec::new();
        for (area_id, typed_depth) in &self.areas {
            let Some(area) = profile.area(area_id) else {
                errors.add("areas", "One of the chosen areas no longer exists. Choose again.");
                continue;
            };
            if treatments.iter().any(|t| &t.area_id == area_id) {
                continue;
            }
            let field = format!("depth-{area_id}");
            let depth = match parse_depth(typed_depth) {
                Ok(depth) => depth,
                Err(message) => {
                    errors.add(field.clone(), format!("{}: {message}", area.name));
                    None
                }
            };
            if depth.is_none() && self.status == SessionStatus::Done && errors.get(&field).is_none() {
                errors.add(field, format!("{}: enter the needle depth used, in mm.", area.name));
            }
            treatments.push(AreaTreatment { area_id: area_id.clone(), depth_mm: depth });
        }
        treatments
    }

    fn validate_products(&self, errors: &mut FieldErrors) -> Vec<String> {
        let mut products: Vec<String> = Vec::new();
        for product in &self.products {
            let name = bounded_text(errors, "products", product, 60, "A product name");
            if !name.is_empty() && !products.iter().any(|p| p.eq_ignore_ascii_case(&name)) {
                products.push(name);
            }
        }
        if products.len() > MAX_PRODUCTS {
            errors.add("products", format!("List at most {MAX_PRODUCTS} products."));
        }
        products
    }
}

/// A needle depth as typed: empty is `None`; otherwise 0.1-3.0 mm in steps of 0.05.
pub fn parse_depth(input: &str) -> Result<Option<f64>, String> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    let off_step = || "needle depth goes in steps of 0.05 mm (like 1.25 or 1.5).".to_string();
    let hundredths = match parse_hundredths(input) {
        Ok(h) => h,
        Err(DecimalError::TooPrecise) => return Err(off_step()),
        Err(DecimalError::NotANumber) => {
            return Err("enter the needle depth as a number of mm, like 1.25.".to_string())
        }
    };
    if !(MIN_DEPTH_HUNDREDTHS..=MAX_DEPTH_HUNDREDTHS).contains(&hundredths) {
        return Err(format!(
            "needle depth must be between {} and {} mm.",
            format_depth(MIN_DEPTH_MM),
            format_depth(MAX_DEPTH_MM)
        ));
    }
    if hundredths % DEPTH_STEP_HUNDREDTHS != 0 {
        return Err(off_step());
    }
    Ok(Some(f64::from(hundredths) / 100.0))
}

/// A depth for display: "1.25", "1.5", "2".
pub fn format_depth(depth: f64) -> String {
    format_fixed(depth, 2, true)
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
