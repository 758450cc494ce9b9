//! The two limit forms: a new limit (every term), and a change to the active one (soft, hard, renewal). Both
//! check positive numbers and hard >= soft before sending, and keep the input as typed on any server error.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{LimitChange, LimitOwner, UsageLimit};
use crate::components::{use_toasts, SelectField, TextField};
use crate::pages::project_form::input::{
    check_limit, errors_from_server, FieldErrors, UsageLimitInput, RENEWAL_STATUSES, SUBSCRIPTION_TYPES, USAGE_UNITS,
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
                    toasts.success("The new limit was set.");
                    soft.set(String::new());
                    hard.set(String::new());
                    on_saved.run(());
                }
                Err(error) => {
                    toasts.failure("Setting the limit failed", &error);
                    errors.set(errors_from_server(&error));
                }
            }
        });
    };
    view! {
        <form class="form limit-form" novalidate=true on:submit=submit aria-label="Set a new limit">
            <div class="field-grid">
                <SelectField id="new-limit-subscription" label="Subscription type" value=subscription_type options=SUBSCRIPTION_TYPES />
                <SelectField id="new-limit-unit" label="Unit" value=usage_unit options=USAGE_UNITS />
                <LimitTerms ids=&NEW_LIMIT soft hard renewal errors />
            </div>
            <LimitActions errors busy label="Set limit" busy_label="Setting\u{2026}" />
        </form>
    }
}

/// Soft, hard and renewal of the active limit. The API changes one at a time, so the changes go in the order
/// that keeps hard >= soft at every step: a higher hard limit first, a lower one last.
#[component]
pub fn ChangeLimitForm(owner: LimitOwner, limit: UsageLimit, on_saved: Callback<()>) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
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
            errors.set(FieldErrors { form: Some("Nothing changed.".into()), ..Default::default() });
            return;
        }
        busy.set(true);
        errors.set(FieldErrors::default());
        let (client, owner, id) = (session.client(), owner.get_value(), current.id.clone().unwrap_or_default());
        spawn_local(async move {
            for change in &changes {
                if let Err(error) = client.change_limit(&owner, &id, change).await {
                    busy.set(false);
                    toasts.failure(&format!("Changing the {} failed", change.field()), &error);
                    errors.set(errors_from_server(&error));
                    on_saved.run(());
                    return;
                }
            }
            busy.set(false);
            toasts.success("The limit was changed.");
            on_saved.run(());
        });
    };
    view! {
        <form class="form limit-form" novalidate=true on:submit=submit aria-label="Change the active limit">
            <div class="field-grid">
                <LimitTerms ids=&CHANGE_LIMIT soft hard renewal errors />
            </div>
            <LimitActions errors busy label="Save changes" busy_label="Saving\u{2026}" />
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
    view! {
        <TextField id=ids.soft label="Soft limit" value=soft inputmode="decimal" required=true
            error=Signal::derive(move || errors.with(|e| e.soft_limit.clone())) />
        <TextField id=ids.hard label="Hard limit" value=hard inputmode="decimal" required=true
            hint="At least the soft limit."
            error=Signal::derive(move || errors.with(|e| e.hard_limit.clone())) />
        <SelectField id=ids.renewal label="Renewal" value=renewal options=RENEWAL_STATUSES />
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
