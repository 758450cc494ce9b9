//! The project's members with their roles, the invitation of a person with roles from the project's catalog,
//! the removal of a member after a confirmation that names both, and the catalog itself.

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::access::{Member, Role};
use crate::api::ServerMessage;
use crate::checks::email::looks_like_email;
use crate::checks::{place_refusal, FieldErrors};
use crate::components::form::{Outcome, Submission, SubmitActions};
use crate::components::{ConfirmDialog, DataTable, Loaded, TextField};
use crate::i18n::t;
use crate::session::use_session;

const EMAIL: &str = "email";
const ROLES: &str = "roles";

/// The project a section speaks of: its id for the calls, its name for people.
#[derive(Clone)]
struct ThisProject {
    id: String,
    name: String,
}

#[component]
pub fn ProjectMembers(project_id: String, project_name: String) -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let project = StoredValue::new(ThisProject { id: project_id, name: project_name });
    let members = LocalResource::new(move || {
        let (client, id) = (session.client(), project.with_value(|p| p.id.clone()));
        async move { client.project_members(&id).await }
    });
    let roles = LocalResource::new(move || {
        let (client, id) = (session.client(), project.with_value(|p| p.id.clone()));
        async move { client.project_roles(&id).await }
    });
    let reload = Callback::new(move |()| members.refetch());
    view! {
        <Loaded resource=members loading=texts.loading_project_members
            render={move |list: Vec<Member>| view! { <MemberTable list project reload /> }} />
        <Loaded resource=roles loading=texts.loading_roles
            render={move |catalog: Vec<Role>| view! { <InviteForm catalog=catalog.clone() project reload /> <RoleCatalog catalog /> }} />
    }
}

#[component]
fn MemberTable(list: Vec<Member>, project: StoredValue<ThisProject>, reload: Callback<()>) -> impl IntoView {
    let texts = t().members();
    if list.is_empty() {
        return Either::Left(view! { <p class="empty">{texts.no_members}</p> });
    }
    // One dialog for the table, told whom it is about: a dialog a row would repeat its ids.
    let removing = RwSignal::new(None::<Member>);
    let rows = list
        .into_iter()
        .map(|member| {
            let label = texts.remove_member(&member.name);
            let roles = texts.role_list(&member.roles);
            let (name, email) = (member.name.clone(), member.email.clone());
            let member = StoredValue::new(member);
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{email}</td>
                    <td>{roles}</td>
                    <td>
                        <button type="button" class="danger" aria-label=label
                            on:click=move |_| removing.set(Some(member.get_value()))>
                            {texts.remove}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <DataTable caption=texts.project_members_caption class="project-members">
            <thead><tr>
                <th scope="col">{texts.column_person}</th>
                <th scope="col">{texts.column_email}</th>
                <th scope="col">{texts.column_roles}</th>
                <th scope="col">{texts.column_actions}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </DataTable>
        <RemoveMember removing project reload />
    })
}

/// The confirmation of a removal, open while `removing` names a member.
#[component]
fn RemoveMember(
    removing: RwSignal<Option<Member>>,
    project: StoredValue<ThisProject>,
    reload: Callback<()>,
) -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let submission = Submission::new();
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        if removing.with(Option::is_some) {
            submission.errors.set(FieldErrors::default());
            open.set(true);
        }
    });
    Effect::new(move |_| {
        if !open.get() {
            removing.set(None);
        }
    });
    let title = Signal::derive(move || {
        let name = removing.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());
        project.with_value(|p| texts.remove_title(&name, &p.name))
    });
    let confirm = Callback::new(move |()| {
        let Some(Member { id, name, .. }) = removing.get_untracked() else { return };
        let (client, project) = (session.client(), project.get_value());
        let outcome = Outcome::new(move |_| t().members().removed(&name, &project.name), texts.remove_failed);
        let call = async move { client.remove_member(&project.id, &id).await };
        submission.send(call, outcome, move |()| {
            open.set(false);
            reload.run(());
        });
    });
    view! {
        <ConfirmDialog id="remove-member" open title confirm_label=texts.remove busy=submission.busy
            on_confirm=confirm error=submission.form_error()>
            <p>{texts.remove_explanation}</p>
        </ConfirmDialog>
    }
}

