//! The timeline of one area as SVG: phase strips after each session, the band of what studies
//! reported, session markers and "today". The client's own ratings are drawn on their own scales
//! beside it (`own_ratings_chart`), never inside the band. A plain function (no state), drawn from
//! the pure scales and paths in `domain::chart`.

use time::{Date, Duration};
use yew::prelude::*;

use crate::domain::charts::{band_path, fmt_coord, percent_label, Frame, LinearScale, Margins};
use crate::domain::diary::recovery::{RecoveryEntry, GAIS_WORDS, REDNESS_WORDS};
use crate::domain::diary::session::Session;
use crate::domain::text::dates::display_date;
use crate::domain::timeline::evidence::band_series;
use crate::domain::timeline::{phase_spans, Phase};
use crate::ui::shared::components::own_ratings_chart::{own_ratings_chart, RatingScale};

/// How much of the timeline to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zoom {
    Weeks8,
    Months6,
    Months12,
    All,
}

impl Zoom {
    pub const ALL: [Zoom; 4] = [Zoom::Weeks8, Zoom::Months6, Zoom::Months12, Zoom::All];

    pub const fn label(self) -> &'static str {
        match self {
            Zoom::Weeks8 => "8 weeks",
            Zoom::Months6 => "6 months",
            Zoom::Months12 => "12 months",
            Zoom::All => "All",
        }
    }

    /// The dates shown: mostly the past, with a quarter of the span ahead of today.
    pub fn window(self, today: Date, sessions: &[&Session]) -> (Date, Date) {
        let span = match self {
            Zoom::Weeks8 => 56,
            Zoom::Months6 => 183,
            Zoom::Months12 => 365,
            Zoom::All => {
                let first = sessions.iter().map(|s| s.date).min().unwrap_or(today);
                let last = sessions.iter().map(|s| s.date).max().unwrap_or(today).max(today);
                return (first - Duration::weeks(1), last + Duration::days(183));
            }
        };
        (today - Duration::days(span * 3 / 4), today + Duration::days(span / 4))
    }
}

const FRAME: Frame = Frame {
    width: 360.0,
    height: 200.0,
    // The left margin holds the band's axis values ("100%").
    margins: Margins { top: 14.0, right: 10.0, bottom: 40.0, left: 34.0 },
};

fn phase_class(phase: Phase) -> &'static str {
    match phase {
        Phase::Inflammation => "phase--inflammation",
        Phase::Proliferation => "phase--proliferation",
        Phase::Remodelling => "phase--remodelling",
    }
}

