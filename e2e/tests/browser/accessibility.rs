//! axe-core finds no violation on any screen, in any state.

use geai_e2e::Dashboard;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_connect_projects_and_not_found_screens_pass_the_audit() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.browser.element("#organization-token").await;
    app.audit_accessibility("connect").await;

    app.submit_connect_form("wrong", "").await;
    app.browser.wait_for_text("#organization-token-error", "rejected").await;
    app.audit_accessibility("connect, with an error").await;

    app.submit_connect_form(&app.organization_token(), &app.project_token("Sales Assistant")).await;
    app.wait_for_project_rows().await;
    app.audit_accessibility("projects").await;

    app.open("/projects?hidden=1&q=zzz").await;
    app.browser.wait_for_text(".empty", "No projects match").await;
    app.audit_accessibility("projects, empty search").await;

    app.open("/connect").await;
    app.browser.wait_for_text(".card", "Sales Assistant").await;
    app.audit_accessibility("connect, connected").await;

    app.inject_fault("GET", "/v1/organization/projects", "status=503", 1);
    app.open("/projects").await;
    app.browser.wait_for_text(".error-panel", "HTTP 503").await;
    app.audit_accessibility("projects, server error").await;

    app.open("/no/such/screen").await;
    app.browser.wait_for_text("h1", "Page not found").await;
    app.audit_accessibility("not found").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_alone_connects_and_sorts() {
    let app = Dashboard::start().await;
    app.open("/connect").await;
    app.browser.element("#base-url").await.click().await.unwrap();
    // Tab to the organization token, type it, and press Enter to submit.
    let tab = "\u{e004}";
    let enter = "\u{e007}";
    let active = app.browser.client.active_element().await.unwrap();
    active.send_keys(tab).await.unwrap();
    let focused = app.browser.eval("return document.activeElement.id").await;
    assert_eq!(focused, "organization-token");
    let token = app.organization_token();
    app.browser.client.active_element().await.unwrap().send_keys(&format!("{token}{enter}")).await.unwrap();
    app.wait_for_projects(&app.active_project_names()).await;
    app.browser
        .wait_until("focus on the new screen's heading", || async {
            (app.browser.eval("return document.activeElement.id").await == "projects-heading").then_some(())
        })
        .await;

    // Typing a search changes the URL's query but keeps the focus in the search box.
    app.browser.type_into("#project-search", "leg").await;
    app.wait_for_projects(&["Legal Review".to_string()]).await;
    assert_eq!(app.browser.eval("return document.activeElement.id").await, "project-search");
    app.browser.type_into("#project-search", "").await;
    app.wait_for_projects(&app.active_project_names()).await;

    // The sort buttons are reachable and show a focus ring.
    app.browser.eval("document.querySelector('th button.sort').focus(); return true").await;
    let outline = app.browser.eval("return getComputedStyle(document.activeElement).outlineStyle").await;
    assert_eq!(outline, "solid", "visible focus");
    app.browser.client.active_element().await.unwrap().send_keys(enter).await.unwrap();
    app.browser
        .wait_until("sorted descending", || async {
            (app.browser.location().await == "/projects?sort=-name").then_some(())
        })
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dark_scheme_passes_the_audit_too() {
    let app = Dashboard::start().await;
    app.browser.emulate_color_scheme("dark").await;
    app.open("/connect").await;
    app.browser.element("#organization-token").await;
    let background = app.browser.eval("return getComputedStyle(document.body).backgroundColor").await;
    assert_eq!(background, "rgb(20, 22, 26)", "the dark palette is in use");

    app.submit_connect_form("wrong", "").await;
    app.browser.wait_for_text("#organization-token-error", "rejected").await;
    app.audit_accessibility("connect, with an error, dark").await;

    app.submit_connect_form(&app.organization_token(), "").await;
    app.wait_for_project_rows().await;
    app.open("/projects?hidden=1").await;
    app.browser.wait_for_text("tbody", "Hidden").await;
    app.audit_accessibility("projects with hidden ones, dark").await;

    app.inject_fault("GET", "/v1/organization/projects", "status=500", 1);
    app.browser.reload().await;
    app.browser.wait_for_text(".error-panel", "HTTP 500").await;
    app.audit_accessibility("projects, server error, dark").await;
}

/// The screens and dialogs of project management, in both schemes, each audited by axe-core; the README's
/// screenshots are taken on the way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn project_screens_and_dialogs_pass_the_audit_light_and_dark() {
    for scheme in ["light", "dark"] {
        let app = Dashboard::start().await;
        app.browser.emulate_color_scheme(scheme).await;
        let shoot = |name: &str| format!("{name}-{scheme}");
        app.connect_with_organization_token().await;
        if scheme == "light" {
            app.browser.screenshot(&shoot("projects")).await;
        }

        app.open_project("Sales Assistant").await;
        app.browser.wait_for_text(".token-table tbody", "Blocked").await;
        app.browser.screenshot(&shoot("project")).await;
        app.browser.click("button[aria-label='Reveal token Default']").await;
        app.audit_accessibility(&format!("project, {scheme}")).await;

        app.browser.click(".header-actions button.danger").await;
        app.browser.type_into("#delete-project-phrase", "Sales").await;
        app.audit_accessibility(&format!("delete dialog, {scheme}")).await;
        app.browser.click("#delete-project button[type=button]").await;

        app.browser.click("a[href$='/edit']").await;
        app.browser.wait_for_text("h1", "Edit").await;
        app.browser.type_into("#project-name", "").await;
        app.browser.click("form.form button[type=submit]").await;
        app.browser.wait_for_text("#project-name-error", "Enter a name").await;
        app.inject_fault("PUT", "/v1/organization/project/", "status=401", 1);
        app.browser.type_into("#project-name", "Sales Assistant").await;
        app.browser.type_into("#project-description", "Changed").await;
        app.browser.click("form.form button[type=submit]").await;
        app.browser.wait_for_text(".token-again", "rejected").await;
        app.wait_for_toast("Saving the project failed").await;
        app.audit_accessibility(&format!("edit form, token rejected, with a notification, {scheme}")).await;
        // Saving leaves a clean form behind, so opening the next screen raises no unsaved-changes prompt.
        app.browser.type_into("#token-again", &app.organization_token()).await;
        app.browser.click(".token-again button[type=submit]").await;
        app.browser.wait_for_text(".lead", "Changed").await;

        app.open("/projects/new").await;
        app.browser.element("#project-name").await;
        app.browser.click("#limit-enabled").await;
        app.browser.type_into("#soft-limit", "x").await;
        app.browser.click("form.form button[type=submit]").await;
        app.browser.wait_for_text("#soft-limit-error", "not a number").await;
        app.audit_accessibility(&format!("create form with errors, {scheme}")).await;
        app.browser.type_into("#project-name", "Audit Trail").await;
        app.browser.type_into("#project-description", "Who did what, and when").await;
        app.browser.type_into("#soft-limit", "800").await;
        app.browser.type_into("#hard-limit", "1000").await;
        if scheme == "light" {
            app.browser.screenshot("new-project-light").await;
        }
        app.browser.click("form.form button[type=submit]").await;
        app.browser.wait_for_text(".shown-once", "will not be shown again").await;
        app.audit_accessibility(&format!("created tokens, {scheme}")).await;
        app.browser.screenshot(&shoot("created-tokens")).await;

        let failing = app.project_id("Legal Review");
        app.inject_fault("GET", &format!("/v1/organization/project/{failing}/tokens"), "status=503", 1);
        app.open("/tokens").await;
        app.browser.wait_for_text(".progress-line p", "1 failed").await;
        app.audit_accessibility(&format!("token audit with a failure, {scheme}")).await;
        app.browser.screenshot(&shoot("tokens")).await;
    }
}

