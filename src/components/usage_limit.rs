//! A project's (or, later, the organization's) usage limit: how much is used against the soft and hard limits,
//! as a bar with the numbers beside it, and the limit's terms.

use leptos::prelude::*;

use crate::api::{LimitStatus, LimitUse, UsageLimit};
use crate::components::RelativeTime;
use crate::i18n::amount;
use crate::i18n::t;

/// The platform's limit statuses (FACTS.md), as its console names them.
pub fn limit_status_label(status: Option<i64>) -> String {
    let texts = t().project_form();
    match status.map(LimitStatus::from_code) {
        Some(LimitStatus::Active) => texts.status_active.into(),
        Some(LimitStatus::Expired) => texts.status_expired.into(),
        Some(LimitStatus::Empty) => texts.status_empty.into(),
        Some(LimitStatus::Cancelled) => texts.status_cancelled.into(),
        Some(LimitStatus::Other(other)) => texts.status_other(other),
        None => texts.status_unknown.into(),
    }
}

/// How close usage is to the limits: what the bar's colour and the text say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsageLevel {
    UnderSoft,
    SoftReached,
    HardReached,
}

pub fn usage_level(limit: &LimitUse) -> UsageLevel {
    let used = limit.used_amount.unwrap_or(0.0);
    match (limit.soft_limit, limit.hard_limit) {
        (_, Some(hard)) if used >= hard => UsageLevel::HardReached,
        (Some(soft), _) if used >= soft => UsageLevel::SoftReached,
        _ => UsageLevel::UnderSoft,
    }
}

#[component]
pub fn UsageLimitView(limit: UsageLimit) -> impl IntoView {
    let texts = t().project_form();
    let unit = limit.usage_unit.as_deref().map_or(texts.units, |unit| texts.term(unit).unwrap_or(unit)).to_string();
    let used = limit.used_amount.unwrap_or(0.0);
    let hard = limit.hard_limit.unwrap_or(0.0);
    let soft = limit.soft_limit;
    let level = usage_level(&limit.usage());
    // Width as a share of the hard limit; usage beyond it fills the bar. Set through `style:` (the CSSOM), which
    // the Content-Security-Policy allows, unlike a `style` attribute.
    let share = |value: f64| if hard > 0.0 { (value / hard * 100.0).clamp(0.0, 100.0) } else { 0.0 };
    let value_text = texts.usage_value_text(
        &amount(used),
        &amount(hard),
        &unit,
        &soft.map(amount).unwrap_or_else(|| texts.no_soft_limit.into()),
    );
    let (bar_class, verdict) = match level {
        UsageLevel::UnderSoft => ("usage-bar", texts.under_soft),
        UsageLevel::SoftReached => ("usage-bar usage-warning", texts.soft_reached),
        UsageLevel::HardReached => ("usage-bar usage-over", texts.hard_reached),
    };
    view! {
        <div class="usage-limit">
            <p class="usage-numbers" id="usage-numbers">
                <strong>{amount(used)}</strong>
                {texts.usage_of(&amount(hard), &unit)}
                {soft.map(|soft| texts.usage_soft(&amount(soft)))}
                {limit.remaining_usage.map(|left| texts.usage_remaining(&amount(left)))}
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
                <dt>{texts.status}</dt>
                <dd>{limit_status_label(limit.status)}</dd>
                <dt>{texts.unit}</dt>
                <dd>{texts.term_text(limit.usage_unit.as_deref())}</dd>
                <dt>{texts.subscription}</dt>
                <dd>{texts.term_text(limit.subscription_type.as_deref())}</dd>
                <dt>{texts.renewal}</dt>
                <dd>{texts.term_text(limit.renewal_status.as_deref())}</dd>
                <dt>{texts.valid_from}</dt>
                <dd><RelativeTime timestamp=limit.valid_from.clone() exact=true /></dd>
                <dt>{texts.valid_until}</dt>
                <dd><RelativeTime timestamp=limit.valid_until.clone() exact=true /></dd>
            </dl>
        </div>
    }
}
