//! Usage limits on the project and organization screens: set, change, delete, the checks before sending, a
//! failed save that keeps the form, the nearest-first order, and the marks in the projects list.

use geai_e2e::Dashboard;

async fn value(app: &Dashboard, css: &str) -> String {
    let script = format!("return document.querySelector({}).value", serde_json::json!(css));
    app.browser.eval(&script).await.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_project_limit_is_checked_then_shown_on_the_project_and_the_organization() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("HR Knowledge Base").await;
    app.browser.wait_for_text("main", "No limit is in force").await;
    app.browser.click(".limit-new button").await;
    app.browser.type_into("#new-limit-soft", "100").await;
    app.browser.type_into("#new-limit-hard", "50").await;
    app.browser.click(".limit-form button[type=submit]").await;
    app.browser.wait_for_text("#new-limit-hard-error", "at least the soft limit (100)").await;
    let posts = || app.api_requests().iter().filter(|r| r.method == "POST" && r.uri.contains("/limits")).count();
    assert_eq!(posts(), 0, "checked before sending");
    app.audit_accessibility("limit form with an error").await;

    // A failed save keeps every field as typed.
    app.browser.type_into("#new-limit-hard", "200").await;
    app.inject_fault("POST", "/v2/usageLimits/", "status=500", 1);
    app.browser.click(".limit-form button[type=submit]").await;
    app.browser.wait_for_text(".limit-form .form-error", "HTTP 500").await;
    assert_eq!(
        (value(&app, "#new-limit-soft").await, value(&app, "#new-limit-hard").await),
        ("100".into(), "200".into())
    );

    app.browser.click(".limit-form button[type=submit]").await;
    app.wait_for_toast("The new limit was set").await;
    app.browser.wait_for_text(".usage-limit", "of 200 Requests used").await;
    app.open("/organization").await;
    let row = app
        .browser
        .wait_until("HR Knowledge Base's limit", || async {
            let text = app.browser.text(".project-limits").await;
            text.lines().find(|l| l.starts_with("HR Knowledge Base")).map(str::to_string)
        })
        .await;
    assert!(row.contains("200"), "{row}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_limit_in_force_can_be_changed_and_deleted() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Customer Support").await;
    app.browser.wait_for_text(".usage-limit", "of 100 Cost used").await;
    app.browser.click(".limit-actions button[aria-expanded]").await;
    app.browser.type_into("#change-limit-hard", "150").await;
    app.browser.type_into("#change-limit-soft", "120").await;
    app.browser.click(".limit-form button[type=submit]").await;
    app.wait_for_toast("The limit was changed").await;
    app.browser.wait_for_text(".usage-limit", "of 150 Cost used").await;
    assert!(app.browser.text(".usage-limit").await.contains("soft limit 120"));

    app.browser.click(".limit-actions button.danger").await;
    app.browser.wait_for_text("#delete-limit", "Delete the limit in force?").await;
    app.browser.click("#delete-limit button[type=submit]").await;
    app.wait_for_toast("The limit was deleted").await;
    app.browser.wait_for_text("main", "No limit is in force").await;
    let history = app.browser.text(".limit-history summary").await;
    assert!(history.starts_with("History"), "{history}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organization_lists_project_limits_nearest_to_their_hard_limit_first() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.browser.click("header a[href='/organization']").await;
    app.browser.wait_for_text("h2", "Organization limit").await;
    let listed = app.get_json("/v1/organization/projects?detail=full").await;
    let mut expected: Vec<(String, f64)> = listed["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let limit = &p["usageLimit"];
            let share = match (limit["usedAmount"].as_f64(), limit["hardLimit"].as_f64()) {
                (Some(used), Some(hard)) if hard > 0.0 => used / hard,
                _ => -1.0,
            };
            (p["projectName"].as_str().unwrap().to_string(), share)
        })
        .collect();
    expected.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.to_lowercase().cmp(&b.0.to_lowercase())));
    let shown = app
        .browser
        .wait_until("the project limits", || async {
            let names = app
                .browser
                .eval("return [...document.querySelectorAll('.project-limits tbody th')].map(h => h.innerText)")
                .await;
            let names: Vec<String> = serde_json::from_value(names).unwrap_or_default();
            (!names.is_empty()).then_some(names)
        })
        .await;
    assert_eq!(shown, expected.into_iter().map(|(name, _)| name).collect::<Vec<_>>());
    app.audit_accessibility("organization").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_projects_list_marks_projects_at_their_limits() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects?hidden=1").await;
    app.wait_for_project_rows().await;
    let listed = app.get_json("/v1/organization/projects?detail=full").await;
    for project in listed["projects"].as_array().unwrap() {
        let name = project["projectName"].as_str().unwrap();
        let limit = &project["usageLimit"];
        let (used, soft, hard) =
            (limit["usedAmount"].as_f64(), limit["softLimit"].as_f64(), limit["hardLimit"].as_f64());
        let expected = match (used, soft, hard) {
            (Some(u), _, Some(h)) if u >= h => "Hard limit reached",
            (Some(u), Some(s), _) if u >= s => "Soft limit reached",
            _ => "",
        };
        let script = format!(
            "const row = [...document.querySelectorAll('tbody tr[aria-rowindex]')].find(r => r.querySelector('th').innerText === {});
             const mark = row.querySelector('.limit-mark'); return mark ? mark.innerText : ''",
            serde_json::json!(name)
        );
        assert_eq!(app.browser.eval(&script).await, expected, "{name}");
    }
}
