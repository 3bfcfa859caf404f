//! Handing a made file over: the share sheet where the browser can share files (phones), a
//! download otherwise.

use super::files::{save, share, shareable, MadeFile};

/// What became of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivered {
    Saved,
    Shared,
    /// The client closed the share sheet.
    NotShared,
}

pub async fn deliver(file: &MadeFile) -> Result<Delivered, String> {
    let file = file.to_file()?;
    if let Some(data) = shareable(&file) {
        return share(&data)
            .await
            .map(|shared| if shared { Delivered::Shared } else { Delivered::NotShared });
    }
    save(&file).map(|_| Delivered::Saved)
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
