use proptest::prelude::*;

use super::*;
use crate::domain::clinic::colour::Rgb;
use crate::domain::clinic::{field, ClinicProtocol};

fn studio() -> ClinicProfile {
    crate::domain::clinic::tests::full_form().validate().unwrap()
}

#[test]
fn a_link_round_trips_and_lives_in_the_fragment() {
    let profile = studio();
    let link = link("https://remodel.example", &profile).unwrap();
    assert!(link.starts_with("https://remodel.example/#clinic=1."), "{link}");
    let fragment = &link[link.find('#').unwrap()..];
    assert_eq!(decode(payload_from_fragment(fragment).unwrap()), Ok(profile));
    assert_eq!(payload_from_fragment("#other=1"), None);
    assert_eq!(payload_from_fragment("clinic=1.e30"), Some("1.e30"));
}

#[test]
fn the_snippet_is_one_plain_link() {
    assert_eq!(
        html_snippet("https://remodel.example/#clinic=1.e30"),
        "<a href=\"https://remodel.example/#clinic=1.e30\" rel=\"noopener\">Track your recovery with Remodel</a>"
    );
    assert_eq!(html_snippet("https://a.example/?x=\"<&>"), "<a href=\"https://a.example/?x=&quot;&lt;&amp;&gt;\" rel=\"noopener\">Track your recovery with Remodel</a>");
}

/// A payload with these (tag, value) fields, written by hand.
fn payload(fields: &[(u8, &str)]) -> String {
    let mut bytes = Vec::new();
    for (tag, value) in fields {
        push_field(&mut bytes, *tag, value);
    }
    format!("1.{}", base64url::encode(&bytes))
}

#[test]
fn unknown_fields_are_ignored() {
    let decoded = decode(&payload(&[(200, "from a newer kit"), (NAME, "Skin Studio"), (13, "")])).unwrap();
    assert_eq!(decoded.name, "Skin Studio");
}

#[test]
fn each_kind_of_bad_link_says_what_is_wrong() {
    let message = |p: &str| decode(p).unwrap_err().message();
    let name = (NAME, "Skin Studio");
    assert!(
        message(&"A".repeat(MAX_PAYLOAD_CHARS + 1)).contains("too long (2049 characters; the limit is 2048)")
    );
    assert!(message(&payload(&[name]).replacen('1', "2", 1)).contains("newer version of Remodel (format 2)"));
    assert!(message("1.@@@").contains("damaged"));
    assert!(message("nothing").contains("damaged"));
    assert!(message("x.AQ").contains("damaged"));
    // A length that runs past the end.
    assert!(message(&format!("1.{}", base64url::encode(&[NAME, 40, b'a']))).contains("damaged"));
    assert!(message(&format!("1.{}", base64url::encode(&[NAME, 0xff, 0xff, 0xff, 0x01]))).contains("damaged"));
    assert_eq!(
        message(&format!("1.{}", base64url::encode(&[NAME, 2, 0xc3, 0x28]))),
        "The link's clinic name is not in the right form."
    );
    assert_eq!(message(&payload(&[name, name])), "The link gives the clinic name more than once.");
    assert_eq!(
        message(&payload(&[name, (SESSIONS, "three"), (INTERVAL, "6")])),
        "Sessions must be a whole number from 1 to 12."
    );
    assert_eq!(
        message(&payload(&[name, (DEPTH, "moon 1 1")])),
        "The link's needle depths is not in the right form."
    );
    assert_eq!(
        message(&payload(&[name, (DEPTH, "custom 1 1")])),
        "The link's needle depths is not in the right form."
    );
    assert_eq!(
        message(&payload(&[name, (DEPTH, "neck 1")])),
        "The link's needle depths is not in the right form."
    );
    assert!(message(&payload(&[name, (DEPTH, "neck 1e308 1")])).contains("Neck"));
    assert!(message(&payload(&[name, (DEPTH, "neck 1 2"), (DEPTH, "neck 1 2")])).contains("more than once"));
    assert!(message(&payload(&[name, (WEBSITE, "javascript:alert(1)")])).contains("https://"));
    assert!(message(&payload(&[name, (BOOKING, "data:text/html,<script>alert(1)</script>")]))
        .contains("https://"));
    assert!(message(&payload(&[name, (COLOUR, "red")])).contains("six hex digits"));
    assert!(message(&payload(&[name, (AFTERCARE, "one\ntwo")])).contains("aftercare list"));
    assert_eq!(message(&payload(&[(WEBSITE, "https://a.example")])), "Enter the clinic's name.");
    assert_eq!(message(&payload(&[(NAME, "")])), "Enter the clinic's name.");
    let errors = match decode(&payload(&[(NAME, " "), (PHONE, "x"), (EMAIL, "y")])) {
        Err(LinkError::Invalid(errors)) => errors,
        other => panic!("{other:?}"),
    };
    assert_eq!(errors.fields().collect::<Vec<_>>(), vec![field::NAME, field::PHONE, field::EMAIL]);
}

