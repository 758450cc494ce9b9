//! The headline figures, each against the previous period of the same length: requests, failed requests and
//! the error rate (a percentage, said so), cost, tokens in and out, the average request time, active users,
//! agents and projects. Each figure loads on its own, with its own failure and Retry.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use super::limiter::Limiter;
use super::panel::{limited, Loading};
use super::sheet::change;
use super::Ask;
use crate::api::analytics::{Figures, Tokens};
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

struct Figure {
    label: fn(&Analytics) -> &'static str,
    load: fn(Client, Ask) -> Loading<(f64, f64)>,
    kind: Kind,
}

/// The figure `pick` reads from call `name`'s answer, now and in the previous period.
async fn both<T: DeserializeOwned>(
    client: Client,
    ask: Ask,
    name: &str,
    pick: fn(&T) -> f64,
) -> Result<(f64, f64), crate::api::ApiError> {
    let now: T = client.analytics(name, &ask.now, &ask.scope, None).await?;
    let before: T = client.analytics(name, &ask.before, &ask.scope, None).await?;
    Ok((pick(&now), pick(&before)))
}

const FIGURES: &[Figure] = &[
    Figure {
        label: |t| t.requests,
        kind: Kind::Count,
        load: |c, a| Box::pin(both::<Figures>(c, a, "requests/total-requests", |f| f.total_requests)),
    },
    Figure {
        label: |t| t.failed,
        kind: Kind::Count,
        load: |c, a| {
            Box::pin(both::<Figures>(c, a, "requests/total-requests-with-error", |f| f.total_requests_with_error))
        },
    },
    Figure {
        label: |t| t.error_rate,
        kind: Kind::Percent,
        load: |c, a| Box::pin(both::<Figures>(c, a, "requests/overall-error-rate", |f| f.overall_error_rate)),
    },
    Figure {
        label: |t| t.cost,
        kind: Kind::Money,
        load: |c, a| Box::pin(both::<Figures>(c, a, "requests/total-cost", |f| f.total_cost)),
    },
    Figure {
        label: |t| t.tokens_in,
        kind: Kind::Count,
        load: |c, a| Box::pin(both::<Tokens>(c, a, "requests/number-of-tokens", |f| f.input)),
    },
    Figure {
        label: |t| t.tokens_out,
        kind: Kind::Count,
        load: |c, a| Box::pin(both::<Tokens>(c, a, "requests/number-of-tokens", |f| f.output)),
    },
    Figure {
        label: |t| t.average_time,
        kind: Kind::Milliseconds,
        load: |c, a| Box::pin(both::<Figures>(c, a, "requests/average-request-time", |f| f.average_request_time)),
    },
    Figure {
        label: |t| t.active_users,
        kind: Kind::Count,
        load: |c, a| Box::pin(both::<Figures>(c, a, "requests/total-active-users", |f| f.total_active_users)),
    },
    Figure {
        label: |t| t.active_agents,
        kind: Kind::Count,
        load: |c, a| Box::pin(both::<Figures>(c, a, "requests/total-active-agents", |f| f.total_active_agents)),
    },
    Figure {
        label: |t| t.active_projects,
        kind: Kind::Count,
        load: |c, a| Box::pin(both::<Figures>(c, a, "requests/total-active-projects", |f| f.total_active_projects)),
    },
];

fn worded(value: f64, kind: Kind) -> String {
    match kind {
        Kind::Count | Kind::Money => amount(value),
        Kind::Percent => format!("{} %", amount(value)),
        Kind::Milliseconds => format!("{} ms", amount(value.round())),
    }
}

#[component]
pub fn Headline(ask: Memo<Option<Ask>>, limiter: StoredValue<Limiter, LocalStorage>) -> impl IntoView {
    let texts = t().analytics();
    let figures = FIGURES
        .iter()
        .map(|figure| {
            let (label, kind) = ((figure.label)(texts), figure.kind);
            let values = limited(ask, limiter, figure.load);
            view! {
                <div class="figure">
                    <dt>{label}</dt>
                    <dd>
                        <Loaded resource=values loading=texts.loading
                            render=move |(now, before): (f64, f64)| view! {
                                <span class="figure-value">{worded(now, kind)}</span>
                                <span class="figure-change">{match change(now, before) {
                                    None if now == 0.0 => t().analytics().no_change.to_string(),
                                    None => t().analytics().new_this_period.to_string(),
                                    Some(percent) if percent.abs() < 0.005 => t().analytics().no_change.to_string(),
                                    Some(percent) => t().analytics().change(&format!("{}{} %", if percent > 0.0 { "+" } else { "" }, amount(percent))),
                                }}</span>
                            } />
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="headline-heading">
            <h2 id="headline-heading">{texts.headline}</h2>
            <dl class="figures">{figures}</dl>
        </section>
    }
}
