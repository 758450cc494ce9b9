use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::TokenScope;
use crate::components::TextField;
use crate::i18n::t;
use crate::session::{check_token, use_session};

/// After the server rejected the organization token mid-call (401): paste a valid one, and the call is made
/// again with the input exactly as it was.
#[component]
pub fn TokenAgain(retry: Callback<()>) -> impl IntoView {
    let session = use_session();
    let token = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let checking = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if checking.get_untracked() {
            return;
        }
        let Some(connection) = session.connection() else {
            return;
        };
        checking.set(true);
        problem.set(None);
        // A read: nothing on the server changes, so it may end with its screen.
        spawn_local(async move {
            let checked = check_token(
                &connection.base_url,
                &token.get_untracked(),
                TokenScope::Organization,
                connection.auth,
                connection.timeout_secs,
            )
            .await;
            if checking.try_set(false).is_some() {
                return;
            }
            match checked {
                Ok(Some((credential, _))) => {
                    session.set_credential(TokenScope::Organization, credential);
                    token.set(String::new());
                    retry.run(());
                }
                Ok(None) => problem.set(Some(t().forms().token_again_missing.into())),
                Err(failed) => problem.set(Some(failed.to_string())),
            }
        });
    };
    let texts = t().forms();
    view! {
        <form class="card token-again" on:submit=submit novalidate=true aria-labelledby="token-again-heading">
            <h2 id="token-again-heading">{texts.token_again_heading}</h2>
            <p>{texts.token_again_text}</p>
            <TextField id="token-again" label=texts.token_again_label kind="password" value=token
                error=Signal::derive(move || problem.get()) />
            <div class="actions">
                <button type="submit" class="primary" disabled=move || checking.get()>
                    {move || if checking.get() { texts.token_again_checking } else { texts.token_again_submit }}
                </button>
            </div>
        </form>
    }
}
