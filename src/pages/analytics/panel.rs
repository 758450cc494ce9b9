//! A panel of the analytics screen: its own loading state, error and Retry (one failing panel leaves the others
//! shown), a place in the limiter while it loads, its rows as a sortable table that screen readers always get
//! (and anyone can show), a bar chart of them when they are days, and a CSV download.

use std::future::Future;
use std::pin::Pin;

use leptos::either::Either;
use leptos::prelude::*;

use super::limiter::Limiter;
use super::memory::{self, Question};
use super::sheet::{Cell, Sheet};
use super::Ask;
use crate::api::{ApiError, Client};
use crate::components::{use_toasts, DataTable, Loaded, SortDirection, SortHeader};
use crate::i18n::t;
use crate::session::use_session;

pub type Loading<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// A panel's calls: the sheet for what the screen asks.
pub type LoadSheet = fn(Client, Ask) -> Loading<Sheet>;

/// What the panels share: the limiter, and Refresh's count of presses (each asks everything again).
#[derive(Clone, Copy)]
pub struct Loads {
    limiter: StoredValue<Limiter, LocalStorage>,
    refreshes: RwSignal<u32>,
}

impl Loads {
    pub fn new() -> Self {
        Self { limiter: StoredValue::new_local(Limiter::default()), refreshes: RwSignal::new(0) }
    }

    /// Forgets every answer this tab has seen and asks the screen's calls again.
    pub fn refresh(self) {
        memory::forget_all();
        self.refreshes.update(|n| *n += 1);
    }
}

/// One resource per call, loaded when the screen's question changes and when Retry or Refresh is pressed, one of
/// a few at a time; an answer this tab has already seen for the same question is shown at once.
/// Made only while the screen has a valid range (`ask`): the page shows no panel without one.
pub fn limited<T: Clone + 'static>(
    ask: Memo<Option<Ask>>,
    loads: Loads,
    call: &'static str,
    load: impl Fn(Client, Ask) -> Loading<T> + Clone + 'static,
) -> LocalResource<Result<T, ApiError>> {
    let session = use_session();
    LocalResource::new(move || {
        loads.refreshes.track();
        let (ask, client, limiter, load) = (ask.get(), session.client(), loads.limiter.get_value(), load.clone());
        async move {
            // Between a range turning invalid and the panels going away: nothing to ask.
            let Some(ask) = ask else { return std::future::pending().await };
            let question = Question { call, base_url: client.base_url.clone(), ask: ask.clone() };
            if let Some(seen) = memory::recall(&question) {
                return Ok(seen);
            }
            let _place = limiter.place().await;
            let answer = load(client, ask).await;
            if let Ok(answer) = &answer {
                memory::keep(question, answer.clone());
            }
            answer
        }
    })
}

#[component]
pub fn Panel(
    id: &'static str,
    title: &'static str,
    ask: Memo<Option<Ask>>,
    loads: Loads,
    load: LoadSheet,
    /// The columns a bar chart draws, one bar each per row (days); none for a plain table.
    #[prop(optional)]
    chart: &'static [usize],
) -> impl IntoView {
    let texts = t().analytics();
    let sheet = limited(ask, loads, id, load);
    let (heading, labelled_by) = (format!("{id}-heading"), format!("{id}-heading"));
    // While another range loads, the last one stays on screen, marked busy (and dimmed) until it is replaced.
    let (updating, set_updating) = signal(false);
    view! {
        <section class="card analytics-panel" aria-labelledby=labelled_by id=id aria-busy=move || updating.get().to_string()>
            <h2 id=heading>{title}</h2>
            <Loaded resource=sheet loading=texts.loading set_pending=set_updating
                render={move |sheet: Sheet| view! { <SheetView id title sheet chart /> }} />
        </section>
    }
}

