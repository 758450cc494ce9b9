//! A project's screen: its facts, its usage limit, its tokens masked with Reveal and Copy, "use this token",
//! and what a project token alone may see.

use geai_e2e::Dashboard;
use geai_sandbox::journal::Outcome;

const MASK: &str = "\u{2022}\u{2022}\u{2022}\u{2022}";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_row_opens_the_project_with_its_facts_usage_limit_and_masked_tokens() {
    let app = Dashboard::start().await;
    app.browser.allow_clipboard(&app.url).await;
    app.connect_with_organization_token().await;
    app.browser.click("tbody th a").await;
    let id = app.project_id("Customer Support");
    app.browser.wait_for_text("h1", "Customer Support").await;
    assert_eq!(app.browser.location().await, format!("/projects/{id}"));

    let facts = app.browser.text(".facts").await;
    for expected in [id.as_str(), "Acme Demo Org", "Default: Documents uploaded to the project", "Active"] {
        assert!(facts.contains(expected), "{expected:?} in {facts}");
    }
    let usage = app.browser.text(".usage-limit").await;
    for expected in ["12.5 of 100 Cost used", "soft limit 80", "87.5 remaining", "Monthly", "Renewable"] {
        assert!(usage.contains(expected), "{expected:?} in {usage}");
    }
    // The meter carries the exact amounts the server sent.
    let detail = app.get_json(&format!("/v1/organization/project/{id}")).await;
    let meter = app.browser.eval("const m = document.querySelector('[role=meter]'); return [m.getAttribute('aria-valuenow'), m.getAttribute('aria-valuemax')]").await;
    let used: f64 = meter[0].as_str().unwrap().parse().unwrap();
    assert_eq!(used, detail["usageLimit"]["usedAmount"].as_f64().unwrap());
    assert_eq!(meter[1], "100");

    // The token: masked to its last four characters until revealed; Copy puts the whole value on the clipboard.
    let (_, secret, _) = app.project_tokens("Customer Support").remove(0);
    let masked = app.browser.wait_for_text("tbody .secret-value", MASK).await;
    assert_eq!(masked, format!("{MASK}{}", &secret[secret.len() - 4..]));
    assert!(!app.browser.text("main").await.contains(&secret), "the secret is not on the page before Reveal");
    app.browser.click("button[aria-label='Reveal token Default']").await;
    app.browser.wait_for_text("tbody .secret-value", &secret).await;
    // Named by what it shows, then what it acts on (WCAG 2.5.3): "Hide" is now "Hide token Default".
    app.browser.click("button[aria-label='Hide token Default']").await;
    app.browser.wait_for_text("tbody .secret-value", MASK).await;
    app.browser.click("button[aria-label='Copy token Default']").await;
    app.browser.wait_for_text("button[aria-label='Copied token Default']", "Copied").await;
    assert_eq!(app.browser.clipboard_text().await, secret);

    // Created: relative, with the exact date for hover and screen readers.
    let created = app
        .browser
        .eval("const t = document.querySelector('.token-table tbody time'); return [t.innerText, t.title]")
        .await;
    assert!(created[0].as_str().unwrap().contains("ago"), "{created}");
    assert!(created[1].as_str().unwrap().ends_with("UTC"), "{created}");
    assert!(created[0].as_str().unwrap().contains(created[1].as_str().unwrap()), "the exact date is in the text too");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn usage_limits_show_how_close_each_project_is() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Sales Assistant").await;
    app.browser.wait_for_text(".usage-limit", "Soft limit reached").await;
    assert!(app.browser.text(".usage-limit").await.contains("4,321 of 5,000 Requests used"));
    app.open_project("Marketing Copy").await;
    app.browser.wait_for_text(".usage-limit", "Hard limit reached").await;
    assert!(app.browser.text(".usage-limit").await.contains("Empty (hard limit reached)"));
    app.open_project("HR Knowledge Base").await;
    app.browser.wait_for_text("main", "No limit is in force").await;
    app.browser.element("button[aria-label='Reveal token Default']").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn use_this_token_sets_the_sessions_project_token_after_the_assistants_call_works() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Sales Assistant").await;
    let tokens = app.project_tokens("Sales Assistant");
    let (_, active, _) = tokens.iter().find(|t| !t.2).cloned().unwrap();
    let blocked = tokens.iter().find(|t| t.2).expect("a blocked seeded token");
    let blocked_button = format!("button[aria-label='Use for assistants and requests (token {})']", blocked.0);
    assert_eq!(app.browser.eval(&format!("return document.querySelector(\"{blocked_button}\").disabled")).await, true);

    app.browser.click("button[aria-label='Use for assistants and requests (token Default)']").await;
    let toast = app.wait_for_toast("now uses token").await;
    assert!(toast.contains("Sales Assistant") && toast.contains("4 assistants found"), "{toast}");
    let call = app.wait_for_request("/v1/organization/assistants", Outcome::Answered(200)).await;
    assert_eq!(call.auth.as_deref(), Some("bearer"));
    app.browser.wait_for_text(".token-table tbody", "In use in this tab").await;
    let stored = app.stored_connection().await.unwrap();
    assert!(stored.contains(&active), "the session holds the chosen project token");
    app.open("/connect").await;
    app.browser.wait_for_text(".card", "Project token").await;
    assert!(app.browser.text(".card").await.contains("Sales Assistant"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_token_alone_sees_its_own_project_and_no_other() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.submit_connect_form("", &app.project_token("Legal Review")).await;
    // Home, with only a project token, is that project.
    app.browser.wait_for_text("h1", "Legal Review").await;
    assert_eq!(app.browser.location().await, format!("/projects/{}", app.project_id("Legal Review")));
    app.browser.wait_for_text("main", "needs an organization token").await;
    assert!(app.browser.text(".usage-limit").await.contains("Cancelled"));
    let edit_links = app.browser.eval("return document.querySelectorAll('a[href$=\"/edit\"]').length").await;
    assert_eq!(edit_links, 0, "no Edit without an organization token");

    app.audit_accessibility("project, with a project token only").await;
    app.open(&format!("/projects/{}", app.project_id("Customer Support"))).await;
    app.browser.wait_for_text(".error-panel", "may not do that").await;
    assert!(app.browser.text(".error-panel").await.contains("ApiToken Out Of Scope (error 7)"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_leave_the_focus_alone_and_can_be_dismissed() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Customer Support").await;
    let button = "button[aria-label='Use for assistants and requests (token Default)']";
    app.browser.element(button).await.click().await.unwrap();
    app.wait_for_toast("now uses token").await;
    let focused = format!("return document.activeElement === document.querySelector(\"{button}\")");
    assert_eq!(app.browser.eval(&focused).await, true, "the notification did not take the focus");
    let live = app.browser.eval("return document.querySelector('.toasts ul').getAttribute('aria-live')").await;
    assert_eq!(live, "polite");

    app.browser.click(".toast button[aria-label='Dismiss notification']").await;
    app.browser.wait_until("the notification gone", || async { app.toasts().await.is_empty().then_some(()) }).await;
}
