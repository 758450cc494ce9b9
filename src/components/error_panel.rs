use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::{ApiError, ErrorKind};
use crate::i18n::t;

/// Shows a failed call: what happened, the server's own messages with their ids, and what can be done about
/// it: connect again (coming back to this screen), or retry.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(optional, into)] retry: Option<Callback<()>>) -> impl IntoView {
    let texts = t().common();
    let location = use_location();
    // The router's `search` has no leading `?`.
    let here = move || match location.search.get() {
        search if search.is_empty() => location.pathname.get(),
        search => format!("{}?{search}", location.pathname.get()),
    };
    let connect_again =
        matches!(error.kind, ErrorKind::TokenRejected | ErrorKind::MissingToken(_) | ErrorKind::OutOfScope).then(
            || {
                let label = match error.kind {
                    ErrorKind::MissingToken(scope) => texts.add_token(scope.article_name()),
                    _ => texts.connect_again.to_string(),
                };
                // An Arcee screen's key is renewed on the connect screen's Arcee form.
                let connect = move || {
                    let here = here();
                    if here.starts_with(crate::routes::ARCEE) {
                        crate::routes::connect_arcee_then(&here)
                    } else {
                        crate::routes::connect_then(&here)
                    }
                };
                view! { <a class="button" href=connect>{label}</a> }
            },
        );
    let retry = retry
        .filter(|_| !matches!(error.kind, ErrorKind::MissingToken(_)))
        .map(|retry| view! { <button type="button" on:click=move |_| retry.run(())>{texts.retry}</button> });
    let messages = error.messages.iter().map(|m| view! { <li>{m.to_string()}</li> }).collect_view();
    view! {
        <div class="error-panel" role="alert">
            <p class="error-headline">{error.headline()}</p>
            <ul class="error-messages">{messages}</ul>
            <div class="actions">{connect_again}{retry}</div>
        </div>
    }
}
