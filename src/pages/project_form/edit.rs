use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::fields::{FormKind, ProjectFields, ProjectFormFields};
use super::input::{errors_from_server, ProjectInput};
use crate::api::{Dialect, Project, ProjectStatus};
use crate::components::form::{Outcome, Submission, SubmitActions, TokenPrompt};
use crate::components::{guard_unsaved_changes, use_title, RoutedProject};
use crate::i18n::t;
use crate::session::{projects_changed, use_session};

/// `/projects/:id/edit`: the project is loaded, then edited; leaving with unsaved changes asks first.
#[component]
pub fn EditProjectPage() -> impl IntoView {
    use_title(t().project_form().edit_project);
    view! {
        <RoutedProject
            class="page narrow"
            heading=|project| {
                let texts = t().project_form();
                project.map_or_else(|| texts.edit_project.into(), |p| texts.edit_heading(&p.project_name))
            }
            render=|project| view! { <EditForm project /> }.into_any()
        />
    }
}

#[component]
fn EditForm(project: Project) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let dialect = session.connection().map(|c| c.dialect).unwrap_or_default();
    let initial = ProjectInput {
        name: project.project_name.clone(),
        description: project.project_description.clone(),
        active: project.status() == ProjectStatus::Active,
        ..Default::default()
    };
    let fields = ProjectFields::new(&initial);
    // What the server has now: the form is dirty while it differs.
    let saved = RwSignal::new(initial);
    let submission = Submission::new();
    // Not while a save is under way: the input is on its way to the server, which keeps it.
    let dirty = Memo::new(move |_| !submission.busy.get() && saved.with(|saved| fields.input() != *saved));
    guard_unsaved_changes(dirty.into());
    let id = project.project_id.clone();
    let detail_href = crate::routes::project(&id);

    let save = {
        let detail_href = detail_href.clone();
        move || {
            let input = untrack(|| fields.input());
            let changes = match input.to_changes(dialect) {
                Ok(changes) => changes,
                Err(problems) => return submission.refuse(*problems),
            };
            let (client, navigate, detail_href, id) =
                (session.client(), navigate.clone(), detail_href.clone(), id.clone());
            let texts = t().project_form();
            let outcome =
                Outcome::new(|updated: &Project| t().project_form().saved(&updated.project_name), texts.save_failed)
                    .if_unsure(texts.save_if_unsure)
                    .placed(errors_from_server);
            let call = async move {
                let updated = client.update_project(&id, &changes).await?;
                projects_changed();
                Ok(updated)
            };
            submission.send(call, outcome, move |_| {
                saved.set(input);
                navigate(&detail_href, Default::default());
            });
        }
    };
    let save = StoredValue::new_local(save);
    let kind = FormKind::Edit { with_active: dialect == Dialect::SaiaBeta };
    let texts = t().project_form();
    view! {
        <form class="form" novalidate=true on:submit=move |ev| { ev.prevent_default(); save.with_value(|save| save()); }>
            <ProjectFormFields fields submission kind />
            <p class="hint" role="status">{move || dirty.get().then_some(texts.unsaved_changes)}</p>
            <SubmitActions submission label=texts.save busy_label=texts.saving>
                <a class="button" href=detail_href>{texts.cancel}</a>
            </SubmitActions>
        </form>
        <TokenPrompt submission retry=Callback::new(move |()| save.with_value(|save| save())) />
    }
}
