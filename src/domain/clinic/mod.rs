//! A clinic's profile: who they are, how to reach them, their protocol and aftercare.
//!
//! It arrives in a link (see [`crate::domain::clinic::link`]) or is typed into the clinic kit and Settings.
//! Every route in goes through [`ClinicForm::validate`], so a profile the app holds has always
//! passed the same checks, whichever way it came. It is even stored as its link payload (see
//! `storage::settings_repo`), so reading it back runs the same checks again.

pub mod colour;
pub mod link;
pub mod qr;

use super::validation::FieldErrors;
use crate::domain::clinic::colour::Rgb;
use crate::domain::diary::session::{format_depth, parse_depth};
use crate::domain::profile::area::AreaKind;
use crate::domain::text::web_text::{https_problem, is_email, is_phone, tel_href};

pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_PHONE_CHARS: usize = 20;
pub const MAX_EMAIL_CHARS: usize = 80;
pub const MAX_WEBSITE_CHARS: usize = 120;
pub const MAX_BOOKING_CHARS: usize = 160;
pub const MAX_WELCOME_CHARS: usize = 200;
pub const MAX_AFTERCARE_ITEMS: usize = 12;
pub const MAX_AFTERCARE_ITEM_CHARS: usize = 40;
pub const MAX_SESSIONS: u8 = 12;
pub const MAX_INTERVAL_WEEKS: u8 = 26;

/// The areas a protocol can give a depth range for (a custom area has no shared name).
pub const PROTOCOL_AREAS: [AreaKind; 9] = AreaKind::NAMED;

#[derive(Clone, Debug, PartialEq)]
pub struct ClinicProfile {
    pub name: String,
    pub practitioner: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub booking: Option<String>,
    pub protocol: Option<ClinicProtocol>,
    pub depths: Vec<AreaDepth>,
    pub aftercare: Vec<String>,
    pub welcome: Option<String>,
    pub colour: Option<Rgb>,
}

/// How many sessions the clinic plans, and how far apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClinicProtocol {
    pub sessions: u8,
    pub interval_weeks: u8,
}

/// The clinic's usual needle depth range for one area, in mm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AreaDepth {
    pub area: AreaKind,
    pub from_mm: f64,
    pub to_mm: f64,
}

impl ClinicProfile {
    /// `tel:` link for the phone number, when there is one.
    pub fn tel_href(&self) -> Option<String> {
        self.phone.as_deref().map(tel_href)
    }

    pub fn mailto_href(&self) -> Option<String> {
        self.email.as_ref().map(|e| format!("mailto:{e}"))
    }

    /// The aftercare checklist the client ticks: the clinic's own when it set one.
    pub fn aftercare_items(&self) -> Option<&[String]> {
        (!self.aftercare.is_empty()).then_some(self.aftercare.as_slice())
    }

    /// "0.5–1 mm" for `area`, when the clinic gave a range for it.
    pub fn depth_hint(&self, area: AreaKind) -> Option<String> {
        self.depths.iter().find(|d| d.area == area).map(|d| {
            if d.from_mm == d.to_mm {
                format!("{} mm", format_depth(d.from_mm))
            } else {
                format!("{}–{} mm", format_depth(d.from_mm), format_depth(d.to_mm))
            }
        })
    }

    /// What accepting this profile would change, one line each, for the confirm step.
    pub fn summary(&self) -> Vec<String> {
        let mut lines = vec![format!("Clinic: {}", self.name)];
        if let Some(p) = &self.practitioner {
            lines.push(format!("Practitioner: {p}"));
        }
        let contact: Vec<&str> =
            [&self.phone, &self.email].into_iter().flatten().map(String::as_str).collect();
        if !contact.is_empty() {
            lines.push(format!("Contact: {}", contact.join(", ")));
        }
        if let Some(w) = &self.website {
            lines.push(format!("Website: {w}"));
        }
        if let Some(b) = &self.booking {
            lines.push(format!("Booking: {b}"));
        }
        if let Some(p) = self.protocol {
            lines.push(format!(
                "Protocol: {} sessions, {} weeks apart (sets when your next session is due)",
                p.sessions, p.interval_weeks
            ));
        }
        for d in &self.depths {
            if let Some(hint) = self.depth_hint(d.area) {
                lines.push(format!("Usual needle depth, {}: {hint}", d.area.label()));
            }
        }
        if !self.aftercare.is_empty() {
            lines.push(format!("Aftercare checklist: {}", self.aftercare.join("; ")));
        }
        if let Some(welcome) = &self.welcome {
            lines.push(format!("Welcome message: {welcome}"));
        }
        if let Some(colour) = self.colour {
            lines.push(format!("Brand colour: {}", colour.to_hex()));
        }
        lines
    }
}

