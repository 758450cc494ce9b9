//! The connect screen: an Organization API installation (base URL and tokens), an Arcee one (`arcee`), or both.
//! Each pasted token is checked against the server and its scope and owner shown; nothing is stored unless
//! every pasted token checks out.

mod arcee;
mod refused;
mod saved;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{AuthScheme, TokenScope, DEFAULT_TIMEOUT_SECS};
use crate::checks::FieldErrors;
use crate::components::{use_title, TextField};
use crate::i18n::t;
use crate::preferences::{InstallationKind, SavedInstallation};
use crate::routes::safe_next;
use crate::session::{check_token, default_base_url, use_session, Connection, Credential};
use crate::web::focus_after_render;
use refused::OriginRefused;
use saved::{Remember, RememberFields, SavedInstallations};

/// The fields' keys in the form's problems.
const BASE_URL: &str = "base_url";
const ORGANIZATION: &str = "organization";
const PROJECT: &str = "project";
const TIMEOUT: &str = "timeout";

#[derive(Clone)]
struct ConnectForm {
    base_url: String,
    organization_token: String,
    project_token: String,
    auth: AuthScheme,
    timeout_secs: String,
}

/// `/connect`, `/connect?kind=arcee`: the kind of installation is in the address, so a reload or a link from
/// an Arcee screen opens the right form.
#[component]
pub fn ConnectPage() -> impl IntoView {
    let texts = t().connect();
    use_title(texts.title);
    let query = use_query_map();
    let arcee = Memo::new(move |_| query.with(|q| q.get("kind").as_deref() == Some("arcee")));
    let switch_to = move |kind: &'static str| {
        move || {
            let next = query.with(|q| q.get("next"));
            let mut pairs = vec![("kind", kind.to_string())];
            pairs.extend(next.map(|next| ("next", next)));
            crate::routes::link_with_query(crate::routes::CONNECT, &pairs)
        }
    };
    let current = move |is_arcee: bool| move || (arcee.get() == is_arcee).then_some("page");
    view! {
        <section class="page narrow" aria-labelledby="connect-heading">
            <h1 id="connect-heading" tabindex="-1">{texts.heading}</h1>
            <p class="lead">{texts.lead}</p>
            <CurrentConnection />
            <arcee::CurrentArceeConnection />
            <nav class="kind-switch" aria-label=texts.kind_switch>
                <a href=switch_to("geai") aria-current=current(false)>{texts.kind_geai}</a>
                <a href=switch_to("arcee") aria-current=current(true)>{texts.kind_arcee}</a>
            </nav>
            {move || if arcee.get() { Either::Left(view! { <arcee::ArceeConnectForm /> }) } else { Either::Right(view! { <GeaiConnectForm /> }) }}
        </section>
    }
}

