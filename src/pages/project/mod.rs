//! One project: its facts, its usage limit, its tokens, and the Edit and Delete actions. Works with an
//! organization token (any project) and with a project token (its own project only; no tokens or actions).

mod delete;
mod members;
mod new_token;
mod token_actions;
mod tokens;

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::{LimitOwner, Project, TokenScope};
use crate::components::limits::LimitsSection;
use crate::components::{use_title, CopyButton, RoutedProject, StatusBadge, UsageLimitView};
use crate::i18n::t;
use crate::session::use_session;
use delete::DeleteProject;
use members::ProjectMembers;
use tokens::ProjectTokens;

#[component]
pub fn ProjectPage() -> impl IntoView {
    use_title(t().project().title);
    view! {
        <RoutedProject
            class="page"
            heading=|project| project.map_or_else(|| t().project().title.into(), |p| p.project_name.clone())
            render=|project| view! { <ProjectDetail project /> }.into_any()
        />
    }
}

#[component]
fn ProjectDetail(project: Project) -> impl IntoView {
    use_title(&project.project_name);
    let texts = t().project();
    let session = use_session();
    let can_manage = session.connection().is_some_and(|c| c.credential(TokenScope::Organization).is_some());
    let status = project.status();
    let edit_href = crate::routes::edit_project(&project.project_id);
    let organization = match (&project.organization_name, &project.organization_id) {
        (None, None) => None,
        (name, id) => Some(format!(
            "{}{}",
            name.clone().unwrap_or_default(),
            id.as_ref().map(|id| format!(" ({id})")).unwrap_or_default()
        )),
    };
    let profiles = if project.search_profiles.is_empty() {
        Either::Left(view! { <span>{texts.no_search_profiles}</span> })
    } else {
        Either::Right(view! {
            <ul class="plain-list">
                {project.search_profiles.iter().map(|p| view! {
                    <li><strong>{p.name.clone()}</strong>{(!p.description.is_empty()).then(|| format!(": {}", p.description))}</li>
                }).collect_view()}
            </ul>
        })
    };
    let active = match project.project_active {
        Some(true) => texts.yes,
        Some(false) => texts.no,
        None => "\u{2014}",
    };
    // With an organization token and the organization's id, the newer limit calls manage the limits; otherwise
    // the limit the project's details carry is shown as it is.
    let organization_id = project
        .organization_id
        .clone()
        .or_else(|| session.connection().and_then(|c| c.organization).and_then(|c| c.identity.organization_id));
    let usage = match (can_manage, organization_id, project.usage_limit.clone()) {
        (true, Some(organization_id), _) => {
            let owner = LimitOwner::Project { organization_id, project_id: project.project_id.clone() };
            Either::Left(view! { <LimitsSection owner /> })
        }
        (_, _, Some(limit)) => Either::Right(Either::Left(view! { <UsageLimitView limit /> })),
        (_, _, None) => Either::Right(Either::Right(view! { <p class="empty">{texts.no_usage_limit}</p> })),
    };
    let (id, name) = (project.project_id.clone(), project.project_name.clone());
    view! {
        <div class="page-header">
            <StatusBadge status />
            <Show when=move || can_manage>
                <div class="actions header-actions">
                    <a class="button" href=edit_href.clone()>{texts.edit}</a>
                    <DeleteProject id=id.clone() name=name.clone() />
                </div>
            </Show>
        </div>
        <p><a href=crate::routes::analytics_of(&project.project_id)>{t().analytics().link_from_project}</a></p>
        <p class="lead project-description">{(!project.project_description.is_empty()).then(|| project.project_description.clone())}</p>
        <section class="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{texts.details}</h2>
            <dl class="facts">
                <dt>{texts.id}</dt>
                <dd><code>{project.project_id.clone()}</code> " " <CopyButton value=project.project_id.clone() label=texts.copy_id /></dd>
                <dt>{texts.status}</dt>
                <dd>{status.label()}</dd>
                <dt>{texts.active}</dt>
                <dd>{active}</dd>
                <dt>{texts.organization}</dt>
                <dd>{organization.unwrap_or_else(|| "\u{2014}".into())}</dd>
                <dt>{texts.search_profiles}</dt>
                <dd>{profiles}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="usage-heading">
            <h2 id="usage-heading">{texts.usage_limit}</h2>
            {usage}
        </section>
        <section class="card" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading">{texts.api_tokens}</h2>
            {if can_manage {
                Either::Left(view! { <ProjectTokens project=project.clone() /> })
            } else {
                Either::Right(view! {
                    <p class="empty">
                        {texts.tokens_need_organization_token}
                        <a href=crate::routes::connect_then(&crate::routes::project(&project.project_id))>
                            {texts.add_organization_token}
                        </a>
                    </p>
                })
            }}
        </section>
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading">{t().members().project_members}</h2>
            {if can_manage {
                Either::Left(view! { <ProjectMembers project_id=project.project_id.clone() project_name=project.project_name.clone() /> })
            } else {
                Either::Right(view! {
                    <p class="empty">
                        {t().members().members_need_organization_token}
                        <a href=crate::routes::connect_then(&crate::routes::project(&project.project_id))>
                            {texts.add_organization_token}
                        </a>
                    </p>
                })
            }}
        </section>
    }
}
