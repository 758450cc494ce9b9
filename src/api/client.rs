//! The only place that speaks HTTP. It picks the token each endpoint's scope needs, sends it in the
//! `Authorization` header and nowhere else, reads the answer into `model` types or one `ApiError`, and aborts
//! a request when the reactive owner that made it (a screen, a resource run) is cleaned up.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::RequestBuilder;
use leptos::prelude::{on_cleanup, set_timeout_with_handle};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use super::auth::AuthScheme;
use super::dialect::Dialect;
use super::endpoint::{Endpoint, LimitOwner, Method};
use super::error::{ApiError, ErrorKind};
use super::input::{ExportFilter, LimitChange, NewProject, NewToken, NewUsageLimit, ProjectChanges, TokenChanges};
use super::model::{
    ApiToken, AssistantList, ExportItem, ExportPage, Project, ProjectList, TokenList, TokenValidation, UsageLimit,
    UsageLimitList,
};
use super::scope::{EndpointScope, TokenScope};

/// How long a request may take when the connection sets no limit of its own.
pub const DEFAULT_TIMEOUT_SECS: u32 = 30;

/// Where to call and with which tokens; cheap to clone, built from the session for each call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Client {
    pub base_url: String,
    pub organization_token: Option<String>,
    pub project_token: Option<String>,
    pub auth: AuthScheme,
    /// Seconds before a request is given up; `None` means [`DEFAULT_TIMEOUT_SECS`].
    pub timeout_secs: Option<u32>,
}

/// A checked token: what it belongs to, and which dialect the server that checked it speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identified {
    pub identity: TokenIdentity,
    pub dialect: Dialect,
}

/// What a pasted token turned out to be.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TokenIdentity {
    pub scope: TokenScope,
    pub organization_id: Option<String>,
    pub organization_name: Option<String>,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
}

impl TokenIdentity {
    pub fn organization(organization_id: Option<String>, organization_name: Option<String>) -> Self {
        Self {
            scope: TokenScope::Organization,
            organization_id,
            organization_name,
            project_id: None,
            project_name: None,
        }
    }

    pub fn project(organization_id: Option<String>, project_id: Option<String>, project_name: Option<String>) -> Self {
        Self { scope: TokenScope::Project, organization_id, organization_name: None, project_id, project_name }
    }
}

impl Client {
    /// Every project, hidden ones (and, on SAIA beta, deleted ones) included: one list serves every view of
    /// it, so showing or hiding them needs no new request.
    pub async fn list_all_projects(&self) -> Result<Vec<Project>, ApiError> {
        let list: ProjectList = self.call(&Endpoint::projects(true)).await?;
        Ok(list.projects)
    }

    /// One project's details; the organization token sees any, a project token only its own.
    pub async fn project(&self, id: &str) -> Result<Project, ApiError> {
        self.call(&Endpoint::project(id)).await
    }

    pub async fn project_tokens(&self, id: &str) -> Result<Vec<ApiToken>, ApiError> {
        let list: TokenList = self.call(&Endpoint::project_tokens(id)).await?;
        Ok(list.tokens)
    }

    /// Creates a project; the answer's `tokens` are the only time their values are handed out.
    pub async fn create_project(&self, project: &NewProject) -> Result<Project, ApiError> {
        self.call(&Endpoint::create_project(project)).await
    }

    pub async fn update_project(&self, id: &str, changes: &ProjectChanges) -> Result<Project, ApiError> {
        self.call(&Endpoint::update_project(id, changes)).await
    }

    /// Deletes a project. Servers answer 200 with `{}`, an empty body or a message: only the status counts.
    pub async fn delete_project(&self, id: &str) -> Result<(), ApiError> {
        self.call_ignoring_body(&Endpoint::delete_project(id)).await
    }

    /// A new token for a project; its secret (`id`) is in this answer only.
    pub async fn create_project_token(&self, project_id: &str, token: &NewToken) -> Result<ApiToken, ApiError> {
        self.call(&Endpoint::create_project_token(project_id, token)).await
    }

    /// Blocks, unblocks or re-describes a token. The answer is only a message: the caller reloads the list.
    pub async fn update_project_token(&self, id: &str, changes: &TokenChanges) -> Result<(), ApiError> {
        self.call_ignoring_body(&Endpoint::update_project_token(id, changes)).await
    }