/// The clinic form as typed: every field a string, checked by [`ClinicForm::validate`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClinicForm {
    pub name: String,
    pub practitioner: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub booking: String,
    pub sessions: String,
    pub interval_weeks: String,
    /// (from, to) in mm for each of [`PROTOCOL_AREAS`], in that order.
    pub depths: [(String, String); 9],
    /// One item per line.
    pub aftercare: String,
    pub welcome: String,
    /// `#rrggbb`, or empty.
    pub colour: String,
}

/// The field names used in [`FieldErrors`]; the depth fields are `depth-<area key>`.
pub mod field {
    pub const NAME: &str = "name";
    pub const PRACTITIONER: &str = "practitioner";
    pub const PHONE: &str = "phone";
    pub const EMAIL: &str = "email";
    pub const WEBSITE: &str = "website";
    pub const BOOKING: &str = "booking";
    pub const SESSIONS: &str = "sessions";
    pub const INTERVAL: &str = "interval";
    pub const AFTERCARE: &str = "aftercare";
    pub const WELCOME: &str = "welcome";
    pub const COLOUR: &str = "colour";
}

pub fn depth_field(area: AreaKind) -> String {
    format!("depth-{}", area.key())
}

fn optional(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Text that is short enough and carries no control characters (newlines, escapes).
fn plain_text(errors: &mut FieldErrors, field: &str, input: &str, max: usize, what: &str) -> Option<String> {
    let value = optional(input)?;
    let count = value.chars().count();
    if count > max {
        errors.add(field, format!("{what} can be at most {max} characters (now {count})."));
    } else if value.chars().any(is_hidden) {
        errors.add(field, format!("{what} can't contain line breaks, control or invisible characters."));
    }
    Some(value)
}

/// Characters that don't show, or that reorder or hide the text around them: controls, bidi
/// overrides and isolates, zero-width characters, line and paragraph separators, tags. A clinic's
/// name must read on the confirm step exactly as it will be used.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{E0000}'..='\u{E007F}')
}

fn whole_number(errors: &mut FieldErrors, field: &str, input: &str, max: u8, what: &str) -> Option<u8> {
    let value = optional(input)?;
    match value.parse::<u8>() {
        Ok(n) if (1..=max).contains(&n) => Some(n),
        _ => {
            errors.add(field, format!("{what} must be a whole number from 1 to {max}."));
            None
        }
    }
}

impl ClinicForm {
    pub fn from_profile(profile: &ClinicProfile) -> ClinicForm {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut depths: [(String, String); 9] = Default::default();
        for d in &profile.depths {
            if let Some(i) = PROTOCOL_AREAS.iter().position(|a| *a == d.area) {
                depths[i] = (format_depth(d.from_mm), format_depth(d.to_mm));
            }
        }
        ClinicForm {
            name: profile.name.clone(),
            practitioner: text(&profile.practitioner),
            phone: text(&profile.phone),
            email: text(&profile.email),
            website: text(&profile.website),
            booking: text(&profile.booking),
            sessions: profile.protocol.map(|p| p.sessions.to_string()).unwrap_or_default(),
            interval_weeks: profile.protocol.map(|p| p.interval_weeks.to_string()).unwrap_or_default(),
            depths,
            aftercare: profile.aftercare.join("\n"),
            welcome: text(&profile.welcome),
            colour: profile.colour.map(|c| c.to_hex()).unwrap_or_default(),
        }
    }

