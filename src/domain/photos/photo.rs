//! Photos as records: which area and angle, when, which session, and how it was lit. The pixels
//! live apart (storage's `photo_bytes` store); nothing here ever holds them.

use serde::{Deserialize, Serialize};

use super::alignment::Alignment;
use super::angle::{view_key, view_label, Angle, MAX_CUSTOM_NAME_CHARS};
use super::redness::RednessReading;
use super::region::Region;
use time::Date;

use crate::domain::diary::session::Session;
use crate::domain::profile::Profile;
use crate::domain::text::dates::display_date;
use crate::domain::text::iso::{format_date, parse_date, parse_time};
use crate::domain::validation::{bounded_text, FieldErrors, MAX_SHORT_TEXT_CHARS};

/// Where a photo's date and time came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TakenAtSource {
    /// The camera's own record in the file (EXIF DateTimeOriginal).
    Exif,
    /// The file's modification time: the best guess when the file carries no date.
    File,
    /// Taken with the camera in the app.
    Camera,
    /// Set by the client.
    Edited,
}

/// A stored photo's record (its metadata; the pixels are stored apart under the same id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    pub id: String,
    pub area_id: String,
    pub angle: Angle,
    /// The name of a custom angle ("Under the chin"); empty for the preset angles.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub angle_name: String,
    /// Local date and time, `YYYY-MM-DDTHH:MM` (text order is time order: the store's index).
    pub taken_at: String,
    pub taken_at_source: TakenAtSource,
    /// The session the photo belongs to: by default the latest done session on or before it.
    pub session_id: Option<String>,
    #[serde(default)]
    pub lighting: String,
    #[serde(default)]
    pub colour_card: bool,
    /// The working copy's size, upright.
    pub width: u32,
    pub height: u32,
    pub thumb_width: u32,
    pub thumb_height: u32,
    /// Bytes stored for this photo (working copy and thumbnail).
    pub stored_bytes: u32,
    /// How this photo registers onto its area and angle's reference photo (compare view).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<Alignment>,
    /// Where the white/grey card is, in this photo's own frame (for calibrated redness).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<Region>,
    /// The redness index last measured on this photo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redness: Option<RednessReading>,
    /// When this device last saved the record (UTC, RFC 3339 with milliseconds, as the
    /// browser's `Date.toISOString` writes it): a merge restore keeps the newer of two versions.
    /// `None` for records saved before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

impl Photo {
    /// The calendar day it was taken.
    pub fn date(&self) -> Option<Date> {
        parse_date(self.taken_at.get(..10)?)
    }

    /// Which series of its area the photo belongs to ([`view_key`]).
    pub fn view_key(&self) -> String {
        view_key(self.angle, &self.angle_name)
    }

    /// Its angle as the client named it: "Front", or a custom angle's own name.
    pub fn angle_label(&self) -> String {
        view_label(self.angle, &self.angle_name)
    }
}

/// The details the client chooses for photos before they are added, and edits afterwards.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhotoForm {
    pub area_id: String,
    pub angle: String,
    /// The custom angle's name (asked for only when the angle is "Custom").
    pub angle_name: String,
    /// `YYYY-MM-DD` and `HH:MM` (date and time inputs); empty when adding (the file's own date).
    pub date: String,
    pub time: String,
    /// A session id, or empty for none.
    pub session_id: String,
    pub lighting: String,
    pub colour_card: bool,
}

/// The validated details [`PhotoForm`] gives.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoDetails {
    pub area_id: String,
    pub angle: Angle,
    /// The custom angle's name; empty for a preset angle.
    pub angle_name: String,
    /// `Some` when a date was entered (editing); `None` when adding.
    pub taken_at: Option<String>,
    pub session_id: Option<String>,
    pub lighting: String,
    pub colour_card: bool,
}

impl PhotoForm {
    pub fn from_photo(photo: &Photo) -> PhotoForm {
        PhotoForm {
            area_id: photo.area_id.clone(),
            angle: photo.angle.key().into(),
            angle_name: photo.angle_name.clone(),
            date: photo.taken_at.get(..10).unwrap_or_default().into(),
            time: photo.taken_at.get(11..16).unwrap_or_default().into(),
            session_id: photo.session_id.clone().unwrap_or_default(),
            lighting: photo.lighting.clone(),
            colour_card: photo.colour_card,
        }
    }

