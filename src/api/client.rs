//! The only place that speaks HTTP. It picks the token each endpoint's scope needs, sends it in the
//! `Authorization` header and nowhere else, reads the answer into `model` types or one `ApiError`, and aborts
//! a request when the reactive owner that made it (a screen, a resource run) is cleaned up.

use gloo_net::http::Request;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use super::auth::AuthScheme;
use super::endpoint::Endpoint;
use super::error::{ApiError, ErrorKind};
use super::model::{AssistantList, Project, ProjectList, TokenValidation};
use super::scope::{EndpointScope, TokenScope};

/// Where to call and with which tokens; cheap to clone, built from the session for each call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Client {
    pub base_url: String,
    pub organization_token: Option<String>,
    pub project_token: Option<String>,
    pub auth: AuthScheme,
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
    fn organization(organization_id: Option<String>, organization_name: Option<String>) -> Self {
        Self {
            scope: TokenScope::Organization,
            organization_id,
            organization_name,
            project_id: None,
            project_name: None,
        }
    }

    fn project(organization_id: Option<String>, project_id: Option<String>, project_name: Option<String>) -> Self {
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

    /// Tells a token's scope and owner: `apitoken/validate` where the server has it (current installations);
    /// elsewhere (SAIA beta) a cheap call of each scope: the projects list, then the assistants list.
    pub async fn identify(base_url: &str, token: &str, auth: AuthScheme) -> Result<TokenIdentity, ApiError> {
        let credentials = Credentials { base_url, token, auth };
        match send::<TokenValidation>(&credentials, &Endpoint::validate_token()).await {
            Ok(found) => Ok(identity_from_validation(&credentials, found).await),
            Err(e) if e.kind == ErrorKind::NotFound => identify_by_trying(&credentials).await,
            Err(e) => Err(e),
        }
    }

    async fn call<T: DeserializeOwned>(&self, endpoint: &Endpoint) -> Result<T, ApiError> {
        let token = self.token_for(endpoint.scope)?;
        send(&Credentials { base_url: &self.base_url, token, auth: self.auth }, endpoint).await
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
            let list = send::<AssistantList>(credentials, &Endpoint::assistants()).await?;
            Ok(TokenIdentity::project(None, list.project_id, list.project_name))
        }
        Err(e) => Err(e),
    }
}

/// Where and how one request is authorized.
struct Credentials<'a> {
    base_url: &'a str,
    token: &'a str,
    auth: AuthScheme,
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
/// resource started over).
async fn send_text(credentials: &Credentials<'_>, endpoint: &Endpoint) -> Result<(u16, String), ApiError> {
    let abort = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = abort.as_ref().map(|controller| controller.signal());
    on_cleanup(move || {
        if let Some(controller) = abort.take() {
            controller.abort();
        }
    });

    let response = Request::get(&endpoint.url(credentials.base_url))
        .header("Authorization", &credentials.auth.header_value(credentials.token))
        .header("Accept", "application/json")
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(transport_error)?;
    let status = response.status();
    let body = response.text().await.map_err(transport_error)?;
    if (200..300).contains(&status) {
        Ok((status, body))
    } else {
        Err(ApiError::from_response(status, &body))
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