    pub fn validate(&self) -> Result<ClinicProfile, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = plain_text(&mut errors, field::NAME, &self.name, MAX_NAME_CHARS, "The clinic's name");
        if name.is_none() {
            errors.add(field::NAME, "Enter the clinic's name.");
        }
        let practitioner = plain_text(
            &mut errors,
            field::PRACTITIONER,
            &self.practitioner,
            MAX_NAME_CHARS,
            "The practitioner",
        );
        let phone = plain_text(&mut errors, field::PHONE, &self.phone, MAX_PHONE_CHARS, "The phone number");
        if phone.as_deref().is_some_and(|p| !is_phone(p)) {
            errors.add(field::PHONE, "Enter a phone number: digits, spaces, and + - ( ) only.");
        }
        let email = plain_text(&mut errors, field::EMAIL, &self.email, MAX_EMAIL_CHARS, "The email address");
        if email.as_deref().is_some_and(|e| !is_email(e)) {
            errors.add(field::EMAIL, "Enter an email address like reception@clinic.example.");
        }
        let website =
            self.https(&mut errors, field::WEBSITE, &self.website, MAX_WEBSITE_CHARS, "The website");
        let booking =
            self.https(&mut errors, field::BOOKING, &self.booking, MAX_BOOKING_CHARS, "The booking link");
        let protocol = self.protocol(&mut errors);
        let depths = self.depths(&mut errors);
        let aftercare = self.aftercare(&mut errors);
        let welcome =
            plain_text(&mut errors, field::WELCOME, &self.welcome, MAX_WELCOME_CHARS, "The welcome");
        let colour = optional(&self.colour).and_then(|c| match Rgb::parse_hex(&c) {
            Some(rgb) => Some(rgb),
            None => {
                errors.add(field::COLOUR, "The brand colour must be # and six hex digits, like #1f6f8b.");
                None
            }
        });
        let profile = ClinicProfile {
            name: name.unwrap_or_default(),
            practitioner,
            phone,
            email,
            website,
            booking,
            protocol,
            depths,
            aftercare,
            welcome,
            colour,
        };
        errors.into_result(profile)
    }

    fn https(
        &self,
        errors: &mut FieldErrors,
        field: &str,
        input: &str,
        max: usize,
        what: &str,
    ) -> Option<String> {
        let value = plain_text(errors, field, input, max, what)?;
        if let Some(problem) = https_problem(&value) {
            errors.add(field, format!("{what} {problem}."));
        }
        Some(value)
    }

    fn protocol(&self, errors: &mut FieldErrors) -> Option<ClinicProtocol> {
        let sessions = whole_number(errors, field::SESSIONS, &self.sessions, MAX_SESSIONS, "Sessions");
        let interval =
            whole_number(errors, field::INTERVAL, &self.interval_weeks, MAX_INTERVAL_WEEKS, "Weeks apart");
        match (sessions, interval, optional(&self.sessions), optional(&self.interval_weeks)) {
            (Some(sessions), Some(interval_weeks), ..) => Some(ClinicProtocol { sessions, interval_weeks }),
            (_, _, None, Some(_)) => {
                errors.add(field::SESSIONS, "Give the number of sessions too, or leave both empty.");
                None
            }
            (_, _, Some(_), None) => {
                errors.add(field::INTERVAL, "Give the weeks between sessions too, or leave both empty.");
                None
            }
            _ => None,
        }
    }

    fn depths(&self, errors: &mut FieldErrors) -> Vec<AreaDepth> {
        let mut depths = Vec::new();
        for (area, (from, to)) in PROTOCOL_AREAS.iter().zip(&self.depths) {
            let field = depth_field(*area);
            let parsed = (parse_depth(from), parse_depth(to));
            match parsed {
                (Ok(None), Ok(None)) => {}
                (Err(e), _) | (_, Err(e)) => errors.add(field, format!("{}: {e}", area.label())),
                (Ok(Some(from_mm)), Ok(Some(to_mm))) if from_mm <= to_mm => {
                    depths.push(AreaDepth { area: *area, from_mm, to_mm })
                }
                (Ok(Some(_)), Ok(Some(_))) => errors
                    .add(field, format!("{}: the first depth must not be above the second.", area.label())),
                _ => {
                    errors.add(field, format!("{}: give both depths of the range, or neither.", area.label()))
                }
            }
        }
        depths
    }

    fn aftercare(&self, errors: &mut FieldErrors) -> Vec<String> {
        let items: Vec<String> = self.aftercare.lines().filter_map(optional).collect();
        if items.len() > MAX_AFTERCARE_ITEMS {
            errors.add(
                field::AFTERCARE,
                format!("List at most {MAX_AFTERCARE_ITEMS} aftercare items (now {}).", items.len()),
            );
        }
        for item in &items {
            let count = item.chars().count();
            if count > MAX_AFTERCARE_ITEM_CHARS {
                errors.add(
                    field::AFTERCARE,
                    format!("Each aftercare item can be at most {MAX_AFTERCARE_ITEM_CHARS} characters (\"{}…\" has {count}).", item.chars().take(20).collect::<String>()),
                );
            } else if item.chars().any(is_hidden) {
                errors
                    .add(field::AFTERCARE, "Aftercare items can't contain control or invisible characters.");
            }
        }
        let mut unique: Vec<String> = Vec::new();
        for item in items {
            if !unique.contains(&item) {
                unique.push(item);
            }
        }
        unique
    }
}

#[cfg(test)]
pub(crate) mod tests;
