//! Charts of the rows loaded or downloaded, as inline SVG (no chart library: three small charts cost less
//! than one). The drawing is hidden from assistive technology; the same numbers are in tables that screen
//! readers always get and anyone can show with one button.

use leptos::prelude::*;

use super::stats::{RequestStats, StatusCounts};
use crate::format::date;
use crate::i18n::{requests::Requests, t};

/// A status layer of a day's bar: its CSS class, its label, and its count.
type Layer = (&'static str, fn(&Requests) -> &'static str, fn(&StatusCounts) -> u64);

/// The status layers of a day's bar, bottom up.
const LAYERS: &[Layer] = &[
    ("chart-succeeded", |t| t.chart_succeeded, |c| c.succeeded),
    ("chart-failed", |t| t.chart_failed, |c| c.failed),
    ("chart-pending", |t| t.chart_pending, |c| c.pending),
    ("chart-other", |t| t.chart_other, |c| c.other),
];
const TOP: usize = 5;
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 160.0;

#[component]
pub fn RequestCharts(
    #[prop(into)] stats: Signal<RequestStats>,
    /// Whether the rows are the download's (or the page's).
    #[prop(into)]
    downloaded: Signal<bool>,
) -> impl IntoView {
    let texts = t().requests();
    let numbers_shown = RwSignal::new(false);
    // On a wrapper: a table does not shrink to the 1px that hides it.
    let table_class = move || if numbers_shown.get() { "chart-table" } else { "chart-table visually-hidden" };
    let range = move || {
        stats.with(|s| match s.range {
            Some((first, last)) if s.rows > 0 => {
                t().requests().chart_range(s.rows, downloaded.get(), &date(first), &date(last))
            }
            _ => t().requests().chart_empty(downloaded.get()),
        })
    };
    view! {
        <section class="card charts" aria-labelledby="charts-heading">
            <div class="page-header">
                <h2 id="charts-heading">{texts.at_a_glance}</h2>
                <button
                    type="button"
                    class="small"
                    aria-pressed=move || numbers_shown.get().to_string()
                    on:click=move |_| numbers_shown.update(|s| *s = !*s)
                >
                    {texts.show_numbers}
                </button>
            </div>
            <p class="chart-range">{range}</p>
            <div class="chart-grid">
                <figure id="chart-per-day" aria-labelledby="chart-per-day-caption">
                    <figcaption id="chart-per-day-caption">{texts.per_day}</figcaption>
                    {move || stats.with(per_day_svg)}
                    <Legend />
                    <div class=table_class>
                    <table class="chart-numbers">
                        <caption>{texts.per_day}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{texts.day}</th>
                                {LAYERS.iter().map(|(_, label, _)| view! { <th scope="col">{label(texts)}</th> }).collect_view()}
                                <th scope="col">{texts.total}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || stats.with(|s| s.per_day.iter().map(|(day, counts)| view! {
                                <tr>
                                    <th scope="row">{day.clone()}</th>
                                    {LAYERS.iter().map(|(_, _, pick)| view! { <td>{texts.chart_number(pick(counts))}</td> }).collect_view()}
                                    <td>{texts.chart_number(counts.total())}</td>
                                </tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
                </figure>
                <TopChart id="chart-top-requests" title=texts.top_by_requests unit=texts.requests_unit table_class
                    rows=Signal::derive(move || stats.with(|s| s.top_by_requests(TOP))) />
                <TopChart id="chart-top-failures" title=texts.top_by_failures unit=texts.failures_unit table_class
                    rows=Signal::derive(move || stats.with(|s| s.top_by_failures(TOP))) />
            </div>
        </section>
    }
}

#[component]
fn Legend() -> impl IntoView {
    let texts = t().requests();
    view! {
        <ul class="chart-legend" aria-hidden="true">
            {LAYERS.iter().map(|(class, label, _)| view! {
                <li><svg width="12" height="12" viewBox="0 0 12 12"><rect class=*class width="12" height="12"></rect></svg>" "{label(texts)}</li>
            }).collect_view()}
        </ul>
    }
}

/// One bar a day, its height the day's requests, stacked by status.
fn per_day_svg(stats: &RequestStats) -> impl IntoView {
    let days = stats.per_day.len().max(1) as f64;
    let highest = stats.per_day.values().map(StatusCounts::total).max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / days;
    let bar = (slot * 0.8).max(1.0);
    let bars = stats
        .per_day
        .values()
        .enumerate()
        .flat_map(|(i, counts)| {
            let mut top = HEIGHT;
            LAYERS
                .iter()
                .filter_map(|(class, _, pick)| {
                    let height = pick(counts) as f64 / highest * HEIGHT;
                    (height > 0.0).then(|| {
                        top -= height;
                        view! {
                            <rect class=*class x=format!("{:.1}", i as f64 * slot + (slot - bar) / 2.0)
                                y=format!("{top:.1}") width=format!("{bar:.1}") height=format!("{height:.1}")></rect>
                        }
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none" aria-hidden="true">
            <line class="chart-axis" x1="0" y1=HEIGHT.to_string() x2=WIDTH.to_string() y2=HEIGHT.to_string()></line>
            {bars}
        </svg>
    }
}

/// A ranking as horizontal bars with the name and the number written beside each.
#[component]
fn TopChart(
    id: &'static str,
    title: &'static str,
    unit: &'static str,
    rows: Signal<Vec<(String, u64)>>,
    table_class: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let texts = t().requests();
    let caption_id = format!("{id}-caption");
    let bars = move || {
        rows.with(|rows| {
            let highest = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
            let row_height = 24.0;
            let height = (rows.len().max(1) as f64) * row_height;
            let bars = rows
                .iter()
                .enumerate()
                .map(|(i, (name, count))| {
                    let y = i as f64 * row_height;
                    let width = (*count as f64 / highest * (WIDTH - 220.0)).max(1.0);
                    view! {
                        <text class="chart-label" x="0" y=format!("{:.0}", y + 16.0)>{truncate(name)}</text>
                        <rect class="chart-bar" x="150" y=format!("{:.0}", y + 4.0) width=format!("{width:.1}") height="16"></rect>
                        <text class="chart-label" x=format!("{:.1}", 156.0 + width) y=format!("{:.0}", y + 16.0)>{texts.chart_number(*count)}</text>
                    }
                })
                .collect_view();
            view! {
                <svg class="chart" viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true">{bars}</svg>
            }
        })
    };
    view! {
        <figure id=id aria-labelledby=caption_id.clone()>
            <figcaption id=caption_id.clone()>{title}</figcaption>
            {move || if rows.with(Vec::is_empty) { view! { <p class="hint">{texts.chart_none}</p> }.into_any() } else { bars().into_any() }}
            <div class=table_class>
                    <table class="chart-numbers">
                <caption>{title}</caption>
                <thead><tr><th scope="col">{texts.assistant}</th><th scope="col">{unit}</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(name, count)| view! {
                        <tr><th scope="row">{name}</th><td>{texts.chart_number(count)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
                </div>
        </figure>
    }
}

/// Names longer than the label column are cut with an ellipsis; the table has them whole.
fn truncate(name: &str) -> String {
    const MOST: usize = 20;
    if name.chars().count() > MOST {
        format!("{}\u{2026}", name.chars().take(MOST - 1).collect::<String>())
    } else {
        name.to_string()
    }
}