/// Where the server's refusal of an invitation belongs: a message about the person (a bad address, already a
/// member) at the e-mail, one about a role at the roles, the rest to the form.
fn refusal_field(message: &ServerMessage) -> Option<&'static str> {
    let text = message.text.to_lowercase();
    if text.contains("role") {
        Some(ROLES)
    } else if text.contains("mail") || text.contains("member") || text.contains("conflict") {
        Some(EMAIL)
    } else {
        None
    }
}

#[component]
fn InviteForm(catalog: Vec<Role>, project: StoredValue<ThisProject>, reload: Callback<()>) -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let open = RwSignal::new(false);
    let email = RwSignal::new(String::new());
    let chosen = RwSignal::new(Vec::<String>::new());
    let submission = Submission::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = email.get_untracked().trim().to_string();
        let roles = chosen.get_untracked();
        let mut problems = FieldErrors::default();
        if address.is_empty() {
            problems.add(EMAIL, texts.email_missing);
        } else if !looks_like_email(&address) {
            problems.add(EMAIL, texts.email_malformed);
        }
        if roles.is_empty() {
            problems.add(ROLES, texts.roles_missing);
        }
        if !problems.is_empty() {
            return submission.refuse(problems);
        }
        let (client, project) = (session.client(), project.get_value());
        let invited = address.clone();
        let outcome = Outcome::new(move |_| t().members().invited(&invited), texts.invite_failed)
            .placed(|error| place_refusal(error, refusal_field));
        let call = async move { client.invite_member(&project.id, &address, &roles).await };
        submission.send(call, outcome, move |()| {
            email.set(String::new());
            chosen.set(Vec::new());
            open.set(false);
            reload.run(());
        });
    };
    let role_error = submission.error(ROLES);
    let choices = catalog
        .into_iter()
        .enumerate()
        .map(|(i, role)| {
            let id = format!("invite-role-{i}");
            let name = StoredValue::new(role.name.clone());
            let label = format!("{} ({})", role.name, texts.role_type_word(role.role_type));
            let toggle = move |checked: bool| {
                let name = name.get_value();
                chosen.update(|all| {
                    all.retain(|n| *n != name);
                    if checked {
                        all.push(name);
                    }
                });
            };
            view! {
                <div class="field field-inline">
                    <input type="checkbox" id=id.clone()
                        aria-invalid=move || if role_error.with(Option::is_some) { "true" } else { "false" }
                        prop:checked=move || chosen.with(|all| name.with_value(|n| all.contains(n)))
                        on:change:target=move |ev| toggle(ev.target().checked()) />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="actions">
            <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {texts.invite}
            </button>
        </div>
        <form class="card form invite-member" on:submit=submit novalidate=true aria-label=texts.invite_heading
            hidden=move || !open.get()>
            <h3>{texts.invite_heading}</h3>
            <TextField id="invite-email" label=texts.email value=email kind="email" required=true
                autocomplete="off" error=submission.error(EMAIL) />
            <fieldset class="role-choices" aria-describedby="invite-roles-error">
                <legend>{texts.roles}</legend>
                {choices}
                <p class="field-error" id="invite-roles-error">{move || role_error.get()}</p>
            </fieldset>
            <SubmitActions submission label=texts.send_invitation busy_label=texts.sending>
                <button type="button" on:click=move |_| open.set(false)>{texts.cancel}</button>
            </SubmitActions>
        </form>
    }
}

#[component]
fn RoleCatalog(catalog: Vec<Role>) -> impl IntoView {
    let texts = t().members();
    let body = if catalog.is_empty() {
        Either::Left(view! { <p class="empty">{texts.no_roles_in_catalog}</p> })
    } else {
        let rows = catalog
            .into_iter()
            .map(|role| {
                view! {
                    <tr>
                        <th scope="row">{role.name.clone()}</th>
                        <td>{texts.role_type_word(role.role_type)}</td>
                        <td>{role.origin.clone().unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view();
        Either::Right(view! {
            <DataTable caption=texts.catalog_caption class="role-catalog">
                <thead><tr>
                    <th scope="col">{texts.column_role}</th>
                    <th scope="col">{texts.column_type}</th>
                    <th scope="col">{texts.column_origin}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </DataTable>
        })
    };
    view! {
        <h3>{texts.role_catalog}</h3>
        {body}
    }
}
