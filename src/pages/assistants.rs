//! `/assistants`: the project token's assistants, each with its intents and revisions folded away until asked
//! for, and a link to the request log filtered by it.

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::{Assistant, AssistantList, Intent, Revision, TokenScope};
use crate::components::{use_title, CopyButton, Loaded, NeedsProjectToken, RelativeTime};
use crate::i18n::t;
use crate::routes::link_with_query;
use crate::session::use_session;

#[component]
pub fn AssistantsPage() -> impl IntoView {
    let texts = t().organization();
    use_title(texts.assistants_title);
    let session = use_session();
    let has_project_token = session.connection().is_some_and(|c| c.credential(TokenScope::Project).is_some());
    view! {
        <section class="page" aria-labelledby="assistants-heading">
            <h1 id="assistants-heading" tabindex="-1">{texts.assistants_title}</h1>
            {if has_project_token {
                Either::Left(view! { <AssistantList /> })
            } else {
                Either::Right(view! { <NeedsProjectToken here=crate::routes::ASSISTANTS /> })
            }}
        </section>
    }
}

#[component]
fn AssistantList() -> impl IntoView {
    let texts = t().organization();
    let session = use_session();
    let list = LocalResource::new(move || {
        let client = session.client();
        async move { client.assistants(true).await }
    });
    view! {
        <Loaded resource=list loading=texts.loading_assistants render=move |list: AssistantList| {
            let project = list.project_name.clone().or(list.project_id.clone());
            view! {
                <p class="lead">{project.map(|p| texts.assistants_project(&p))}</p>
                {if list.assistants.is_empty() {
                    Either::Left(view! { <p class="empty">{texts.no_assistants}</p> })
                } else {
                    Either::Right(list.assistants.into_iter().map(|assistant| view! { <AssistantCard assistant /> }).collect_view())
                }}
            }
        } />
    }
}

#[component]
fn AssistantCard(assistant: Assistant) -> impl IntoView {
    let texts = t().organization();
    let heading_id = format!("assistant-{}", assistant.assistant_id);
    let requests = link_with_query(crate::routes::REQUESTS, &[("assistant", assistant.assistant_name.clone())]);
    let revisions: usize = assistant.intents.iter().map(|i| i.revisions.len()).sum();
    let has_intents = !assistant.intents.is_empty();
    let intents = assistant.intents.clone();
    let summary = texts.intents_summary(assistant.intents.len(), revisions);
    view! {
        <article class="card assistant" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{assistant.assistant_name.clone()}</h2>
            <p class="lead">{assistant.assistant_description.clone()}</p>
            <dl class="facts">
                <dt>{texts.id}</dt>
                <dd><code>{assistant.assistant_id.clone()}</code> " " <CopyButton value=assistant.assistant_id.clone() label=texts.copy_id_of(&assistant.assistant_name) /></dd>
            </dl>
            <p><a href=requests>{texts.requests_of(&assistant.assistant_name)}</a></p>
            {has_intents.then(|| view! {
                <details class="intents">
                    <summary>{summary}</summary>
                    {intents.into_iter().map(|intent| view! { <IntentView intent /> }).collect_view()}
                </details>
            })}
        </article>
    }
}

#[component]
fn IntentView(intent: Intent) -> impl IntoView {
    let texts = t().organization();
    let default = intent.assistant_intent_default_revision.map(|d| d.to_string());
    view! {
        <section class="intent">
            <h3>{texts.intent(intent.assistant_intent_name.as_deref().unwrap_or_default())}</h3>
            <p class="hint">{intent.assistant_intent_description.clone()}</p>
            {intent.revisions.into_iter().map(|revision| {
                let is_default = default.is_some() && revision.revision_id == default;
                view! { <RevisionView revision is_default /> }
            }).collect_view()}
        </section>
    }
}

#[component]
fn RevisionView(revision: Revision, is_default: bool) -> impl IntoView {
    let texts = t().organization();
    let name = revision.revision_name.clone().or(revision.revision_id.clone()).unwrap_or_default();
    view! {
        <div class="revision">
            <h4>
                {texts.revision(&name)}
                {is_default.then(|| view! { " " <span class="badge badge-active">{texts.default_revision}</span> })}
            </h4>
            <dl class="facts">
                <dt>{texts.model}</dt>
                <dd>{format!("{} ({})", revision.model_name.clone().unwrap_or_default(), revision.model_id.clone().unwrap_or_default())}</dd>
                <dt>{texts.provider}</dt>
                <dd>{revision.provider_name.clone()}</dd>
                <dt>{texts.description}</dt>
                <dd>{revision.revision_description.clone()}</dd>
                <dt>{texts.created}</dt>
                <dd><RelativeTime timestamp=revision.timestamp.clone() /></dd>
                {revision.metadata.iter().map(|m| view! {
                    <dt>{m.key.clone()}</dt>
                    <dd>{m.value.clone()}{m.kind.clone().map(|k| format!(" ({k})"))}</dd>
                }).collect_view()}
            </dl>
            <p class="hint">{texts.prompt}</p>
            <pre class="full-text" tabindex="0" aria-label=texts.prompt>{revision.prompt.clone()}</pre>
        </div>
    }
}
