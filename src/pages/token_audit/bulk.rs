//! Acting on several tokens at once: block or revoke the selected ones after one confirmation, one call each,
//! with progress and a result per token; then their projects' tokens are loaded again.

use leptos::prelude::*;

use super::TokenLoader;
use crate::api::{ApiError, TokenChanges, TokenStatus};
use crate::components::form::{Outcome, Report, Submission};
use crate::components::ConfirmDialog;
use crate::i18n::t;
use crate::session::use_session;

/// A token picked in the table, with what the results need to name it and reload its project.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Picked {
    pub id: String,
    pub name: String,
    pub project_name: String,
    pub project_index: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BulkAction {
    Block,
    Revoke,
}

#[component]
pub fn BulkActions(picked: RwSignal<Vec<Picked>>, loader: TokenLoader) -> impl IntoView {
    let texts = t().token_audit();
    let session = use_session();
    let action = RwSignal::new(BulkAction::Block);
    let open = RwSignal::new(false);
    let submission = Submission::new();
    let busy = submission.busy;
    let results = RwSignal::new(Vec::<(String, Result<(), String>)>::new());
    let total = RwSignal::new(0usize);
    let count = move || picked.with(Vec::len);
    let ask = move |chosen: BulkAction| {
        action.set(chosen);
        open.set(true);
    };
    let used_here = move || {
        let current = session.connection().and_then(|c| c.project).map(|c| c.token);
        picked.with(|p| p.iter().any(|t| Some(&t.id) == current.as_ref()))
    };
    let confirm = Callback::new(move |()| {
        let (chosen, tokens, client) = (action.get_untracked(), picked.get_untracked(), session.client());
        results.set(Vec::new());
        total.set(tokens.len());
        open.set(false);
        // One call per token, each result shown as it comes; a failure is reported and the rest go on.
        let call = async move {
            let mut failures = 0;
            for token in &tokens {
                let outcome = match chosen {
                    BulkAction::Block => {
                        let changes = TokenChanges { status: TokenStatus::Blocked.as_sent(), description: None };
                        client.update_project_token(&token.id, &changes).await
                    }
                    BulkAction::Revoke => client.revoke_project_token(&token.id).await,
                };
                failures += usize::from(outcome.is_err());
                let label = t().token_audit().token_of(&token.name, &token.project_name);
                let _ = results.try_update(|r| r.push((label, outcome.map_err(|e| e.to_string()))));
            }
            Ok::<_, ApiError>((tokens, failures))
        };
        let outcome = Outcome::reported(
            move |(tokens, failures): &(Vec<Picked>, usize)| {
                let texts = t().token_audit();
                let summary = texts.summary(tokens.len() - failures, tokens.len(), chosen == BulkAction::Revoke);
                match failures {
                    0 => Report::Success(summary),
                    _ => Report::Problem(texts.summary_with_failures(&summary, *failures)),
                }
            },
            texts.confirm,
        );
        submission.send(call, outcome, move |(tokens, _)| {
            picked.set(Vec::new());
            let mut projects: Vec<usize> = tokens.iter().map(|t| t.project_index).collect();
            projects.sort_unstable();
            projects.dedup();
            for index in projects {
                loader.retry(index);
            }
        });
    });
    let title = Signal::derive(move || texts.confirm_title(action.get() == BulkAction::Revoke, count()));
    view! {
        <div class="bulk-bar" role="group" aria-label=texts.selected_tokens>
            <span>{move || texts.selected(count())}</span>
            <button type="button" class="small" aria-disabled=move || (count() == 0 || busy.get()).to_string()
                on:click=move |_| { if count() > 0 && !busy.get_untracked() { ask(BulkAction::Block) } }>{texts.block_selected}</button>
            <button type="button" class="small danger" aria-disabled=move || (count() == 0 || busy.get()).to_string()
                on:click=move |_| { if count() > 0 && !busy.get_untracked() { ask(BulkAction::Revoke) } }>{texts.revoke_selected}</button>
            <button type="button" class="small" on:click=move |_| picked.set(Vec::new())>{texts.clear_selection}</button>
        </div>
        <Show when=move || { total.get() > 0 }>
            <section class="card bulk-results" aria-labelledby="bulk-results-heading">
                <h2 id="bulk-results-heading">
                    {move || texts.done_heading(results.with(Vec::len), total.get())}
                </h2>
                <progress max=move || total.get().to_string() value=move || results.with(Vec::len).to_string()
                    aria-label=texts.tokens_done></progress>
                <ul class="plain-list" aria-live="polite">
                    {move || results.get().into_iter().map(|(label, outcome)| match outcome {
                        Ok(()) => view! { <li class="result-ok">{texts.result_done(&label)}</li> }.into_any(),
                        Err(e) => view! { <li class="result-failed">{format!("\u{2717} {label}: {e}")}</li> }.into_any(),
                    }).collect_view()}
                </ul>
                <button type="button" class="small" on:click=move |_| total.set(0)>{texts.dismiss}</button>
            </section>
        </Show>
        <ConfirmDialog id="bulk-confirm" open title confirm_label=texts.confirm busy on_confirm=confirm>
            <ul class="plain-list">
                {move || picked.get().into_iter().map(|t| view! { <li>{texts.token_of(&t.name, &t.project_name)}</li> }).collect_view()}
            </ul>
            <p>{move || match action.get() {
                BulkAction::Block => texts.block_consequence,
                BulkAction::Revoke => texts.revoke_consequence,
            }}</p>
            <Show when=used_here>
                <p class="warning-text"><strong>{texts.used_here}</strong></p>
            </Show>
        </ConfirmDialog>
    }
}
