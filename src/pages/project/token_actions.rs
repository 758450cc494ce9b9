//! What can be done to one token: block or unblock it, change its description, revoke it (after a confirmation
//! that names it and says what stops working). Each ends in a notification and a reload of the list.

use leptos::prelude::*;

use super::tokens::{in_use, TokenList};
use crate::api::{ApiError, ApiToken, TokenChanges, TokenStatus};
use crate::components::form::{Outcome, Submission};
use crate::components::ConfirmDialog;
use crate::i18n::t;
use crate::session::use_session;

/// Runs one token call; on success says `done` and reloads the list, on failure says what failed and why.
fn run_token_call(
    submission: Submission,
    list: TokenList,
    call: impl std::future::Future<Output = Result<(), ApiError>> + 'static,
    done: String,
    failed: String,
) {
    submission.send(call, Outcome::new(move |_| done, failed), move |()| list.reload.run(()));
}

#[component]
pub fn TokenActions(token: ApiToken, list: TokenList) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let submission = Submission::new();
    let busy = submission.busy;
    let status = token.token_status();
    let (revoked, blocked) = (status == TokenStatus::Revoked, status == TokenStatus::Blocked);
    let name = token.name.clone();
    let toggle = {
        let token = token.clone();
        move |_| {
            let (client, id, name) = (session.client(), token.id.clone(), token.name.clone());
            let changes = TokenChanges {
                status: if blocked { TokenStatus::Active } else { TokenStatus::Blocked }.as_sent(),
                description: None,
            };
            let (done, failed) = if blocked {
                (texts.unblocked(&name), texts.unblock_failed(&name))
            } else {
                (texts.blocked(&name), texts.block_failed(&name))
            };
            run_token_call(
                submission,
                list,
                async move { client.update_project_token(&id, &changes).await },
                done,
                failed,
            );
        }
    };
    let describe = {
        let id = token.id.clone();
        move |_| list.describing.set(Some(id.clone()))
    };
    let revoke = {
        let token = token.clone();
        move |_| {
            list.revoking.set(Some(token.clone()));
            list.revoke_open.set(true);
        }
    };
    view! {
        <Show when=move || !revoked>
            <button type="button" class="small" aria-disabled=move || busy.get().to_string()
                aria-label=if blocked { texts.unblock_label(&name) } else { texts.block_label(&name) }
                on:click=toggle.clone()>{if blocked { texts.unblock } else { texts.block }}</button>
            <button type="button" class="small" aria-label=texts.describe_label(&name)
                on:click=describe.clone()>{texts.describe}</button>
            <button type="button" class="small danger" aria-label=texts.revoke_label(&name)
                on:click=revoke.clone()>{texts.revoke}</button>
        </Show>
    }
}

/// The description in place, as a small form: Enter saves, Escape or Cancel leaves it as it was.
#[component]
pub fn DescriptionEditor(token: ApiToken, list: TokenList) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let submission = Submission::new();
    let text = RwSignal::new(token.description.clone().unwrap_or_default());
    // One editor is open at a time, so one fixed id; never one made from the token, which is a secret.
    let input_id = "describe-token";
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (client, id, name) = (session.client(), token.id.clone(), token.name.clone());
        let changes = TokenChanges { description: Some(text.get_untracked()), status: None };
        let outcome =
            Outcome::new(move |_| t().project().description_saved(&name), texts.description_save_failed(&token.name));
        // The editor closes once the server has the text; on a failure it stays open with the text as typed.
        submission.send(async move { client.update_project_token(&id, &changes).await }, outcome, move |()| {
            list.describing.set(None);
            list.reload.run(());
        });
    };
    view! {
        <form class="inline-form" on:submit=save>
            <label class="visually-hidden" for=input_id>{texts.description}</label>
            <input id=input_id type="text" autocomplete="off" prop:value=move || text.get()
                on:input:target=move |ev| text.set(ev.target().value())
                on:keydown=move |ev| if ev.key() == "Escape" { list.describing.set(None) } />
            <button type="submit" class="small primary" aria-disabled=move || submission.busy.get().to_string()>{texts.save}</button>
            <button type="button" class="small" on:click=move |_| list.describing.set(None)>{texts.cancel}</button>
            <p class="form-error" role="alert">{submission.form_error()}</p>
        </form>
    }
}

/// The confirmation before revoking the token in `list.revoking`: it names the token, says that whatever uses
/// it stops working for good, and warns when this tab itself uses it.
#[component]
pub fn RevokeDialog(list: TokenList) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let submission = Submission::new();
    let open = list.revoke_open;
    let name = move || list.revoking.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
    let used_here = move || list.revoking.with(|t| t.as_ref().is_some_and(|t| in_use(session, &t.id)));
    let confirm = Callback::new(move |()| {
        let Some(token) = list.revoking.get_untracked() else { return };
        let (client, id, name) = (session.client(), token.id.clone(), token.name.clone());
        let outcome = Outcome::new(move |_| t().project().revoked(&name), texts.revoke_failed(&token.name));
        submission.send(async move { client.revoke_project_token(&id).await }, outcome, move |()| {
            open.set(false);
            list.reload.run(());
        });
    });
    view! {
        <ConfirmDialog
            id="revoke-token"
            open
            title=Signal::derive(move || texts.revoke_title(&name()))
            confirm_label=texts.revoke_confirm
            busy=submission.busy
            on_confirm=confirm
            error=submission.form_error()
        >
            <p>{texts.revoke_explanation}</p>
            <Show when=used_here>
                <p class="warning-text"><strong>{texts.revoke_used_here}</strong>{texts.revoke_used_here_rest}</p>
            </Show>
        </ConfirmDialog>
    }
}
