//! The clinic link: a clinic profile carried in the URL fragment, so it never reaches a server.
//!
//! Format: `https://<app>/#clinic=1.<base64url(fields)>`. The `1.` is the format version. The
//! fields are a compact tag-length-value list, every value UTF-8 text exactly as the clinic form
//! holds it:
//!
//! | tag | field                 | tag | field                                   |
//! |----:|-----------------------|----:|-----------------------------------------|
//! |   1 | clinic name           |   7 | number of sessions                      |
//! |   2 | practitioner          |   8 | weeks between sessions                  |
//! |   3 | phone                 |   9 | depth range, `<area key> <from> <to>` (repeats) |
//! |   4 | email                 |  10 | aftercare item (repeats)                |
//! |   5 | website               |  11 | welcome message                         |
//! |   6 | booking link          |  12 | brand colour `#rrggbb`                  |
//!
//! A tag is one byte and a length is a LEB128 number. Unknown tags are skipped, so a newer kit can
//! add fields that older apps ignore. Text instead of JSON keeps JSON and float code out of the
//! app's wasm and makes links about a third shorter.
//!
//! Decoding is strict and total: any input, however long or malformed, returns a profile that
//! passed [`ClinicForm::validate`] (the same checks as typing it in) or an error saying what is
//! wrong. It never panics: property tests feed it 10,000 random and mutated links.

use crate::domain::clinic::{ClinicForm, ClinicProfile, PROTOCOL_AREAS};
use crate::domain::profile::area::AreaKind;
use crate::domain::text::base64url;
use crate::domain::validation::FieldErrors;

/// The fragment key: `#clinic=…`.
pub const FRAGMENT_KEY: &str = "clinic=";
pub const FORMAT_VERSION: &str = "1";
/// The longest payload (what follows `#clinic=`) the app reads.
pub const MAX_PAYLOAD_CHARS: usize = 2048;

const NAME: u8 = 1;
const PRACTITIONER: u8 = 2;
const PHONE: u8 = 3;
const EMAIL: u8 = 4;
const WEBSITE: u8 = 5;
const BOOKING: u8 = 6;
const SESSIONS: u8 = 7;
const INTERVAL: u8 = 8;
const DEPTH: u8 = 9;
const AFTERCARE: u8 = 10;
const WELCOME: u8 = 11;
const COLOUR: u8 = 12;

#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    TooLong {
        chars: usize,
    },
    /// Made by a newer Remodel than this one.
    UnknownVersion(String),
    /// Not base64url, or the fields are cut short.
    Damaged,
    /// A field that is not text, or not in its form: its label.
    Unreadable(&'static str),
    /// A single field given twice: its label.
    Repeated(&'static str),
    /// Fields that fail the clinic form's checks.
    Invalid(FieldErrors),
}

impl LinkError {
    /// Why the link can't be used, for the client (or, in the kit, the clinic).
    pub fn message(&self) -> String {
        match self {
            LinkError::TooLong { chars } => format!(
                "The link is too long ({chars} characters; the limit is {MAX_PAYLOAD_CHARS}). Shorten the welcome message or the aftercare items."
            ),
            LinkError::UnknownVersion(v) => format!(
                "The link was made for a newer version of Remodel (format {v}). Reload the app to update it, then open the link again."
            ),
            LinkError::Damaged => "The link is damaged or incomplete. Ask the clinic for the link again.".to_string(),
            LinkError::Unreadable(label) => format!("The link's {label} is not in the right form."),
            LinkError::Repeated(label) => format!("The link gives the {label} more than once."),
            LinkError::Invalid(errors) => errors.messages().collect::<Vec<_>>().join(" "),
        }
    }
}

/// The payload of a `#clinic=…` fragment (with or without the `#`), or `None` for any other
/// fragment.
pub fn payload_from_fragment(fragment: &str) -> Option<&str> {
    fragment.strip_prefix('#').unwrap_or(fragment).strip_prefix(FRAGMENT_KEY)
}

fn push_field(bytes: &mut Vec<u8>, tag: u8, value: &str) {
    bytes.push(tag);
    let mut len = value.len();
    loop {
        let low = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            bytes.push(low);
            break;
        }
        bytes.push(low | 0x80);
    }
    bytes.extend_from_slice(value.as_bytes());
}

/// `1.<base64url(fields)>`.
pub fn encode(profile: &ClinicProfile) -> String {
    let form = ClinicForm::from_profile(profile);
    let mut bytes = Vec::new();
    for (tag, value) in [
        (NAME, &form.name),
        (PRACTITIONER, &form.practitioner),
        (PHONE, &form.phone),
        (EMAIL, &form.email),
        (WEBSITE, &form.website),
        (BOOKING, &form.booking),
        (SESSIONS, &form.sessions),
        (INTERVAL, &form.interval_weeks),
        (WELCOME, &form.welcome),
        (COLOUR, &form.colour),
    ] {
        if !value.is_empty() {
            push_field(&mut bytes, tag, value);
        }
    }
    for (area, (from, to)) in PROTOCOL_AREAS.iter().zip(&form.depths) {
        if !from.is_empty() {
            push_field(&mut bytes, DEPTH, &format!("{} {from} {to}", area.key()));
        }
    }
    for item in &profile.aftercare {
        push_field(&mut bytes, AFTERCARE, item);
    }
    format!("{FORMAT_VERSION}.{}", base64url::encode(&bytes))
}

