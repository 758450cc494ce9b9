//! `/arcee`: who the key belongs to, the organization calls act in, and where they go.

use leptos::either::Either;
use leptos::prelude::*;

use super::ArceeScreen;
use crate::components::ErrorPanel;
use crate::session::use_session;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <ArceeScreen title="Arcee account" here="/arcee">
            <Account />
        </ArceeScreen>
    }
}

#[component]
fn Account() -> impl IntoView {
    let session = use_session();
    let whoami = LocalResource::new(move || {
        let client = session.arcee_client().unwrap_or_default();
        async move { client.whoami().await }
    });
    let connection = session.arcee().unwrap_or_default();
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">"Asking who you are\u{2026}"</p> }>
            {move || Suspend::new(async move {
                match whoami.await {
                    Ok(me) => Either::Left(view! {
                        <dl class="facts card">
                            <dt>"Signed in as"</dt>
                            <dd class="account-email">{me.email}</dd>
                            <dt>"Organization"</dt>
                            <dd class="account-org">{me.org.unwrap_or_else(|| "none".into())}</dd>
                        </dl>
                    }),
                    Err(error) => Either::Right(view! { <ErrorPanel error retry=Callback::new(move |_| whoami.refetch()) /> }),
                }
            })}
        </Transition>
        <section class="card" aria-labelledby="arcee-connection-heading">
            <h2 id="arcee-connection-heading">"Connection"</h2>
            <dl class="facts">
                <dt>"Base URL"</dt>
                <dd>{connection.base_url.clone()}</dd>
                <dt>"API key"</dt>
                <dd>{connection.masked_key()}</dd>
                <dt>"Acting in"</dt>
                <dd>{connection.organization.clone().unwrap_or_else(|| "your default organization".into())}</dd>
            </dl>
            <a href="/connect?kind=arcee">"Change the connection"</a>
        </section>
    }
}
