//! Before a session: the checklist of what clinics screen for, on its own page so the session
//! form and the first setup can link straight to it.

use yew::prelude::*;

use crate::domain::sections::Section;
use crate::ui::client::components::screening_form::ScreeningForm;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[component]
pub fn ScreeningPage() -> Html {
    let app = use_app_state();
    let Some(records) = app.records.as_ref() else {
        return html! { <Page section={Section::Settings} heading="Before a session"><p>{ "Loading…" }</p></Page> };
    };
    html! {
        <Page section={Section::Settings} heading="Before a session">
            <ScreeningForm profile={records.profile.clone()} />
        </Page>
    }
}