    pub async fn revoke_project_token(&self, id: &str) -> Result<(), ApiError> {
        self.call_ignoring_body(&Endpoint::revoke_project_token(id)).await
    }

    /// A limit owner's limits, newest first.
    pub async fn limits(&self, owner: &LimitOwner) -> Result<Vec<UsageLimit>, ApiError> {
        let list: UsageLimitList = self.call(&Endpoint::limits(owner)).await?;
        Ok(list.usage_limits)
    }

    pub async fn create_limit(&self, owner: &LimitOwner, limit: &NewUsageLimit) -> Result<UsageLimit, ApiError> {
        self.call(&Endpoint::create_limit(owner, limit)).await
    }

    pub async fn change_limit(
        &self,
        owner: &LimitOwner,
        id: &str,
        change: &LimitChange,
    ) -> Result<UsageLimit, ApiError> {
        self.call(&Endpoint::change_limit(owner, id, change)).await
    }

    pub async fn delete_limit(&self, owner: &LimitOwner, id: &str) -> Result<(), ApiError> {
        self.call_ignoring_body(&Endpoint::delete_limit(owner, id)).await
    }

    /// The project token's assistants, with the project's id and name; with `full`, their intents and revisions.
    pub async fn assistants(&self, full: bool) -> Result<AssistantList, ApiError> {
        self.call(&Endpoint::assistants(full)).await
    }

    /// One page of the request log in either dialect's shape: `count` rows after `skip`, newest first.
    pub async fn export_page(
        &self,
        filter: &ExportFilter,
        skip: u64,
        count: u64,
        dialect: Dialect,
    ) -> Result<Vec<ExportItem>, ApiError> {
        let page: ExportPage = self.call(&Endpoint::export(filter, skip, count, dialect)).await?;
        Ok(page.items)
    }

    /// Tells a token's scope and owner: `apitoken/validate` where the server has it (current installations);
    /// elsewhere (SAIA beta) a cheap call of each scope: the projects list, then the assistants list.
    pub async fn identify(
        base_url: &str,
        token: &str,
        auth: AuthScheme,
        timeout_secs: Option<u32>,
    ) -> Result<Identified, ApiError> {
        let credentials = Credentials { base_url, token, auth, timeout_secs };
        match send::<TokenValidation>(&credentials, &Endpoint::validate_token()).await {
            Ok(found) => Ok(Identified {
                identity: identity_from_validation(&credentials, found).await,
                dialect: Dialect::Current,
            }),
            Err(e) if e.kind == ErrorKind::NotFound => {
                Ok(Identified { identity: identify_by_trying(&credentials).await?, dialect: Dialect::SaiaBeta })
            }
            Err(e) => Err(e),
        }
    }

    /// For calls whose answer says nothing the caller needs: only the status counts.
    async fn call_ignoring_body(&self, endpoint: &Endpoint) -> Result<(), ApiError> {
        send_text(&self.credentials(endpoint)?, endpoint).await.map(drop)
    }

    async fn call<T: DeserializeOwned>(&self, endpoint: &Endpoint) -> Result<T, ApiError> {
        send(&self.credentials(endpoint)?, endpoint).await
    }

    fn credentials(&self, endpoint: &Endpoint) -> Result<Credentials<'_>, ApiError> {
        let token = self.token_for(endpoint.scope)?;
        Ok(Credentials { base_url: &self.base_url, token, auth: self.auth, timeout_secs: self.timeout_secs })
    }

    fn token_for(&self, scope: EndpointScope) -> Result<&str, ApiError> {
        let (organization, project) = (self.organization_token.as_deref(), self.project_token.as_deref());
        match scope {
            EndpointScope::Only(TokenScope::Organization) => {
                organization.ok_or(ApiError::missing_token(TokenScope::Organization))
            }
            EndpointScope::Only(TokenScope::Project) => project.ok_or(ApiError::missing_token(TokenScope::Project)),
            EndpointScope::Either => organization.or(project).ok_or(ApiError::missing_token(TokenScope::Organization)),
        }
    }
}

