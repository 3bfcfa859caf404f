//! Files in and out of the data page: reading a chosen file, and handing a made one to the
//! client (saved as a download, or shared with the Web Share API where the browser can share
//! files). Nothing is sent anywhere by the app itself.

use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FilePropertyBag, ShareData};

use crate::ui::platform::downloads::save_blob;

/// A file the app made, ready to save or share.
#[derive(Clone, Debug, PartialEq)]
pub struct MadeFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: std::rc::Rc<Vec<u8>>,
}

impl MadeFile {
    pub fn new(name: String, mime: &'static str, bytes: Vec<u8>) -> MadeFile {
        MadeFile { name, mime, bytes: std::rc::Rc::new(bytes) }
    }

    /// The bytes as the browser's `File`: the one copy in JS that the share sheet and the
    /// download both use (a backup can be hundreds of megabytes).
    pub fn to_file(&self) -> Result<File, String> {
        let options = FilePropertyBag::new();
        options.set_type(self.mime);
        let parts = Array::of1(&Uint8Array::from(self.bytes.as_slice()));
        File::new_with_u8_array_sequence_and_options(&parts, &self.name, &options)
            .map_err(|_| "The browser could not make the file.".to_string())
    }
}

/// The share sheet's data for `file`, when this browser can share it (phones mostly; desktop
/// browsers often not).
pub fn shareable(file: &File) -> Option<ShareData> {
    let navigator = web_sys::window()?.navigator();
    // `canShare` is missing entirely in some browsers: check before calling.
    if !js_sys::Reflect::has(&navigator, &"canShare".into()).unwrap_or(false) {
        return None;
    }
    let data = ShareData::new();
    data.set_files(&Array::of1(file));
    data.set_title(&file.name());
    navigator.can_share_with_data(&data).then_some(data)
}

/// Saves `file` as a download.
pub fn save(file: &File) -> Result<(), String> {
    save_blob(file, &file.name()).map_err(|_| "The browser did not save the file.".to_string())
}

/// How a share sheet ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The person closed the sheet (`AbortError`).
    Cancelled,
    /// The browser would not share (`NotAllowedError` outside a tap in Safari, a policy, or any
    /// other failure): the caller saves the file instead.
    Refused,
}

/// Opens the system share sheet for `file` now, when this browser can share it. Call it inside
/// the click handler itself: Safari allows `share()` only during a tap, and refuses it once the
/// tap's moment has passed (a backup takes seconds to build).
pub fn start_share(file: &File) -> Option<js_sys::Promise> {
    let data = shareable(file)?;
    Some(web_sys::window()?.navigator().share_with_data(&data))
}

/// How the share sheet `start_share` opened ended.
pub async fn share_outcome(sheet: js_sys::Promise) -> ShareOutcome {
    match JsFuture::from(sheet).await {
        Ok(_) => ShareOutcome::Shared,
        Err(error) if error.dyn_ref::<web_sys::DomException>().is_some_and(|e| e.name() == "AbortError") => {
            ShareOutcome::Cancelled
        }
        Err(_) => ShareOutcome::Refused,
    }
}

/// A chosen file's bytes.
pub async fn read_file(file: &File) -> Result<Vec<u8>, JsValue> {
    let buffer: ArrayBuffer = JsFuture::from(file.array_buffer()).await?.unchecked_into();
    Ok(Uint8Array::new(&buffer).to_vec())
}
