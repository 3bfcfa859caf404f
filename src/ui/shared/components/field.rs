//! Labelled form fields that show their error message right beside them.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    /// `text`, `date`, `time`, `number`…
    #[prop_or(AttrValue::from("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub multiline: bool,
    /// Values offered as the person types (a `<datalist>`); they may still type anything.
    #[prop_or_default]
    pub suggestions: Vec<AttrValue>,
}

/// A text input (or textarea) with its label, an optional hint, and its error message, linked
/// by `aria-describedby` so screen readers read the message with the field.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described: Vec<&str> =
        [props.hint.as_ref().map(|_| hint_id.as_str()), props.error.as_ref().map(|_| error_id.as_str())]
            .into_iter()
            .flatten()
            .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = props.error.as_ref().map(|_| "true");
    let control = if props.multiline {
        let on_change = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            on_change.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        });
        html! {
            <textarea id={props.id.clone()} value={props.value.clone()} rows="4" {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        }
    } else {
        let on_change = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            on_change.emit(e.target_unchecked_into::<HtmlInputElement>().value())
        });
        let list_id = (!props.suggestions.is_empty()).then(|| format!("{}-suggestions", props.id));
        html! {
            <>
                <input id={props.id.clone()} type={props.kind.clone()} value={props.value.clone()} {oninput}
                    inputmode={props.inputmode.clone()} aria-invalid={invalid} aria-describedby={described}
                    list={list_id.clone()} />
                if let Some(list_id) = list_id {
                    <datalist id={list_id}>
                        { for props.suggestions.iter().map(|value| html! { <option value={value.clone()} /> }) }
                    </datalist>
                }
            </>
        }
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <p id={hint_id.clone()} class="field__hint">{ hint.clone() }</p>
            }
            { control }
            if let Some(error) = &props.error {
                <p id={error_id.clone()} class="field__error">{ error.clone() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        on_change.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
    });
    let error_id = format!("{}-error", props.id);
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange} aria-describedby={props.error.as_ref().map(|_| error_id.clone())}
                aria-invalid={props.error.as_ref().map(|_| "true")}>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                }) }
            </select>
            if let Some(error) = &props.error {
                <p id={error_id.clone()} class="field__error">{ error.clone() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub on_change: Callback<bool>,
}

#[component]
pub fn Checkbox(props: &CheckboxProps) -> Html {
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        on_change.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <div class="check">
            <input type="checkbox" id={props.id.clone()} checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ props.label.clone() }</label>
        </div>
    }
}

/// The end of a form: its save button, a storage failure beside it, and, after a rejected
/// submit, the reminder that nothing was saved.
pub fn form_actions(save_label: &'static str, save_error: Option<&String>, has_errors: bool) -> Html {
    html! {
        <div class="form__actions">
            <button type="submit" class="button">{ save_label }</button>
            if let Some(message) = save_error {
                <p class="field__error" role="alert">{ message.clone() }</p>
            }
            if has_errors {
                <p class="field__error" role="alert">{ "Nothing was saved: please check the fields marked above." }</p>
            }
        </div>
    }
}

/// A callback that applies `change` to a copy of the form in `form` and stores the result: every
/// field of a form edits through this, so a form's state is only ever replaced whole.
pub fn edit<F: Clone + 'static, V: 'static>(form: &UseStateHandle<F>, change: fn(&mut F, V)) -> Callback<V> {
    let form = form.clone();
    Callback::from(move |value: V| {
        let mut next = (*form).clone();
        change(&mut next, value);
        form.set(next);
    })
}
