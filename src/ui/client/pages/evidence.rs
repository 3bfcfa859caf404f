//! The evidence behind every clinical figure the app shows: sources, ranges, the band's formula
//! and its caveats.

use yew::prelude::*;

use crate::domain::sections::Section;
use crate::domain::text::decimal::format_fixed;
use crate::domain::timeline::evidence_data::{Range, Status, PARAMETERS, SOURCES};
use crate::ui::shared::components::page::Page;

fn range_text(range: &Range) -> String {
    let (low, high) = (format_fixed(range.low, 2, true), format_fixed(range.high, 2, true));
    let value = if low == high { low } else { format!("{low}-{high}") };
    format!("{value} {}", range.unit)
}

fn source_label(key: &str) -> &'static str {
    SOURCES.iter().find(|s| s.key == key).map(|s| s.label).unwrap_or("source")
}

#[component]
pub fn EvidencePage() -> Html {
    html! {
        <Page section={Section::Timeline} heading="The evidence">
            <p class="notice">
                <strong>{ "This is not medical advice; ask your clinic. " }</strong>
                { "The figures below are ranges from studies of groups of people; the timeline's band is the app's illustration built from them. Results vary from person to person, and no figure here predicts your own result." }
            </p>
            <section class="card" aria-labelledby="figures-heading">
                <h2 id="figures-heading">{ "Figures the app uses" }</h2>
                <table class="table">
                    <thead><tr><th scope="col">{ "What" }</th><th scope="col">{ "Range" }</th><th scope="col">{ "Source" }</th></tr></thead>
                    <tbody>
                        { for PARAMETERS.iter().map(|(name, range)| html! {
                            <tr>
                                <th scope="row">{ *name }</th>
                                <td>
                                    { range_text(range) }
                                    { match range.status {
                                        Status::Confirmed => html! {},
                                        Status::Unconfirmed => html! { <span class="muted">{ " (commonly reported, unconfirmed)" }</span> },
                                        Status::Assumption => html! { <span class="muted">{ " (the app's assumption)" }</span> },
                                    } }
                                </td>
                                <td><a href={format!("#source-{}", range.source)}>{ source_label(range.source) }</a></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>
            <section class="card" aria-labelledby="band-heading">
                <h2 id="band-heading">{ "How the band of what studies reported is drawn" }</h2>
                <p>{ "Each session adds a response that starts after a lag and grows towards its share; each later session brings less than the one before. The ranges are the Model rows above. Shares combine as parts of what is left to improve:" }</p>
                <p class="formula">{ "band(t) = 1 − Πᵢ (1 − rᵢ(t)),  rᵢ(t) = aᵢ · (1 − e^(−(t − tᵢ − L)/K)) when t − tᵢ > L, else 0,  aᵢ = a₀ · dⁱ" }</p>
                <p>{ "The low edge uses the slow end of every range and the high edge the fast end. The scale is relative: 0 is no improvement and the top is the most this illustration allows. It is the app's illustration, not a measurement and not a prediction for you." }</p>
            </section>
            <section class="card" aria-labelledby="quality-heading">
                <h2 id="quality-heading">{ "How strong the evidence is" }</h2>
                <p>{ "Two systematic reviews (Ramaut 2018, Hou 2017) found the studies of microneedling small, often without a comparison group or blinding, and using many different devices and protocols. So the figures here come from few people, measured in different ways." }</p>
                <p>{ "Results vary from person to person. No figure here predicts one person's result: it says what was seen, in how many people." }</p>
                <p>
                    <a href="#source-ramaut2018">{ "Ramaut et al. 2018" }</a>
                    { " · " }
                    <a href="#source-hou2017">{ "Hou et al. 2017" }</a>
                </p>
            </section>
            <section class="card" aria-labelledby="sources-heading">
                <h2 id="sources-heading">{ "Sources" }</h2>
                <ul class="list" aria-label="Sources">
                    { for SOURCES.iter().map(|source| html! {
                        <li class="list__item list__item--entry" id={format!("source-{}", source.key)}>
                            <strong>{ source.citation }</strong>
                            <span>{ source.supports }</span>
                            if !source.peer_reviewed { <span class="muted">{ "Not peer reviewed." }</span> }
                        </li>
                    }) }
                </ul>
            </section>
        </Page>
    }
}
