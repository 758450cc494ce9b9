//! `/arcee/organization`: a new organization, and invitations to one: up to ten addresses at once, each one's
//! refusal shown next to it, and every address kept until the invitation goes through.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ArceeScreen;
use crate::api::arcee::{Invited, NewOrganization, Organization, MOST_INVITEES};
use crate::api::{ApiError, ErrorKind};
use crate::checks::FieldErrors;
use crate::components::form::{Outcome, Submission, SubmitActions};
use crate::components::{SelectField, TextField};
use crate::i18n::t;
use crate::i18n::TextOf;
use crate::session::use_session;

#[component]
pub fn OrganizationPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().organization.title here=crate::routes::ARCEE_ORGANIZATION>
            <NewOrganizationForm />
            <InviteForm />
        </ArceeScreen>
    }
}

/// The organization types (`api::arcee::ORGANIZATION_TYPES`) as `(value, label)`, the label read from the
/// current texts.
const TYPE_CHOICES: &[(&str, TextOf)] =
    &[("team", |t| t.common().organization_type_team), ("enterprise", |t| t.common().organization_type_enterprise)];

/// The fields' keys in the forms' problems; an address row's is [`invitee_key`].
const NAME: &str = "name";
const KIND: &str = "type";
const ORGANIZATION: &str = "organization";

/// Where a refused organization goes: each field's own message at the field; a taken slug (409) at the name,
/// which makes the slug; anything else (a rejected key, a failed server) for the whole form.
fn organization_errors(error: &ApiError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if let Some(message) = error.field_message("name", None) {
        errors.add(NAME, message);
    }
    if let Some(message) = error.field_message("type", None) {
        errors.add(KIND, message);
    }
    if errors.is_empty() {
        match error.status {
            Some(409) => errors.add(NAME, error.to_string()),
            _ => errors.form = Some(error.to_string()),
        }
    }
    errors
}

#[component]
fn NewOrganizationForm() -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(TYPE_CHOICES[0].0.to_string());
    let submission = Submission::new();
    let created = RwSignal::new(None::<Organization>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let organization =
            NewOrganization { name: name.get_untracked().trim().to_string(), kind: kind.get_untracked() };
        if organization.name.is_empty() {
            return submission.refuse(FieldErrors::at(NAME, t().arcee().organization.enter_organization_name));
        }
        let Some(client) = session.arcee_client() else { return };
        let texts = &t().arcee().organization;
        let outcome = Outcome::new(
            |organization: &Organization| t().arcee().organization.organization_created(&organization.name),
            texts.creating_organization_failed,
        )
        .placed(organization_errors);
        submission.send(async move { client.create_organization(&organization).await }, outcome, move |organization| {
            name.set(String::new());
            created.set(Some(organization));
        });
    };
    let texts = &t().arcee().organization;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="new-organization-heading">
            <h2 id="new-organization-heading">{texts.new_organization}</h2>
            <TextField id="organization-name" label=texts.name value=name required=true
                hint=texts.name_hint
                error=submission.error(NAME) />
            <SelectField id="organization-type" label=texts.kind value=kind options=TYPE_CHOICES
                error=submission.error(KIND) />
            <SubmitActions submission label=texts.create_organization busy_label=texts.creating />
            {move || created.get().map(|organization| view! {
                <p class="created-organization" role="status">
                    {t().arcee().organization.created_before_name} <strong>{organization.name.clone()}</strong> {t().arcee().organization.created_before_slug} <code>{organization.slug.clone()}</code>
                    {organization.kind.clone().map(|kind| format!(", {kind}"))} "."
                </p>
            })}
        </form>
    }
}

/// One address row of the invitation, with its own error.
#[derive(Clone, Copy)]
struct Invitee {
    id: u32,
    address: RwSignal<String>,
}

/// An address row's key in the form's problems.
fn invitee_key(id: u32) -> String {
    format!("invitee-{id}")
}

