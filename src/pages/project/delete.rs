use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::form::{Outcome, Submission};
use crate::components::ConfirmDialog;
use crate::i18n::t;
use crate::session::{projects_changed, use_session};

/// The Delete button and its dialog: the project's name must be typed before it can be deleted. Afterwards the
/// projects list is shown, without the project, and a notification says it is gone.
#[component]
pub fn DeleteProject(id: String, name: String) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let submission = Submission::new();
    let (id, phrase) = (StoredValue::new(id), name.clone());
    let title = texts.delete_title(&name);
    let name = StoredValue::new(name);
    let confirm = Callback::new(move |()| {
        let (client, navigate) = (session.client(), navigate.clone());
        let (id, name) = (id.get_value(), name.get_value());
        let failed = texts.delete_failed(&name);
        let outcome = Outcome::new(move |_| t().project().deleted(&name), failed);
        let call = async move {
            client.delete_project(&id).await?;
            projects_changed();
            Ok(())
        };
        submission.send(call, outcome, move |()| {
            open.set(false);
            navigate(crate::routes::PROJECTS, Default::default());
        });
    });
    view! {
        <button type="button" class="danger" on:click=move |_| { submission.errors.set(Default::default()); open.set(true) }>{texts.delete}</button>
        <ConfirmDialog
            id="delete-project"
            open
            title
            confirm_label=texts.delete_confirm
            busy=submission.busy
            on_confirm=confirm
            confirm_phrase=phrase
            error=submission.form_error()
        >
            <p>{texts.delete_explanation}</p>
        </ConfirmDialog>
    }
}
