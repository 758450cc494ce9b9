//! English and Spanish: the language follows the browser, a switch in the header (or the palette) changes it
//! at once and is remembered; dates and numbers follow it; and every screen, walked in both languages, has no
//! English text left in Spanish, and passes axe-core in Spanish in both schemes.

use std::collections::BTreeSet;
use std::time::Duration;

use geai_admin::i18n::LANGUAGE_KEY;
use geai_e2e::Dashboard;
use serde_json::{json, Value};

/// The command palette's accessible name: its dialog's and its field's.
const PALETTE: &str = "Go to a project, screen or action";

/// Makes the browser prefer `languages` (its `Accept-Language` and `navigator.languages`), as a person's
/// browser settings would.
async fn prefer_languages(app: &Dashboard, languages: &str) {
    let user_agent = app.browser.eval("return navigator.userAgent").await;
    app.browser
        .devtools("Emulation.setUserAgentOverride", json!({ "userAgent": user_agent, "acceptLanguage": languages }))
        .await;
}

async fn page_language(app: &Dashboard) -> String {
    app.browser.eval("return document.documentElement.lang").await.as_str().unwrap_or_default().to_string()
}

/// Chooses `code` in the header's language switch, found by its label in the page's language (`Idioma` in
/// Spanish).
async fn choose_language(app: &Dashboard, label: &str, code: &str) {
    let select = serde_json::to_value(app.browser.by_role("combobox", label).await).expect("an element reference");
    let script = "const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change')); return true";
    app.browser.client.execute(script, vec![select, json!(code)]).await.expect("choose a language");
}

/// The value of the field of `role` named `name`.
async fn value_of(app: &Dashboard, role: &str, name: &str) -> String {
    let field = app.browser.by_role(role, name).await;
    field.prop("value").await.unwrap_or_else(|e| panic!("the value of {name:?}: {e}")).unwrap_or_default()
}

async fn wait_for_heading(app: &Dashboard, expected: &str) {
    app.browser.wait_for_text("main h1", expected).await;
}

/// Remembers `code` as the chosen language (as the header's switch does) and reloads.
async fn reload_in(app: &Dashboard, code: &str) {
    let script = format!("localStorage.setItem({}, {}); return true", json!(LANGUAGE_KEY), json!(code));
    app.browser.eval(&script).await;
    app.browser.reload().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_follows_the_browser_switches_at_once_and_is_remembered() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    prefer_languages(&app, "es-UY,es;q=0.9,en;q=0.5").await;
    app.browser.reload().await;
    wait_for_heading(&app, "Conectar").await;
    assert_eq!(page_language(&app).await, "es", "a browser that prefers Spanish gets Spanish");
    app.browser.by_role("textbox", "Token de organización").await;
    app.audit_accessibility("connect, Spanish").await;

    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_project_rows().await;
    wait_for_heading(&app, "Proyectos").await;
    assert_eq!(app.browser.eval("return document.title").await, "Proyectos \u{2013} geai-admin");

    // The header's switch: English at once, on the same screen, with the focus kept on the switch.
    let address = app.browser.location().await;
    choose_language(&app, "Idioma", "en").await;
    wait_for_heading(&app, "Projects").await;
    assert_eq!(page_language(&app).await, "en");
    assert_eq!(app.browser.location().await, address, "the same screen");
    app.wait_for_project_rows().await;
    app.browser
        .wait_until("the focus back on the language switch", || async {
            let switch = app.browser.by_role("combobox", "Language").await;
            app.browser.has_focus(&switch).await.then_some(())
        })
        .await;
    let stored = format!("return localStorage.getItem({})", json!(LANGUAGE_KEY));
    assert_eq!(app.browser.eval(&stored).await, "en");
    // The app rendered anew replaced the old one entirely: one header, and one palette for Ctrl+K.
    assert_eq!(app.browser.eval("return document.querySelectorAll('.app-header').length").await, 1);
    app.browser.client.active_element().await.unwrap().send_keys("\u{e009}k").await.unwrap();
    app.browser.by_role("combobox", PALETTE).await;
    assert_eq!(app.browser.eval("return document.querySelectorAll('#command-palette').length").await, 1);
    app.browser.client.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();
    app.browser
        .wait_until("the palette closed", || async {
            (!app.browser.role_exists("dialog", PALETTE).await).then_some(())
        })
        .await;

    // Remembered over the browser's preference, after a reload.
    app.browser.reload().await;
    app.wait_for_project_rows().await;
    wait_for_heading(&app, "Projects").await;
    assert_eq!(value_of(&app, "combobox", "Language").await, "en");

    // The palette switches too.
    app.browser.element("main h1").await;
    let focused = app.browser.client.active_element().await.unwrap();
    focused.send_keys("\u{e009}k").await.unwrap();
    app.browser.by_role("combobox", PALETTE).await;
    app.browser.type_into_role("combobox", PALETTE, "Espa").await;
    app.browser
        .wait_until("\"Language: Español\" listed first", || async {
            let options = app.browser.all_by_role("option").await;
            options.first().filter(|(name, _)| name.contains("Language: Español")).map(drop)
        })
        .await;
    let input = app.browser.by_role("combobox", PALETTE).await;
    input.send_keys("\u{e007}").await.unwrap();
    wait_for_heading(&app, "Proyectos").await;
    assert_eq!(app.browser.eval(&stored).await, "es");
    app.wait_for_project_rows().await;
}

