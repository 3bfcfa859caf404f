//! How much of the browser's storage Remodel uses, in words a client understands.

use crate::domain::text::decimal::format_fixed;

/// A snapshot of `navigator.storage.estimate()` plus whether storage is persistent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageUsage {
    /// Bytes this origin uses.
    pub used_bytes: u64,
    /// Bytes the browser lets this origin use in all.
    pub quota_bytes: u64,
    /// `Some(true)` when the browser promised not to evict the data, `None` when unknown.
    pub persisted: Option<bool>,
}

/// Bytes in binary units with one decimal, e.g. `1.5 MB`; small sizes in whole bytes.
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["KB", "MB", "GB", "TB", "PB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{} {}", format_fixed(value, 1, false), UNITS[unit])
}

impl StorageUsage {
    /// Share of the quota in use, 0.0-100.0; 0 when the browser reports no quota.
    pub fn percent_used(&self) -> f64 {
        if self.quota_bytes == 0 {
            return 0.0;
        }
        (self.used_bytes as f64 / self.quota_bytes as f64 * 100.0).min(100.0)
    }

    /// Whether the quota has room for `bytes` more, with a tenth to spare; a browser that reports
    /// no quota has none to count on.
    pub fn has_room_for(&self, bytes: u64) -> bool {
        self.quota_bytes.saturating_sub(self.used_bytes) as f64 > bytes as f64 * 1.1
    }

    /// One sentence for the Settings page, e.g. "1.5 MB used of 2.0 GB available (0.1%)".
    pub fn summary(&self) -> String {
        if self.quota_bytes == 0 {
            return format!("{} used", format_bytes(self.used_bytes));
        }
        let percent = self.percent_used();
        let shown =
            if percent > 0.0 && percent < 0.1 { "<0.1".to_string() } else { format_fixed(percent, 1, false) };
        format!(
            "{} used of {} available ({shown}%)",
            format_bytes(self.used_bytes),
            format_bytes(self.quota_bytes)
        )
    }

    /// What persistence means for this client: the browser may clear non-persistent storage.
    pub fn persistence_advice(&self) -> &'static str {
        match self.persisted {
            Some(true) => "Persistent storage is on: the browser does not clear Remodel's data to free space.",
            Some(false) => "Persistent storage is not granted: the browser may clear Remodel's data when space runs low or after a time without a visit (Safari: 7 days). Installing the app and keeping backups protects it.",
            None => "This browser does not say whether it may clear Remodel's data. Keep backups.",
        }
    }
}

/// Why a person would tap "Keep my data on this device", beside the button.
pub const WHY_ASK_PERSISTENCE: &str = "Browsers may clear a website's data when space runs low or after \
    a time without a visit. Ask this browser to keep Remodel's records and photos: some browsers ask you \
    first, and the answer shows here.";

/// Shown while a `persist()` prompt waits for the person (Firefox shows one).
pub const WAITING_FOR_PERSISTENCE: &str = "Waiting for the browser's answer… If it asks you, choose Allow.";

/// What it means for keeping data when the browser has no `navigator.storage` at all (older
/// Safari, WebKitGTK): nothing can be asked or measured.
pub const NO_STORAGE_MANAGER: &str = "This browser may not keep Remodel's data: it does not say \
    how much space is used, and Remodel can't ask it to keep the data. Safari deletes a website's data \
    after 7 days without a visit unless it is on the Home Screen, so add Remodel to your Home Screen \
    and keep backups.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_counts_a_tenth_to_spare_and_none_without_a_quota() {
        let usage = |used_bytes, quota_bytes| StorageUsage { used_bytes, quota_bytes, persisted: None };
        assert!(usage(0, 1_000).has_room_for(900));
        assert!(!usage(0, 1_000).has_room_for(910));
        assert!(!usage(2_000, 1_000).has_room_for(0));
        assert!(!usage(0, 0).has_room_for(1));
    }

    #[test]
    fn formats_bytes_in_binary_units() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(1023), "1023 B");
        assert_eq!(format_bytes(1024), "1.0 KB");
        assert_eq!(format_bytes(1536 * 1024), "1.5 MB");
        assert_eq!(format_bytes(2 * 1024 * 1024 * 1024), "2.0 GB");
    }

    #[test]
    fn summary_states_use_and_quota() {
        let usage = StorageUsage {
            used_bytes: 1536 * 1024,
            quota_bytes: 2 * 1024 * 1024 * 1024,
            persisted: Some(true),
        };
        assert_eq!(usage.summary(), "1.5 MB used of 2.0 GB available (<0.1%)");
        let half = StorageUsage { used_bytes: 50, quota_bytes: 100, persisted: None };
        assert_eq!(half.summary(), "50 B used of 100 B available (50.0%)");
    }

    #[test]
    fn summary_without_quota_does_not_divide_by_zero() {
        let usage = StorageUsage { used_bytes: 10, quota_bytes: 0, persisted: None };
        assert_eq!(usage.percent_used(), 0.0);
        assert_eq!(usage.summary(), "10 B used");
    }

    #[test]
    fn advice_differs_by_persistence() {
        let mut usage = StorageUsage { used_bytes: 0, quota_bytes: 1, persisted: Some(true) };
        let granted = usage.persistence_advice();
        usage.persisted = Some(false);
        assert_ne!(granted, usage.persistence_advice());
        assert!(usage.persistence_advice().contains("Installing"));
    }
}
