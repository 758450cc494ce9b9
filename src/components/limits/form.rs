//! The two limit forms: a new limit (every term), and a change to the active one (soft, hard, renewal). Both
//! check positive numbers and hard >= soft before sending, and keep the input as typed on any server error.

use leptos::prelude::*;

use crate::api::{LimitChange, LimitOwner, UsageLimit};
use crate::checks::limit::{
    check_limit, choices, errors_from_server, typed_amount, UsageLimitInput, HARD_LIMIT, RENEWAL_STATUSES, SOFT_LIMIT,
    SUBSCRIPTION_TYPES, USAGE_LIMIT, USAGE_UNITS,
};
use crate::checks::FieldErrors;
use crate::components::form::{Outcome, StepFailed, Submission, SubmitActions};
use crate::components::{SelectField, TextField};
use crate::i18n::t;
use crate::session::use_session;

/// `Set a new limit`: replaces the active one.
#[component]
pub fn NewLimitForm(owner: LimitOwner, on_saved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let defaults = UsageLimitInput::default();
    let subscription_type = RwSignal::new(defaults.subscription_type);
    let usage_unit = RwSignal::new(defaults.usage_unit);
    let soft = RwSignal::new(String::new());
    let hard = RwSignal::new(String::new());
    let renewal = RwSignal::new(defaults.renewal_status);
    let submission = Submission::new();
    let owner = StoredValue::new(owner);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = UsageLimitInput {
            subscription_type: subscription_type.get_untracked(),
            usage_unit: usage_unit.get_untracked(),
            soft_limit: soft.get_untracked(),
            hard_limit: hard.get_untracked(),
            renewal_status: renewal.get_untracked(),
        };
        let mut problems = FieldErrors::default();
        let Some(limit) = check_limit(&input, &mut problems) else {
            return submission.refuse(problems);
        };
        let (client, owner) = (session.client(), owner.get_value());
        let texts = t().project_form();
        let outcome = Outcome::new(|_| t().project_form().limits_new_set.into(), texts.limits_set_failed)
            .placed(errors_from_server);
        submission.send(async move { client.create_limit(&owner, &limit).await }, outcome, move |_| {
            soft.set(String::new());
            hard.set(String::new());
            on_saved.run(());
        });
    };
    let texts = t().project_form();
    view! {
        <form class="form limit-form" novalidate=true on:submit=submit aria-label=texts.limits_set_new>
            <div class="field-grid">
                <SelectField id="new-limit-subscription" label=texts.subscription_type value=subscription_type
                    options=choices(SUBSCRIPTION_TYPES) />
                <SelectField id="new-limit-unit" label=texts.unit value=usage_unit options=choices(USAGE_UNITS) />
                <LimitTerms ids=&NEW_LIMIT soft hard renewal submission />
            </div>
            <SubmitActions submission label=texts.limits_set_button busy_label=texts.limits_setting />
        </form>
    }
}

/// Soft, hard and renewal of the active limit. The API changes one at a time, so the changes go in the order
/// that keeps hard >= soft at every step: a higher hard limit first, a lower one last.
#[component]
pub fn ChangeLimitForm(owner: LimitOwner, limit: UsageLimit, on_saved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let number = |n: Option<f64>| n.map(typed_amount).unwrap_or_default();
    let soft = RwSignal::new(number(limit.soft_limit));
    let hard = RwSignal::new(number(limit.hard_limit));
    let renewal = RwSignal::new(limit.renewal_status.clone().unwrap_or_else(|| "Renewable".into()));
    let submission = Submission::new();
    let (owner, limit) = (StoredValue::new(owner), StoredValue::new(limit));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = limit.get_value();
        let input = UsageLimitInput {
            subscription_type: current.subscription_type.clone().unwrap_or_default(),
            usage_unit: current.usage_unit.clone().unwrap_or_default(),
            soft_limit: soft.get_untracked(),
            hard_limit: hard.get_untracked(),
            renewal_status: renewal.get_untracked(),
        };
        let mut problems = FieldErrors::default();
        let Some(wanted) = check_limit(&input, &mut problems) else {
            return submission.refuse(problems);
        };
        let mut changes = Vec::new();
        let hard_change =
            (Some(wanted.hard_limit) != current.hard_limit).then_some(LimitChange::HardLimit(wanted.hard_limit));
        let soft_change =
            (Some(wanted.soft_limit) != current.soft_limit).then_some(LimitChange::SoftLimit(wanted.soft_limit));
        if wanted.hard_limit >= current.hard_limit.unwrap_or(0.0) {
            changes.extend(hard_change);
            changes.extend(soft_change);
        } else {
            changes.extend(soft_change);
            changes.extend(hard_change);
        }
        if Some(&wanted.renewal_status) != current.renewal_status.as_ref() {
            changes.push(LimitChange::RenewalStatus(wanted.renewal_status.clone()));
        }
        if changes.is_empty() {
            return submission.refuse(FieldErrors::for_form(t().project_form().limits_nothing_changed));
        }
        let (client, owner, id) = (session.client(), owner.get_value(), current.id.clone().unwrap_or_default());
        let call = async move {
            for change in &changes {
                client.change_limit(&owner, &id, change).await.map_err(|error| StepFailed {
                    what: Some(t().project_form().limits_change_failed(change.field())),
                    error,
                })?;
            }
            Ok(())
        };
        let texts = t().project_form();
        // The changes before a failed one were made: the screen shows the limit as it now is.
        let outcome = Outcome::new(|_| t().project_form().limits_changed.into(), texts.limits_change_failed_any)
            .placed(errors_from_server)
            .after_failure(move |_| on_saved.run(()));
        submission.send_steps(call, outcome, move |()| on_saved.run(()));
    };
    let texts = t().project_form();
    view! {
        <form class="form limit-form" novalidate=true on:submit=submit aria-label=texts.limits_change_form>
            <div class="field-grid">
                <LimitTerms ids=&CHANGE_LIMIT soft hard renewal submission />
            </div>
            <SubmitActions submission label=texts.limits_save_changes busy_label=texts.saving />
        </form>
    }
}

/// The terms both forms have: the two limits and the renewal, each with its message.
#[component]
fn LimitTerms(
    ids: &'static LimitIds,
    soft: RwSignal<String>,
    hard: RwSignal<String>,
    renewal: RwSignal<String>,
    submission: Submission,
) -> impl IntoView {
    let texts = t().project_form();
    view! {
        <TextField id=ids.soft label=texts.soft_limit value=soft inputmode="decimal" required=true
            error=submission.error(SOFT_LIMIT) />
        <TextField id=ids.hard label=texts.hard_limit value=hard inputmode="decimal" required=true
            hint=texts.limits_hard_hint
            error=submission.error(HARD_LIMIT) />
        <SelectField id=ids.renewal label=texts.renewal value=renewal options=choices(RENEWAL_STATUSES) />
        // A refusal of the limit as a whole (no single term named).
        <p class="field-error" role="alert">{submission.error(USAGE_LIMIT)}</p>
    }
}

/// Element ids of the terms' fields, distinct per form.
struct LimitIds {
    soft: &'static str,
    hard: &'static str,
    renewal: &'static str,
}

const NEW_LIMIT: LimitIds = LimitIds { soft: "new-limit-soft", hard: "new-limit-hard", renewal: "new-limit-renewal" };

const CHANGE_LIMIT: LimitIds =
    LimitIds { soft: "change-limit-soft", hard: "change-limit-hard", renewal: "change-limit-renewal" };
