//! The dashboard under test: an in-process sandbox serving the built app and the API on one origin, and a
//! browser pointed at it.

use geai_sandbox::config::Config;
use geai_sandbox::faults::FaultRule;
use geai_sandbox::journal::{Entry, Outcome};
use geai_sandbox::{LocalServer, Sandbox};
use geai_serve::forward::{LocalForwarder, Options, Upstream};
use serde_json::json;

use crate::browser::Browser;
use crate::{axe, paths};

pub struct Dashboard {
    pub browser: Browser,
    pub sandbox: Sandbox,
    /// `http://127.0.0.1:PORT`, serving the dashboard and the API.
    pub url: String,
    _server: LocalServer,
    /// With [`Dashboard::start_forwarded`]: what serves `url`.
    _forwarder: Option<LocalForwarder>,
}

impl Dashboard {
    /// The default sandbox: eight seeded projects, some hidden.
    pub async fn start() -> Self {
        Self::start_with(Config::default()).await
    }

    /// A sandbox with `config`, serving the built dashboard (`config.dist`, else the one `paths::dist` finds).
    pub async fn start_with(config: Config) -> Self {
        let dist = config.dist.clone().unwrap_or_else(paths::dist);
        let sandbox = Sandbox::new(Config { dist: Some(dist), ..config }).expect("sandbox starts");
        let server = LocalServer::start(sandbox).await.expect("serving on 127.0.0.1");
        let browser = Browser::start().await;
        Self { browser, sandbox: server.sandbox.clone(), url: server.url.clone(), _server: server, _forwarder: None }
    }

    /// The dashboard as `cargo xtask run --upstream` serves it: geai-serve (in-process) serving the built app and
    /// forwarding the API to a sandbox with `config` on another port, which serves no app. `url` is geai-serve's.
    pub async fn start_forwarded(config: Config) -> Self {
        let sandbox = Sandbox::new(Config { dist: None, ..config }).expect("sandbox starts");
        let server = LocalServer::start(sandbox).await.expect("serving on 127.0.0.1");
        let upstream = Upstream::parse("--upstream", &server.url).expect("the sandbox's URL");
        let forwarder = LocalForwarder::start(&Options::new(paths::dist(), upstream)).await.expect("geai-serve starts");
        let browser = Browser::start().await;
        let url = forwarder.url.clone();
        Self { browser, sandbox: server.sandbox.clone(), url, _server: server, _forwarder: Some(forwarder) }
    }

    pub fn organization_token(&self) -> String {
        self.sandbox.tokens().0
    }

    pub fn project_token(&self, project: &str) -> String {
        let (_, projects) = self.sandbox.tokens();
        projects.into_iter().find(|(name, _)| name == project).map(|(_, t)| t).expect("a seeded project")
    }

    /// Names of the seeded projects with status Active, in name order: what the list shows by default.
    pub fn active_project_names(&self) -> Vec<String> {
        self.project_names_where(|p| p.status == geai_sandbox::model::ProjectStatus::Active)
    }

    pub fn all_project_names(&self) -> Vec<String> {
        self.project_names_where(|_| true)
    }

    fn project_names_where(&self, keep: impl Fn(&geai_sandbox::model::Project) -> bool) -> Vec<String> {
        let mut names: Vec<String> =
            self.sandbox.read(|s| s.projects.iter().filter(|p| keep(p)).map(|p| p.name.clone()).collect());
        names.sort_by_key(|n| n.to_lowercase());
        names
    }

    /// Connects with the organization token and `project`'s token, and waits for the projects list.
    pub async fn connect_with_both_tokens(&self, project: &str) {
        self.open("/connect").await;
        self.submit_connect_form(&self.organization_token(), &self.project_token(project)).await;
        self.wait_for_project_rows().await;
    }

    /// What the sandbox's export answers for `project` with `query` (e.g. `status=failed&count=10000`), read
    /// over HTTP as the dashboard would: the rows, in either dialect's shape, as JSON objects.
    pub async fn export_rows(&self, project: &str, query: &str) -> Vec<serde_json::Value> {
        let answer: serde_json::Value = reqwest::Client::new()
            .get(format!("{}/v1/organization/request/export?{query}", self.url))
            .bearer_auth(self.project_token(project))
            .send()
            .await
            .expect("the export answers")
            .json()
            .await
            .expect("the export is JSON");
        match answer {
            serde_json::Value::Array(rows) => rows.into_iter().map(|row| row["item"].clone()).collect(),
            object => object["items"].as_array().cloned().unwrap_or_default(),
        }
    }

    /// The status the API answers `GET path` sent with `token`: how a test sees whether a token works.
    pub async fn status_with_token(&self, token: &str, path: &str) -> u16 {
        reqwest::Client::new()
            .get(format!("{}{path}", self.url))
            .bearer_auth(token)
            .send()
            .await
            .expect("the sandbox answers")
            .status()
            .as_u16()
    }

