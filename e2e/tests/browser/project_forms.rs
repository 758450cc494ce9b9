//! Creating and editing projects: checks before sending, the server's errors at their fields, nothing typed
//! lost to a failure, one request per submission, the tokens shown once, and the unsaved-changes prompt.

use geai_e2e::Dashboard;
use geai_sandbox::config::{Config, Dialect};
use geai_sandbox::journal::Outcome;
use geai_sandbox::model::ProjectStatus;

const CREATE: &str = "/v1/organization/project";

fn posts(app: &Dashboard) -> usize {
    app.api_requests().iter().filter(|r| r.method == "POST" && r.uri == CREATE).count()
}

async fn value(app: &Dashboard, css: &str) -> String {
    let script = format!("return document.querySelector({}).value", serde_json::json!(css));
    app.browser.eval(&script).await.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_created_project_shows_its_tokens_once_then_is_listed_with_its_limit() {
    let app = Dashboard::start().await;
    app.browser.allow_clipboard(&app.url).await;
    let downloads = std::env::temp_dir().join(format!("geai-e2e-downloads-{}", std::process::id()));
    std::fs::create_dir_all(&downloads).unwrap();
    app.browser.allow_downloads(&downloads).await;
    app.connect_with_organization_token().await;
    app.browser.click("a[href='/projects/new']").await;
    app.browser.wait_for_text("h1", "New project").await;

    app.browser.type_into("#project-name", "Research Lab").await;
    app.browser.type_into("#project-description", "Papers and\nexperiments").await;
    app.browser.type_into("#administrator-email", "ana@acme.example").await;
    app.browser.click("#limit-enabled").await;
    app.browser.click("#usage-unit option[value=Cost]").await;
    app.browser.type_into("#soft-limit", "50").await;
    app.browser.type_into("#hard-limit", "100.5").await;
    app.browser.click("form.form button[type=submit]").await;

    app.browser.wait_for_text(".shown-once", "will not be shown again").await;
    let created = app.project_tokens("Research Lab");
    let (_, secret, _) = created.first().cloned().expect("the new project has a token");
    assert_eq!(app.browser.text(".shown-once .secret-value").await, secret, "the value the sandbox created");
    app.wait_for_toast("Project \u{201c}Research Lab\u{201d} was created").await;
    assert_eq!(
        app.browser.eval("return document.activeElement.id").await,
        "created-heading",
        "focus moves to the panel"
    );

    app.browser.click(".shown-once button[aria-label='Copy token Default']").await;
    app.browser.wait_for_text(".shown-once button[aria-label='Copied token Default']", "Copied").await;
    assert_eq!(app.browser.clipboard_text().await, secret);

    app.browser.click(".shown-once .actions button").await;
    let file = downloads.join("research-lab.env");
    let contents = app
        .browser
        .wait_until("the .env download", || async { std::fs::read_to_string(&file).ok().filter(|c| !c.is_empty()) })
        .await;
    assert!(contents.contains(&format!("SAIA_PROJECT_APITOKEN={secret}\n")), "{contents}");
    assert!(contents.contains(&format!("SAIA_PROJECT_ID={}\n", app.project_id("Research Lab"))), "{contents}");
    let _ = std::fs::remove_dir_all(&downloads);

    app.browser.click(".shown-once a.primary").await;
    app.browser.wait_for_text("h1", "Research Lab").await;
    let usage = app.browser.wait_for_text(".usage-limit", "of 100.5 Cost used").await;
    assert!(usage.contains("soft limit 50"), "{usage}");
    assert!(app.browser.text(".lead").await.contains("Papers and\nexperiments"), "line breaks kept");
    let stored = app.sandbox.read(|s| s.projects.iter().find(|p| p.name == "Research Lab").cloned()).unwrap();
    assert_eq!(stored.administrator_user_email.as_deref(), Some("ana@acme.example"));
    app.open("/projects").await;
    app.wait_for_project_rows().await;
    assert!(app.shown_project_names().await.contains(&"Research Lab".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_shown_at_its_field_and_nothing_typed_is_lost() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects/new").await;
    app.browser.element("#project-name").await;

    // Client checks: nothing is sent.
    app.browser.type_into("#project-name", "   ").await;
    app.browser.type_into("#project-description", "Kept as typed").await;
    app.browser.type_into("#administrator-email", "ana@acme").await;
    app.browser.click("#limit-enabled").await;
    app.browser.type_into("#soft-limit", "100").await;
    app.browser.type_into("#hard-limit", "80").await;
    app.browser.click("form.form button[type=submit]").await;
    app.browser.wait_for_text("#project-name-error", "Enter a name").await;
    assert!(app.browser.text("#administrator-email-error").await.contains("e-mail address"));
    assert!(app.browser.text("#hard-limit-error").await.contains("at least the soft limit (100)"));
    assert_eq!(
        app.browser.eval("return document.activeElement.id").await,
        "project-name",
        "focus on the first problem"
    );
    assert_eq!(posts(&app), 0, "client checks send nothing");

    // The server's refusal, in its own words and id, under the name; the rest of the form untouched.
    app.browser.type_into("#project-name", "customer SUPPORT").await;
    app.browser.type_into("#administrator-email", "").await;
    app.browser.type_into("#hard-limit", "120").await;
    // Each message went with the edit of its field.
    for field in ["project-name", "administrator-email", "hard-limit"] {
        assert_eq!(app.browser.text(&format!("#{field}-error")).await, "", "{field}'s message after editing it");
    }
    app.browser.click("form.form button[type=submit]").await;
    let error = app.browser.wait_for_text("#project-name-error", "(error 2002)").await;
    assert!(error.contains("ProjectName customer SUPPORT Already Exists In The Organization"), "{error}");
    assert_eq!(app.browser.text("#hard-limit-error").await, "");
    assert_eq!(value(&app, "#project-name").await, "customer SUPPORT");
    assert_eq!(value(&app, "#project-description").await, "Kept as typed");
    assert_eq!(value(&app, "#soft-limit").await, "100");
    assert_eq!(value(&app, "#hard-limit").await, "120");
    assert_eq!(
        app.browser.eval("return document.querySelector('#project-name').getAttribute('aria-invalid')").await,
        "true"
    );
    app.wait_for_toast("Creating the project failed").await;
    assert_eq!(posts(&app), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submitting_twice_sends_one_request() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects/new").await;
    app.browser.type_into("#project-name", "Only Once").await;
    // Long enough that the third press (Enter) comes while the first is still under way, even on a busy machine.
    app.inject_fault("POST", CREATE, "delay=3000", 1);
    let submit = app.browser.element("form.form button[type=submit]").await;
    submit.clone().click().await.unwrap();
    submit.clone().click().await.unwrap();
    app.browser.element("#project-name").await.send_keys("\u{e007}").await.unwrap();
    app.browser.wait_for_text(".shown-once", "will not be shown again").await;
    assert_eq!(posts(&app), 1);
    assert_eq!(app.sandbox.read(|s| s.projects.iter().filter(|p| p.name == "Only Once").count()), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_is_saved_and_shown() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open_project("Data Insights").await;
    app.browser.click("a[href$='/edit']").await;
    // The heading names the project once it is loaded (before, it says "Edit project" over no form yet).
    app.browser.wait_for_text("h1", "Edit \u{201c}Data Insights").await;
    assert_eq!(value(&app, "#project-name").await, "Data Insights");
    assert_eq!(
        app.browser.eval("return document.querySelector('#project-active') === null").await,
        true,
        "no Active on current servers"
    );
    app.browser.type_into("#project-name", "Data Insights EU").await;
    app.browser.type_into("#project-description", "Warehouse questions, EU region").await;
    app.browser.wait_for_text("main", "Unsaved changes").await;
    app.browser.click("form.form button[type=submit]").await;
    app.browser.wait_for_text("h1", "Data Insights EU").await;
    assert!(app.browser.text(".lead").await.contains("EU region"));
    app.wait_for_toast("was saved").await;
    let put = app.api_requests().into_iter().find(|r| r.method == "PUT").unwrap();
    assert_eq!(put.outcome, Outcome::Answered(200));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_save_keeps_the_form_under_every_fault() {
    let app = Dashboard::start().await;
    // A short time limit, so the timeout case takes seconds.
    app.open("/connect").await;
    app.browser.type_into("#timeout", "2").await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_project_rows().await;
    let id = app.project_id("Legal Review");
    let path = format!("/v1/organization/project/{id}");
    app.open(&format!("/projects/{id}/edit")).await;
    app.browser.wait_for_text("h1", "Edit").await;
    app.browser.type_into("#project-name", "Legal Review 2").await;
    app.browser.type_into("#project-description", "Typed, not yet saved").await;

    let cases = [
        ("status=400", "Bad Request (error 400)"),
        ("status=500", "HTTP 500"),
        ("status=503", "HTTP 503"),
        ("html", "502 Bad Gateway"),
        ("delay=4000", "did not answer in time"),
        ("drop", "could not be reached"),
    ];
    for (fault, expected) in cases {
        app.inject_fault("PUT", &path, fault, None);
        app.browser.click("form.form button[type=submit]").await;
        let shown = app.browser.wait_for_text(".form-error", expected).await;
        app.sandbox.faults().clear();
        assert_eq!(value(&app, "#project-name").await, "Legal Review 2", "{fault}: {shown}");
        assert_eq!(value(&app, "#project-description").await, "Typed, not yet saved", "{fault}");
        assert_eq!(app.browser.location().await, format!("/projects/{id}/edit"), "{fault}");
        app.wait_for_toast("Saving the project failed").await;
        // The next attempt starts from no message.
        app.browser.eval("document.querySelectorAll('.toast button').forEach(b => b.click()); return true").await;
    }
    assert!(!app.sandbox.read(|s| s.projects.iter().any(|p| p.name == "Legal Review 2")), "nothing was saved");

    // A 401: paste a token again and the same input is saved.
    app.inject_fault("PUT", &path, "status=401", 1);
    app.browser.click("form.form button[type=submit]").await;
    app.browser.wait_for_text(".token-again", "rejected your organization token").await;
    assert_eq!(value(&app, "#project-name").await, "Legal Review 2");
    app.browser.type_into("#token-again", &app.organization_token()).await;
    app.browser.click(".token-again button[type=submit]").await;
    app.browser.wait_for_text("h1", "Legal Review 2").await;
    let saved = app.sandbox.read(|s| s.projects.iter().find(|p| p.id == id).map(|p| p.description.clone()));
    assert_eq!(saved.as_deref(), Some("Typed, not yet saved"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_with_unsaved_changes_asks_first() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let id = app.project_id("Customer Support");
    app.open(&format!("/projects/{id}/edit")).await;
    app.browser.wait_for_text("h1", "Edit").await;
    let prevents_unload =
        "const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented";
    assert_eq!(app.browser.eval(prevents_unload).await, false, "a clean form lets the tab close");

    app.browser.type_into("#project-name", "Customer Care").await;
    assert_eq!(app.browser.eval(prevents_unload).await, true, "closing the tab asks first");
    app.browser.click("header a[href='/projects']").await;
    assert!(app.browser.dialog_text().await.contains("unsaved changes"));
    app.browser.client.dismiss_alert().await.unwrap();
    assert_eq!(app.browser.location().await, format!("/projects/{id}/edit"));
    assert_eq!(value(&app, "#project-name").await, "Customer Care");

    app.browser.click("header a[href='/projects']").await;
    app.browser.dialog_text().await;
    app.browser.client.accept_alert().await.unwrap();
    app.wait_for_project_rows().await;
    assert_eq!(app.browser.location().await, "/projects");
    assert!(!app.sandbox.read(|s| s.projects.iter().any(|p| p.name == "Customer Care")), "nothing was saved");

    // Typing the original back makes the form clean again: no question.
    app.open(&format!("/projects/{id}/edit")).await;
    app.browser.wait_for_text("h1", "Edit").await;
    app.browser.type_into("#project-name", "Customer Support").await;
    app.browser.click("header a[href='/tokens']").await;
    app.browser.wait_for_text("h1", "Tokens").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saia_beta_edits_offer_active_and_hide_the_project() {
    let app = Dashboard::start_with(Config { dialect: Dialect::SaiaBeta, ..Config::default() }).await;
    app.connect_with_organization_token().await;
    let id = app.project_id("Marketing Copy");
    app.open(&format!("/projects/{id}/edit")).await;
    app.browser.wait_for_text("h1", "Edit").await;
    assert_eq!(app.browser.eval("return document.querySelector('#project-active').checked").await, true);
    app.browser.click("#project-active").await;
    app.browser.click("form.form button[type=submit]").await;
    app.browser.wait_for_text("h1", "Marketing Copy").await;
    app.browser.wait_for_text(".page-header", "Hidden").await;
    let status = app.sandbox.read(|s| s.projects.iter().find(|p| p.id == id).map(|p| p.status));
    assert_eq!(status, Some(ProjectStatus::Hidden));
    // Beta servers send no organization and no usage limit: the screen says so plainly.
    assert!(app.browser.text("main").await.contains("No usage limit is set"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_project_screens_work_against_a_saia_beta_server() {
    let app = Dashboard::start_with(Config { dialect: Dialect::SaiaBeta, ..Config::default() }).await;
    app.connect_with_organization_token().await;
    app.open("/projects/new").await;
    app.browser.type_into("#project-name", "Beta Project").await;
    app.browser.click("form.form button[type=submit]").await;
    app.browser.wait_for_text(".shown-once", "will not be shown again").await;
    let (_, secret, _) = app.project_tokens("Beta Project").remove(0);
    assert_eq!(app.browser.text(".shown-once .secret-value").await, secret);

    app.browser.click(".shown-once a.primary").await;
    app.browser.wait_for_text("h1", "Beta Project").await;
    app.browser.wait_for_text("tbody", "Default").await;
    let facts = app.browser.text(".facts").await;
    assert!(facts.contains("Organization\n\u{2014}"), "no organization on beta: {facts}");

    app.open("/tokens").await;
    app.browser.wait_for_text(".progress-line p", "Tokens of 9 projects").await;
    assert!(app.browser.text("tbody").await.contains("Beta Project"));

    app.open(&format!("/projects/{}", app.project_id("Beta Project"))).await;
    app.browser.click(".header-actions button.danger").await;
    app.browser.type_into("#delete-project-phrase", "Beta Project").await;
    app.browser.click("#delete-project button[type=submit]").await;
    app.wait_for_toast("was deleted").await;
    assert!(app.sandbox.read(|s| !s.projects.iter().any(|p| p.name == "Beta Project")));
}
