use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::fields::{FormKind, ProjectFields, ProjectFormFields};
use super::focus_first_invalid;
use super::input::{errors_from_server, FieldErrors, ProjectInput};
use super::token_again::TokenAgain;
use crate::api::{encode, Dialect, ErrorKind, Project, ProjectStatus};
use crate::components::{guard_unsaved_changes, use_title, use_toasts, ErrorPanel};
use crate::session::use_session;

/// `/projects/:id/edit`: the project is loaded, then edited; leaving with unsaved changes asks first.
#[component]
pub fn EditProjectPage() -> impl IntoView {
    use_title("Edit project");
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let project = LocalResource::new(move || {
        let (client, id) = (session.client(), id.get());
        async move { client.project(&id).await }
    });
    view! {
        <section class="page narrow" aria-labelledby="edit-heading">
            <Transition fallback=|| view! {
                <h1 id="edit-heading" tabindex="-1">"Edit project"</h1>
                <p class="loading" role="status">"Loading the project\u{2026}"</p>
            }>
                {move || Suspend::new(async move {
                    match project.await {
                        Ok(project) => Either::Left(view! { <EditForm project /> }),
                        Err(error) => Either::Right(view! {
                            <h1 id="edit-heading" tabindex="-1">"Edit project"</h1>
                            <ErrorPanel error retry=Callback::new(move |_| project.refetch()) />
                        }),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn EditForm(project: Project) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
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
    let errors = RwSignal::new(FieldErrors::default());
    let saving = RwSignal::new(false);
    let token_rejected = RwSignal::new(false);
    let id = StoredValue::new(project.project_id.clone());
    let detail_href = format!("/projects/{}", encode(&project.project_id));

    let save = {
        let detail_href = detail_href.clone();
        move || {
            if saving.get_untracked() {
                return;
            }
            let input = untrack(|| fields.input());
            let changes = match input.to_changes(dialect) {
                Ok(changes) => changes,
                Err(problems) => {
                    errors.set(problems);
                    focus_first_invalid();
                    return;
                }
            };
            saving.set(true);
            errors.set(FieldErrors::default());
            token_rejected.set(false);
            let (client, navigate, detail_href) = (session.client(), navigate.clone(), detail_href.clone());
            let id = id.get_value();
            // Not tied to the screen: a save under way is not abandoned because the user moved on.
            spawn_local(async move {
                let result = client.update_project(&id, &changes).await;
                let _ = saving.try_set(false);
                match result {
                    Ok(updated) => {
                        saved.set(input);
                        toasts.success(format!("Project \u{201c}{}\u{201d} was saved.", updated.project_name));
                        navigate(&detail_href, Default::default());
                    }
                    Err(error) => {
                        toasts.failure("Saving the project failed", &error);
                        let mut problems = errors_from_server(&error);
                        if matches!(error.kind, ErrorKind::TimedOut | ErrorKind::Network) {
                            problems.form = problems.form.map(|text| {
                                format!("{text} The change may have been saved anyway; your input is kept, so saving again is safe.")
                            });
                        }
                        token_rejected.set(error.kind == ErrorKind::TokenRejected);
                        errors.set(problems);
                        focus_first_invalid();
                    }
                }
            });
        }
    };
    let save = StoredValue::new_local(save);
    let kind = FormKind::Edit { with_active: dialect == Dialect::SaiaBeta };
    view! {
        <h1 id="edit-heading" tabindex="-1">{format!("Edit \u{201c}{}\u{201d}", project.project_name)}</h1>
        <form class="form" novalidate=true on:submit=move |ev| { ev.prevent_default(); save.with_value(|save| save()); }>
            <ProjectFormFields fields errors=errors.into() kind />
            <p class="form-error" role="alert">{move || errors.with(|e| e.form.clone())}</p>
            <p class="hint" role="status">{move || dirty.get().then_some("Unsaved changes")}</p>
            <div class="actions">
                <button type="submit" class="primary" aria-disabled=move || saving.get().to_string()>
                    {move || if saving.get() { "Saving\u{2026}" } else { "Save" }}
                </button>
                <a class="button" href=detail_href>"Cancel"</a>
            </div>
        </form>
        <Show when=move || token_rejected.get()>
            <TokenAgain retry=Callback::new(move |()| save.with_value(|save| save())) />
        </Show>
    }
}
