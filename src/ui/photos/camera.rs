//! The in-app camera: a live preview with the last photo of the same area and angle laid over it
//! as a ghost, and a framing guide for the angle. Where there is no camera (or it is refused),
//! it says why and offers the system's own camera through a file input instead.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, HtmlCanvasElement, HtmlInputElement, HtmlVideoElement, MediaStream, MediaStreamConstraints,
};
use yew::prelude::*;

use super::object_url::use_photo_url;
use crate::domain::photos::angle::Angle;
use crate::domain::photos::photo::Photo;
use crate::storage::PhotoCopy;

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Off,
    Starting,
    Live,
    Failed(String),
}

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
    let status = use_state(|| Status::Off);
    let front = use_state(|| false);
    let opacity = use_state(|| 40u8);
    let video = use_node_ref();
    let ghost_image = use_node_ref();
    let stream = use_mut_ref(|| None::<MediaStream>);
    let live = *status == Status::Live;
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
    // Which start is current: bumped by every start, stop, hide and unmount, so a camera that
    // opens after the person moved on is stopped at once instead of staying live unseen.
    let generation = use_mut_ref(|| 0u32);
    // A start is waiting for the camera (read by the visibility listener, which outlives renders).
    let starting = use_mut_ref(|| false);
    {
        // Turn the camera off when the page goes, and whenever it is hidden (another tab, the
        // home screen, a locked phone): a live camera nobody sees is a privacy leak.
        let (stream, generation, status) = (stream.clone(), generation.clone(), status.clone());
        let starting = starting.clone();
        use_effect_with((), move |_| {
            let on_hidden = {
                let (stream, generation) = (stream.clone(), generation.clone());
                gloo::events::EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        // Also cancels a start still waiting on the camera (behind iOS's prompt,
                        // say): it would open live and unseen.
                        *generation.borrow_mut() += 1;
                        if stream.borrow().is_some() || *starting.borrow() {
                            *starting.borrow_mut() = false;
                            stop_stream(&stream);
                            status.set(Status::Off);
                        }
                    }
                })
            };
            move || {
                drop(on_hidden);
                *generation.borrow_mut() += 1;
                stop_stream(&stream);
            }
        });
    }
    let start = {
        let (status, video, stream, front) = (status.clone(), video.clone(), stream.clone(), front.clone());
        let (generation, starting) = (generation.clone(), starting.clone());
        Callback::from(move |facing_front: bool| {
            let (status, video, stream) = (status.clone(), video.clone(), stream.clone());
            front.set(facing_front);
            stop_stream(&stream);
            status.set(Status::Starting);
            let this_start = {
                let mut current = generation.borrow_mut();
                *current += 1;
                *current
            };
            let generation = generation.clone();
            *starting.borrow_mut() = true;
            let starting = starting.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let opened = open_camera(facing_front).await;
                *starting.borrow_mut() = false;
                if *generation.borrow() != this_start {
                    // Stopped, hidden or left while the camera was opening.
                    if let Ok(late) = opened {
                        stop_tracks(&late);
                    }
                    return;
                }
                match opened {
                    Ok(opened) => {
                        if let Some(element) = video.cast::<HtmlVideoElement>() {
                            element.set_src_object(Some(&opened));
                            let _ = element.play();
                        }
                        *stream.borrow_mut() = Some(opened);
                        status.set(Status::Live);
                    }
                    Err(message) => status.set(Status::Failed(message)),
                }
            });
        })
    };
    let onstart = {
        let (start, front) = (start.clone(), front.clone());
        Callback::from(move |_: MouseEvent| start.emit(*front))
    };
    let onswitch = {
        let (start, front) = (start.clone(), front.clone());
        Callback::from(move |_: MouseEvent| start.emit(!*front))
    };
    let onstop = {
        let (status, stream, generation) = (status.clone(), stream.clone(), generation.clone());
        Callback::from(move |_: MouseEvent| {
            *generation.borrow_mut() += 1;
            stop_stream(&stream);
            status.set(Status::Off);
        })
    };
    let oncapture = {
        let (video, on_capture, status) = (video.clone(), props.on_capture.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (video, on_capture, status) = (video.clone(), on_capture.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match capture_frame(&video).await {
                    Some(blob) => on_capture.emit(blob),
                    None => status.set(Status::Failed("The camera gave no picture. Try again.".into())),
                }
            });
        })
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
            if let Status::Failed(message) = &*status {
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
                    <button type="button" class="button" onclick={onstart} disabled={*status == Status::Starting}>
                        { if *status == Status::Starting { "Starting camera…" } else { "Start camera" } }
                    </button>
                }
            </div>
        </section>
    }
}

fn stop_stream(stream: &Rc<RefCell<Option<MediaStream>>>) {
    let taken = stream.borrow_mut().take();
    if let Some(stream) = taken {
        stop_tracks(&stream);
    }
}

fn stop_tracks(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
    }
}

async fn open_camera(front: bool) -> Result<MediaStream, String> {
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or("This browser can't use a camera here. Use your device's camera below instead.")?;
    let video = Object::new();
    let _ = Reflect::set(&video, &"facingMode".into(), &(if front { "user" } else { "environment" }).into());
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(|_| NO_CAMERA.to_string())?;
    match JsFuture::from(promise).await {
        Ok(stream) => Ok(stream.unchecked_into()),
        Err(error) => {
            let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
            Err(match name.as_str() {
                "NotAllowedError" | "SecurityError" => CAMERA_REFUSED,
                "NotReadableError" => {
                    "The camera is in use by another app. Close it, or use your device's camera below."
                }
                _ => NO_CAMERA,
            }
            .to_string())
        }
    }
}

/// Refused, by the person or by a setting. On an iPhone, once refused, Safari does not ask again
/// until the setting is changed, so the message says where it is.
const CAMERA_REFUSED: &str = "Camera access was refused. Allow the camera for this site in your browser's \
    settings, then tap Start camera again. On an iPhone or iPad: in Safari, tap the aA button › Website \
    Settings › Camera › Allow; or open Settings › Safari › Camera (iOS 18: Settings › Apps › Safari › \
    Camera) and choose Ask or Allow. Or use your device's camera below.";

const NO_CAMERA: &str = "No camera was found. Use your device's camera below instead, or import a photo.";

/// The preview's current frame as a JPEG.
async fn capture_frame(video: &NodeRef) -> Option<Blob> {
    let video = video.cast::<HtmlVideoElement>()?;
    let (width, height) = (video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return None;
    }
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.unchecked_into();
    context.draw_image_with_html_video_element(&video, 0.0, 0.0).ok()?;
    let blob = Promise::new(&mut |resolve, _| {
        let callback = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            callback.unchecked_ref(),
            "image/jpeg",
            &0.95.into(),
        );
    });
    JsFuture::from(blob).await.ok()?.dyn_into::<Blob>().ok()
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
