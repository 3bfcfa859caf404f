//! The browser's own decoder and resampler, driven from the worker: createImageBitmap (which
//! applies the EXIF orientation) and OffscreenCanvas (resize and JPEG encode).

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, DedicatedWorkerGlobalScope, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, ImageOrientation,
    OffscreenCanvas, OffscreenCanvasRenderingContext2d,
};

use crate::analysis::jpeg_segments::strip_metadata;
use crate::analysis::sizes::{
    fit_within, THUMB_LONG_SIDE, THUMB_QUALITY, WORKING_LONG_SIDE, WORKING_QUALITY,
};
use crate::analysis::{IngestError, Ingested, Probe};

/// Whether this worker has OffscreenCanvas (Safari before 16.4 hasn't).
pub fn available(scope: &DedicatedWorkerGlobalScope) -> bool {
    Reflect::has(scope, &"OffscreenCanvas".into()).unwrap_or(false)
}

pub async fn ingest(
    scope: &DedicatedWorkerGlobalScope,
    file: &Blob,
    probe: &Probe,
) -> Result<Ingested, IngestError> {
    let options = ImageBitmapOptions::new();
    options.set_image_orientation(ImageOrientation::FromImage);
    let promise = scope
        .create_image_bitmap_with_blob_and_image_bitmap_options(file, &options)
        .map_err(|_| IngestError::Corrupt)?;
    let bitmap: ImageBitmap =
        JsFuture::from(promise).await.map_err(|_| IngestError::Corrupt)?.unchecked_into();
    // A browser that ignored the orientation would hand back the stored size: our path then.
    let upright = probe.upright_size();
    if (bitmap.width(), bitmap.height()) != upright {
        bitmap.close();
        return Err(IngestError::Corrupt);
    }
    let (width, height) = fit_within(upright.0, upright.1, WORKING_LONG_SIDE);
    let working = draw(&bitmap, width, height);
    bitmap.close();
    let working = working?;
    let (thumb_width, thumb_height) = fit_within(width, height, THUMB_LONG_SIDE);
    let thumb = draw(&working, thumb_width, thumb_height)?;
    Ok(Ingested {
        working: encode(&working, WORKING_QUALITY).await?,
        width,
        height,
        thumb: encode(&thumb, THUMB_QUALITY).await?,
        thumb_width,
        thumb_height,
        taken_at: probe.taken_at.clone(),
    })
}

/// `source` scaled onto a new canvas of `width` × `height`, with the browser's best resampling.
fn draw(source: &JsValue, width: u32, height: u32) -> Result<OffscreenCanvas, IngestError> {
    let canvas = OffscreenCanvas::new(width, height).map_err(|_| IngestError::Encode)?;
    let context: OffscreenCanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().ok_or(IngestError::Encode)?.unchecked_into();
    let _ = Reflect::set(&context, &"imageSmoothingQuality".into(), &"high".into());
    let drawn = if let Some(bitmap) = source.dyn_ref::<ImageBitmap>() {
        context.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, width.into(), height.into())
    } else {
        context.draw_image_with_offscreen_canvas_and_dw_and_dh(
            source.unchecked_ref(),
            0.0,
            0.0,
            width.into(),
            height.into(),
        )
    };
    drawn.map_err(|_| IngestError::Encode)?;
    Ok(canvas)
}

/// The canvas as a JPEG at `quality`, with every metadata segment removed.
async fn encode(canvas: &OffscreenCanvas, quality: u8) -> Result<Vec<u8>, IngestError> {
    let options = ImageEncodeOptions::new();
    options.set_type("image/jpeg");
    options.set_quality(f64::from(quality) / 100.0);
    let promise = canvas.convert_to_blob_with_options(&options).map_err(|_| IngestError::Encode)?;
    let blob: Blob = JsFuture::from(promise).await.map_err(|_| IngestError::Encode)?.unchecked_into();
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| IngestError::Encode)?;
    strip_metadata(&Uint8Array::new(&buffer).to_vec())
}