    /// Checks each field against the client's areas and sessions. `need_date` is true when
    /// editing a stored photo (its date may be changed but not removed).
    pub fn validate(
        &self,
        profile: &Profile,
        sessions: &[Session],
        today: Date,
        need_date: bool,
    ) -> Result<PhotoDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        if profile.area(&self.area_id).is_none() {
            errors.add("photo-area", "Choose the area this photo shows.");
        }
        let angle = Angle::from_key(&self.angle);
        if angle.is_none() {
            errors.add("photo-angle", "Choose the angle the photo was taken from.");
        }
        let angle_name = if angle == Some(Angle::Custom) {
            let name = bounded_text(
                &mut errors,
                "photo-angle-name",
                &self.angle_name,
                MAX_CUSTOM_NAME_CHARS,
                "The angle's name",
            );
            if self.angle_name.trim().is_empty() {
                errors.add(
                    "photo-angle-name",
                    "Name this angle, for example \"Under the chin\", so later photos can be matched to it.",
                );
            }
            name
        } else {
            String::new()
        };
        let taken_at = if need_date || !self.date.trim().is_empty() {
            match (parse_date(&self.date), parse_time(&self.time)) {
                _ if self.date.trim().is_empty() => {
                    errors.add("photo-date", "Enter the date the photo was taken.");
                    None
                }
                (None, _) => {
                    errors.add("photo-date", "Enter a real date, for example 2026-03-14.");
                    None
                }
                (Some(date), _) if date > today => {
                    errors.add("photo-date", "A photo can't be taken in the future.");
                    None
                }
                (Some(_), None) if !self.time.trim().is_empty() => {
                    errors.add("photo-time", "Enter a time like 09:30, or leave it empty.");
                    None
                }
                (Some(date), time) => Some(format!(
                    "{}T{}",
                    format_date(date),
                    time.map_or("12:00".to_string(), crate::domain::text::iso::format_time)
                )),
            }
        } else {
            None
        };
        let session_id = match self.session_id.trim() {
            "" => None,
            id if sessions.iter().any(|s| s.id == id) => Some(id.to_string()),
            _ => {
                errors.add("photo-session", "That session no longer exists. Choose another.");
                None
            }
        };
        let lighting = bounded_text(
            &mut errors,
            "photo-lighting",
            &self.lighting,
            MAX_SHORT_TEXT_CHARS,
            "The lighting note",
        );
        errors.into_result(PhotoDetails {
            area_id: self.area_id.clone(),
            angle: angle.unwrap_or(Angle::Front),
            angle_name,
            taken_at,
            session_id,
            lighting,
            colour_card: self.colour_card,
        })
    }
}

/// The session a photo taken at `taken_at` belongs to: the latest done session on or before its
/// day. A photo taken before any session is a "before" photo and belongs to none.
pub fn session_before(taken_at: &str, sessions: &[Session]) -> Option<String> {
    let day = parse_date(taken_at.get(..10)?)?;
    sessions.iter().filter(|s| s.is_done() && s.date <= day).max_by_key(|s| s.when()).map(|s| s.id.clone())
}

/// Which photos the gallery shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhotoFilter {
    pub area_id: Option<String>,
    pub angle: Option<Angle>,
    pub session_id: Option<String>,
}

impl PhotoFilter {
    pub fn matches(&self, photo: &Photo) -> bool {
        self.area_id.as_ref().is_none_or(|a| *a == photo.area_id)
            && self.angle.is_none_or(|a| a == photo.angle)
            && self.session_id.as_ref().is_none_or(|s| photo.session_id.as_ref() == Some(s))
    }
}

/// One row of the gallery: the photos of one area from one view (angle, or named custom
/// angle), newest first.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoGroup<'a> {
    pub area_id: &'a str,
    pub angle: Angle,
    /// The view's key ([`view_key`]) and its label (the newest photo's spelling of a custom name).
    pub view_key: String,
    pub label: String,
    pub photos: Vec<&'a Photo>,
}

