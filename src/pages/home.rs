use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::session::use_session;

/// `/`: the projects with an organization token; with only a project token, that project; with only Arcee,
/// its account; else the connect screen.
#[component]
pub fn HomePage() -> impl IntoView {
    let session = use_session();
    let target = match session.connection() {
        None if session.has_arcee() => crate::routes::ARCEE.to_string(),
        Some(c) if c.organization.is_some() => crate::routes::PROJECTS.to_string(),
        Some(c) => match c.project.and_then(|p| p.identity.project_id) {
            Some(id) => crate::routes::project(&id),
            None => crate::routes::CONNECT.to_string(),
        },
        None => crate::routes::CONNECT.to_string(),
    };
    view! { <Redirect path=target /> }
}
