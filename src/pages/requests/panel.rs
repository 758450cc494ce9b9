//! One request in full: every field, long texts whole with their line breaks, each text with Copy. A modal, so
//! Escape closes it and the focus returns to the row it was opened from.

use leptos::prelude::*;

use super::table::RequestStatusBadge;
use crate::api::ExportItem;
use crate::components::{CopyButton, Modal};
use crate::format::{amount, exact, parse_timestamp};

#[component]
pub fn RequestPanel(item: ExportItem, index: u64, on_close: Callback<()>) -> impl IntoView {
    let when = |timestamp: &Option<String>| {
        timestamp.as_deref().map(|t| parse_timestamp(t).map(exact).unwrap_or_else(|| t.to_string()))
    };
    let title = format!(
        "Request {} \u{00b7} {}",
        amount((index + 1) as f64),
        item.assistant.clone().unwrap_or_else(|| "no assistant".into())
    );
    let facts: Vec<(&str, Option<String>)> = vec![
        ("Time (UTC)", when(&item.timestamp)),
        ("Started", when(&item.start_timestamp)),
        ("Ended", when(&item.end_timestamp)),
        ("Assistant", item.assistant.clone()),
        ("Intent", item.intent.clone()),
        ("Module", item.module.clone()),
        ("Session", item.session_id.clone()),
        ("API token", item.api_token.clone()),
        ("Elapsed", item.elapsed_time_ms.map(|ms| format!("{} ms", amount(ms as f64)))),
        ("Cost", item.cost.map(|cost| cost.to_string())),
        ("Feedback", item.feedback_text()),
        ("Sources consulted", item.rag_sources_text()),
    ];
    let texts: Vec<(&str, &str, Option<String>)> = vec![
        ("input", "Input", item.input_text.clone()),
        ("prompt", "Prompt", item.prompt.clone()),
        ("output", "Output", item.output.clone()),
    ];
    view! {
        <Modal id="request-panel" open=Signal::derive(|| true) on_close labelled_by="request-panel-title".into() class="dialog drawer">
            <div class="drawer-header">
                <h2 id="request-panel-title">{title}</h2>
                <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
            </div>
            <p><RequestStatusBadge status=item.status.clone().unwrap_or_default() /></p>
            <dl class="facts">
                {facts.into_iter().map(|(label, value)| view! {
                    <dt>{label}</dt>
                    <dd>{value.unwrap_or_else(|| "\u{2014}".into())}</dd>
                }).collect_view()}
            </dl>
            {texts.into_iter().map(|(key, label, value)| {
                let heading_id = format!("request-{key}-heading");
                view! {
                    <section class="request-text" aria-labelledby=heading_id.clone()>
                        <div class="drawer-header">
                            <h3 id=heading_id.clone()>{label}</h3>
                            {value.clone().map(|text| view! { <CopyButton value=text label=label.to_lowercase() /> })}
                        </div>
                        // Focusable: a long text scrolls inside its box, and keyboard users must reach it too.
                        <pre class="full-text" id=format!("request-{key}") tabindex="0" aria-labelledby=heading_id.clone()>
                            {value.unwrap_or_else(|| "(none)".into())}
                        </pre>
                    </section>
                }
            }).collect_view()}
        </Modal>
    }
}
