//! Every call the dashboard makes, as data: method, path, query, JSON body and scope. Building a URL or a body is
//! plain Rust with no browser in it, so it is unit-tested natively; `client` only sends what this describes.

use super::dialect::Dialect;
use super::input::{ExportFilter, LimitChange, NewProject, NewToken, NewUsageLimit, ProjectChanges, TokenChanges};
use super::scope::{EndpointScope, TokenScope};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    pub method: Method,
    /// Below the base URL: `/v1/...` and `/v2/...` for the Organization API; `/whoami` and the like for Arcee,
    /// whose base URL ends in its version (`https://api.arcee.ai/v2`).
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    /// The JSON body of a POST or PUT, already serialized.
    pub body: Option<String>,
    /// Headers beyond authorization and content type (`project-id` for a new project token).
    pub headers: Vec<(&'static str, String)>,
    pub scope: EndpointScope,
}

const ORGANIZATION: &str = "/v1/organization";
const PROJECT_TOKENS: &str = "/v2/projects/tokens";

/// Whose usage limits: the organization's, or one of its projects'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LimitOwner {
    Organization { organization_id: String },
    Project { organization_id: String, project_id: String },
}

impl LimitOwner {
    fn path(&self) -> String {
        match self {
            Self::Organization { organization_id } => {
                format!("/v2/usageLimits/organizations/{}/limits", encode(organization_id))
            }
            Self::Project { organization_id, project_id } => format!(
                "/v2/usageLimits/organizations/{}/projects/{}/limits",
                encode(organization_id),
                encode(project_id)
            ),
        }
    }
}

impl Endpoint {
    pub(super) fn new(path: String, scope: EndpointScope) -> Self {
        Self { method: Method::Get, path, query: Vec::new(), body: None, headers: Vec::new(), scope }
    }

    pub(super) fn sending(mut self, method: Method, body: Option<String>) -> Self {
        self.method = method;
        self.body = body;
        self
    }

