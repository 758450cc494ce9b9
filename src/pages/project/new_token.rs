//! A new token for the project: a name and a description, then its value shown once.

use leptos::prelude::*;

use super::tokens::TokenList;
use crate::api::{ApiToken, NewToken};
use crate::checks::FieldErrors;
use crate::components::form::{Outcome, Submission, SubmitActions};
use crate::components::{ShownOnce, ShownOnceSecrets, TextField};
use crate::i18n::t;
use crate::session::use_session;

/// The name field's key in the form's problems.
const NAME: &str = "name";

#[component]
pub fn NewTokenPanel(list: TokenList) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let submission = Submission::new();
    let created = RwSignal::new(None::<ApiToken>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let token_name = name.get_untracked().trim().to_string();
        if token_name.is_empty() {
            return submission.refuse(FieldErrors::at(NAME, texts.token_name_missing));
        }
        let text = description.get_untracked();
        let body = NewToken { name: token_name, description: (!text.trim().is_empty()).then_some(text) };
        let (client, project) = (session.client(), list.project.get_value());
        let project_name = project.project_name.clone();
        let outcome = Outcome::new(|token: &ApiToken| t().project().token_created(&token.name), texts.create_failed)
            .with_secrets(move |token| ShownOnce {
                heading: t().project().created_in(&token.name, &project_name),
                secrets: vec![(token.name.clone(), token.id.clone())],
                file: None,
            });
        let call = async move { client.create_project_token(&project.project_id, &body).await };
        submission.send(call, outcome, move |token| {
            name.set(String::new());
            description.set(String::new());
            open.set(false);
            created.set(Some(token));
            list.reload.run(());
        });
    };
    view! {
        <div class="actions token-toolbar">
            <button type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {texts.new_token}
            </button>
        </div>
        <Show when=move || open.get()>
            <form class="card form new-token" on:submit=submit novalidate=true aria-label=texts.new_token>
                <TextField id="new-token-name" label=texts.token_name value=name required=true
                    error=submission.error(NAME) />
                <TextField id="new-token-description" label=texts.description value=description
                    hint=texts.description_hint />
                <SubmitActions submission label=texts.create_token busy_label=texts.creating>
                    <button type="button" on:click=move |_| open.set(false)>{texts.cancel}</button>
                </SubmitActions>
            </form>
        </Show>
        {move || created.get().map(|token| view! {
            <section class="card shown-once" aria-labelledby="new-token-heading">
                <h3 id="new-token-heading">{texts.created_heading(&token.name)}</h3>
                <ShownOnceSecrets secrets=vec![(token.name.clone(), token.id.clone())] />
                <div class="actions">
                    <button type="button" on:click=move |_| created.set(None)>{texts.copied}</button>
                </div>
            </section>
        })}
    }
}
