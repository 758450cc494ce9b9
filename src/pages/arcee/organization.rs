//! `/arcee/organization`: a new organization, and invitations to one: up to ten addresses at once, each one's
//! refusal shown next to it, and every address kept until the invitation goes through.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use wasm_bindgen::JsCast;

use super::ArceeScreen;
use crate::api::arcee::{NewOrganization, Organization, MOST_INVITEES, ORGANIZATION_TYPES};
use crate::api::{ApiError, ErrorKind};
use crate::components::{use_toasts, SelectField, TextField};
use crate::i18n::t;
use crate::session::use_session;
use crate::web::focus_after_render;

#[component]
pub fn OrganizationPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().organization.title here="/arcee/organization">
            <NewOrganizationForm />
            <InviteForm />
        </ArceeScreen>
    }
}

/// Where a refused organization goes: each field's own message at the field; a taken slug (409) at the name,
/// which makes the slug; anything else (a rejected key, a failed server) for the whole form.
fn place_organization_error(error: &ApiError) -> (Option<String>, Option<String>, Option<String>) {
    let name = error.field_message("name", None);
    let kind = error.field_message("type", None);
    if name.is_some() || kind.is_some() {
        (name, kind, None)
    } else if error.status == Some(409) {
        (Some(error.to_string()), None, None)
    } else {
        (None, None, Some(error.to_string()))
    }
}

#[component]
fn NewOrganizationForm() -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(ORGANIZATION_TYPES[0].0.to_string());
    let name_problem = RwSignal::new(None::<String>);
    let kind_problem = RwSignal::new(None::<String>);
    let form_problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let created = RwSignal::new(None::<Organization>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let organization =
            NewOrganization { name: name.get_untracked().trim().to_string(), kind: kind.get_untracked() };
        form_problem.set(None);
        kind_problem.set(None);
        if organization.name.is_empty() {
            name_problem.set(Some(t().arcee().organization.enter_organization_name.into()));
            return;
        }
        let Some(client) = session.arcee_client() else { return };
        busy.set(true);
        name_problem.set(None);
        spawn_local_scoped_with_cancellation(async move {
            let result = client.create_organization(&organization).await;
            busy.set(false);
            match result {
                Ok(organization) => {
                    toasts.success(t().arcee().organization.organization_created(&organization.name));
                    name.set(String::new());
                    created.set(Some(organization));
                }
                Err(error) => {
                    toasts.failure(t().arcee().organization.creating_organization_failed, &error);
                    let (at_name, at_kind, at_form) = place_organization_error(&error);
                    name_problem.set(at_name);
                    kind_problem.set(at_kind);
                    form_problem.set(at_form);
                }
            }
        });
    };
    let texts = &t().arcee().organization;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="new-organization-heading">
            <h2 id="new-organization-heading">{texts.new_organization}</h2>
            <TextField id="organization-name" label=texts.name value=name required=true
                hint=texts.name_hint
                error=Signal::derive(move || name_problem.get()) />
            <SelectField id="organization-type" label=texts.kind value=kind options=ORGANIZATION_TYPES
                error=Signal::derive(move || kind_problem.get()) />
            <p class="form-error" role="alert">{move || form_problem.get()}</p>
            <div class="actions">
                <button type="submit" class="primary" aria-disabled=move || busy.get().to_string()>
                    {move || if busy.get() { t().arcee().organization.creating } else { t().arcee().organization.create_organization }}
                </button>
            </div>
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
    problem: RwSignal<Option<String>>,
}

/// Splits what was typed or pasted into one field into addresses: commas, semicolons, spaces, line breaks.
fn split_addresses(text: &str) -> Vec<String> {
    text.split([',', ';', '\n', ' ', '\t']).map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
}

