use leptos::prelude::*;

use super::aria_row_count;

/// A table of records: its caption (for assistive technology), its header row and body as `children`, in a
/// box that scrolls sideways on a narrow screen. With `row_count`, the body is virtual (`VirtualRows`) and the
/// table says how many rows it has in all.
/// Its children are typed, not a boxed view: the projects list is in the first load, and a type-erased body
/// would carry the code to erase it.
#[component]
pub fn DataTable<C>(
    #[prop(into)] caption: String,
    class: &'static str,
    #[prop(optional, into)] row_count: Option<Signal<usize>>,
    children: TypedChildren<C>,
) -> impl IntoView
where
    C: IntoView + 'static,
{
    let children = children.into_inner();
    let rows = move || row_count.map(|count| aria_row_count(count.get()));
    view! {
        <div class="table-scroll">
            <table class=format!("data-table {class}") aria-rowcount=rows>
                <caption class="visually-hidden">{caption}</caption>
                {children()}
            </table>
        </div>
    }
}

/// How a column sorts the table now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDirection {
    Ascending,
    Descending,
}

/// A column header that sorts by its column when pressed, and says how the table is sorted (`aria-sort`).
/// `direction` is `None` while another column sorts the table.
#[component]
pub fn SortHeader(
    label: &'static str,
    #[prop(into)] direction: Signal<Option<SortDirection>>,
    on_sort: Callback<()>,
) -> impl IntoView {
    let aria_sort = move || match direction.get() {
        None => "none",
        Some(SortDirection::Ascending) => "ascending",
        Some(SortDirection::Descending) => "descending",
    };
    let arrow = move || match direction.get() {
        None => "",
        Some(SortDirection::Ascending) => "\u{25b2}",
        Some(SortDirection::Descending) => "\u{25bc}",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort" on:click=move |_| on_sort.run(())>
                {label}
                <span aria-hidden="true" class="sort-arrow">{arrow}</span>
            </button>
        </th>
    }
}
