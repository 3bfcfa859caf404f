//! The in-app camera: a live preview with the last photo of the same area and angle laid over it
//! as a ghost, and a framing guide for the angle. Where there is no camera (or it is refused),
//! it says why and offers the system's own camera through a file input instead.

use web_sys::{Blob, HtmlInputElement};
use yew::prelude::*;

use super::object_url::use_photo_url;
use crate::domain::photos::angle::Angle;
use crate::domain::photos::photo::Photo;
use crate::storage::PhotoCopy;
use crate::ui::platform::camera::{use_camera, CameraStatus};

#[derive(Properties, PartialEq)]
pub struct CameraProps {
    pub angle: Angle,
    /// The newest photo of the chosen area and angle: the ghost.
    pub ghost: Option<Photo>,
    /// A captured frame (JPEG), or a photo from the system camera.
    pub on_capture: Callback<Blob>,
    /// Files from the fallback input.
    pub on_files: Callback<web_sys::FileList>,
}

#[component]
pub fn Camera(props: &CameraProps) -> Html {
    let opacity = use_state(|| 40u8);
    let video = use_node_ref();
    let ghost_image = use_node_ref();
    let camera = use_camera(video.clone());
    let live = camera.status == CameraStatus::Live;
    let ghost_url = use_photo_url(
        props.ghost.as_ref().map(|p| p.id.clone()).unwrap_or_default().into(),
        PhotoCopy::Working,
        live && props.ghost.is_some(),
    );
    {
        // The style attribute is closed by the CSP: opacity goes through the CSSOM.
        let ghost_image = ghost_image.clone();
        use_effect_with((*opacity, ghost_url.clone()), move |(opacity, _)| {
            if let Some(image) = ghost_image.cast::<web_sys::HtmlElement>() {
                let _ = image.style().set_property("opacity", &format!("{}", f64::from(*opacity) / 100.0));
            }
        });
    }
    let onstart = {
        let (start, front) = (camera.start.clone(), camera.front);
        Callback::from(move |_: MouseEvent| start.emit(front))
    };
    let onswitch = {
        let (start, front) = (camera.start.clone(), camera.front);
        Callback::from(move |_: MouseEvent| start.emit(!front))
    };
    let onstop = {
        let stop = camera.stop.clone();
        Callback::from(move |_: MouseEvent| stop.emit(()))
    };
    let oncapture = {
        let (capture, on_capture) = (camera.capture.clone(), props.on_capture.clone());
        Callback::from(move |_: MouseEvent| capture.emit(on_capture.clone()))
    };
    let onopacity = {
        let opacity = opacity.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value_as_number();
            opacity.set(value.clamp(0.0, 100.0) as u8);
        })
    };
    let onfiles = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(files) = input.files() {
                on_files.emit(files);
            }
            input.set_value("");
        })
    };
    html! {
        <section class="camera" aria-labelledby="camera-heading">
            <h2 id="camera-heading">{ "Take a photo" }</h2>
            <p class="camera__hint">{ props.angle.guide() }</p>
            <div class={classes!("camera__stage", (!live).then_some("is-hidden"))}>
                <video ref={video} class="camera__video" aria-label="Camera preview" muted=true playsinline=true autoplay=true />
                if let Some(url) = ghost_url {
                    <img ref={ghost_image} class="camera__ghost" src={url} alt="Ghost of your last photo of this area and angle" />
                }
                { framing_guide(props.angle) }
            </div>
            if let CameraStatus::Failed(message) = &camera.status {
                <p class="field__error" role="alert">{ message.clone() }</p>
                <div class="field">
                    <label for="camera-fallback">{ "Take a photo with your device's camera" }</label>
                    <input id="camera-fallback" type="file" accept="image/*" capture="environment" onchange={onfiles} />
                </div>
            }
            <div class="camera__controls">
                if live {
                    <button type="button" class="button" onclick={oncapture}>{ "Take photo" }</button>
                    <button type="button" class="button button--quiet" onclick={onswitch}>{ "Switch camera" }</button>
                    <button type="button" class="button button--quiet" onclick={onstop}>{ "Stop camera" }</button>
                    if props.ghost.is_some() {
                        <label class="camera__opacity">
                            { "Ghost opacity" }
                            <input type="range" min="0" max="100" step="5" value={opacity.to_string()}
                                aria-valuetext={format!("{}%", *opacity)} oninput={onopacity} />
                        </label>
                    } else {
                        <p>{ "No earlier photo of this area and angle yet: this one becomes the ghost for the next." }</p>
                    }
                } else {
                    <button type="button" class="button" onclick={onstart} disabled={camera.status == CameraStatus::Starting}>
                        { if camera.status == CameraStatus::Starting { "Starting camera…" } else { "Start camera" } }
                    </button>
                }
            </div>
        </section>
    }
}

/// Lines that show where the face or area goes for `angle` (over the preview, not in the photo).
fn framing_guide(angle: Angle) -> Html {
    let shape = match angle {
        Angle::Front => html! {
            <>
                <ellipse cx="50" cy="50" rx="24" ry="32" />
                <line x1="26" y1="44" x2="74" y2="44" />
                <line x1="50" y1="18" x2="50" y2="82" />
            </>
        },
        Angle::Left45 => {
            html! { <><ellipse cx="46" cy="50" rx="21" ry="32" /><line x1="36" y1="18" x2="36" y2="82" /></> }
        }
        Angle::Right45 => {
            html! { <><ellipse cx="54" cy="50" rx="21" ry="32" /><line x1="64" y1="18" x2="64" y2="82" /></> }
        }
        Angle::LeftProfile => {
            html! { <path d="M58 18 C40 18 34 34 36 44 L30 54 L37 56 C36 66 40 74 52 76 L54 86" /> }
        }
        Angle::RightProfile => {
            html! { <path d="M42 18 C60 18 66 34 64 44 L70 54 L63 56 C64 66 60 74 48 76 L46 86" /> }
        }
        Angle::Custom => html! {
            <>
                <line x1="33" y1="5" x2="33" y2="95" />
                <line x1="67" y1="5" x2="67" y2="95" />
                <line x1="5" y1="33" x2="95" y2="33" />
                <line x1="5" y1="67" x2="95" y2="67" />
            </>
        },
    };
    html! {
        <svg class="camera__guide" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            { shape }
        </svg>
    }
}
