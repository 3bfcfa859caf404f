//! The compare view's pixel service: decoded images onto canvases (optionally through an
//! alignment), and canvas pixels into `image` buffers for `analysis`.
//! The only compare code that touches canvases' pixels.

use image::RgbaImage;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

use crate::domain::photos::similarity::Similarity;

// ImageData, bound here rather than through web-sys's `ImageData` feature: turning that feature
// on grew the client app's wasm by about 190 bytes brotli (measured), which its budget has no room for.
#[wasm_bindgen]
extern "C" {
    type ImageData;

    #[wasm_bindgen(constructor, catch)]
    fn new(data: Clamped<&[u8]>, width: u32, height: u32) -> Result<ImageData, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn data(this: &ImageData) -> Clamped<Vec<u8>>;

    /// A 2-D context, seen through only the two calls needed here.
    #[wasm_bindgen(js_name = CanvasRenderingContext2D)]
    type PixelContext;

    #[wasm_bindgen(method, catch, js_name = getImageData)]
    fn get_image_data(this: &PixelContext, x: f64, y: f64, w: f64, h: f64) -> Result<ImageData, JsValue>;

    #[wasm_bindgen(method, catch, js_name = putImageData)]
    fn put_image_data(this: &PixelContext, data: &ImageData, x: f64, y: f64) -> Result<(), JsValue>;
}

/// A canvas's 2-D context (sized by the caller).
pub fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// A detached canvas of the given size.
pub fn new_canvas(width: u32, height: u32) -> Option<HtmlCanvasElement> {
    let canvas: HtmlCanvasElement =
        web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
}

/// Clears the canvas and draws `image` on it through `onto` (a map from the image's width units
/// to the canvas's), or fitted to it when `None`.
pub fn draw(canvas: &HtmlCanvasElement, image: &HtmlImageElement, onto: Option<&Similarity>) {
    let Some(ctx) = context(canvas) else { return };
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width, height);
    ctx.set_image_smoothing_enabled(true);
    match onto {
        Some(t) => {
            let [a, b, c, d, e, f] = t.in_pixels(f64::from(image.natural_width()), width).canvas_matrix();
            let _ = ctx.set_transform(a, b, c, d, e, f);
            let _ = ctx.draw_image_with_html_image_element(image, 0.0, 0.0);
            let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        }
        None => {
            let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height);
        }
    }
}

/// The canvas's pixels.
pub fn pixels(canvas: &HtmlCanvasElement) -> Option<RgbaImage> {
    let (width, height) = (canvas.width(), canvas.height());
    let ctx: PixelContext = context(canvas)?.unchecked_into();
    let data = ctx.get_image_data(0.0, 0.0, f64::from(width), f64::from(height)).ok()?;
    RgbaImage::from_raw(width, height, data.data().0)
}

/// Replaces the canvas's pixels with an RGBA buffer of its size.
pub fn put_pixels(canvas: &HtmlCanvasElement, rgba: &[u8]) -> Result<(), JsValue> {
    let data = ImageData::new(Clamped(rgba), canvas.width(), canvas.height())?;
    let ctx: PixelContext = context(canvas).ok_or(JsValue::NULL)?.unchecked_into();
    ctx.put_image_data(&data, 0.0, 0.0)
}

/// A canvas size for a photo drawn at most `max_width` wide, keeping its aspect.
pub fn fitted_size(photo_width: u32, photo_height: u32, max_width: u32) -> (u32, u32) {
    let width = photo_width.clamp(1, max_width);
    let height = (u64::from(photo_height) * u64::from(width) / u64::from(photo_width.max(1))).max(1) as u32;
    (width, height)
}

/// The image drawn at `(width, height)` (through `onto`, when given) and read back.
pub fn rendered(
    image: &HtmlImageElement,
    width: u32,
    height: u32,
    onto: Option<&Similarity>,
) -> Option<RgbaImage> {
    let canvas = new_canvas(width, height)?;
    draw(&canvas, image, onto);
    pixels(&canvas)
}
