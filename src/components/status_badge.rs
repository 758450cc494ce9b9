use leptos::prelude::*;

use crate::api::{ProjectStatus, TokenStatus};
use crate::i18n::t;

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

/// An API token's status as the server words it: Active, Blocked, or whatever else it says (the usual ones in
/// the current language).
#[component]
pub fn TokenStatusBadge(#[prop(into)] status: String) -> impl IntoView {
    let class = match TokenStatus::from_word(&status) {
        TokenStatus::Active => "badge badge-active",
        TokenStatus::Blocked => "badge badge-deleted",
        TokenStatus::Revoked | TokenStatus::Other => "badge badge-hidden",
    };
    let label = t().common().token_status(&status);
    view! { <span class=class>{label}</span> }
}
