use super::*;
use crate::domain::diary::recovery::tests::session;
use crate::domain::diary::session::SessionStatus;
use crate::domain::profile::area::{Area, AreaKind};
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 24);

fn profile() -> Profile {
    let cheeks = Area::new("cheeks".into(), AreaKind::Cheeks, "", &[]).unwrap();
    let neck = Area::new("neck".into(), AreaKind::Neck, "", &[]).unwrap();
    Profile { areas: vec![cheeks, neck], ..Profile::default() }
}

pub(crate) fn photo(id: &str, area: &str, angle: Angle, taken_at: &str) -> Photo {
    Photo {
        id: id.into(),
        area_id: area.into(),
        angle,
        angle_name: String::new(),
        taken_at: taken_at.into(),
        taken_at_source: TakenAtSource::Exif,
        session_id: None,
        lighting: String::new(),
        colour_card: false,
        width: 2048,
        height: 1536,
        thumb_width: 256,
        thumb_height: 192,
        stored_bytes: 500_000,
        alignment: None,
        card: None,
        redness: None,
        updated: None,
    }
}

pub(crate) fn sessions() -> Vec<Session> {
    vec![
        session("first", date!(2026 - 09 - 01), SessionStatus::Done),
        session("second", date!(2026 - 10 - 01), SessionStatus::Done),
        session("planned", date!(2026 - 11 - 01), SessionStatus::Planned),
    ]
}

#[test]
fn a_photo_belongs_to_the_latest_done_session_on_or_before_its_day() {
    let sessions = sessions();
    assert_eq!(session_before("2026-08-31T10:00", &sessions), None, "a before photo");
    assert_eq!(
        session_before("2026-09-01T08:00", &sessions).as_deref(),
        Some("first"),
        "the same day counts"
    );
    assert_eq!(session_before("2026-09-30T23:59", &sessions).as_deref(), Some("first"));
    assert_eq!(
        session_before("2026-11-20T09:00", &sessions).as_deref(),
        Some("second"),
        "planned ones don't"
    );
    assert_eq!(session_before("garbage", &sessions), None);
}

#[test]
fn the_gallery_groups_by_area_then_angle_newest_first_and_filters() {
    let profile = profile();
    let photos = vec![
        photo("n1", "neck", Angle::Front, "2026-09-01T10:00"),
        photo("c1", "cheeks", Angle::Left45, "2026-09-01T10:00"),
        photo("c2", "cheeks", Angle::Front, "2026-09-01T10:00"),
        photo("c3", "cheeks", Angle::Front, "2026-10-01T10:00"),
    ];
    let groups = gallery(&photos, &PhotoFilter::default(), &profile);
    let shape: Vec<(&str, Angle, Vec<&str>)> = groups
        .iter()
        .map(|g| (g.area_id, g.angle, g.photos.iter().map(|p| p.id.as_str()).collect()))
        .collect();
    assert_eq!(
        shape,
        vec![
            ("cheeks", Angle::Front, vec!["c3", "c2"]),
            ("cheeks", Angle::Left45, vec!["c1"]),
            ("neck", Angle::Front, vec!["n1"]),
        ]
    );
    let only_front = PhotoFilter { angle: Some(Angle::Front), ..PhotoFilter::default() };
    assert_eq!(gallery(&photos, &only_front, &profile).len(), 2);
    let neck = PhotoFilter { area_id: Some("neck".into()), ..PhotoFilter::default() };
    assert_eq!(gallery(&photos, &neck, &profile)[0].photos[0].id, "n1");
    assert_eq!(latest_of(&photos, "cheeks", "front").map(|p| p.id.as_str()), Some("c3"));
    assert_eq!(latest_of(&photos, "neck", "left_45"), None);
}

fn custom(id: &str, area: &str, name: &str, taken_at: &str) -> Photo {
    Photo { angle_name: name.into(), ..photo(id, area, Angle::Custom, taken_at) }
}

#[test]
fn named_custom_angles_are_series_of_their_own() {
    let photos = vec![
        custom("chin1", "neck", "Under the chin", "2026-09-01T10:00"),
        custom("jaw", "neck", "Jawline", "2026-09-02T10:00"),
        custom("chin2", "neck", "under the chin", "2026-10-01T10:00"),
        custom("old", "neck", "", "2026-08-01T10:00"),
        photo("front", "neck", Angle::Front, "2026-09-01T10:00"),
    ];
    let groups = gallery(&photos, &PhotoFilter::default(), &profile());
    let shape: Vec<(&str, &str, Vec<&str>)> = groups
        .iter()
        .map(|g| (g.view_key.as_str(), g.label.as_str(), g.photos.iter().map(|p| p.id.as_str()).collect()))
        .collect();
    assert_eq!(
        shape,
        vec![
            ("front", "Front", vec!["front"]),
            ("custom", "Custom", vec!["old"]),
            ("custom-jawline", "Jawline", vec!["jaw"]),
            ("custom-under-the-chin", "under the chin", vec!["chin2", "chin1"]),
        ],
        "the newest photo's spelling heads its row"
    );
    // The ghost and the compare series follow the name, not only the angle.
    assert_eq!(latest_of(&photos, "neck", "custom-under-the-chin").map(|p| p.id.as_str()), Some("chin2"));
    assert_eq!(latest_of(&photos, "neck", "custom-jawline").map(|p| p.id.as_str()), Some("jaw"));
    let names: Vec<&str> = vec!["chin1", "chin2"];
    let series = crate::domain::photos::compare::series(&photos, "neck", "custom-under-the-chin");
    assert_eq!(series.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), names);
    // Tiles say the name; the names offered for the next photo are the ones used, most used first.
    let chin: Vec<&Photo> = groups[3].photos.clone();
    assert_eq!(tile_names(&chin, "Neck")[0], "Neck, under the chin, 1 Oct 2026, 10:00");
    assert_eq!(custom_names(&photos, "neck"), vec!["Under the chin".to_string(), "Jawline".to_string()]);
    assert!(custom_names(&photos, "cheeks").is_empty());
}

