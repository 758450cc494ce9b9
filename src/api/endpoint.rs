//! Every call the dashboard makes, as data: path, query and scope. Building a URL is plain Rust with no browser
//! in it, so it is unit-tested natively; `client` only sends what this describes. Every call so far is a GET;
//! the screens that write (create, edit, delete) will add a method and a body here with their tests.

use super::scope::{EndpointScope, TokenScope};

#[derive(Clone, Debug, PartialEq)]
pub struct Endpoint {
    /// Below the base URL, starting with `/v1/`.
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub scope: EndpointScope,
}

const ORGANIZATION: &str = "/v1/organization";

impl Endpoint {
    fn new(path: String, scope: EndpointScope) -> Self {
        Self { path, query: Vec::new(), scope }
    }

    fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
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

    pub fn assistants() -> Self {
        Self::new(format!("{ORGANIZATION}/assistants"), EndpointScope::Only(TokenScope::Project))
    }

    pub fn validate_token() -> Self {
        // The scope is irrelevant: this endpoint is always called with the one token being checked.
        Self::new("/v1/accessControl/apitoken/validate".into(), EndpointScope::Either)
    }

    /// The full URL: the base without trailing slashes, the path, and the query with every value encoded.
    pub fn url(&self, base_url: &str) -> String {
        let mut url = format!("{}{}", base_url.trim().trim_end_matches('/'), self.path);
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
