//! The lifetime policy of a call that changes the server: it runs to its end even if the user leaves the screen
//! that made it, and a secret its answer carries is shown wherever the user now is, once, never dropped. And one
//! submission per press, however quickly the button is pressed again.

use geai_e2e::dates::days_from_today;
use geai_e2e::Dashboard;

/// How long the sandbox holds the answer: long enough to leave the screen before it arrives.
const SLOW: &str = "delay=3000";

/// Waits for the shown-once dialog above the current screen and returns its text.
async fn shown_once_dialog(app: &Dashboard, expected: &str) -> String {
    app.browser.wait_for_text("dialog#shown-once[open]", expected).await
}

/// Closes the dialog with its button and checks that `secret` is then nowhere on the page.
async fn close_dialog_and_forget(app: &Dashboard, secret: &str) {
    app.browser.click("dialog#shown-once .actions button.primary").await;
    app.browser
        .wait_until("the dialog to close", || async {
            (app.browser.eval("return document.querySelector('dialog#shown-once[open]') === null").await == true)
                .then_some(())
        })
        .await;
    assert!(!app.browser.text("body").await.contains(secret), "once closed, the secret is gone from the page");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_created_as_the_user_leaves_its_screen_is_shown_on_the_next_one() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    app.open("/arcee/keys").await;
    app.browser.element("table.key-table").await;
    let keys = || async { app.arcee_get_json("/tokens").await["tokens"].as_array().map_or(0, Vec::len) };
    let before = keys().await;

    app.inject_fault("POST", "/v2/tokens", SLOW, 1);
    app.set_value("#key-expiry", &days_from_today(30)).await;
    app.browser.click("form button[type=submit]").await;
    app.browser.click("nav a[href='/arcee']").await;
    app.browser.wait_for_text(".account-email", "@").await;

    let shown = shown_once_dialog(&app, "arc_").await;
    assert!(shown.contains("Your new key"), "{shown}");
    assert_eq!(app.browser.location().await, "/arcee", "shown where the user went");
    let key = app.browser.text("dialog#shown-once .secret-value").await;
    assert_eq!(app.arcee_status_with_key(&key, "/whoami").await, 200, "the key shown is the one made");
    assert_eq!(keys().await, before + 1, "exactly one new key");
    assert_eq!(app.requests_to("POST", "/v2/tokens"), 1);
    app.audit_accessibility("shown-once dialog").await;
    close_dialog_and_forget(&app, &key).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_token_created_as_the_user_leaves_is_shown_on_the_next_screen() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Customer Support").await;
    let before = app.listed_tokens("Customer Support").await.len();

    app.browser.click(".token-toolbar button").await;
    app.browser.type_into("#new-token-name", "Left behind").await;
    app.inject_fault("POST", "/v2/projects/tokens", SLOW, 1);
    app.browser.click("form.new-token button[type=submit]").await;
    app.browser.click("nav a[href='/organization']").await;

    let shown = shown_once_dialog(&app, "Left behind").await;
    assert!(shown.contains("Customer Support"), "the dialog names the project: {shown}");
    assert_eq!(app.browser.location().await, "/organization");
    let listed = app.listed_tokens("Customer Support").await;
    assert_eq!(listed.len(), before + 1, "exactly one new token");
    let (_, secret, _) = listed.iter().find(|(name, _, _)| name == "Left behind").expect("the new token").clone();
    assert_eq!(app.browser.text("dialog#shown-once .secret-value").await, secret);
    close_dialog_and_forget(&app, &secret).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_projects_tokens_are_shown_when_the_user_left_during_the_creation() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects/new").await;
    app.browser.type_into("#project-name", "Left Behind").await;
    app.inject_fault("POST", "/v1/organization/project", SLOW, 1);
    app.browser.click("form button[type=submit]").await;
    // No "unsaved changes" question: the input is on its way to the server.
    app.browser.click("nav a[href='/organization']").await;

    let shown = shown_once_dialog(&app, "Left Behind").await;
    assert_eq!(app.browser.location().await, "/organization");
    let named = app.all_project_names().into_iter().filter(|name| name == "Left Behind").count();
    assert_eq!(named, 1, "exactly one new project");
    let tokens = app.listed_tokens("Left Behind").await;
    assert!(!tokens.is_empty(), "the sandbox gives a new project a token");
    for (name, secret, _) in &tokens {
        assert!(shown.contains(name.as_str()) && shown.contains(secret.as_str()), "{name} in {shown}");
    }
    assert!(app.browser.text("dialog#shown-once").await.contains("Save as a file"));
    close_dialog_and_forget(&app, &tokens[0].1).await;
}

/// Submits the form whose button is `button` with two clicks in one go; then, once its request is answered, the
/// sandbox has received exactly one.
async fn one_request_for_a_double_click(app: &Dashboard, button: &str, method: &str, path: &str, done: &str) {
    let before = app.requests_to(method, path);
    app.double_click(button).await;
    app.wait_for_toast(done).await;
    assert_eq!(app.requests_to(method, path), before + 1, "{button}: one {method} {path}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_on_an_organization_api_form_sends_one_request() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;

    app.open("/projects/new").await;
    app.browser.type_into("#project-name", "Twice Pressed").await;
    one_request_for_a_double_click(&app, "form button[type=submit]", "POST", "/v1/organization/project", "was created")
        .await;

    app.open_project("Customer Support").await;
    app.browser.click(".token-toolbar button").await;
    app.browser.type_into("#new-token-name", "Pressed twice").await;
    one_request_for_a_double_click(
        &app,
        "form.new-token button[type=submit]",
        "POST",
        "/v2/projects/tokens",
        "was created",
    )
    .await;

    app.open_project("HR Knowledge Base").await;
    app.browser.wait_for_text("main", "No limit is in force").await;
    app.browser.click(".limit-new button").await;
    app.browser.type_into("#new-limit-soft", "100").await;
    app.browser.type_into("#new-limit-hard", "200").await;
    one_request_for_a_double_click(
        &app,
        ".limit-form button[type=submit]",
        "POST",
        "/v2/usageLimits/",
        "new limit was set",
    )
    .await;

    let id = app.project_id("HR Knowledge Base");
    app.open(&format!("/projects/{id}/edit")).await;
    app.browser.type_into("#project-description", "Edited once").await;
    one_request_for_a_double_click(&app, "form button[type=submit]", "PUT", "/v1/organization/project/", "was saved")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_click_on_an_arcee_form_sends_one_request() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;

    app.open("/arcee/keys").await;
    app.set_value("#key-expiry", &days_from_today(30)).await;
    one_request_for_a_double_click(&app, "form button[type=submit]", "POST", "/v2/tokens", "was created").await;

    app.open("/arcee/organization").await;
    app.browser.type_into("#organization-name", "Twice Pressed").await;
    one_request_for_a_double_click(&app, "form button[type=submit]", "POST", "/v2/organizations", "was created").await;

    let slug = app.browser.text(".created-organization code").await;
    app.browser.type_into("#invite-organization", &slug).await;
    app.browser.type_into("#invitee-0", "once@example.com").await;
    let invite = "form[aria-labelledby=invite-heading] button[type=submit]";
    one_request_for_a_double_click(
        &app,
        invite,
        "POST",
        &format!("/v2/organizations/{slug}/invite"),
        "Invited 1 person",
    )
    .await;
}