    /// `GET path` with the organization token, as JSON.
    pub async fn get_json(&self, path: &str) -> serde_json::Value {
        json_answer(reqwest::Client::new().get(format!("{}{path}", self.url)).bearer_auth(self.organization_token()))
            .await
    }

    /// `GET path` with the organization token and one more header (`project-id`, `organization-id`), as JSON:
    /// the access-control calls name their project or organization this way.
    pub async fn get_json_about(&self, path: &str, (name, value): (&str, &str)) -> serde_json::Value {
        let request = reqwest::Client::new().get(format!("{}{path}", self.url)).bearer_auth(self.organization_token());
        json_answer(request.header(name, value)).await
    }

    /// The seeded organization's id.
    pub fn organization_id(&self) -> String {
        self.sandbox.read(|s| s.organization.id.clone())
    }

    /// The project's tokens as `GET /project/{id}/tokens` lists them: (name, secret, status).
    pub async fn listed_tokens(&self, project: &str) -> Vec<(String, String, String)> {
        let list = self.get_json(&format!("/v1/organization/project/{}/tokens", self.project_id(project))).await;
        list["tokens"]
            .as_array()
            .map(|tokens| {
                tokens
                    .iter()
                    .map(|t| {
                        let text = |key: &str| t[key].as_str().unwrap_or_default().to_string();
                        (text("name"), text("id"), text("status"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The id of the project called `name`.
    pub fn project_id(&self, name: &str) -> String {
        self.sandbox
            .read(|s| s.projects.iter().find(|p| p.name == name).map(|p| p.id.clone()))
            .unwrap_or_else(|| panic!("no project called {name:?}"))
    }

    /// Every token of the project called `name`, as the sandbox holds them: (name, secret, blocked).
    pub fn project_tokens(&self, name: &str) -> Vec<(String, String, bool)> {
        self.sandbox.read(|s| {
            s.projects
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.tokens.iter().map(|t| (t.name.clone(), t.id.clone(), t.blocked)).collect())
                .unwrap_or_default()
        })
    }

    /// Opens a project's screen and waits for its details.
    pub async fn open_project(&self, name: &str) {
        self.open(&format!("/projects/{}", self.project_id(name))).await;
        self.browser.wait_for_text("h1", name).await;
    }

    /// The texts of the notifications shown now.
    pub async fn toasts(&self) -> Vec<String> {
        let texts =
            self.browser.eval("return [...document.querySelectorAll('.toast-text')].map(e => e.innerText)").await;
        serde_json::from_value(texts).unwrap_or_default()
    }

    /// Waits for a notification that contains `expected`, and returns its text.
    pub async fn wait_for_toast(&self, expected: &str) -> String {
        self.browser
            .wait_until(&format!("a notification with {expected:?}"), || async {
                self.toasts().await.into_iter().find(|t| t.contains(expected))
            })
            .await
    }

    /// Opens a path of the dashboard, e.g. `/connect`.
    pub async fn open(&self, path: &str) {
        self.browser.goto(&format!("{}{path}", self.url)).await;
    }

    /// Fills the connect form and submits it; does not wait for the outcome.
    pub async fn submit_connect_form(&self, organization_token: &str, project_token: &str) {
        self.browser.element("#organization-token").await;
        self.browser.type_into("#organization-token", organization_token).await;
        self.browser.type_into("#project-token", project_token).await;
        self.browser.click("form button[type=submit]").await;
    }

    /// Connects with the organization token from the connect screen and waits for the projects list.
    pub async fn connect_with_organization_token(&self) {
        self.open("/connect").await;
        self.submit_connect_form(&self.organization_token(), "").await;
        self.wait_for_project_rows().await;
    }

    /// Waits until the projects table has rows, and returns their names in order.
    pub async fn wait_for_project_rows(&self) -> Vec<String> {
        self.browser
            .wait_until("project rows", || async {
                let names = self.shown_project_names().await;
                (!names.is_empty()).then_some(names)
            })
            .await
    }

    /// Waits until the table shows exactly `expected`, in order.
    pub async fn wait_for_projects(&self, expected: &[String]) {
        self.browser
            .wait_until(&format!("the projects {expected:?}"), || async {
                (self.shown_project_names().await == expected).then_some(())
            })
            .await
    }

    /// The project names in the table now, in order.
    pub async fn shown_project_names(&self) -> Vec<String> {
        let names = self
            .browser
            .eval(
                "return [...document.querySelectorAll('table.data-table tbody th[scope=row]')].map(e => e.textContent)",
            )
            .await;
        serde_json::from_value(names).unwrap_or_default()
    }

    /// What the tab keeps in sessionStorage under the dashboard's key.
    pub async fn stored_connection(&self) -> Option<String> {
        let script = format!("return sessionStorage.getItem({})", json!(geai_admin::session::STORAGE_KEY));
        self.browser.eval(&script).await.as_str().map(str::to_string)
    }

    /// Everything in both web storages, as `[sessionStorage entries, localStorage entries]`.
    pub async fn storage_sizes(&self) -> (u64, u64) {
        let sizes = self.browser.eval("return [sessionStorage.length, localStorage.length]").await;
        (sizes[0].as_u64().unwrap_or(0), sizes[1].as_u64().unwrap_or(0))
    }

    /// Makes matching API requests fail as `fault` says (see geai-sandbox's faults): the next `times` of them,
    /// or, with `None`, every one until `sandbox.faults().clear()`.
    pub fn inject_fault(&self, method: &str, path: &str, fault: &str, times: impl Into<Option<u32>>) {
        let rule =
            FaultRule { method: Some(method.into()), path: path.into(), fault: fault.into(), times: times.into() };
        self.sandbox.faults().add(rule).expect("a valid fault");
    }

    /// Every API request the sandbox received from the page, oldest first, with what became of it.
    pub fn api_requests(&self) -> Vec<Entry> {
        self.sandbox.journal().entries()
    }

    /// Waits until the sandbox has seen a request whose path and query start with `uri_prefix` end as `outcome`.
    pub async fn wait_for_request(&self, uri_prefix: &str, outcome: Outcome) -> Entry {
        self.browser
            .wait_until(&format!("a request to {uri_prefix} that ends {outcome:?}"), || async {
                self.api_requests().into_iter().find(|e| e.uri.starts_with(uri_prefix) && e.outcome == outcome)
            })
            .await
    }

    /// The sandbox's main Arcee API key.
    pub fn arcee_key(&self) -> String {
        self.sandbox.arcee_key()
    }

    /// Connects the Arcee installation (the sandbox's `/v2`) with `key` from the connect screen; does not wait.
    pub async fn submit_arcee_form(&self, key: &str, organization: &str) {
        self.open("/connect?kind=arcee").await;
        self.browser.type_into("#arcee-key", key).await;
        self.browser.type_into("#arcee-org", organization).await;
        self.browser.click("form button[type=submit]").await;
    }

    /// Connects Arcee with the main key and waits for the account screen.
    pub async fn connect_arcee(&self) {
        self.submit_arcee_form(&self.arcee_key(), "").await;
        self.browser.wait_for_text(".account-email", "@").await;
    }

    /// `GET path` (below `/v2`) of the Arcee API with the sandbox's main key, as JSON.
    pub async fn arcee_get_json(&self, path: &str) -> serde_json::Value {
        json_answer(reqwest::Client::new().get(format!("{}/v2{path}", self.url)).header("X-Token", self.arcee_key()))
            .await
    }

    /// Clicks the element matching `css` twice in one go, as a double click or an impatient user does: the
    /// second click comes before anything the first one started can answer.
    pub async fn double_click(&self, css: &str) {
        self.browser.element(css).await;
        let script = format!("const e = document.querySelector({}); e.click(); e.click(); return true", json!(css));
        self.browser.eval(&script).await;
    }

    /// The status the Arcee API answers `GET path` (below `/v2`) sent with `key` in `X-Token`.
    pub async fn arcee_status_with_key(&self, key: &str, path: &str) -> u16 {
        reqwest::Client::new()
            .get(format!("{}/v2{path}", self.url))
            .header("X-Token", key)
            .send()
            .await
            .expect("the sandbox answers")
            .status()
            .as_u16()
    }

    /// The requests the sandbox received whose method is `method` and whose path starts with `prefix`.
    pub fn requests_to(&self, method: &str, prefix: &str) -> usize {
        self.api_requests().iter().filter(|e| e.method == method && e.uri.starts_with(prefix)).count()
    }

    /// Sets a form control's value by script and fires `input`, as typing would: for date inputs, whose
    /// keyboard entry follows the browser's locale.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.browser.element(css).await;
        let script = format!(
            "const e = document.querySelector({}); e.value = {}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); return true",
            json!(css),
            json!(value)
        );
        self.browser.eval(&script).await;
    }

    /// Runs axe-core on the current screen; fails on any violation.
    pub async fn audit_accessibility(&self, screen: &str) {
        axe::audit(&self.browser, screen).await;
    }
}

/// Sends `request` to the sandbox and reads its answer as JSON.
async fn json_answer(request: reqwest::RequestBuilder) -> serde_json::Value {
    request.send().await.expect("the sandbox answers").json().await.expect("JSON")
}
