//! The headline figures, each against the previous period of the same length: requests, failed requests and
//! the error rate (a percentage, said so), cost, tokens in and out, the average request time, active users,
//! agents and projects. Each figure loads on its own, with its own failure and Retry.

use leptos::prelude::*;

use super::panel::{limited, Loading, Loads};
use super::sheet::change;
use super::Ask;
use crate::api::analytics::Figures;
use crate::api::Client;
use crate::components::Loaded;
use crate::i18n::analytics::Analytics;
use crate::i18n::{amount, t};

#[derive(Clone, Copy)]
enum Kind {
    Count,
    Money,
    Percent,
    Milliseconds,
}

/// A figure read from its call's answer.
struct Figure {
    label: fn(&Analytics) -> &'static str,
    pick: fn(&Figures) -> f64,
    kind: Kind,
}

/// The calls and the figures each answer gives: one request a period for tokens in and out alike.
const CALLS: &[(&str, &[Figure])] = &[
    ("requests/total-requests", &[Figure { label: |t| t.requests, pick: |f| f.total_requests, kind: Kind::Count }]),
    (
        "requests/total-requests-with-error",
        &[Figure { label: |t| t.failed, pick: |f| f.total_requests_with_error, kind: Kind::Count }],
    ),
    (
        "requests/overall-error-rate",
        &[Figure { label: |t| t.error_rate, pick: |f| f.overall_error_rate, kind: Kind::Percent }],
    ),
    ("requests/total-cost", &[Figure { label: |t| t.cost, pick: |f| f.total_cost, kind: Kind::Money }]),
    (
        "requests/number-of-tokens",
        &[
            Figure { label: |t| t.tokens_in, pick: |f| f.input, kind: Kind::Count },
            Figure { label: |t| t.tokens_out, pick: |f| f.output, kind: Kind::Count },
        ],
    ),
    (
        "requests/average-request-time",
        &[Figure { label: |t| t.average_time, pick: |f| f.average_request_time, kind: Kind::Milliseconds }],
    ),
    (
        "requests/total-active-users",
        &[Figure { label: |t| t.active_users, pick: |f| f.total_active_users, kind: Kind::Count }],
    ),
    (
        "requests/total-active-agents",
        &[Figure { label: |t| t.active_agents, pick: |f| f.total_active_agents, kind: Kind::Count }],
    ),
    (
        "requests/total-active-projects",
        &[Figure { label: |t| t.active_projects, pick: |f| f.total_active_projects, kind: Kind::Count }],
    ),
];

/// Call `name`'s answer now and in the previous period.
fn both(client: Client, ask: Ask, name: &'static str) -> Loading<(Figures, Figures)> {
    Box::pin(async move {
        let now = client.analytics(name, &ask.now, &ask.scope, None).await?;
        let before = client.analytics(name, &ask.before, &ask.scope, None).await?;
        Ok((now, before))
    })
}

fn worded(value: f64, kind: Kind) -> String {
    match kind {
        Kind::Count | Kind::Money => amount(value),
        Kind::Percent => format!("{} %", amount(value)),
        Kind::Milliseconds => format!("{} ms", amount(value.round())),
    }
}

#[component]
pub fn Headline(ask: Memo<Option<Ask>>, loads: Loads) -> impl IntoView {
    let texts = t().analytics();
    let figures = CALLS
        .iter()
        .flat_map(|&(name, figures)| {
            let answers = limited(ask, loads, name, move |client, ask| both(client, ask, name));
            figures.iter().map(move |figure| {
                let (label, pick, kind) = ((figure.label)(texts), figure.pick, figure.kind);
                let (updating, set_updating) = signal(false);
                view! {
                    <div class="figure">
                        <dt>{label}</dt>
                        <dd aria-busy=move || updating.get().to_string()>
                            <Loaded resource=answers loading=texts.loading set_pending=set_updating
                                render=move |(now, before): (Figures, Figures)| {
                                    let (now, before) = (pick(&now), pick(&before));
                                    view! {
                                        <span class="figure-value">{worded(now, kind)}</span>
                                        <span class="figure-change">{change_words(now, before)}</span>
                                    }
                                } />
                        </dd>
                    </div>
                }
            })
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="headline-heading">
            <h2 id="headline-heading">{texts.headline}</h2>
            <dl class="figures">{figures}</dl>
        </section>
    }
}

/// The change against the previous period, in words.
fn change_words(now: f64, before: f64) -> String {
    let texts = t().analytics();
    match change(now, before) {
        None if now == 0.0 => texts.no_change.to_string(),
        None => texts.new_this_period.to_string(),
        Some(percent) if percent.abs() < 0.005 => texts.no_change.to_string(),
        Some(percent) => texts.change(&format!("{}{} %", if percent > 0.0 { "+" } else { "" }, amount(percent))),
    }
}