/// A switch renders every screen anew, so with unsaved input it asks first; declining keeps everything.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_switch_with_unsaved_changes_asks_first_and_declining_keeps_the_input() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects/new").await;
    app.browser.type_into_role("textbox", "Name (required)", "Half typed").await;

    app.browser.click_role("option", "Español").await;
    assert!(app.browser.dialog_text().await.contains("unsaved changes"));
    app.browser.client.dismiss_alert().await.unwrap();
    wait_for_heading(&app, "New project").await;
    assert_eq!(value_of(&app, "textbox", "Name (required)").await, "Half typed");
    assert_eq!(value_of(&app, "combobox", "Language").await, "en");

    app.browser.click_role("option", "Español").await;
    app.browser.dialog_text().await;
    app.browser.client.accept_alert().await.unwrap();
    wait_for_heading(&app, "Nuevo proyecto").await;
}

/// The same screen's dates and amounts in each language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_and_numbers_follow_the_language() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/organization").await;
    app.browser.element(".project-limits").await;
    let english = settled_texts(&app).await.join("\n");
    assert!(english.contains("5,000"), "English groups thousands with commas:\n{english}");
    assert!(english.contains(" ago"), "English relative times:\n{english}");

    reload_in(&app, "es").await;
    app.browser.element(".project-limits").await;
    let spanish = settled_texts(&app).await.join("\n");
    assert!(spanish.contains("5.000") && !spanish.contains("5,000"), "Spanish groups with points:\n{spanish}");
    assert!(spanish.contains("hace ") && !spanish.contains(" ago"), "Spanish relative times:\n{spanish}");

    // Exact dates: month names.
    let exact = "return [...document.querySelectorAll('time')].map(t => t.title + ' ' + t.textContent).join('\\n')";
    let spanish_dates = app.browser.eval(exact).await.as_str().unwrap_or_default().to_string();
    reload_in(&app, "en").await;
    app.browser.element(".project-limits").await;
    settled_texts(&app).await;
    let english_dates = app.browser.eval(exact).await.as_str().unwrap_or_default().to_string();
    assert!(!english_dates.is_empty() && english_dates != spanish_dates, "{english_dates}\n--\n{spanish_dates}");
    assert!(english_dates.contains("UTC") && spanish_dates.contains("UTC"));
}

/// Every text the page shows or names: text nodes (visually hidden ones included), the attributes that name or
/// describe things (`aria-label`, `title`, `placeholder`, `alt`...), and the document's title.
const COLLECT_TEXTS: &str = r#"
const out = new Set();
const add = (s) => { s = (s || '').replace(/\s+/g, ' ').trim(); if (s) out.add(s); };
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (node.parentElement && node.parentElement.closest('script, style, template, noscript')) continue;
  add(node.textContent);
}
const names = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-valuetext'];
for (const el of document.querySelectorAll(names.map((n) => `[${n}]`).join(','))) {
  for (const n of names) add(el.getAttribute(n));
}
add(document.title);
return [...out];
"#;

