//! Names and descriptions that are HTML or script render as text on every project screen.

use geai_e2e::Dashboard;

const NAME: &str = r#"<img src=x onerror="window.__owned=1"><script>window.__owned=2</script>"#;
const DESCRIPTION: &str = r#"<b>bold?</b><iframe src="javascript:window.__owned=3"></iframe>"#;

async fn assert_inert(app: &Dashboard, screen: &str) {
    assert_eq!(app.browser.eval("return window.__owned === undefined").await, true, "no script ran on {screen}");
    let injected = app
        .browser
        .eval("return document.querySelectorAll('main img, main script, main b, main iframe, dialog img').length")
        .await;
    assert_eq!(injected, 0, "no element was made from API text on {screen}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_payloads_render_as_text_on_every_project_screen() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;

    // Made through the dashboard's own form: the shown-once panel names it.
    app.open("/projects/new").await;
    app.browser.type_into("#project-name", NAME).await;
    app.browser.type_into("#project-description", DESCRIPTION).await;
    app.browser.click("form.form button[type=submit]").await;
    app.browser.wait_for_text(".shown-once h2", NAME).await;
    assert_inert(&app, "the shown-once panel").await;

    let id = app.project_id(NAME);
    app.open(&format!("/projects/{id}")).await;
    app.browser.wait_for_text("h1", NAME).await;
    assert!(app.browser.text(".lead").await.contains(DESCRIPTION));
    assert_inert(&app, "the project").await;

    app.browser.click(".header-actions button.danger").await;
    app.browser.wait_for_text("#delete-project", NAME).await;
    assert_inert(&app, "the delete dialog").await;
    app.browser.click("#delete-project button[type=button]").await;

    app.open(&format!("/projects/{id}/edit")).await;
    app.browser.wait_for_text("h1", NAME).await;
    let typed = app.browser.eval("return document.querySelector('#project-name').value").await;
    assert_eq!(typed, NAME);
    assert_inert(&app, "the edit form").await;

    app.open("/tokens").await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 9 projects").await;
    assert!(app.browser.text("tbody").await.contains(NAME));
    assert_inert(&app, "the token audit").await;
    app.open("/projects").await;
    app.wait_for_project_rows().await;
    assert_inert(&app, "the projects list").await;
}

/// The analytics name agents (assistants) and users (the organization's people): as text, in every panel and
/// its CSV's table.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_payloads_in_agent_and_user_names_render_as_text_on_the_analytics() {
    let app = Dashboard::start().await;
    app.sandbox
        .change(|store| {
            for project in &mut store.projects {
                if let Some(assistant) = project.assistants.first_mut() {
                    assistant.name = NAME.to_string();
                }
            }
            for (i, person) in store.people.iter_mut().enumerate() {
                person.name = format!("{NAME} {i}");
            }
            Ok(())
        })
        .unwrap();
    app.connect_with_organization_token().await;
    app.open("/analytics?range=custom&from=2025-11-01&to=2025-11-30").await;
    for panel in ["top-agents-requests", "tokens-per-agent", "top-users-cost", "usage-per-user"] {
        app.browser.wait_for_text(&format!("#{panel} tbody"), NAME).await;
    }
    assert_inert(&app, "the analytics").await;
}
