//! Deleting a project: a dialog that names it and works only once its name is typed; Cancel and Escape do
//! nothing and give the focus back.

use geai_e2e::Dashboard;

const DELETE_BUTTON: &str = ".header-actions button.danger";
const CONFIRM: &str = "#delete-project button[type=submit]";

async fn focused_is_delete_button(app: &Dashboard) -> bool {
    app.browser.eval("return document.activeElement === document.querySelector('.header-actions button.danger')").await
        == true
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deleting_needs_the_typed_name_and_removes_the_project() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let id = app.project_id("Legal Review");
    app.open_project("Legal Review").await;
    let dialog_open = "return document.querySelector('#delete-project').open";

    // Escape closes it, deletes nothing, and gives the focus back.
    app.browser.element(DELETE_BUTTON).await.click().await.unwrap();
    app.browser
        .wait_until("the dialog", || async { (app.browser.eval(dialog_open).await == true).then_some(()) })
        .await;
    assert!(app.browser.text("#delete-project h2").await.contains("Delete \u{201c}Legal Review\u{201d}?"));
    assert_eq!(app.browser.eval(&format!("return document.querySelector('{CONFIRM}').disabled")).await, true);
    app.browser.client.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();
    app.browser.wait_until("closed", || async { (app.browser.eval(dialog_open).await == false).then_some(()) }).await;
    assert!(focused_is_delete_button(&app).await, "focus returns to Delete after Escape");

    // A wrong name keeps the button disabled; Cancel closes it.
    app.browser.element(DELETE_BUTTON).await.click().await.unwrap();
    app.browser.type_into("#delete-project-phrase", "Legal").await;
    assert_eq!(app.browser.eval(&format!("return document.querySelector('{CONFIRM}').disabled")).await, true);
    app.browser.click("#delete-project button[type=button]").await;
    app.browser.wait_until("closed", || async { (app.browser.eval(dialog_open).await == false).then_some(()) }).await;
    assert!(focused_is_delete_button(&app).await, "focus returns to Delete after Cancel");
    assert!(app.sandbox.read(|s| s.project(&id).is_ok()), "nothing was deleted");
    assert!(!app.api_requests().iter().any(|r| r.method == "DELETE"));

    // The exact name enables it; then the project is gone, from the server and the list, and a notification says so.
    app.browser.element(DELETE_BUTTON).await.click().await.unwrap();
    assert_eq!(
        app.browser.eval("return document.querySelector('#delete-project-phrase').value").await,
        "",
        "starts empty"
    );
    app.browser.type_into("#delete-project-phrase", "Legal Review").await;
    app.browser.click(CONFIRM).await;
    app.wait_for_toast("Project \u{201c}Legal Review\u{201d} was deleted").await;
    app.wait_for_project_rows().await;
    assert_eq!(app.browser.location().await, "/projects");
    assert!(!app.shown_project_names().await.contains(&"Legal Review".to_string()));
    assert!(app.sandbox.read(|s| s.project(&id).is_err()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_delete_says_why_and_keeps_the_dialog() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    let id = app.project_id("Data Insights");
    app.open_project("Data Insights").await;
    app.inject_fault("DELETE", &format!("/v1/organization/project/{id}"), "status=503", 1);
    app.browser.element(DELETE_BUTTON).await.click().await.unwrap();
    app.browser.type_into("#delete-project-phrase", "Data Insights").await;
    app.browser.click(CONFIRM).await;
    app.browser.wait_for_text("#delete-project .form-error", "HTTP 503").await;
    app.wait_for_toast("Deleting \u{201c}Data Insights\u{201d} failed").await;
    assert_eq!(app.browser.eval("return document.querySelector('#delete-project').open").await, true);
    app.browser.click(CONFIRM).await;
    app.wait_for_toast("was deleted").await;
    assert!(app.sandbox.read(|s| s.project(&id).is_err()));
}
