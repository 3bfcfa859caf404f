//! The fields of a photo's details: area, angle, lighting and colour card, and (for a stored
//! photo) its date, time and session.

use yew::prelude::*;

use crate::domain::diary::session::Session;
use crate::domain::photos::angle::Angle;
use crate::domain::photos::photo::PhotoForm;
use crate::domain::profile::Profile;
use crate::domain::text::dates::display_date;
use crate::domain::validation::FieldErrors;
use crate::ui::shared::components::field::edit;
use crate::ui::shared::components::field::{Checkbox, SelectField, TextField};

#[derive(Properties, PartialEq)]
pub struct DetailsFieldsProps {
    pub form: UseStateHandle<PhotoForm>,
    pub errors: FieldErrors,
    pub profile: Profile,
    pub sessions: Vec<Session>,
    /// Date, time and session too (a stored photo's page).
    pub with_date: bool,
    /// The names already given to custom angles of the chosen area (`photo::custom_names`).
    #[prop_or_default]
    pub custom_names: Vec<String>,
}

#[component]
pub fn DetailsFields(props: &DetailsFieldsProps) -> Html {
    let form = &props.form;
    let error = |field: &str| props.errors.get(field).map(|m| AttrValue::from(m.to_string()));
    let areas = area_options(&props.profile, "Choose an area");
    let angles = angle_options(None);
    let session_options = session_options(&props.sessions, "None (a before photo)");
    html! {
        <>
            <SelectField id="photo-area" label="Area" options={areas} value={AttrValue::from(form.area_id.clone())}
                error={error("photo-area")} on_change={edit(form, |f: &mut PhotoForm, v| f.area_id = v)} />
            <SelectField id="photo-angle" label="Angle" options={angles} value={AttrValue::from(form.angle.clone())}
                error={error("photo-angle")} on_change={edit(form, |f: &mut PhotoForm, v| f.angle = v)} />
            if form.angle == Angle::Custom.key() {
                <TextField id="photo-angle-name" label="Name of this angle" hint={custom_name_hint(&props.custom_names)}
                    value={AttrValue::from(form.angle_name.clone())} error={error("photo-angle-name")}
                    suggestions={props.custom_names.iter().map(|n| AttrValue::from(n.clone())).collect::<Vec<_>>()}
                    on_change={edit(form, |f: &mut PhotoForm, v| f.angle_name = v)} />
            }
            if props.with_date {
                <TextField id="photo-date" label="Date taken" kind="date" value={AttrValue::from(form.date.clone())}
                    error={error("photo-date")} on_change={edit(form, |f: &mut PhotoForm, v| f.date = v)} />
                <TextField id="photo-time" label="Time taken" kind="time" value={AttrValue::from(form.time.clone())}
                    error={error("photo-time")} on_change={edit(form, |f: &mut PhotoForm, v| f.time = v)} />
                <SelectField id="photo-session" label="Session" options={session_options}
                    value={AttrValue::from(form.session_id.clone())} error={error("photo-session")}
                    on_change={edit(form, |f: &mut PhotoForm, v| f.session_id = v)} />
            }
            <TextField id="photo-lighting" label="Lighting" hint="For example: bathroom window, morning, no flash"
                value={AttrValue::from(form.lighting.clone())} error={error("photo-lighting")}
                on_change={edit(form, |f: &mut PhotoForm, v| f.lighting = v)} />
            <Checkbox id="photo-card" label="Colour card in frame" checked={form.colour_card}
                on_change={edit(form, |f: &mut PhotoForm, v| f.colour_card = v)} />
        </>
    }
}

/// Why the name matters, and the names already used for the area, so the same view gets the
/// same name (photos are compared with others of the same name).
fn custom_name_hint(used: &[String]) -> AttrValue {
    let why = "Photos are compared with others of the same name, so use the same one each time.";
    match used {
        [] => format!("{why} For example: Under the chin").into(),
        names => format!("{why} Used for this area: {}", names.join(", ")).into(),
    }
}

/// (value, label) pairs for a select.
pub type Options = Vec<(AttrValue, AttrValue)>;

/// The client's areas, after a first "none chosen" option labelled `first`.
pub fn area_options(profile: &Profile, first: &'static str) -> Options {
    let mut options: Options = vec![("".into(), first.into())];
    options.extend(profile.areas.iter().map(|a| (a.id.clone().into(), a.name.clone().into())));
    options
}

/// Every angle, after a first "any" option when `first` is given.
pub fn angle_options(first: Option<&'static str>) -> Options {
    let mut options: Options = first.map(|f| ("".into(), f.into())).into_iter().collect();
    options.extend(Angle::ALL.iter().map(|a| (a.key().into(), a.label().into())));
    options
}

/// The done sessions, newest first, after a first option labelled `first`.
pub fn session_options(sessions: &[Session], first: &'static str) -> Options {
    let mut done: Vec<&Session> = sessions.iter().filter(|s| s.is_done()).collect();
    done.sort_by_key(|s| std::cmp::Reverse(s.when()));
    let mut options: Options = vec![("".into(), first.into())];
    options.extend(
        done.iter().map(|s| (s.id.clone().into(), format!("Session of {}", display_date(s.date)).into())),
    );
    options
}
