//! Connecting, the session's life in sessionStorage, and signing out.

use geai_e2e::Dashboard;
use geai_sandbox::config::Config;
use geai_sandbox::{LocalServer, Sandbox};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connecting_with_the_organization_token_lists_the_projects() {
    let app = Dashboard::start().await;
    app.open("/").await;
    app.browser
        .wait_until("the connect screen", || async { (app.browser.location().await == "/connect").then_some(()) })
        .await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_projects(&app.active_project_names()).await;
    assert_eq!(app.browser.location().await, "/projects");
    assert!(app.browser.text(".app-header").await.contains("Acme Demo Org"), "the header names the organization");
    let stored = app.stored_connection().await.expect("the connection is in sessionStorage");
    assert!(stored.contains(&app.organization_token()));
    assert_eq!(app.storage_sizes().await, (1, 0), "one sessionStorage entry, nothing in localStorage");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_gets_a_clear_message_and_nothing_is_stored() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.submit_connect_form("geai_org_not-a-real-token", "").await;
    let message = app.browser.wait_for_text("#organization-token-error", "rejected the token").await;
    assert!(message.contains("Unauthorized (error 401)"), "the server's own words: {message}");
    assert_eq!(app.browser.location().await, "/connect");
    assert_eq!(app.storage_sizes().await, (0, 0));
    let typed = app.browser.eval("return document.querySelector('#organization-token').value").await;
    assert_eq!(typed, "geai_org_not-a-real-token", "what was typed stays");
    let invalid =
        app.browser.eval("return document.querySelector('#organization-token').getAttribute('aria-invalid')").await;
    assert_eq!(invalid, "true");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_in_the_wrong_field_is_explained_and_both_scopes_are_shown() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    let project_token = app.project_token("Customer Support");
    app.submit_connect_form(&project_token, "").await;
    app.browser.wait_for_text("#organization-token-error", "This is a project token").await;
    assert_eq!(app.stored_connection().await, None);

    app.submit_connect_form(&app.organization_token(), &project_token).await;
    app.wait_for_project_rows().await;
    app.open("/connect").await;
    let summary = app.browser.wait_for_text(".card", "Customer Support").await;
    assert!(summary.contains("Acme Demo Org"), "{summary}");
    assert!(!summary.contains(&project_token), "tokens are masked: {summary}");
    assert!(summary.contains(&project_token[project_token.len() - 4..]), "the last four characters are shown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_appears_in_the_url() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let url = app.browser.client.current_url().await.unwrap().to_string();
    assert!(!url.contains(&app.organization_token()), "{url}");
    let requests = app.api_requests();
    assert!(!requests.is_empty());
    for request in requests {
        assert!(!request.uri.contains(&app.organization_token()), "a token in a request URL: {}", request.uri);
    }
    let history = app.browser.eval("return history.length").await;
    assert!(history.as_u64().unwrap_or(0) >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_keeps_the_session_and_a_new_tab_does_not() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.browser.reload().await;
    app.wait_for_projects(&app.active_project_names()).await;

    let tab = app.browser.client.new_window(true).await.expect("a new tab");
    app.browser.client.switch_to_window(tab.handle).await.expect("switch to it");
    app.open("/projects").await;
    app.browser.wait_for_text(".error-panel", "needs an organization token").await;
    assert_eq!(app.stored_connection().await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_empties_session_storage() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.browser.click(".app-header button.sign-out").await;
    app.browser
        .wait_until("the connect screen", || async { (app.browser.location().await == "/connect").then_some(()) })
        .await;
    assert_eq!(app.storage_sizes().await, (0, 0));
    app.open("/projects").await;
    app.browser.wait_for_text(".error-panel", "needs an organization token").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_token_alone_is_told_which_token_the_projects_need() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.submit_connect_form("", &app.project_token("Legal Review")).await;
    // Home, for a project token alone, is its project; the projects list says what it needs.
    app.browser.wait_for_text("h1", "Legal Review").await;
    app.open("/projects").await;
    let panel = app.browser.wait_for_text(".error-panel", "needs an organization token").await;
    assert!(panel.contains("Add an organization token"), "{panel}");
    app.browser.click(".error-panel a").await;
    app.browser
        .wait_until("the connect screen", || async {
            app.browser.location().await.starts_with("/connect?next=").then_some(())
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_basic_can_be_chosen_and_is_what_the_server_receives() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.browser.click("#auth-basic").await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_projects(&app.active_project_names()).await;
    app.browser.reload().await;
    app.wait_for_projects(&app.active_project_names()).await;
    let schemes: Vec<Option<String>> = app.api_requests().into_iter().map(|r| r.auth).collect();
    assert!(!schemes.is_empty());
    assert!(schemes.iter().all(|s| s.as_deref() == Some("basic")), "every request used Basic: {schemes:?}");

    app.open("/connect").await;
    app.browser.wait_for_text(".card", "HTTP Basic").await;
    assert_eq!(app.browser.eval("return document.querySelector('#auth-basic').checked").await, true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_connect_input_is_explained_next_to_its_field_and_nothing_typed_is_lost() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.submit_connect_form("", "").await;
    app.browser.wait_for_text(".form-error", "Paste an organization token, a project token, or both.").await;

    app.browser.type_into("#base-url", "api.example.com").await;
    app.submit_connect_form("some-token", "").await;
    app.browser.wait_for_text("#base-url-error", "must start with http:// or https://").await;

    // Nothing listens on port 1: the message says the server could not be reached, on the token it checked.
    app.browser.type_into("#base-url", "http://127.0.0.1:1").await;
    app.browser.click("form button[type=submit]").await;
    app.browser.wait_for_text("#organization-token-error", "could not be reached").await;
    let kept = app
        .browser
        .eval("return [document.querySelector('#base-url').value, document.querySelector('#organization-token').value]")
        .await;
    assert_eq!(kept, serde_json::json!(["http://127.0.0.1:1", "some-token"]), "what was typed stays");
    assert_eq!(app.storage_sizes().await, (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_home_address_leads_to_the_projects_once_connected() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/").await;
    app.browser
        .wait_until("the projects", || async { (app.browser.location().await == "/projects").then_some(()) })
        .await;
    app.wait_for_project_rows().await;
}

/// Whether something accepts connections on `url`'s port (`http://127.0.0.1:PORT`).
async fn listening(url: &str) -> bool {
    tokio::net::TcpStream::connect(url.trim_start_matches("http://")).await.is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_installation_that_refuses_this_origin_is_told_apart_from_one_that_does_not_answer() {
    let app = Dashboard::start().await;
    // The installation: a second sandbox on another port (so another origin) that allows no origin by CORS.
    let refusing = Sandbox::new(Config { no_cors: true, ..Config::default() }).expect("a sandbox");
    let installation = LocalServer::start(refusing).await.expect("serving on 127.0.0.1");
    let (base_url, token) = (installation.url.clone(), installation.sandbox.tokens().0);
    assert_ne!(base_url, app.url, "two origins");

    app.open("/connect").await;
    app.browser.element("#organization-token").await;
    app.browser.type_into("#base-url", &base_url).await;
    app.submit_connect_form(&token, "").await;
    let said = app.browser.wait_for_text(".origin-refused", "did not allow this page's origin").await;
    assert!(said.contains(&format!("cargo xtask run --upstream {base_url}")), "the command, filled in: {said}");
    assert!(said.contains(&format!("from {}", app.url)), "this page's origin is named: {said}");
    assert!(said.contains("Deploying") && said.contains("deploy/README.md"), "the other way out: {said}");
    assert!(!said.contains(&token), "no token in the explanation");
    let at_address = app.browser.wait_for_text("#base-url-error", "does not allow this page's origin (CORS)").await;
    assert!(!at_address.contains("Failed to fetch"), "no word of a failed fetch: the server answered: {at_address}");
    assert_eq!(
        app.browser.text("#organization-token-error").await,
        "",
        "the refusal is about the address, not the token"
    );
    let copy =
        app.browser.eval("return document.querySelector('.origin-refused button').getAttribute('aria-label')").await;
    assert!(copy.as_str().unwrap_or_default().contains("command"), "the command has a copy button: {copy}");
    let requests = installation.sandbox.journal().entries();
    assert!(
        requests.iter().all(|entry| entry.method != "GET" || entry.auth.is_none()),
        "nothing carrying a token was let through to the installation: {requests:?}"
    );
    assert_eq!(app.storage_sizes().await, (0, 0), "nothing stored");
    app.audit_accessibility("connect, the installation refused this origin").await;
    app.browser.screenshot("connect-origin-refused-light").await;

    // The Arcee form says the same, with its own flag and the address typed there.
    app.browser.click("a[href^='/connect?kind=arcee']").await;
    app.browser.type_into("#arcee-base-url", &format!("{base_url}/v2")).await;
    app.browser.type_into("#arcee-key", &installation.sandbox.arcee_key()).await;
    app.browser.click("form button[type=submit]").await;
    let said = app.browser.wait_for_text(".origin-refused", "did not allow this page's origin").await;
    assert!(said.contains(&format!("cargo xtask run --arcee-upstream {base_url}/v2")), "{said}");
    app.browser.wait_for_text("#arcee-base-url-error", "(CORS)").await;

    // The installation stopped: nothing answers the probe either, so the screen says it could not be reached.
    drop(installation);
    app.browser
        .wait_until("the installation's port to close", || async { (!listening(&base_url).await).then_some(()) })
        .await;
    app.browser.click("a[href^='/connect?kind=geai']").await;
    app.browser.type_into("#base-url", &base_url).await;
    app.submit_connect_form(&token, "").await;
    app.browser.wait_for_text("#organization-token-error", "could not be reached").await;
    let explained = app.browser.eval("return document.querySelectorAll('.origin-refused').length").await;
    assert_eq!(explained, 0, "no CORS explanation when nothing answers");
    assert_eq!(app.browser.text("#base-url-error").await, "");
    app.audit_accessibility("connect, the installation did not answer").await;
}
