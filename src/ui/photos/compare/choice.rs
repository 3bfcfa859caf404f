//! Choosing a photo of the series by its thumbnail (radio buttons, one group per side).

use yew::prelude::*;

use crate::domain::photos::compare::caption;
use crate::domain::photos::photo::Photo;
use crate::storage::PhotoCopy;
use crate::ui::photos::object_url::use_photo_url;
use time::Date;

#[derive(Properties, PartialEq)]
pub struct PhotoChoiceProps {
    /// "Before" or "After".
    pub legend: AttrValue,
    pub photos: Vec<Photo>,
    pub selected: AttrValue,
    pub first_session: Option<Date>,
    pub on_select: Callback<String>,
}

#[component]
pub fn PhotoChoice(props: &PhotoChoiceProps) -> Html {
    let name = format!("choice-{}", props.legend.to_ascii_lowercase());
    html! {
        <fieldset class="photo-choice">
            <legend>{ props.legend.clone() }</legend>
            <ul class="photo-choice__list">
                { for props.photos.iter().map(|photo| {
                    let on_select = props.on_select.clone();
                    let id = photo.id.clone();
                    let label = caption(photo, props.first_session);
                    html! {
                        <li>
                            <label class="photo-choice__option">
                                <input type="radio" name={name.clone()} checked={props.selected == photo.id}
                                    onchange={Callback::from(move |_| on_select.emit(id.clone()))} />
                                <ChoiceThumb id={photo.id.clone()} />
                                <span>{ label }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct ChoiceThumbProps {
    id: AttrValue,
}

/// The thumbnail beside a choice (decorative: the label's text names the photo).
#[component]
fn ChoiceThumb(props: &ChoiceThumbProps) -> Html {
    let url = use_photo_url(props.id.clone(), PhotoCopy::Thumb, true);
    html! { <img class="photo-choice__thumb" src={url} alt="" /> }
}