/// The assistants, the request log with its panel, download progress and charts, in both schemes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_screens_pass_the_audit_light_and_dark() {
    for scheme in ["light", "dark"] {
        let app = Dashboard::start().await;
        app.browser.emulate_color_scheme(scheme).await;
        app.open("/connect").await;
        app.submit_connect_form(&app.organization_token(), &app.project_token("Sales Assistant")).await;
        app.wait_for_project_rows().await;

        app.open("/assistants").await;
        app.browser.click("article.assistant summary").await;
        app.browser.wait_for_text("article.assistant details", "Revision").await;
        app.audit_accessibility(&format!("assistants, {scheme}")).await;
        app.browser.screenshot(&format!("assistants-{scheme}")).await;

        app.open("/requests?status=failed").await;
        app.browser.wait_for_text(".pager-summary", "Rows 1").await;
        app.inject_fault("GET", "/v1/organization/request/export", "status=503", 4);
        app.browser.click(".download button.primary").await;
        app.browser.wait_for_text(".download-status", "trying again").await;
        app.audit_accessibility(&format!("requests, a download retrying, {scheme}")).await;
        app.browser.screenshot(&format!("requests-{scheme}")).await;
        app.browser.wait_for_text(".download-status", "Stopped after").await;
        app.audit_accessibility(&format!("requests, a download stopped, {scheme}")).await;

        app.browser.click(".request-table tbody tr td:nth-child(3)").await;
        app.browser.wait_for_text("#request-panel", "Output").await;
        app.audit_accessibility(&format!("request panel, {scheme}")).await;
        app.browser.screenshot(&format!("request-panel-{scheme}")).await;
    }
}