/// The Organization API's form: base URL, either or both tokens, how to send them, and a time limit.
#[component]
fn GeaiConnectForm() -> impl IntoView {
    let texts = t().connect();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let stored_base = session.connection().map(|c| c.base_url).filter(|url| !url.is_empty());
    let base_url = RwSignal::new(stored_base.unwrap_or_else(default_base_url));
    let organization_token = RwSignal::new(String::new());
    let project_token = RwSignal::new(String::new());
    let auth = RwSignal::new(session.connection().map(|c| c.auth).unwrap_or_default());
    let stored_timeout = session.connection().and_then(|c| c.timeout_secs).unwrap_or(DEFAULT_TIMEOUT_SECS);
    let timeout_secs = RwSignal::new(stored_timeout.to_string());
    let remember = Remember::new();
    let pick = Callback::new(move |installation: SavedInstallation| {
        base_url.set(installation.base_url.clone());
        auth.set(installation.auth);
        remember.pick(&installation);
        focus_after_render("#organization-token");
    });

    // The base URL whose answers the browser kept from this page (CORS), for the explanation below the form.
    let refused = RwSignal::new(None::<String>);
    let check = Action::new_local(move |form: &ConnectForm| {
        let form = form.clone();
        let navigate = navigate.clone();
        refused.set(None);
        async move {
            let connection = check_tokens(form).await.map_err(|(problems, refused_by)| {
                let _ = refused.try_set(refused_by);
                problems
            })?;
            remember.save_if_asked(InstallationKind::Geai, &connection.base_url, connection.auth, None);
            session.connect(connection);
            navigate(&safe_next(query.with_untracked(|q| q.get("next"))), Default::default());
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
        check.dispatch(ConnectForm {
            base_url: base_url.get_untracked(),
            organization_token: organization_token.get_untracked(),
            project_token: project_token.get_untracked(),
            auth: auth.get_untracked(),
            timeout_secs: timeout_secs.get_untracked(),
        });
    };

    view! {
        <p>{texts.geai_intro}</p>
        <SavedInstallations kind=InstallationKind::Geai on_pick=pick />
        <form class="form" on:submit=on_submit novalidate=true>
                <TextField id="base-url" label=texts.base_url kind="url" value=base_url
                    hint=texts.base_url_hint
                    error=Signal::derive(move || problems.with(|p| p.get(BASE_URL))) />
                <TextField id="organization-token" label=texts.organization_token kind="password" value=organization_token
                    hint=texts.organization_token_hint
                    error=Signal::derive(move || problems.with(|p| p.get(ORGANIZATION))) />
                <TextField id="project-token" label=texts.project_token kind="password" value=project_token
                    hint=texts.project_token_hint
                    error=Signal::derive(move || problems.with(|p| p.get(PROJECT))) />
                <AuthChoice auth />
                <TextField id="timeout" label=texts.timeout value=timeout_secs
                    inputmode="numeric"
                    hint=texts.timeout_hint
                    error=Signal::derive(move || problems.with(|p| p.get(TIMEOUT))) />
                <RememberFields remember prefix="geai" />
                <p class="form-error" role="alert">{move || problems.with(|p| p.form.clone())}</p>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || checking.get()>
                        {move || if checking.get() { t().connect().checking } else { t().connect().connect }}
                    </button>
                </div>
            </form>
            {move || refused.get().map(|base_url| view! { <OriginRefused base_url flag="--upstream" /> })}
    }
}

/// Bearer (the default) or HTTP Basic with the token as user name, for installations that need it.
#[component]
fn AuthChoice(auth: RwSignal<AuthScheme>) -> impl IntoView {
    let texts = t().connect();
    let option = move |id: &'static str, scheme: AuthScheme, label: &'static str| {
        view! {
            <div class="field-inline">
                <input
                    type="radio"
                    id=id
                    name="auth"
                    prop:checked=move || auth.get() == scheme
                    on:change=move |_| auth.set(scheme)
                />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <fieldset class="choice">
            <legend>{texts.send_token_as}</legend>
            {option("auth-bearer", AuthScheme::Bearer, texts.auth_bearer)}
            {option("auth-basic", AuthScheme::Basic, texts.auth_basic)}
        </fieldset>
    }
}

/// What the session holds now, with tokens masked.
#[component]
fn CurrentConnection() -> impl IntoView {
    let session = use_session();
    move || {
        session.connection().map(|connection| {
            let texts = t().connect();
            let describe = |credential: Option<&Credential>| match credential {
                None => texts.none.to_string(),
                Some(c) => format!("{} {}", describe_owner(c), c.masked()),
            };
            view! {
                <section class="card" aria-labelledby="current-connection">
                    <h2 id="current-connection">{texts.current_geai}</h2>
                    <dl class="facts">
                        <dt>{texts.base_url}</dt>
                        <dd>{connection.base_url.clone()}</dd>
                        <dt>{texts.organization_token}</dt>
                        <dd>{describe(connection.credential(TokenScope::Organization))}</dd>
                        <dt>{texts.project_token}</dt>
                        <dd>{describe(connection.credential(TokenScope::Project))}</dd>
                        <dt>{texts.sent_as}</dt>
                        <dd>{match connection.auth {
                            AuthScheme::Bearer => texts.sent_as_bearer,
                            AuthScheme::Basic => texts.sent_as_basic,
                        }}</dd>
                    </dl>
                    <p class="hint">{texts.connecting_again}</p>
                    <button type="button" on:click=move |_| session.disconnect_organization_api()>
                        {texts.disconnect}
                    </button>
                </section>
            }
        })
    }
}

fn describe_owner(credential: &Credential) -> String {
    let identity = &credential.identity;
    let named = match identity.scope {
        TokenScope::Organization => identity.organization_name.clone().or(identity.organization_id.clone()),
        TokenScope::Project => identity.project_name.clone().or(identity.project_id.clone()),
    };
    named.unwrap_or_else(|| {
        let texts = t().connect();
        match identity.scope {
            TokenScope::Organization => texts.unnamed_organization_token,
            TokenScope::Project => texts.unnamed_project_token,
        }
        .to_string()
    })
}

/// The connection the form's tokens make, or the problems at their fields, with the base URL when the browser
/// kept its answers from this page (CORS): that is said once, at the address, not at each token.
async fn check_tokens(form: ConnectForm) -> Result<Connection, (FieldErrors, Option<String>)> {
    let base_url = form.base_url.trim().trim_end_matches('/').to_string();
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err((FieldErrors::at(BASE_URL, t().connect().bad_base_url), None));
    }
    let timeout_secs = match form.timeout_secs.trim().parse::<u32>() {
        Ok(seconds) if (1..=600).contains(&seconds) => seconds,
        _ => return Err((FieldErrors::at(TIMEOUT, t().connect().bad_timeout), None)),
    };
    let (organization_token, project_token) = (form.organization_token.trim(), form.project_token.trim());
    if organization_token.is_empty() && project_token.is_empty() {
        return Err((FieldErrors::for_form(t().connect().no_token), None));
    }
    let check = |token, scope| check_token(&base_url, token, scope, form.auth, Some(timeout_secs));
    let organization = check(organization_token, TokenScope::Organization).await;
    let project = check(project_token, TokenScope::Project).await;
    match (organization, project) {
        (Ok(organization), Ok(project)) => {
            // Every checked token was answered by the same server, so any of them tells its dialect.
            let dialect = organization.iter().chain(project.iter()).map(|(_, dialect)| *dialect).next();
            Ok(Connection {
                base_url,
                organization: organization.map(|(credential, _)| credential),
                project: project.map(|(credential, _)| credential),
                auth: form.auth,
                dialect: dialect.unwrap_or_default(),
                timeout_secs: Some(timeout_secs),
            })
        }
        (organization, project) => {
            let failures = [&organization, &project].into_iter().filter_map(|checked| checked.as_ref().err());
            if let Some(refused) = failures.into_iter().find(|failed| failed.origin_refused()) {
                return Err((FieldErrors::at(BASE_URL, refused.to_string()), Some(base_url)));
            }
            let mut problems = FieldErrors::default();
            if let Err(problem) = organization {
                problems.add(ORGANIZATION, problem.to_string());
            }
            if let Err(problem) = project {
                problems.add(PROJECT, problem.to_string());
            }
            Err((problems, None))
        }
    }
}
