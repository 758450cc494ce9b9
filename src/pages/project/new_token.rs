//! A new token for the project: a name and a description, then its value shown once.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::tokens::TokenList;
use crate::api::{ApiToken, NewToken};
use crate::components::{use_toasts, ShownOnceSecrets, TextField};
use crate::i18n::t;
use crate::session::use_session;

#[component]
pub fn NewTokenPanel(list: TokenList) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let created = RwSignal::new(None::<ApiToken>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let token_name = name.get_untracked().trim().to_string();
        if token_name.is_empty() {
            problem.set(Some(texts.token_name_missing.into()));
            return;
        }
        let text = description.get_untracked();
        let body = NewToken { name: token_name, description: (!text.trim().is_empty()).then_some(text) };
        let (client, project_id) = (session.client(), list.project.with_value(|p| p.project_id.clone()));
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = client.create_project_token(&project_id, &body).await;
            busy.set(false);
            match result {
                Ok(token) => {
                    toasts.success(texts.token_created(&token.name));
                    name.set(String::new());
                    description.set(String::new());
                    open.set(false);
                    created.set(Some(token));
                    list.reload.run(());
                }
                Err(error) => {
                    toasts.failure(texts.create_failed, &error);
                    problem.set(Some(error.to_string()));
                }
            }
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
                    error=Signal::derive(move || problem.get()) />
                <TextField id="new-token-description" label=texts.description value=description
                    hint=texts.description_hint />
                <div class="actions">
                    <button type="submit" class="primary" aria-disabled=move || busy.get().to_string()>
                        {move || if busy.get() { texts.creating } else { texts.create_token }}
                    </button>
                    <button type="button" on:click=move |_| open.set(false)>{texts.cancel}</button>
                </div>
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
