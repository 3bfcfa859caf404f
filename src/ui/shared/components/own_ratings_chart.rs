//! The client's own ratings over time, each on its own labelled scale (redness 0-4 with the CEA
//! words, improvement 1-5 with the GAIS words), drawn beside the timeline's population band and
//! never inside it: a person's rating is not a grade against what studies reported.

use time::Date;
use yew::prelude::*;

use crate::domain::charts::{fmt_coord, line_path, Frame, LinearScale, Margins};
use crate::domain::text::dates::display_date;

const FRAME: Frame = Frame {
    width: 360.0,
    height: 120.0,
    margins: Margins { top: 8.0, right: 10.0, bottom: 16.0, left: 96.0 },
};

/// One scale's chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RatingScale<'a> {
    /// "Your redness", "Your improvement ratings": the start of the chart's accessible name.
    pub title: &'a str,
    /// The words of each level, lowest value first.
    pub words: &'a [&'a str],
    /// The value of `words[0]` (0 for redness, 1 for GAIS).
    pub first: u8,
    /// Draw `words[0]` at the top (GAIS: "very much improved" is up) instead of the bottom.
    pub first_on_top: bool,
    /// The CSS class of the points.
    pub class: &'a str,
}

/// `points` (date, level) between `from` and `to`, or nothing when none falls inside.
pub fn own_ratings_chart(
    area_name: &str,
    scale: RatingScale,
    points: &[(Date, u8)],
    (from, to): (Date, Date),
) -> Html {
    let mut shown: Vec<(Date, u8)> = points.iter().copied().filter(|(d, _)| *d >= from && *d <= to).collect();
    shown.sort();
    let Some(&(latest_date, latest)) = shown.last() else { return html! {} };
    let day = |d: Date| (d - from).whole_days() as f64;
    let x = LinearScale::new((0.0, day(to)), (FRAME.plot_left(), FRAME.plot_right()));
    let levels = scale.words.len().saturating_sub(1).max(1) as f64;
    let (bottom, top) = (FRAME.plot_bottom(), FRAME.plot_top());
    let y = if scale.first_on_top {
        LinearScale::new((0.0, levels), (top, bottom))
    } else {
        LinearScale::new((0.0, levels), (bottom, top))
    };
    let index = |level: u8| f64::from(level.saturating_sub(scale.first));
    let word =
        |level: u8| scale.words.get(usize::from(level.saturating_sub(scale.first))).copied().unwrap_or("");
    let path: Vec<(f64, f64)> = shown.iter().map(|(d, l)| (x.map(day(*d)), y.map(index(*l)))).collect();
    let label = format!(
        "{} for {area_name} from {} to {}, on its own scale: {}, the latest {} ({}) on {}.",
        scale.title,
        display_date(from),
        display_date(to),
        match shown.len() {
            1 => "1 rating".to_string(),
            n => format!("{n} ratings"),
        },
        latest,
        word(latest).to_ascii_lowercase(),
        display_date(latest_date)
    );
    html! {
        <svg viewBox={FRAME.view_box()} role="img" aria-label={label} class="chart__svg own-ratings">
            { for scale.words.iter().enumerate().map(|(i, w)| {
                let py = fmt_coord(y.map(i as f64));
                html! {
                    <g class="own-ratings__level">
                        <line x1={fmt_coord(FRAME.plot_left())} x2={fmt_coord(FRAME.plot_right())} y1={py.clone()} y2={py.clone()} />
                        <text x={fmt_coord(FRAME.plot_left() - 4.0)} y={fmt_coord(y.map(i as f64) + 3.0)} class="chart__label chart__label--end">
                            { format!("{} {}", i as u8 + scale.first, w) }
                        </text>
                    </g>
                }
            }) }
            <path class="own-ratings__line" d={line_path(&path)} />
            { for path.iter().map(|(px, py)| html! {
                <circle class={classes!("own-ratings__point", scale.class.to_string())} cx={fmt_coord(*px)} cy={fmt_coord(*py)} r="2.5" />
            }) }
        </svg>
    }
}
