//! Secrets the server hands out only once (a new project's tokens, a new token, a new Arcee key).
//!
//! The screen that asked shows them in place. If the user left that screen while the call was under way, the
//! answer still arrives (see the lifetime policy in `components::form`), and its secrets go on the
//! [`SecretShelf`]: a dialog above whatever screen the user is on now, which stays until they say they have
//! saved them. A secret is never dropped.

use leptos::prelude::*;

use super::{CopyButton, Modal};
use crate::i18n::t;
use crate::web::save_file;

/// What one answer carried that will not be shown again: a heading, the secrets as `(name, value)`, and
/// optionally a file to save them in, as `(file name, contents)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShownOnce {
    pub heading: String,
    pub secrets: Vec<(String, String)>,
    pub file: Option<(String, String)>,
}

/// The secrets whose screen was gone when they arrived, oldest first; provided once by the app.
#[derive(Clone, Copy)]
pub struct SecretShelf {
    waiting: RwSignal<Vec<ShownOnce>>,
    /// The dialog, once something was kept: set by [`SecretShelf::keep`], which only the screens' code (loaded
    /// later) calls, so that the dialog's code is loaded with theirs, not with the app's first load.
    dialog: RwSignal<Option<fn() -> AnyView>>,
}

impl SecretShelf {
    pub fn provide() -> Self {
        let shelf = Self { waiting: RwSignal::new(Vec::new()), dialog: RwSignal::new(None) };
        provide_context(shelf);
        shelf
    }

    /// Shows `secrets` above the current screen, after any already waiting.
    pub fn keep(&self, secrets: ShownOnce) {
        self.waiting.update(|waiting| waiting.push(secrets));
        if self.dialog.with_untracked(Option::is_none) {
            self.dialog.set(Some(|| view! { <SecretsDialog /> }.into_any()));
        }
    }
}

pub fn use_secret_shelf() -> SecretShelf {
    expect_context::<SecretShelf>()
}

/// Each secret in full with Copy, and a plain warning that they will not be shown again.
#[component]
pub fn ShownOnceSecrets(secrets: Vec<(String, String)>) -> impl IntoView {
    let texts = t().common();
    if secrets.is_empty() {
        return view! { <p>{texts.no_token_returned}</p> }.into_any();
    }
    view! {
        <p class="warning-text">
            <strong>{texts.shown_once_warning}</strong>
            {texts.shown_once_after}
        </p>
        <ul class="plain-list">
            {secrets.into_iter().map(|(name, value)| {
                let label = texts.token_named(&name);
                view! {
                    <li class="created-token">
                        <span class="token-name">{name}</span>
                        <code class="secret-value">{value.clone()}</code>
                        <CopyButton value label />
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Where the shelf's dialog goes: nothing until a secret was kept.
#[component]
pub fn ShownOnceDialog() -> impl IntoView {
    let shelf = use_context::<SecretShelf>();
    move || shelf.and_then(|shelf| shelf.dialog.get()).map(|dialog| dialog())
}

/// The shelf's dialog: the oldest waiting secrets, until the user says they have saved them. Escape does not
/// close it, since closing forgets the secrets for good.
#[component]
fn SecretsDialog() -> impl IntoView {
    let shelf = use_secret_shelf();
    let open = Signal::derive(move || shelf.waiting.with(|waiting| !waiting.is_empty()));
    let done = move |_| shelf.waiting.update(|waiting| drop(waiting.drain(..1.min(waiting.len()))));
    view! {
        <Modal id="shown-once" open on_close=Callback::new(|()| ()) labelled_by="shown-once-heading".into()>
            {move || shelf.waiting.with(|waiting| waiting.first().cloned()).map(|shown| {
                let save = shown.file.map(|(name, contents)| {
                    let save = move |_| {
                        // A refused download leaves the values on screen to copy; nothing else is lost.
                        let _ = save_file(&name, "text/plain;charset=utf-8", &contents);
                    };
                    view! { <button type="button" on:click=save>{t().forms().save_as_file}</button> }
                });
                view! {
                    <h2 id="shown-once-heading">{shown.heading}</h2>
                    <p>{t().forms().arrived_after_leaving}</p>
                    <ShownOnceSecrets secrets=shown.secrets />
                    <div class="actions">
                        {save}
                        <button type="button" class="primary" on:click=done>{t().forms().saved_them}</button>
                    </div>
                }
            })}
        </Modal>
    }
}
