//! The shell: the navigation grouped by area (organization, project, Arcee) in a sidebar at desktop widths and
//! behind one menu button at narrow ones, and lists whose badges and controls are never cut, at 1280 and 360 px.

use std::time::Duration;

use fantoccini::elements::Element;
use geai_admin::i18n::LANGUAGE_KEY;
use geai_e2e::Dashboard;
use serde_json::{json, Value};

const ENTER: &str = "\u{e007}";
const TAB: &str = "\u{e004}";
const ESCAPE: &str = "\u{e00c}";

/// The navigation's groups as the sidebar shows them: each group's label and its links, in order.
const GROUPS: [(&str, &[&str]); 3] = [
    ("Organization", &["Projects", "Tokens", "Organization", "Members", "Access review", "Analytics"]),
    ("Project (project token)", &["Assistants", "Requests"]),
    ("Arcee", &["Account", "API keys", "Organizations", "Contexts", "Models", "Retrieval", "Feedback"]),
];

/// A phone's viewport: 360 CSS pixels wide.
async fn narrow(app: &Dashboard) {
    let metrics = json!({ "width": 360, "height": 800, "deviceScaleFactor": 1, "mobile": true });
    app.browser.devtools("Emulation.setDeviceMetricsOverride", metrics).await;
    settle(app).await;
}

/// Back to the window's own size, 1280 by 900.
async fn wide(app: &Dashboard) {
    app.browser.devtools("Emulation.clearDeviceMetricsOverride", json!({})).await;
    settle(app).await;
}

/// Lets the page lay itself out again (and the virtual lists place their rows) after a change of size.
async fn settle(app: &Dashboard) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await
        .expect("two frames");
}

/// Runs `script` with `element` as `arguments[0]`.
async fn on_element(app: &Dashboard, element: &Element, script: &str) -> Value {
    let element = serde_json::to_value(element).expect("an element reference");
    app.browser.client.execute(script, vec![element]).await.unwrap_or_else(|e| panic!("{script}: {e}"))
}

async fn menu_expanded(app: &Dashboard) -> String {
    let button = app.browser.by_role("button", "Menu").await;
    button.attr("aria-expanded").await.expect("aria-expanded").unwrap_or_default()
}

async fn wait_for_menu(app: &Dashboard, expanded: &str) {
    app.browser
        .wait_until(&format!("the menu's aria-expanded to be {expanded}"), || async {
            (menu_expanded(app).await == expanded).then_some(())
        })
        .await;
}

/// Whether the page is wider than the viewport (something overflows it sideways).
async fn overflows_sideways(app: &Dashboard) -> Option<String> {
    let sizes = app.browser.eval("return [document.documentElement.scrollWidth, window.innerWidth]").await;
    (sizes[0].as_f64() > sizes[1].as_f64()).then(|| format!("scrollWidth {} > innerWidth {}", sizes[0], sizes[1]))
}

