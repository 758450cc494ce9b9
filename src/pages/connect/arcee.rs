//! Connecting an Arcee installation: base URL, API key and, optionally, the organization to act in. The key
//! is checked with `whoami` before anything is stored; a refused key is named at its field and kept nowhere.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::refused::OriginRefused;
use super::saved::{Remember, RememberFields, SavedInstallations};
use crate::api::arcee::{normalize_base_url, ArceeClient};
use crate::api::{ApiError, ErrorKind};
use crate::checks::FieldErrors;
use crate::components::TextField;
use crate::i18n::t;
use crate::preferences::{InstallationKind, SavedInstallation};
use crate::session::{default_base_url, use_session, ArceeConnection};
use crate::web::focus_after_render;

/// The fields' keys in the form's problems.
const BASE_URL: &str = "base_url";
const KEY: &str = "key";
const ORGANIZATION: &str = "organization";

#[derive(Clone)]
struct ArceeForm {
    base_url: String,
    key: String,
    organization: String,
}

#[component]
pub fn ArceeConnectForm() -> impl IntoView {
    let texts = t().connect();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let stored = session.arcee();
    let base_url = RwSignal::new(
        stored.as_ref().map(|c| c.base_url.clone()).unwrap_or_else(|| normalize_base_url(&default_base_url())),
    );
    let key = RwSignal::new(String::new());
    let organization = RwSignal::new(stored.and_then(|c| c.organization).unwrap_or_default());
    let remember = Remember::new();
    let pick = Callback::new(move |installation: SavedInstallation| {
        base_url.set(installation.base_url.clone());
        organization.set(installation.organization.clone().unwrap_or_default());
        remember.pick(&installation);
        focus_after_render("#arcee-key");
    });

    // The base URL whose answers the browser kept from this page (CORS), for the explanation below the form.
    let refused = RwSignal::new(None::<String>);
    let check = Action::new_local(move |form: &ArceeForm| {
        let form = form.clone();
        let navigate = navigate.clone();
        refused.set(None);
        async move {
            let connection = check_key(form).await.map_err(|(problems, refused_by)| {
                let _ = refused.try_set(refused_by);
                problems
            })?;
            let slug = connection.organization.clone();
            remember.save_if_asked(InstallationKind::Arcee, &connection.base_url, Default::default(), slug);
            session.connect_arcee(connection);
            let next = query.with_untracked(|q| q.get("next")).filter(|next| next.starts_with(crate::routes::ARCEE));
            navigate(&crate::routes::safe_next(next.or(Some(crate::routes::ARCEE.into()))), Default::default());
            Ok::<(), FieldErrors>(())
        }
    });
    let problems = Memo::new(move |_| match check.value().get() {
        Some(Err(problems)) => problems,
        _ => FieldErrors::default(),
    });
    let checking = check.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        check.dispatch(ArceeForm {
            base_url: base_url.get_untracked(),
            key: key.get_untracked(),
            organization: organization.get_untracked(),
        });
    };
    view! {
        <p>{texts.arcee_intro}</p>
        <SavedInstallations kind=InstallationKind::Arcee on_pick=pick />
        <form class="form" on:submit=on_submit novalidate=true>
            <TextField id="arcee-base-url" label=texts.arcee_base_url kind="url" value=base_url
                hint=texts.arcee_base_url_hint
                error=Signal::derive(move || problems.with(|p| p.get(BASE_URL))) />
            <TextField id="arcee-key" label=texts.api_key kind="password" value=key required=true
                hint=texts.api_key_hint
                error=Signal::derive(move || problems.with(|p| p.get(KEY))) />
            <TextField id="arcee-org" label=texts.arcee_organization value=organization
                hint=texts.arcee_organization_hint
                error=Signal::derive(move || problems.with(|p| p.get(ORGANIZATION))) />
            <RememberFields remember prefix="arcee" />
            <p class="form-error" role="alert">{move || problems.with(|p| p.form.clone())}</p>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || checking.get()>
                    {move || if checking.get() { t().connect().checking } else { t().connect().connect_arcee }}
                </button>
            </div>
        </form>
        {move || refused.get().map(|base_url| view! { <OriginRefused base_url flag="--arcee-upstream" /> })}
    }
}

/// The connection the key makes, or the problems at their fields, with the base URL when the browser kept its
/// answers from this page (CORS).
async fn check_key(form: ArceeForm) -> Result<ArceeConnection, (FieldErrors, Option<String>)> {
    let raw_url = form.base_url.trim();
    if !(raw_url.starts_with("http://") || raw_url.starts_with("https://")) {
        return Err((FieldErrors::at(BASE_URL, t().connect().bad_base_url), None));
    }
    let key = form.key.trim().to_string();
    if key.is_empty() {
        return Err((FieldErrors::at(KEY, t().connect().no_key), None));
    }
    let organization = Some(form.organization.trim().to_string()).filter(|slug| !slug.is_empty());
    let client = ArceeClient {
        base_url: normalize_base_url(raw_url),
        key: key.clone(),
        organization: organization.clone(),
        timeout_secs: None,
    };
    match client.whoami().await {
        Ok(me) => Ok(ArceeConnection {
            base_url: client.base_url,
            key,
            organization,
            email: me.email,
            org: me.org,
            timeout_secs: None,
        }),
        Err(error) => {
            let refused = (error.kind == ErrorKind::OriginRefused).then(|| client.base_url.clone());
            Err((place(error, client.organization.is_some()), refused))
        }
    }
}

/// Puts the refusal next to what it is about: the key for a 401, the organization (when one was named) for a
/// 403 or 404, the address when nothing answered or nothing is there.
fn place(error: ApiError, named_organization: bool) -> FieldErrors {
    let text = error.to_string();
    match error.kind {
        ErrorKind::TokenRejected => FieldErrors::at(KEY, text),
        ErrorKind::OutOfScope | ErrorKind::NotFound if named_organization => FieldErrors::at(ORGANIZATION, text),
        ErrorKind::NotFound => FieldErrors::at(BASE_URL, t().connect().not_arcee(&text)),
        ErrorKind::Network | ErrorKind::TimedOut | ErrorKind::OriginRefused => FieldErrors::at(BASE_URL, text),
        _ => FieldErrors::for_form(text),
    }
}

/// The Arcee connection in this tab, with its key masked, and a way to forget it.
#[component]
pub fn CurrentArceeConnection() -> impl IntoView {
    let session = use_session();
    move || {
        session.arcee().map(|connection| {
            let texts = t().connect();
            view! {
                <section class="card" aria-labelledby="current-arcee">
                    <h2 id="current-arcee">{texts.current_arcee}</h2>
                    <dl class="facts">
                        <dt>{texts.base_url}</dt>
                        <dd>{connection.base_url.clone()}</dd>
                        <dt>{texts.signed_in_as}</dt>
                        <dd>{connection.email.clone()}</dd>
                        <dt>{texts.organization}</dt>
                        <dd>{connection.org.clone().unwrap_or_else(|| texts.default_organization.into())}</dd>
                        <dt>{texts.api_key}</dt>
                        <dd>{connection.masked_key()}</dd>
                    </dl>
                    <button type="button" on:click=move |_| session.disconnect_arcee()>
                        {texts.disconnect_arcee}
                    </button>
                </section>
            }
        })
    }
}