async fn identity_from_validation(credentials: &Credentials<'_>, found: TokenValidation) -> TokenIdentity {
    match found.project_id {
        Some(project_id) => {
            // The answer names the project only by id; its name is worth one more call, and not worth failing for.
            let project_name = send::<Project>(credentials, &Endpoint::project(&project_id))
                .await
                .ok()
                .map(|p| p.project_name)
                .filter(|name| !name.is_empty());
            TokenIdentity {
                organization_name: found.organization_name,
                ..TokenIdentity::project(found.organization_id, Some(project_id), project_name)
            }
        }
        None => TokenIdentity::organization(found.organization_id, found.organization_name),
    }
}

async fn identify_by_trying(credentials: &Credentials<'_>) -> Result<TokenIdentity, ApiError> {
    match send::<ProjectList>(credentials, &Endpoint::projects(false)).await {
        Ok(_) => Ok(TokenIdentity::organization(None, None)),
        Err(e) if e.kind == ErrorKind::OutOfScope => {
            let list = send::<AssistantList>(credentials, &Endpoint::assistants(false)).await?;
            Ok(TokenIdentity::project(None, list.project_id, list.project_name))
        }
        Err(e) => Err(e),
    }
}

/// Where and how one request is authorized, and how long it may take.
struct Credentials<'a> {
    base_url: &'a str,
    token: &'a str,
    auth: AuthScheme,
    timeout_secs: Option<u32>,
}

/// Sends one request and reads the answer as `T`.
async fn send<T: DeserializeOwned>(credentials: &Credentials<'_>, endpoint: &Endpoint) -> Result<T, ApiError> {
    let (status, body) = send_text(credentials, endpoint).await?;
    serde_json::from_str(&body)
        .map_err(|e| ApiError::bad_response(status, format!("Expected JSON from {}: {e}", endpoint.path)))
}

/// Sends one request and returns the status and body of a successful answer. Not generic on purpose: one
/// copy of the request's state machine serves every response type, which keeps the wasm small.
///
/// The request is aborted if the current reactive owner is cleaned up first (the screen was left, or a
/// resource started over), and given up when it takes longer than the connection's time limit.
async fn send_text(credentials: &Credentials<'_>, endpoint: &Endpoint) -> Result<(u16, String), ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|controller| controller.signal());
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || {
        if let Some(controller) = on_leave.take() {
            controller.abort();
        }
    });
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = Rc::clone(&timed_out);
        let seconds = credentials.timeout_secs.unwrap_or(DEFAULT_TIMEOUT_SECS).max(1);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            },
            Duration::from_secs(u64::from(seconds)),
        )
        .ok()
    };
    let transport_error = |error: gloo_net::Error| {
        if timed_out.get() {
            ApiError::new(ErrorKind::TimedOut)
        } else {
            transport_error(error)
        }
    };

    let url = endpoint.path_url(credentials.base_url);
    let builder = match endpoint.method {
        Method::Get => RequestBuilder::new(&url),
        method => RequestBuilder::new(&url).method(gloo_method(method)),
    }
    .query(endpoint.query.iter().map(|(name, value)| (*name, value.as_str())))
    .header("Authorization", &credentials.auth.header_value(credentials.token))
    .header("Accept", "application/json")
    .abort_signal(signal.as_ref());
    let builder = endpoint.headers.iter().fold(builder, |builder, (name, value)| builder.header(name, value));
    let request = match &endpoint.body {
        Some(body) => builder.header("Content-Type", "application/json").body(body.as_str()),
        None => builder.build(),
    };
    let result = async {
        let response = request.map_err(transport_error)?.send().await.map_err(transport_error)?;
        let status = response.status();
        let body = response.text().await.map_err(transport_error)?;
        if (200..300).contains(&status) {
            Ok((status, body))
        } else {
            Err(ApiError::from_response(status, &body))
        }
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

fn gloo_method(method: Method) -> gloo_net::http::Method {
    match method {
        Method::Get => gloo_net::http::Method::GET,
        Method::Post => gloo_net::http::Method::POST,
        Method::Put => gloo_net::http::Method::PUT,
        Method::Delete => gloo_net::http::Method::DELETE,
    }
}

/// gloo-net's failure before a status, or while reading the body: an abort, or no usable connection.
fn transport_error(error: gloo_net::Error) -> ApiError {
    let text = error.to_string();
    if text.contains("AbortError") || text.contains("aborted") {
        ApiError::new(ErrorKind::Aborted)
    } else {
        ApiError::network(text)
    }
}