/// The whole link for `origin` (like `https://remodel.example`), or why it can't be made.
pub fn link(origin: &str, profile: &ClinicProfile) -> Result<String, LinkError> {
    let payload = encode(profile);
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong { chars: payload.len() });
    }
    Ok(format!("{origin}/#{FRAGMENT_KEY}{payload}"))
}

/// A plain link for the clinic's own site: no script, no styles, nothing loaded from us.
pub fn html_snippet(link: &str) -> String {
    let escaped = link.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;");
    format!("<a href=\"{escaped}\" rel=\"noopener\">Track your recovery with Remodel</a>")
}

pub fn decode(payload: &str) -> Result<ClinicProfile, LinkError> {
    let chars = payload.chars().count();
    if chars > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    let (version, body) = payload.split_once('.').ok_or(LinkError::Damaged)?;
    if version != FORMAT_VERSION {
        let newer = !version.is_empty() && version.len() <= 3 && version.bytes().all(|b| b.is_ascii_digit());
        return Err(if newer { LinkError::UnknownVersion(version.to_string()) } else { LinkError::Damaged });
    }
    let bytes = base64url::decode(body).ok_or(LinkError::Damaged)?;
    let profile = form_from_fields(&bytes)?.validate().map_err(LinkError::Invalid)?;
    // The profile is stored (and handed to the kit) in its normal form: ".5" is written "0.5",
    // so a link just under the limit could grow past it once stored and then fail to load.
    let normal = encode(&profile).len();
    if normal > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong { chars: normal });
    }
    Ok(profile)
}

/// Splits the fields into (tag, value) pairs; `None` when a length runs past the end.
fn fields(mut bytes: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let mut out = Vec::new();
    while let Some((&tag, rest)) = bytes.split_first() {
        let mut len = 0usize;
        let mut rest = rest;
        for shift in [0, 7, 14] {
            let (&byte, after) = rest.split_first()?;
            rest = after;
            len |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                break;
            }
            if shift == 14 {
                return None;
            }
        }
        if len > rest.len() {
            return None;
        }
        let (value, after) = rest.split_at(len);
        out.push((tag, value));
        bytes = after;
    }
    Some(out)
}

fn label(tag: u8) -> &'static str {
    match tag {
        NAME => "clinic name",
        PRACTITIONER => "practitioner",
        PHONE => "phone number",
        EMAIL => "email address",
        WEBSITE => "website",
        BOOKING => "booking link",
        SESSIONS => "number of sessions",
        INTERVAL => "weeks between sessions",
        DEPTH => "needle depths",
        AFTERCARE => "aftercare list",
        WELCOME => "welcome message",
        _ => "brand colour",
    }
}

/// The fields as the form would hold them, so the link goes through the form's checks.
fn form_from_fields(bytes: &[u8]) -> Result<ClinicForm, LinkError> {
    let mut form = ClinicForm::default();
    let mut aftercare: Vec<&str> = Vec::new();
    for (tag, value) in fields(bytes).ok_or(LinkError::Damaged)? {
        if !(NAME..=COLOUR).contains(&tag) {
            continue; // a field from a newer format
        }
        let text = std::str::from_utf8(value).map_err(|_| LinkError::Unreadable(label(tag)))?;
        let slot = match tag {
            NAME => &mut form.name,
            PRACTITIONER => &mut form.practitioner,
            PHONE => &mut form.phone,
            EMAIL => &mut form.email,
            WEBSITE => &mut form.website,
            BOOKING => &mut form.booking,
            SESSIONS => &mut form.sessions,
            INTERVAL => &mut form.interval_weeks,
            WELCOME => &mut form.welcome,
            COLOUR => &mut form.colour,
            DEPTH => {
                let (i, from, to) = depth_parts(text).ok_or(LinkError::Unreadable(label(tag)))?;
                if !form.depths[i].0.is_empty() {
                    return Err(LinkError::Repeated("needle depth of one area"));
                }
                form.depths[i] = (from.to_string(), to.to_string());
                continue;
            }
            _ => {
                // One item per line in the form: an item with a line break must not become two.
                if text.contains(['\n', '\r']) {
                    return Err(LinkError::Unreadable(label(tag)));
                }
                aftercare.push(text);
                continue;
            }
        };
        if !slot.is_empty() {
            return Err(LinkError::Repeated(label(tag)));
        }
        // An empty value would read as "absent"; a present but blank field is still refused.
        *slot = if text.is_empty() { " ".to_string() } else { text.to_string() };
    }
    form.aftercare = aftercare.join("\n");
    Ok(form)
}

/// `cheeks 0.5 1` → (index in [`PROTOCOL_AREAS`], "0.5", "1").
fn depth_parts(text: &str) -> Option<(usize, &str, &str)> {
    let mut parts = text.split(' ');
    let (area, from, to) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || from.is_empty() || to.is_empty() {
        return None;
    }
    let kind = AreaKind::from_key(area)?;
    Some((PROTOCOL_AREAS.iter().position(|a| *a == kind)?, from, to))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "link_tests.rs"]
mod tests;
