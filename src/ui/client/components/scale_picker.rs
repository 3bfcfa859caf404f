//! A 0-n scale with anchored words as a row of large radio buttons: one tap picks a value.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScalePickerProps {
    /// Unique per page: the radio group's name and the ids of its options.
    pub name: AttrValue,
    pub legend: AttrValue,
    /// The word for each value; value = index + `first`.
    pub words: &'static [&'static str],
    #[prop_or(0)]
    pub first: u8,
    pub value: Option<u8>,
    pub on_change: Callback<u8>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// For optional scales: a "Clear" button that sets the value back to none.
    #[prop_or_default]
    pub on_clear: Option<Callback<()>>,
}

#[component]
pub fn ScalePicker(props: &ScalePickerProps) -> Html {
    let error_id = format!("{}-error", props.name);
    // Five choices with a long word ("Moderate", "improved") don't fit one row of a 360 px phone
    // with their padding: such scales take three columns there (two rows, still one tap each).
    let crowded =
        props.words.len() >= 5 && props.words.iter().any(|w| w.split(' ').any(|part| part.len() >= 8));
    html! {
        <fieldset class={classes!("scale", props.error.is_some().then_some("field--invalid"))}
            aria-describedby={props.error.as_ref().map(|_| error_id.clone())}>
            <legend>{ props.legend.clone() }</legend>
            <div class={classes!("scale__options", crowded.then_some("scale__options--crowded"))}>
                { for props.words.iter().enumerate().map(|(i, word)| {
                    let value = props.first + i as u8;
                    let id = format!("{}-{value}", props.name);
                    let on_change = props.on_change.clone();
                    let onchange = Callback::from(move |_: Event| on_change.emit(value));
                    html! {
                        <div class="scale__option">
                            <input type="radio" id={id.clone()} name={props.name.clone()} value={value.to_string()}
                                checked={props.value == Some(value)} {onchange} />
                            <label for={id}>
                                <span class="scale__number">{ value }</span>
                                <span class="scale__word">{ *word }</span>
                            </label>
                        </div>
                    }
                }) }
            </div>
            if let (Some(on_clear), Some(_)) = (&props.on_clear, props.value) {
                <button type="button" class="button button--quiet scale__clear"
                    onclick={on_clear.reform(|_: MouseEvent| ())}>{ format!("Clear {}", props.legend.split(" (").next().unwrap_or_default().to_ascii_lowercase()) }</button>
            }
            if let Some(error) = &props.error {
                <p id={error_id.clone()} class="field__error">{ error.clone() }</p>
            }
        </fieldset>
    }
}
