use leptos::prelude::*;

use crate::api::encode;
use crate::session::use_session;

/// What the assistants and the request log say without a project token: how to get one, by connecting with
/// it or by picking one of a project's tokens (which an organization token can list).
#[component]
pub fn NeedsProjectToken(here: &'static str) -> impl IntoView {
    let has_organization = use_session().connection().is_some_and(|c| c.organization.is_some());
    view! {
        <div class="card">
            <p><strong>"This screen needs a project token."</strong>" Assistants and the request log belong to one project."</p>
            <div class="actions">
                <a class="button primary" href=format!("/connect?next={}", encode(here))>"Connect with a project token"</a>
                <Show when=move || has_organization>
                    <a class="button" href="/projects">"Pick a token on a project"</a>
                </Show>
            </div>
        </div>
    }
}
