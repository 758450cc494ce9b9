//! The Organization API's client: picks the token each endpoint's scope needs, sends it in the `Authorization`
//! header and nowhere else (through `http`, the one place that speaks HTTP), and reads the answer into `model`
//! types or one `ApiError`.

use serde::de::DeserializeOwned;

use super::auth::AuthScheme;
use super::dialect::Dialect;
use super::endpoint::{Endpoint, LimitOwner};
use super::error::{ApiError, ErrorKind};
use super::http::{send, send_text, Target};
use super::input::{ExportFilter, LimitChange, NewProject, NewToken, NewUsageLimit, ProjectChanges, TokenChanges};
use super::model::{
    ApiToken, AssistantList, ExportItem, ExportPage, Project, ProjectList, ProjectRow, ProjectRowList, TokenList,
    TokenValidation, UsageLimit, UsageLimitList,
};
use super::scope::{EndpointScope, TokenScope};

/// Where to call and with which tokens; cheap to clone, built from the session for each call. Its `Debug`
/// shows the tokens masked, so that no printout can leak one.
#[derive(Clone, Default, PartialEq)]
pub struct Client {
    pub base_url: String,
    pub organization_token: Option<String>,
    pub project_token: Option<String>,
    pub auth: AuthScheme,
    /// Seconds before a request is given up; `None` means [`DEFAULT_TIMEOUT_SECS`].
    pub timeout_secs: Option<u32>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let masked = |token: &Option<String>| token.as_deref().map(crate::format::mask);
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .field("organization_token", &masked(&self.organization_token))
            .field("project_token", &masked(&self.project_token))
            .field("auth", &self.auth)
            .field("timeout_secs", &self.timeout_secs)
            .finish()
    }
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

    /// [`Client::list_all_projects`] read as the lean rows a list shows.
    pub async fn list_project_rows(&self) -> Result<Vec<ProjectRow>, ApiError> {
        let list: ProjectRowList = self.call(&Endpoint::projects(true)).await?;
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
        let credentials = Target::new(base_url, auth.header(token), timeout_secs);
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
    pub(super) async fn call_ignoring_body(&self, endpoint: &Endpoint) -> Result<(), ApiError> {
        send_text(&self.credentials(endpoint)?, endpoint).await.map(drop)
    }

    pub(super) async fn call<T: DeserializeOwned>(&self, endpoint: &Endpoint) -> Result<T, ApiError> {
        send(&self.credentials(endpoint)?, endpoint).await
    }

    fn credentials(&self, endpoint: &Endpoint) -> Result<Target<'_>, ApiError> {
        let token = self.token_for(endpoint.scope)?;
        Ok(Target::new(&self.base_url, self.auth.header(token), self.timeout_secs))
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

async fn identity_from_validation(credentials: &Target<'_>, found: TokenValidation) -> TokenIdentity {
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

async fn identify_by_trying(credentials: &Target<'_>) -> Result<TokenIdentity, ApiError> {
    match send::<ProjectList>(credentials, &Endpoint::projects(false)).await {
        Ok(_) => Ok(TokenIdentity::organization(None, None)),
        Err(e) if e.kind == ErrorKind::OutOfScope => {
            let list = send::<AssistantList>(credentials, &Endpoint::assistants(false)).await?;
            Ok(TokenIdentity::project(None, list.project_id, list.project_name))
        }
        Err(e) => Err(e),
    }
}