#[component]
fn InviteForm() -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let organization = RwSignal::new(session.arcee().and_then(|c| c.organization.or(c.org)).unwrap_or_default());
    let organization_problem = RwSignal::new(None::<String>);
    // Rows belong to the form, not to the row whose paste made them: removing that row must not take them along.
    // Held weakly: a strong reference stored in the form's own owner would keep it alive after the screen goes.
    let form_owner = StoredValue::new(Owner::current().unwrap_or_default().downgrade());
    let next_id = StoredValue::new(0u32);
    let new_row = move |address: String| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        let make = || Invitee { id, address: RwSignal::new(address), problem: RwSignal::new(None) };
        match form_owner.with_value(WeakOwner::upgrade) {
            Some(owner) => owner.with(make),
            None => make(),
        }
    };
    let rows = RwSignal::new((0..3).map(|_| new_row(String::new())).collect::<Vec<_>>());
    let form_problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
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
        if busy.get_untracked() {
            return;
        }
        for row in rows.get_untracked() {
            spread(row);
        }
        let slug = organization.get_untracked().trim().to_string();
        let sent: Vec<Invitee> =
            rows.get_untracked().into_iter().filter(|r| r.address.with_untracked(|a| !a.trim().is_empty())).collect();
        for row in rows.get_untracked() {
            row.problem.set(None);
        }
        organization_problem.set(slug.is_empty().then(|| t().arcee().organization.enter_organization_slug.into()));
        form_problem.set(match sent.len() {
            0 => Some(t().arcee().organization.add_an_address.into()),
            n if n > MOST_INVITEES => {
                Some(t().arcee().organization.too_many_invitees(MOST_INVITEES, n - MOST_INVITEES))
            }
            _ => None,
        });
        if slug.is_empty() || form_problem.with_untracked(Option::is_some) {
            return;
        }
        let Some(client) = session.arcee_client() else { return };
        let addresses: Vec<String> = sent.iter().map(|r| r.address.get_untracked().trim().to_string()).collect();
        busy.set(true);
        spawn_local_scoped_with_cancellation(async move {
            let result = client.invite(&slug, &addresses).await;
            busy.set(false);
            match result {
                Ok(invited) => {
                    let count = if invited.invited.is_empty() { addresses.len() } else { invited.invited.len() };
                    toasts.success(t().arcee().organization.invited(count, &slug));
                    rows.set(vec![new_row(String::new())]);
                }
                Err(error) => {
                    toasts.failure(t().arcee().organization.invitation_failed, &error);
                    // Each refused address by its index in what was sent; nothing typed is removed.
                    let mut placed = false;
                    for (index, row) in sent.iter().enumerate() {
                        let message = error.field_message("invitees", Some(index));
                        placed |= message.is_some();
                        row.problem.set(message);
                    }
                    if matches!(error.kind, ErrorKind::NotFound | ErrorKind::OutOfScope) {
                        organization_problem.set(Some(error.to_string()));
                    } else if placed {
                        form_problem.set(Some(t().arcee().organization.some_refused.into()));
                    } else {
                        form_problem.set(Some(error.to_string()));
                    }
                    focus_after_render("main [aria-invalid=true]");
                }
            }
        });
    };

    let texts = &t().arcee().organization;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="invite-heading">
            <h2 id="invite-heading">{texts.invite_people}</h2>
            <TextField id="invite-organization" label=texts.organization_slug value=organization required=true
                error=Signal::derive(move || organization_problem.get()) />
            <fieldset class="invitees">
                <legend>{texts.addresses_legend(MOST_INVITEES)}</legend>
                <p class="hint" id="invitees-hint">{texts.addresses_hint}</p>
                <For each=move || rows.get() key=|row| row.id let:row>
                    <InviteeRow row rows spread />
                </For>
                <p class="counter" aria-live="polite">{move || t().arcee().organization.filled(filled(), MOST_INVITEES)}</p>
            </fieldset>
            <p class="form-error" role="alert">{move || form_problem.get()}</p>
            <div class="actions">
                <button
                    type="button"
                    aria-disabled=move || (rows.with(Vec::len) >= MOST_INVITEES).to_string()
                    on:click=move |_| {
                        if rows.with_untracked(Vec::len) < MOST_INVITEES {
                            rows.update(|rows| rows.push(new_row(String::new())));
                        }
                    }
                >{texts.add_address}</button>
                <button type="submit" class="primary" aria-disabled=move || busy.get().to_string()>
                    {move || if busy.get() { t().arcee().organization.inviting } else { t().arcee().organization.send_invitations }}
                </button>
            </div>
        </form>
    }
}

#[component]
fn InviteeRow(row: Invitee, rows: RwSignal<Vec<Invitee>>, spread: impl Fn(Invitee) + Copy + 'static) -> impl IntoView {
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
                    aria-invalid=move || row.problem.with(Option::is_some).to_string()
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
            <p class="field-error" id=error_id>{move || row.problem.get()}</p>
        </div>
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
