use leptos::prelude::*;

use super::token_again::TokenAgain;
use super::Submission;

/// The form's own error line and its submit button, which says `busy_label` while the call is under way
/// (marked, not disabled, so the focus stays on it); `children` go beside it (Cancel).
#[component]
pub fn SubmitActions(
    submission: Submission,
    label: &'static str,
    busy_label: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let busy = submission.busy;
    view! {
        <p class="form-error" role="alert">{submission.form_error()}</p>
        <div class="actions">
            <button type="submit" class="primary" aria-disabled=move || busy.get().to_string()>
                {move || if busy.get() { busy_label } else { label }}
            </button>
            {children.map(|children| children())}
        </div>
    }
}

/// Shown after the server rejected the organization token: paste one again, then `retry` sends the same input.
/// Its own form, beside the one it serves, so Enter there submits the token.
#[component]
pub fn TokenPrompt(submission: Submission, retry: Callback<()>) -> impl IntoView {
    let rejected = submission.token_rejected;
    view! {
        <Show when=move || rejected.get()>
            <TokenAgain retry />
        </Show>
    }
}
