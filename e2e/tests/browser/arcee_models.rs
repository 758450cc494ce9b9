//! The Arcee Models screen: a new model trained on a context this tab looked up, a refusal at its field with
//! the input kept, a retrain by id, and the model then offered and queried in Retrieval. The tab's memory of
//! what it has seen lives in the page, so every move between screens here is by the navigation, never a reload.

use geai_e2e::Dashboard;
use geai_sandbox::arcee::model::Model;

const TRAIN: &str = "form[aria-labelledby=train-heading] button[type=submit]";

/// The sandbox's model called `name`, if any.
fn model_named(app: &Dashboard, name: &str) -> Option<Model> {
    app.sandbox.read(|s| s.arcee.models.iter().find(|m| m.name == name).cloned())
}

async fn value_of(app: &Dashboard, css: &str) -> String {
    let script = format!("return document.querySelector({}).value", serde_json::json!(css));
    app.browser.eval(&script).await.as_str().unwrap_or_default().to_string()
}

/// The audit in both colour schemes, leaving the light one.
async fn audit_light_and_dark(app: &Dashboard, screen: &str) {
    for scheme in ["light", "dark"] {
        app.browser.emulate_color_scheme(scheme).await;
        app.audit_accessibility(&format!("{screen}, {scheme}")).await;
    }
    app.browser.emulate_color_scheme("light").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_model_is_trained_refused_at_its_field_retrained_and_queried() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;

    // A context looked up on the Contexts screen is remembered by the tab.
    app.browser.click("nav a[href='/arcee/contexts']").await;
    app.browser.type_into("#status-name", "faq").await;
    app.browser.click("form[aria-labelledby=status-heading] button[type=submit]").await;
    app.browser.wait_for_text(".lookup-status", "faq: ready").await;

    // ...and offered as the context of a new model.
    app.browser.click("nav a[href='/arcee/models']").await;
    app.browser.element("#model-name").await;
    let offered = app
        .browser
        .eval("return [...document.querySelectorAll('#model-context-suggestions option')].map(o => o.value)")
        .await;
    assert_eq!(offered, serde_json::json!(["faq"]), "the looked-up context is suggested");
    app.browser.click("[aria-labelledby=model-context-contexts-picks] button.pick").await;
    assert_eq!(value_of(&app, "#model-context").await, "faq", "the pick fills the field");
    let focused = app.browser.eval("return document.activeElement && document.activeElement.id").await;
    assert_eq!(focused, "model-context", "and puts the focus back in it");
    app.browser.type_into("#model-name", "faq-bot").await;
    app.browser.type_into("#model-generator", "arcee-lite").await;
    app.browser.click(TRAIN).await;
    let said = app.browser.wait_for_text(".trained-model", "Training started for model mdl_").await;
    let trained = model_named(&app, "faq-bot").expect("the sandbox has the new model");
    assert_eq!((trained.context.as_deref(), trained.generator.as_deref()), (Some("faq"), Some("arcee-lite")));
    assert_eq!(trained.trainings, 1);
    assert!(said.contains(&trained.id), "the id Arcee gave is shown: {said}");
    assert!(said.contains("\u{201c}Training started\u{201d}"), "with Arcee's message: {said}");
    audit_light_and_dark(&app, "models, training started").await;

    // An unknown context: the 422 lands at the context field, and nothing typed is lost or trained.
    app.browser.type_into("#model-name", "faq-bot-2").await;
    app.browser.type_into("#model-context", "no-such-context").await;
    app.browser.click(TRAIN).await;
    app.browser.wait_for_text("#model-context-error", "context 'no-such-context' not found").await;
    assert_eq!(app.browser.text("#model-name-error").await, "", "the name is not at fault");
    assert_eq!(value_of(&app, "#model-name").await, "faq-bot-2");
    assert_eq!(value_of(&app, "#model-context").await, "no-such-context");
    assert_eq!(value_of(&app, "#model-generator").await, "arcee-lite");
    assert_eq!(
        app.browser.eval("return document.activeElement.id").await,
        "model-context",
        "focus on the refused field"
    );
    assert!(model_named(&app, "faq-bot-2").is_none(), "nothing was trained");
    audit_light_and_dark(&app, "models, refused at the context").await;
    app.browser.screenshot("arcee-models-light").await;

    // Retrain by id: an unknown id is refused at the id field...
    app.browser.click("#train-again").await;
    app.browser.type_into("#model-id", "mdl_nope").await;
    app.browser.type_into("#model-context", "support-docs").await;
    assert_eq!(app.browser.text("#model-context-error").await, "", "editing the field dropped its old message");
    app.browser.click(TRAIN).await;
    app.browser.wait_for_text("#model-id-error", "no model with id 'mdl_nope'").await;
    assert_eq!(value_of(&app, "#model-id").await, "mdl_nope");

    // ...and the model trained above, picked from this tab's list, is trained again on another context.
    let pick = "[aria-labelledby=model-id-models-picks] button.pick";
    let label = app.browser.wait_for_text(pick, "faq-bot").await;
    assert_eq!(label, format!("faq-bot ({})", trained.id));
    app.browser.click(pick).await;
    assert_eq!(value_of(&app, "#model-id").await, trained.id);
    let models_before = app.sandbox.read(|s| s.arcee.models.len());
    app.browser.click(TRAIN).await;
    app.browser.wait_for_text(".trained-model", &format!("Training started for model {}", trained.id)).await;
    let retrained = model_named(&app, "faq-bot").expect("still there, under its name");
    assert_eq!((retrained.id.as_str(), retrained.trainings), (trained.id.as_str(), 2), "the same model, again");
    assert_eq!(retrained.context.as_deref(), Some("support-docs"));
    assert_eq!(retrained.generator.as_deref(), Some("arcee-lite"), "the generator field kept what was typed");
    assert_eq!(app.sandbox.read(|s| s.arcee.models.len()), models_before, "no new model");

    // Retrieval offers the model trained in this tab, and queries it.
    app.browser.click("nav a[href='/arcee/retrieval']").await;
    app.browser.element("#retrieve-id").await;
    let suggested = format!("#retrieve-id-suggestions option[value='{}']", trained.id);
    assert_eq!(app.browser.text(&suggested).await, format!("faq-bot ({})", trained.id));
    app.browser.click("[aria-labelledby=retrieve-id-models-picks] button.pick").await;
    assert_eq!(value_of(&app, "#retrieve-id").await, trained.id);
    app.browser.type_into("#retrieve-query", "reset password").await;
    app.browser.click("form[aria-labelledby=retrieval-form-heading] button[type=submit]").await;
    app.browser.wait_for_text(".results", "Score").await;
    let best = app.browser.text(".result .score strong").await;
    assert_eq!(best, "1.0000", "both words found in the model's context (support-docs)");
    assert_eq!(app.requests_to("POST", "/v2/models/retrieve"), 1);
    audit_light_and_dark(&app, "retrieval with this tab's models").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn training_without_a_name_is_refused_before_sending_and_a_reload_forgets_the_tabs_list() {
    let app = Dashboard::start().await;
    app.connect_arcee().await;
    app.browser.click("nav a[href='/arcee/models']").await;
    app.browser.click(TRAIN).await;
    app.browser.wait_for_text("#model-name-error", "Enter the new model's name").await;
    assert_eq!(app.requests_to("POST", "/v2/models/train"), 0, "nothing was sent");

    app.browser.type_into("#model-name", "bare").await;
    app.browser.click(TRAIN).await;
    app.browser.wait_for_text(".trained-model", "Training started").await;
    assert!(model_named(&app, "bare").is_some());
    app.browser.click("#train-again").await;
    app.browser.wait_for_text("[aria-labelledby=model-id-models-picks]", "bare").await;

    // The list is the tab's memory of this visit, not stored anywhere: a reload starts without it.
    app.browser.reload().await;
    app.browser.element("#model-name").await;
    app.browser.click("#train-again").await;
    app.browser.element("#model-id").await;
    let picks = app.browser.eval("return document.querySelectorAll('.picks').length").await;
    assert_eq!(picks, 0, "nothing offered after a reload");
    let stored = app.browser.eval("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)").await;
    assert!(!stored.as_str().unwrap_or_default().contains("bare"), "the model's name is stored nowhere");
}
