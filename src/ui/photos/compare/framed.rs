//! What every compare mode draws from: a photo framed onto the series' reference, and the one
//! way they set styles. Its own file so the modes and the page that holds them don't import each
//! other.

use web_sys::{HtmlElement, HtmlImageElement};
use yew::prelude::*;

use crate::domain::photos::photo::Photo;
use crate::domain::photos::similarity::Similarity;

/// A photo ready for a compare mode: its record, its decoded image, its map onto the reference
/// frame, its name ("before photo") and its caption (date, days since the first session).
#[derive(Clone, PartialEq)]
pub struct FramedPhoto {
    pub photo: Photo,
    pub image: HtmlImageElement,
    pub onto: Similarity,
    pub label: AttrValue,
    pub caption: AttrValue,
}

/// Sets one CSS property through the CSSOM (the CSP forbids inline style attributes).
pub fn set_style(node: &NodeRef, property: &str, value: &str) {
    if let Some(element) = node.cast::<HtmlElement>() {
        let _ = element.style().set_property(property, value);
    }
}