/// Splits what was typed or pasted into one field into addresses: commas, semicolons, spaces, line breaks.
fn split_addresses(text: &str) -> Vec<String> {
    text.split([',', ';', '\n', ' ', '\t']).map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
}

#[component]
fn InviteForm() -> impl IntoView {
    let session = use_session();
    let organization = RwSignal::new(session.arcee().and_then(|c| c.organization.or(c.org)).unwrap_or_default());
    let submission = Submission::new();
    // Rows belong to the form, not to the row whose paste made them: removing that row must not take them along.
    // Held weakly: a strong reference stored in the form's own owner would keep it alive after the screen goes.
    let form_owner = StoredValue::new(Owner::current().unwrap_or_default().downgrade());
    let next_id = StoredValue::new(0u32);
    let new_row = move |address: String| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        let make = || Invitee { id, address: RwSignal::new(address) };
        match form_owner.with_value(WeakOwner::upgrade) {
            Some(owner) => owner.with(make),
            None => make(),
        }
    };
    let rows = RwSignal::new((0..3).map(|_| new_row(String::new())).collect::<Vec<_>>());
    let filled = move || rows.with(|rows| rows.iter().filter(|r| r.address.with(|a| !a.trim().is_empty())).count());

    // Several addresses in one field (pasted, or typed with commas) become one row each.
    let spread = move |row: Invitee| {
        let parts = split_addresses(&row.address.get_untracked());
        if parts.len() < 2 {
            return;
        }
        row.address.set(parts[0].clone());
        rows.update(|rows| {
            let at = rows.iter().position(|r| r.id == row.id).map_or(rows.len(), |i| i + 1);
            let extra: Vec<Invitee> = parts[1..].iter().cloned().map(new_row).collect();
            rows.splice(at..at, extra);
            rows.retain(|r| r.id == row.id || !r.address.with(|a| a.trim().is_empty()));
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        for row in rows.get_untracked() {
            spread(row);
        }
        let slug = organization.get_untracked().trim().to_string();
        let sent: Vec<Invitee> =
            rows.get_untracked().into_iter().filter(|r| r.address.with_untracked(|a| !a.trim().is_empty())).collect();
        let mut problems = FieldErrors::default();
        if slug.is_empty() {
            problems.add(ORGANIZATION, t().arcee().organization.enter_organization_slug);
        }
        match sent.len() {
            0 => problems.form = Some(t().arcee().organization.add_an_address.into()),
            n if n > MOST_INVITEES => {
                problems.form = Some(t().arcee().organization.too_many_invitees(MOST_INVITEES, n - MOST_INVITEES))
            }
            _ => {}
        }
        if !problems.is_empty() {
            return submission.refuse(problems);
        }
        let Some(client) = session.arcee_client() else { return };
        let addresses: Vec<String> = sent.iter().map(|r| r.address.get_untracked().trim().to_string()).collect();
        let sent_keys: Vec<String> = sent.iter().map(|row| invitee_key(row.id)).collect();
        let (count, to) = (addresses.len(), slug.clone());
        let outcome = Outcome::new(
            move |invited: &Invited| {
                let count = if invited.invited.is_empty() { count } else { invited.invited.len() };
                t().arcee().organization.invited(count, &to)
            },
            t().arcee().organization.invitation_failed,
        )
        .placed(invitation_errors_at(sent_keys));
        submission.send(async move { client.invite(&slug, &addresses).await }, outcome, move |_| {
            rows.set(vec![new_row(String::new())]);
        });
    };

    let texts = &t().arcee().organization;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="invite-heading">
            <h2 id="invite-heading">{texts.invite_people}</h2>
            <TextField id="invite-organization" label=texts.organization_slug value=organization required=true
                error=submission.error(ORGANIZATION) />
            <fieldset class="invitees">
                <legend>{texts.addresses_legend(MOST_INVITEES)}</legend>
                <p class="hint" id="invitees-hint">{texts.addresses_hint}</p>
                <For each=move || rows.get() key=|row| row.id let:row>
                    <InviteeRow row rows spread submission />
                </For>
                <p class="counter" aria-live="polite">{move || t().arcee().organization.filled(filled(), MOST_INVITEES)}</p>
            </fieldset>
            <SubmitActions submission label=texts.send_invitations busy_label=texts.inviting>
                <button
                    type="button"
                    aria-disabled=move || (rows.with(Vec::len) >= MOST_INVITEES).to_string()
                    on:click=move |_| {
                        if rows.with_untracked(Vec::len) < MOST_INVITEES {
                            rows.update(|rows| rows.push(new_row(String::new())));
                        }
                    }
                >{texts.add_address}</button>
            </SubmitActions>
        </form>
    }
}

