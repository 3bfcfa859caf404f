//! Checks for text that ends up in a link the app renders (`https:`, `tel:`, `mailto:`).
//!
//! They are deliberately narrower than the standards: a clinic's link must never smuggle another
//! scheme (`javascript:`, `data:`), credentials (`https://bank.example@evil.example`), quotes,
//! spaces or markup into an attribute, so anything unusual is refused rather than escaped.

/// What is wrong with a would-be `https://` address, in words for the message beside the field;
/// `None` when it is a plain `https://host[:port][/path][?query][#fragment]` with a dotted host
/// name (the last label not a number, so no bare IP addresses), no credentials and a real port.
pub fn https_problem(url: &str) -> Option<&'static str> {
    let Some(rest) = url.strip_prefix("https://") else { return Some("must start with https://") };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Some("can't contain a user name or password");
    }
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if !is_host_name(host)
        || host.rsplit('.').next().is_some_and(|last| last.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some("needs a host name like clinic.example after https://");
    }
    if port.is_some_and(|p| {
        p.is_empty()
            || p.len() > 5
            || !p.bytes().all(|b| b.is_ascii_digit())
            || p.parse::<u32>().map_or(true, |n| n == 0 || n > 65_535)
    }) {
        return Some("has a port that is not a number from 1 to 65535");
    }
    if !tail.bytes().all(is_url_tail_byte) {
        return Some("contains characters a web address can't (spaces, quotes, < or >)");
    }
    None
}

pub fn is_https_url(url: &str) -> bool {
    https_problem(url).is_none()
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
        // No `%`: a mail app would decode `x%40evil.example` into another recipient.
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
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
            "https://clinic.example:99999",
            "https://clinic.example:0",
            "https://a.1",
            "https://0x7f.1",
            "https://192.168.1.1",
            "https://clinic.example\\@evil.example",
            " https://clinic.example",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn the_message_names_what_is_wrong() {
        assert_eq!(https_problem("http://a.example"), Some("must start with https://"));
        assert_eq!(https_problem("https://me@a.example"), Some("can't contain a user name or password"));
        assert_eq!(
            https_problem("https://localhost/"),
            Some("needs a host name like clinic.example after https://")
        );
        assert_eq!(
            https_problem("https://a.example:70000"),
            Some("has a port that is not a number from 1 to 65535")
        );
        assert!(https_problem("https://a.example/<script>").unwrap().contains("characters"));
        assert_eq!(https_problem("https://a.example:443/ok"), None);
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
            "x%40evil.example%2Cinfo@clinic.example",
            ".a@clinic.example",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