/// The chart for one area's sessions and check-ins, between `from` and `to`.
pub fn timeline_chart(area_name: &str, sessions: &[&Session], today: Date, (from, to): (Date, Date)) -> Html {
    let day = |d: Date| (d - from).whole_days() as f64;
    let x = LinearScale::new((0.0, day(to)), (FRAME.plot_left(), FRAME.plot_right()));
    let y = LinearScale::new((0.0, 1.0), (FRAME.plot_bottom() - 12.0, FRAME.plot_top()));
    let inside = |d: Date| d >= from && d <= to;
    // RF microneedling has its own recovery: its sessions are marked, with no needling phases or band.
    let needling = |s: &&&Session| s.device.follows_needling_figures();
    let dates: Vec<Date> = sessions.iter().filter(needling).map(|s| s.date).collect();
    let step = ((to - from).whole_days() / 90).max(1);
    let band = band_series(&dates, from, to, step);
    let upper: Vec<(f64, f64)> = band.iter().map(|p| (x.map(day(p.date)), y.map(p.high))).collect();
    let lower: Vec<(f64, f64)> = band.iter().map(|p| (x.map(day(p.date)), y.map(p.low))).collect();
    let strip_y = fmt_coord(FRAME.plot_bottom() - 8.0);
    let mut numbered: Vec<&&Session> = sessions.iter().filter(|s| s.is_done()).collect();
    numbered.sort_by_key(|s| s.when());
    // The text alternative: what the window holds, in numbers (the "you are here" sentence and
    // the milestones beside the chart say the rest in words).
    let shown = |done: bool| sessions.iter().filter(|s| inside(s.date) && s.is_done() == done).count();
    let rf = sessions.iter().any(|s| inside(s.date) && !s.device.follows_needling_figures());
    let label = format!(
        "{area_name} timeline from {} to {}: {} done and {} planned in this view, the healing phases after each, the range studies reported as a share of the change a full course brought, from 0% to 100% (an illustration, not a prediction), and today.{}",
        display_date(from),
        display_date(to),
        match shown(true) {
            1 => "1 session".to_string(),
            n => format!("{n} sessions"),
        },
        shown(false),
        if rf { " RF microneedling sessions are marked without phases or band: their recovery is their own." } else { "" },
    );
    html! {
        <svg viewBox={FRAME.view_box()} role="img" aria-label={label} class="chart__svg timeline">
            { for numbered.iter().filter(|s| s.device.follows_needling_figures()).flat_map(|s| phase_spans(s.date)).filter(|p| p.end > from && p.start < to).map(|p| {
                let (x1, x2) = (x.map_clamped(day(p.start.max(from))), x.map_clamped(day(p.end.min(to))));
                html! { <rect class={classes!("phase", phase_class(p.phase))} x={fmt_coord(x1)} y={strip_y.clone()} width={fmt_coord((x2 - x1).max(0.5))} height="8" /> }
            }) }
            // The band's axis: what share of a full course's reported change it has reached.
            { for y.ticks(3).into_iter().map(|share| {
                let py = y.map(share);
                html! {
                    <g class="chart__grid">
                        <line x1={fmt_coord(FRAME.plot_left())} x2={fmt_coord(FRAME.plot_right())}
                            y1={fmt_coord(py)} y2={fmt_coord(py)} />
                        <text x={fmt_coord(FRAME.plot_left() - 4.0)} y={fmt_coord(py + 3.0)} class="chart__label chart__label--end">
                            { percent_label(share) }
                        </text>
                    </g>
                }
            }) }
            <path class="timeline__band" d={band_path(&upper, &lower)} />
            { for sessions.iter().filter(|s| inside(s.date)).map(|s| {
                let px = fmt_coord(x.map(day(s.date)));
                let number = numbered.iter().position(|d| d.id == s.id).map(|i| format!("S{}", i + 1)).unwrap_or_else(|| "planned".into());
                html! {
                    <g class={classes!("timeline__session", (!s.is_done()).then_some("timeline__session--planned"))}>
                        <line x1={px.clone()} x2={px.clone()} y1={fmt_coord(FRAME.plot_top())} y2={fmt_coord(FRAME.plot_bottom())} />
                        <text x={px} y={fmt_coord(FRAME.plot_top() - 3.0)} class="chart__label chart__label--x">{ number }</text>
                    </g>
                }
            }) }
            if inside(today) {
                <g class="timeline__today">
                    <line x1={fmt_coord(x.map(day(today)))} x2={fmt_coord(x.map(day(today)))} y1={fmt_coord(FRAME.plot_top())} y2={fmt_coord(FRAME.plot_bottom())} />
                    <text x={fmt_coord(x.map(day(today)))} y={fmt_coord(FRAME.plot_bottom() + 14.0)} class="chart__label chart__label--x">{ "Today" }</text>
                </g>
            }
            <text x={fmt_coord(FRAME.plot_left())} y={fmt_coord(FRAME.height - 4.0)} class="chart__label">{ display_date(from) }</text>
            <text x={fmt_coord(FRAME.plot_right())} y={fmt_coord(FRAME.height - 4.0)} class="chart__label chart__label--end">{ display_date(to) }</text>
        </svg>
    }
}

/// What the chart's marks and colours mean.
pub fn timeline_legend() -> Html {
    html! {
        <p class="chart__legend">
            <span class="legend legend--session">{ "session" }</span>
            <span class="legend legend--planned">{ "planned session" }</span>
            <span class="legend legend--band">{ "range studies reported, as a share of the change a full course brought (illustration)" }</span>
            <span class="legend legend--inflammation">{ "inflammation" }</span>
            <span class="legend legend--proliferation">{ "proliferation" }</span>
            <span class="legend legend--remodelling">{ "remodelling" }</span>
        </p>
    }
}

/// The client's own redness and improvement ratings for the same window, each on its own scale,
/// under a heading that says they are theirs and not compared with the band.
pub fn own_ratings(area_name: &str, entries: &[&RecoveryEntry], window: (Date, Date)) -> Html {
    let redness: Vec<(Date, u8)> = entries.iter().map(|e| (e.date, e.redness)).collect();
    let gais: Vec<(Date, u8)> = entries.iter().filter_map(|e| e.gais.map(|g| (e.date, g))).collect();
    let redness_scale = RatingScale {
        title: "Your redness",
        words: &REDNESS_WORDS,
        first: 0,
        first_on_top: false,
        class: "own-ratings__point--redness",
    };
    let gais_scale = RatingScale {
        title: "Your improvement ratings",
        words: &GAIS_WORDS,
        first: 1,
        first_on_top: true,
        class: "own-ratings__point--gais",
    };
    let charts = html! {
        <>
            { own_ratings_chart(area_name, redness_scale, &redness, window) }
            { own_ratings_chart(area_name, gais_scale, &gais, window) }
        </>
    };
    if redness.is_empty() {
        return html! {};
    }
    html! {
        <div class="own-ratings-block">
            <h3>{ "Your own check-ins" }</h3>
            <p class="muted">{ "Your ratings on their own scales, for you to follow. They are not measured against the range above." }</p>
            { charts }
        </div>
    }
}
