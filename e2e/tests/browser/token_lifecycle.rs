//! Managing tokens: a new one shown once, block and unblock, describe, revoke after a confirmation, and several
//! at once from the audit; the sandbox refuses what was blocked or revoked.

use geai_e2e::Dashboard;

const ASSISTANTS: &str = "/v1/organization/assistants";

async fn token_row_text(app: &Dashboard, name: &str) -> String {
    let script = format!(
        "const row = [...document.querySelectorAll('tbody tr')].find(r => r.querySelector('th') && r.querySelector('th').innerText === {});
         return row ? row.innerText : ''",
        serde_json::json!(name)
    );
    app.browser.eval(&script).await.as_str().unwrap_or_default().to_string()
}

async fn wait_for_row(app: &Dashboard, name: &str, expected: &str) -> String {
    app.browser
        .wait_until(&format!("token {name} to show {expected}"), || async {
            let text = token_row_text(app, name).await;
            text.contains(expected).then_some(text)
        })
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_token_is_shown_once_then_masked_and_works() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Data Insights").await;
    app.browser.click(".token-toolbar button").await;
    app.browser.type_into("#new-token-name", "CI pipeline").await;
    app.browser.type_into("#new-token-description", "Nightly build").await;
    app.browser.click("form.new-token button[type=submit]").await;
    app.browser.wait_for_text(".shown-once", "will not be shown again").await;
    let (_, secret, status) =
        app.listed_tokens("Data Insights").await.into_iter().find(|t| t.0 == "CI pipeline").expect("created");
    assert_eq!(status, "Active");
    assert_eq!(app.browser.text(".shown-once .secret-value").await, secret);
    app.wait_for_toast("Token \u{201c}CI pipeline\u{201d} was created").await;
    assert_eq!(app.status_with_token(&secret, ASSISTANTS).await, 200, "the new token works");

    app.browser.click(".shown-once .actions button").await;
    let row = wait_for_row(&app, "CI pipeline", "Nightly build").await;
    assert!(!app.browser.text("main").await.contains(&secret), "masked once the panel is gone: {row}");
    assert!(row.contains(&format!("\u{2022}\u{2022}\u{2022}\u{2022}{}", &secret[secret.len() - 4..])));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn block_unblock_describe_and_revoke() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Data Insights").await;
    let (_, secret, _) = app.listed_tokens("Data Insights").await.into_iter().find(|t| t.0 == "Default").unwrap();
    wait_for_row(&app, "Default", "Active").await;

    app.browser.click("button[aria-label='Block token Default']").await;
    app.wait_for_toast("was blocked").await;
    wait_for_row(&app, "Default", "Blocked").await;
    assert_eq!(app.status_with_token(&secret, ASSISTANTS).await, 401, "a blocked token is refused at once");

    app.browser.click("button[aria-label='Unblock token Default']").await;
    app.wait_for_toast("was unblocked").await;
    wait_for_row(&app, "Default", "Active").await;
    assert_eq!(app.status_with_token(&secret, ASSISTANTS).await, 200, "unblocked, it works again");

    app.browser.click("button[aria-label='Describe token Default']").await;
    // No 8 characters of the secret are anywhere in the page, attributes included, forwards or backwards (the
    // mask shows 4; 8 hex characters cannot match by chance).
    let html = app.browser.eval("return document.documentElement.outerHTML").await.as_str().unwrap().to_string();
    let reversed: String = secret.chars().rev().collect();
    for text in [&secret, &reversed] {
        for start in 0..=text.len() - 8 {
            let piece = &text[start..start + 8];
            assert!(!html.contains(piece), "{piece} of the secret is in the page");
        }
    }
    app.browser.type_into(".inline-form input", "Used by the <b>warehouse</b> sync\u{e007}").await;
    wait_for_row(&app, "Default", "Used by the <b>warehouse</b> sync").await;
    assert_eq!(app.browser.eval("return document.querySelectorAll('tbody b').length").await, 0, "as text");

    app.browser.click("button[aria-label='Revoke token Default']").await;
    let dialog = app.browser.wait_for_text("#revoke-token", "Revoke token \u{201c}Default\u{201d}?").await;
    assert!(dialog.contains("stops working at once"), "{dialog}");
    app.browser.click("#revoke-token button[type=button]").await;
    assert_eq!(app.status_with_token(&secret, ASSISTANTS).await, 200, "Cancel revokes nothing");
    app.browser.click("button[aria-label='Revoke token Default']").await;
    app.browser.click("#revoke-token button[type=submit]").await;
    app.wait_for_toast("was revoked").await;
    let row = wait_for_row(&app, "Default", "Revoked").await;
    assert!(!row.contains("Block"), "a revoked token has nothing left to do: {row}");
    assert_eq!(app.status_with_token(&secret, ASSISTANTS).await, 401, "a revoked token stops working");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoking_the_token_this_tab_uses_warns_first() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens("Customer Support").await;
    app.open_project("Customer Support").await;
    wait_for_row(&app, "Default", "In use in this tab").await;
    app.browser.click("button[aria-label='Revoke token Default']").await;
    app.browser.wait_for_text("#revoke-token", "This tab uses this token").await;
    app.audit_accessibility("revoke dialog, token in use").await;
    app.browser.client.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();
    assert_eq!(app.status_with_token(&app.project_token("Customer Support"), ASSISTANTS).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_three_tokens_at_once_reports_each() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/tokens?status=active").await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects").await;
    let picks = ["Customer Support", "Data Insights", "HR Knowledge Base"];
    for project in picks {
        app.browser.click(&format!("input[aria-label='Select token Default of {project}']")).await;
    }
    app.browser.wait_for_text(".bulk-bar", "3 selected").await;
    // One of the three fails, and is reported as such.
    let (_, failing, _) = app.listed_tokens("HR Knowledge Base").await.into_iter().find(|t| t.0 == "Default").unwrap();
    app.inject_fault("PUT", &format!("/v2/projects/tokens/{failing}"), "status=503", 1);
    app.browser.click(".bulk-bar button:nth-of-type(1)").await;
    let dialog = app.browser.wait_for_text("#bulk-confirm", "Block 3 tokens?").await;
    assert!(picks.iter().all(|p| dialog.contains(p)), "{dialog}");
    app.audit_accessibility("bulk confirmation").await;
    app.browser.click("#bulk-confirm button[type=submit]").await;
    let results = app.browser.wait_for_text(".bulk-results", "3 of 3 done").await;
    assert_eq!(results.matches('\u{2713}').count(), 2, "{results}");
    assert!(
        results.contains("\u{2717} \u{201c}Default\u{201d} of HR Knowledge Base") && results.contains("503"),
        "{results}"
    );
    for (project, blocked) in [("Customer Support", true), ("Data Insights", true), ("HR Knowledge Base", false)] {
        let status = app.listed_tokens(project).await.into_iter().find(|t| t.0 == "Default").unwrap().2;
        assert_eq!(status == "Blocked", blocked, "{project}: {status}");
    }
    app.wait_for_toast("2 of 3 tokens blocked").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_names_that_are_html_render_as_text() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Legal Review").await;
    let name = r#"<img src=x onerror="window.__owned=1">"#;
    app.browser.click(".token-toolbar button").await;
    app.browser.type_into("#new-token-name", name).await;
    app.browser.type_into("#new-token-description", "<script>window.__owned=2</script>").await;
    app.browser.click("form.new-token button[type=submit]").await;
    app.browser.wait_for_text(".shown-once", name).await;
    wait_for_row(&app, name, "<script>").await;
    app.open("/tokens").await;
    app.browser.wait_for_text("tbody", name).await;
    assert_eq!(app.browser.eval("return window.__owned === undefined").await, true);
    assert_eq!(app.browser.eval("return document.querySelectorAll('main img, main script').length").await, 0);
}
