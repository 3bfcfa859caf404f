//! One photo: the working copy, its details to edit, and delete (confirmed, with Undo).

use yew::prelude::*;
use yew_router::prelude::*;

use super::actions::use_photo_actions;
use super::details_form::DetailsFields;
use super::library::use_library;
use super::object_url::use_photo_url;
use super::routes::PhotoRoute;
use crate::domain::photos::photo::{custom_names, Photo, PhotoForm, TakenAtSource};
use crate::domain::sections::Section;
use crate::domain::text::dates::display_date;
use crate::domain::validation::FieldErrors;
use crate::storage::{PhotoCopy, StorageError};
use crate::ui::platform::clock::today;
use crate::ui::platform::focus::focus_first_invalid;
use crate::ui::shared::components::field::form_actions;
use crate::ui::shared::components::page::Page;
use crate::ui::shared::context::use_app_state;

#[derive(Properties, PartialEq)]
pub struct PhotoPageProps {
    pub id: String,
}

#[component]
pub fn PhotoPage(props: &PhotoPageProps) -> Html {
    let app = use_app_state();
    let library = use_library();
    let actions = use_photo_actions();
    let navigator = use_navigator();
    let photo = library.photos.as_ref().and_then(|all| all.iter().find(|p| p.id == props.id).cloned());
    let form = use_state(|| photo.as_ref().map(PhotoForm::from_photo).unwrap_or_default());
    let errors = use_state(FieldErrors::new);
    let message = use_state(|| None::<String>);
    let saved = use_state(|| false);
    let confirming = use_state(|| false);
    // The `updated` stamp of the version the form was filled from (until a save here moves it):
    // the library read again after another tab saved must not move it, or an edit begun on
    // the older version would overwrite the newer one unnoticed.
    let opened_from = use_mut_ref(|| None::<Option<String>>);
    let url = use_photo_url(props.id.clone().into(), PhotoCopy::Working, true);
    {
        // The library may arrive after the page: fill the form once it does.
        let (form, photo) = (form.clone(), photo.clone());
        use_effect_with(photo.is_some(), move |found| {
            if *found && form.area_id.is_empty() {
                if let Some(photo) = &photo {
                    form.set(PhotoForm::from_photo(photo));
                }
            }
        });
    }
    let refill = use_state(|| false);
    {
        // After a conflict: the form again, from the newer version the library now holds.
        let (form, photo, refill) = (form.clone(), photo.clone(), refill.clone());
        let stamp = photo.as_ref().map(|p| p.updated.clone());
        use_effect_with((*refill, stamp), move |(wanted, _)| {
            if let (true, Some(photo)) = (*wanted, &photo) {
                form.set(PhotoForm::from_photo(photo));
                refill.set(false);
            }
        });
    }
    let (Some(records), Some(_)) = (app.records.clone(), library.photos.as_ref()) else {
        // The photo itself is read apart from the library: in a library of years it shows
        // before every record is read (e2e/bench-gallery.mjs measures it).
        return html! {
            <Page section={Section::Photos} heading="Photo">
                { photo_figure(url, "The photo".into(), None) }
                <><p role="status">{ app.waiting_message() }</p></>
            </Page>
        };
    };
    let Some(photo) = photo else {
        return html! {
            <Page section={Section::Photos} heading="Photo not found">
                <p>{ "This photo isn't on this device (it may have been deleted)." }</p>
                <Link<PhotoRoute> to={PhotoRoute::Gallery}>{ "All photos" }</Link<PhotoRoute>>
            </Page>
        };
    };
    let area = records.profile.area_name(&photo.area_id);
    let day = photo.date().map(display_date).unwrap_or_else(|| photo.taken_at.clone());
    let heading = format!("{area} · {}", photo.angle_label());
    let base = opened_from.borrow_mut().get_or_insert_with(|| photo.updated.clone()).clone();
    let onsubmit = {
        let (opened_from, refill) = (opened_from.clone(), refill.clone());
        let (form, errors, message, saved, actions) =
            (form.clone(), errors.clone(), message.clone(), saved.clone(), actions.clone());
        let (photo, records) = (photo.clone(), records.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            saved.set(false);
            match form.validate(&records.profile, &records.sessions, today(), true) {
                Err(found) => {
                    focus_first_invalid(&found, "");
                    errors.set(found);
                }
                Ok(details) => {
                    errors.set(FieldErrors::new());
                    let mut updated = photo.clone();
                    if let Some(taken_at) = details.taken_at {
                        if taken_at != photo.taken_at {
                            updated.taken_at_source = TakenAtSource::Edited;
                        }
                        updated.taken_at = taken_at;
                    }
                    updated = Photo {
                        updated: base.clone(),
                        area_id: details.area_id,
                        angle: details.angle,
                        angle_name: details.angle_name,
                        session_id: details.session_id,
                        lighting: details.lighting,
                        colour_card: details.colour_card,
                        ..updated
                    };
                    let (message, saved, opened_from, refill) =
                        (message.clone(), saved.clone(), opened_from.clone(), refill.clone());
                    actions.update_photo(
                        updated,
                        Callback::from(move |result: Result<(), String>| {
                            // The next edit starts from the version just saved or, after a conflict,
                            // from the newer one another tab saved (filled in below).
                            let conflict =
                                result.as_ref().err() == Some(&StorageError::Conflict.user_message());
                            if result.is_ok() || conflict {
                                opened_from.replace(None);
                            }
                            if conflict {
                                refill.set(true);
                            }
                            saved.set(result.is_ok());
                            message.set(result.err());
                        }),
                    );
                }
            }
        })
    };
    let ondelete = {
        let (actions, message, navigator, photo) =
            (actions.clone(), message.clone(), navigator.clone(), photo.clone());
        Callback::from(move |_: MouseEvent| {
            let (message, navigator) = (message.clone(), navigator.clone());
            actions.delete_photo(
                photo.clone(),
                Callback::from(move |result: Result<(), String>| match result {
                    Ok(()) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&PhotoRoute::Gallery);
                        }
                    }
                    Err(error) => message.set(Some(error)),
                }),
            );
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    html! {
        <Page section={Section::Photos} heading={AttrValue::from(heading)}>
            { photo_figure(url, format!("{area}, {}, {day}", photo.angle_label()).into(), Some((&photo, &day))) }
            // One fragment after the figure, as while waiting: Yew matches children of lists of
            // different lengths from the end, and would make the figure again.
            <>
                <form class="form" aria-label="Photo details" novalidate=true {onsubmit}>
                    <DetailsFields form={form.clone()} errors={(*errors).clone()} profile={records.profile.clone()}
                        sessions={records.sessions.clone()} with_date=true
                        custom_names={custom_names(library.photos.as_deref().map_or(&[][..], Vec::as_slice), &form.area_id)} />
                    { form_actions("Save details", (*message).as_ref(), !errors.is_empty()) }
                    if *saved {
                        <p role="status">{ "Details saved." }</p>
                    }
                </form>
                <section class="danger-zone" aria-label="Delete photo">
                    if *confirming {
                        <p role="alert">{ "Delete this photo from this device?" }</p>
                        <button type="button" class="button button--danger" onclick={ondelete}>{ "Yes, delete photo" }</button>
                        <button type="button" class="button button--quiet" onclick={cancel}>{ "Keep it" }</button>
                    } else {
                        <button type="button" class="button button--quiet" onclick={ask}>{ "Delete photo" }</button>
                    }
                </section>
                <Link<PhotoRoute> to={PhotoRoute::Gallery}>{ "All photos" }</Link<PhotoRoute>>
            </>
        </Page>
    }
}

/// The photo itself, the same element before the library is read and after: the image shown
/// while the records load is kept, not made again (which would load and decode it twice).
fn photo_figure(url: Option<String>, alt: AttrValue, details: Option<(&Photo, &str)>) -> Html {
    let size = details.map(|(photo, _)| (photo.width.to_string(), photo.height.to_string()));
    let (width, height) = size.unzip();
    html! {
        <figure class="photo-view">
            if let Some(url) = url {
                <img src={url} {alt} {width} {height} />
            }
            if let Some((photo, day)) = details {
                <figcaption>{ format!("{day} · {} × {} px", photo.width, photo.height) }</figcaption>
            }
        </figure>
    }
}