/// Token management and usage limits, in both schemes: the organization screen, the project's token manager
/// with a new token shown once and the limit form open, and the audit's bulk results.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_and_limit_screens_pass_the_audit_light_and_dark() {
    for scheme in ["light", "dark"] {
        let app = Dashboard::start().await;
        app.browser.emulate_color_scheme(scheme).await;
        app.connect_with_organization_token().await;

        app.open("/organization").await;
        app.browser.wait_for_text(".project-limits", "Hard limit reached").await;
        app.audit_accessibility(&format!("organization, {scheme}")).await;
        app.browser.screenshot(&format!("organization-{scheme}")).await;

        app.open_project("Sales Assistant").await;
        app.browser.click(".token-toolbar button").await;
        app.browser.type_into("#new-token-name", "Audit").await;
        app.browser.click("form.new-token button[type=submit]").await;
        app.browser.wait_for_text(".shown-once", "will not be shown again").await;
        app.browser.click(".limit-actions button[aria-expanded]").await;
        app.browser.type_into("#change-limit-hard", "1").await;
        app.browser.click(".limit-form button[type=submit]").await;
        app.browser.wait_for_text("#change-limit-hard-error", "at least the soft limit").await;
        app.audit_accessibility(&format!("token manager and limit form, {scheme}")).await;

        app.open("/tokens").await;
        app.browser.wait_for_text(".progress-line p", "Tokens of 8 projects").await;
        app.browser.click("input[aria-label='Select token Default of Data Insights']").await;
        app.browser.click(".bulk-bar button:nth-of-type(1)").await;
        app.browser.click("#bulk-confirm button[type=submit]").await;
        app.browser.wait_for_text(".bulk-results", "1 of 1 done").await;
        app.audit_accessibility(&format!("token audit with bulk results, {scheme}")).await;
    }
}

