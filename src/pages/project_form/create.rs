use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::created::CreatedTokens;
use super::fields::{FormKind, ProjectFields, ProjectFormFields};
use super::focus_first_invalid;
use super::input::{errors_from_server, FieldErrors, ProjectInput};
use super::token_again::TokenAgain;
use crate::api::{ErrorKind, Project};
use crate::components::{guard_unsaved_changes, use_title, use_toasts};
use crate::session::use_session;

/// `/projects/new`: the form, then, once created, the project's tokens shown once.
#[component]
pub fn CreateProjectPage() -> impl IntoView {
    use_title("New project");
    let session = use_session();
    let toasts = use_toasts();
    let fields = ProjectFields::new(&ProjectInput::default());
    let errors = RwSignal::new(FieldErrors::default());
    let saving = RwSignal::new(false);
    let token_rejected = RwSignal::new(false);
    let created = RwSignal::new(None::<Project>);
    let dirty = Memo::new(move |_| created.with(Option::is_none) && fields.input() != ProjectInput::default());
    guard_unsaved_changes(dirty.into());

    let save = move || {
        // One request per submission, however often the button is pressed while it is under way.
        if saving.get_untracked() {
            return;
        }
        let body = match untrack(|| fields.input()).to_new_project() {
            Ok(body) => body,
            Err(problems) => {
                errors.set(problems);
                focus_first_invalid();
                return;
            }
        };
        saving.set(true);
        errors.set(FieldErrors::default());
        token_rejected.set(false);
        let client = session.client();
        spawn_local(async move {
            let result = client.create_project(&body).await;
            let _ = saving.try_set(false);
            match result {
                Ok(project) => {
                    toasts.success(format!("Project \u{201c}{}\u{201d} was created.", project.project_name));
                    created.set(Some(project));
                    request_animation_frame(|| {
                        if let Some(heading) = document().get_element_by_id("created-heading") {
                            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(heading).focus();
                        }
                    });
                }
                Err(error) => {
                    toasts.failure("Creating the project failed", &error);
                    let mut problems = errors_from_server(&error);
                    if matches!(error.kind, ErrorKind::TimedOut | ErrorKind::Network) {
                        problems.form = problems.form.map(|text| {
                            format!("{text} The project may have been created anyway: look for it in the projects list before saving again.")
                        });
                    }
                    token_rejected.set(error.kind == ErrorKind::TokenRejected);
                    errors.set(problems);
                    focus_first_invalid();
                }
            }
        });
    };

    view! {
        <section class="page narrow" aria-labelledby="new-project-heading">
            <h1 id="new-project-heading" tabindex="-1">"New project"</h1>
            {move || match created.get() {
                Some(project) => Either::Left(view! { <CreatedTokens project /> }),
                None => Either::Right(view! {
                    <form class="form" novalidate=true on:submit=move |ev| { ev.prevent_default(); save(); }>
                        <ProjectFormFields fields errors=errors.into() kind=FormKind::Create />
                        <p class="form-error" role="alert">{move || errors.with(|e| e.form.clone())}</p>
                        <div class="actions">
                            <button type="submit" class="primary" aria-disabled=move || saving.get().to_string()>
                                {move || if saving.get() { "Creating\u{2026}" } else { "Create project" }}
                            </button>
                            <a class="button" href="/projects">"Cancel"</a>
                        </div>
                    </form>
                    <Show when=move || token_rejected.get()>
                        <TokenAgain retry=Callback::new(move |()| save()) />
                    </Show>
                }),
            }}
        </section>
    }
}
