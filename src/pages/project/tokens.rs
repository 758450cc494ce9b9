//! A project's API tokens: the viewer (masked values with Reveal and Copy, status, age) and what an
//! organization token may do with them: make a new one, block and unblock, describe, revoke, and make one this
//! tab's project token.

use leptos::either::Either;
use leptos::prelude::*;

use super::new_token::NewTokenPanel;
use super::token_actions::{DescriptionEditor, RevokeDialog, TokenActions};
use crate::api::{ApiToken, Client, Project, TokenIdentity, TokenScope, TokenStatus};
use crate::components::form::{Outcome, Submission};
use crate::components::{DataTable, Loaded, MaskedSecret, RelativeTime, TokenStatusBadge};
use crate::i18n::t;
use crate::session::{use_session, Credential, Session};

/// What a row's actions need from the list they are in: the project, a way to reload, the revoke dialog.
#[derive(Clone, Copy)]
pub struct TokenList {
    pub project: StoredValue<Project>,
    pub reload: Callback<()>,
    /// The token the revoke dialog is about, and whether the dialog is open: set together by Revoke.
    pub revoking: RwSignal<Option<ApiToken>>,
    pub revoke_open: RwSignal<bool>,
    /// The token whose description is being edited.
    pub describing: RwSignal<Option<String>>,
}

#[component]
pub fn ProjectTokens(project: Project) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let id = project.project_id.clone();
    let tokens = LocalResource::new(move || {
        let (client, id) = (session.client(), id.clone());
        async move { client.project_tokens(&id).await }
    });
    let list = TokenList {
        project: StoredValue::new(project),
        reload: Callback::new(move |()| tokens.refetch()),
        revoking: RwSignal::new(None),
        revoke_open: RwSignal::new(false),
        describing: RwSignal::new(None),
    };
    view! {
        <NewTokenPanel list />
        <Loaded resource=tokens loading=texts.loading_tokens render={move |found: Vec<ApiToken>| {
            if found.is_empty() {
                Either::Left(view! { <p class="empty">{texts.no_tokens}</p> })
            } else {
                Either::Right(view! { <TokenTable tokens=found list /> })
            }
        }} />
        <RevokeDialog list />
    }
}

#[component]
fn TokenTable(tokens: Vec<ApiToken>, list: TokenList) -> impl IntoView {
    let texts = t().project();
    let rows = tokens
        .into_iter()
        .map(|token| {
            let label = texts.token_value_of(&token.name);
            let id = token.id.clone();
            let token = StoredValue::new(token);
            let editing = move || list.describing.with(|d| d.as_deref() == Some(id.as_str()));
            view! {
                <tr>
                    <th scope="row">{token.with_value(|t| t.name.clone())}</th>
                    <td class="description">
                        {move || if editing() {
                            Either::Left(view! { <DescriptionEditor token=token.get_value() list /> })
                        } else {
                            Either::Right(token.with_value(|t| t.description.clone()))
                        }}
                    </td>
                    <td><TokenStatusBadge status=token.with_value(|t| t.status.clone()) /></td>
                    <td><RelativeTime timestamp=token.with_value(|t| t.timestamp.clone()) /></td>
                    <td><MaskedSecret value=token.with_value(|t| t.id.clone()) label=label /></td>
                    <td class="token-actions">
                        <UseTokenButton token=token.get_value() project=list.project.get_value() />
                        <TokenActions token=token.get_value() list />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=texts.tokens_caption class="token-table">
                <thead>
                    <tr>
                        <th scope="col">{texts.column_name}</th>
                        <th scope="col">{texts.column_description}</th>
                        <th scope="col">{texts.column_status}</th>
                        <th scope="col">{texts.column_created}</th>
                        <th scope="col">{texts.column_value}</th>
                        <th scope="col">{texts.column_actions}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
        </DataTable>
    }
}

/// Whether `token` is this tab's project token (tracked: follows the session).
pub fn in_use(session: Session, token: &str) -> bool {
    session.connection().and_then(|c| c.project).is_some_and(|credential| credential.token == token)
}

/// Makes `token` this tab's project token, for the assistants and the request log, once a call to the
/// assistants list with it has worked: a token that cannot list assistants is not worth switching to.
#[component]
fn UseTokenButton(token: ApiToken, project: Project) -> impl IntoView {
    let texts = t().project();
    let session = use_session();
    let submission = Submission::new();
    let checking = submission.busy;
    let enabled = token.token_status() == TokenStatus::Active;
    let (name, value) = (token.name.clone(), token.id.clone());
    let use_token = move |_| {
        let (token, project) = (token.clone(), project.clone());
        let client = Client { organization_token: None, project_token: Some(token.id.clone()), ..session.client() };
        let (token_name, project_name) = (token.name.clone(), project.project_name.clone());
        let outcome = Outcome::new(
            move |assistants: &usize| t().project().now_used(&token_name, &project_name, *assistants),
            texts.cannot_use(&token.name),
        );
        // Checked by listing the assistants with it; then it is this tab's project token, wherever the user is.
        let call = async move {
            let list = client.assistants(false).await?;
            let identity = TokenIdentity::project(
                project.organization_id.clone(),
                list.project_id.or(Some(project.project_id.clone())),
                list.project_name.or(Some(project.project_name.clone())),
            );
            session.set_credential(TokenScope::Project, Credential { token: token.id.clone(), identity });
            Ok(list.assistants.len())
        };
        submission.send(call, outcome, |_| ());
    };
    view! {
        // The button stays when the token is in use, so the focus stays where the user pressed.
        <button
            type="button"
            class="small"
            disabled=!enabled
            title=(!enabled).then_some(texts.only_active_usable)
            // Not `disabled` while checking: a disabled button drops the keyboard focus.
            aria-disabled=move || checking.get().to_string()
            aria-label=move || texts.use_label(if checking.get() { texts.checking } else { texts.use_for }, &name)
            on:click=use_token
        >
            {move || if checking.get() { texts.checking } else { texts.use_for }}
        </button>
        {move || in_use(session, &value).then(|| view! { " " <span class="badge badge-active">{texts.in_use}</span> })}
    }
}
