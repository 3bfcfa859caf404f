//! The redness index over time for the series, with sessions marked.

use yew::prelude::*;

use crate::domain::charts::fmt_coord;
use crate::domain::charts::redness::redness_chart;
use crate::domain::photos::photo::Photo;
use crate::domain::photos::redness::change;
use crate::domain::photos::region::Region;

#[derive(Properties, PartialEq)]
pub struct RednessChartViewProps {
    pub series: Vec<Photo>,
    pub region: Option<Region>,
    pub sessions: Vec<time::Date>,
    pub on_measure_all: Callback<()>,
    pub measuring: Option<AttrValue>,
}

#[component]
pub fn RednessChartView(props: &RednessChartViewProps) -> Html {
    let Some(region) = props.region else { return html! {} };
    let measured: Vec<&Photo> = props
        .series
        .iter()
        .filter(|p| p.redness.is_some_and(|r| r.region == region) && p.date().is_some())
        .collect();
    let readings: Vec<(time::Date, f64, bool)> =
        measured.iter().filter_map(|p| Some((p.date()?, p.redness?.mean, p.redness?.calibrated))).collect();
    let trend = match (measured.first().and_then(|p| p.redness), measured.last().and_then(|p| p.redness)) {
        (Some(first), Some(last)) if measured.len() >= 2 => {
            format!("First to latest: {}.", change(&first, &last).describe())
        }
        _ => String::new(),
    };
    let onclick = {
        let on_measure_all = props.on_measure_all.clone();
        Callback::from(move |_| on_measure_all.emit(()))
    };
    let chart = redness_chart(&readings, &props.sessions);
    html! {
        <section class="redness-chart" aria-labelledby="redness-chart-title">
            <h2 id="redness-chart-title">{ "Redness over time" }</h2>
            <p>{ format!("{} of {} photos measured in this region.", measured.len(), props.series.len()) }</p>
            <button type="button" class="button" onclick={onclick} disabled={props.measuring.is_some()}>
                { "Measure every photo" }
            </button>
            if let Some(status) = &props.measuring {
                <p role="status">{ status.clone() }</p>
            }
            if let Some(chart) = chart {
                <svg class="chart" viewBox={chart.frame.view_box()} role="img"
                    aria-label={format!("Redness index by date. {}", chart.points.iter().map(|p| p.label.clone()).collect::<Vec<_>>().join("; "))}>
                    { for chart.ticks.iter().map(|(y, text)| html! {
                        <g class="chart__tick">
                            <line x1={fmt_coord(chart.frame.plot_left())} x2={fmt_coord(chart.frame.plot_right())}
                                y1={fmt_coord(*y)} y2={fmt_coord(*y)} />
                            <text x={fmt_coord(chart.frame.plot_left() - 6.0)} y={fmt_coord(*y + 4.0)} text-anchor="end">{ text.clone() }</text>
                        </g>
                    }) }
                    { for chart.sessions.iter().map(|x| html! {
                        <line class="chart__session" x1={fmt_coord(*x)} x2={fmt_coord(*x)}
                            y1={fmt_coord(chart.frame.plot_top())} y2={fmt_coord(chart.frame.plot_bottom())} />
                    }) }
                    <path class="chart__line" d={chart.line.clone()} />
                    { for chart.points.iter().map(|p| html! {
                        <circle class={if p.calibrated { "chart__point" } else { "chart__point chart__point--hollow" }}
                            cx={fmt_coord(p.x)} cy={fmt_coord(p.y)} r="5"><title>{ p.label.clone() }</title></circle>
                    }) }
                </svg>
                <p class="chart__legend">{ "Filled dots are calibrated; hollow dots are uncalibrated. Vertical lines are sessions." }</p>
            }
            if !trend.is_empty() {
                <p role="status">{ trend }</p>
            }
        </section>
    }
}
