//! `/arcee`: who the key belongs to, the organization calls act in, and where they go.

use leptos::either::Either;
use leptos::prelude::*;

use super::ArceeScreen;
use crate::components::ErrorPanel;
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().workspace.title here="/arcee">
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
    let texts = &t().arcee().workspace;
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">{t().arcee().workspace.asking_who}</p> }>
            {move || Suspend::new(async move {
                match whoami.await {
                    Ok(me) => Either::Left(view! {
                        <dl class="facts card">
                            <dt>{texts.signed_in_as}</dt>
                            <dd class="account-email">{me.email}</dd>
                            <dt>{texts.organization}</dt>
                            <dd class="account-org">{me.org.unwrap_or_else(|| texts.no_organization.into())}</dd>
                        </dl>
                    }),
                    Err(error) => Either::Right(view! { <ErrorPanel error retry=Callback::new(move |_| whoami.refetch()) /> }),
                }
            })}
        </Transition>
        <section class="card" aria-labelledby="arcee-connection-heading">
            <h2 id="arcee-connection-heading">{texts.connection}</h2>
            <dl class="facts">
                <dt>{texts.base_url}</dt>
                <dd>{connection.base_url.clone()}</dd>
                <dt>{texts.api_key}</dt>
                <dd>{connection.masked_key()}</dd>
                <dt>{texts.acting_in}</dt>
                <dd>{connection.organization.clone().unwrap_or_else(|| texts.default_organization.into())}</dd>
            </dl>
            <a href="/connect?kind=arcee">{texts.change_connection}</a>
        </section>
    }
}