/// The gallery: photos passing `filter`, grouped by area (in the profile's order, then unknown
/// areas), angle (in [`Angle::ALL`] order) and, for custom angles, name; newest first within
/// each group.
pub fn gallery<'a>(photos: &'a [Photo], filter: &PhotoFilter, profile: &Profile) -> Vec<PhotoGroup<'a>> {
    let area_rank = |id: &str| profile.areas.iter().position(|a| a.id == id).unwrap_or(usize::MAX);
    let mut shown: Vec<(String, &Photo)> =
        photos.iter().filter(|p| filter.matches(p)).map(|p| (p.view_key(), p)).collect();
    shown.sort_by(|(a_view, a), (b_view, b)| {
        (area_rank(&a.area_id), &a.area_id, a.angle as u8, a_view)
            .cmp(&(area_rank(&b.area_id), &b.area_id, b.angle as u8, b_view))
            .then_with(|| b.taken_at.cmp(&a.taken_at))
    });
    let mut groups: Vec<PhotoGroup<'a>> = Vec::new();
    for (view, photo) in shown {
        match groups.last_mut() {
            Some(group) if group.area_id == photo.area_id && group.view_key == view => {
                group.photos.push(photo)
            }
            _ => groups.push(PhotoGroup {
                area_id: &photo.area_id,
                angle: photo.angle,
                label: photo.angle_label(),
                view_key: view,
                photos: vec![photo],
            }),
        }
    }
    groups
}

/// The names already given to custom angles of `area_id`, most used first: offered when the
/// client names another, so the same view gets the same name.
pub fn custom_names(photos: &[Photo], area_id: &str) -> Vec<String> {
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for photo in photos.iter().filter(|p| p.area_id == area_id && p.angle == Angle::Custom) {
        let (key, label) = (photo.view_key(), photo.angle_label());
        if key == Angle::Custom.key() {
            continue;
        }
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => counts.push((key, label, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
    counts.into_iter().map(|(_, label, _)| label).collect()
}

/// Each photo's accessible name in a gallery group, in the group's order: area, angle, date and
/// time ("Cheeks, Front, 24 Nov 2026, 10:05"), with "(2)", "(3)"… for photos taken in the same
/// minute, so no two tiles share a name. (The gallery names only the tiles it draws, through
/// [`tile_name`]; this whole-group form is the tests' statement of the rule.)
#[cfg(test)]
pub fn tile_names(photos: &[&Photo], area_name: &str) -> Vec<String> {
    (0..photos.len()).map(|index| tile_name(|i| photos[i], index, area_name)).collect()
}

/// The name of the group's photo at `index` ([`tile_names`]), worked out from it and the photos
/// just before it only (a group is newest first, so photos of the same minute are neighbours):
/// the gallery names only the tiles it draws. `photo_at(i)` is the group's photo at `i`.
pub fn tile_name<'a>(photo_at: impl Fn(usize) -> &'a Photo, index: usize, area_name: &str) -> String {
    let photo = photo_at(index);
    let minute = |p: &Photo| p.taken_at.get(..16).map(str::to_owned).unwrap_or_else(|| p.taken_at.clone());
    let same = (0..index).rev().take_while(|&i| minute(photo_at(i)) == minute(photo)).count();
    let day = photo.date().map(display_date).unwrap_or_else(|| photo.taken_at.clone());
    let time = photo.taken_at.get(11..16).map(|t| format!(", {t}")).unwrap_or_default();
    let name = format!("{area_name}, {}, {day}{time}", photo.angle_label());
    match same {
        0 => name,
        n => format!("{name} ({})", n + 1),
    }
}

/// The newest photo of `area_id` from the view `view_key` ([`view_key`]): the ghost laid over the
/// camera's preview.
pub fn latest_of<'a>(photos: &'a [Photo], area_id: &str, view_key: &str) -> Option<&'a Photo> {
    photos
        .iter()
        .filter(|p| p.area_id == area_id && p.view_key() == view_key)
        .max_by(|a, b| a.taken_at.cmp(&b.taken_at))
}

/// `YYYY-MM-DDTHH:MM` for a moment given in milliseconds since 1970 and the local offset in
/// minutes (what a file's `lastModified` and the browser's clock give).
pub fn local_date_time(epoch_ms: f64, offset_minutes: i32) -> Option<String> {
    let seconds = (epoch_ms / 1000.0).floor() as i64 + i64::from(offset_minutes) * 60;
    let moment = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    Some(crate::domain::text::iso::format_moment(time::PrimitiveDateTime::new(moment.date(), moment.time())))
}

#[cfg(test)]
#[path = "photo_tests.rs"]
pub(crate) mod tests;
