//! Connecting an Arcee installation beside the Organization API: the key checked with whoami, kept in
//! sessionStorage only, and the navigation showing the screens of what is connected.

use geai_admin::session::ARCEE_STORAGE_KEY;
use geai_e2e::Dashboard;
use serde_json::json;

async fn stored_arcee(app: &Dashboard) -> Option<String> {
    let script = format!("return sessionStorage.getItem({})", json!(ARCEE_STORAGE_KEY));
    app.browser.eval(&script).await.as_str().map(str::to_string)
}

async fn nav_links(app: &Dashboard) -> Vec<String> {
    let links = app
        .browser
        .eval("return [...document.querySelectorAll('nav[aria-label=Main] a')].map(a => a.getAttribute('href'))")
        .await;
    serde_json::from_value(links).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_key_is_named_at_its_field_and_nothing_is_stored() {
    let app = Dashboard::start().await;
    app.submit_arcee_form("arc_not_a_key", "").await;
    let message = app.browser.wait_for_text("#arcee-key-error", "Invalid API key").await;
    assert!(message.contains("rejected"), "the dashboard's own words come first: {message}");
    assert_eq!(app.storage_sizes().await, (0, 0), "nothing in either storage");
    assert_eq!(app.browser.location().await, "/connect?kind=arcee");
    let attempt = app.api_requests().into_iter().find(|e| e.uri == "/v2/whoami").expect("whoami was asked");
    assert_eq!(attempt.auth.as_deref(), Some("x-token"), "the key went in the X-Token header");

    // An organization the user is not a member of is named at its own field.
    app.submit_arcee_form(&app.arcee_key(), "other-co").await;
    app.browser.wait_for_text("#arcee-org-error", "Not a member of organization 'other-co'").await;
    assert_eq!(app.storage_sizes().await, (0, 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arcee_and_the_organization_api_are_connected_side_by_side() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    assert_eq!(app.browser.location().await, "/arcee");
    assert_eq!(app.browser.text(".account-email").await, "admin@sandbox.example");
    assert_eq!(app.browser.text(".account-org").await, "sandbox-labs");
    let key = app.arcee_key();
    let stored = stored_arcee(&app).await.expect("the Arcee connection is in sessionStorage");
    assert!(stored.contains(&key));
    assert_eq!(app.storage_sizes().await, (1, 0), "one sessionStorage entry, nothing in localStorage");
    assert!(app.api_requests().iter().all(|e| !e.uri.contains(&key)), "the key is never in a URL");
    assert!(!app.browser.text("main").await.contains(&key), "the key is shown masked only");

    // Only Arcee's screens are offered until the Organization API is connected too.
    let links = nav_links(&app).await;
    assert!(links.contains(&"/arcee/keys".to_string()) && !links.contains(&"/projects".to_string()), "{links:?}");
    app.open("/connect").await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_project_rows().await;
    let links = nav_links(&app).await;
    assert!(links.contains(&"/arcee/keys".to_string()) && links.contains(&"/projects".to_string()), "{links:?}");
    assert_eq!(app.storage_sizes().await, (2, 0));

    // A reload keeps both, and the screen.
    app.open("/arcee/keys").await;
    app.browser.wait_for_text("table.key-table", "Active").await;
    app.browser.reload().await;
    app.browser.wait_for_text("table.key-table", "Active").await;
    assert_eq!(app.browser.location().await, "/arcee/keys");

    // Disconnecting Arcee leaves the Organization API connected.
    app.open("/connect?kind=arcee").await;
    app.browser.click("#current-arcee ~ button").await;
    app.browser
        .wait_until("the Arcee links to go", || async {
            (!nav_links(&app).await.contains(&"/arcee/keys".to_string())).then_some(())
        })
        .await;
    assert_eq!(stored_arcee(&app).await, None);
    assert!(app.stored_connection().await.is_some());
    assert!(nav_links(&app).await.contains(&"/projects".to_string()));

    // An Arcee screen without a connection offers to connect, and comes back.
    app.open("/arcee/retrieval").await;
    app.browser.click("main a.button").await;
    app.browser.type_into("#arcee-key", &key).await;
    app.browser.click("form button[type=submit]").await;
    app.browser.wait_for_text("h1", "Retrieval").await;
    assert_eq!(app.browser.location().await, "/arcee/retrieval");
}
