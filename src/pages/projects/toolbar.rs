use leptos::prelude::*;

use super::view_state::ProjectsView;
use super::ViewChange;
use crate::i18n::t;

/// The search box and the "show hidden" switch.
#[component]
pub fn Toolbar(view_state: Memo<ProjectsView>, change_view: Callback<ViewChange>) -> impl IntoView {
    let texts = t().projects();
    // The first keystroke of a search adds a history entry; the rest replace it, so Back leaves the search
    // whole instead of undoing it one letter at a time.
    let search = move |text: String| {
        let current = view_state.get_untracked();
        let replace = !current.search.is_empty();
        change_view.run((ProjectsView { search: text, ..current }, replace));
    };
    view! {
        <div class="toolbar" role="search">
            <div class="field field-inline">
                <label for="project-search">{texts.search}</label>
                <input
                    id="project-search"
                    type="search"
                    placeholder=texts.search_placeholder
                    autocomplete="off"
                    prop:value=move || view_state.with(|v| v.search.clone())
                    on:input:target=move |ev| search(ev.target().value())
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" && !view_state.with_untracked(|v| v.search.is_empty()) {
                            search(String::new());
                        }
                    }
                />
            </div>
            <div class="field field-inline">
                <input
                    id="show-hidden"
                    type="checkbox"
                    role="switch"
                    prop:checked=move || view_state.with(|v| v.show_hidden)
                    on:change:target=move |ev| {
                        let current = view_state.get_untracked();
                        change_view.run((ProjectsView { show_hidden: ev.target().checked(), ..current }, false));
                    }
                />
                <label for="show-hidden">{texts.show_hidden}</label>
            </div>
        </div>
    }
}
