//! Handing a made file over: the share sheet where the browser can share files (phones), a
//! download otherwise.

use super::files::{share, MadeFile};

/// What became of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivered {
    Saved,
    Shared,
    /// The client closed the share sheet.
    NotShared,
}

pub async fn deliver(file: &MadeFile) -> Result<Delivered, String> {
    if let Some(data) = file.shareable() {
        return share(&data)
            .await
            .map(|shared| if shared { Delivered::Shared } else { Delivered::NotShared });
    }
    file.save().map(|_| Delivered::Saved)
}

impl Delivered {
    /// What to tell the client.
    pub fn message(self, name: &str) -> String {
        match self {
            Delivered::Saved => format!("Saved {name} to your downloads."),
            Delivered::Shared => format!("Shared {name}."),
            Delivered::NotShared => "Not shared: nothing left this device.".to_string(),
        }
    }
}
