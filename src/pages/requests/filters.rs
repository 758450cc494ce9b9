use leptos::prelude::*;

use super::view_state::{page_summary, RequestsView, PAGE_SIZES};
use crate::api::ExportFilter;
use crate::i18n::{requests::Requests, t};

/// A status filter's value (the API's) and its label.
type StatusOption = (&'static str, fn(&Requests) -> &'static str);

const STATUSES: &[StatusOption] = &[
    ("", |t| t.status_all),
    ("succeeded", |t| t.status_succeeded),
    ("failed", |t| t.status_failed),
    ("pending", |t| t.status_pending),
];

/// Assistant (picked from the project's assistants or typed), status and page size. The lists apply when
/// changed; the assistant when picked, or with Enter or Apply, so typing a name sends no request per key.
#[component]
pub fn Filters(
    view_state: Memo<RequestsView>,
    change_view: Callback<RequestsView>,
    assistant_names: Signal<Vec<String>>,
) -> impl IntoView {
    let texts = t().requests();
    let assistant = RwSignal::new(view_state.with_untracked(|v| v.filter.assistant.clone()));
    // Back and Forward change the URL: the box follows.
    Effect::watch(
        move || view_state.with(|v| v.filter.assistant.clone()),
        move |name, _, _| assistant.set(name.clone()),
        false,
    );
    let apply = move |change: &dyn Fn(&mut ExportFilter, &mut u64)| {
        let current = view_state.get_untracked();
        let (mut filter, mut size) = (current.filter.clone(), current.size);
        change(&mut filter, &mut size);
        if filter != current.filter || size != current.size {
            change_view.run(current.filtered(filter, size));
        }
    };
    let apply_assistant = move || {
        let name = assistant.get_untracked().trim().to_string();
        apply(&|filter, _| filter.assistant = name.clone());
    };
    view! {
        <form class="toolbar" role="search" aria-label=texts.filter_requests on:submit=move |ev| { ev.prevent_default(); apply_assistant(); }>
            <div class="field field-inline">
                <label for="filter-assistant">{texts.assistant}</label>
                <input
                    id="filter-assistant"
                    type="text"
                    list="assistant-names"
                    autocomplete="off"
                    placeholder=texts.all_assistants
                    prop:value=move || assistant.get()
                    on:input:target=move |ev| assistant.set(ev.target().value())
                    on:change=move |_| apply_assistant()
                />
                <datalist id="assistant-names">
                    {move || assistant_names.get().into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
                </datalist>
                <button type="submit" class="small">{texts.apply}</button>
            </div>
            <div class="field field-inline">
                <label for="filter-status">{texts.status}</label>
                <select id="filter-status" on:change:target=move |ev| {
                    let status = ev.target().value();
                    apply(&|filter, _| filter.status = status.clone());
                }>
                    {STATUSES.iter().map(|(value, label)| view! {
                        <option value=*value selected=move || view_state.with(|v| v.filter.status == *value)>{label(texts)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field field-inline">
                <label for="filter-size">{texts.rows_per_page}</label>
                <select id="filter-size" on:change:target=move |ev| {
                    let size = ev.target().value().parse().unwrap_or(100);
                    apply(&|_, current| *current = size);
                }>
                    {PAGE_SIZES.iter().map(|size| view! {
                        <option value=size.to_string() selected=move || view_state.with(|v| v.size == *size)>{size.to_string()}</option>
                    }).collect_view()}
                </select>
            </div>
        </form>
    }
}

/// Previous and Next with the rows shown. There is no total: a page shorter than asked is the last one.
#[component]
pub fn Pager(
    view_state: Memo<RequestsView>,
    change_view: Callback<RequestsView>,
    /// The rows the current page has; kept while the next page loads, so the buttons stay put (and keep the
    /// focus) until it arrives.
    rows_on_page: Signal<usize>,
    label: &'static str,
) -> impl IntoView {
    let texts = t().requests();
    let summary = move || view_state.with(|v| page_summary(v, rows_on_page.get()));
    let first = move || view_state.with(|v| v.page <= 1);
    let last = move || summary().1;
    let go = move |page: u64| change_view.run(view_state.get_untracked().at_page(page));
    // `aria-disabled`, not `disabled`: a button disabled under the keyboard focus would drop it (Next, on
    // reaching the last page); these stay focusable and do nothing.
    view! {
        <nav class="pager" aria-label=label>
            <button type="button" aria-disabled=move || first().to_string()
                on:click=move |_| if !first() { go(view_state.get_untracked().page - 1) }>{texts.previous}</button>
            <span class="pager-summary">{move || summary().0}</span>
            <button type="button" aria-disabled=move || last().to_string()
                on:click=move |_| if !last() { go(view_state.get_untracked().page + 1) }>{texts.next}</button>
        </nav>
    }
}
