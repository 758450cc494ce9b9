//! The Arcee workspace's forms: organizations and invitations, context uploads, retrieval and feedback, with
//! refusals shown where they belong and API text rendered as text.

use std::path::{Path, PathBuf};

use geai_e2e::Dashboard;

const PAYLOAD: &str = r#"<img src=x onerror="window.__owned=1"><script>window.__owned=2</script>"#;

/// Writes `content` to a file the browser can be given, named after the test.
fn csv_file(name: &str, content: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("geai-arcee-{}-{name}.csv", std::process::id()));
    std::fs::write(&path, content).expect("write the CSV");
    path
}

async fn choose_file(app: &Dashboard, path: &Path) {
    let input = app.browser.element("#context-file").await;
    input.send_keys(&path.display().to_string()).await.expect("choose the file");
}

async fn assert_inert(app: &Dashboard, screen: &str) {
    assert_eq!(app.browser.eval("return window.__owned === undefined").await, true, "no script ran on {screen}");
    let injected = app.browser.eval("return document.querySelectorAll('main img, main script, main b').length").await;
    assert_eq!(injected, 0, "no element was made from API text on {screen}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organizations_and_invitations_keep_every_address() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    app.open("/arcee/organization").await;

    let name = format!("Acme <b>Research</b> {PAYLOAD}");
    app.browser.type_into("#organization-name", &name).await;
    app.browser.click("form[aria-labelledby=new-organization-heading] button[type=submit]").await;
    app.browser.wait_for_text(".created-organization", "<b>Research</b>").await;
    assert!(app.browser.text(".created-organization").await.contains("acme-b-research-b-img"), "the slug is shown");
    assert_inert(&app, "the created organization").await;
    // The same name again: the slug is taken, said at the name.
    app.browser.type_into("#organization-name", &name).await;
    app.browser.click("form[aria-labelledby=new-organization-heading] button[type=submit]").await;
    app.browser.wait_for_text("#organization-name-error", "already taken").await;
    assert_eq!(
        app.browser.eval("return document.querySelector('#organization-name').value").await,
        name.as_str(),
        "kept as typed"
    );

    // The notifications are dismissed, as a user would, so that none covers the rows below.
    app.browser.eval("document.querySelectorAll('.toasts button').forEach(b => b.click()); return true").await;

    // A pasted list becomes one row per address at once; removing the row it was pasted into keeps the others.
    let paste = "const e = document.querySelector('input[id^=invitee-]'); e.value = 'x@example.com, y@example.com'; \
                 e.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' })); return true";
    app.browser.eval(paste).await;
    let rows = "input[id^=invitee-]";
    let values = format!("return [...document.querySelectorAll('{rows}')].map(e => e.value)");
    app.browser
        .wait_until("one row per pasted address", || async {
            (app.browser.eval(&values).await == serde_json::json!(["x@example.com", "y@example.com"])).then_some(())
        })
        .await;
    app.browser.click("button[aria-label='Remove address 1']").await;
    assert_eq!(app.browser.eval(&values).await, serde_json::json!(["y@example.com"]));
    assert_eq!(app.browser.text(".counter").await, "1 of 10", "the row made by the paste still works");

    // Eleven addresses typed into one field: one row each on submit, and refused before sending.
    let eleven: Vec<String> = (1..=11).map(|i| format!("person{i}@example.com")).collect();
    app.browser.type_into("input[id^=invitee-]", &eleven.join(", ")).await;
    app.browser.click("form[aria-labelledby=invite-heading] button[type=submit]").await;
    app.browser.wait_for_text("form[aria-labelledby=invite-heading] .form-error", "At most 10 people").await;
    assert_eq!(
        app.browser.eval("return document.querySelectorAll('input[id^=invitee-]').length").await,
        11,
        "one row each"
    );
    assert_eq!(app.requests_to("POST", "/v2/organizations/sandbox-labs/invite"), 0, "nothing was sent");

    // Down to three, one of them bad: the server's 422 names it, next to it; the others stay.
    for _ in 0..8 {
        app.browser.click("button[aria-label='Remove address 4']").await;
    }
    assert_eq!(app.browser.eval(&format!("return document.querySelectorAll('{rows}').length")).await, 3);
    app.browser.type_into("div.invitee:nth-of-type(2) input", "someone@localhost").await;
    app.browser.click("form[aria-labelledby=invite-heading] button[type=submit]").await;
    app.browser.wait_for_text("div.invitee:nth-of-type(2) .field-error", "should have a period").await;
    assert_eq!(app.browser.text("div.invitee:nth-of-type(1) .field-error").await, "");
    let values = app.browser.eval(&format!("return [...document.querySelectorAll('{rows}')].map(e => e.value)")).await;
    assert_eq!(values, serde_json::json!(["person1@example.com", "someone@localhost", "person3@example.com"]));
    app.audit_accessibility("invitation refused by the server").await;

    app.browser.type_into("div.invitee:nth-of-type(2) input", "person2@example.com").await;
    app.browser.click("form[aria-labelledby=invite-heading] button[type=submit]").await;
    app.wait_for_toast("Invited 3 people to sandbox-labs").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_csv_is_checked_before_upload_and_watched_until_ready() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    app.open("/arcee/contexts").await;
    app.browser.type_into("#context-name", "release-notes").await;

    // Wrong columns: refused at the file field, nothing sent.
    choose_file(&app, &csv_file("wrong", "title,body\nA,B\n")).await;
    app.browser.wait_for_text("#context-file-error", "title,body").await;
    app.browser.click("form[aria-labelledby=upload-heading] button[type=submit]").await;
    assert_eq!(app.requests_to("POST", "/v2/contexts/"), 0, "nothing was sent");

    // A ragged row passes the browser's header check; the server's 422 lands at the file field.
    choose_file(&app, &csv_file("ragged", "doc,title\nfirst body,First\nonly one field\n")).await;
    app.browser.wait_for_text("#context-file-columns", "doc, title").await;
    app.browser.click("form[aria-labelledby=upload-heading] button[type=submit]").await;
    app.browser.wait_for_text("#context-file-error", "row 2 has 1 fields").await;
    assert_eq!(app.browser.eval("return document.querySelector('#context-name').value").await, "release-notes");

    // A small good file: ready at once (201).
    // Columns in another order, so that the wait below sees this file's header, not the last one's.
    choose_file(&app, &csv_file("small", "title,doc\nSmall,\"Quoted, with a comma\"\n")).await;
    app.browser.wait_for_text("#context-file-columns", "title, doc").await;
    app.browser.click("form[aria-labelledby=upload-heading] button[type=submit]").await;
    app.browser.wait_for_text(".retriever-status.ready", "Ready: release-notes").await;

    // A large one (202): processing, then ready, polled by the screen.
    let mut large = String::from("answer,doc,question,title\n");
    for i in 0..400 {
        large.push_str(&format!("Answer {i},Body {i} about exports,Question {i}?,Title {i}\n"));
    }
    choose_file(&app, &csv_file("large", &large)).await;
    app.browser.wait_for_text("#context-file-columns", "answer, doc, question, title").await;
    app.browser.click("form[aria-labelledby=upload-heading] button[type=submit]").await;
    app.browser.wait_for_text(".retriever-status", "processing").await;
    app.audit_accessibility("context processing").await;
    app.browser.wait_for_text(".retriever-status.ready", "Ready: release-notes").await;
    let polls = app.requests_to("GET", "/v2/retrievers/status/release-notes");
    assert!(polls >= 1, "the status was polled");
    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    assert_eq!(app.requests_to("GET", "/v2/retrievers/status/release-notes"), polls, "polling stops once ready");

    app.browser.type_into("#status-name", "release-notes").await;
    app.browser.click("form[aria-labelledby=status-heading] button[type=submit]").await;
    app.browser.wait_for_text(".lookup-status", "release-notes: ready").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retrieval_answers_with_scores_and_payloads_stay_text() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;

    // Rows with HTML and script, uploaded through the screen.
    app.open("/arcee/contexts").await;
    app.browser.type_into("#context-name", "payloads").await;
    // Quotes doubled inside quoted fields, as CSV escapes them.
    let content = format!("doc,title\n\"Reset {} password\",\"<b>Reset</b> guide\"\n", PAYLOAD.replace('"', "\"\""));
    choose_file(&app, &csv_file("payloads", &content)).await;
    app.browser.wait_for_text("#context-file-columns", "doc, title").await;
    app.browser.click("form[aria-labelledby=upload-heading] button[type=submit]").await;
    app.browser.wait_for_text(".retriever-status.ready", "Ready: payloads").await;

    app.open("/arcee/retrieval").await;
    app.browser.type_into("#retrieve-id", "support-docs").await;
    app.browser.type_into("#retrieve-query", "reset password").await;
    app.browser.type_into("#retrieve-size", "3").await;
    app.browser.click("form button[type=submit]").await;
    app.browser.wait_for_text(".results", "Score").await;
    let results = app.browser.eval("return document.querySelectorAll('.results li.result').length").await;
    assert!((1..=3).contains(&results.as_u64().unwrap()), "at most 3 results: {results}");
    let scores = app
        .browser
        .eval("return [...document.querySelectorAll('.result .score strong')].map(e => parseFloat(e.textContent))")
        .await;
    let scores: Vec<f64> = serde_json::from_value(scores).unwrap();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first: {scores:?}");
    assert_eq!(scores[0], 1.0, "both words found in the best row");
    app.audit_accessibility("retrieval results").await;

    // A refusal at its field: size out of range is caught here; an unknown model by the server.
    app.browser.type_into("#retrieve-id", "no-such-model").await;
    app.browser.type_into("#retrieve-size", "5").await;
    app.browser.click("form button[type=submit]").await;
    app.browser.wait_for_text("#retrieve-id-error", "no-such-model").await;
    assert_eq!(app.browser.eval("return document.querySelector('#retrieve-query').value").await, "reset password");

    app.browser.type_into("#retrieve-id", "payloads").await;
    app.browser.click("form button[type=submit]").await;
    app.browser.wait_for_text(".results", "<b>Reset</b> guide").await;
    assert!(app.browser.text(".results").await.contains(PAYLOAD));
    assert_inert(&app, "retrieval results").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_is_confirmed_and_kept_on_failure() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    app.open("/arcee/feedback").await;
    app.browser.type_into("#feedback-message", "The retrieval screen is quick.").await;
    app.browser.type_into("#feedback-location", "retrieval").await;

    app.inject_fault("POST", "/v2/feedback", "status=503", 1);
    app.browser.click("form button[type=submit]").await;
    app.browser.wait_for_text("form .form-error", "HTTP 503").await;
    assert_eq!(app.browser.text("#feedback-message-error").await, "", "a failed server is not the message's fault");
    assert_eq!(
        app.browser.eval("return document.querySelector('#feedback-message').value").await,
        "The retrieval screen is quick."
    );

    app.browser.click("form button[type=submit]").await;
    app.browser.wait_for_text(".feedback-confirmed", "HTTP 202 Accepted").await;
    assert_eq!(app.browser.eval("return document.querySelector('#feedback-message').value").await, "");
}
