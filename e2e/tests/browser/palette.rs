//! The command palette: Ctrl+K or the header's button opens it; typing finds projects (fetched once, never per
//! keystroke), screens and actions; Enter goes; Escape closes and gives the focus back; a screen's own action
//! (the request log's download) is offered only on that screen; and axe-core passes with it open.

use fantoccini::elements::Element;
use geai_e2e::Dashboard;
use serde_json::Value;

const CTRL_K: &str = "\u{e009}k";
const ENTER: &str = "\u{e007}";
const ESCAPE: &str = "\u{e00c}";
const BACKSPACE: &str = "\u{e003}";
const ARROW_DOWN: &str = "\u{e015}";
const ARROW_UP: &str = "\u{e013}";
const PROJECTS_LIST: &str = "/v1/organization/projects";
/// The palette's accessible name: its dialog's and its field's (both labelled by the field's label).
const PALETTE: &str = "Go to a project, screen or action";

/// Sends keys to whatever has the focus, as a person typing would.
async fn press(app: &Dashboard, keys: &str) {
    let focused = app.browser.client.active_element().await.expect("a focused element");
    focused.send_keys(keys).await.unwrap_or_else(|e| panic!("send {keys:?}: {e}"));
}

/// Waits until the palette is open with the focus in its field.
async fn wait_until_open(app: &Dashboard) {
    app.browser.by_role("dialog", PALETTE).await;
    let field = app.browser.by_role("combobox", PALETTE).await;
    app.browser
        .wait_until("the focus in the palette's field", || async { app.browser.has_focus(&field).await.then_some(()) })
        .await;
}

/// Waits until the palette's dialog is gone (a closed `<dialog>` is not in the accessibility tree).
async fn wait_until_closed(app: &Dashboard) {
    app.browser
        .wait_until("the palette closed", || async {
            (!app.browser.role_exists("dialog", PALETTE).await).then_some(())
        })
        .await;
}

/// The palette's field, found by its role and label.
async fn palette_field(app: &Dashboard) -> Element {
    app.browser.by_role("combobox", PALETTE).await
}

/// The listed options as (label, kind), in order.
async fn options(app: &Dashboard) -> Vec<(String, String)> {
    let options = app
        .browser
        .eval(
            "return [...document.querySelectorAll('#palette-results [role=option]')]
                .map(o => [o.querySelector('.palette-option-label').textContent,
                           o.querySelector('.palette-option-kind').textContent])",
        )
        .await;
    serde_json::from_value(options).unwrap_or_default()
}

/// Waits until the first option is `label`.
async fn wait_for_first_option(app: &Dashboard, label: &str) {
    app.browser
        .wait_until(&format!("{label:?} listed first"), || async {
            options(app).await.first().filter(|(first, _)| first == label).map(drop)
        })
        .await;
}

async fn wait_for_location(app: &Dashboard, expected: &str) {
    app.browser
        .wait_until(&format!("the address {expected}"), || async {
            (app.browser.location().await == expected).then_some(())
        })
        .await;
}

/// The combobox's ARIA state, and whether what it points at exists.
async fn combobox_state(app: &Dashboard) -> Value {
    let field = serde_json::to_value(palette_field(app).await).expect("an element reference");
    app.browser
        .client
        .execute(
            "const input = arguments[0];
             const active = input.getAttribute('aria-activedescendant');
             const option = active && document.getElementById(active);
             return {
               role: input.getAttribute('role'),
               expanded: input.getAttribute('aria-expanded'),
               autocomplete: input.getAttribute('aria-autocomplete'),
               controls: document.getElementById(input.getAttribute('aria-controls'))?.getAttribute('role'),
               active_role: option ? option.getAttribute('role') : null,
               active_selected: option ? option.getAttribute('aria-selected') : null,
               active_label: option ? option.querySelector('.palette-option-label').textContent : null,
             }",
            vec![field],
        )
        .await
        .expect("the combobox's state")
}