    pub(super) fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.query.push((name, value.into()));
        self
    }

    /// `GET /projects`, with `detail=full` to include hidden projects.
    pub fn projects(include_hidden: bool) -> Self {
        let endpoint = Self::new(format!("{ORGANIZATION}/projects"), EndpointScope::Only(TokenScope::Organization));
        if include_hidden {
            endpoint.with("detail", "full")
        } else {
            endpoint
        }
    }

    pub fn project(id: &str) -> Self {
        Self::new(format!("{ORGANIZATION}/project/{}", encode(id)), EndpointScope::Either)
    }

    /// `POST /project`: organization scope. The answer carries the new project's tokens, and only this answer.
    pub fn create_project(project: &NewProject) -> Self {
        let body = serde_json::to_string(project).ok();
        Self::new(format!("{ORGANIZATION}/project"), EndpointScope::Only(TokenScope::Organization))
            .sending(Method::Post, body)
    }

    pub fn update_project(id: &str, changes: &ProjectChanges) -> Self {
        let body = serde_json::to_string(changes).ok();
        Self::new(format!("{ORGANIZATION}/project/{}", encode(id)), EndpointScope::Only(TokenScope::Organization))
            .sending(Method::Put, body)
    }

    pub fn delete_project(id: &str) -> Self {
        Self::new(format!("{ORGANIZATION}/project/{}", encode(id)), EndpointScope::Only(TokenScope::Organization))
            .sending(Method::Delete, None)
    }

    pub fn project_tokens(id: &str) -> Self {
        Self::new(
            format!("{ORGANIZATION}/project/{}/tokens", encode(id)),
            EndpointScope::Only(TokenScope::Organization),
        )
    }

    /// `POST /v2/projects/tokens` with the project in a `project-id` header: a new token, its secret shown once.
    pub fn create_project_token(project_id: &str, token: &NewToken) -> Self {
        let mut endpoint =
            Self::organization(PROJECT_TOKENS.to_string()).sending(Method::Post, serde_json::to_string(token).ok());
        endpoint.headers.push(("project-id", project_id.to_string()));
        endpoint
    }

    /// `PUT /v2/projects/tokens/{id}`: block, unblock, or describe.
    pub fn update_project_token(id: &str, changes: &TokenChanges) -> Self {
        Self::organization(format!("{PROJECT_TOKENS}/{}", encode(id)))
            .sending(Method::Put, serde_json::to_string(changes).ok())
    }

    /// `DELETE /v2/projects/tokens/{id}`: revokes it for good.
    pub fn revoke_project_token(id: &str) -> Self {
        Self::organization(format!("{PROJECT_TOKENS}/{}", encode(id))).sending(Method::Delete, None)
    }

    /// A limit owner's limits, newest first (`GET .../limits`).
    pub fn limits(owner: &LimitOwner) -> Self {
        Self::organization(owner.path())
    }

    pub fn create_limit(owner: &LimitOwner, limit: &NewUsageLimit) -> Self {
        Self::organization(owner.path()).sending(Method::Post, serde_json::to_string(limit).ok())
    }

    pub fn delete_limit(owner: &LimitOwner, id: &str) -> Self {
        Self::organization(format!("{}/{}", owner.path(), encode(id))).sending(Method::Delete, None)
    }

    /// `PUT .../limits/{id}/hardLimit` (or `softLimit`, `renewalStatus`), one value at a time, as the API has it.
    pub fn change_limit(owner: &LimitOwner, id: &str, change: &LimitChange) -> Self {
        let path = format!("{}/{}/{}", owner.path(), encode(id), change.field());
        Self::organization(path).sending(Method::Put, Some(change.body()))
    }

    fn organization(path: String) -> Self {
        Self::new(path, EndpointScope::Only(TokenScope::Organization))
    }

    /// `GET /assistants`; with `full`, every assistant's intents and revisions too.
    pub fn assistants(full: bool) -> Self {
        let endpoint = Self::new(format!("{ORGANIZATION}/assistants"), EndpointScope::Only(TokenScope::Project));
        if full {
            endpoint.with("detail", "full")
        } else {
            endpoint
        }
    }

    /// `GET /request/export`: `count` rows after `skip`, newest first, matching the filter. SAIA beta servers
    /// documented their parameters capitalised (`Assistantname`, `Status`, `Skip`, `Count`), so those get them.
    pub fn export(filter: &ExportFilter, skip: u64, count: u64, dialect: Dialect) -> Self {
        let names = match dialect {
            Dialect::Current => ["assistantName", "status", "skip", "count"],
            Dialect::SaiaBeta => ["Assistantname", "Status", "Skip", "Count"],
        };
        let mut endpoint =
            Self::new(format!("{ORGANIZATION}/request/export"), EndpointScope::Only(TokenScope::Project));
        if !filter.assistant.is_empty() {
            endpoint = endpoint.with(names[0], filter.assistant.clone());
        }
        if !filter.status.is_empty() {
            endpoint = endpoint.with(names[1], filter.status.clone());
        }
        endpoint.with(names[2], skip.to_string()).with(names[3], count.to_string())
    }

    pub fn validate_token() -> Self {
        // The scope is irrelevant: this endpoint is always called with the one token being checked.
        Self::new("/v1/accessControl/apitoken/validate".into(), EndpointScope::Either)
    }

    /// The base without trailing slashes, and the path: what the client sends with `query` added by the
    /// browser's own encoder (gloo-net would otherwise append a stray `&` to a URL that has a query already).
    pub fn path_url(&self, base_url: &str) -> String {
        format!("{}{}", base_url.trim().trim_end_matches('/'), self.path)
    }

    /// The full URL: the base without trailing slashes, the path, and the query with every value encoded.
    pub fn url(&self, base_url: &str) -> String {
        let mut url = self.path_url(base_url);
        for (i, (name, value)) in self.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(name);
            url.push('=');
            url.push_str(&encode(value));
        }
        url
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so an id or filter can never add a path
/// segment or a query parameter of its own.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
