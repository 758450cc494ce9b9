//! `/arcee/feedback`: a short message to Arcee, confirmed when it is accepted (202).

use leptos::prelude::*;

use super::ArceeScreen;
use crate::api::arcee::NewFeedback;
use crate::api::ApiError;
use crate::checks::FieldErrors;
use crate::components::form::{Outcome, Submission, SubmitActions};
use crate::components::TextField;
use crate::i18n::t;
use crate::session::use_session;

/// Arcee's limit on a message.
const MOST_CHARACTERS: usize = 2_000;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().feedback.title here=crate::routes::ARCEE_FEEDBACK>
            <FeedbackForm />
        </ArceeScreen>
    }
}

#[component]
fn FeedbackForm() -> impl IntoView {
    let session = use_session();
    let message = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let submission = Submission::new();
    let confirmed = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = message.get_untracked().trim().to_string();
        let length = text.chars().count();
        let too_long = match length {
            0 => Some(t().arcee().feedback.write_message.to_string()),
            n if n > MOST_CHARACTERS => Some(t().arcee().feedback.message_too_long(MOST_CHARACTERS, n)),
            _ => None,
        };
        if let Some(problem) = too_long {
            return submission.refuse(FieldErrors::at(MESSAGE, problem));
        }
        let place = location.get_untracked().trim().to_string();
        let feedback = NewFeedback { message: text, location: (!place.is_empty()).then_some(place) };
        let Some(client) = session.arcee_client() else { return };
        confirmed.set(None);
        let outcome = Outcome::new(
            |(status, answer): &(u16, Option<String>)| sent_text(*status, answer),
            t().arcee().feedback.sending_failed,
        )
        .placed(feedback_errors)
        .success_said_in_place();
        submission.send(async move { client.feedback(&feedback).await }, outcome, move |(status, answer)| {
            message.set(String::new());
            location.set(String::new());
            confirmed.set(Some(sent_text(status, &answer)));
        });
    };
    let texts = &t().arcee().feedback;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="feedback-form-heading">
            <h2 id="feedback-form-heading">{texts.tell_arcee}</h2>
            <TextField id="feedback-message" label=texts.message value=message required=true multiline=true
                hint=texts.message_hint
                error=submission.error(MESSAGE) />
            <TextField id="feedback-location" label=texts.location value=location
                hint=texts.location_hint
                error=submission.error(LOCATION) />
            <SubmitActions submission label=texts.send_feedback busy_label=texts.sending />
            <p class="feedback-confirmed" role="status">{move || confirmed.get()}</p>
        </form>
    }
}

/// The fields' keys in the form's problems.
const MESSAGE: &str = "message";
const LOCATION: &str = "location";

/// What the server said to the feedback (or that it was received), and whether it was only accepted for
/// later (202).
fn sent_text(status: u16, answer: &Option<String>) -> String {
    let accepted = if status == 202 { t().arcee().feedback.accepted } else { "" };
    let answer = answer.as_deref().unwrap_or(t().common().feedback_received);
    t().arcee().feedback.feedback_sent(answer, status, accepted)
}

/// The server's refusals at the field they name; what is not about a field (a failed server, a rejected key)
/// is said for the whole form.
fn feedback_errors(error: &ApiError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if let Some(message) = error.field_message("message", None) {
        errors.add(MESSAGE, message);
    }
    if let Some(message) = error.field_message("location", None) {
        errors.add(LOCATION, message);
    }
    if errors.is_empty() {
        errors.form = Some(error.to_string());
    }
    errors
}
