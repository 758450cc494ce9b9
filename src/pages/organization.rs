//! `/organization`: the organization's usage limits, and every project's limit in force, the nearest to its
//! hard limit first.

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::access::PluginPolicies;
use crate::api::{ApiError, LimitOwner, Project, TokenScope};
use crate::components::limits::LimitsSection;
use crate::components::{limit_status_label, usage_level, use_title, DataTable, ErrorPanel, Loaded, UsageLevel};
use crate::i18n::amount;
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn OrganizationPage() -> impl IntoView {
    let texts = t().organization();
    use_title(texts.title);
    let session = use_session();
    let organization = session.connection().and_then(|c| c.organization);
    let body = match organization {
        None => Either::Left(view! { <ErrorPanel error=ApiError::missing_token(TokenScope::Organization) /> }),
        Some(credential) => match credential.identity.organization_id.clone() {
            None => Either::Right(Either::Left(view! {
                <p class="empty">{texts.no_organization_id}</p>
            })),
            Some(organization_id) => Either::Right(Either::Right(view! {
                <p class="lead">{credential.identity.organization_name.clone()}</p>
                <section class="card" aria-labelledby="organization-limits-heading">
                    <h2 id="organization-limits-heading">{texts.organization_limit}</h2>
                    <LimitsSection owner=LimitOwner::Organization { organization_id: organization_id.clone() } />
                </section>
                <section class="card" aria-labelledby="project-limits-heading">
                    <h2 id="project-limits-heading">{texts.project_limits_heading}</h2>
                    <ProjectLimits />
                </section>
                <section class="card" aria-labelledby="policies-heading">
                    <h2 id="policies-heading">{t().members().policies}</h2>
                    <Policies organization_id />
                </section>
            })),
        },
    };
    view! {
        <section class="page" aria-labelledby="organization-heading">
            <h1 id="organization-heading" tabindex="-1">{texts.title}</h1>
            {body}
        </section>
    }
}

/// How much of its hard limit a project has used, as a share; projects without a limit sort last.
fn share_of_hard(project: &Project) -> Option<f64> {
    let limit = project.usage_limit.as_ref()?;
    let hard = limit.hard_limit.filter(|h| *h > 0.0)?;
    Some(limit.used_amount.unwrap_or(0.0) / hard)
}

#[component]
fn ProjectLimits() -> impl IntoView {
    let texts = t().organization();
    let session = use_session();
    // The full listing carries each project's limit in force: one request for all of them.
    let projects = LocalResource::new(move || {
        let client = session.client();
        async move { client.list_all_projects().await }
    });
    view! {
        <Loaded resource=projects loading=texts.loading_projects
            render=|list| view! { <ProjectLimitTable projects=nearest_limit_first(list) /> } />
    }
}

/// The projects nearest their hard limit first, then by name.
fn nearest_limit_first(mut projects: Vec<Project>) -> Vec<Project> {
    projects.sort_by(|a, b| {
        share_of_hard(b)
            .partial_cmp(&share_of_hard(a))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.project_name.to_lowercase().cmp(&b.project_name.to_lowercase()))
    });
    projects
}

#[component]
fn ProjectLimitTable(projects: Vec<Project>) -> impl IntoView {
    let texts = t().organization();
    let rows = projects
        .into_iter()
        .map(|project| {
            let href = crate::routes::project(&project.project_id);
            let share = share_of_hard(&project);
            let cells = match &project.usage_limit {
                Some(limit) => {
                    let unit = t().project_form().term_text(limit.usage_unit.as_deref());
                    let used = format!("{} {unit}", amount(limit.used_amount.unwrap_or(0.0)));
                    let (class, word) = match usage_level(&limit.usage()) {
                        UsageLevel::HardReached => ("badge badge-deleted", texts.hard_limit_reached),
                        UsageLevel::SoftReached => ("badge badge-hidden", texts.soft_limit_reached),
                        UsageLevel::UnderSoft => ("badge badge-active", texts.under_soft_limit),
                    };
                    Either::Left(view! {
                        <td>{limit_status_label(limit.status)}</td>
                        <td class="number">{used}</td>
                        <td class="number">{limit.soft_limit.map(amount)}</td>
                        <td class="number">{limit.hard_limit.map(amount)}</td>
                        <td class="number">{share.map(|s| format!("{:.0}%", s * 100.0))}</td>
                        <td><span class=class>{word}</span></td>
                    })
                }
                None => Either::Right(view! { <td colspan="6">{texts.no_limit}</td> }),
            };
            view! {
                <tr>
                    <th scope="row"><a href=href>{project.project_name.clone()}</a></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=texts.limits_caption class="project-limits">
                <thead>
                    <tr>
                        <th scope="col">{texts.column_project}</th>
                        <th scope="col">{texts.column_status}</th>
                        <th scope="col">{texts.column_used}</th>
                        <th scope="col">{texts.column_soft}</th>
                        <th scope="col">{texts.column_hard}</th>
                        <th scope="col">{texts.column_of_hard}</th>
                        <th scope="col">{texts.column_level}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
        </DataTable>
    }
}

/// The organization's plugin runtime policies in words, or that it defines none.
#[component]
fn Policies(organization_id: String) -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let organization_id = StoredValue::new(organization_id);
    let policies = LocalResource::new(move || {
        let (client, id) = (session.client(), organization_id.get_value());
        async move { client.plugin_policies(&id).await }
    });
    let render = move |policies: PluginPolicies| match policies {
        PluginPolicies::NotDefined => Either::Left(view! { <p>{texts.policies_not_defined}</p> }),
        PluginPolicies::Defined { chat_sharing, external_execution } => Either::Right(view! {
            <dl class="facts">
                <dt>{texts.chat_sharing}</dt>
                <dd>{texts.policy_word(&chat_sharing)}</dd>
                <dt>{texts.external_execution}</dt>
                <dd>{texts.policy_word(&external_execution)}</dd>
            </dl>
        }),
    };
    view! { <Loaded resource=policies loading=texts.loading_policies render /> }
}
