//! `/members/person?email=...`: every project one person belongs to, with their roles there (the project
//! memberships of an e-mail). The address is in the URL, so the view survives a reload and can be shared.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::access::PersonProject;
use crate::components::{organization_id_or_reason, use_title, DataTable, Loaded};
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn PersonAccessPage() -> impl IntoView {
    let texts = t().members();
    let email = use_query_map().with_untracked(|q| q.get("email")).filter(|e| !e.trim().is_empty());
    use_title(email.as_deref().unwrap_or(texts.person_title));
    let body = match (organization_id_or_reason(), email.clone()) {
        (Err(reason), _) => Either::Left(reason),
        (Ok(_), None) => Either::Right(Either::Left(view! { <p class="empty">{texts.person_missing}</p> })),
        (Ok(organization_id), Some(email)) => {
            Either::Right(Either::Right(view! { <PersonProjects organization_id email /> }))
        }
    };
    view! {
        <section class="page" aria-labelledby="person-heading">
            <h1 id="person-heading" tabindex="-1">{email.unwrap_or_else(|| texts.person_title.into())}</h1>
            <p class="lead">{texts.person_lead}</p>
            <p><a href=crate::routes::MEMBERS>{texts.back_to_members}</a></p>
            {body}
        </section>
    }
}

#[component]
fn PersonProjects(organization_id: String, email: String) -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let (organization_id, email) = (StoredValue::new(organization_id), StoredValue::new(email));
    let projects = LocalResource::new(move || {
        let client = session.client();
        let (organization_id, email) = (organization_id.get_value(), email.get_value());
        async move { client.memberships_of(&organization_id, &email).await }
    });
    view! {
        <Loaded resource=projects loading=texts.loading_access
            render={move |projects: Vec<PersonProject>| view! { <ProjectTable projects /> }} />
    }
}

#[component]
fn ProjectTable(projects: Vec<PersonProject>) -> impl IntoView {
    let texts = t().members();
    if projects.is_empty() {
        return Either::Left(view! { <p class="empty">{texts.no_projects}</p> });
    }
    let rows = projects
        .into_iter()
        .map(|project| {
            let href = crate::routes::project(&project.project_id);
            view! {
                <tr>
                    <th scope="row"><a href=href>{project.project_name.clone()}</a></th>
                    <td>{texts.role_list(&project.roles)}</td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <DataTable caption=texts.projects_caption class="person-projects">
            <thead><tr>
                <th scope="col">{texts.column_project}</th>
                <th scope="col">{texts.column_roles}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </DataTable>
    })
}