/// The top of the screen's heading, in CSS pixels from the top of the page.
async fn heading_top(app: &Dashboard) -> f64 {
    let top = app.browser.eval("return document.querySelector('main h1').getBoundingClientRect().top + scrollY").await;
    top.as_f64().expect("a heading")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_desktop_widths_a_sidebar_groups_the_screens_by_area_under_a_one_row_header() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.browser.element("#organization-token").await;
    app.browser.screenshot("shell-1280-not-connected").await;
    app.connect_with_organization_token().await;
    app.connect_arcee().await;
    app.open("/projects").await;
    app.wait_for_project_rows().await;

    app.browser.by_role("navigation", "Main").await;
    // A link with the keyboard focus shows it (before any click, which would make a script's focus a pointer's).
    app.browser
        .eval("document.querySelector('nav[aria-label=Main] a[href=\"/organization\"]').focus(); return true")
        .await;
    let outline = app.browser.eval("return getComputedStyle(document.activeElement).outlineStyle").await;
    assert_eq!(outline, "solid", "visible focus in the navigation");
    app.browser.eval("document.activeElement.blur(); return true").await;
    for (label, links) in GROUPS {
        let group = app.browser.by_role("group", label).await;
        let shown = on_element(
            &app,
            &group,
            "return [...arguments[0].querySelectorAll('a')].filter(a => a.getBoundingClientRect().width > 0)
                .map(a => a.innerText.trim())",
        )
        .await;
        assert_eq!(shown, json!(links), "the {label} group's links");
        assert!(app.browser.role_exists("link", links[0]).await, "{} is a link", links[0]);
    }
    assert!(app.browser.role_exists("link", "Connection").await);
    assert!(!app.browser.role_exists("button", "Menu").await, "no menu button at 1280 px");

    // A sidebar: the navigation is a column on the left, and the screen is beside it, not below it.
    let layout = app
        .browser
        .eval(
            "const nav = document.querySelector('nav[aria-label=Main]').getBoundingClientRect();
             const main = document.querySelector('main').getBoundingClientRect();
             const session = document.querySelector('.session').getBoundingClientRect();
             return { navLeft: nav.left, navRight: nav.right, navTop: nav.top, navHeight: nav.height,
                      mainLeft: main.left, mainTop: main.top, sessionHeight: session.height }",
        )
        .await;
    let number = |key: &str| layout[key].as_f64().unwrap_or_else(|| panic!("{key} in {layout}"));
    assert!(number("navLeft") <= 1.0 && number("navRight") <= 320.0, "a sidebar on the left: {layout}");
    assert!(number("mainLeft") >= number("navRight") - 1.0, "the screen beside the sidebar: {layout}");
    assert!((number("navTop") - number("mainTop")).abs() <= 1.0, "both under the header: {layout}");
    // One row: the header is as high as one line of controls, and the brand and every control share that line.
    assert!(number("mainTop") <= 72.0, "the header takes one row: {layout}");
    let rows = app
        .browser
        .eval(
            "const boxes = [document.querySelector('.brand'), ...document.querySelector('.session').children]
                 .map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
             return [Math.max(...boxes.map(r => r.top)), Math.min(...boxes.map(r => r.bottom))]",
        )
        .await;
    assert!(rows[0].as_f64() < rows[1].as_f64(), "the brand and the session's controls are on one row: {rows}");

    // The current screen is marked, and only it.
    let current = app
        .browser
        .eval("return [...document.querySelectorAll('nav[aria-label=Main] [aria-current=page]')].map(a => a.getAttribute('href'))")
        .await;
    assert_eq!(current, json!(["/projects"]));
    app.browser.click_role("link", "Tokens").await;
    app.browser.wait_for_text("main h1", "Tokens").await;
    let current = app
        .browser
        .eval("return [...document.querySelectorAll('nav[aria-label=Main] [aria-current=page]')].map(a => a.getAttribute('href'))")
        .await;
    assert_eq!(current, json!(["/tokens"]));

    app.open("/projects?hidden=1").await;
    app.wait_for_project_rows().await;
    app.browser.screenshot("shell-1280-light").await;
    app.audit_accessibility("projects with the sidebar, light").await;
    app.browser.emulate_color_scheme("dark").await;
    app.browser.screenshot("shell-1280-dark").await;
    app.audit_accessibility("projects with the sidebar, dark").await;

    // The narrowest desktop width: still a sidebar, and nothing wider than the window.
    let metrics = json!({ "width": 900, "height": 800, "deviceScaleFactor": 1, "mobile": false });
    app.browser.devtools("Emulation.setDeviceMetricsOverride", metrics).await;
    settle(&app).await;
    assert!(!app.browser.role_exists("button", "Menu").await, "no menu button at 900 px");
    let sidebar = app
        .browser
        .eval(
            "const nav = document.querySelector('nav[aria-label=Main]').getBoundingClientRect();
             return nav.width > 0 && nav.left <= 1 && document.querySelector('main').getBoundingClientRect().left >= nav.right - 1",
        )
        .await;
    assert_eq!(sidebar, true, "a sidebar at 900 px");
    assert_eq!(overflows_sideways(&app).await, None, "at 900 px");
    app.browser.screenshot("shell-900-dark").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_360_px_one_menu_button_shows_the_navigation_and_the_keyboard_works_it() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.connect_arcee().await;
    narrow(&app).await;
    app.open("/projects").await;
    app.wait_for_project_rows().await;
    settle(&app).await;

    // Closed: the screen starts near the top, nothing overflows sideways, the links are not offered.
    assert_eq!(menu_expanded(&app).await, "false");
    let button = app.browser.by_role("button", "Menu").await;
    let controls = button.attr("aria-controls").await.unwrap().unwrap_or_default();
    let nav_id = app.browser.eval("return document.querySelector('nav[aria-label=Main]').id").await;
    assert!(controls.split_whitespace().any(|id| id == nav_id), "aria-controls {controls:?} names the nav {nav_id}");
    let top = heading_top(&app).await;
    assert!(top <= 200.0, "the heading starts {top} px down, within 200");
    assert_eq!(overflows_sideways(&app).await, None);
    assert!(!app.browser.role_exists("link", "Tokens").await, "the navigation is hidden while the menu is closed");
    app.browser.screenshot("shell-360-closed-light").await;
    app.audit_accessibility("projects at 360 px, menu closed").await;

    // Enter on the focused button opens it; its links follow it in the tab order.
    on_element(&app, &button, "arguments[0].focus(); return true").await;
    app.browser.client.active_element().await.unwrap().send_keys(ENTER).await.unwrap();
    wait_for_menu(&app, "true").await;
    for (label, links) in GROUPS {
        app.browser.by_role("group", label).await;
        for link in links {
            assert!(app.browser.role_exists("link", link).await, "{link} offered with the menu open");
        }
    }
    assert!(app.browser.role_exists("button", "Sign out").await, "the session's controls are in the menu");
    let mut reached = false;
    for _ in 0..3 {
        app.browser.client.active_element().await.unwrap().send_keys(TAB).await.unwrap();
        let in_nav = app.browser.eval("return !!document.activeElement.closest('nav[aria-label=Main]')").await;
        if in_nav == true {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab from the menu button reaches the navigation's links");
    assert_eq!(overflows_sideways(&app).await, None, "with the menu open");
    app.browser.screenshot("shell-360-open-light").await;
    app.audit_accessibility("projects at 360 px, menu open").await;

    // Escape closes it and gives the focus back to the button.
    app.browser.client.active_element().await.unwrap().send_keys(ESCAPE).await.unwrap();
    wait_for_menu(&app, "false").await;
    let button = app.browser.by_role("button", "Menu").await;
    assert!(app.browser.has_focus(&button).await, "the focus is back on the menu button");
    assert!(!app.browser.role_exists("link", "Tokens").await);

    // Choosing a link goes there and closes the menu.
    button.click().await.unwrap();
    wait_for_menu(&app, "true").await;
    app.browser.click_role("link", "Tokens").await;
    app.browser.wait_for_text("main h1", "Tokens").await;
    assert_eq!(app.browser.location().await, "/tokens");
    wait_for_menu(&app, "false").await;
    assert!(heading_top(&app).await <= 200.0);
    assert_eq!(overflows_sideways(&app).await, None, "the token audit at 360 px");

    app.browser.emulate_color_scheme("dark").await;
    app.browser.screenshot("shell-360-closed-dark").await;
    app.audit_accessibility("token audit at 360 px, menu closed, dark").await;
    app.browser.click_role("button", "Menu").await;
    wait_for_menu(&app, "true").await;
    app.browser.screenshot("shell-360-open-dark").await;
    app.audit_accessibility("token audit at 360 px, menu open, dark").await;
}

/// Everything in a list's cells that would not be seen whole: a badge or control cut by its cell (or by a box
/// in it), wider than its own box, cut to "…", or a cell whose content spills over its neighbours.
const CLIPPED: &str = r#"
const problems = [];
const watched = '.badge, button, input, select, a';
const within = (inner, outer) => inner.left >= outer.left - 1 && inner.right <= outer.right + 1
    && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
const box = r => `${Math.round(r.width)}x${Math.round(r.height)} at ${Math.round(r.left)},${Math.round(r.top)}`;
const name = e => {
    const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    return `<${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ').join('.') : ''}> ${JSON.stringify(text.slice(0, 60))}`;
};
const column = cell => {
    const table = cell.closest('table');
    const header = table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[cell.cellIndex];
    return header ? (header.innerText.trim() || `column ${cell.cellIndex + 1}`) : `column ${cell.cellIndex + 1}`;
};
for (const table of document.querySelectorAll('table.data-table')) {
    for (const cell of table.querySelectorAll('td, th')) {
        if (cell.closest('.virtual-spacer')) continue;
        const cellBox = cell.getBoundingClientRect();
        if (cellBox.width === 0 && cellBox.height === 0) continue;
        const style = getComputedStyle(cell);
        const where = `in the ${JSON.stringify(column(cell))} cell (${box(cellBox)})`;
        const holds = cell.querySelector(watched) !== null;
        if (cell.scrollWidth > cell.clientWidth + 1) {
            if (style.overflowX === 'visible') {
                problems.push(`${name(cell)} spills over its neighbours: scrollWidth ${cell.scrollWidth} > clientWidth ${cell.clientWidth}, ${where}`);
            } else if (holds) {
                const how = style.textOverflow === 'ellipsis' ? 'cut to "…"' : 'cut';
                problems.push(`${name(cell)} holds a badge or control and is ${how}: scrollWidth ${cell.scrollWidth} > clientWidth ${cell.clientWidth}, ${where}`);
            }
        }
        for (const e of cell.querySelectorAll('*')) {
            const s = getComputedStyle(e);
            if (s.textOverflow === 'ellipsis' && s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1
                && (e.matches(watched) || e.querySelector(watched))) {
                problems.push(`${name(e)} is cut to "…": scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}, ${where}`);
            }
        }
        for (const e of cell.querySelectorAll(watched)) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (e.closest('.visually-hidden')) continue;
            if (e.scrollWidth > e.clientWidth + 1) {
                problems.push(`${name(e)} is wider than its box: scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth}, ${where}`);
            }
            if (!within(r, cellBox)) {
                problems.push(`${name(e)} (${box(r)}) goes outside its cell ${where}`);
            }
            for (let up = e.parentElement; up && up !== cell; up = up.parentElement) {
                if (getComputedStyle(up).overflowX !== 'visible' && !within(r, up.getBoundingClientRect())) {
                    problems.push(`${name(e)} (${box(r)}) is cut by ${name(up)} (${box(up.getBoundingClientRect())}) ${where}`);
                }
            }
        }
    }
}
return [document.querySelectorAll('table.data-table tbody tr').length, problems];
"#;

/// What `CLIPPED` finds on the current screen, each problem named with the screen and the width.
async fn clipped(app: &Dashboard, screen: &str, width: u32) -> Vec<String> {
    let found = app.browser.eval(CLIPPED).await;
    assert!(found[0].as_u64().unwrap_or(0) > 0, "{screen} at {width} px has rows to check");
    let problems: Vec<String> = serde_json::from_value(found[1].clone()).expect("a list of problems");
    problems.into_iter().map(|p| format!("{screen} at {width} px: {p}")).collect()
}

/// Opens `path`, waits until `ready` contains `expected`, and checks its lists at 1280 and at 360 px.
async fn check_lists(app: &Dashboard, screen: &str, path: &str, ready: (&str, &str), problems: &mut Vec<String>) {
    wide(app).await;
    app.open(path).await;
    app.browser.wait_for_text(ready.0, ready.1).await;
    settle(app).await;
    problems.extend(clipped(app, screen, 1280).await);
    let shot = screen.replace([' ', ',', '\''], "-").to_lowercase();
    app.browser.screenshot(&format!("lists-{shot}-1280")).await;
    narrow(app).await;
    problems.extend(clipped(app, screen, 360).await);
    // Only the tables scroll sideways, inside their containers: never the page.
    if let Some(overflow) = overflows_sideways(app).await {
        problems.push(format!("{screen} at 360 px: the page is wider than the screen: {overflow}"));
    }
    app.browser.screenshot(&format!("lists-{shot}-360")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_badge_or_control_in_a_list_is_cut_at_1280_or_360_px() {
    let app = Dashboard::start().await;
    app.connect_with_both_tokens("Customer Support").await;
    app.connect_arcee().await;
    let project = format!("/projects/{}", app.project_id("Customer Support"));
    let screens = [
        ("projects", "/projects?hidden=1", ("tbody", "limit reached")),
        ("token audit", "/tokens", (".progress-line p", "Tokens of 8 projects")),
        ("project's tokens", project.as_str(), (".token-table tbody", "Active")),
        ("organization's project limits", "/organization", (".project-limits", "Hard limit reached")),
        ("request log", "/requests", (".pager-summary", "Rows 1")),
        ("Arcee keys", "/arcee/keys", ("table.key-table", "Active")),
        ("members", "/members", (".members-table tbody", "(Backend)")),
        ("project's members", project.as_str(), (".project-members tbody", "(Backend)")),
        ("access review", "/access", (".progress-line [role=status]", "8 of 8 projects loaded")),
        ("administrators", "/access?view=admins", (".admins-table tbody", "@")),
    ];
    let mut problems = Vec::new();
    for (screen, path, ready) in screens {
        check_lists(&app, screen, path, ready, &mut problems).await;
    }
    // A project whose tokens failed: its row's Retry button is seen whole, whatever the message's length.
    let failing = format!("/v1/organization/project/{}/tokens", app.project_id("HR Knowledge Base"));
    app.inject_fault("GET", &failing, "status=500", 1);
    let ready = (".progress-line p", "Tokens of 8 projects, 1 failed");
    check_lists(&app, "token audit with a failed project", "/tokens", ready, &mut problems).await;
    // Spanish words are longer: every list in Spanish too.
    wide(&app).await;
    let script = format!("localStorage.setItem({}, 'es'); return true", json!(LANGUAGE_KEY));
    app.browser.eval(&script).await;
    let spanish = [
        ("projects in Spanish", "/projects?hidden=1", ("tbody", "Límite")),
        ("token audit in Spanish", "/tokens", (".progress-line p", "Tokens de 8 proyectos")),
        ("project's tokens in Spanish", project.as_str(), (".token-table tbody", "Activo")),
        ("project limits in Spanish", "/organization", (".project-limits", "Límite máximo alcanzado")),
        ("request log in Spanish", "/requests", (".pager-summary", "Filas 1")),
        ("Arcee keys in Spanish", "/arcee/keys", ("table.key-table", "Activ")),
        ("members in Spanish", "/members", (".members-table tbody", "(Backend)")),
        ("access review in Spanish", "/access", (".progress-line [role=status]", "8 de 8 proyectos cargados")),
    ];
    for (screen, path, ready) in spanish {
        check_lists(&app, screen, path, ready, &mut problems).await;
    }
    assert!(problems.is_empty(), "{} cut or spilling in the lists:\n{}", problems.len(), problems.join("\n"));
}

/// The bulk buttons of the token audit look disabled exactly when they are (`aria-disabled="true"`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_s_bulk_buttons_look_disabled_exactly_when_they_are() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/tokens").await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects").await;
    // How a button looks: its colours, its border and its opacity.
    let look = "const s = getComputedStyle(arguments[0]);
                return [s.backgroundColor, s.color, s.borderColor, s.opacity].join(' ')";
    let state = |name: &'static str| {
        let app = &app;
        async move {
            let button = app.browser.by_role("button", name).await;
            let disabled = button.attr("aria-disabled").await.unwrap().unwrap_or_default() == "true";
            (disabled, on_element(app, &button, look).await.as_str().unwrap_or_default().to_string())
        }
    };
    let (block, revoke, clear) =
        (state("Block selected").await, state("Revoke selected\u{2026}").await, state("Clear selection").await);
    assert!(block.0 && revoke.0 && !clear.0, "nothing selected: block and revoke are disabled, clear is not");
    assert_eq!(block.1, revoke.1, "both disabled buttons look the same");
    assert_ne!(block.1, clear.1, "a disabled button does not look like an enabled one");

    app.browser.click(".audit-table tbody input[type=checkbox]:not(:disabled)").await;
    app.browser.wait_for_text(".bulk-bar", "1 selected").await;
    let (block_on, revoke_on) = (state("Block selected").await, state("Revoke selected\u{2026}").await);
    assert!(!block_on.0 && !revoke_on.0, "one selected: both are enabled");
    assert_ne!(block_on.1, block.1, "enabled, Block selected no longer looks disabled");
    assert_ne!(revoke_on.1, block.1, "enabled, Revoke selected no longer looks disabled");
    assert_eq!(block_on.1, clear.1, "enabled, Block selected looks like the other enabled buttons");
}
