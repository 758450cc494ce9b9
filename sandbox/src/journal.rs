//! The request journal: every API request, with what became of it. Tests read it (`/__sandbox/requests`, or
//! `Sandbox::journal` in-process) to see what a client really sent, and whether it waited for the answer.
//!
//! A request whose client goes away first (an aborted fetch, a closed tab) is marked abandoned: the server
//! drops the handler's future when the connection closes, and the entry's guard notices it was never answered.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;

use crate::Sandbox;

/// How many requests are kept; older ones are forgotten first.
const CAPACITY: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub method: String,
    /// Path and query, as the client sent them.
    pub uri: String,
    /// The scheme of the `Authorization` header (`bearer`, `basic`), or `x-token` for the Arcee API's key header;
    /// never the credentials.
    pub auth: Option<String>,
    /// `"outcome": "answered", "status": 200`, `"outcome": "abandoned"`, or `"outcome": "pending"` meanwhile.
    #[serde(flatten)]
    pub outcome: Outcome,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "outcome", content = "status")]
pub enum Outcome {
    Pending,
    Answered(u16),
    Abandoned,
}

/// A std mutex: every use is a push or a scan of a short queue, never across an await.
#[derive(Clone, Default)]
pub struct Journal(Arc<Mutex<Inner>>);

#[derive(Default)]
struct Inner {
    entries: VecDeque<(u64, Entry)>,
    next_id: u64,
}

impl Journal {
    pub fn entries(&self) -> Vec<Entry> {
        self.lock().entries.iter().map(|(_, entry)| entry.clone()).collect()
    }

    pub fn clear(&self) {
        self.lock().entries.clear();
    }

    fn begin(&self, method: &str, uri: &str, auth: Option<String>) -> Pending {
        let mut inner = self.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        if inner.entries.len() == CAPACITY {
            inner.entries.pop_front();
        }
        let entry = Entry { method: method.to_string(), uri: uri.to_string(), auth, outcome: Outcome::Pending };
        inner.entries.push_back((id, entry));
        Pending { journal: self.clone(), id, done: false }
    }

    /// Ids are consecutive and the queue is in id order, so an entry is found by subtraction; one already
    /// forgotten (more than `CAPACITY` requests since) is simply not there.
    fn finish(&self, id: u64, outcome: Outcome) {
        let mut inner = self.lock();
        let Some(first) = inner.entries.front().map(|(first, _)| *first) else { return };
        let found = id.checked_sub(first).and_then(|offset| inner.entries.get_mut(offset as usize));
        if let Some((entry_id, entry)) = found {
            debug_assert_eq!(*entry_id, id);
            entry.outcome = outcome;
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Nothing panics while holding it halfway through a change; a poisoned journal is still whole.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// An entry being handled: answered explicitly, or abandoned when dropped unanswered.
struct Pending {
    journal: Journal,
    id: u64,
    done: bool,
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.done {
            self.journal.finish(self.id, Outcome::Abandoned);
        }
    }
}

/// Middleware on the API routes, outside the faults, so injected answers and dropped connections are seen too.
pub async fn record(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let uri = request.uri().path_and_query().map(|pq| pq.as_str().to_string()).unwrap_or_default();
    let auth = request
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split_whitespace().next())
        .map(str::to_ascii_lowercase)
        .or_else(|| request.headers().contains_key(crate::arcee::TOKEN_HEADER).then(|| "x-token".to_string()));
    let mut pending = sandbox.journal().begin(request.method().as_str(), &uri, auth);
    let response = next.run(request).await;
    pending.done = true;
    sandbox.journal().finish(pending.id, Outcome::Answered(response.status().as_u16()));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finishing_finds_entries_after_old_ones_are_forgotten() {
        let journal = Journal::default();
        let mut first = journal.begin("GET", "/first", None);
        let pending: Vec<Pending> = (0..CAPACITY).map(|i| journal.begin("GET", &format!("/{i}"), None)).collect();
        first.done = true;
        journal.finish(first.id, Outcome::Answered(200)); // forgotten already: nothing to mark
        let last = pending.last().expect("requests");
        journal.finish(last.id, Outcome::Answered(204));
        let entries = journal.entries();
        assert_eq!(entries.len(), CAPACITY);
        assert_eq!(entries[0].uri, "/0");
        assert_eq!(entries[CAPACITY - 1].outcome, Outcome::Answered(204));
        drop(pending);
        assert_eq!(journal.entries()[0].outcome, Outcome::Abandoned, "unanswered ones are abandoned on drop");
    }
}
