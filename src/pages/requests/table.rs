//! A page of the request log as a table. Each row's time is a link to that request's panel (so Enter on it,
//! or a click anywhere on the row, opens it, and the link can be shared); texts are cut to previews here, and
//! the panel has them whole. Cells hold short text only, one line each, so rows have one height and only those
//! in view need to be in the DOM.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::view_state::RequestsView;
use crate::api::ExportItem;
use crate::components::{DataTable, VirtualRows};
use crate::format::parse_timestamp;
use crate::i18n::t;
use crate::i18n::{amount, exact};
use crate::routes::link_with_query;

/// The longest preview of a text, in characters.
const PREVIEW: usize = 60;

/// The panel's link for the row `index` (counted from the newest matching row).
pub fn row_link(view: &RequestsView, index: u64) -> String {
    link_with_query(crate::routes::REQUESTS, &view.with_row(Some(index)).to_query())
}

/// The page's rows; only those near the viewport are in the DOM (`VirtualRows`): a page holds up to 1,000.
#[component]
pub fn RequestTable(items: Arc<Vec<ExportItem>>, view: RequestsView) -> impl IntoView {
    let texts = t().requests();
    let navigate = use_navigate();
    let first = view.skip();
    let positions = Memo::new({
        let count = items.len();
        move |_| (0..count).collect::<Vec<usize>>()
    });
    let items = StoredValue::new(items);
    let view = StoredValue::new(view);
    let row = move |position: usize, row_index: Signal<usize>| {
        let item = items.with_value(|items| items[position].clone());
        let index = first + position as u64;
        let href = view.with_value(|view| row_link(view, index));
        // The column's header says UTC; each cell need not.
        let time = item.timestamp.as_deref().and_then(parse_timestamp).map(|ms| exact(ms).replace(" UTC", ""));
        let time = time.unwrap_or_else(|| item.timestamp.clone().unwrap_or_else(|| texts.no_time.into()));
        let status = item.status.clone().unwrap_or_default();
        let open = {
            let (navigate, href) = (navigate.clone(), href.clone());
            move |ev: leptos::ev::MouseEvent| {
                // The link handles its own clicks; elsewhere on the row, a click opens it too.
                let on_link = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|e| e.closest("a").ok().flatten().is_some());
                if !on_link {
                    navigate(&href, Default::default());
                }
            }
        };
        view! {
            <tr on:click=open aria-rowindex=move || row_index.get().to_string()>
                <td class="nowrap"><a href=href data-row=index.to_string()>{time}</a></td>
                <td>{item.assistant}</td>
                <td>{item.intent}</td>
                <td><RequestStatusBadge status /></td>
                <td class="preview">{preview(item.input_text.as_deref())}</td>
                <td class="preview">{preview(item.prompt.as_deref())}</td>
                <td class="preview">{preview(item.output.as_deref())}</td>
                <td class="number">{item.elapsed_time_ms.map(|ms| format!("{} s", amount(ms as f64 / 1000.0)))}</td>
                <td class="number">{item.cost.map(|cost| texts.cost_value(cost))}</td>
                <td>{item.module}</td>
            </tr>
        }
    };
    view! {
        <DataTable caption=texts.table_caption class="request-table virtual-table" row_count=Signal::derive(move || positions.with(Vec::len))>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col">{texts.time_utc}</th>
                        <th scope="col">{texts.assistant}</th>
                        <th scope="col">{texts.intent}</th>
                        <th scope="col">{texts.status}</th>
                        <th scope="col">{texts.input}</th>
                        <th scope="col">{texts.prompt}</th>
                        <th scope="col">{texts.output}</th>
                        <th scope="col">{texts.elapsed}</th>
                        <th scope="col">{texts.cost}</th>
                        <th scope="col">{texts.module}</th>
                    </tr>
                </thead>
                <VirtualRows keys=positions columns=10 row />
        </DataTable>
    }
}

/// `succeeded`, `failed`, `pending` as coloured labels: in English as the server words them (like token
/// statuses), in Spanish with the status filter's words; a status this dashboard does not know, as sent.
#[component]
pub fn RequestStatusBadge(status: String) -> impl IntoView {
    let texts = t().requests();
    let known = status.to_ascii_lowercase();
    let (class, spanish) = match known.as_str() {
        "succeeded" => ("badge badge-active", Some(texts.status_succeeded)),
        "failed" => ("badge badge-deleted", Some(texts.status_failed)),
        "pending" => ("badge badge-hidden", Some(texts.status_pending)),
        _ => ("badge badge-hidden", None),
    };
    let shown = match (crate::i18n::locale(), spanish) {
        _ if status.is_empty() => texts.unknown_status.to_string(),
        (crate::i18n::Locale::Es, Some(word)) => word.to_string(),
        _ => status,
    };
    view! { <span class=class>{shown}</span> }
}

/// The start of a text on one line, with an ellipsis when cut.
fn preview(text: Option<&str>) -> String {
    let Some(text) = text else { return String::new() };
    let flat: String = text.chars().take(PREVIEW + 1).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if flat.chars().count() > PREVIEW {
        format!("{}\u{2026}", flat.chars().take(PREVIEW).collect::<String>())
    } else {
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::preview;

    #[test]
    fn previews_are_one_short_line() {
        assert_eq!(preview(None), "");
        assert_eq!(preview(Some("two\nlines")), "two lines");
        let long = "x".repeat(500);
        assert_eq!(preview(Some(&long)).chars().count(), 61);
    }
}
