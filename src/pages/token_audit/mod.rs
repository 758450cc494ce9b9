//! `/tokens`: every project's API tokens in one table, to find blocked and old tokens across the organization.
//! Projects' tokens load a few at a time with a progress line; the filters and order live in the URL.

mod bulk;
mod view_state;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::{ApiToken, Project, TokenStatus};
use crate::components::{
    project_options, use_title, DataTable, FanOut, Load, Loaded, MaskedSecret, RelativeTime, SortDirection, SortHeader,
    TokenStatusBadge, VirtualRows,
};
use crate::i18n::t;
use crate::routes::link_with_query;
use crate::session::use_session;
use bulk::{BulkActions, Picked};

/// Every project's tokens, fetched a few projects at a time.
type TokenLoader = FanOut<Vec<ApiToken>>;
use view_state::{AuditOrder, AuditView};

#[component]
pub fn TokenAuditPage() -> impl IntoView {
    let texts = t().token_audit();
    use_title(texts.title);
    let session = use_session();
    let query = use_query_map();
    let view_state = Memo::new(move |_| query.with(|q| AuditView::from_query(|key| q.get(key))));
    let navigate = use_navigate();
    let change_view = Callback::new(move |next: AuditView| {
        let url = link_with_query(crate::routes::TOKENS, &next.to_query());
        navigate(&url, NavigateOptions { scroll: false, ..Default::default() });
    });
    let projects = LocalResource::new(move || {
        let client = session.client();
        async move { client.list_all_projects().await }
    });
    view! {
        <section class="page" aria-labelledby="tokens-heading">
            <h1 id="tokens-heading" tabindex="-1">{texts.title}</h1>
            <p class="lead">{texts.lead}</p>
            <Loaded resource=projects loading=texts.loading_projects
                render=move |list| view! { <Audit projects=list view_state change_view /> } />
        </section>
    }
}

/// One row of the table: a token with its project, or a project whose tokens could not be loaded.
#[derive(Clone, PartialEq)]
enum AuditRow {
    Token { index: usize, project: Project, token: ApiToken },
    Failed { index: usize, project: Project, error: crate::api::ApiError },
}

/// What identifies a row's content: a token and its status (a blocked token's row is drawn anew), or a
/// project whose tokens failed to load.
#[derive(Clone, PartialEq, Eq, Hash)]
enum AuditKey {
    Token(String, String),
    Failed(usize),
}

impl AuditRow {
    fn key(&self) -> AuditKey {
        match self {
            AuditRow::Token { token, .. } => AuditKey::Token(token.id.clone(), token.status.clone()),
            AuditRow::Failed { index, .. } => AuditKey::Failed(*index),
        }
    }

    /// `self.key() == *key` without making the key: a row looks itself up among all the rows.
    fn has_key(&self, key: &AuditKey) -> bool {
        match (self, key) {
            (AuditRow::Token { token, .. }, AuditKey::Token(id, status)) => &token.id == id && &token.status == status,
            (AuditRow::Failed { index, .. }, AuditKey::Failed(failed)) => index == failed,
            _ => false,
        }
    }
}

