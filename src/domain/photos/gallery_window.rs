//! Which gallery tiles to render: only those near the screen (windowing), with the space of the
//! rest kept exactly, so a gallery of 1,500 photos renders about as much as one of 15 and
//! scrolling never shifts the page.
//!
//! The gallery is a column of blocks (one per area, view and month), each a heading and a grid
//! of tiles in rows. Given the grid's measured geometry, every block's height is known without
//! rendering it, so a block far from the screen is drawn as empty space of its exact height.

use std::ops::Range;

use super::photo::{gallery, tile_name, Photo, PhotoFilter};
use crate::domain::profile::Profile;
use crate::domain::text::dates::display_month;

/// One gallery row (an area and view) as the page draws it, by index into the library, so it
/// is worked out once per library or filter change and not on every scrolled frame.
#[derive(Clone, Debug, PartialEq)]
pub struct GalleryRow {
    pub area_id: String,
    pub view_key: String,
    /// "Cheeks · Front".
    pub heading: String,
    /// The row's photos, newest first (indexes into the library).
    pub photos: Vec<usize>,
    /// The area's name (tile names begin with it).
    pub area_name: String,
    /// Month headings and the part of `photos` under each.
    pub months: Vec<(String, Range<usize>)>,
    /// Whether the area and view have two photos to compare (counting those filtered out).
    pub comparable: bool,
}

impl GalleryRow {
    /// The tile name of the row's photo at `at` ([`tile_name`]), from `library`.
    pub fn tile_name(&self, library: &[Photo], at: usize) -> String {
        tile_name(|i| &library[self.photos[i]], at, &self.area_name)
    }
}

/// The gallery's rows for `filter` ([`gallery`]), each split into months.
pub fn gallery_rows(photos: &[Photo], filter: &PhotoFilter, profile: &Profile) -> Vec<GalleryRow> {
    // Every photo of a group is borrowed from `photos`: its index is its offset in the slice.
    let size = std::mem::size_of::<Photo>().max(1);
    let index_of = |photo: &Photo| (photo as *const Photo as usize - photos.as_ptr() as usize) / size;
    // Every photo of each area and view, filtered or not, counted in one pass (Compare needs two).
    let mut counts: std::collections::HashMap<(&str, String), usize> = std::collections::HashMap::new();
    for photo in photos {
        *counts.entry((photo.area_id.as_str(), photo.view_key())).or_default() += 1;
    }
    gallery(photos, filter, profile)
        .into_iter()
        .map(|group| {
            let area = profile.area_name(group.area_id);
            let all = counts.get(&(group.area_id, group.view_key.clone())).copied().unwrap_or_default();
            GalleryRow {
                heading: format!("{area} · {}", group.label),
                months: month_blocks(&group.photos),
                photos: group.photos.iter().map(|p| index_of(p)).collect(),
                area_id: group.area_id.to_string(),
                view_key: group.view_key,
                comparable: all >= 2,
                area_name: area,
            }
        })
        .collect()
}

/// A gallery row's photos (newest first) split into months, newest first: each month is a block
/// with its heading ("November 2026") and the range of the row's photos it holds. A photo with
/// an unreadable date heads a block of its own date text.
pub fn month_blocks(photos: &[&Photo]) -> Vec<(String, Range<usize>)> {
    // Compared by the "YYYY-MM" of the stored text; a month is put in words once, for its block.
    let mut blocks: Vec<(String, Range<usize>)> = Vec::new();
    let mut current = "";
    for (index, photo) in photos.iter().enumerate() {
        let key = photo.taken_at.get(..7).unwrap_or(&photo.taken_at);
        match blocks.last_mut() {
            Some((_, range)) if key == current => range.end = index + 1,
            _ => {
                current = key;
                let month = photo.date().map(display_month).unwrap_or_else(|| photo.taken_at.clone());
                blocks.push((month, index..index + 1));
            }
        }
    }
    blocks
}

/// The grid as laid out on this screen (measured from a rendered block).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridGeometry {
    /// Tiles per row.
    pub columns: usize,
    /// One tile's height.
    pub tile_height: f64,
    /// The space between rows.
    pub row_gap: f64,
    /// A block's height apart from its grid: its heading and margins.
    pub block_chrome: f64,
}

impl GridGeometry {
    fn rows(&self, tiles: usize) -> usize {
        tiles.div_ceil(self.columns.max(1))
    }