/// Waits until the active option (the field's `aria-activedescendant`) is `label`.
async fn wait_for_active(app: &Dashboard, label: &str) {
    app.browser
        .wait_until(&format!("{label:?} active"), || async {
            (combobox_state(app).await["active_label"] == label).then_some(())
        })
        .await;
}

fn project_list_requests(app: &Dashboard) -> usize {
    app.requests_to("GET", PROJECTS_LIST)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_k_finds_a_project_by_part_of_its_name_from_one_fetch_and_enter_goes_there() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    // The projects screen has fetched its list; from here on, every request is the palette's.
    app.sandbox.journal().clear();

    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    let state = combobox_state(&app).await;
    assert_eq!(state["role"], "combobox");
    assert_eq!(state["autocomplete"], "list");
    assert_eq!(state["controls"], "listbox");
    assert_eq!(state["expanded"], "true", "screens and actions are listed before anything is typed");
    assert_eq!(state["active_role"], "option");
    assert_eq!(state["active_selected"], "true");

    // Typed a key at a time: each keystroke filters what was loaded, none sends a request.
    press(&app, "stomer sup").await;
    wait_for_first_option(&app, "Customer Support").await;
    assert_eq!(options(&app).await, [("Customer Support".to_string(), "Project".to_string())]);
    wait_for_active(&app, "Customer Support").await;
    assert_eq!(project_list_requests(&app), 1, "the projects were fetched once: {:?}", app.api_requests());
    assert_eq!(app.api_requests().len(), 1, "and nothing else was asked: {:?}", app.api_requests());

    press(&app, ENTER).await;
    wait_until_closed(&app).await;
    let id = app.project_id("Customer Support");
    wait_for_location(&app, &format!("/projects/{id}")).await;
    app.browser.wait_for_text("h1", "Customer Support").await;

    // The arrows move through what is listed (round at the ends), and the second opening searches the same
    // list, fetched no more.
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    assert_eq!(palette_field(&app).await.prop("value").await.unwrap().as_deref(), Some(""));
    press(&app, "s").await;
    let listed = app
        .browser
        .wait_until("several results for s", || async {
            let listed = options(&app).await;
            (listed.len() > 2).then_some(listed)
        })
        .await;
    wait_for_active(&app, &listed[0].0).await;
    press(&app, ARROW_DOWN).await;
    wait_for_active(&app, &listed[1].0).await;
    press(&app, &format!("{ARROW_UP}{ARROW_UP}")).await;
    wait_for_active(&app, &listed[listed.len() - 1].0).await;
    press(&app, "ales").await;
    wait_for_first_option(&app, "Sales Assistant").await;
    wait_for_active(&app, "Sales Assistant").await; // typing starts at the top again
    press(&app, ENTER).await;
    wait_for_location(&app, &format!("/projects/{}", app.project_id("Sales Assistant"))).await;
    app.browser.wait_for_text("h1", "Sales Assistant").await;

    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    let hr_id = app.project_id("HR Knowledge Base");
    press(&app, &hr_id[..8]).await;
    wait_for_first_option(&app, "HR Knowledge Base").await;
    press(&app, ESCAPE).await;
    wait_until_closed(&app).await;
    assert_eq!(project_list_requests(&app), 1, "still one fetch: {:?}", app.api_requests());
}

/// The list is fetched once, but a project this tab creates or renames is found at the next opening.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_created_or_renamed_in_this_tab_is_found_at_the_next_opening() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "zephyr").await;
    app.browser.wait_for_text(".palette-status", "Nothing matches").await;
    press(&app, ESCAPE).await;
    wait_until_closed(&app).await;

    app.open("/projects/new").await;
    app.browser.type_into_role("textbox", "Name (required)", "Zephyr Lab").await;
    app.browser.click_role("button", "Create project").await;
    app.browser.wait_for_text(".shown-once", "will not be shown again").await;
    app.browser.element("main h1").await;
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "zephyr").await;
    wait_for_first_option(&app, "Zephyr Lab").await;
    press(&app, ESCAPE).await;
    wait_until_closed(&app).await;

    app.open(&format!("/projects/{}/edit", app.project_id("Zephyr Lab"))).await;
    app.browser.type_into_role("textbox", "Name (required)", "Zephyr Research").await;
    app.browser.click_role("button", "Save").await;
    app.browser.wait_for_text("main h1", "Zephyr Research").await;
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "zephyr").await;
    wait_for_first_option(&app, "Zephyr Research").await;
    assert_eq!(options(&app).await.len(), 1, "the old name is gone: {:?}", options(&app).await);
}