#[component]
fn Audit(projects: Vec<Project>, view_state: Memo<AuditView>, change_view: Callback<AuditView>) -> impl IntoView {
    let texts = t().token_audit();
    let session = use_session();
    let mut by_name = projects.clone();
    by_name.sort_by_key(|p| p.project_name.to_lowercase());
    let loader =
        FanOut::start(session.client(), projects, |client, id| async move { client.project_tokens(&id).await });
    let progress = move || {
        let (done, failed, all) = loader.progress();
        if done < all {
            texts.loading_tokens(done, all, failed)
        } else {
            texts.tokens_of(all, failed)
        }
    };
    let rows = Memo::new(move |_| {
        let view = view_state.get();
        loader.projects.with(|all| {
            let mut failed = Vec::new();
            let mut tokens = Vec::new();
            for (index, entry) in all.iter().enumerate().filter(|(_, e)| view.shows_project(&e.project.project_id)) {
                match &entry.load {
                    Load::Loaded(list) => tokens.extend(
                        list.iter()
                            .filter(|t| view.shows_token(t))
                            .map(|token| (index, entry.project.clone(), token.clone())),
                    ),
                    Load::Failed(error) => {
                        failed.push(AuditRow::Failed { index, project: entry.project.clone(), error: error.clone() })
                    }
                    Load::Waiting | Load::Loading => {}
                }
            }
            view.sort(&mut tokens, |(_, project, token)| (project.project_name.as_str(), token));
            // Failures first, where they are seen; then the tokens in the view's order.
            failed.extend(tokens.into_iter().map(|(index, project, token)| AuditRow::Token { index, project, token }));
            failed
        })
    });
    let row_keys = Memo::new(move |_| rows.with(|rows| rows.iter().map(AuditRow::key).collect::<Vec<_>>()));
    let count = move || {
        let shown = rows.with(|r| r.iter().filter(|r| matches!(r, AuditRow::Token { .. })).count());
        texts.shown(shown)
    };
    let (done_signal, all) = (move || loader.progress().0, loader.progress().2);
    let picked = RwSignal::new(Vec::<Picked>::new());
    view! {
        <div class="progress-line">
            <p role="status" aria-live="polite">{progress}</p>
            <Show when=move || { done_signal() < all }>
                <progress max=all.to_string() value=move || done_signal().to_string() aria-label=texts.projects_loaded></progress>
            </Show>
        </div>
        <AuditFilters projects=by_name view_state change_view />
        <BulkActions picked loader />
        <p class="count" aria-live="polite">{count}</p>
        <DataTable caption=texts.table_caption class="virtual-table audit-table" row_count=Signal::derive(move || row_keys.with(Vec::len))>
                <thead>
                    <tr aria-rowindex="1">
                        <th scope="col"><span class="visually-hidden">{texts.select}</span></th>
                        <th scope="col">{texts.project}</th>
                        <th scope="col">{texts.token}</th>
                        <th scope="col">{texts.status}</th>
                        <CreatedHeader view_state change_view />
                        <th scope="col">{texts.value}</th>
                    </tr>
                </thead>
                <VirtualRows keys=row_keys columns=6 row=move |key: AuditKey, row_index| {
                    rows.with_untracked(|rows| rows.iter().find(|row| row.has_key(&key)).cloned())
                        .map(|row| audit_row(&row, row_index, loader, picked))
                } />
        </DataTable>
    }
}

fn audit_row(row: &AuditRow, row_index: Signal<usize>, loader: TokenLoader, picked: RwSignal<Vec<Picked>>) -> AnyView {
    let texts = t().token_audit();
    let row_index = move || row_index.get().to_string();
    match row {
        AuditRow::Token { index, project, token } => {
            let pick = Picked {
                id: token.id.clone(),
                name: token.name.clone(),
                project_name: project.project_name.clone(),
                project_index: *index,
            };
            let revoked = token.token_status() == TokenStatus::Revoked;
            let id = token.id.clone();
            let checked = move || picked.with(|p| p.iter().any(|t| t.id == id));
            view! {
                <tr aria-rowindex=row_index>
                    <td>
                        <input type="checkbox" disabled=revoked
                            aria-label=texts.select_token(&token.name, &project.project_name)
                            prop:checked=checked
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                picked.update(|p| {
                                    p.retain(|t| t.id != pick.id);
                                    if on {
                                        p.push(pick.clone());
                                    }
                                });
                            } />
                    </td>
                    <td><a href=crate::routes::project(&project.project_id)>{project.project_name.clone()}</a></td>
                    <th scope="row">{token.name.clone()}</th>
                    <td><TokenStatusBadge status=token.status.clone() /></td>
                    <td><RelativeTime timestamp=token.timestamp.clone() /></td>
                    <td><MaskedSecret value=token.id.clone() label=texts.secret_label(&token.name, &project.project_name) /></td>
                </tr>
            }
            .into_any()
        }
        AuditRow::Failed { index, project, error } => {
            let index = *index;
            view! {
                <tr class="row-failed" aria-rowindex=row_index>
                    <td></td>
                    <td><a href=crate::routes::project(&project.project_id)>{project.project_name.clone()}</a></td>
                    <td colspan="4">
                        // One line like every row: the message gives way (cut with "…"), the button never does.
                        <div class="failed-load">
                            <span class="failed-text">{texts.load_failed(&error.to_string())}</span>
                            <button type="button" class="small" aria-label=texts.retry_loading(&project.project_name)
                                on:click=move |_| loader.retry(index)>{texts.retry}</button>
                        </div>
                    </td>
                </tr>
            }
            .into_any()
        }
    }
}