    /// The height of a grid of `rows` rows.
    pub fn grid_height(&self, rows: usize) -> f64 {
        match rows {
            0 => 0.0,
            n => n as f64 * (self.tile_height + self.row_gap) - self.row_gap,
        }
    }

    /// The height of a block of `tiles` tiles, heading included.
    pub fn block_height(&self, tiles: usize) -> f64 {
        self.block_chrome + self.grid_height(self.rows(tiles))
    }
}

/// One block as rendered: the tiles drawn, and the space standing in for the rows above and below
/// them (the grid's padding).
#[derive(Clone, Debug, PartialEq)]
pub struct BlockWindow {
    pub tiles: Range<usize>,
    pub space_above: f64,
    pub space_below: f64,
}

/// For blocks of `sizes` tiles laid out from `top` (page coordinates) downwards, the tiles within
/// `margin` of the screen `[view_top, view_top + view_height)`, in whole rows. `None` geometry
/// (not measured yet) renders the first `first_render` tiles of the first blocks, enough to fill a
/// screen and be measured.
pub fn gallery_window(
    sizes: &[usize],
    geometry: Option<GridGeometry>,
    top: f64,
    (view_top, view_height): (f64, f64),
    margin: f64,
    first_render: usize,
) -> Vec<BlockWindow> {
    let Some(g) = geometry.filter(|g| g.columns > 0 && g.tile_height > 0.0) else {
        let mut left = first_render;
        return sizes
            .iter()
            .map(|&n| {
                let shown = n.min(left);
                left -= shown;
                BlockWindow { tiles: 0..shown, space_above: 0.0, space_below: 0.0 }
            })
            .collect();
    };
    let (from, to) = (view_top - margin, view_top + view_height + margin);
    let pitch = g.tile_height + g.row_gap;
    let mut block_top = top;
    sizes
        .iter()
        .map(|&n| {
            let rows = g.rows(n);
            let grid_top = block_top + g.block_chrome;
            block_top += g.block_height(n);
            // Rows whose box [grid_top + r·pitch, + tile_height) meets [from, to).
            let first = ((from - grid_top - g.tile_height) / pitch).floor() + 1.0;
            let last = ((to - grid_top) / pitch).ceil();
            let first = (first.max(0.0) as usize).min(rows);
            let last = (last.max(0.0) as usize).min(rows).max(first);
            if first == last {
                return BlockWindow { tiles: 0..0, space_above: g.grid_height(rows), space_below: 0.0 };
            }
            BlockWindow {
                tiles: first * g.columns..(last * g.columns).min(n),
                space_above: first as f64 * pitch,
                space_below: (rows - last) as f64 * pitch,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GRID: GridGeometry =
        GridGeometry { columns: 3, tile_height: 100.0, row_gap: 10.0, block_chrome: 50.0 };

    #[test]
    fn a_row_of_photos_splits_into_months_newest_first() {
        use crate::domain::photos::angle::Angle;
        use crate::domain::photos::photo::tests::photo;
        let photos = [
            photo("a", "cheeks", Angle::Front, "2026-11-24T10:00"),
            photo("b", "cheeks", Angle::Front, "2026-11-01T10:00"),
            photo("c", "cheeks", Angle::Front, "2026-10-31T10:00"),
            photo("d", "cheeks", Angle::Front, "2025-10-02T10:00"),
        ];
        let refs: Vec<&Photo> = photos.iter().collect();
        assert_eq!(
            month_blocks(&refs),
            [
                ("November 2026".to_string(), 0..2),
                ("October 2026".to_string(), 2..3),
                ("October 2025".to_string(), 3..4)
            ]
        );
        assert!(month_blocks(&[]).is_empty());
    }

    #[test]
    fn rows_point_into_the_library_with_names_months_and_compare() {
        use crate::domain::photos::angle::Angle;
        use crate::domain::photos::photo::tests::photo;
        use crate::domain::profile::area::{Area, AreaKind};
        let cheeks = Area::new("cheeks".into(), AreaKind::Cheeks, "", &[]).unwrap();
        let profile = Profile { areas: vec![cheeks], ..Profile::default() };
        let photos = vec![
            photo("old", "cheeks", Angle::Front, "2026-10-02T10:00"),
            photo("side", "cheeks", Angle::Left45, "2026-10-03T10:00"),
            photo("new", "cheeks", Angle::Front, "2026-11-02T10:00"),
        ];
        let rows = gallery_rows(&photos, &PhotoFilter::default(), &profile);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].heading.as_str(), rows[0].photos.as_slice()), ("Cheeks · Front", &[2, 0][..]));
        assert_eq!(rows[0].tile_name(&photos, 0), "Cheeks, Front, 2 Nov 2026, 10:00");
        assert_eq!(rows[0].months, [("November 2026".to_string(), 0..1), ("October 2026".to_string(), 1..2)]);
        assert!(rows[0].comparable && !rows[1].comparable);
        let only_new = PhotoFilter { session_id: None, ..PhotoFilter::default() };
        assert_eq!(gallery_rows(&photos, &only_new, &profile)[1].photos, [1]);
    }

    #[test]
    fn a_block_is_its_heading_and_its_rows() {
        assert_eq!(GRID.block_height(0), 50.0);
        assert_eq!(GRID.block_height(1), 150.0);
        assert_eq!(GRID.block_height(3), 150.0);
        assert_eq!(GRID.block_height(4), 260.0, "two rows and the gap between them");
    }

    #[test]
    fn only_rows_near_the_screen_are_drawn_and_the_rest_keep_their_space() {
        // One block of 30 tiles (10 rows, grid from y = 50), the screen at y 500..700, no margin.
        let window = gallery_window(&[30], Some(GRID), 0.0, (500.0, 200.0), 0.0, 12);
        // Row r spans 50 + 110r .. +100: rows 4 (490..590) to 5 (600..700) meet 500..700.
        assert_eq!(window[0].tiles, 12..18);
        assert_eq!(window[0].space_above, 4.0 * 110.0);
        assert_eq!(window[0].space_below, 4.0 * 110.0);
        // Drawn rows and spaces add up to the whole grid.
        let drawn = GRID.grid_height(2);
        assert_eq!(window[0].space_above + drawn + window[0].space_below, GRID.grid_height(10));
    }

    #[test]
    fn blocks_off_screen_are_empty_space_of_their_exact_height() {
        let sizes = [6, 6, 6, 6];
        // Each block: 50 + 210 = 260 high; the screen shows y 600..800 (the third block, 520..780).
        let window = gallery_window(&sizes, Some(GRID), 0.0, (600.0, 200.0), 0.0, 12);
        assert_eq!(window[0].tiles, 0..0);
        assert_eq!(window[0].space_above, GRID.grid_height(2));
        assert_eq!(window[1].tiles, 0..0);
        assert_eq!(window[2].tiles, 0..6);
        assert_eq!(
            window[3].tiles,
            0..0,
            "the fourth block's first row starts at 830: the screen ends at 800"
        );
        let window = gallery_window(&sizes, Some(GRID), 0.0, (600.0, 200.0), 40.0, 12);
        assert_eq!(window[3].tiles, 0..3, "within the margin: its first row is drawn");
        assert!(window[3].space_below > 0.0);
    }

    #[test]
    fn a_partial_last_row_and_a_screen_past_the_end_stay_in_range() {
        let window = gallery_window(&[7], Some(GRID), 0.0, (0.0, 10_000.0), 0.0, 12);
        assert_eq!(window[0].tiles, 0..7);
        assert_eq!((window[0].space_above, window[0].space_below), (0.0, 0.0));
        let past = gallery_window(&[7], Some(GRID), 0.0, (50_000.0, 800.0), 0.0, 12);
        assert_eq!(past[0].tiles, 0..0);
        let above = gallery_window(&[7], Some(GRID), 5_000.0, (0.0, 800.0), 0.0, 12);
        assert_eq!(above[0].tiles, 0..0, "the gallery starts below the screen");
    }

    #[test]
    fn before_it_is_measured_the_first_tiles_are_drawn() {
        let window = gallery_window(&[5, 5, 5], None, 0.0, (0.0, 800.0), 0.0, 8);
        let drawn: Vec<Range<usize>> = window.into_iter().map(|w| w.tiles).collect();
        assert_eq!(drawn, [0..5, 0..3, 0..0]);
    }

    #[test]
    fn a_thousand_five_hundred_photos_draw_a_few_screens_of_tiles() {
        let sizes = vec![4; 375];
        let total: f64 = sizes.iter().map(|&n| GRID.block_height(n)).sum();
        for view_top in [0.0, total / 2.0, total - 800.0] {
            let drawn: usize = gallery_window(&sizes, Some(GRID), 0.0, (view_top, 800.0), 800.0, 12)
                .iter()
                .map(|w| w.tiles.len())
                .sum();
            assert!((1..=60).contains(&drawn), "{drawn} tiles drawn at {view_top}");
        }
    }
}
