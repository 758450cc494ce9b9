use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::fields::{FormKind, ProjectFields, ProjectFormFields};
use super::input::ProjectInput;
use super::save::{SaveActions, SaveState, TokenPrompt};
use crate::api::{encode, Dialect, Project, ProjectStatus};
use crate::components::{guard_unsaved_changes, use_title};
use crate::i18n::t;
use crate::pages::project::RoutedProject;
use crate::session::use_session;

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
    let dirty = Memo::new(move |_| saved.with(|saved| fields.input() != *saved));
    guard_unsaved_changes(dirty.into());
    let state = SaveState::new();
    let id = project.project_id.clone();
    let detail_href = format!("/projects/{}", encode(&id));

    let save = {
        let detail_href = detail_href.clone();
        move || {
            let input = untrack(|| fields.input());
            let changes = match input.to_changes(dialect) {
                Ok(changes) => changes,
                Err(problems) => return state.refuse(*problems),
            };
            if !state.begin() {
                return;
            }
            let (client, navigate, detail_href, id) =
                (session.client(), navigate.clone(), detail_href.clone(), id.clone());
            // Not tied to the screen: a save under way is not abandoned because the user moved on.
            spawn_local(async move {
                match client.update_project(&id, &changes).await {
                    Ok(updated) => {
                        crate::components::projects_changed();
                        saved.set(input);
                        state.succeeded(t().project_form().saved(&updated.project_name));
                        navigate(&detail_href, Default::default());
                    }
                    Err(error) => {
                        let texts = t().project_form();
                        state.failed(texts.save_failed, &error, texts.save_if_unsure)
                    }
                }
            });
        }
    };
    let save = StoredValue::new_local(save);
    let kind = FormKind::Edit { with_active: dialect == Dialect::SaiaBeta };
    let texts = t().project_form();
    view! {
        <form class="form" novalidate=true on:submit=move |ev| { ev.prevent_default(); save.with_value(|save| save()); }>
            <ProjectFormFields fields errors=state.errors kind />
            <p class="hint" role="status">{move || dirty.get().then_some(texts.unsaved_changes)}</p>
            <SaveActions state label=texts.save busy_label=texts.saving cancel_href=detail_href />
        </form>
        <TokenPrompt state retry=Callback::new(move |()| save.with_value(|save| save())) />
    }
}
