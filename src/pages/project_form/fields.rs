//! The project form's controls, shared by the create and edit screens. Each value is a signal that holds the
//! text as typed, so a failed save, a server error or a token pasted again never touches it.

use leptos::prelude::*;

use super::input::{ProjectInput, ADMINISTRATOR_EMAIL, NAME};
use crate::checks::limit::{
    choices, UsageLimitInput, HARD_LIMIT, RENEWAL_STATUSES, SOFT_LIMIT, SUBSCRIPTION_TYPES, USAGE_LIMIT, USAGE_UNITS,
};
use crate::components::form::{clear_when_edited, Submission};
use crate::components::{CheckboxField, SelectField, TextField};
use crate::i18n::t;

#[derive(Clone, Copy)]
pub struct ProjectFields {
    name: RwSignal<String>,
    description: RwSignal<String>,
    administrator_email: RwSignal<String>,
    limit_enabled: RwSignal<bool>,
    subscription_type: RwSignal<String>,
    usage_unit: RwSignal<String>,
    soft_limit: RwSignal<String>,
    hard_limit: RwSignal<String>,
    renewal_status: RwSignal<String>,
    active: RwSignal<bool>,
}

impl ProjectFields {
    pub fn new(initial: &ProjectInput) -> Self {
        let limit = initial.usage_limit.clone().unwrap_or_default();
        Self {
            name: RwSignal::new(initial.name.clone()),
            description: RwSignal::new(initial.description.clone()),
            administrator_email: RwSignal::new(initial.administrator_email.clone()),
            limit_enabled: RwSignal::new(initial.usage_limit.is_some()),
            subscription_type: RwSignal::new(limit.subscription_type),
            usage_unit: RwSignal::new(limit.usage_unit),
            soft_limit: RwSignal::new(limit.soft_limit),
            hard_limit: RwSignal::new(limit.hard_limit),
            renewal_status: RwSignal::new(limit.renewal_status),
            active: RwSignal::new(initial.active),
        }
    }

    /// The form as typed now (tracked: a memo over it follows every keystroke).
    pub fn input(&self) -> ProjectInput {
        ProjectInput {
            name: self.name.get(),
            description: self.description.get(),
            administrator_email: self.administrator_email.get(),
            usage_limit: self.limit_enabled.get().then(|| UsageLimitInput {
                subscription_type: self.subscription_type.get(),
                usage_unit: self.usage_unit.get(),
                soft_limit: self.soft_limit.get(),
                hard_limit: self.hard_limit.get(),
                renewal_status: self.renewal_status.get(),
            }),
            active: self.active.get(),
        }
    }
}

/// Which controls a screen offers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Create,
    /// `with_active`: the server takes `active` on PUT (SAIA beta).
    Edit {
        with_active: bool,
    },
}

#[component]
pub fn ProjectFormFields(fields: ProjectFields, submission: Submission, kind: FormKind) -> impl IntoView {
    clear_when_edited(fields.name, submission, &[NAME]);
    clear_when_edited(fields.administrator_email, submission, &[ADMINISTRATOR_EMAIL]);
    // Either limit may be what made the pair wrong (hard below soft), so editing one clears both.
    for limit in [fields.soft_limit, fields.hard_limit] {
        clear_when_edited(limit, submission, &[SOFT_LIMIT, HARD_LIMIT]);
    }
    let error = move |field| submission.error(field);
    let creating = kind == FormKind::Create;
    let texts = t().project_form();
    view! {
        <TextField id="project-name" label=texts.name value=fields.name required=true
            error=error(NAME) />
        <TextField id="project-description" label=texts.description value=fields.description multiline=true />
        <Show when=move || creating>
            <TextField id="administrator-email" label=texts.administrator_email kind="email" value=fields.administrator_email
                autocomplete="email"
                hint=texts.administrator_email_hint
                error=error(ADMINISTRATOR_EMAIL) />
            <UsageLimitFields fields submission />
        </Show>
        <Show when=move || matches!(kind, FormKind::Edit { with_active: true })>
            <CheckboxField id="project-active" label=texts.active checked=fields.active />
        </Show>
    }
}

#[component]
fn UsageLimitFields(fields: ProjectFields, submission: Submission) -> impl IntoView {
    let error = move |field| submission.error(field);
    let texts = t().project_form();
    view! {
        <fieldset class="group">
            <legend>{texts.usage_limit}</legend>
            <CheckboxField id="limit-enabled" label=texts.set_usage_limit checked=fields.limit_enabled />
            <Show when=move || fields.limit_enabled.get()>
                <div class="field-grid">
                    <SelectField id="subscription-type" label=texts.subscription_type value=fields.subscription_type
                        options=choices(SUBSCRIPTION_TYPES) />
                    <SelectField id="usage-unit" label=texts.unit value=fields.usage_unit options=choices(USAGE_UNITS) />
                    <TextField id="soft-limit" label=texts.soft_limit value=fields.soft_limit inputmode="decimal"
                        required=true hint=texts.soft_limit_hint
                        error=error(SOFT_LIMIT) />
                    <TextField id="hard-limit" label=texts.hard_limit value=fields.hard_limit inputmode="decimal"
                        required=true hint=texts.hard_limit_hint
                        error=error(HARD_LIMIT) />
                    <SelectField id="renewal-status" label=texts.renewal value=fields.renewal_status
                        options=choices(RENEWAL_STATUSES) />
                </div>
                <p class="field-error" role="alert">{error(USAGE_LIMIT)}</p>
            </Show>
        </fieldset>
    }
}
