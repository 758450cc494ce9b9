use leptos::prelude::*;

use super::view_state::{ProjectsView, SearchableProjects, SortKey};
use super::ViewChange;
use crate::api::{LimitUse, ProjectRow};
use crate::components::{usage_level, DataTable, SortDirection, SortHeader, StatusBadge, UsageLevel, VirtualRows};
use crate::i18n::t;

/// The projects as a table, filtered and sorted by the view; with the empty states of both kinds. Only the rows
/// near the viewport are in the DOM (`VirtualRows`): an organization may have thousands of projects.
#[component]
pub fn ProjectTable(
    projects: Vec<ProjectRow>,
    view_state: Memo<ProjectsView>,
    change_view: Callback<ViewChange>,
) -> impl IntoView {
    let texts = t().projects();
    let fetched = projects.len();
    let list = StoredValue::new(SearchableProjects::new(projects));
    let shown = Memo::new(move |_| view_state.with(|v| list.with_value(|list| v.apply(list))));
    // What the switch lets through before any search: the "of N" in the count. Counted when the switch
    // changes, not on every keystroke of a search.
    let show_hidden = Memo::new(move |_| view_state.with(|v| v.show_hidden));
    let total = Memo::new(move |_| {
        let switch = ProjectsView { show_hidden: show_hidden.get(), ..ProjectsView::default() };
        list.with_value(|list| list.projects.iter().filter(|p| switch.includes(p)).count())
    });
    let summary = move || {
        let count = shown.with(Vec::len);
        match (count, total.get()) {
            (_, 0) => String::new(),
            (count, total) if count == total => texts.all_shown(total),
            (count, total) => texts.some_shown(count, total),
        }
    };
    let clear_search = move |_| {
        let current = view_state.get_untracked();
        change_view.run((ProjectsView { search: String::new(), ..current }, false));
    };
    let row = move |index: usize, row_index: Signal<usize>| {
        let project = list.with_value(|list| list.projects[index].clone());
        let status = project.status();
        view! {
            <tr aria-rowindex=move || row_index.get().to_string()>
                {row_header(project.project_name, &project.project_id)}
                <td class="description">{project.project_description}</td>
                <td><StatusBadge status />{limit_mark(&project.usage_limit)}</td>
                <td><code>{project.project_id}</code></td>
            </tr>
        }
    };
    let sort_header = move |label: &'static str, key: SortKey| {
        let direction = Signal::derive(move || {
            view_state.with(|v| {
                (v.sort == key).then_some(if v.descending {
                    SortDirection::Descending
                } else {
                    SortDirection::Ascending
                })
            })
        });
        let on_sort = Callback::new(move |()| change_view.run((view_state.get_untracked().sorted_by(key), false)));
        view! { <SortHeader label direction on_sort /> }
    };
    let empty = move || {
        if fetched == 0 {
            Some(view! { <p class="empty">{texts.none_yet}</p> }.into_any())
        } else if total.get() == 0 {
            Some(view! { <p class="empty">{texts.only_hidden(fetched)}</p> }.into_any())
        } else if shown.with(Vec::is_empty) {
            let search = view_state.with(|v| v.search.clone());
            Some(
                view! {
                    <div class="empty">
                        <p>{texts.no_match(&search)}</p>
                        <button type="button" on:click=clear_search>{texts.clear_search}</button>
                    </div>
                }
                .into_any(),
            )
        } else {
            None
        }
    };

    view! {
        <p class="count" aria-live="polite">{summary}</p>
        <DataTable caption=texts.caption class="virtual-table project-table" row_count=Signal::derive(move || shown.with(Vec::len))>
            <thead>
                <tr aria-rowindex="1">
                    {sort_header(texts.column_name, SortKey::Name)}
                    <th scope="col">{texts.column_description}</th>
                    {sort_header(texts.column_status, SortKey::Status)}
                    <th scope="col">{texts.column_id}</th>
                </tr>
            </thead>
            <VirtualRows keys=shown columns=4 row />
        </DataTable>
        {empty}
    }
}

/// The row's name cell, a link to the project. Its `elementtiming` attribute lets `cargo xtask bench` read when
/// rows were painted (Chromium's Element Timing API); the `view!` macro has no name for that attribute, so it
/// is built here.
fn row_header(name: String, id: &str) -> impl IntoView {
    use leptos::tachys::html::attribute::custom::CustomAttribute;
    let link = leptos::html::a().href(crate::routes::project(id)).child(name);
    leptos::html::th().attr("scope", "row").attr("elementtiming", "project-row").child(link)
}

/// A project near or over its usage limit, from the limit the listing already carries: no request per row.
fn limit_mark(limit: &Option<LimitUse>) -> Option<impl IntoView> {
    let texts = t().projects();
    let (class, text) = match usage_level(limit.as_ref()?) {
        UsageLevel::HardReached => ("badge badge-deleted limit-mark", texts.hard_limit_reached),
        UsageLevel::SoftReached => ("badge badge-hidden limit-mark", texts.soft_limit_reached),
        UsageLevel::UnderSoft => return None,
    };
    Some(view! { " " <span class=class>{text}</span> })
}
