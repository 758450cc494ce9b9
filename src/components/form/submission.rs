//! One submission handle for every form and action that changes something on a server.
//!
//! It owns what each of them used to write by hand: one request at a time however often the button is pressed,
//! the busy state, a notification for each outcome, the server's refusals placed at their fields with the focus
//! on the first, and, after a 401, the prompt to paste a token again (see [`super::TokenPrompt`]).
//!
//! **Lifetime policy.** A call that changes server state or returns a secret runs to its end even if the user
//! leaves the screen that made it: aborting it would not undo what the server may already have done, and would
//! lose the answer. When it ends, its notification says how it went wherever the user is. What the screen does
//! with the answer (show it, reload a list, move on) happens only if that screen is still shown; a secret the
//! answer carries is shown wherever the user now is ([`crate::components::SecretShelf`]), never dropped. Reads
//! are the other way round: a screen's loads are aborted when it goes (`api::client`), since nobody waits for
//! them.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiError, ErrorKind};
use crate::checks::FieldErrors;
use crate::components::{use_secret_shelf, use_toasts, SecretShelf, ShownOnce, Toasts};

/// A call of several steps failed at one of them, which it names itself ("Changing the hard limit failed").
pub struct StepFailed {
    pub what: Option<String>,
    pub error: ApiError,
}

impl From<ApiError> for StepFailed {
    fn from(error: ApiError) -> Self {
        Self { what: None, error }
    }
}

/// The notification for an answer: a success, or a problem though the call itself went through (some of the
/// several things it did failed).
pub enum Report {
    Success(String),
    Problem(String),
}

/// Words the secrets of an answer for the shelf.
type SecretsOf<T> = Box<dyn FnOnce(&T) -> ShownOnce>;
/// What a screen does after a failure, with the error.
type AfterFailure = Box<dyn FnOnce(&ApiError)>;

/// What to say and do when a submission ends, besides what the screen does with a success.
pub struct Outcome<T> {
    done: Box<dyn FnOnce(&T) -> Report>,
    failed: String,
    if_unsure: Option<&'static str>,
    place: Box<dyn FnOnce(&ApiError) -> FieldErrors>,
    secrets: Option<SecretsOf<T>>,
    after_failure: Option<AfterFailure>,
    success_said_in_place: bool,
}

impl<T> Outcome<T> {
    /// `done` words the success notification from the answer; `failed` says what failed.
    pub fn new(done: impl FnOnce(&T) -> String + 'static, failed: impl Into<String>) -> Self {
        Self::reported(move |value| Report::Success(done(value)), failed)
    }

    /// [`Self::new`] for an answer that may be a success or a problem.
    pub fn reported(done: impl FnOnce(&T) -> Report + 'static, failed: impl Into<String>) -> Self {
        Self {
            done: Box::new(done),
            failed: failed.into(),
            if_unsure: None,
            place: Box::new(|error| FieldErrors::for_form(error.to_string())),
            secrets: None,
            after_failure: None,
            success_said_in_place: false,
        }
    }

    /// Added to the form's message when the request may have reached the server before its answer was lost.
    pub fn if_unsure(mut self, text: &'static str) -> Self {
        self.if_unsure = Some(text);
        self
    }

    /// Where each of the server's refusals goes; by default all of them to the form's own message.
    pub fn placed(mut self, place: impl FnOnce(&ApiError) -> FieldErrors + 'static) -> Self {
        self.place = Box::new(place);
        self
    }

    /// The answer carries secrets shown only once: if the screen is gone when it arrives, these go on the
    /// shelf above whatever screen the user is on.
    pub fn with_secrets(mut self, secrets: impl FnOnce(&T) -> ShownOnce + 'static) -> Self {
        self.secrets = Some(Box::new(secrets));
        self
    }

    /// The screen says how a success went itself (a status line): the notification is only for a user who
    /// has left it.
    pub fn success_said_in_place(mut self) -> Self {
        self.success_said_in_place = true;
        self
    }

    /// Run after a failure while the screen is still shown (a call of several steps may have made some).
    pub fn after_failure(mut self, then: impl FnOnce(&ApiError) + 'static) -> Self {
        self.after_failure = Some(Box::new(then));
        self
    }
}