#[component]
fn AuditFilters(
    projects: Vec<Project>,
    view_state: Memo<AuditView>,
    change_view: Callback<AuditView>,
) -> impl IntoView {
    let texts = t().token_audit();
    let set = move |change: &dyn Fn(&mut AuditView)| {
        let mut next = view_state.get_untracked();
        change(&mut next);
        change_view.run(next);
    };
    let project_options = project_options(projects, Signal::derive(move || view_state.with(|v| v.project.clone())));
    let order_value = move || match view_state.with(|v| v.order) {
        AuditOrder::Project => "project",
        AuditOrder::Oldest => "oldest",
        AuditOrder::Newest => "newest",
    };
    view! {
        <div class="toolbar" role="search" aria-label=texts.filter_tokens>
            <div class="field field-inline">
                <label for="audit-status">{texts.status}</label>
                <select id="audit-status" on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.status = value.clone()) }>
                    <option value="" selected=move || view_state.with(|v| v.status.is_empty())>{texts.all}</option>
                    <option value="active" selected=move || view_state.with(|v| v.status == "active")>{texts.active}</option>
                    <option value="blocked" selected=move || view_state.with(|v| v.status == "blocked")>{texts.blocked}</option>
                    <option value="revoked" selected=move || view_state.with(|v| v.status == "revoked")>{texts.revoked}</option>
                </select>
            </div>
            <div class="field field-inline">
                <label for="audit-project">{texts.project}</label>
                <select id="audit-project" on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.project = value.clone()) }>
                    <option value="" selected=move || view_state.with(|v| v.project.is_empty())>{texts.all_projects}</option>
                    {project_options}
                </select>
            </div>
            <div class="field field-inline">
                <label for="audit-order">{texts.order}</label>
                <select id="audit-order" prop:value=order_value on:change:target=move |ev| {
                    let order = match ev.target().value().as_str() {
                        "oldest" => AuditOrder::Oldest,
                        "newest" => AuditOrder::Newest,
                        _ => AuditOrder::Project,
                    };
                    set(&|v| v.order = order)
                }>
                    <option value="project">{texts.by_project}</option>
                    <option value="oldest">{texts.oldest_first}</option>
                    <option value="newest">{texts.newest_first}</option>
                </select>
            </div>
        </div>
    }
}

/// The Created column's header: sorts by age, oldest first, then newest first on a second press.
#[component]
fn CreatedHeader(view_state: Memo<AuditView>, change_view: Callback<AuditView>) -> impl IntoView {
    let direction = Signal::derive(move || match view_state.with(|v| v.order) {
        AuditOrder::Oldest => Some(SortDirection::Ascending),
        AuditOrder::Newest => Some(SortDirection::Descending),
        AuditOrder::Project => None,
    });
    let on_sort = Callback::new(move |()| {
        let mut next = view_state.get_untracked();
        next.order = if next.order == AuditOrder::Oldest { AuditOrder::Newest } else { AuditOrder::Oldest };
        change_view.run(next);
    });
    view! { <SortHeader label=t().token_audit().created direction on_sort /> }
}
