//! Saved installations on the connect screen: the list to pick from, rename, recolour and forget, and the
//! "remember this installation" fields of each form. What is saved is the address and how to authenticate,
//! never a token or key (`preferences`).

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::AuthScheme;
use crate::components::{use_toasts, CheckboxField, TextField};
use crate::i18n::t;
use crate::preferences::{
    clean_colour, use_preferences, InstallationKind, Preferences, SavedInstallation, DEFAULT_COLOUR,
};

/// The saved installations of `kind`; `on_pick` fills the form with one.
#[component]
pub fn SavedInstallations(kind: InstallationKind, on_pick: Callback<SavedInstallation>) -> impl IntoView {
    let preferences = use_preferences();
    let of_kind = move || preferences.installations().into_iter().filter(|i| i.kind == kind).collect::<Vec<_>>();
    view! {
        <Show when=move || !of_kind().is_empty()>
            <section class="card saved-installations" aria-labelledby="saved-heading">
                <h2 id="saved-heading">{t().connect().saved_heading}</h2>
                <ul class="plain-list">
                    <For each=of_kind key=|i| (i.id, i.label.clone(), i.colour.clone(), i.base_url.clone()) let:installation>
                        <SavedRow installation on_pick />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn SavedRow(installation: SavedInstallation, on_pick: Callback<SavedInstallation>) -> impl IntoView {
    let preferences = use_preferences();
    let toasts = use_toasts();
    let editing = RwSignal::new(false);
    let label = RwSignal::new(installation.label.clone());
    let colour = RwSignal::new(installation.colour.clone());
    let id = installation.id;
    let name = installation.label.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_label = label.get_untracked().trim().to_string();
        if !new_label.is_empty() {
            preferences.rename(id, new_label, clean_colour(&colour.get_untracked()));
            editing.set(false);
        }
    };
    let picked = installation.clone();
    let view_row = {
        let installation = installation.clone();
        move || {
            let (installation, picked, name) = (installation.clone(), picked.clone(), name.clone());
            let texts = t().connect();
            if editing.get() {
                Either::Left(view! {
                    <form class="rename-installation" on:submit=save aria-label=texts.rename_installation(&installation.label)>
                        <div class="field">
                            <label for=format!("rename-{id}")>{texts.label}</label>
                            <input id=format!("rename-{id}") type="text" prop:value=move || label.get()
                                on:input:target=move |ev| label.set(ev.target().value()) />
                        </div>
                        <div class="field">
                            <label for=format!("colour-{id}")>{texts.colour}</label>
                            <input id=format!("colour-{id}") type="color" prop:value=move || colour.get()
                                on:input:target=move |ev| colour.set(ev.target().value()) />
                        </div>
                        <div class="actions">
                            <button type="submit" class="primary">{texts.save}</button>
                            <button type="button" on:click=move |_| editing.set(false)>{texts.cancel}</button>
                        </div>
                    </form>
                })
            } else {
                Either::Right(view! {
                    <span class="swatch" aria-hidden="true" style:background-color=installation.colour.clone()></span>
                    <span class="installation-label">{installation.label.clone()}</span>
                    <span class="installation-url">{installation.base_url.clone()}</span>
                    <span class="actions">
                        <button type="button" aria-label=texts.use_installation(&installation.label)
                            on:click=move |_| on_pick.run(picked.clone())>{texts.use_button}</button>
                        <button type="button" aria-label=texts.rename_installation(&installation.label)
                            on:click=move |_| editing.set(true)>{texts.rename_button}</button>
                        <button type="button" aria-label=texts.forget_installation(&installation.label)
                            on:click=move |_| {
                                preferences.forget(id);
                                toasts.success(t().connect().forgotten(&name));
                            }>{texts.forget_button}</button>
                    </span>
                })
            }
        }
    };
    view! { <li class="saved-installation">{view_row}</li> }
}

/// The form's "remember this installation" choice, with the label and colour it will be saved under.
#[derive(Clone, Copy)]
pub struct Remember {
    preferences: Preferences,
    on: RwSignal<bool>,
    label: RwSignal<String>,
    colour: RwSignal<String>,
}

impl Remember {
    pub fn new() -> Self {
        Self {
            preferences: use_preferences(),
            on: RwSignal::new(false),
            label: RwSignal::new(String::new()),
            colour: RwSignal::new(DEFAULT_COLOUR.into()),
        }
    }

    /// Saves the installation just connected, when asked to; the label defaults to the URL's host.
    pub fn save_if_asked(
        &self,
        kind: InstallationKind,
        base_url: &str,
        auth: AuthScheme,
        organization: Option<String>,
    ) {
        if !self.on.get_untracked() {
            return;
        }
        let label = Some(self.label.get_untracked().trim().to_string()).filter(|l| !l.is_empty());
        let host = base_url.split("://").nth(1).unwrap_or(base_url).split('/').next().unwrap_or(base_url);
        self.preferences.save(SavedInstallation {
            id: 0,
            label: label.unwrap_or_else(|| host.to_string()),
            kind,
            base_url: base_url.to_string(),
            auth,
            organization,
            colour: clean_colour(&self.colour.get_untracked()),
        });
    }

    /// Fills the label and colour from a picked installation, so connecting again keeps them.
    pub fn pick(&self, installation: &SavedInstallation) {
        self.on.set(true);
        self.label.set(installation.label.clone());
        self.colour.set(installation.colour.clone());
    }
}

/// The checkbox and, once ticked, the label and colour fields; `prefix` keeps ids apart between the forms.
#[component]
pub fn RememberFields(remember: Remember, prefix: &'static str) -> impl IntoView {
    let (check_id, label_id, colour_id) = match prefix {
        "arcee" => ("arcee-remember", "arcee-remember-label", "arcee-remember-colour"),
        _ => ("remember", "remember-label", "remember-colour"),
    };
    let texts = t().connect();
    view! {
        <CheckboxField id=check_id label=texts.remember
            checked=remember.on />
        <Show when=move || remember.on.get()>
            <div class="field-grid">
                <TextField id=label_id label=texts.label value=remember.label
                    hint=texts.remember_label_hint />
                <div class="field">
                    <label for=colour_id>{texts.colour}</label>
                    <input id=colour_id type="color" aria-describedby=format!("{colour_id}-hint")
                        prop:value=move || remember.colour.get()
                        on:input:target=move |ev| remember.colour.set(ev.target().value()) />
                    <p class="hint" id=format!("{colour_id}-hint")>{texts.remember_colour_hint}</p>
                </div>
            </div>
        </Show>
    }
}
