//! Preferences kept across tabs in localStorage: the theme, and saved installations (picked, renamed,
//! recoloured, forgotten). No token or key is ever in localStorage, checked after every flow.

use fantoccini::elements::Element;
use geai_admin::preferences::{INSTALLATIONS_KEY, THEME_KEY};
use geai_e2e::Dashboard;
use serde_json::json;

/// The connect forms' "remember" checkbox, by its label.
const REMEMBER: &str = "Remember this installation on this computer (its address, not the token)";
/// The saved installations' list on the connect screen, by its heading.
const SAVED: &str = "Saved installations";

/// Everything in localStorage, as one text.
async fn local_storage(app: &Dashboard) -> String {
    app.browser.eval("return JSON.stringify({ ...localStorage })").await.as_str().unwrap_or_default().to_string()
}

/// Fails if any secret the sandbox hands out is in localStorage.
async fn assert_no_secret_stored(app: &Dashboard, after: &str) {
    let stored = local_storage(app).await;
    let mut secrets = vec![app.organization_token(), app.arcee_key()];
    secrets.extend(app.active_project_names().iter().map(|name| app.project_token(name)));
    for secret in secrets {
        assert!(!stored.contains(&secret), "a secret is in localStorage after {after}: {stored}");
    }
}

async fn background(app: &Dashboard) -> String {
    app.browser.eval("return getComputedStyle(document.body).backgroundColor").await.as_str().unwrap().to_string()
}

/// The header's theme switch, found by its role and label.
async fn theme_choice(app: &Dashboard) -> Element {
    app.browser.by_role("combobox", "Theme").await
}

async fn choose_theme(app: &Dashboard, theme: &str) {
    let select = serde_json::to_value(theme_choice(app).await).expect("an element reference");
    let script = "const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change')); return true";
    app.browser.client.execute(script, vec![select, json!(theme)]).await.expect("choose a theme");
}

/// The value of the field of `role` named `name`.
async fn value_of(app: &Dashboard, role: &str, name: &str) -> String {
    let field = app.browser.by_role(role, name).await;
    field.prop("value").await.unwrap_or_else(|e| panic!("the value of {name:?}: {e}")).unwrap_or_default()
}

/// The text of the saved installations' list, found by its heading.
async fn saved_installations(app: &Dashboard) -> String {
    app.browser.by_role("region", SAVED).await.text().await.expect("the saved installations' text")
}

