//! A running sandbox and a small client for it. The server stops when the `Running` is dropped.

use geai_sandbox::config::{Config, SeedConfig};
use geai_sandbox::{LocalServer, Sandbox};
use reqwest::Method;
use serde_json::Value;

pub struct Running {
    pub url: String,
    pub sandbox: Sandbox,
    pub client: reqwest::Client,
    _server: LocalServer,
}

/// A response as a test wants it: status and body (JSON, or the raw text as a JSON string).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

impl Answer {
    /// A FastAPI refusal's text: `{"detail": "..."}`.
    pub fn detail(&self) -> &str {
        self.body["detail"].as_str().unwrap_or_else(|| panic!("no detail text in {}", self.body))
    }

    /// A 422's problems as `(loc, type, msg)`, in order.
    pub fn problems(&self) -> Vec<(Value, String, String)> {
        let problems = self.body["detail"].as_array().unwrap_or_else(|| panic!("no problems in {}", self.body));
        problems
            .iter()
            .map(|p| {
                (p["loc"].clone(), p["type"].as_str().unwrap().to_string(), p["msg"].as_str().unwrap().to_string())
            })
            .collect()
    }

    /// The `(id, description)` of the first error of an `{"errors": [..]}` body.
    pub fn error(&self) -> (u64, String) {
        let first = &self.body["errors"][0];
        let id = first["id"].as_u64().unwrap_or_else(|| panic!("no error id in {}", self.body));
        (id, first["description"].as_str().unwrap_or_default().to_string())
    }
}

pub async fn start(config: Config) -> Running {
    let server = LocalServer::start(Sandbox::new(config).expect("sandbox starts")).await.expect("serving");
    Running {
        url: server.url.clone(),
        sandbox: server.sandbox.clone(),
        client: reqwest::Client::new(),
        _server: server,
    }
}

/// A small organization: quick to seed, enough to see every rule. Its usage limits are those of the default
/// seed, counted over 300 rows: Legacy Chatbot and Marketing Copy are at or over their hard limits (their project
/// tokens get 429), the other amounts are below the default sizes' (`seeded`).
pub fn small() -> Config {
    Config { seed: SeedConfig { requests_per_project: 300, ..SeedConfig::default() }, ..Config::default() }
}

/// The default sizes (5,000 requests a project): the seeded usage amounts sandbox/README.md lists.
pub fn seeded() -> Config {
    Config::default()
}

impl Running {
    pub fn organization_token(&self) -> String {
        self.sandbox.tokens().0
    }

    pub fn project_token(&self, project_name: &str) -> String {
        self.sandbox
            .tokens()
            .1
            .into_iter()
            .find(|(name, _)| name == project_name)
            .map(|(_, token)| token)
            .unwrap_or_else(|| panic!("no project named {project_name}"))
    }

    pub fn project_id(&self, project_name: &str) -> String {
        self.sandbox.read(|s| s.projects.iter().find(|p| p.name == project_name).expect("project").id.clone())
    }

    /// The organization's id, as `/v2/usageLimits/organizations/{id}` takes it.
    pub fn organization_id(&self) -> String {
        self.sandbox.read(|s| s.organization.id.clone())
    }

    /// Removes every usage limit, so that every project token may list assistants and export: for tests about
    /// other things than limits.
    pub fn lift_usage_limits(&self) {
        self.sandbox
            .change(|s| {
                s.organization.usage_limits.clear();
                s.projects.iter_mut().for_each(|p| p.usage_limits.clear());
                Ok(())
            })
            .expect("limits lifted");
    }

    pub async fn get(&self, path: &str, token: &str) -> Answer {
        self.call(Method::GET, path, token, None).await
    }

    pub async fn call(&self, method: Method, path: &str, token: &str, body: Option<&str>) -> Answer {
        self.call_with(method, path, token, body, &[]).await
    }

    /// A call with extra headers (`project-id` for a new project token).
    pub async fn call_with(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.url)).bearer_auth(token);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.header("content-type", "application/json").body(body.to_string());
        }
        send(request).await
    }

    /// A browser's CORS preflight of `method path`, asking to send `headers` (comma-separated): the answer's
    /// headers, once it is known to be a success.
    pub async fn preflight(&self, method: &str, path: &str, headers: &str) -> reqwest::header::HeaderMap {
        let response = self.preflight_answer(method, path, headers).await;
        assert!(response.status().is_success(), "preflight of {method} {path}: {}", response.status());
        response.headers().clone()
    }

    /// The answer to a browser's CORS preflight of `method path` from another origin, whatever it is.
    pub async fn preflight_answer(&self, method: &str, path: &str, headers: &str) -> reqwest::Response {
        self.client
            .request(Method::OPTIONS, format!("{}{path}", self.url))
            .header("origin", "http://localhost:8080")
            .header("access-control-request-method", method)
            .header("access-control-request-headers", headers)
            .send()
            .await
            .expect("preflight sent")
    }

    /// The seeded user's Arcee API key.
    pub fn arcee_key(&self) -> String {
        self.sandbox.arcee_key()
    }

    /// An Arcee API call: `X-Token` and `X-Arcee-Org` when given, a JSON body when given.
    pub async fn arcee(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        organization: Option<&str>,
        body: Option<&str>,
    ) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.url));
        if let Some(key) = key {
            request = request.header("x-token", key);
        }
        if let Some(organization) = organization {
            request = request.header("x-arcee-org", organization);
        }
        if let Some(body) = body {
            request = request.header("content-type", "application/json").body(body.to_string());
        }
        send(request).await
    }

    /// `POST` of a multipart form with one field per `(name, file name, content)` (no file name: a text field), as
    /// the Arcee API's CSV upload takes it, with the seeded user's key.
    pub async fn arcee_form(&self, path: &str, fields: &[(&str, Option<&str>, &[u8])]) -> Answer {
        const BOUNDARY: &str = "sandbox-test-boundary-7d1f";
        let mut form = Vec::new();
        for (name, file_name, content) in fields {
            form.extend_from_slice(
                format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes(),
            );
            if let Some(file_name) = file_name {
                form.extend_from_slice(format!("; filename=\"{file_name}\"\r\nContent-Type: text/csv").as_bytes());
            }
            form.extend_from_slice(b"\r\n\r\n");
            form.extend_from_slice(content);
            form.extend_from_slice(b"\r\n");
        }
        form.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let request = self
            .client
            .post(format!("{}{path}", self.url))
            .header("x-token", self.arcee_key())
            .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
            .body(form);
        send(request).await
    }
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.expect("request sent");
    let status = response.status().as_u16();
    let text = response.text().await.expect("body read");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer { status, body }
}

/// The header names a preflight's answer lets a browser send, lowercase.
pub fn allowed_headers(preflight: &reqwest::header::HeaderMap) -> String {
    preflight["access-control-allow-headers"].to_str().expect("a text").to_lowercase()
}
