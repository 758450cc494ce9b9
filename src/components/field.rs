//! Form controls with their label, hint and error tied together for assistive technology: the error is
//! announced with the field (`aria-describedby`, `aria-invalid`) and shown right under it.

use leptos::prelude::*;

use crate::i18n::{t, TextOf};

/// A labelled text input (or, `multiline`, a text area) bound to `value`.
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(default = "off")] autocomplete: &'static str,
    /// Values the browser offers as the user types, as `(value, label)`: a `<datalist>` tied to the input.
    #[prop(optional, into)]
    suggestions: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let list_id = suggestions.map(|_| format!("{id}-suggestions"));
    let datalist = suggestions.map(|offers| {
        view! {
            <datalist id=list_id.clone()>
                {move || offers.get().into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
            </datalist>
        }
    });
    let error_id = format!("{id}-error");
    let described_by = if hint.is_some() { format!("{hint_id} {error_id}") } else { error_id.clone() };
    let invalid = move || if error.with(Option::is_some) { "true" } else { "false" };
    let control = if multiline {
        view! {
            <textarea
                id=id
                name=id
                rows="3"
                spellcheck="true"
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                inputmode=inputmode
                list=list_id
                aria-required=required.then_some("true")
                aria-describedby=described_by
                aria-invalid=invalid
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}{required.then_some(view! { <span class="required">{t().common().required}</span> })}</label>
            {control}
            {datalist}
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// A drop-down's choices as `(value, label)` pairs: labels given as they are, or read from the current texts
/// when the field renders (a list of `TextOf`), so that a constant list of options speaks the current language.
pub struct SelectOptions(Vec<(&'static str, String)>);

impl From<Vec<(&'static str, &'static str)>> for SelectOptions {
    fn from(options: Vec<(&'static str, &'static str)>) -> Self {
        Self(options.into_iter().map(|(value, label)| (value, label.to_string())).collect())
    }
}

impl From<&'static [(&'static str, TextOf)]> for SelectOptions {
    fn from(options: &'static [(&'static str, TextOf)]) -> Self {
        let texts = t();
        Self(options.iter().map(|(value, label)| (*value, label(texts).to_string())).collect())
    }
}

/// A labelled drop-down of fixed choices, as `(value, label)` pairs.
#[component]
pub fn SelectField(
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into)] options: SelectOptions,
    #[prop(optional, into)] error: MaybeProp<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                name=id
                aria-describedby=error_id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                on:change:target=move |ev| value.set(ev.target().value())
            >
                {options
                    .0
                    .into_iter()
                    .map(|(option, text)| {
                        view! { <option value=option selected=move || value.with(|v| v == option)>{text}</option> }
                    })
                    .collect_view()}
            </select>
            <p class="field-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

/// A labelled checkbox bound to `checked`.
#[component]
pub fn CheckboxField(id: &'static str, #[prop(into)] label: String, checked: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="field field-inline">
            <input
                id=id
                type="checkbox"
                prop:checked=move || checked.get()
                on:change:target=move |ev| checked.set(ev.target().checked())
            />
            <label for=id>{label}</label>
        </div>
    }
}

/// The `<option>`s of a project filter: one per project, by id, the one `chosen` names selected. The token
/// audit and the access review filter by project alike.
pub fn project_options(projects: Vec<crate::api::Project>, chosen: Signal<String>) -> impl IntoView {
    projects
        .into_iter()
        .map(|p| {
            let id = p.project_id.clone();
            view! { <option value=id.clone() selected=move || chosen.with(|c| *c == id)>{p.project_name}</option> }
        })
        .collect_view()
}
