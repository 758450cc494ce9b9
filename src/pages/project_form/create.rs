use leptos::either::Either;
use leptos::prelude::*;

use super::created::{env_file, env_file_name, CreatedTokens};
use super::fields::{FormKind, ProjectFields, ProjectFormFields};
use super::input::{errors_from_server, ProjectInput};
use crate::api::Project;
use crate::components::form::{Outcome, Submission, SubmitActions, TokenPrompt};
use crate::components::{guard_unsaved_changes, use_title, ShownOnce};
use crate::i18n::t;
use crate::session::{projects_changed, use_session};

/// `/projects/new`: the form, then, once created, the project's tokens shown once.
#[component]
pub fn CreateProjectPage() -> impl IntoView {
    let texts = t().project_form();
    use_title(texts.new_project);
    let session = use_session();
    let fields = ProjectFields::new(&ProjectInput::default());
    let submission = Submission::new();
    let created = RwSignal::new(None::<Project>);
    // Not while the creation is under way: the input is on its way to the server, and its answer will be
    // shown wherever the user goes.
    let dirty = Memo::new(move |_| {
        created.with(Option::is_none) && !submission.busy.get() && fields.input() != ProjectInput::default()
    });
    guard_unsaved_changes(dirty.into());

    let save = move || {
        let body = match untrack(|| fields.input()).to_new_project() {
            Ok(body) => body,
            Err(problems) => return submission.refuse(*problems),
        };
        let client = session.client();
        let texts = t().project_form();
        let outcome =
            Outcome::new(|project: &Project| t().project_form().created(&project.project_name), texts.create_failed)
                .if_unsure(texts.create_if_unsure)
                .placed(errors_from_server)
                .with_secrets(|project| ShownOnce {
                    heading: t().project_form().created_heading(&project.project_name),
                    secrets: project.tokens.iter().map(|t| (t.name.clone(), t.id.clone())).collect(),
                    file: (!project.tokens.is_empty())
                        .then(|| (env_file_name(&project.project_name), env_file(project))),
                });
        let call = async move {
            let project = client.create_project(&body).await?;
            projects_changed();
            Ok(project)
        };
        submission.send(call, outcome, move |project| {
            created.set(Some(project));
            focus_panel_heading();
        });
    };

    view! {
        <section class="page narrow" aria-labelledby="new-project-heading">
            <h1 id="new-project-heading" tabindex="-1">{texts.new_project}</h1>
            {move || match created.get() {
                Some(project) => Either::Left(view! { <CreatedTokens project /> }),
                None => Either::Right(view! {
                    <form class="form" novalidate=true on:submit=move |ev| { ev.prevent_default(); save(); }>
                        <ProjectFormFields fields submission kind=FormKind::Create />
                        <SubmitActions submission label=texts.create_button busy_label=texts.creating>
                            <a class="button" href=crate::routes::PROJECTS>{texts.cancel}</a>
                        </SubmitActions>
                    </form>
                    <TokenPrompt submission retry=Callback::new(move |()| save()) />
                }),
            }}
        </section>
    }
}

/// Moves the focus to the shown-once panel, so that it is what a screen reader reads next.
fn focus_panel_heading() {
    crate::web::focus_after_render("#created-heading");
}
