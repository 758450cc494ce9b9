//! `/arcee`: who the key belongs to, the organization calls act in, and where they go.

use leptos::prelude::*;

use super::ArceeScreen;
use crate::api::arcee::Whoami;
use crate::components::Loaded;
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().workspace.title here=crate::routes::ARCEE>
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
        <Loaded resource=whoami loading={t().arcee().workspace.asking_who} render=move |me: Whoami| view! {
            <dl class="facts card">
                <dt>{texts.signed_in_as}</dt>
                <dd class="account-email">{me.email}</dd>
                <dt>{texts.organization}</dt>
                <dd class="account-org">{me.org.unwrap_or_else(|| texts.no_organization.into())}</dd>
            </dl>
        } />
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
            <a href=crate::routes::connect_arcee()>{texts.change_connection}</a>
        </section>
    }
}
