//! An SVG line chart of scores by day after a session, drawn from the pure scale and path
//! functions in `domain::chart`. Measures with different scales (redness 0-4, swelling 0-3,
//! pain 0-10) share the chart as a share of their own maximum.

use yew::prelude::*;

use crate::domain::charts::{fmt_coord, line_path, Frame, LinearScale, Margins};

/// One line: its legend label, a CSS class for colour and dash, its scale maximum, and
/// (day, value) points in day order.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    pub class: &'static str,
    pub max: f64,
    pub points: Vec<(i64, f64)>,
}

#[derive(Properties, PartialEq)]
pub struct RecoveryChartProps {
    /// What the chart shows, read by screen readers (the list beside it holds the numbers).
    pub title: AttrValue,
    pub series: Vec<ChartSeries>,
    /// Words for the y axis when every series shares one scale (e.g. the redness words).
    #[prop_or_default]
    pub y_words: Option<&'static [&'static str]>,
    /// A dot with its value (as a tooltip) on every point; overlays of many lines go without.
    #[prop_or(true)]
    pub markers: bool,
}

const FRAME: Frame = Frame {
    width: 340.0,
    height: 190.0,
    margins: Margins { top: 12.0, right: 12.0, bottom: 32.0, left: 84.0 },
};

#[component]
pub fn RecoveryChart(props: &RecoveryChartProps) -> Html {
    let last_day = props.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).max().unwrap_or(0).max(7);
    let x = LinearScale::new((0.0, last_day as f64), (FRAME.plot_left(), FRAME.plot_right()));
    let y = LinearScale::new((0.0, 1.0), (FRAME.plot_bottom(), FRAME.plot_top()));
    let y_labels: Vec<(f64, String)> = match props.y_words {
        Some(words) if words.len() > 1 => {
            let top = (words.len() - 1) as f64;
            words.iter().enumerate().map(|(i, w)| (i as f64 / top, format!("{i} {w}"))).collect()
        }
        _ => vec![(0.0, "none".to_string()), (1.0, "worst".to_string())],
    };
    html! {
        <figure class="chart">
            <svg viewBox={FRAME.view_box()} role="img" aria-label={props.title.clone()} class="chart__svg">
                { for y_labels.iter().map(|(v, label)| {
                    let py = fmt_coord(y.map(*v));
                    html! {
                        <g class="chart__grid">
                            <line x1={fmt_coord(FRAME.plot_left())} x2={fmt_coord(FRAME.plot_right())} y1={py.clone()} y2={py.clone()} />
                            <text x={fmt_coord(FRAME.plot_left() - 6.0)} y={py} class="chart__label chart__label--y">{ label.clone() }</text>
                        </g>
                    }
                }) }
                { for x.integer_ticks(8).into_iter().map(|day| html! {
                    <text x={fmt_coord(x.map(day as f64))} y={fmt_coord(FRAME.plot_bottom() + 16.0)} class="chart__label chart__label--x">
                        { day }
                    </text>
                }) }
                <text x={fmt_coord(FRAME.plot_left() + FRAME.plot_width() / 2.0)} y={fmt_coord(FRAME.height - 2.0)} class="chart__label chart__label--x">
                    { "day after session" }
                </text>
                { for props.series.iter().map(|s| {
                    let points: Vec<(f64, f64)> = s.points.iter().map(|&(d, v)| (x.map(d as f64), y.map(v / s.max))).collect();
                    html! {
                        <g class={classes!("chart__series", s.class)}>
                            <path d={line_path(&points)} />
                            { for points.iter().filter(|_| props.markers).zip(&s.points).map(|((px, py), (d, v))| html! {
                                <circle cx={fmt_coord(*px)} cy={fmt_coord(*py)} r="3">
                                    <title>{ format!("{}: {} on day {d}", s.label, fmt_coord(*v)) }</title>
                                </circle>
                            }) }
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="chart__legend">
                { for props.series.iter().map(|s| html! {
                    <span class={classes!("chart__key", s.class)}>{ s.label.clone() }</span>
                }) }
            </figcaption>
        </figure>
    }
}
