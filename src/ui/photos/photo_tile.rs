//! One photo in the gallery: its thumbnail (loaded when scrolled near) and its date, linking to
//! its page.

use yew::prelude::*;
use yew_router::prelude::*;

use super::object_url::{use_photo_url, use_seen};
use super::routes::PhotoRoute;
use crate::domain::photos::photo::Photo;
use crate::domain::text::dates::display_date;
use crate::storage::PhotoCopy;

#[derive(Properties, PartialEq)]
pub struct PhotoTileProps {
    pub photo: Photo,
    /// The tile's accessible name, unique in the gallery (`photo::tile_name`).
    pub name: AttrValue,
}

#[component]
pub fn PhotoTile(props: &PhotoTileProps) -> Html {
    let node = use_node_ref();
    let seen = use_seen(node.clone());
    let url = use_photo_url(props.photo.id.clone().into(), PhotoCopy::Thumb, seen);
    let photo = &props.photo;
    let day = photo.date().map(display_date).unwrap_or_else(|| photo.taken_at.clone());
    html! {
        <li class="photo-tile" ref={node}>
            <Link<PhotoRoute> to={PhotoRoute::Photo { id: photo.id.clone() }} classes="photo-tile__link">
                <img
                    src={url}
                    alt={props.name.clone()}
                    width={photo.thumb_width.to_string()}
                    height={photo.thumb_height.to_string()}
                    class="photo-tile__image"
                />
                <span class="photo-tile__date">{ day }</span>
            </Link<PhotoRoute>>
        </li>
    }
}
