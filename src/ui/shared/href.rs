//! [`Href`] in the views: as a link's `href`, and as a place the router can go to in the app the
//! page is in (`navigator.push(&href)`), whichever app's router is running.

use std::collections::HashMap;

use yew::html::IntoPropValue;
use yew::AttrValue;
use yew_router::Routable;

use crate::site::Href;

impl IntoPropValue<Option<AttrValue>> for Href {
    fn into_prop_value(self) -> Option<AttrValue> {
        Some(AttrValue::from(self.path().to_string()))
    }
}

/// Only pushed, never matched: each app's own router (`Route`, `PhotoRoute`) renders the page.
impl Routable for Href {
    fn from_path(_path: &str, _params: &HashMap<&str, &str>) -> Option<Self> {
        None
    }

    fn to_path(&self) -> String {
        self.path().to_string()
    }

    fn routes() -> Vec<&'static str> {
        Vec::new()
    }

    fn not_found_route() -> Option<Self> {
        None
    }

    fn recognize(_pathname: &str) -> Option<Self> {
        None
    }
}