#[component]
fn SheetView(id: &'static str, title: &'static str, sheet: Sheet, chart: &'static [usize]) -> impl IntoView {
    let texts = t().analytics();
    if sheet.rows.is_empty() {
        return Either::Left(view! { <p class="empty">{texts.nothing}</p> });
    }
    let numbers_shown = RwSignal::new(chart.is_empty());
    let sort = RwSignal::new(None::<(usize, bool)>);
    let sheet = StoredValue::new(sheet);
    let toasts = use_toasts();
    let download = move |_| {
        let file = format!("analytics-{id}-{}.csv", crate::format::date(crate::web::now_ms()));
        match sheet.with_value(|s| crate::web::save_file(&file, "text/csv;charset=utf-8", &s.csv())) {
            Ok(()) => toasts.success(t().analytics().downloaded(&file)),
            Err(_) => toasts.problem(t().analytics().download_failed),
        }
    };
    let rows = move || {
        let rows = match sort.get() {
            Some((column, descending)) => sheet.with_value(|s| s.sorted(column, descending)),
            None => sheet.with_value(|s| s.rows.clone()),
        };
        rows.into_iter()
            .map(|row| {
                let mut cells = row.into_iter();
                let first = cells.next().map(|c| c.text).unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{first}</th>
                        {cells.map(|cell: Cell| view! { <td class:number=cell.number.is_some()>{cell.text}</td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    let headers = sheet.with_value(|s| s.columns.clone()).into_iter().enumerate().map(|(column, label)| {
        let direction = Signal::derive(move || match sort.get() {
            Some((c, true)) if c == column => Some(SortDirection::Descending),
            Some((c, false)) if c == column => Some(SortDirection::Ascending),
            _ => None,
        });
        let on_sort = Callback::new(move |()| {
            let descending = !matches!(sort.get_untracked(), Some((c, true)) if c == column);
            sort.set(Some((column, descending)));
        });
        view! { <SortHeader label direction on_sort /> }
    });
    let headers = headers.collect_view();
    // On a wrapper: a table does not shrink to the 1px that hides it.
    let table_class = move || if numbers_shown.get() { "panel-table" } else { "panel-table visually-hidden" };
    Either::Right(view! {
        <div class="actions panel-actions">
            {(!chart.is_empty()).then(|| view! {
                <button type="button" class="small" aria-pressed=move || numbers_shown.get().to_string()
                    on:click=move |_| numbers_shown.update(|s| *s = !*s)>{texts.show_numbers}</button>
            })}
            <button type="button" class="small" on:click=download>{texts.download_csv(title)}</button>
        </div>
        {(!chart.is_empty()).then(|| sheet.with_value(|s| bars(s, chart)))}
        <div class=table_class>
            <DataTable caption=title class="analytics-table">
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </DataTable>
        </div>
    })
}

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 160.0;

/// Bars of `columns` for each row (a day), side by side, scaled to the largest; hidden from assistive
/// technology, which reads the table.
fn bars(sheet: &Sheet, columns: &'static [usize]) -> impl IntoView {
    let largest = sheet.largest(columns).max(f64::MIN_POSITIVE);
    let slot = WIDTH / sheet.rows.len().max(1) as f64;
    let bar = (slot * 0.8 / columns.len() as f64).max(1.0);
    let rects = sheet
        .rows
        .iter()
        .enumerate()
        .flat_map(|(i, row)| {
            columns.iter().enumerate().map(move |(series, column)| {
                let value = row.get(*column).and_then(|c| c.number).unwrap_or(0.0);
                let height = value / largest * (HEIGHT - 4.0);
                let x = i as f64 * slot + series as f64 * bar;
                let class = if series == 0 { "bar bar-first" } else { "bar bar-second" };
                view! { <rect class=class x=format!("{x:.1}") y=format!("{:.1}", HEIGHT - height) width=format!("{bar:.1}") height=format!("{height:.1}") /> }
            })
        })
        .collect_view();
    view! {
        <svg class="analytics-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none" aria-hidden="true" focusable="false">
            {rects}
        </svg>
    }
}