#[test]
fn a_custom_angle_needs_a_short_name_and_a_preset_drops_one() {
    let (profile, sessions) = (profile(), sessions());
    let form = |angle: &str, name: &str| PhotoForm {
        area_id: "neck".into(),
        angle: angle.into(),
        angle_name: name.into(),
        ..PhotoForm::default()
    };
    let unnamed = form("custom", "  ").validate(&profile, &sessions, TODAY, false).unwrap_err();
    assert!(unnamed.get("photo-angle-name").unwrap().contains("Name this angle"));
    let long = form("custom", &"x".repeat(41)).validate(&profile, &sessions, TODAY, false).unwrap_err();
    assert!(long.get("photo-angle-name").is_some());
    let named = form("custom", " Under the chin ").validate(&profile, &sessions, TODAY, false).unwrap();
    assert_eq!((named.angle, named.angle_name.as_str()), (Angle::Custom, "Under the chin"));
    let preset = form("front", "Under the chin").validate(&profile, &sessions, TODAY, false).unwrap();
    assert_eq!(preset.angle_name, "", "a preset angle keeps no stale name");
    // And the name round-trips through the form of a stored photo.
    let stored = custom("p", "neck", "Jawline", "2026-09-02T07:45");
    assert_eq!(PhotoForm::from_photo(&stored).angle_name, "Jawline");
}

#[test]
fn details_are_checked_field_by_field() {
    let profile = profile();
    let sessions = sessions();
    let form = PhotoForm { area_id: "cheeks".into(), angle: "left_45".into(), ..PhotoForm::default() };
    let details = form.validate(&profile, &sessions, TODAY, false).unwrap();
    assert_eq!((details.angle, details.taken_at), (Angle::Left45, None), "adding: the file's own date");

    let bad = PhotoForm {
        area_id: "elbow".into(),
        angle: "upside_down".into(),
        date: "2026-13-01".into(),
        session_id: "gone".into(),
        lighting: "x".repeat(101),
        ..PhotoForm::default()
    };
    let errors = bad.validate(&profile, &sessions, TODAY, true).unwrap_err();
    for field in ["photo-area", "photo-angle", "photo-date", "photo-session", "photo-lighting"] {
        assert!(errors.get(field).is_some(), "{field}");
    }
    let future = PhotoForm { date: "2026-11-25".into(), ..form.clone() };
    assert!(future
        .validate(&profile, &sessions, TODAY, true)
        .unwrap_err()
        .get("photo-date")
        .unwrap()
        .contains("future"));
    let missing = PhotoForm { date: String::new(), ..form.clone() };
    let refused = missing.validate(&profile, &sessions, TODAY, true).unwrap_err();
    assert!(refused.get("photo-date").is_some(), "editing keeps a date: {refused:?}");
}

#[test]
fn an_edited_date_round_trips_through_the_form() {
    let mut stored = photo("p", "cheeks", Angle::Front, "2026-09-02T07:45");
    stored.session_id = Some("first".into());
    let form = PhotoForm::from_photo(&stored);
    assert_eq!(
        (form.date.as_str(), form.time.as_str(), form.session_id.as_str()),
        ("2026-09-02", "07:45", "first")
    );
    let details = form.validate(&profile(), &sessions(), TODAY, true).unwrap();
    assert_eq!(details.taken_at.as_deref(), Some("2026-09-02T07:45"));
    let no_time = PhotoForm { time: String::new(), ..form };
    assert_eq!(
        no_time.validate(&profile(), &sessions(), TODAY, true).unwrap().taken_at.as_deref(),
        Some("2026-09-02T12:00")
    );
}

#[test]
fn file_times_become_local_date_times() {
    // 2026-03-14T09:26:53Z, seen from UTC+1 and UTC-5.
    let ms = 1_773_480_413_000.0;
    assert_eq!(local_date_time(ms, 60).as_deref(), Some("2026-03-14T10:26"));
    assert_eq!(local_date_time(ms, -300).as_deref(), Some("2026-03-14T04:26"));
    assert_eq!(Angle::ALL.iter().filter_map(|a| Angle::from_key(a.key())).count(), 6);
}

#[test]
fn every_tile_has_its_own_name() {
    let photos = [
        photo("a", "cheeks", Angle::Front, "2026-11-24T10:05"),
        photo("b", "cheeks", Angle::Front, "2026-11-24T10:05"),
        photo("c", "cheeks", Angle::Front, "2026-11-25T08:00"),
    ];
    let refs: Vec<&Photo> = photos.iter().collect();
    assert_eq!(
        tile_names(&refs, "Cheeks"),
        [
            "Cheeks, Front, 24 Nov 2026, 10:05",
            "Cheeks, Front, 24 Nov 2026, 10:05 (2)",
            "Cheeks, Front, 25 Nov 2026, 08:00"
        ]
    );
}