#[test]
fn a_link_that_would_grow_past_the_limit_once_stored_is_refused() {
    // ".5" is stored as "0.5": nine such ranges grow the payload by 24 characters once stored.
    // Find a link just under the limit as sent (filling with aftercare and a welcome).
    let link_with = |items: usize, welcome: usize| {
        let mut fields: Vec<(u8, String)> = vec![
            (NAME, "n".repeat(60)),
            (PRACTITIONER, "p".repeat(60)),
            (EMAIL, format!("{}@skinstudio.example", "e".repeat(60))),
            (WEBSITE, format!("https://skinstudio.example/{}", "w".repeat(93))),
            (BOOKING, format!("https://skinstudio.example/{}", "b".repeat(133))),
            // Thai: three bytes a character, so the limit is within reach.
            (WELCOME, "ส".repeat(welcome)),
        ];
        for area in crate::domain::clinic::PROTOCOL_AREAS {
            fields.push((DEPTH, format!("{} .5 .5", area.key())));
        }
        for i in 0..items {
            fields.push((AFTERCARE, format!("{i:02} {}", "a".repeat(37))));
        }
        payload(&fields.iter().map(|(t, v)| (*t, v.as_str())).collect::<Vec<_>>())
    };
    let near_limit = (0..=12)
        .flat_map(|items| (0..=200).map(move |welcome| (items, welcome)))
        .map(|(items, welcome)| link_with(items, welcome))
        .find(|link| (MAX_PAYLOAD_CHARS - 8..=MAX_PAYLOAD_CHARS).contains(&link.len()))
        .expect("a link within 8 characters of the limit");
    assert!(matches!(decode(&near_limit), Err(LinkError::TooLong { chars }) if chars > MAX_PAYLOAD_CHARS));
    // The same profile written in normal form in the first place is refused by the kit too.
    assert!(link_with(0, 0).len() < MAX_PAYLOAD_CHARS && decode(&link_with(0, 0)).is_ok());
}

#[test]
fn a_profile_too_big_for_a_link_is_refused_by_the_kit() {
    let mut profile = studio();
    profile.aftercare = (0..12).map(|i| format!("{i:02} {}", "y".repeat(37))).collect();
    // Every field at its limit fits, until the text is not Latin: 200 characters of Thai welcome
    // are 600 bytes of UTF-8.
    profile.welcome = Some("ส".repeat(200));
    profile.booking = Some(format!("https://skinstudio.example/{}", "b".repeat(130)));
    profile.website = Some(format!("https://skinstudio.example/{}", "c".repeat(90)));
    profile.depths = crate::domain::clinic::PROTOCOL_AREAS
        .iter()
        .map(|&area| crate::domain::clinic::AreaDepth { area, from_mm: 1.25, to_mm: 2.75 })
        .collect();
    let mut latin = profile.clone();
    latin.welcome = Some("w".repeat(200));
    assert!(link("https://remodel.example", &latin).is_ok(), "every Latin field at its limit fits");
    match link("https://remodel.example", &profile) {
        Err(LinkError::TooLong { chars }) => assert!(chars > MAX_PAYLOAD_CHARS),
        other => panic!("expected too long, got {other:?}"),
    }
}

fn text(max: usize) -> impl Strategy<Value = String> {
    // Any visible characters: not in Unicode's "other" categories (controls, format characters
    // such as bidi overrides), nor line or paragraph separators.
    proptest::string::string_regex(&format!("[^\\p{{C}}\\p{{Zl}}\\p{{Zp}}]{{1,{max}}}")).unwrap().prop_map(
        |text| {
            // What the form would keep: trimmed, never blank.
            let trimmed = text.trim();
            if trimmed.is_empty() {
                "x".to_string()
            } else {
                trimmed.to_string()
            }
        },
    )
}

