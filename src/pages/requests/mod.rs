//! `/requests`: the project's request log, a page at a time, with filters, a panel for one request, downloads
//! of everything that matches, and charts. The view lives in the URL (see `view_state`).

mod charts;
mod download;
mod download_panel;
mod export_file;
mod filters;
mod panel;
mod stats;
mod table;
mod view_state;

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::TokenScope;
use crate::components::{use_title, Loaded, NeedsProjectToken};
use crate::i18n::t;
use crate::routes::link_with_query;
use crate::session::use_session;
use charts::RequestCharts;
use download::Download;
use download_panel::DownloadPanel;
use filters::{Filters, Pager};
use panel::RequestPanel;
use stats::RequestStats;
use table::RequestTable;
pub use view_state::RequestsView;

/// Where the charts' numbers come from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ChartSource {
    Page,
    Download,
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let texts = t().requests();
    use_title(texts.title);
    let has_project_token = use_session().connection().is_some_and(|c| c.credential(TokenScope::Project).is_some());
    view! {
        <section class="page" aria-labelledby="requests-heading">
            <h1 id="requests-heading" tabindex="-1">{texts.title}</h1>
            {if has_project_token {
                Either::Left(view! { <RequestLog /> })
            } else {
                Either::Right(view! { <NeedsProjectToken here=crate::routes::REQUESTS /> })
            }}
        </section>
    }
}

#[component]
fn RequestLog() -> impl IntoView {
    let texts = t().requests();
    let session = use_session();
    let dialect = session.connection().map(|c| c.dialect).unwrap_or_default();
    let query = use_query_map();
    let view_state = Memo::new(move |_| query.with(|q| RequestsView::from_query(|key| q.get(key))));
    // What the page's rows depend on: opening or closing the panel (`row`) must not fetch them again.
    let page_key = Memo::new(move |_| view_state.with(|v| (v.filter.clone(), v.size, v.page)));
    let rows = LocalResource::new(move || {
        let (filter, size, page) = page_key.get();
        let client = session.client();
        // Shared, not copied: a page of 1,000 rows is 600 KiB of text, and the table, the panel and the charts
        // all read it (a resource hands out a clone of its value to each reader).
        async move { client.export_page(&filter, (page - 1) * size, size, dialect).await.map(Arc::new) }
    });
    let assistants = LocalResource::new(move || {
        let client = session.client();
        async move { client.assistants(false).await }
    });
    let assistant_names = Memo::new(move |_| {
        assistants.with(|list| match list {
            Some(Ok(list)) => list.assistants.iter().map(|a| a.assistant_name.clone()).collect(),
            _ => Vec::new(),
        })
    });

    let navigate = use_navigate();
    let change_view = Callback::new(move |next: RequestsView| {
        navigate(
            &link_with_query(crate::routes::REQUESTS, &next.to_query()),
            NavigateOptions { scroll: false, ..Default::default() },
        );
    });
    let download = Download::new();
    let chart_source = RwSignal::new(ChartSource::Page);
    // Memos: counted once per page, not once per read, and without copying the page's rows.
    let page_stats = Memo::new(move |_| {
        rows.with(|rows| match rows {
            Some(Ok(items)) => RequestStats::from_items(items),
            _ => RequestStats::default(),
        })
    });
    let chart_stats = Signal::derive(move || match chart_source.get() {
        ChartSource::Page => page_stats.get(),
        ChartSource::Download => download.stats.get(),
    });
    let charting_download = Signal::derive(move || chart_source.get() == ChartSource::Download);
    let (refreshing, set_refreshing) = signal(false);
    let rows_on_page = RwSignal::new(0usize);
    Effect::new(move |_| {
        if let Some(Ok(count)) =
            rows.with(|rows| rows.as_ref().map(|r| r.as_ref().map(|items| items.len()).map_err(drop)))
        {
            rows_on_page.set(count);
        }
    });

    view! {
        <Filters view_state change_view assistant_names=assistant_names.into() />
        <p class="refreshing" role="status">{move || refreshing.get().then_some(t().requests().loading)}</p>
        <Pager view_state change_view rows_on_page=rows_on_page.into() label=texts.pages_above />
        <Loaded resource=rows loading={t().requests().loading_requests} set_pending=set_refreshing
            render=move |items| view! { <LoadedPage items view_state change_view /> } />
        <Pager view_state change_view rows_on_page=rows_on_page.into() label=texts.pages_below />
        <DownloadPanel download view_state dialect on_done=Callback::new(move |()| chart_source.set(ChartSource::Download)) />
        <div class="field field-inline chart-source">
            <label for="chart-source">{texts.chart}</label>
            <select id="chart-source" on:change:target=move |ev| chart_source.set(
                if ev.target().value() == "download" { ChartSource::Download } else { ChartSource::Page }
            )>
                <option value="page" selected=move || chart_source.get() == ChartSource::Page>{texts.chart_page_rows}</option>
                <option value="download" selected=move || chart_source.get() == ChartSource::Download
                    disabled=move || download.rows.get() == 0>{texts.chart_downloaded_rows}</option>
            </select>
        </div>
        <RequestCharts stats=chart_stats downloaded=charting_download />
    }
}

/// The rows of one page with its pager, and the panel of the row in the URL when it is on this page.
#[component]
fn LoadedPage(
    items: Arc<Vec<crate::api::ExportItem>>,
    view_state: Memo<RequestsView>,
    change_view: Callback<RequestsView>,
) -> impl IntoView {
    let count = items.len();
    let view = view_state.get_untracked();
    let first = view.skip();
    let stored = StoredValue::new(items.clone());
    let open_row = move || {
        view_state.with(|v| v.row).and_then(|row| {
            let offset = row.checked_sub(first)?;
            stored.with_value(|items| items.get(offset as usize).cloned()).map(|item| (row, item))
        })
    };
    let close = Callback::new(move |()| {
        let row = view_state.with_untracked(|v| v.row);
        change_view.run(view_state.get_untracked().with_row(None));
        // Back to the row the panel was about, also when it was opened from a shared link.
        if let Some(row) = row {
            request_animation_frame(move || focus_row(row, row.saturating_sub(first) as usize));
        }
    });
    view! {
        {if count == 0 {
            Either::Left(view! { <p class="empty">{t().requests().no_match}</p> })
        } else {
            Either::Right(view! { <RequestTable items view /> })
        }}
        {move || open_row().map(|(index, item)| view! { <RequestPanel item index on_close=close /> })}
    }
}

/// Focuses the time link of `row` (at `position` on the page). Only rows near the viewport are in the DOM: one
/// that is not is scrolled to first, which renders it by the frame after next.
fn focus_row(row: u64, position: usize) {
    let focus = move || {
        let link = document().query_selector(&format!("a[data-row=\"{row}\"]")).ok().flatten();
        link.and_then(|l| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(l).ok()).map(|link| link.focus())
    };
    if focus().is_some() {
        return;
    }
    if let Ok(Some(body)) = document().query_selector(".request-table tbody") {
        crate::components::scroll_to_row(&body, position);
        request_animation_frame(move || request_animation_frame(move || drop(focus())));
    }
}
