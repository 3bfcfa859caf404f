//! An empty Yew app: one heading and one working button.

use yew::prelude::*;

#[component]
fn Floor() -> Html {
    let taps = use_state(|| 0u32);
    let onclick = {
        let taps = taps.clone();
        Callback::from(move |_| taps.set(*taps + 1))
    };
    html! {
        <main>
            <h1>{ "Floor" }</h1>
            <button {onclick}>{ format!("Tapped {}", *taps) }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
