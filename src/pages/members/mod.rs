//! `/members`: the organization's people with their roles; search by e-mail or name, a role type filter and
//! pages, all in the URL. A person opens their access (`person`). The API has no search parameter, so the whole
//! list is read once (pages of 1,000) and searched here: every keystroke answers at once.

mod person;
mod view_state;

pub use person::PersonAccessPage;

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::access::{Member, RoleType};
use crate::components::{organization_id_or_reason, use_title, DataTable, Loaded};
use crate::i18n::t;
use crate::routes::link_with_query;
use crate::session::use_session;
use view_state::{MembersView, PAGE_SIZE};

#[component]
pub fn MembersPage() -> impl IntoView {
    let texts = t().members();
    use_title(texts.title);
    let body = match organization_id_or_reason() {
        Err(reason) => Either::Left(reason),
        Ok(organization_id) => Either::Right(view! { <MemberList organization_id /> }),
    };
    view! {
        <section class="page" aria-labelledby="members-heading">
            <h1 id="members-heading" tabindex="-1">{texts.title}</h1>
            <p class="lead">{texts.lead}</p>
            {body}
        </section>
    }
}

#[component]
fn MemberList(organization_id: String) -> impl IntoView {
    let texts = t().members();
    let session = use_session();
    let query = use_query_map();
    let view_state = Memo::new(move |_| query.with(|q| MembersView::from_query(|key| q.get(key))));
    let organization_id = StoredValue::new(organization_id);
    let members = LocalResource::new(move || {
        let (client, id) = (session.client(), organization_id.get_value());
        async move { client.organization_members(&id).await }
    });
    let navigate = use_navigate();
    let change_view = Callback::new(move |(next, replace): (MembersView, bool)| {
        let url = link_with_query(crate::routes::MEMBERS, &next.to_query());
        navigate(&url, NavigateOptions { replace, scroll: false, ..Default::default() });
    });
    let search = move |text: String| {
        let current = view_state.get_untracked();
        // The first keystroke adds a history entry, the others replace it (Back undoes the whole search).
        let replace = !current.search.is_empty();
        change_view.run((MembersView { search: text, page: 1, ..current }, replace));
    };
    let choose_type = move |word: String| {
        let role_type = Some(RoleType::from_word(&word)).filter(|kind| *kind != RoleType::Other);
        change_view.run((MembersView { role_type, page: 1, ..view_state.get_untracked() }, false));
    };
    let type_is = move |kind: Option<RoleType>| view_state.with(|v| v.role_type == kind);
    view! {
        <div class="toolbar" role="search">
            <div class="field field-inline">
                <label for="member-search">{texts.search}</label>
                <input id="member-search" type="search" autocomplete="off"
                    prop:value=move || view_state.with(|v| v.search.clone())
                    on:input:target=move |ev| search(ev.target().value())
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" && !view_state.with_untracked(|v| v.search.is_empty()) {
                            search(String::new());
                        }
                    } />
            </div>
            <div class="field field-inline">
                <label for="member-type">{texts.role_type}</label>
                <select id="member-type" on:change:target=move |ev| choose_type(ev.target().value())>
                    <option value="" selected=move || type_is(None)>{texts.any_type}</option>
                    <option value="backend" selected=move || type_is(Some(RoleType::Backend))>{texts.backend}</option>
                    <option value="frontend" selected=move || type_is(Some(RoleType::Frontend))>{texts.frontend}</option>
                </select>
            </div>
        </div>
        <Loaded resource=members loading=texts.loading
            render={move |all: Vec<Member>| view! { <MemberTable all view_state change_view /> }} />
    }
}

#[component]
fn MemberTable(
    all: Vec<Member>,
    view_state: Memo<MembersView>,
    change_view: Callback<(MembersView, bool)>,
) -> impl IntoView {
    let texts = t().members();
    let all = StoredValue::new(all);
    let matching = Memo::new(move |_| {
        view_state.with(|view| all.with_value(|all| all.iter().filter(|m| view.shows(m)).cloned().collect::<Vec<_>>()))
    });
    let page = move || view_state.with(|view| view.page_of(matching.with(Vec::len)));
    let go_to = move |page: usize| change_view.run((MembersView { page, ..view_state.get_untracked() }, false));
    let rows = move || {
        let (page, _) = page();
        matching.with(|people| {
            people
                .iter()
                .skip((page - 1) * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|member| {
                    let href = crate::routes::person(&member.email);
                    view! {
                        <tr>
                            <th scope="row"><a href=href>{member.name.clone()}</a></th>
                            <td>{member.email.clone()}</td>
                            <td>{texts.role_list(&member.roles)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let showing = move || {
        let (page, _) = page();
        let all = matching.with(Vec::len);
        let first = if all == 0 { 0 } else { (page - 1) * PAGE_SIZE + 1 };
        texts.showing(first, (page * PAGE_SIZE).min(all), all)
    };
    view! {
        <Show when=move || matching.with(Vec::is_empty)>
            <p class="empty">{texts.none_match}</p>
        </Show>
        <DataTable caption=texts.members_caption class="members-table">
            <thead><tr>
                <th scope="col">{texts.column_person}</th>
                <th scope="col">{texts.column_email}</th>
                <th scope="col">{texts.column_roles}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </DataTable>
        <nav class="pager" aria-label=texts.pages>
            <button type="button" aria-disabled=move || (page().0 <= 1).to_string()
                on:click=move |_| { let (p, _) = page(); if p > 1 { go_to(p - 1) } }>{texts.previous}</button>
            <p role="status">{showing}</p>
            <button type="button" aria-disabled=move || { let (p, pages) = page(); (p >= pages).to_string() }
                on:click=move |_| { let (p, pages) = page(); if p < pages { go_to(p + 1) } }>{texts.next}</button>
        </nav>
    }
}
