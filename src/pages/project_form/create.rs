use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::created::CreatedTokens;
use super::fields::{FormKind, ProjectFields, ProjectFormFields};
use super::input::ProjectInput;
use super::save::{SaveActions, SaveState, TokenPrompt};
use crate::api::Project;
use crate::components::{guard_unsaved_changes, use_title};
use crate::i18n::t;
use crate::session::use_session;

/// `/projects/new`: the form, then, once created, the project's tokens shown once.
#[component]
pub fn CreateProjectPage() -> impl IntoView {
    let texts = t().project_form();
    use_title(texts.new_project);
    let session = use_session();
    let fields = ProjectFields::new(&ProjectInput::default());
    let state = SaveState::new();
    let created = RwSignal::new(None::<Project>);
    let dirty = Memo::new(move |_| created.with(Option::is_none) && fields.input() != ProjectInput::default());
    guard_unsaved_changes(dirty.into());

    let save = move || {
        let body = match untrack(|| fields.input()).to_new_project() {
            Ok(body) => body,
            Err(problems) => return state.refuse(*problems),
        };
        if !state.begin() {
            return;
        }
        let client = session.client();
        // Not tied to the screen: a creation under way is not abandoned because the user moved on.
        spawn_local(async move {
            match client.create_project(&body).await {
                Ok(project) => {
                    crate::components::projects_changed();
                    state.succeeded(t().project_form().created(&project.project_name));
                    created.set(Some(project));
                    focus_panel_heading();
                }
                Err(error) => {
                    let texts = t().project_form();
                    state.failed(texts.create_failed, &error, texts.create_if_unsure)
                }
            }
        });
    };

    view! {
        <section class="page narrow" aria-labelledby="new-project-heading">
            <h1 id="new-project-heading" tabindex="-1">{texts.new_project}</h1>
            {move || match created.get() {
                Some(project) => Either::Left(view! { <CreatedTokens project /> }),
                None => Either::Right(view! {
                    <form class="form" novalidate=true on:submit=move |ev| { ev.prevent_default(); save(); }>
                        <ProjectFormFields fields errors=state.errors kind=FormKind::Create />
                        <SaveActions state label=texts.create_button busy_label=texts.creating cancel_href="/projects".into() />
                    </form>
                    <TokenPrompt state retry=Callback::new(move |()| save()) />
                }),
            }}
        </section>
    }
}

/// Moves the focus to the shown-once panel, so that it is what a screen reader reads next.
fn focus_panel_heading() {
    crate::web::focus_after_render("#created-heading");
}
