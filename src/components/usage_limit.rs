//! A project's (or, later, the organization's) usage limit: how much is used against the soft and hard limits,
//! as a bar with the numbers beside it, and the limit's terms.

use leptos::prelude::*;

use crate::api::UsageLimit;
use crate::components::RelativeTime;
use crate::format::amount;

/// The platform's limit statuses (FACTS.md), as its console names them.
pub fn limit_status_label(status: Option<i64>) -> String {
    match status {
        Some(1) => "Active".into(),
        Some(2) => "Expired".into(),
        Some(3) => "Empty (hard limit reached)".into(),
        Some(4) => "Cancelled".into(),
        Some(other) => format!("Status {other}"),
        None => "Unknown".into(),
    }
}

/// How close usage is to the limits: what the bar's colour and the text say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageLevel {
    UnderSoft,
    SoftReached,
    HardReached,
}

pub fn usage_level(limit: &UsageLimit) -> UsageLevel {
    let used = limit.used_amount.unwrap_or(0.0);
    match (limit.soft_limit, limit.hard_limit) {
        (_, Some(hard)) if used >= hard => UsageLevel::HardReached,
        (Some(soft), _) if used >= soft => UsageLevel::SoftReached,
        _ => UsageLevel::UnderSoft,
    }
}

#[component]
pub fn UsageLimitView(limit: UsageLimit) -> impl IntoView {
    let unit = limit.usage_unit.clone().unwrap_or_else(|| "units".into());
    let used = limit.used_amount.unwrap_or(0.0);
    let hard = limit.hard_limit.unwrap_or(0.0);
    let soft = limit.soft_limit;
    let level = usage_level(&limit);
    // Width as a share of the hard limit; usage beyond it fills the bar. Set through `style:` (the CSSOM), which
    // the Content-Security-Policy allows, unlike a `style` attribute.
    let share = |value: f64| if hard > 0.0 { (value / hard * 100.0).clamp(0.0, 100.0) } else { 0.0 };
    let value_text = format!(
        "{} of {} {unit} used; soft limit {}",
        amount(used),
        amount(hard),
        soft.map(amount).unwrap_or_else(|| "none".into())
    );
    let (bar_class, verdict) = match level {
        UsageLevel::UnderSoft => ("usage-bar", "Under the soft limit"),
        UsageLevel::SoftReached => ("usage-bar usage-warning", "Soft limit reached"),
        UsageLevel::HardReached => ("usage-bar usage-over", "Hard limit reached: requests are refused"),
    };
    let text = |value: Option<String>| value.unwrap_or_else(|| "\u{2014}".into());
    view! {
        <div class="usage-limit">
            <p class="usage-numbers" id="usage-numbers">
                <strong>{amount(used)}</strong>
                {format!(" of {} {unit} used", amount(hard))}
                {soft.map(|soft| format!(" \u{00b7} soft limit {}", amount(soft)))}
                {limit.remaining_usage.map(|left| format!(" \u{00b7} {} remaining", amount(left)))}
            </p>
            <div
                class=bar_class
                role="meter"
                aria-labelledby="usage-numbers"
                aria-valuemin="0"
                aria-valuemax=hard.to_string()
                aria-valuenow=used.min(hard).to_string()
                aria-valuetext=value_text
            >
                <div class="usage-fill" style:width=format!("{:.1}%", share(used))></div>
                {soft.map(|soft| view! { <div class="usage-soft-mark" style:left=format!("{:.1}%", share(soft))></div> })}
            </div>
            <p class="usage-verdict">{verdict}</p>
            <dl class="facts">
                <dt>"Status"</dt>
                <dd>{limit_status_label(limit.status)}</dd>
                <dt>"Unit"</dt>
                <dd>{text(limit.usage_unit.clone())}</dd>
                <dt>"Subscription"</dt>
                <dd>{text(limit.subscription_type.clone())}</dd>
                <dt>"Renewal"</dt>
                <dd>{text(limit.renewal_status.clone().map(|r| if r == "NonRenewable" { "Not renewable".into() } else { r }))}</dd>
                <dt>"Valid from"</dt>
                <dd><RelativeTime timestamp=limit.valid_from.clone() exact=true /></dd>
                <dt>"Valid until"</dt>
                <dd><RelativeTime timestamp=limit.valid_until.clone() exact=true /></dd>
            </dl>
        </div>
    }
}
