//! `/access`: every project's members in one table (person, project, roles, role types), fetched a few
//! projects at a time with a progress line; a project that fails is named with Retry while the rest show. Filters
//! and the "administrators on N or more projects" view live in the URL; the table downloads as a CSV record.

mod review;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::access::{Member, RoleType};
use crate::api::Project;
use crate::components::{
    organization_id_or_reason, project_options, use_title, use_toasts, DataTable, FanOut, Load, Loaded, VirtualRows,
};
use crate::i18n::t;
use crate::routes::link_with_query;
use crate::session::use_session;
use review::{AccessRow, AccessView};

/// How often the table follows the loading while projects arrive.
const REFRESH_MS: u32 = 150;

#[component]
pub fn AccessReviewPage() -> impl IntoView {
    let texts = t().members();
    use_title(texts.review_title);
    let body = match organization_id_or_reason() {
        Err(reason) => Either::Left(reason),
        Ok(_) => Either::Right(view! { <LoadedProjects /> }),
    };
    view! {
        <section class="page" aria-labelledby="access-heading">
            <h1 id="access-heading" tabindex="-1">{texts.review_title}</h1>
            <p class="lead">{texts.review_lead}</p>
            {body}
        </section>
    }
}

#[component]
fn LoadedProjects() -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let projects = LocalResource::new(move || {
        let client = session.client();
        async move { client.list_all_projects().await }
    });
    view! {
        <Loaded resource=projects loading=texts.loading_projects
            render={move |list: Vec<Project>| view! { <Review projects=list /> }} />
    }
}

