//! One request in full: every field, long texts whole with their line breaks, each text with Copy. A modal, so
//! Escape closes it and the focus returns to the row it was opened from.

use leptos::prelude::*;

use super::table::RequestStatusBadge;
use crate::api::ExportItem;
use crate::components::{CopyButton, Modal};
use crate::format::parse_timestamp;
use crate::i18n::t;
use crate::i18n::{amount, exact};

#[component]
pub fn RequestPanel(item: ExportItem, index: u64, on_close: Callback<()>) -> impl IntoView {
    let texts = t().requests();
    let when = |timestamp: &Option<String>| {
        timestamp.as_deref().map(|t| parse_timestamp(t).map(exact).unwrap_or_else(|| t.to_string()))
    };
    let title = texts.panel_title(index + 1, item.assistant.as_deref().unwrap_or(texts.no_assistant));
    let facts: Vec<(&str, Option<String>)> = vec![
        (texts.time_utc, when(&item.timestamp)),
        (texts.started, when(&item.start_timestamp)),
        (texts.ended, when(&item.end_timestamp)),
        (texts.assistant, item.assistant.clone()),
        (texts.intent, item.intent.clone()),
        (texts.module, item.module.clone()),
        (texts.session, item.session_id.clone()),
        (texts.api_token, item.api_token.clone()),
        (texts.elapsed, item.elapsed_time_ms.map(|ms| format!("{} ms", amount(ms as f64)))),
        (texts.cost, item.cost.map(|cost| texts.cost_value(cost))),
        (texts.feedback, item.feedback_text()),
        (texts.sources_consulted, item.rag_sources_text()),
    ];
    let long_texts: Vec<(&str, &str, Option<String>)> = vec![
        ("input", texts.input, item.input_text.clone()),
        ("prompt", texts.prompt, item.prompt.clone()),
        ("output", texts.output, item.output.clone()),
    ];
    view! {
        <Modal id="request-panel" open=Signal::derive(|| true) on_close labelled_by="request-panel-title".into() class="dialog drawer">
            <div class="drawer-header">
                <h2 id="request-panel-title">{title}</h2>
                <button type="button" on:click=move |_| on_close.run(())>{texts.close}</button>
            </div>
            <p><RequestStatusBadge status=item.status.clone().unwrap_or_default() /></p>
            <dl class="facts">
                {facts.into_iter().map(|(label, value)| view! {
                    <dt>{label}</dt>
                    <dd>{value.unwrap_or_else(|| "\u{2014}".into())}</dd>
                }).collect_view()}
            </dl>
            {long_texts.into_iter().map(|(key, label, value)| {
                let heading_id = format!("request-{key}-heading");
                view! {
                    <section class="request-text" aria-labelledby=heading_id.clone()>
                        <div class="drawer-header">
                            <h3 id=heading_id.clone()>{label}</h3>
                            {value.clone().map(|text| view! { <CopyButton value=text label=label.to_lowercase() /> })}
                        </div>
                        // Focusable: a long text scrolls inside its box, and keyboard users must reach it too.
                        <pre class="full-text" id=format!("request-{key}") tabindex="0" aria-labelledby=heading_id.clone()>
                            {value.unwrap_or_else(|| texts.no_text.into())}
                        </pre>
                    </section>
                }
            }).collect_view()}
        </Modal>
    }
}