#[derive(Clone, Copy)]
pub struct Submission {
    /// The checks' and the server's problems, by field.
    pub errors: RwSignal<FieldErrors>,
    /// A call is under way.
    pub busy: RwSignal<bool>,
    /// The server refused the token of the last call: the form offers to paste one again.
    pub(super) token_rejected: RwSignal<bool>,
    toasts: Toasts,
    shelf: SecretShelf,
}

impl Default for Submission {
    fn default() -> Self {
        Self::new()
    }
}

impl Submission {
    /// Made while its screen renders: its state belongs to that screen.
    pub fn new() -> Self {
        Self {
            errors: RwSignal::new(FieldErrors::default()),
            busy: RwSignal::new(false),
            token_rejected: RwSignal::new(false),
            toasts: use_toasts(),
            shelf: use_secret_shelf(),
        }
    }

    /// The message for `field`, for the field's `error` property.
    pub fn error(&self, field: impl Into<String>) -> Signal<Option<String>> {
        let (errors, field) = (self.errors, field.into());
        Signal::derive(move || errors.with(|e| e.get(&field)))
    }

    /// The message that belongs to no single field.
    pub fn form_error(&self) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| e.form.clone()))
    }

    /// The checks made before sending found `problems`: show them, focus the first, send nothing.
    pub fn refuse(&self, problems: FieldErrors) {
        self.errors.set(problems);
        crate::web::focus_after_render("[aria-invalid=true]");
    }

    /// Sends `call` unless one is under way, and runs it to its end whatever the user does meanwhile (the
    /// lifetime policy above). `here` is what the screen does with the answer, if it is still shown.
    pub fn send<T: 'static>(
        &self,
        call: impl Future<Output = Result<T, ApiError>> + 'static,
        outcome: Outcome<T>,
        here: impl FnOnce(T) + 'static,
    ) {
        self.send_steps(async move { call.await.map_err(StepFailed::from) }, outcome, here)
    }

    /// [`Self::send`] for a call of several steps, each of which may name its own failure.
    pub fn send_steps<T: 'static>(
        &self,
        call: impl Future<Output = Result<T, StepFailed>> + 'static,
        outcome: Outcome<T>,
        here: impl FnOnce(T) + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.errors.set(FieldErrors::default());
        self.token_rejected.set(false);
        let this = *self;
        spawn_local(async move {
            let result = call.await;
            // Disposed with its screen: the user has moved on.
            let still_shown = this.busy.try_set(false).is_none();
            match result {
                Ok(value) => {
                    match (outcome.done)(&value) {
                        _ if still_shown && outcome.success_said_in_place => {}
                        Report::Success(text) => this.toasts.success(text),
                        Report::Problem(text) => this.toasts.problem(text),
                    }
                    if still_shown {
                        here(value);
                    } else if let Some(secrets) = outcome.secrets {
                        this.shelf.keep(secrets(&value));
                    }
                }
                Err(StepFailed { what, error }) => {
                    this.toasts.failure(what.as_deref().unwrap_or(&outcome.failed), &error);
                    if still_shown {
                        this.show_failure(&error, outcome.place, outcome.if_unsure);
                        if let Some(then) = outcome.after_failure {
                            then(&error);
                        }
                    }
                }
            }
        });
    }

    fn show_failure(
        &self,
        error: &ApiError,
        place: Box<dyn FnOnce(&ApiError) -> FieldErrors>,
        if_unsure: Option<&str>,
    ) {
        let mut problems = place(error);
        // A refused origin may have been refused the answer only, after the server did the change (a browser
        // preflights these calls, but an installation may allow the preflight and not the answer).
        if let (Some(unsure), true) =
            (if_unsure, matches!(error.kind, ErrorKind::TimedOut | ErrorKind::Network | ErrorKind::OriginRefused))
        {
            problems.form = problems.form.map(|text| format!("{text} {unsure}"));
        }
        self.token_rejected.set(error.kind == ErrorKind::TokenRejected);
        self.refuse(problems);
    }
}

/// A field's message goes once the field is edited: a message about what is no longer there misleads.
/// `fields` are the messages that go with it (both limits, when either made the pair wrong).
pub fn clear_when_edited(value: RwSignal<String>, submission: Submission, fields: &'static [&'static str]) {
    let errors = submission.errors;
    Effect::watch(
        move || value.track(),
        move |_, _, _| {
            if fields.iter().any(|field| errors.with_untracked(|e| e.has(field))) {
                errors.update(|e| fields.iter().for_each(|field| e.clear(field)));
            }
        },
        false,
    );
}
