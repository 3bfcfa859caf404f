//! "Delete all data": every record and photo off this device, after typing the word.

use yew::prelude::*;

use super::backup_card::outcome_view;
use crate::domain::backup::{delete_confirmed, DELETE_WORD};
use crate::ui::photos::actions::use_photo_actions;
use crate::ui::shared::components::field::TextField;

#[component]
pub fn DeleteCard() -> Html {
    let actions = use_photo_actions();
    // Until the database is open a click could do nothing, so the action waits disabled.
    let ready = actions.ready();
    let typed = use_state(String::new);
    let error = use_state(|| None::<String>);
    let outcome = use_state(|| None::<Result<String, String>>);
    let onclick = {
        let (typed, error, outcome) = (typed.clone(), error.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            if !delete_confirmed(&typed) {
                error.set(Some(format!("Type {DELETE_WORD} in capitals to confirm. Nothing was deleted.")));
                return;
            }
            error.set(None);
            let (typed, outcome) = (typed.clone(), outcome.clone());
            actions.delete_everything(Callback::from(move |result: Result<String, String>| {
                if result.is_ok() {
                    typed.set(String::new());
                }
                outcome.set(Some(result));
            }));
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
