use leptos::prelude::*;

use super::download::{Download, Phase};
use super::export_file::FileFormat;
use super::view_state::RequestsView;
use crate::api::Dialect;
use crate::components::register_palette_action;
use crate::format::date;
use crate::i18n::t;
use crate::session::use_session;
use crate::web::now_ms;

/// "Download everything that matches": the format, the button, then the progress with Cancel, and Resume
/// after a failure. `on_done` runs when a file has been saved.
#[component]
pub fn DownloadPanel(
    download: Download,
    view_state: Memo<RequestsView>,
    dialect: Dialect,
    on_done: Callback<()>,
) -> impl IntoView {
    let texts = t().requests();
    let session = use_session();
    let format = RwSignal::new(FileFormat::Csv);
    let start_in = move |chosen: FileFormat| {
        let filter = view_state.with_untracked(|v| v.filter.clone());
        download.start(session.client(), filter.clone(), dialect, chosen, file_name(&filter, chosen));
    };
    let start = move |_| start_in(format.get_untracked());
    // The command palette offers the same download, in CSV, while this screen is open; like the button, it
    // does nothing while one is under way.
    register_palette_action(texts.download_action, texts.download_keywords, move || {
        if !download.is_active() {
            format.set(FileFormat::Csv);
            start_in(FileFormat::Csv);
        }
    });
    Effect::watch(
        move || download.phase.get() == Phase::Done,
        move |done, _, _| {
            if *done {
                on_done.run(())
            }
        },
        false,
    );
    let status = move || {
        let texts = t().requests();
        let rows = download.rows.get();
        match download.phase.get() {
            Phase::Idle => String::new(),
            Phase::Running => texts.running(rows, download.rate().round()),
            Phase::Retrying { attempt, error } => texts.retrying(rows, &error.to_string(), attempt),
            Phase::Failed(error) => texts.stopped(rows, &error.to_string(), rows + 1),
            Phase::Cancelled => texts.cancelled.into(),
            Phase::Done => texts.saved(rows),
        }
    };
    let choice = move |id: &'static str, value: FileFormat, label: &'static str| {
        view! {
            <div class="field-inline">
                <input type="radio" id=id name="download-format" prop:checked=move || format.get() == value
                    on:change=move |_| format.set(value) />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <section class="card download" aria-labelledby="download-heading">
            <h2 id="download-heading">{texts.download_heading}</h2>
            <p class="hint">{texts.download_hint}</p>
            <div class="toolbar">
                <fieldset class="choice inline-choice">
                    <legend>{texts.format}</legend>
                    {choice("format-csv", FileFormat::Csv, texts.format_csv)}
                    {choice("format-jsonl", FileFormat::JsonLines, texts.format_json_lines)}
                </fieldset>
                <button type="button" class="primary" on:click=start aria-disabled=move || download.is_active().to_string()
                    disabled=move || download.is_active()>{texts.download}</button>
                <Show when=move || download.is_active()>
                    <button type="button" on:click=move |_| download.cancel()>{texts.cancel}</button>
                </Show>
                <Show when=move || matches!(download.phase.get(), Phase::Failed(_))>
                    <button type="button" on:click=move |_| download.resume()>{texts.resume}</button>
                </Show>
            </div>
            <Show when=move || download.is_active()>
                <progress aria-label=texts.download_in_progress></progress>
            </Show>
            <p class="download-status" role="status">{status}</p>
        </section>
    }
}

/// `requests-helpdesk-failed-2026-11-23.csv`: what was downloaded, and when.
fn file_name(filter: &crate::api::ExportFilter, format: FileFormat) -> String {
    let mut parts = vec!["requests".to_string()];
    for value in [&filter.assistant, &filter.status] {
        let slug = crate::format::slug(value);
        if !slug.is_empty() {
            parts.push(slug);
        }
    }
    parts.push(date(now_ms()));
    format!("{}.{}", parts.join("-"), format.extension())
}
