//! Storage failures as a typed error, each with a message a client can act on.
//!
//! The browser reports IndexedDB failures as `DOMException`s identified by name; the mapping from
//! those names is pure so it is tested natively. Storage code never panics: every failure becomes
//! one of these and reaches the UI as a message.

use std::fmt;

/// Why storing or reading data failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB is missing or refuses to open (private browsing in some browsers, disabled
    /// site data, a locked-down webview).
    Unavailable,
    /// Another tab has the database open at an older version and has not let go of it.
    Blocked,
    /// The browser's storage quota for this site is full.
    QuotaExceeded,
    /// The database on this device was written by a newer version of the app.
    NewerVersion,
    /// The browser closed the connection and opening it again failed too.
    ConnectionLost,
    /// A stored record could not be read back into its type.
    Corrupt(String),
    /// Any other failure, with the browser's own words for diagnosis.
    Other(String),
    /// Refused before anything was written, with a full sentence saying why (a backup past the
    /// reader's limits).
    Refused(String),
    /// An edit of a record that another tab or window changed (or deleted) since this one read
    /// it: not written, so the newer version is never overwritten by an older one.
    Conflict,
}

impl StorageError {
    /// Classifies a `DOMException` by its `name` (and `message`, kept for unknown cases).
    pub fn from_dom_exception(name: &str, message: &str) -> StorageError {
        match name {
            "QuotaExceededError" => StorageError::QuotaExceeded,
            "VersionError" => StorageError::NewerVersion,
            // Firefox private windows (before v115) and disabled storage throw these on open.
            "InvalidStateError" | "SecurityError" | "NotAllowedError" => StorageError::Unavailable,
            "DataCloneError" | "DataError" => StorageError::Corrupt(message.to_string()),
            _ if message.is_empty() => StorageError::Other(name.to_string()),
            _ => StorageError::Other(format!("{name}: {message}")),
        }
    }

    /// What the client reads, next to the action that failed.
    pub fn user_message(&self) -> String {
        match self {
            StorageError::Unavailable => "This browser is not letting Remodel save anything on this device. \
                Private or incognito windows and blocked site data do this: open Remodel in a normal window \
                to keep your records."
                .to_string(),
            StorageError::Blocked => "Remodel is open in another tab with an older version. Close the other \
                tab (or reload it) so this one can finish updating."
                .to_string(),
            StorageError::QuotaExceeded => "This device has run out of space for Remodel. Nothing was \
                changed. Free some space, or back up and delete old photos, then try again."
                .to_string(),
            StorageError::NewerVersion => "The data on this device was saved by a newer version of Remodel. \
                Reload to get the newer version; nothing was changed."
                .to_string(),
            StorageError::ConnectionLost => {
                "The browser closed Remodel's connection to this device's storage \
                and it could not be opened again. Nothing was changed. Reload the page and try again."
                    .to_string()
            }
            StorageError::Corrupt(detail) => {
                format!("A stored record could not be read ({detail}). Nothing was changed.")
            }
            StorageError::Other(detail) => {
                format!("Remodel could not use this device's storage ({detail}). Nothing was changed.")
            }
            StorageError::Refused(sentence) => sentence.clone(),
            StorageError::Conflict => "This was changed in another tab or window since you opened it, so \
                your change was not saved. The newer version is shown now: make your change again if you \
                still want it."
                .to_string(),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.user_message())
    }
}

impl std::error::Error for StorageError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_exceptions_the_browser_raises() {
        assert_eq!(
            StorageError::from_dom_exception("QuotaExceededError", "full"),
            StorageError::QuotaExceeded
        );
        assert_eq!(StorageError::from_dom_exception("VersionError", "x"), StorageError::NewerVersion);
        assert_eq!(StorageError::from_dom_exception("InvalidStateError", ""), StorageError::Unavailable);
        assert_eq!(StorageError::from_dom_exception("SecurityError", ""), StorageError::Unavailable);
        assert_eq!(
            StorageError::from_dom_exception("DataCloneError", "cannot clone"),
            StorageError::Corrupt("cannot clone".into())
        );
        assert_eq!(
            StorageError::from_dom_exception("UnknownError", "disk"),
            StorageError::Other("UnknownError: disk".into())
        );
    }

    #[test]
    fn every_message_tells_the_client_what_to_do() {
        let all = [
            StorageError::Unavailable,
            StorageError::Blocked,
            StorageError::QuotaExceeded,
            StorageError::NewerVersion,
            StorageError::Corrupt("x".into()),
            StorageError::Other("y".into()),
            StorageError::Conflict,
        ];
        for error in all {
            let message = error.user_message();
            assert!(message.len() > 40, "{error:?}: {message}");
            assert!(!message.contains("  "), "no folded whitespace left in {message:?}");
        }
        assert!(StorageError::Blocked.user_message().contains("another tab"));
        assert!(StorageError::Unavailable.user_message().contains("Private"));
        assert!(StorageError::QuotaExceeded.user_message().contains("Nothing was changed"));
        assert!(StorageError::Conflict.user_message().contains("another tab or window"));
    }
}