/// Members and roles in both schemes: the members list, a person's access, a project's members with the
/// invitation form and the removal dialog, the plugin policies, and the access review in both its views; the
/// README's screenshots on the way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_screens_and_dialogs_pass_the_audit_light_and_dark() {
    for scheme in ["light", "dark"] {
        let app = Dashboard::start().await;
        app.browser.emulate_color_scheme(scheme).await;
        app.connect_with_organization_token().await;

        app.open("/members").await;
        app.browser.wait_for_text(".members-table tbody", "@").await;
        app.audit_accessibility(&format!("members, {scheme}")).await;
        app.browser.screenshot(&format!("members-{scheme}")).await;
        app.browser.click(".members-table tbody tr th a").await;
        app.browser.wait_for_text(".person-projects tbody", "(").await;
        app.audit_accessibility(&format!("a person's access, {scheme}")).await;

        app.open("/organization").await;
        app.browser.wait_for_text("section[aria-labelledby=policies-heading] dl", "Within").await;
        app.audit_accessibility(&format!("organization with policies, {scheme}")).await;

        app.open_project("Sales Assistant").await;
        app.browser.wait_for_text(".project-members tbody", "@").await;
        app.browser.click_role("button", "Invite").await;
        app.browser.click_role("button", "Send invitation").await;
        app.browser.wait_for_text("#invite-email-error", "e-mail").await;
        app.audit_accessibility(&format!("project members with the invitation form, {scheme}")).await;
        app.browser.click(".project-members tbody tr button.danger").await;
        app.browser.wait_for_text("dialog[open] h2", "Remove").await;
        app.audit_accessibility(&format!("the removal dialog, {scheme}")).await;

        app.open("/access").await;
        app.browser.wait_for_text(".progress-line [role=status]", "8 of 8 projects loaded").await;
        app.audit_accessibility(&format!("access review, {scheme}")).await;
        app.browser.screenshot(&format!("access-review-{scheme}")).await;
        app.open("/access?view=admins").await;
        app.browser.wait_for_text(".admins-table tbody", "@").await;
        app.audit_accessibility(&format!("administrators on several projects, {scheme}")).await;
    }
}

/// Every Arcee screen, connected and not, in both schemes; the README's Arcee screenshots on the way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arcee_screens_pass_the_audit_light_and_dark() {
    for scheme in ["light", "dark"] {
        let app = Dashboard::start().await;
        app.browser.emulate_color_scheme(scheme).await;
        app.open("/arcee/keys").await;
        app.browser.wait_for_text("main", "No Arcee installation is connected").await;
        app.audit_accessibility(&format!("arcee, not connected, {scheme}")).await;

        app.submit_arcee_form("wrong", "").await;
        app.browser.wait_for_text("#arcee-key-error", "rejected").await;
        app.audit_accessibility(&format!("arcee connect with an error, {scheme}")).await;
        app.connect_arcee().await;
        app.audit_accessibility(&format!("arcee account, {scheme}")).await;

        app.open("/arcee/keys").await;
        app.browser.wait_for_text("table.key-table", "Expired").await;
        app.set_value("#key-expiry", &geai_e2e::dates::days_from_today(60)).await;
        app.browser.click("form button[type=submit]").await;
        app.browser.wait_for_text(".shown-once", "arc_").await;
        app.browser.screenshot(&format!("arcee-keys-{scheme}")).await;
        app.audit_accessibility(&format!("arcee keys with a new key, {scheme}")).await;

        app.open("/arcee/organization").await;
        app.browser.click("form[aria-labelledby=invite-heading] button[type=submit]").await;
        app.browser.wait_for_text("form[aria-labelledby=invite-heading] .form-error", "at least one").await;
        app.audit_accessibility(&format!("arcee organizations with an error, {scheme}")).await;

        app.open("/arcee/contexts").await;
        app.browser.click("form[aria-labelledby=upload-heading] button[type=submit]").await;
        app.browser.wait_for_text("#context-file-error", "Choose a CSV file").await;
        app.audit_accessibility(&format!("arcee contexts with errors, {scheme}")).await;

        app.open("/arcee/retrieval").await;
        app.browser.type_into("#retrieve-id", "faq").await;
        app.browser.type_into("#retrieve-query", "export my data").await;
        app.browser.click("form button[type=submit]").await;
        app.browser
            .wait_until("results or nothing matched", || async {
                let text = app.browser.text("section[aria-labelledby=results-heading]").await;
                (text.contains("Score") || text.contains("Nothing matched")).then_some(())
            })
            .await;
        app.browser.screenshot(&format!("arcee-retrieval-{scheme}")).await;
        app.audit_accessibility(&format!("arcee retrieval, {scheme}")).await;

        app.open("/arcee/feedback").await;
        app.browser.click("form button[type=submit]").await;
        app.browser.wait_for_text("#feedback-message-error", "Write a message").await;
        app.audit_accessibility(&format!("arcee feedback with an error, {scheme}")).await;
    }
}