#[component]
fn InviteeRow(
    row: Invitee,
    rows: RwSignal<Vec<Invitee>>,
    spread: impl Fn(Invitee) + Copy + 'static,
    submission: Submission,
) -> impl IntoView {
    let problem = submission.error(invitee_key(row.id));
    let position = move || rows.with(|rows| rows.iter().position(|r| r.id == row.id).unwrap_or(0) + 1);
    let input_id = format!("invitee-{}", row.id);
    let error_id = format!("invitee-{}-error", row.id);
    view! {
        <div class="field invitee">
            <label for=input_id.clone()>{move || t().arcee().organization.address(position())}</label>
            <div class="field-row">
                <input
                    id=input_id
                    // Text, not `email`: Chrome moves an email field's caret when its value is set back
                    // while typing, which scrambles what is typed.
                    type="text"
                    inputmode="email"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby=format!("invitees-hint {error_id}")
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    prop:value=move || row.address.get()
                    on:input=move |ev| {
                        row.address.set(event_target_value(&ev));
                        // A pasted list becomes rows at once; typed text waits for the submit, so the form does
                        // not move under the pointer on its way to the button.
                        let pasted = ev
                            .dyn_ref::<web_sys::InputEvent>()
                            .is_some_and(|input| input.input_type() == "insertFromPaste");
                        if pasted {
                            spread(row);
                        }
                    }
                />
                <button
                    type="button"
                    aria-label=move || t().arcee().organization.remove_address(position())
                    on:click=move |_| rows.update(|rows| rows.retain(|r| r.id != row.id))
                >{t().arcee().organization.remove}</button>
            </div>
            <p class="field-error" id=error_id>{problem}</p>
        </div>
    }
}

/// Where a refused invitation goes: each refused address at its row (by its index in what was sent); an
/// unknown organization at the slug; otherwise the whole form. Nothing typed is removed.
fn invitation_errors_at(sent: Vec<String>) -> impl Fn(&ApiError) -> FieldErrors {
    move |error| {
        let mut errors = FieldErrors::default();
        for (index, key) in sent.iter().enumerate() {
            if let Some(message) = error.field_message("invitees", Some(index)) {
                errors.add(key.clone(), message);
            }
        }
        if matches!(error.kind, ErrorKind::NotFound | ErrorKind::OutOfScope) {
            errors.add(ORGANIZATION, error.to_string());
        } else if !errors.is_empty() {
            errors.form = Some(t().arcee().organization.some_refused.into());
        } else {
            errors.form = Some(error.to_string());
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::split_addresses;

    #[test]
    fn a_pasted_list_splits_on_any_separator() {
        assert_eq!(
            split_addresses("a@x.io, b@y.io;c@z.io\nd@w.io  e@v.io"),
            ["a@x.io", "b@y.io", "c@z.io", "d@w.io", "e@v.io"]
        );
        assert_eq!(split_addresses(" one@x.io "), ["one@x.io"]);
        assert!(split_addresses(" , ").is_empty());
    }
}

#[cfg(test)]
mod type_tests {
    #[test]
    fn the_choices_are_the_apis_types() {
        let values: Vec<&str> = super::TYPE_CHOICES.iter().map(|(value, _)| *value).collect();
        assert_eq!(values, crate::api::arcee::ORGANIZATION_TYPES);
    }
}
