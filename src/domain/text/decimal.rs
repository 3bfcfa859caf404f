//! Fixed-point decimals for display and input, with integer arithmetic only.
//!
//! Every decimal the app shows or reads has at most two places (needle depth, chart coordinates,
//! sizes). Doing them in integers keeps Rust's float printing and parsing machinery out of the
//! wasm (about 6 KB brotli).

/// `value` rounded to `places` decimals (at most 4). `trim` drops trailing zeros ("1.5", "2");
/// otherwise exactly `places` decimals ("1.50"). Never "-0"; non-finite values give "0".
pub fn format_fixed(value: f64, places: u32, trim: bool) -> String {
    let places = places.min(4);
    let scale = 10_i64.pow(places);
    if !value.is_finite() {
        return "0".to_string();
    }
    let scaled = (value * scale as f64).round() as i64;
    let negative = scaled < 0;
    let magnitude = scaled.unsigned_abs();
    let whole = magnitude / scale as u64;
    let mut fraction = format!("{:0width$}", magnitude % scale as u64, width = places as usize);
    if trim {
        while fraction.ends_with('0') {
            fraction.pop();
        }
    }
    let sign = if negative && (whole > 0 || !fraction.trim_matches('0').is_empty()) { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// Why a decimal could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    NotANumber,
    /// More decimal places than the unit allows (e.g. 1.234 for hundredths).
    TooPrecise,
}

/// Reads a non-negative decimal such as "1", "1.5", ",5" or "1.250" as hundredths (150 for
/// "1.5"). A comma is read as a decimal point, as many phones type it.
pub fn parse_hundredths(input: &str) -> Result<u32, DecimalError> {
    let text = input.trim().replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty())
        || !all_digits(whole)
        || !all_digits(fraction)
        || whole.len() > 6
    {
        return Err(DecimalError::NotANumber);
    }
    let (kept, rest) = fraction.split_at(fraction.len().min(2));
    if rest.bytes().any(|b| b != b'0') {
        return Err(DecimalError::TooPrecise);
    }
    let whole: u32 =
        if whole.is_empty() { 0 } else { whole.parse().map_err(|_| DecimalError::NotANumber)? };
    let kept: u32 = format!("{kept:0<2}").parse().map_err(|_| DecimalError::NotANumber)?;
    Ok(whole * 100 + kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_the_float_formatter_would() {
        assert_eq!(format_fixed(12.0, 2, true), "12");
        assert_eq!(format_fixed(12.5, 2, true), "12.5");
        assert_eq!(format_fixed(12.25, 2, true), "12.25");
        assert_eq!(format_fixed(-3.0, 2, true), "-3");
        assert_eq!(format_fixed(-0.001, 2, true), "0");
        assert_eq!(format_fixed(-0.5, 2, true), "-0.5");
        assert_eq!(format_fixed(0.1 + 0.2, 2, true), "0.3");
        assert_eq!(format_fixed(1.006, 2, true), "1.01");
        assert_eq!(format_fixed(f64::NAN, 2, true), "0");
        assert_eq!(format_fixed(1.0, 1, false), "1.0");
        assert_eq!(format_fixed(1.25, 2, false), "1.25");
        assert_eq!(format_fixed(0.04, 1, false), "0.0");
    }

    #[test]
    fn reads_decimals_as_hundredths() {
        assert_eq!(parse_hundredths("1.25"), Ok(125));
        assert_eq!(parse_hundredths(" 1,5 "), Ok(150));
        assert_eq!(parse_hundredths("3"), Ok(300));
        assert_eq!(parse_hundredths(".5"), Ok(50));
        assert_eq!(parse_hundredths("1."), Ok(100));
        assert_eq!(parse_hundredths("1.250"), Ok(125));
        assert_eq!(parse_hundredths("1.234"), Err(DecimalError::TooPrecise));
        for bad in ["", ".", "deep", "-1", "1e2", "NaN", "1.2.3", "9999999"] {
            assert_eq!(parse_hundredths(bad), Err(DecimalError::NotANumber), "{bad:?}");
        }
    }
}
