use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::TokenScope;
use crate::components::TextField;
use crate::pages::connect::check_token;
use crate::session::use_session;

/// After the server rejected the organization token mid-edit (401): paste a valid one, and the save is tried
/// again with the form exactly as it was. Its own form, beside the project form, so Enter here submits this.
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
        spawn_local(async move {
            let checked = check_token(
                &connection.base_url,
                &token.get_untracked(),
                TokenScope::Organization,
                connection.auth,
                connection.timeout_secs,
            )
            .await;
            let _ = checking.try_set(false);
            match checked {
                Ok(Some((credential, _))) => {
                    session.set_credential(TokenScope::Organization, credential);
                    token.set(String::new());
                    retry.run(());
                }
                Ok(None) => problem.set(Some("Paste an organization token.".into())),
                Err(message) => problem.set(Some(message)),
            }
        });
    };
    view! {
        <form class="card token-again" on:submit=submit novalidate=true aria-labelledby="token-again-heading">
            <h2 id="token-again-heading">"The server rejected your organization token"</h2>
            <p>"It may have been revoked or blocked. Paste a valid one to save again; what you typed is kept."</p>
            <TextField id="token-again" label="Organization token" kind="password" value=token
                error=Signal::derive(move || problem.get()) />
            <div class="actions">
                <button type="submit" class="primary" disabled=move || checking.get()>
                    {move || if checking.get() { "Checking\u{2026}" } else { "Use this token and save again" }}
                </button>
            </div>
        </form>
    }
}
