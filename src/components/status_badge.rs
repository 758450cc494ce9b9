use leptos::prelude::*;

use crate::api::ProjectStatus;

/// A project's status as a coloured label; the word carries the meaning, the colour only repeats it.
#[component]
pub fn StatusBadge(status: ProjectStatus) -> impl IntoView {
    let class = match status {
        ProjectStatus::Active => "badge badge-active",
        ProjectStatus::Hidden => "badge badge-hidden",
        ProjectStatus::Deleted => "badge badge-deleted",
        ProjectStatus::Other(_) => "badge",
    };
    view! { <span class=class>{status.label()}</span> }
}
