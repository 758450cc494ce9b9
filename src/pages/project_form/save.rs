//! What the create and edit screens share about saving: one request at a time, the problems shown at their
//! fields, a notification for each outcome, and, after a 401, the prompt to paste a token again.

use leptos::prelude::*;

use super::input::{errors_from_server, FieldErrors};
use super::token_again::TokenAgain;
use crate::api::{ApiError, ErrorKind};
use crate::components::{use_toasts, Toasts};
use crate::i18n::t;

#[derive(Clone, Copy)]
pub struct SaveState {
    pub errors: RwSignal<FieldErrors>,
    pub saving: RwSignal<bool>,
    token_rejected: RwSignal<bool>,
    toasts: Toasts,
}

impl SaveState {
    pub fn new() -> Self {
        Self {
            errors: RwSignal::new(FieldErrors::default()),
            saving: RwSignal::new(false),
            token_rejected: RwSignal::new(false),
            toasts: use_toasts(),
        }
    }

    /// The checks made before sending found `problems`: show them, focus the first, send nothing.
    pub fn refuse(&self, problems: FieldErrors) {
        self.errors.set(problems);
        focus_first_invalid();
    }

    /// Starts a save, unless one is under way: one request per submission, however often it is pressed.
    pub fn begin(&self) -> bool {
        if self.saving.get_untracked() {
            return false;
        }
        self.saving.set(true);
        self.errors.set(FieldErrors::default());
        self.token_rejected.set(false);
        true
    }

    pub fn succeeded(&self, message: String) {
        let _ = self.saving.try_set(false);
        self.toasts.success(message);
    }

    /// `what` failed: the server's words at their fields (or the form's), and `if_unsure` added when the
    /// request may have reached the server before the answer was lost.
    pub fn failed(&self, what: &str, error: &ApiError, if_unsure: &str) {
        let _ = self.saving.try_set(false);
        self.toasts.failure(what, error);
        let mut problems = errors_from_server(error);
        if matches!(error.kind, ErrorKind::TimedOut | ErrorKind::Network) {
            problems.form = problems.form.map(|text| format!("{text} {if_unsure}"));
        }
        self.token_rejected.set(error.kind == ErrorKind::TokenRejected);
        self.refuse(problems);
    }
}

/// The form's own error line, its submit button and Cancel link; after a 401, the token prompt below the form
/// (its own form: Enter there submits the token, not the project).
#[component]
pub fn SaveActions(
    state: SaveState,
    label: &'static str,
    busy_label: &'static str,
    cancel_href: String,
) -> impl IntoView {
    view! {
        <p class="form-error" role="alert">{move || state.errors.with(|e| e.form.clone())}</p>
        <div class="actions">
            <button type="submit" class="primary" aria-disabled=move || state.saving.get().to_string()>
                {move || if state.saving.get() { busy_label } else { label }}
            </button>
            <a class="button" href=cancel_href>{t().project_form().cancel}</a>
        </div>
    }
}

/// Shown after the server rejected the token: paste one again, then `retry` saves the same input.
#[component]
pub fn TokenPrompt(state: SaveState, retry: Callback<()>) -> impl IntoView {
    view! {
        <Show when=move || state.token_rejected.get()>
            <TokenAgain retry />
        </Show>
    }
}

/// After a check failed: focus the first field marked invalid, so keyboard and screen-reader users land on
/// what needs fixing (after this frame, when the messages are in the document).
fn focus_first_invalid() {
    crate::web::focus_after_render("main [aria-invalid=true]");
}
