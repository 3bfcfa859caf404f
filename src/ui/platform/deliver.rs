//! Handing a small made file over (the exports): the share sheet where the browser can share
//! files (phones), a download otherwise or when sharing is refused, so there is never a dead end.
//! Backups, which take seconds to build, are handed over from their own tap (`backup_card`).

use yew::prelude::*;

use super::files::{save, share_outcome, start_share, MadeFile, ShareOutcome};

/// What became of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivered {
    Saved,
    Shared,
    /// The client closed the share sheet.
    NotShared,
}

async fn deliver(file: &MadeFile) -> Result<Delivered, String> {
    let file = file.to_file()?;
    if let Some(sheet) = start_share(&file) {
        match share_outcome(sheet).await {
            ShareOutcome::Shared => return Ok(Delivered::Shared),
            ShareOutcome::Cancelled => return Ok(Delivered::NotShared),
            ShareOutcome::Refused => {}
        }
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

/// Hands files over, one tap at a time: `(what became of the last one, hand one over)`. The
/// outcome is the sentence to show beside the buttons.
#[hook]
pub fn use_delivery() -> (Option<Result<String, String>>, Callback<MadeFile>) {
    let outcome = use_state(|| None::<Result<String, String>>);
    let hand_over = {
        let outcome = outcome.clone();
        Callback::from(move |file: MadeFile| {
            let outcome = outcome.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = deliver(&file).await.map(|delivered| delivered.message(&file.name));
                outcome.set(Some(result));
            });
        })
    };
    ((*outcome).clone(), hand_over)
}
