//! A page of another app that this app's router was asked for (a link it took in-app): the
//! server serves that app at the address, so the page loads it from there.

use yew::prelude::*;

use crate::domain::sections::Section;
use crate::site::Href;
use crate::ui::client::links::use_load_from_server;
use crate::ui::shared::components::page::Page;

#[derive(Properties, PartialEq)]
pub struct ElsewhereProps {
    pub section: Section,
}

#[component]
pub fn ElsewherePage(props: &ElsewhereProps) -> Html {
    use_load_from_server();
    let title = props.section.title();
    html! {
        <Page section={props.section}>
            <p>{ format!("Opening {title}…") }</p>
            <p><a href={Href::section(props.section)}>{ format!("Open {title}") }</a></p>
        </Page>
    }
}
