//! Acting on several tokens at once: block or revoke the selected ones after one confirmation, one call each,
//! with progress and a result per token; then their projects' tokens are loaded again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::loader::TokenLoader;
use crate::api::TokenChanges;
use crate::components::{use_toasts, ConfirmDialog};
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

impl BulkAction {
    fn verb(self) -> &'static str {
        match self {
            Self::Block => "Block",
            Self::Revoke => "Revoke",
        }
    }

    fn done(self) -> &'static str {
        match self {
            Self::Block => "blocked",
            Self::Revoke => "revoked",
        }
    }
}

#[component]
pub fn BulkActions(picked: RwSignal<Vec<Picked>>, loader: TokenLoader) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let action = RwSignal::new(BulkAction::Block);
    let open = RwSignal::new(false);
    let busy = RwSignal::new(false);
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
        busy.set(true);
        results.set(Vec::new());
        total.set(tokens.len());
        open.set(false);
        spawn_local(async move {
            let mut failures = 0;
            for token in &tokens {
                let outcome = match chosen {
                    BulkAction::Block => {
                        let changes = TokenChanges { status: Some("blocked"), description: None };
                        client.update_project_token(&token.id, &changes).await
                    }
                    BulkAction::Revoke => client.revoke_project_token(&token.id).await,
                };
                failures += usize::from(outcome.is_err());
                let label = format!("\u{201c}{}\u{201d} of {}", token.name, token.project_name);
                results.update(|r| r.push((label, outcome.map_err(|e| e.to_string()))));
            }
            busy.set(false);
            picked.set(Vec::new());
            let mut projects: Vec<usize> = tokens.iter().map(|t| t.project_index).collect();
            projects.sort_unstable();
            projects.dedup();
            for index in projects {
                loader.retry(index);
            }
            let summary = format!("{} of {} tokens {}.", tokens.len() - failures, tokens.len(), chosen.done());
            if failures == 0 {
                toasts.success(summary);
            } else {
                toasts.problem(format!("{summary} {failures} failed: the results above the table say why."));
            }
        });
    });
    let title = Signal::derive(move || {
        let n = count();
        format!("{} {n} token{}?", action.get().verb(), if n == 1 { "" } else { "s" })
    });
    view! {
        <div class="bulk-bar" role="group" aria-label="Selected tokens">
            <span>{move || format!("{} selected", count())}</span>
            <button type="button" class="small" aria-disabled=move || (count() == 0 || busy.get()).to_string()
                on:click=move |_| { if count() > 0 && !busy.get_untracked() { ask(BulkAction::Block) } }>"Block selected"</button>
            <button type="button" class="small danger" aria-disabled=move || (count() == 0 || busy.get()).to_string()
                on:click=move |_| { if count() > 0 && !busy.get_untracked() { ask(BulkAction::Revoke) } }>"Revoke selected\u{2026}"</button>
            <button type="button" class="small" on:click=move |_| picked.set(Vec::new())>"Clear selection"</button>
        </div>
        <Show when=move || { total.get() > 0 }>
            <section class="card bulk-results" aria-labelledby="bulk-results-heading">
                <h2 id="bulk-results-heading">
                    {move || format!("{} of {} done", results.with(Vec::len), total.get())}
                </h2>
                <progress max=move || total.get().to_string() value=move || results.with(Vec::len).to_string()
                    aria-label="Tokens done"></progress>
                <ul class="plain-list" aria-live="polite">
                    {move || results.get().into_iter().map(|(label, outcome)| match outcome {
                        Ok(()) => view! { <li class="result-ok">{format!("\u{2713} {label}: done")}</li> }.into_any(),
                        Err(e) => view! { <li class="result-failed">{format!("\u{2717} {label}: {e}")}</li> }.into_any(),
                    }).collect_view()}
                </ul>
                <button type="button" class="small" on:click=move |_| total.set(0)>"Dismiss"</button>
            </section>
        </Show>
        <ConfirmDialog id="bulk-confirm" open title confirm_label="Confirm" busy on_confirm=confirm>
            <ul class="plain-list">
                {move || picked.get().into_iter().map(|t| view! { <li>{format!("\u{201c}{}\u{201d} of {}", t.name, t.project_name)}</li> }).collect_view()}
            </ul>
            <p>{move || match action.get() {
                BulkAction::Block => "Applications using them stop working until they are unblocked.",
                BulkAction::Revoke => "Applications using them stop working for good: revoked tokens cannot be unblocked.",
            }}</p>
            <Show when=used_here>
                <p class="warning-text"><strong>"One of them is the token this tab uses for assistants and requests."</strong></p>
            </Show>
        </ConfirmDialog>
    }
}
