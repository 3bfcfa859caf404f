//! A long task's progress: a labelled `<progress>` and the step in words.

use yew::prelude::*;

use crate::ui::photos::actions::backup::Progress;

#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    pub progress: Progress,
    /// The accessible name ("Backup progress").
    pub label: AttrValue,
}

#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let percent = (props.progress.fraction.clamp(0.0, 1.0) * 100.0).round() as u32;
    html! {
        <div class="progress" role="status">
            <progress max="100" value={percent.to_string()} aria-label={props.label.clone()} />
            <span>{ format!("{} · {percent}%", props.progress.step) }</span>
        </div>
    }
}

/// A callback that shows each step of a task in `state` (the card's progress bar).
pub fn report_into(state: &UseStateHandle<Option<Progress>>) -> Callback<Progress> {
    let state = state.clone();
    Callback::from(move |p: Progress| state.set(Some(p)))
}