/// Waits until the saved installations' list shows `expected`.
async fn wait_for_saved(app: &Dashboard, expected: &str) {
    app.browser
        .wait_until(&format!("{expected:?} among the saved installations"), || async {
            saved_installations(app).await.contains(expected).then_some(())
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_theme_choice_applies_at_once_and_survives_a_reload() {
    let app = Dashboard::start().await;
    app.browser.emulate_color_scheme("light").await;
    app.connect_with_organization_token().await;
    assert_eq!(background(&app).await, "rgb(255, 255, 255)", "the system's light scheme by default");

    choose_theme(&app, "dark").await;
    assert_eq!(background(&app).await, "rgb(20, 22, 26)", "dark at once");
    app.audit_accessibility("projects, dark theme chosen on a light system").await;
    app.browser.reload().await;
    app.wait_for_project_rows().await;
    assert_eq!(background(&app).await, "rgb(20, 22, 26)", "dark after a reload");
    assert_eq!(theme_choice(&app).await.prop("value").await.unwrap().as_deref(), Some("dark"));
    let stored = format!("return localStorage.getItem({})", json!(THEME_KEY));
    assert_eq!(app.browser.eval(&stored).await, "dark");

    // Light on a dark system; then System follows the system again.
    app.browser.emulate_color_scheme("dark").await;
    choose_theme(&app, "light").await;
    assert_eq!(background(&app).await, "rgb(255, 255, 255)");
    app.audit_accessibility("projects, light theme chosen on a dark system").await;
    choose_theme(&app, "system").await;
    assert_eq!(background(&app).await, "rgb(20, 22, 26)");
    assert_no_secret_stored(&app, "choosing themes").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saved_installations_are_listed_picked_renamed_and_forgotten() {
    let app = Dashboard::start().await;
    // Connect and remember it, as Staging, in red.
    app.open("/connect").await;
    app.browser.click_role("checkbox", REMEMBER).await;
    app.browser.type_into_role("textbox", "Label", "Staging").await;
    app.set_value("#remember-colour", "#b3261e").await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_project_rows().await;
    app.browser.wait_for_text(".installation-badge", "Staging").await;
    let stripe =
        app.browser.eval("return getComputedStyle(document.querySelector('.app-header')).borderTopColor").await;
    assert_eq!(stripe, "rgb(179, 38, 30)", "the header carries the installation's colour");
    assert_no_secret_stored(&app, "connecting with Remember").await;
    let saved = format!("return localStorage.getItem({})", json!(INSTALLATIONS_KEY));
    let stored: serde_json::Value = serde_json::from_str(app.browser.eval(&saved).await.as_str().unwrap()).unwrap();
    assert_eq!(stored[0]["label"], "Staging");
    assert_eq!(stored[0]["base_url"], app.url.as_str());

    // Signed out, the connect screen offers it; Use fills the form, and connecting keeps the badge.
    app.browser.click_role("button", "Sign out").await;
    wait_for_saved(&app, "Staging").await;
    app.audit_accessibility("connect with a saved installation").await;
    app.browser.type_into_role("textbox", "Base URL", "http://elsewhere.invalid").await;
    app.browser.click_role("button", "Use Staging").await;
    assert_eq!(value_of(&app, "textbox", "Base URL").await, app.url);
    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_project_rows().await;
    app.browser.wait_for_text(".installation-badge", "Staging").await;
    assert_no_secret_stored(&app, "connecting with a saved installation").await;

    // Renamed and recoloured; kept after a reload.
    app.open("/connect").await;
    app.browser.click_role("button", "Rename Staging").await;
    app.browser.by_role("form", "Rename Staging").await;
    app.browser.type_into_role("textbox", "Label", "Production").await;
    app.set_value("input[id^=colour-]", "#0d652d").await;
    app.browser.click_role("button", "Save").await;
    wait_for_saved(&app, "Production").await;
    app.browser.reload().await;
    app.browser.wait_for_text(".installation-badge", "Production").await;
    let stripe =
        app.browser.eval("return getComputedStyle(document.querySelector('.app-header')).borderTopColor").await;
    assert_eq!(stripe, "rgb(13, 101, 45)");
    assert_no_secret_stored(&app, "renaming").await;

    // An Arcee installation is saved with its organization, and listed on the Arcee form only.
    app.open("/connect?kind=arcee").await;
    app.browser.click_role("checkbox", REMEMBER).await;
    app.browser.type_into_role("textbox", "Label", "Arcee sandbox").await;
    app.browser.type_into_role("textbox", "API key (required)", &app.arcee_key()).await;
    app.browser.type_into_role("textbox", "Organization (optional)", "sandbox-labs").await;
    app.browser.click_role("button", "Connect Arcee").await;
    app.browser.wait_for_text(".account-email", "@").await;
    app.browser.wait_for_text(".session", "Arcee sandbox").await;
    assert_no_secret_stored(&app, "saving an Arcee installation").await;
    app.open("/connect?kind=arcee").await;
    wait_for_saved(&app, "Arcee sandbox").await;
    assert!(!saved_installations(&app).await.contains("Production"), "each form lists its own kind");
    assert!(!app.browser.role_exists("button", "Use Production").await, "each form offers its own kind");

    // Forgotten: gone from the list and from storage.
    app.browser.click_role("button", "Forget Arcee sandbox").await;
    app.wait_for_toast("was forgotten").await;
    app.open("/connect").await;
    app.browser.click_role("button", "Forget Production").await;
    app.browser
        .wait_until("the list to empty", || async { (!app.browser.role_exists("region", SAVED).await).then_some(()) })
        .await;
    assert_eq!(app.browser.eval(&saved).await, "[]");
    assert_no_secret_stored(&app, "forgetting").await;
}
