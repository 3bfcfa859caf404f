//! The sizes a stored photo is made in, shared by both ingest paths so they store the same thing.

/// The working copy's longest side: enough for a phone screen at 2x and for comparisons.
pub const WORKING_LONG_SIDE: u32 = 2048;
/// The thumbnail's longest side (gallery tiles, the ghost overlay's list).
pub const THUMB_LONG_SIDE: u32 = 256;
/// JPEG quality of the working copy (0-100).
pub const WORKING_QUALITY: u8 = 90;
/// JPEG quality of the thumbnail.
pub const THUMB_QUALITY: u8 = 80;

/// `width` × `height` scaled to fit a `long_side` square, keeping the aspect ratio (rounded, never
/// below 1 px). Images already small enough keep their size: nothing is ever upscaled.
pub fn fit_within(width: u32, height: u32, long_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= long_side {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled = (u64::from(side) * u64::from(long_side) + u64::from(longest) / 2) / u64::from(longest);
        (scaled as u32).max(1)
    };
    (scale(width), scale(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_twelve_megapixel_photo_becomes_2048_on_its_long_side() {
        assert_eq!(fit_within(4000, 3000, WORKING_LONG_SIDE), (2048, 1536));
        assert_eq!(fit_within(3000, 4000, WORKING_LONG_SIDE), (1536, 2048));
        assert_eq!(fit_within(4000, 3000, THUMB_LONG_SIDE), (256, 192));
    }

    #[test]
    fn small_photos_are_never_upscaled_and_thin_ones_keep_a_pixel() {
        assert_eq!(fit_within(800, 600, WORKING_LONG_SIDE), (800, 600));
        assert_eq!(fit_within(2048, 10, WORKING_LONG_SIDE), (2048, 10));
        assert_eq!(fit_within(20_000, 1, THUMB_LONG_SIDE), (256, 1));
    }
}
