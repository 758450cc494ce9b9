use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::session::use_session;

/// `/`: the projects when connected, else the connect screen.
#[component]
pub fn HomePage() -> impl IntoView {
    let target = if use_session().is_connected() { "/projects" } else { "/connect" };
    view! { <Redirect path=target /> }
}
