use leptos::prelude::*;

use crate::i18n::t;
use crate::session::use_session;

/// What the assistants and the request log say without a project token: how to get one, by connecting with
/// it or by picking one of a project's tokens (which an organization token can list).
#[component]
pub fn NeedsProjectToken(here: &'static str) -> impl IntoView {
    let texts = t().common();
    let has_organization = use_session().connection().is_some_and(|c| c.organization.is_some());
    view! {
        <div class="card">
            <p><strong>{texts.needs_project_token}</strong>{texts.needs_project_token_why}</p>
            <div class="actions">
                <a class="button primary" href=crate::routes::connect_then(here)>{texts.connect_with_project_token}</a>
                <Show when=move || has_organization>
                    <a class="button" href=crate::routes::PROJECTS>{texts.pick_project_token}</a>
                </Show>
            </div>
        </div>
    }
}
