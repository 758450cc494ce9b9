//! `/arcee/feedback`: a short message to Arcee, confirmed when it is accepted (202).

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use super::ArceeScreen;
use crate::api::arcee::NewFeedback;
use crate::components::{use_toasts, TextField};
use crate::i18n::t;
use crate::session::use_session;

/// Arcee's limit on a message.
const MOST_CHARACTERS: usize = 2_000;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().feedback.title here="/arcee/feedback">
            <FeedbackForm />
        </ArceeScreen>
    }
}

#[component]
fn FeedbackForm() -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let message = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let location_problem = RwSignal::new(None::<String>);
    let form_problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let confirmed = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let text = message.get_untracked().trim().to_string();
        let length = text.chars().count();
        problem.set(match length {
            0 => Some(t().arcee().feedback.write_message.into()),
            n if n > MOST_CHARACTERS => Some(t().arcee().feedback.message_too_long(MOST_CHARACTERS, n)),
            _ => None,
        });
        if problem.get_untracked().is_some() {
            return;
        }
        let place = location.get_untracked().trim().to_string();
        let feedback = NewFeedback { message: text, location: (!place.is_empty()).then_some(place) };
        let Some(client) = session.arcee_client() else { return };
        busy.set(true);
        confirmed.set(None);
        location_problem.set(None);
        form_problem.set(None);
        spawn_local_scoped_with_cancellation(async move {
            let result = client.feedback(&feedback).await;
            busy.set(false);
            match result {
                Ok((status, answer)) => {
                    message.set(String::new());
                    location.set(String::new());
                    let accepted = if status == 202 { t().arcee().feedback.accepted } else { "" };
                    confirmed.set(Some(t().arcee().feedback.feedback_sent(&answer, status, accepted)));
                }
                Err(error) => {
                    toasts.failure(t().arcee().feedback.sending_failed, &error);
                    let (at_message, at_location) =
                        (error.field_message("message", None), error.field_message("location", None));
                    // What is not about a field (a failed server, a rejected key) is said for the whole form.
                    if at_message.is_none() && at_location.is_none() {
                        form_problem.set(Some(error.to_string()));
                    }
                    problem.set(at_message);
                    location_problem.set(at_location);
                }
            }
        });
    };
    let texts = &t().arcee().feedback;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="feedback-form-heading">
            <h2 id="feedback-form-heading">{texts.tell_arcee}</h2>
            <TextField id="feedback-message" label=texts.message value=message required=true multiline=true
                hint=texts.message_hint
                error=Signal::derive(move || problem.get()) />
            <TextField id="feedback-location" label=texts.location value=location
                hint=texts.location_hint
                error=Signal::derive(move || location_problem.get()) />
            <p class="form-error" role="alert">{move || form_problem.get()}</p>
            <div class="actions">
                <button type="submit" class="primary" aria-disabled=move || busy.get().to_string()>
                    {move || if busy.get() { t().arcee().feedback.sending } else { t().arcee().feedback.send_feedback }}
                </button>
            </div>
            <p class="feedback-confirmed" role="status">{move || confirmed.get()}</p>
        </form>
    }
}
