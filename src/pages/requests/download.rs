//! Downloading everything that matches the filters: page after page until one comes back short, each page
//! encoded at once and handed to the browser as a Blob, so this program's memory holds one page whatever the
//! size. A failed page is retried with growing waits, then the download stops and offers Resume, which goes on
//! from the first row not yet fetched: no row is lost or fetched twice. Cancel aborts the request under way.

use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;
use leptos::task::spawn_local_scoped_with_cancellation;

use super::export_file::FileFormat;
use super::stats::RequestStats;
use crate::api::{ApiError, Client, Dialect, ErrorKind, ExportFilter};
use crate::web::{now_ms, save_parts, sleep, text_blob};

/// Rows asked for per request: large enough to be quick, well under the API's limit.
pub const DOWNLOAD_PAGE: u64 = 1000;
/// Waits before the retries of a failed page, in ms; after the last, the download stops and offers Resume.
const RETRY_WAITS_MS: &[u32] = &[500, 1500, 4000];

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Idle,
    Running,
    /// Page failed; trying again after a wait (attempt counts from 1).
    Retrying {
        attempt: usize,
        error: ApiError,
    },
    /// Gave up after the retries; Resume goes on from where it stopped.
    Failed(ApiError),
    Cancelled,
    Done,
}

/// One download's state, shared by its controls and its progress line.
#[derive(Clone, Copy)]
pub struct Download {
    pub phase: RwSignal<Phase>,
    pub rows: RwSignal<u64>,
    /// What the charts can show of the rows fetched so far.
    pub stats: RwSignal<RequestStats>,
    started_ms: StoredValue<i64>,
    /// The file so far, as Blobs (and the header string).
    parts: StoredValue<js_sys::Array, LocalStorage>,
    /// The job: what to fetch, how to write it, and where the next page starts.
    job: StoredValue<Option<Job>, LocalStorage>,
    /// The running loop's owner: cleaning it up cancels the loop and aborts its request.
    runner: StoredValue<Option<Owner>, LocalStorage>,
    /// The screen's owner, parent of every runner: leaving the screen stops the download, and nothing else
    /// does (a button's own owner may be re-rendered away by the progress it starts). Weak: this value lives
    /// in that owner, and a strong reference would keep it, and everything the screen set up, alive for good.
    screen: StoredValue<Option<WeakOwner>, LocalStorage>,
}

#[derive(Clone)]
struct Job {
    client: Client,
    filter: ExportFilter,
    dialect: Dialect,
    format: FileFormat,
    file_name: String,
    next_skip: u64,
}

impl Download {
    pub fn new() -> Self {
        Self {
            phase: RwSignal::new(Phase::Idle),
            rows: RwSignal::new(0),
            stats: RwSignal::new(RequestStats::default()),
            started_ms: StoredValue::new(0),
            parts: StoredValue::new_local(js_sys::Array::new()),
            job: StoredValue::new_local(None),
            runner: StoredValue::new_local(None),
            screen: StoredValue::new_local(Owner::current().map(|owner| owner.downgrade())),
        }
    }

    pub fn is_active(&self) -> bool {
        matches!(self.phase.get(), Phase::Running | Phase::Retrying { .. })
    }

    /// Starts over with a new job.
    pub fn start(&self, client: Client, filter: ExportFilter, dialect: Dialect, format: FileFormat, file_name: String) {
        self.stop_runner();
        self.parts.set_value(js_sys::Array::of1(&format.header().into()));
        self.rows.set(0);
        self.stats.set(RequestStats::default());
        self.started_ms.set_value(now_ms());
        self.job.set_value(Some(Job { client, filter, dialect, format, file_name, next_skip: 0 }));
        self.run();
    }

    /// Goes on after a failure, from the first row not yet fetched.
    pub fn resume(&self) {
        if self.job.with_value(Option::is_some) {
            self.run();
        }
    }

    /// Stops at once: the request under way is aborted, and what was fetched is dropped.
    pub fn cancel(&self) {
        self.stop_runner();
        self.parts.set_value(js_sys::Array::new());
        self.job.set_value(None);
        self.phase.set(Phase::Cancelled);
    }

    /// Rows per second since the start, for the progress line.
    pub fn rate(&self) -> f64 {
        let seconds = (now_ms() - self.started_ms.get_value()) as f64 / 1000.0;
        if seconds > 0.0 {
            self.rows.get() as f64 / seconds
        } else {
            0.0
        }
    }

    fn stop_runner(&self) {
        if let Some(owner) = self.runner.get_value() {
            owner.cleanup();
        }
        self.runner.set_value(None);
    }

    fn run(&self) {
        self.stop_runner();
        self.phase.set(Phase::Running);
        let owner = match self.screen.get_value().and_then(|screen| screen.upgrade()) {
            Some(screen) => screen.with(Owner::new),
            None => Owner::new(),
        };
        let download = *self;
        owner.with(|| spawn_local_scoped_with_cancellation(async move { download.fetch_pages().await }));
        self.runner.set_value(Some(owner));
    }

    async fn fetch_pages(self) {
        let mut attempt = 0;
        loop {
            let Some(job) = self.job.get_value() else { return };
            let result = job.client.export_page(&job.filter, job.next_skip, DOWNLOAD_PAGE, job.dialect).await;
            match result {
                Ok(items) => {
                    attempt = 0;
                    let blob = match text_blob(&job.format.encode(&items)) {
                        Ok(blob) => blob,
                        Err(problem) => return self.phase.set(Phase::Failed(ApiError::network(problem))),
                    };
                    self.parts.with_value(|parts| parts.push(&blob));
                    self.stats.update(|stats| stats.add(&items));
                    self.rows.update(|rows| *rows += items.len() as u64);
                    self.job.update_value(|job| {
                        if let Some(job) = job {
                            job.next_skip += items.len() as u64;
                        }
                    });
                    if (items.len() as u64) < DOWNLOAD_PAGE {
                        return self.finish(&job);
                    }
                }
                Err(error) if error.kind == ErrorKind::Aborted => return,
                Err(error) => {
                    attempt += 1;
                    match RETRY_WAITS_MS.get(attempt - 1) {
                        Some(wait) => {
                            self.phase.set(Phase::Retrying { attempt, error });
                            sleep(*wait).await;
                            self.phase.set(Phase::Running);
                        }
                        None => return self.phase.set(Phase::Failed(error)),
                    }
                }
            }
        }
    }

    fn finish(&self, job: &Job) {
        let saved = self.parts.with_value(|parts| save_parts(&job.file_name, job.format.mime(), parts));
        self.parts.set_value(js_sys::Array::new());
        self.phase.set(match saved {
            Ok(()) => Phase::Done,
            Err(problem) => Phase::Failed(ApiError::network(crate::i18n::t().requests().browser_refused(&problem))),
        });
    }
}