/// A project this tab deletes is not offered at the next opening, which fetches the list again (once).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_deleted_in_this_tab_is_not_offered_at_the_next_opening() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Legal Review").await;
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "legal").await;
    wait_for_first_option(&app, "Legal Review").await;
    press(&app, ESCAPE).await;
    wait_until_closed(&app).await;

    app.browser.click_role("button", "Delete\u{2026}").await;
    app.browser.by_role("dialog", "Delete \u{201c}Legal Review\u{201d}?").await;
    app.browser.type_into_role("textbox", "Type Legal Review to confirm", "Legal Review").await;
    // The page behind the modal is inert, so this is the dialog's button.
    app.browser.click_role("button", "Delete project").await;
    app.wait_for_toast("Project \u{201c}Legal Review\u{201d} was deleted").await;
    app.wait_for_project_rows().await;
    let before = project_list_requests(&app);

    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "legal").await;
    // The whole status, so that it is the new list that has no match (while loading, it adds "Loading projects…").
    let status = "return document.querySelector('.palette-status').textContent.trim()";
    app.browser
        .wait_until("no match in the new list", || async {
            (app.browser.eval(status).await == "Nothing matches \u{201c}legal\u{201d}.").then_some(())
        })
        .await;
    assert!(options(&app).await.is_empty(), "{:?}", options(&app).await);
    assert_eq!(project_list_requests(&app), before + 1, "the opening fetched the list again, once");
    // The new list has the other projects.
    press(&app, &BACKSPACE.repeat(5)).await;
    press(&app, "insights").await;
    wait_for_first_option(&app, "Data Insights").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_header_button_opens_it_and_escape_gives_the_focus_back_to_the_opener() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;

    let button = app.browser.by_role_containing("button", "Search").await;
    let text = button.text().await.unwrap();
    assert!(text.contains("Search") && text.contains("Ctrl K"), "the button names the shortcut: {text:?}");
    assert_eq!(button.attr("aria-keyshortcuts").await.unwrap().as_deref(), Some("Control+K"));

    button.click().await.unwrap();
    wait_until_open(&app).await;
    press(&app, "org").await;
    wait_for_first_option(&app, "Organization").await;
    press(&app, ESCAPE).await;
    wait_until_closed(&app).await;
    assert!(app.browser.has_focus(&button).await, "the focus is back on the button");
    assert_eq!(app.browser.location().await, "/projects", "Escape went nowhere");

    // From a field, the shortcut opens it too, and Escape puts the focus back in that field.
    let search = app.browser.by_role("searchbox", "Search").await;
    search.click().await.unwrap();
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, ESCAPE).await;
    wait_until_closed(&app).await;
    assert!(app.browser.has_focus(&search).await, "the focus is back in the search field");

    // The shortcut also closes it.
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, CTRL_K).await;
    wait_until_closed(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn actions_run_new_project_then_sign_out() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;

    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "new pro").await;
    wait_for_first_option(&app, "New project").await;
    assert_eq!(options(&app).await[0].1, "Action");
    press(&app, ENTER).await;
    wait_for_location(&app, "/projects/new").await;
    app.browser.wait_for_text("h1", "New project").await;

    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "sign").await;
    wait_for_first_option(&app, "Sign out").await;
    press(&app, ENTER).await;
    wait_for_location(&app, "/connect").await;
    app.browser
        .wait_until("the connection forgotten", || async { app.stored_connection().await.is_none().then_some(()) })
        .await;
    assert!(app.browser.role_exists("button", "Search Ctrl K").await, "the button stays for the next connection");

    // Signed out, the palette offers what is left: the connect screen, and no projects or sign out.
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    let labels: Vec<String> = options(&app).await.into_iter().map(|(label, _)| label).collect();
    assert_eq!(
        labels,
        [
            "Connection",
            "Connect",
            "Language: English",
            "Language: Español",
            "Theme: System",
            "Theme: Light",
            "Theme: Dark"
        ]
    );

    // The theme switch, offered by the header's own choice: applied and remembered.
    press(&app, "dark").await;
    wait_for_first_option(&app, "Theme: Dark").await;
    press(&app, ENTER).await;
    wait_until_closed(&app).await;
    assert_eq!(app.browser.eval("return document.documentElement.dataset.theme").await, "dark");
    let theme = app.browser.by_role("combobox", "Theme").await;
    assert_eq!(theme.prop("value").await.unwrap().as_deref(), Some("dark"));
    assert_eq!(app.browser.eval("return localStorage.getItem('geai-admin.theme')").await, "dark");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_the_request_log_it_downloads_the_view_as_csv_and_elsewhere_it_does_not_offer_to() {
    let app = Dashboard::start().await;
    let dir = std::env::temp_dir().join(format!("geai-e2e-palette-csv-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    app.browser.allow_downloads(&dir).await;
    app.connect_with_both_tokens("Customer Support").await;

    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "download").await;
    app.browser.wait_for_text(".palette-status", "Nothing matches").await;
    press(&app, ESCAPE).await;
    wait_until_closed(&app).await;

    app.open("/requests?status=failed").await;
    app.browser.wait_for_text(".pager-summary", "Rows 1").await;
    app.sandbox.journal().clear();
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "csv").await;
    wait_for_first_option(&app, "Download this view as CSV").await;
    press(&app, ENTER).await;
    wait_until_closed(&app).await;
    app.browser.wait_for_text(".download-status", "Saved").await;
    let file = app
        .browser
        .wait_until("the downloaded CSV", || async {
            let entry =
                std::fs::read_dir(&dir).ok()?.flatten().find(|e| e.file_name().to_string_lossy().ends_with(".csv"))?;
            Some(entry.file_name().to_string_lossy().to_string())
        })
        .await;
    assert!(file.starts_with("requests-failed-"), "named after the view: {file}");
    let exports: Vec<String> =
        app.api_requests().into_iter().map(|r| r.uri).filter(|u| u.contains("/export")).collect();
    assert!(
        !exports.is_empty() && exports.iter().all(|u| u.contains("status=failed")),
        "the view's filter: {exports:?}"
    );

    // Leaving the screen takes its action away.
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "projects").await;
    wait_for_first_option(&app, "Projects").await;
    press(&app, ENTER).await;
    wait_for_location(&app, "/projects").await;
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "csv").await;
    app.browser.wait_for_text(".palette-status", "Nothing matches").await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_open_palette_passes_axe_in_light_and_dark() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens("Customer Support").await;
    press(&app, CTRL_K).await;
    wait_until_open(&app).await;
    press(&app, "s").await;
    app.browser
        .wait_until("several results with projects among them", || async {
            let listed = options(&app).await;
            (listed.len() > 3 && listed.iter().any(|(_, kind)| kind == "Project")).then_some(())
        })
        .await;
    press(&app, ARROW_DOWN).await;
    app.audit_accessibility("command palette (light)").await;
    app.browser.screenshot("palette-light").await;

    app.browser.emulate_color_scheme("dark").await;
    app.audit_accessibility("command palette (dark)").await;
    app.browser.screenshot("palette-dark").await;

    // Nothing found is said in words, and the list is collapsed rather than empty.
    press(&app, "zzzz").await;
    app.browser.wait_for_text(".palette-status", "Nothing matches").await;
    let field = palette_field(&app).await;
    assert_eq!(field.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    assert_eq!(field.attr("aria-activedescendant").await.unwrap(), None);
    app.audit_accessibility("command palette with nothing found (dark)").await;
}
