use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::components::{use_toasts, ConfirmDialog};
use crate::i18n::t;
use crate::session::use_session;

/// The Delete button and its dialog: the project's name must be typed before it can be deleted. Afterwards the
/// projects list is shown, without the project, and a notification says it is gone.
#[component]
pub fn DeleteProject(id: String, name: String) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let (id, phrase) = (StoredValue::new(id), name.clone());
    let title = texts.delete_title(&name);
    let name = StoredValue::new(name);
    let confirm = Callback::new(move |()| {
        busy.set(true);
        error.set(None);
        let (client, navigate) = (session.client(), navigate.clone());
        let (id, name) = (id.get_value(), name.get_value());
        // Not tied to the screen: a deletion under way is not abandoned because the user moved on.
        spawn_local(async move {
            let result = client.delete_project(&id).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    crate::components::projects_changed();
                    toasts.success(texts.deleted(&name));
                    open.set(false);
                    navigate("/projects", Default::default());
                }
                Err(e) => {
                    toasts.failure(&texts.delete_failed(&name), &e);
                    error.set(Some(e.to_string()));
                }
            }
        });
    });
    view! {
        <button type="button" class="danger" on:click=move |_| { error.set(None); open.set(true) }>{texts.delete}</button>
        <ConfirmDialog
            id="delete-project"
            open
            title
            confirm_label=texts.delete_confirm
            busy
            on_confirm=confirm
            confirm_phrase=phrase
            error
        >
            <p>{texts.delete_explanation}</p>
        </ConfirmDialog>
    }
}
