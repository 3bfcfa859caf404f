//! When to suggest a backup: a browser can clear a site's storage (Safari does after seven days
//! without a visit, unless the app is installed), and a lost phone takes everything with it.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::domain::text::dates::{display_date, relative_days};
use crate::domain::text::iso::parse_date;

/// Days after which a backup is suggested again: six, so the nudge comes before day 7, when Safari
/// deletes the data of a site not visited (unless it is on the Home Screen).
pub const NUDGE_AFTER_DAYS: i64 = 6;
/// New photos after which a backup is suggested again.
pub const NUDGE_AFTER_PHOTOS: u32 = 10;

/// This device's last backup. Kept in the `settings` store but never in a backup file: it is about
/// this device, not the client's records.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupStatus {
    /// The day of the last backup made here (or of the file last restored in full), `YYYY-MM-DD`.
    pub last_backup: Option<String>,
    /// Photos added since then. Counted by the photos app as it stores each one, so the client
    /// app never has to count the photo store to decide on the nudge.
    pub photos_since: u32,
}

impl BackupStatus {
    /// The status after a backup made (or restored in full) on `day`.
    pub fn after_backup(day: &str) -> BackupStatus {
        BackupStatus { last_backup: Some(day.to_string()), photos_since: 0 }
    }

    pub fn last_backup_date(&self) -> Option<Date> {
        self.last_backup.as_deref().and_then(parse_date)
    }

    /// "Last backup: 24 Nov 2026 (3 days ago).", or that there has been none.
    pub fn describe(&self, today: Date) -> String {
        match self.last_backup_date() {
            Some(day) => format!("Last backup: {} ({}).", display_date(day), relative_days(day, today)),
            None => "No backup has been made on this device yet.".to_string(),
        }
    }
}

/// Why a backup is due, in one sentence for the card on Today; `None` when it is not.
///
/// `oldest_record` is the date of the oldest session or check-in: a device with nothing worth
/// keeping needs no backup.
pub fn backup_nudge(status: &BackupStatus, today: Date, oldest_record: Option<Date>) -> Option<String> {
    let new_photos = status.photos_since;
    match status.last_backup_date() {
        Some(day) => {
            let days = (today - day).whole_days();
            if days >= NUDGE_AFTER_DAYS {
                Some(format!("Your last backup was {days} days ago."))
            } else {
                (new_photos >= NUDGE_AFTER_PHOTOS)
                    .then(|| format!("You have added {new_photos} photos since your last backup."))
            }
        }
        None => {
            let old_enough = oldest_record.is_some_and(|d| (today - d).whole_days() >= NUDGE_AFTER_DAYS);
            (old_enough || new_photos >= NUDGE_AFTER_PHOTOS)
                .then(|| "There is no backup of your records yet.".to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 24);

    fn backed_up(day: &str, photos_since: u32) -> BackupStatus {
        BackupStatus { photos_since, ..BackupStatus::after_backup(day) }
    }

    #[test]
    fn a_recent_backup_with_few_new_photos_needs_nothing() {
        assert_eq!(backup_nudge(&backed_up("2026-11-19", 9), TODAY, Some(date!(2026 - 01 - 01))), None);
    }

    #[test]
    fn six_days_or_ten_new_photos_suggest_a_backup_before_safaris_seventh_day() {
        assert_eq!(
            backup_nudge(&backed_up("2026-11-18", 0), TODAY, None).as_deref(),
            Some("Your last backup was 6 days ago.")
        );
        assert_eq!(
            backup_nudge(&backed_up("2026-11-20", 10), TODAY, None).as_deref(),
            Some("You have added 10 photos since your last backup.")
        );
        assert_eq!(
            backup_nudge(&backed_up("2026-10-01", 12), TODAY, None).as_deref(),
            Some("Your last backup was 54 days ago.")
        );
    }

    #[test]
    fn without_any_backup_it_waits_for_something_worth_keeping() {
        let none = BackupStatus::default();
        let ten_photos = BackupStatus { photos_since: 10, ..BackupStatus::default() };
        let message = Some("There is no backup of your records yet.");
        assert_eq!(backup_nudge(&none, TODAY, None), None);
        assert_eq!(backup_nudge(&none, TODAY, Some(date!(2026 - 11 - 19))), None);
        assert_eq!(backup_nudge(&none, TODAY, Some(date!(2026 - 11 - 18))).as_deref(), message);
        assert_eq!(backup_nudge(&ten_photos, TODAY, None).as_deref(), message);
    }

    #[test]
    fn the_status_reads_back_and_describes_itself() {
        let status: BackupStatus =
            serde_json::from_str(r#"{"last_backup":"2026-11-21","key":"backup"}"#).unwrap();
        assert_eq!(status.describe(TODAY), "Last backup: 21 Nov 2026 (3 days ago).");
        assert_eq!(BackupStatus::default().describe(TODAY), "No backup has been made on this device yet.");
        let damaged = BackupStatus { last_backup: Some("soon".into()), photos_since: 0 };
        assert_eq!(damaged.last_backup_date(), None);
    }
}