/// The page's texts once they stop changing (data loaded, announcements made).
async fn settled_texts(app: &Dashboard) -> Vec<String> {
    let mut previous: Option<Vec<String>> = None;
    for _ in 0..60 {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let texts: Vec<String> = serde_json::from_value(app.browser.eval(COLLECT_TEXTS).await).unwrap_or_default();
        let busy = app.browser.eval("return !!document.querySelector('[aria-busy=true]')").await == true;
        if !busy && previous.as_ref() == Some(&texts) {
            return texts;
        }
        previous = Some(texts);
    }
    previous.unwrap_or_default()
}

/// Every string the sandbox holds (names, descriptions, e-mails, ids...) and the request log's rows: data from
/// the API, which is shown as sent in every language. Left out: the API's terms that the dashboard names in the
/// user's language (`Requests`, `Monthly`, `active`...), so that a term left in English is caught.
const TERMS_NAMED_BY_THE_DASHBOARD: &[&str] = &[
    "Monthly",
    "Weekly",
    "Daily",
    "Requests",
    "Cost",
    "Renewable",
    "NonRenewable",
    "Active",
    "Cancelled",
    "Expired",
    "Empty",
    "active",
    "blocked",
    "revoked",
    "team",
    "enterprise",
];

async fn api_data(app: &Dashboard) -> BTreeSet<String> {
    fn collect(value: &Value, into: &mut BTreeSet<String>) {
        match value {
            Value::String(s) if !TERMS_NAMED_BY_THE_DASHBOARD.contains(&s.as_str()) => {
                into.insert(s.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, into)),
            Value::Object(fields) => fields.values().for_each(|v| collect(v, into)),
            _ => {}
        }
    }
    // The installations' addresses the user typed.
    let mut data = BTreeSet::from([app.url.clone(), format!("{}/v2", app.url)]);
    collect(&app.sandbox.read(|store| serde_json::to_value(store).unwrap()), &mut data);
    for row in app.export_rows("Sales Assistant", "").await {
        collect(&row, &mut data);
    }
    data
}

