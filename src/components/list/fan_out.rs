//! One request per project, a few at a time: enough to be quick, few enough not to flood the server (or the
//! browser's six connections per host). One project failing leaves the others loading, and can be retried
//! alone. The token audit (each project's tokens) and the access review (each project's members) read the
//! organization this way.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::api::{ApiError, Client, Project};

/// How many projects are fetched at once.
const CONCURRENCY: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Waiting,
    Loading,
    Loaded(T),
    Failed(ApiError),
}

/// A project and what was fetched for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched<T> {
    pub project: Project,
    pub load: Load<T>,
}

/// The call made for each project, given its id.
type Fetch<T> = Rc<dyn Fn(Client, String) -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>>>;

/// The fan-out's state. Workers live as long as the screen: leaving it cancels them and aborts their requests.
pub struct FanOut<T: Send + Sync + 'static> {
    pub projects: RwSignal<Vec<Fetched<T>>>,
    queue: StoredValue<VecDeque<usize>, LocalStorage>,
    workers: StoredValue<usize>,
    client: StoredValue<Client>,
    fetch: StoredValue<Fetch<T>, LocalStorage>,
    /// The screen's owner: workers run under it, so leaving the screen cancels them, and nothing else does (a
    /// Retry pressed in a row must not tie its worker to that row, which the retry itself re-renders). Held
    /// weakly: a strong reference stored in that owner would keep the screen alive after it is left.
    owner: StoredValue<Option<WeakOwner>, LocalStorage>,
}

impl<T: Send + Sync + 'static> Clone for FanOut<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for FanOut<T> {}

impl<T: Clone + Send + Sync + 'static> FanOut<T> {
    /// Starts fetching `fetch(client, project id)` for every project.
    pub fn start<F, Fut>(client: Client, projects: Vec<Project>, fetch: F) -> Self
    where
        F: Fn(Client, String) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let queue = (0..projects.len()).collect();
        let fetch: Fetch<T> = Rc::new(move |client, id| Box::pin(fetch(client, id)));
        let fan_out = Self {
            projects: RwSignal::new(
                projects.into_iter().map(|project| Fetched { project, load: Load::Waiting }).collect(),
            ),
            queue: StoredValue::new_local(queue),
            workers: StoredValue::new(0),
            client: StoredValue::new(client),
            fetch: StoredValue::new_local(fetch),
            owner: StoredValue::new_local(Owner::current().map(|owner| owner.downgrade())),
        };
        fan_out.add_workers();
        fan_out
    }

    /// Fetches one project again (after a failure).
    pub fn retry(&self, index: usize) {
        self.projects.update(|all| {
            if let Some(entry) = all.get_mut(index) {
                entry.load = Load::Waiting;
            }
        });
        self.queue.update_value(|queue| queue.push_back(index));
        self.add_workers();
    }

    /// (projects done, failed, all): the progress line.
    pub fn progress(&self) -> (usize, usize, usize) {
        self.projects.with(|all| {
            let done = all.iter().filter(|p| matches!(p.load, Load::Loaded(_) | Load::Failed(_))).count();
            let failed = all.iter().filter(|p| matches!(p.load, Load::Failed(_))).count();
            (done, failed, all.len())
        })
    }

    fn add_workers(&self) {
        let queued = self.queue.with_value(VecDeque::len);
        let running = self.workers.get_value();
        for _ in running..CONCURRENCY.min(running + queued) {
            self.workers.update_value(|n| *n += 1);
            let fan_out = *self;
            let spawn = move || spawn_local_scoped_with_cancellation(async move { fan_out.work().await });
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
                    entry.load = Load::Loading;
                    entry.project.project_id.clone()
                })
            }) else {
                return;
            };
            let Some(id) = id else { continue };
            let (Some(client), Some(fetch)) = (self.client.try_get_value(), self.fetch.try_get_value()) else {
                return;
            };
            let load = match fetch(client, id).await {
                Ok(value) => Load::Loaded(value),
                Err(error) => Load::Failed(error),
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
