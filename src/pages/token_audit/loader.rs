//! Fetches every project's tokens, a few at a time: enough to be quick, few enough not to flood the server
//! (or the browser's six connections per host). One project failing leaves the others loading, and can be
//! retried alone.

use std::collections::VecDeque;

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::api::{ApiError, ApiToken, Client, Project};

/// How many projects' tokens are fetched at once.
const CONCURRENCY: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub enum TokensLoad {
    Waiting,
    Loading,
    Loaded(Vec<ApiToken>),
    Failed(ApiError),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProjectTokens {
    pub project: Project,
    pub load: TokensLoad,
}

/// The audit's loading state. Workers live as long as the screen: leaving it cancels them and aborts their
/// requests.
#[derive(Clone, Copy)]
pub struct TokenLoader {
    pub projects: RwSignal<Vec<ProjectTokens>>,
    queue: StoredValue<VecDeque<usize>, LocalStorage>,
    workers: StoredValue<usize>,
    client: StoredValue<Client>,
    /// The screen's owner: workers run under it, so leaving the screen cancels them, and nothing else does (a
    /// Retry pressed in a row must not tie its worker to that row, which the retry itself re-renders). Held
    /// weakly: a strong reference stored in that owner would keep the screen alive after it is left.
    owner: StoredValue<Option<WeakOwner>, LocalStorage>,
}

impl TokenLoader {
    pub fn start(client: Client, projects: Vec<Project>) -> Self {
        let queue = (0..projects.len()).collect();
        let loader = Self {
            projects: RwSignal::new(
                projects.into_iter().map(|project| ProjectTokens { project, load: TokensLoad::Waiting }).collect(),
            ),
            queue: StoredValue::new_local(queue),
            workers: StoredValue::new(0),
            client: StoredValue::new(client),
            owner: StoredValue::new_local(Owner::current().map(|owner| owner.downgrade())),
        };
        loader.add_workers();
        loader
    }

    /// Loads one project's tokens again (after a failure).
    pub fn retry(&self, index: usize) {
        self.projects.update(|all| {
            if let Some(entry) = all.get_mut(index) {
                entry.load = TokensLoad::Waiting;
            }
        });
        self.queue.update_value(|queue| queue.push_back(index));
        self.add_workers();
    }

    /// (projects done, failed, all): the progress line.
    pub fn progress(&self) -> (usize, usize, usize) {
        self.projects.with(|all| {
            let done = all.iter().filter(|p| matches!(p.load, TokensLoad::Loaded(_) | TokensLoad::Failed(_))).count();
            let failed = all.iter().filter(|p| matches!(p.load, TokensLoad::Failed(_))).count();
            (done, failed, all.len())
        })
    }

    fn add_workers(&self) {
        let queued = self.queue.with_value(VecDeque::len);
        let running = self.workers.get_value();
        for _ in running..CONCURRENCY.min(running + queued) {
            self.workers.update_value(|n| *n += 1);
            let loader = *self;
            let spawn = move || spawn_local_scoped_with_cancellation(async move { loader.work().await });
            match self.owner.get_value().and_then(|owner| owner.upgrade()) {
                Some(owner) => owner.with(spawn),
                None => spawn(),
            }
        }
    }

    async fn work(self) {
        while let Some(index) = self.queue.try_update_value(VecDeque::pop_front).flatten() {
            let Some(id) = self.projects.try_update(|all| {
                all.get_mut(index).map(|entry| {
                    entry.load = TokensLoad::Loading;
                    entry.project.project_id.clone()
                })
            }) else {
                return;
            };
            let Some(id) = id else { continue };
            let Some(client) = self.client.try_get_value() else { return };
            let load = match client.project_tokens(&id).await {
                Ok(tokens) => TokensLoad::Loaded(tokens),
                Err(error) => TokensLoad::Failed(error),
            };
            let stored = self.projects.try_update(|all| {
                if let Some(entry) = all.get_mut(index) {
                    entry.load = load;
                }
            });
            if stored.is_none() {
                return;
            }
        }
        self.workers.try_update_value(|n| *n -= 1);
    }
}