/// Texts that are the same in both languages by nature: names of things, codes, numbers with units, and data
/// from the API alone or with only such things around it (`Sales Assistant ••••f544`, `Arcee: sandbox-labs`).
fn same_in_every_language(text: &str, data: &BTreeSet<String>) -> bool {
    const NAMES: &[&str] = &[
        "geai-admin",
        "GeneXus Enterprise AI",
        "Arcee",
        "Tokens",
        "Token",
        "Roles",
        "Backend",
        "Frontend",
        "English",
        "Español",
        "JSON Lines",
        "CSV",
        "JSON",
        "URL",
        "API",
        "UTC",
        "Ctrl K",
        "\u{2318}K",
        "Email",
        "Total",
        "General",
        "Plan",
        "Error",
        "Normal",
        "Chat",
        "Freemium",
        "ID",
        "X-Token",
        "No",
    ];
    // A preview of data cut short: its start, then an ellipsis.
    if let Some(start) = text.strip_suffix('\u{2026}') {
        if data.iter().any(|d| d.split_whitespace().collect::<Vec<_>>().join(" ").starts_with(start.trim_end())) {
            return true;
        }
    }
    // Take out the data (longest first, so a name is not cut by a shorter one inside it) and the names; what
    // is left must have no word: codes (with a digit, or a path), units (`8 s`, `12 ms`) and separators only.
    let mut rest = text.to_string();
    let mut known: Vec<&str> = data.iter().map(String::as_str).filter(|d| d.chars().count() >= 3).collect();
    known.extend(NAMES);
    known.sort_by_key(|k| std::cmp::Reverse(k.len()));
    for name in known {
        if rest.contains(name) {
            rest = rest.replace(name, " ");
        }
    }
    rest.split(|c: char| c.is_whitespace() || "()[]:,;\u{2013}\u{2014}\u{00b7}\u{2022}\"\u{201c}\u{201d}".contains(c))
        .filter(|word| word.chars().any(char::is_alphabetic))
        .all(|word| {
            let code = word.chars().any(|c| c.is_ascii_digit()) || word.starts_with('/') || word.contains('_');
            code || ["s", "ms", "min", "h", "KB", "MB", "B", "x"].contains(&word)
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_in_spanish_has_no_english_left_and_passes_the_audit_in_both_schemes() {
    let app = Dashboard::start().await;
    app.browser.emulate_color_scheme("light").await;
    app.connect_with_both_tokens("Sales Assistant").await;
    app.connect_arcee().await;
    let project = app.project_id("Sales Assistant");
    let data = api_data(&app).await;

    // (address, what to wait for, what to do there before reading it)
    let screens: Vec<(String, &str, &str)> = vec![
        ("/connect".into(), "#organization-token", ""),
        ("/connect?kind=arcee".into(), "#arcee-key", ""),
        ("/projects".into(), "tbody tr", ""),
        ("/projects?hidden=1&q=zzz".into(), ".empty", ""),
        ("/projects".into(), "tbody tr", "palette"),
        ("/projects/new".into(), "form.form", "submit"),
        (format!("/projects/{project}"), ".token-table tbody tr", ""),
        (format!("/projects/{project}"), ".token-table tbody tr", "delete"),
        (format!("/projects/{project}/edit"), "form.form", ""),
        ("/tokens".into(), ".progress-line", ""),
        ("/organization".into(), ".project-limits", ""),
        ("/assistants".into(), "article.assistant", ""),
        ("/requests".into(), ".request-table tbody tr", ""),
        ("/arcee".into(), ".account-email", ""),
        ("/arcee/keys".into(), "table tbody tr", ""),
        ("/arcee/organization".into(), "form.form", ""),
        ("/arcee/contexts".into(), "form.form", ""),
        ("/arcee/models".into(), "form.form", "submit"),
        ("/arcee/retrieval".into(), "form.form", "submit"),
        ("/arcee/feedback".into(), "form.form", "submit"),
        ("/no/such/screen".into(), "main h1", ""),
    ];

    let mut english = Vec::new();
    for (address, ready, action) in &screens {
        english.push(visit(&app, address, ready, action).await);
    }
    reload_in(&app, "es").await;
    let mut left = Vec::new();
    // Every Spanish text by screen, for a person to read over (words can be Spanish and still wrong).
    let mut review = String::new();
    for ((address, ready, action), english) in screens.iter().zip(&english) {
        let spanish = visit(&app, address, ready, action).await;
        review.push_str(&format!("## {address} {action}\n{}\n\n", spanish.join("\n")));
        let english: BTreeSet<&String> = english.iter().collect();
        for text in spanish.iter().filter(|t| english.contains(t) && !same_in_every_language(t, &data)) {
            left.push(format!("{address} {action}: {text:?}"));
        }
        assert_eq!(page_language(&app).await, "es");
        // The README shows the Spanish UI with these.
        match (address.as_str(), *action) {
            ("/projects", "") => app.browser.screenshot("projects-spanish-light").await,
            ("/requests", "") => app.browser.screenshot("requests-spanish-light").await,
            _ => {}
        }
        let scheme_for = |scheme: &str| format!("{address} {action}, Spanish, {scheme}");
        app.audit_accessibility(&scheme_for("light")).await;
        app.browser.emulate_color_scheme("dark").await;
        app.audit_accessibility(&scheme_for("dark")).await;
        app.browser.emulate_color_scheme("light").await;
    }
    let review_file = geai_e2e::paths::workspace_root().join("target/spanish-texts.md");
    std::fs::write(&review_file, review).expect("write the Spanish texts for review");
    assert!(left.is_empty(), "English left in the Spanish UI ({}):\n{}", left.len(), left.join("\n"));
}

/// Opens `address`, waits for `ready`, does `action`, and returns the page's settled texts.
async fn visit(app: &Dashboard, address: &str, ready: &str, action: &str) -> Vec<String> {
    app.open(address).await;
    app.browser.element(ready).await;
    match action {
        "" => {}
        // Submitting a form as it is: its validation messages (or an empty retrieval's refusal).
        "submit" => app.browser.click("main form.form button[type=submit]").await,
        "palette" => {
            app.browser.click(".palette-button").await;
            app.browser.element("#command-palette[open] #palette-results [role=option]").await;
        }
        "delete" => {
            app.browser.click(".header-actions button.danger").await;
            app.browser.element("#delete-project[open]").await;
        }
        other => panic!("no action {other}"),
    }
    settled_texts(app).await
}
