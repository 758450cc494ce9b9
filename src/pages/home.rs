use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::session::use_session;

/// `/`: the projects with an organization token; with only a project token, that project; with only Arcee,
/// its account; else the connect screen.
#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    let target = match session.connection() {
        None if session.has_arcee() => "/arcee".to_string(),
        Some(c) if c.organization.is_some() => "/projects".to_string(),
        Some(c) => match c.project.and_then(|p| p.identity.project_id) {
            Some(id) => format!("/projects/{}", crate::api::encode(&id)),
            None => "/connect".to_string(),
        },
        None => "/connect".to_string(),
    };
    view! { <Redirect path=target /> }
}
