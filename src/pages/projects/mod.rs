//! The organization's projects: a searchable, sortable table whose view lives in the URL.

mod table;
mod toolbar;
mod view_state;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::{use_title, Loaded};
use crate::i18n::t;
use crate::routes::link_with_query;
use crate::session::use_session;
use table::ProjectTable;
use toolbar::Toolbar;
use view_state::ProjectsView;

/// A change of view: the new view, and whether it replaces the current history entry instead of adding one.
pub type ViewChange = (ProjectsView, bool);

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let texts = t().projects();
    use_title(texts.title);
    let session = use_session();
    let query = use_query_map();
    let view_state = Memo::new(move |_| query.with(|q| ProjectsView::from_query(|key| q.get(key))));
    // Fetched once with hidden projects included: the switch, the search and the sort all work on this list.
    let projects = LocalResource::new(move || {
        let client = session.client();
        async move { client.list_project_rows().await }
    });

    let navigate = use_navigate();
    let change_view = Callback::new(move |(next, replace): ViewChange| {
        let url = link_with_query(crate::routes::PROJECTS, &next.to_query());
        navigate(&url, NavigateOptions { replace, scroll: false, ..Default::default() });
    });
    let (refreshing, set_refreshing) = signal(false);

    view! {
        <section class="page" aria-labelledby="projects-heading">
            <div class="page-header">
                <h1 id="projects-heading" tabindex="-1">{texts.title}</h1>
                <a class="button primary" href=crate::routes::NEW_PROJECT>{texts.new_project}</a>
                <p class="refreshing" role="status">{move || refreshing.get().then_some(texts.refreshing)}</p>
            </div>
            <Toolbar view_state change_view />
            <Loaded resource=projects loading=texts.loading set_pending=set_refreshing
                render=move |list| view! { <ProjectTable projects=list view_state change_view /> } />
        </section>
    }
}
