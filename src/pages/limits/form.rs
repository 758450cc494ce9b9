//! The two limit forms: a new limit (every term), and a change to the active one (soft, hard, renewal). Both
//! check positive numbers and hard >= soft before sending, and keep the input as typed on any server error.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{LimitChange, LimitOwner, UsageLimit};
use crate::components::{use_toasts, SelectField, TextField};
use crate::i18n::t;
use crate::pages::project_form::input::{
    check_limit, choices, errors_from_server, typed_amount, FieldErrors, UsageLimitInput, RENEWAL_STATUSES,
    SUBSCRIPTION_TYPES, USAGE_UNITS,
};
use crate::session::use_session;

/// `Set a new limit`: replaces the active one.
#[component]
pub fn NewLimitForm(owner: LimitOwner, on_saved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let defaults = UsageLimitInput::default();
    let subscription_type = RwSignal::new(defaults.subscription_type);
    let usage_unit = RwSignal::new(defaults.usage_unit);
    let soft = RwSignal::new(String::new());
    let hard = RwSignal::new(String::new());
    let renewal = RwSignal::new(defaults.renewal_status);
    let errors = RwSignal::new(FieldErrors::default());
    let busy = RwSignal::new(false);
    let owner = StoredValue::new(owner);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let input = UsageLimitInput {
            subscription_type: subscription_type.get_untracked(),
            usage_unit: usage_unit.get_untracked(),
            soft_limit: soft.get_untracked(),
            hard_limit: hard.get_untracked(),
            renewal_status: renewal.get_untracked(),
        };
        let mut problems = FieldErrors::default();
        let Some(limit) = check_limit(&input, &mut problems) else {
            errors.set(problems);
            return;
        };
        busy.set(true);
        errors.set(FieldErrors::default());
        let (client, owner) = (session.client(), owner.get_value());
        spawn_local(async move {
            let result = client.create_limit(&owner, &limit).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    toasts.success(t().project_form().limits_new_set);
                    soft.set(String::new());
                    hard.set(String::new());
                    on_saved.run(());
                }
                Err(error) => {
                    toasts.failure(t().project_form().limits_set_failed, &error);
                    errors.set(errors_from_server(&error));
                }
            }
        });
    };
    let texts = t().project_form();
    view! {
        <form class="form limit-form" novalidate=true on:submit=submit aria-label=texts.limits_set_new>
            <div class="field-grid">
                <SelectField id="new-limit-subscription" label=texts.subscription_type value=subscription_type
                    options=choices(SUBSCRIPTION_TYPES) />
                <SelectField id="new-limit-unit" label=texts.unit value=usage_unit options=choices(USAGE_UNITS) />
                <LimitTerms ids=&NEW_LIMIT soft hard renewal errors />
            </div>
            <LimitActions errors busy label=texts.limits_set_button busy_label=texts.limits_setting />
        </form>
    }
}

/// Soft, hard and renewal of the active limit. The API changes one at a time, so the changes go in the order
/// that keeps hard >= soft at every step: a higher hard limit first, a lower one last.
#[component]
pub fn ChangeLimitForm(owner: LimitOwner, limit: UsageLimit, on_saved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let number = |n: Option<f64>| n.map(typed_amount).unwrap_or_default();
    let soft = RwSignal::new(number(limit.soft_limit));
    let hard = RwSignal::new(number(limit.hard_limit));
    let renewal = RwSignal::new(limit.renewal_status.clone().unwrap_or_else(|| "Renewable".into()));
    let errors = RwSignal::new(FieldErrors::default());
    let busy = RwSignal::new(false);
    let (owner, limit) = (StoredValue::new(owner), StoredValue::new(limit));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
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
            errors.set(problems);
            return;
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
            errors.set(FieldErrors {
                form: Some(t().project_form().limits_nothing_changed.into()),
                ..Default::default()
            });
            return;
        }
        busy.set(true);
        errors.set(FieldErrors::default());
        let (client, owner, id) = (session.client(), owner.get_value(), current.id.clone().unwrap_or_default());
        spawn_local(async move {
            for change in &changes {
                if let Err(error) = client.change_limit(&owner, &id, change).await {
                    busy.set(false);
                    toasts.failure(&t().project_form().limits_change_failed(change.field()), &error);
                    errors.set(errors_from_server(&error));
                    on_saved.run(());
                    return;
                }
            }
            busy.set(false);
            toasts.success(t().project_form().limits_changed);
            on_saved.run(());
        });
    };
    let texts = t().project_form();
    view! {
        <form class="form limit-form" novalidate=true on:submit=submit aria-label=texts.limits_change_form>
            <div class="field-grid">
                <LimitTerms ids=&CHANGE_LIMIT soft hard renewal errors />
            </div>
            <LimitActions errors busy label=texts.limits_save_changes busy_label=texts.saving />
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
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let texts = t().project_form();
    view! {
        <TextField id=ids.soft label=texts.soft_limit value=soft inputmode="decimal" required=true
            error=Signal::derive(move || errors.with(|e| e.soft_limit.clone())) />
        <TextField id=ids.hard label=texts.hard_limit value=hard inputmode="decimal" required=true
            hint=texts.limits_hard_hint
            error=Signal::derive(move || errors.with(|e| e.hard_limit.clone())) />
        <SelectField id=ids.renewal label=texts.renewal value=renewal options=choices(RENEWAL_STATUSES) />
    }
}

/// The form's own message and its submit button, marked busy (not disabled: that would drop the focus).
#[component]
fn LimitActions(
    errors: RwSignal<FieldErrors>,
    busy: RwSignal<bool>,
    label: &'static str,
    busy_label: &'static str,
) -> impl IntoView {
    view! {
        <p class="form-error" role="alert">{move || errors.with(|e| e.form.clone().or(e.usage_limit.clone()))}</p>
        <div class="actions">
            <button type="submit" class="primary" aria-disabled=move || busy.get().to_string()>
                {move || if busy.get() { busy_label } else { label }}
            </button>
        </div>
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
