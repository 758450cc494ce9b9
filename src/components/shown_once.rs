use leptos::prelude::*;

use super::CopyButton;

/// Secrets the server hands out only once (a new project's tokens, a new token): each in full with Copy, and
/// a plain warning that they will not be shown again.
#[component]
pub fn ShownOnceSecrets(secrets: Vec<(String, String)>) -> impl IntoView {
    if secrets.is_empty() {
        return view! { <p>"The server returned no token."</p> }.into_any();
    }
    view! {
        <p class="warning-text">
            <strong>"Copy now: this will not be shown again."</strong>
            " Afterwards the token appears masked, with only its last four characters."
        </p>
        <ul class="plain-list">
            {secrets.into_iter().map(|(name, value)| {
                let label = format!("token {name}");
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
