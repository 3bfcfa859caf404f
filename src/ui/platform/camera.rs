//! The device's camera for a live preview: opened with getUserMedia, stopped whenever the page is
//! hidden or left (a live camera nobody sees is a privacy leak), and a frame captured as a JPEG.
//! Refusals and missing cameras come back as sentences that say what to do instead.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamConstraints};
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum CameraStatus {
    Off,
    Starting,
    Live,
    Failed(String),
}

/// The camera shown in `video`: its status and what can be done with it.
#[derive(Clone, PartialEq)]
pub struct CameraControl {
    pub status: CameraStatus,
    /// Whether the front (selfie) camera is the one asked for.
    pub front: bool,
    /// Opens the camera, the front one when `true` (stopping any open one first).
    pub start: Callback<bool>,
    pub stop: Callback<()>,
    /// Captures the preview's frame and hands it to the callback as a JPEG.
    pub capture: Callback<Callback<Blob>>,
}

/// The camera, previewed in the `<video>` behind `video`.
#[hook]
pub fn use_camera(video: NodeRef) -> CameraControl {
    let status = use_state(|| CameraStatus::Off);
    let front = use_state(|| false);
    let stream = use_mut_ref(|| None::<MediaStream>);
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
                            status.set(CameraStatus::Off);
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
            status.set(CameraStatus::Starting);
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
                        status.set(CameraStatus::Live);
                    }
                    Err(message) => status.set(CameraStatus::Failed(message)),
                }
            });
        })
    };
    let stop = {
        let (status, stream, generation) = (status.clone(), stream.clone(), generation.clone());
        Callback::from(move |()| {
            *generation.borrow_mut() += 1;
            stop_stream(&stream);
            status.set(CameraStatus::Off);
        })
    };
    let capture = {
        let status = status.clone();
        Callback::from(move |on_capture: Callback<Blob>| {
            let (video, status) = (video.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match capture_frame(&video).await {
                    Some(blob) => on_capture.emit(blob),
                    None => status.set(CameraStatus::Failed("The camera gave no picture. Try again.".into())),
                }
            });
        })
    };
    CameraControl { status: (*status).clone(), front: *front, start, stop, capture }
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