#[component]
fn Review(projects: Vec<Project>) -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let query = use_query_map();
    let view_state = Memo::new(move |_| query.with(|q| AccessView::from_query(|key| q.get(key))));
    let navigate = use_navigate();
    let change_view = Callback::new(move |(next, replace): (AccessView, bool)| {
        let url = link_with_query(crate::routes::ACCESS, &next.to_query());
        navigate(&url, NavigateOptions { replace, scroll: false, ..Default::default() });
    });
    let mut by_name = projects.clone();
    by_name.sort_by_key(|p| p.project_name.to_lowercase());
    let members: FanOut<Vec<Member>> =
        FanOut::start(session.client(), projects, |client, id| async move { client.project_members(&id).await });
    // Every loaded membership, by person then project. Made again at most every `REFRESH_MS` while projects
    // arrive, and at once when the last one has: made again for each of 200 projects, the table's work would
    // hold the page, and the next requests with it.
    let version = RwSignal::new(0_u64);
    let refresh_due = StoredValue::new(false);
    Effect::new(move |_| {
        let (done, _, all) = members.progress();
        if done == all {
            version.update(|v| *v += 1);
        } else if !refresh_due.get_value() {
            refresh_due.set_value(true);
            leptos::task::spawn_local(async move {
                crate::web::sleep(REFRESH_MS).await;
                refresh_due.try_set_value(false);
                version.try_update(|v| *v += 1);
            });
        }
    });
    let all_rows = Memo::new(move |_| {
        version.track();
        members.projects.with_untracked(|all| {
            let rows = all.iter().flat_map(|entry| match &entry.load {
                Load::Loaded(list) => list.iter().map(|member| AccessRow::of(&entry.project, member)).collect(),
                _ => Vec::new(),
            });
            review::sorted(rows.collect())
        })
    });
    let shown = Memo::new(move |_| {
        view_state
            .with(|view| all_rows.with(|rows| rows.iter().filter(|row| view.shows(row)).cloned().collect::<Vec<_>>()))
    });
    let role_names = Memo::new(move |_| {
        let mut names: Vec<String> =
            all_rows.with(|rows| rows.iter().flat_map(|row| row.roles.iter().map(|role| role.name.clone())).collect());
        names.sort();
        names.dedup();
        names
    });
    let progress = move || {
        let (done, failed, all) = members.progress();
        texts.review_progress(done, all, failed)
    };
    let (done, all) = (move || members.progress().0, members.progress().2);
    let failures = move || {
        members.projects.with(|all| {
            all.iter()
                .enumerate()
                .filter_map(|(index, entry)| match &entry.load {
                    Load::Failed(error) => Some((index, entry.project.project_name.clone(), error.to_string())),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="progress-line">
            <p role="status" aria-live="polite">{progress}</p>
            <Show when=move || { done() < all }>
                <progress max=all.to_string() value=move || done().to_string() aria-label=texts.loading_projects></progress>
            </Show>
        </div>
        <ul class="failed-projects">
            {move || failures().into_iter().map(|(index, name, error)| view! {
                <li class="row-failed">
                    <span>{texts.project_failed(&name)} " " {error}</span>
                    " "
                    <button type="button" class="small" on:click=move |_| members.retry(index)>{texts.retry_project(&name)}</button>
                </li>
            }).collect_view()}
        </ul>
        <ReviewFilters projects=by_name role_names view_state change_view />
        <Download shown ready=Signal::derive(move || { let (done, failed, all) = members.progress(); done == all && failed == 0 }) />
        {move || if view_state.with(|v| v.admins) {
            Either::Left(view! { <Administrators all_rows view_state /> })
        } else {
            Either::Right(view! { <Memberships shown /> })
        }}
    }
}

#[component]
fn Memberships(shown: Memo<Vec<AccessRow>>) -> impl IntoView {
    let texts = t().members();
    let keys = Memo::new(move |_| shown.with(|rows| rows.iter().map(AccessRow::key).collect::<Vec<_>>()));
    let row = move |key: (String, String), row_index: Signal<usize>| {
        shown.with_untracked(|rows| rows.iter().find(|row| row.has_key(&key)).cloned()).map(|row| {
            let types: Vec<&str> = row.types().into_iter().map(|kind| texts.role_type_word(kind)).collect();
            let roles: Vec<String> = row.roles.iter().map(|role| role.name.clone()).collect();
            view! {
                <tr aria-rowindex=move || row_index.get().to_string()>
                    <th scope="row"><a href=crate::routes::person(&row.email)>{row.person.clone()}</a></th>
                    <td>{row.email.clone()}</td>
                    <td><a href=crate::routes::project(&row.project_id)>{row.project_name.clone()}</a></td>
                    <td>{roles.join(", ")}</td>
                    <td>{types.join(", ")}</td>
                </tr>
            }
        })
    };
    view! {
        <p class="count" aria-live="polite">{move || texts.rows_shown(shown.with(Vec::len))}</p>
        <DataTable caption=texts.review_caption class="virtual-table access-table" row_count=Signal::derive(move || keys.with(Vec::len))>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col">{texts.column_person}</th>
                    <th scope="col">{texts.column_email}</th>
                    <th scope="col">{texts.column_project}</th>
                    <th scope="col">{texts.column_roles}</th>
                    <th scope="col">{texts.column_type}</th>
                </tr>
            </thead>
            <VirtualRows keys columns=5 row />
        </DataTable>
    }
}

#[component]
fn Administrators(all_rows: Memo<Vec<AccessRow>>, view_state: Memo<AccessView>) -> impl IntoView {
    let texts = t().members();
    let found = Memo::new(move |_| view_state.with(|view| all_rows.with(|rows| view.administrators(rows))));
    view! {
        {move || {
            let found = found.get();
            if found.is_empty() {
                Either::Left(view! { <p class="empty">{texts.no_admins(view_state.with(|v| v.min_projects))}</p> })
            } else {
                let rows = found.into_iter().map(|admin| view! {
                    <tr>
                        <th scope="row"><a href=crate::routes::person(&admin.email)>{admin.person.clone()}</a></th>
                        <td>{admin.email.clone()}</td>
                        <td>{admin.projects.len()}</td>
                        <td>{admin.projects.join(", ")}</td>
                    </tr>
                }).collect_view();
                Either::Right(view! {
                    <DataTable caption=texts.admins_caption class="admins-table">
                        <thead><tr>
                            <th scope="col">{texts.column_person}</th>
                            <th scope="col">{texts.column_email}</th>
                            <th scope="col">{texts.column_count}</th>
                            <th scope="col">{texts.column_admin_projects}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </DataTable>
                })
            }
        }}
    }
}

#[component]
fn ReviewFilters(
    projects: Vec<Project>,
    role_names: Memo<Vec<String>>,
    view_state: Memo<AccessView>,
    change_view: Callback<(AccessView, bool)>,
) -> impl IntoView {
    let texts = t().members();
    let set = move |change: &dyn Fn(&mut AccessView)| {
        let mut next = view_state.get_untracked();
        change(&mut next);
        change_view.run((next, false));
    };
    let search = move |text: String| {
        let current = view_state.get_untracked();
        // The first keystroke adds a history entry, the others replace it (Back undoes the whole search).
        let replace = !current.person.is_empty();
        change_view.run((AccessView { person: text, ..current }, replace));
    };
    let project_options = project_options(projects, Signal::derive(move || view_state.with(|v| v.project.clone())));
    let role_options = move || {
        role_names
            .get()
            .into_iter()
            .map(|name| {
                let (value, chosen) = (name.clone(), name.clone());
                view! { <option value=value selected=move || view_state.with(|v| v.role == chosen)>{name}</option> }
            })
            .collect_view()
    };
    let type_is = move |kind: Option<RoleType>| view_state.with(|v| v.role_type == kind);
    view! {
        <div class="toolbar" role="search">
            <div class="field field-inline">
                <label for="access-person">{texts.filter_person}</label>
                <input id="access-person" type="search" autocomplete="off"
                    prop:value=move || view_state.with(|v| v.person.clone())
                    on:input:target=move |ev| search(ev.target().value()) />
            </div>
            <div class="field field-inline">
                <label for="access-project">{texts.filter_project}</label>
                <select id="access-project" on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.project = value.clone()) }>
                    <option value="" selected=move || view_state.with(|v| v.project.is_empty())>{texts.any_project}</option>
                    {project_options}
                </select>
            </div>
            <div class="field field-inline">
                <label for="access-role">{texts.filter_role}</label>
                <select id="access-role" prop:value=move || view_state.with(|v| v.role.clone())
                    on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.role = value.clone()) }>
                    <option value="">{texts.any_role}</option>
                    {role_options}
                </select>
            </div>
            <div class="field field-inline">
                <label for="access-type">{texts.role_type}</label>
                <select id="access-type" on:change:target=move |ev| {
                    let kind = Some(RoleType::from_word(&ev.target().value())).filter(|k| *k != RoleType::Other);
                    set(&|v| v.role_type = kind)
                }>
                    <option value="" selected=move || type_is(None)>{texts.any_type}</option>
                    <option value="backend" selected=move || type_is(Some(RoleType::Backend))>{texts.backend}</option>
                    <option value="frontend" selected=move || type_is(Some(RoleType::Frontend))>{texts.frontend}</option>
                </select>
            </div>
            <div class="field field-inline">
                <label for="access-view">{texts.review_view}</label>
                <select id="access-view" on:change:target=move |ev| { let admins = ev.target().value() == "admins"; set(&|v| v.admins = admins) }>
                    <option value="all" selected=move || view_state.with(|v| !v.admins)>{texts.view_all}</option>
                    <option value="admins" selected=move || view_state.with(|v| v.admins)>{texts.view_admins}</option>
                </select>
            </div>
            <Show when=move || view_state.with(|v| v.admins)>
                <div class="field field-inline">
                    <label for="access-min">{texts.min_projects}</label>
                    <input id="access-min" type="number" min="1" inputmode="numeric"
                        prop:value=move || view_state.with(|v| v.min_projects.to_string())
                        on:change:target=move |ev| {
                            if let Some(n) = ev.target().value().parse::<usize>().ok().filter(|n| *n > 0) {
                                set(&|v| v.min_projects = n)
                            }
                        } />
                </div>
            </Show>
        </div>
    }
}

/// The shown rows as a CSV file named after the installation and the day, once every project is loaded.
#[component]
fn Download(shown: Memo<Vec<AccessRow>>, ready: Signal<bool>) -> impl IntoView {
    let texts = t().members();
    let (session, toasts) = (use_session(), use_toasts());
    let download = move |_| {
        if !ready.get_untracked() {
            return;
        }
        let base_url = session.connection().map(|c| c.base_url).unwrap_or_default();
        let file = review::file_name(&base_url, &crate::format::date(crate::web::now_ms()));
        match shown.with_untracked(|rows| crate::web::save_file(&file, "text/csv;charset=utf-8", &review::csv(rows))) {
            Ok(()) => toasts.success(texts.downloaded(&file)),
            Err(_) => toasts.problem(texts.download_failed),
        }
    };
    view! {
        <div class="actions">
            <button type="button" aria-disabled=move || (!ready.get()).to_string() aria-describedby="access-download-note"
                on:click=download>{texts.download_csv}</button>
            <p id="access-download-note" class="hint">{move || (!ready.get()).then_some(texts.download_wait)}</p>
        </div>
    }
}
