//! Checks for text that ends up in a link the app renders (`https:`, `tel:`, `mailto:`).
//!
//! They are deliberately narrower than the standards: a clinic's link must never smuggle another
//! scheme (`javascript:`, `data:`), credentials (`https://bank.example@evil.example`), quotes,
//! spaces or markup into an attribute, so anything unusual is refused rather than escaped.

/// `https://host[:port][/path][?query][#fragment]` with a dotted host name and no credentials.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else { return false };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    port_ok && is_host_name(host) && tail.bytes().all(is_url_tail_byte)
}

/// `clinic.example`, `www.my-clinic.co.uk`: labels of letters, digits and inner hyphens.
fn is_host_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && host.len() <= 253
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// RFC 3986 unreserved and reserved characters and `%`, minus quotes and parentheses.
fn is_url_tail_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&*+,;=%".contains(&b)
}

/// Digits, spaces and `+ - ( ) .`, with 5 to 15 digits (the international maximum) and at most
/// one `+`, at the start.
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.bytes().filter(u8::is_ascii_digit).count();
    let plus_ok = match phone.find('+') {
        None => true,
        Some(i) => i == 0 && phone.matches('+').count() == 1,
    };
    (5..=15).contains(&digits)
        && plus_ok
        && phone.bytes().all(|b| b.is_ascii_digit() || b" +-().".contains(&b))
}

/// `tel:+441234567890`: the number without its spacing.
pub fn tel_href(phone: &str) -> String {
    let dialable: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{dialable}")
}

/// `name@clinic.example`: a plain local part and a dotted host name.
pub fn is_email(email: &str) -> bool {
    let Some((local, host)) = email.split_once('@') else { return false };
    !local.is_empty()
        && local.len() <= 64
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && is_host_name(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_https_addresses_pass() {
        for good in [
            "https://clinic.example",
            "https://www.my-clinic.co.uk/book?service=microneedling&when=soon#top",
            "https://clinic.example:8443/a/b",
            "https://clinic.example/%E2%9C%93",
        ] {
            assert!(is_https_url(good), "{good}");
        }
        for bad in [
            "http://clinic.example",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "HTTPS://clinic.example",
            "https://",
            "https://localhost",
            "https://bank.example@evil.example",
            "https://user:pw@clinic.example",
            "https://clinic.example/\"><img src=x onerror=alert(1)>",
            "https://clinic.example/a b",
            "https://clinic.example/'quoted'",
            "https://clinic.example/javascript:alert(1)\n",
            "https://-bad.example",
            "https://clinic..example",
            "https://clinic.example:",
            "https://clinic.example:123456",
            " https://clinic.example",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn phone_numbers_are_digits_with_light_punctuation() {
        for good in ["+44 20 7946 0958", "(020) 7946-0958", "0612.345.678", "12345"] {
            assert!(is_phone(good), "{good}");
        }
        for bad in ["1234", "+44 +20", "44+20123", "020 7946 0958 ext 2", "javascript:1", "1234567890123456"]
        {
            assert!(!is_phone(bad), "{bad}");
        }
        assert_eq!(tel_href("+44 (20) 7946-0958"), "tel:+442079460958");
    }

    #[test]
    fn email_addresses_are_plain() {
        for good in ["reception@clinic.example", "first.last+skin@mail.clinic.co.uk"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "reception",
            "@clinic.example",
            "a@b",
            "a b@clinic.example",
            "a@clinic.example?subject=x",
            "\"x\"@clinic.example",
            "a@@clinic.example",
            ".a@clinic.example",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