prop_compose! {
    fn profiles()(
        name in text(60),
        practitioner in proptest::option::of(text(60)),
        phone in proptest::option::of("\\+?[0-9]{5,12}"),
        email in proptest::option::of("[a-z0-9][a-z0-9._+-]{0,18}[a-z0-9]@[a-z0-9]{1,10}\\.[a-z]{2,6}"),
        website in proptest::option::of("https://[a-z]{1,12}\\.example(/[a-z0-9._~-]{0,20})?"),
        booking in proptest::option::of("https://[a-z]{1,12}\\.example:[1-9][0-9]{0,3}/[a-z0-9/?=&%._~-]{0,40}"),
        depth_area in 0usize..9,
        protocol in proptest::option::of((1u8..=12, 1u8..=26)),
        depth in proptest::option::of((10u32..=300, 0u32..=50)),
        aftercare in proptest::collection::vec(text(40), 0..=5),
        welcome in proptest::option::of(text(200)),
        colour in proptest::option::of(any::<(u8, u8, u8)>()),
    ) -> ClinicProfile {
        let mut aftercare_unique: Vec<String> = Vec::new();
        for item in aftercare {
            if !aftercare_unique.contains(&item) {
                aftercare_unique.push(item);
            }
        }
        ClinicProfile {
            name,
            practitioner,
            phone,
            email,
            website,
            booking,
            protocol: protocol.map(|(sessions, interval_weeks)| ClinicProtocol { sessions, interval_weeks }),
            depths: depth
                .map(|(from, extra)| {
                    // Depths on the 0.05 mm grid, within 0.1-3 mm.
                    let from = from - from % 5;
                    let to = (from + extra - extra % 5).min(300);
                    vec![crate::domain::clinic::AreaDepth {
                        area: crate::domain::clinic::PROTOCOL_AREAS[depth_area],
                        from_mm: f64::from(from) / 100.0,
                        to_mm: f64::from(to) / 100.0,
                    }]
                })
                .unwrap_or_default(),
            aftercare: aftercare_unique,
            welcome,
            colour: colour.map(|(r, g, b)| Rgb(r, g, b)),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn generated_profiles_round_trip(profile in profiles()) {
        let encoded = encode(&profile);
        if encoded.len() <= MAX_PAYLOAD_CHARS {
            prop_assert_eq!(decode(&encoded), Ok(profile));
        }
    }
}

/// A valid link with one change: a byte flipped, dropped, duplicated or swapped for a hostile one.
fn mutate(valid: &[u8], position: usize, kind: u8, byte: u8) -> String {
    String::from_utf8_lossy(&mutate_bytes(valid, position, kind, byte)).into_owned()
}

fn mutate_bytes(valid: &[u8], position: usize, kind: u8, byte: u8) -> Vec<u8> {
    let mut bytes = valid.to_vec();
    if bytes.is_empty() {
        return vec![byte];
    }
    let i = position % bytes.len();
    match kind % 4 {
        0 => bytes[i] = byte,
        1 => {
            bytes.remove(i);
        }
        2 => bytes.insert(i, byte),
        _ => bytes.truncate(i),
    }
    bytes
}

/// The decoded profile is valid, and stays within the limit in its stored (normal) form.
fn decoded_is_sound(payload: &str) -> Result<(), TestCaseError> {
    match decode(payload) {
        Ok(profile) => {
            prop_assert_eq!(ClinicForm::from_profile(&profile).validate(), Ok(profile.clone()));
            prop_assert!(encode(&profile).len() <= MAX_PAYLOAD_CHARS);
            prop_assert_eq!(decode(&encode(&profile)), Ok(profile));
        }
        Err(error) => prop_assert!(!error.message().is_empty()),
    }
    Ok(())
}

// 10,000 hostile links in all: 3,000 random field lists, 3,000 random byte strings, 2,000 random
// texts and 2,000 mutations of valid links.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    // Random field lists: well-formed links whose fields are anything at all, so the checks past
    // the base64 and the framing are what gets exercised.
    #[test]
    fn random_field_lists_never_panic(fields in proptest::collection::vec((0u8..16, ".{0,60}"), 0..16)) {
        let mut bytes = Vec::new();
        for (tag, value) in &fields {
            push_field(&mut bytes, *tag, value);
        }
        decoded_is_sound(&format!("1.{}", base64url::encode(&bytes)))?;
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1600)) {
        decoded_is_sound(&format!("1.{}", base64url::encode(&bytes)))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn random_links_never_panic(payload in ".{0,2100}") {
        decoded_is_sound(&payload)?;
    }

    #[test]
    fn mutated_links_never_panic(profile in profiles(), position in any::<usize>(), kind in any::<u8>(), byte in any::<u8>()) {
        let valid = encode(&profile);
        // Mutate the fields inside too, not only their base64: half the time, change a byte of
        // the decoded fields and encode them again.
        let candidate = if kind & 0x80 == 0 {
            mutate(valid.as_bytes(), position, kind, byte)
        } else {
            let fields = base64url::decode(&valid[2..]).unwrap();
            format!("1.{}", base64url::encode(&mutate_bytes(&fields, position, kind, byte)))
        };
        decoded_is_sound(&candidate)?;
    }
}
