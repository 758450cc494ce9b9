//! Arcee API keys: an expiry refused at the field, a new key shown once and then only masked, and deleting one
//! only after a confirmation.

use geai_e2e::Dashboard;

/// The full key shown in the created panel.
async fn created_key(app: &Dashboard) -> String {
    app.browser.wait_for_text(".shown-once .secret-value", "arc_").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_past_expiry_is_refused_at_the_field_and_a_new_key_is_shown_once() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    app.open("/arcee/keys").await;
    app.browser.wait_for_text("table.key-table", "Expired").await;
    let keys_before = app.browser.eval("return document.querySelectorAll('table.key-table tbody tr').length").await;

    for refused in ["2020-01-01", "2099-01-01"] {
        app.set_value("#key-expiry", refused).await;
        app.browser.click("form button[type=submit]").await;
        app.browser
            .wait_for_text("#key-expiry-error", if refused.starts_with("2020") { "future" } else { "730 days" })
            .await;
        assert_eq!(
            app.browser.eval("return document.querySelector('#key-expiry').getAttribute('aria-invalid')").await,
            "true"
        );
    }
    assert_eq!(app.requests_to("POST", "/v2/tokens"), 0, "nothing was sent");

    app.set_value("#key-expiry", &geai_e2e::dates::days_from_today(30)).await;
    app.browser.click("form button[type=submit]").await;
    let key = created_key(&app).await;
    assert_eq!(app.arcee_status_with_key(&key, "/whoami").await, 200, "the new key works at once");
    let masked = format!("\u{2022}\u{2022}\u{2022}\u{2022}{}", &key[key.len() - 4..]);
    app.browser
        .wait_until("the new key in the list", || async {
            let rows = app.browser.eval("return document.querySelectorAll('table.key-table tbody tr').length").await;
            (rows.as_u64() == keys_before.as_u64().map(|n| n + 1)).then_some(())
        })
        .await;
    assert!(app.browser.text("table.key-table").await.contains(&masked), "listed masked");

    app.browser.click(".shown-once .actions button").await;
    app.browser
        .wait_until("the panel to close", || async {
            (app.browser.eval("return document.querySelector('.shown-once') === null").await == true).then_some(())
        })
        .await;
    assert!(!app.browser.text("body").await.contains(&key), "after the panel, only masked");
    app.browser.reload().await;
    app.browser.wait_for_text("table.key-table", &masked).await;
    assert!(!app.browser.text("body").await.contains(&key), "after a reload, only masked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_a_key_needs_confirmation() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    // A second key to delete, made over HTTP.
    let response = reqwest::Client::new()
        .post(format!("{}/v2/tokens", app.url))
        .header("X-Token", app.arcee_key())
        .json(&serde_json::json!({ "expiry": geai_e2e::dates::days_from_today(10) }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let second: serde_json::Value = response.json().await.unwrap();
    let second_key = second["token"].as_str().unwrap().to_string();
    let hint = &second_key[second_key.len() - 4..];

    app.open("/arcee/keys").await;
    let button = format!("button[aria-label='Delete key \u{2022}\u{2022}\u{2022}\u{2022}{hint}']");
    app.browser.click(&button).await;
    app.browser.wait_for_text("#delete-key", hint).await;
    app.audit_accessibility("delete key dialog").await;
    app.browser.click("#delete-key button[type=button]").await;
    app.browser
        .wait_until("the dialog to close", || async {
            (app.browser.eval("return document.querySelector('#delete-key').open").await == false).then_some(())
        })
        .await;
    assert_eq!(app.requests_to("DELETE", "/v2/tokens/"), 0, "cancel deletes nothing");
    assert_eq!(app.arcee_status_with_key(&second_key, "/whoami").await, 200);

    app.browser.click(&button).await;
    app.browser.click("#delete-key button[type=submit]").await;
    app.wait_for_toast("was deleted").await;
    app.browser
        .wait_until("the row to go", || async {
            (!app.browser.text("table.key-table").await.contains(hint)).then_some(())
        })
        .await;
    assert_eq!(app.arcee_status_with_key(&second_key, "/whoami").await, 401, "the key no longer works");
    assert_eq!(app.arcee_status_with_key(&app.arcee_key(), "/whoami").await, 200, "the tab's own key still does");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_the_tabs_own_key_warns_and_disconnects_arcee() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    let key = app.arcee_key();
    let own = format!("\u{2022}\u{2022}\u{2022}\u{2022}{}", &key[key.len() - 4..]);
    app.open("/arcee/keys").await;
    app.browser.click(&format!("button[aria-label='Delete key {own}']")).await;
    app.browser.wait_for_text("#delete-key", "this tab is connected with").await;
    app.browser.click("#delete-key button[type=submit]").await;
    app.browser.wait_for_text("main", "No Arcee installation is connected").await;
    assert_eq!(app.arcee_status_with_key(&key, "/whoami").await, 401);
    assert_eq!(app.storage_sizes().await, (0, 0), "the deleted key is not kept");
}
