//! Field-by-field validation results, so every form can show each message next to its field.

use time::Date;

/// Longest free-text note the app stores.
pub const MAX_NOTE_CHARS: usize = 5_000;
/// Longest short text (a device model, a clinic name, a product).
pub const MAX_SHORT_TEXT_CHARS: usize = 100;

/// Messages keyed by the field they belong to. Empty means the input is valid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldErrors {
    errors: Vec<(String, String)>,
}

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a message for `field`; the first message for a field wins (it is the most basic).
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        let field = field.into();
        if self.get(&field).is_none() {
            self.errors.push((field, message.into()));
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Fields with a message, in the order they were found.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.errors.iter().map(|(f, _)| f.as_str())
    }

    /// The messages, in the order they were found.
    pub fn messages(&self) -> impl Iterator<Item = &str> {
        self.errors.iter().map(|(_, m)| m.as_str())
    }

    /// `Ok(value)` when nothing was recorded, else these errors.
    pub fn into_result<T>(self, value: T) -> Result<T, FieldErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

pub use crate::domain::text::iso::{parse_date, parse_time};

/// A required date field: a message when it is empty or not a date.
pub fn required_date(errors: &mut FieldErrors, field: &str, input: &str, what: &str) -> Option<Date> {
    if input.trim().is_empty() {
        errors.add(field, format!("Enter {what}."));
        return None;
    }
    let parsed = parse_date(input);
    if parsed.is_none() {
        errors.add(field, format!("Enter {what} as a real date, like 2026-11-24."));
    }
    parsed
}

/// An optional whole number within `min..=max`; empty input is `None`.
pub fn optional_number(
    errors: &mut FieldErrors,
    field: &str,
    input: &str,
    (min, max): (u8, u8),
    what: &str,
) -> Option<u8> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return None;
    }
    match trimmed.parse::<u8>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errors.add(field, format!("{what} must be a whole number from {min} to {max}."));
            None
        }
    }
}

/// Free text up to `max` characters, trimmed; a message saying how long it is when too long.
pub fn bounded_text(errors: &mut FieldErrors, field: &str, input: &str, max: usize, what: &str) -> String {
    let trimmed = input.trim();
    let count = trimmed.chars().count();
    if count > max {
        errors.add(field, format!("{what} can be at most {} characters (now {}).", group(max), group(count)));
    }
    trimmed.to_string()
}

/// 5000 → "5,000": long numbers in messages read better grouped.
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_message_for_a_field_wins() {
        let mut errors = FieldErrors::new();
        errors.add("date", "Enter the date.");
        errors.add("date", "second");
        errors.add("pain", "bad");
        assert_eq!(errors.get("date"), Some("Enter the date."));
        assert_eq!(errors.len(), 2);
        assert_eq!(errors.fields().collect::<Vec<_>>(), vec!["date", "pain"]);
        let refused = errors.clone().into_result(()).unwrap_err();
        assert_eq!(refused, errors, "the refusal is the errors themselves");
        assert_eq!(FieldErrors::new().into_result(5), Ok(5));
    }

    #[test]
    fn required_dates_explain_what_is_wrong() {
        let mut errors = FieldErrors::new();
        assert_eq!(required_date(&mut errors, "a", "", "the session date"), None);
        assert_eq!(required_date(&mut errors, "b", "2026-13-01", "the session date"), None);
        assert_eq!(errors.get("a"), Some("Enter the session date."));
        assert_eq!(errors.get("b"), Some("Enter the session date as a real date, like 2026-11-24."));
    }

    #[test]
    fn numbers_are_bounded_and_optional() {
        let mut errors = FieldErrors::new();
        assert_eq!(optional_number(&mut errors, "pain", "", (0, 10), "Pain"), None);
        assert_eq!(optional_number(&mut errors, "pain", " 7 ", (0, 10), "Pain"), Some(7));
        assert!(errors.is_empty());
        assert_eq!(optional_number(&mut errors, "pain", "11", (0, 10), "Pain"), None);
        assert_eq!(errors.get("pain"), Some("Pain must be a whole number from 0 to 10."));
        let mut errors = FieldErrors::new();
        assert_eq!(optional_number(&mut errors, "x", "2.5", (0, 10), "X"), None);
        assert_eq!(optional_number(&mut errors, "y", "-1", (0, 10), "Y"), None);
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn long_text_is_reported_with_its_length() {
        let mut errors = FieldErrors::new();
        let note = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(bounded_text(&mut errors, "notes", &note, MAX_NOTE_CHARS, "Notes"), note);
        assert!(errors.is_empty(), "5,000 characters (not bytes) are allowed");
        bounded_text(&mut errors, "notes", &"a".repeat(5_123), MAX_NOTE_CHARS, "Notes");
        assert_eq!(errors.get("notes"), Some("Notes can be at most 5,000 characters (now 5,123)."));
    }
}
