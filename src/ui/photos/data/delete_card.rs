//! "Delete all data": every record and photo off this device, after typing the word.

use yew::prelude::*;

use super::backup_card::outcome_view;
use crate::domain::backup::{delete_confirmed, DELETE_WORD};
use crate::storage;
use crate::ui::photos::actions::backup::reload;
use crate::ui::photos::library::use_library;
use crate::ui::shared::components::field::TextField;
use crate::ui::shared::context::use_app_state;
use crate::ui::shared::hooks::storage::use_db;

#[component]
pub fn DeleteCard() -> Html {
    let db = use_db();
    // Until the database is open a click could do nothing, so the action waits disabled.
    let ready = db.is_some();
    let app = use_app_state();
    let library = use_library();
    let typed = use_state(String::new);
    let error = use_state(|| None::<String>);
    let outcome = use_state(|| None::<Result<String, String>>);
    let onclick = {
        let (typed, error, outcome) = (typed.clone(), error.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(db) = db.clone() else { return };
            if !delete_confirmed(&typed) {
                error.set(Some(format!("Type {DELETE_WORD} in capitals to confirm. Nothing was deleted.")));
                return;
            }
            error.set(None);
            let (app, library, typed, outcome) =
                (app.clone(), library.clone(), typed.clone(), outcome.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match storage::delete_everything(&db.0).await {
                    Ok(()) => {
                        reload(&db.0, &app, &library).await;
                        typed.set(String::new());
                        Ok("Everything was deleted from this device.".to_string())
                    }
                    Err(error) => Err(format!("{} Nothing was deleted.", error.user_message())),
                };
                outcome.set(Some(result));
            });
        })
    };
    html! {
        <section class="card" aria-labelledby="delete-heading">
            <h2 id="delete-heading">{ "Delete all data" }</h2>
            <p>{ "Removes every session, check-in, setting and photo from this device. It cannot be undone: make a backup first if you may want them back." }</p>
            <TextField id="delete-confirmation" label={format!("Type {DELETE_WORD} to confirm")}
                value={(*typed).clone()} error={(*error).clone().map(AttrValue::from)}
                on_change={Callback::from({ let typed = typed.clone(); move |v| typed.set(v) })} />
            <div class="actions">
                <button type="button" class="button button--danger" {onclick} disabled={!ready}>{ "Delete everything" }</button>
            </div>
            { outcome_view(outcome.as_ref()) }
        </section>
    }
}
