use leptos::prelude::*;

use super::CopyButton;
use crate::i18n::t;

/// Secrets the server hands out only once (a new project's tokens, a new token): each in full with Copy, and
/// a plain warning that they will not be shown again.
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
