//! geai-sandbox: a local, stateful stand-in for the GeneXus Enterprise AI Organization API.
//!
//! The library is what tests use: build a [`Sandbox`], bind `127.0.0.1:0`, and [`serve`] it until a shutdown
//! future resolves. The binary only parses flags, binds, prints the [`banner`] and passes ctrl-c.

pub mod access;
pub mod analytics;
pub mod arcee;
pub mod clock;
pub mod config;
pub mod email;
pub mod error;
pub mod faults;
pub mod journal;
pub mod limits;
pub mod model;
pub mod people;
pub mod persist;
pub mod random;
pub mod requests;
pub mod routes;
pub mod seed;
pub mod store;
pub mod tokens;
pub mod usage;
pub mod usage_limit;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use config::Config;
use error::{ApiError, ApiResult};
use faults::FaultRules;
use journal::Journal;
use store::Store;

/// A cheap-to-clone handle on one sandbox's state: what every handler gets.
#[derive(Clone)]
pub struct Sandbox {
    shared: Arc<Shared>,
}

struct Shared {
    config: Config,
    /// A std mutex, not Tokio's: every critical section is a short computation that never awaits.
    store: Mutex<Store>,
    faults: FaultRules,
    journal: Journal,
}

impl Sandbox {
    /// Loads the state file if there is one, else seeds a new organization (and writes the file). A state file
    /// of before the Arcee API or access control gets their seeded state added (and is rewritten with it).
    pub fn new(config: Config) -> std::io::Result<Self> {
        let loaded = match &config.state_file {
            Some(path) => persist::load(path)?,
            None => None,
        };
        let (store, seeded) = match loaded {
            Some(mut store) => {
                let added = seed::upgrade(&mut store, config.seed.seed);
                (store, added)
            }
            None => (seed::organization(&config.seed, config.dialect), true),
        };
        if let (true, Some(path)) = (seeded, &config.state_file) {
            persist::save(path, &store)?;
        }
        Ok(Self {
            shared: Arc::new(Shared {
                config,
                store: Mutex::new(store),
                faults: FaultRules::default(),
                journal: Journal::default(),
            }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    pub fn faults(&self) -> &FaultRules {
        &self.shared.faults
    }

    /// The API requests received, oldest first, with what became of each.
    pub fn journal(&self) -> &Journal {
        &self.shared.journal
    }

    /// Reads the state.
    pub fn read<R>(&self, f: impl FnOnce(&Store) -> R) -> R {
        f(&self.lock())
    }

    /// Changes the state and, when it worked and a state file is set, saves it before answering, so an
    /// answered change is never lost. The lock is held through the save so snapshots land in order.
    pub fn change<R>(&self, f: impl FnOnce(&mut Store) -> ApiResult<R>) -> ApiResult<R> {
        self.change_with(f, |e| ApiError::internal(format!("saving the state: {e}")))
    }

    /// `change` for the Arcee API: its part of the state, its refusals.
    pub fn change_arcee<R>(&self, f: impl FnOnce(&mut arcee::State) -> arcee::Answer<R>) -> arcee::Answer<R> {
        self.change_with(|store| f(&mut store.arcee), |e| arcee::Refusal::internal(format!("saving the state: {e}")))
    }

    fn change_with<R, E>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<R, E>,
        saving_failed: impl FnOnce(std::io::Error) -> E,
    ) -> Result<R, E> {
        let mut store = self.lock();
        let result = f(&mut store)?;
        if let Some(path) = &self.shared.config.state_file {
            persist::save(path, &store).map_err(saving_failed)?;
        }
        Ok(result)
    }

    /// The organization token and each project's first active token, by project name.
    pub fn tokens(&self) -> (String, Vec<(String, String)>) {
        self.read(|store| {
            let projects = store
                .projects
                .iter()
                .filter_map(|p| {
                    let active = p.tokens.iter().find(|t| t.status() == model::TokenStatus::Active);
                    active.map(|t| (p.name.clone(), t.id.clone()))
                })
                .collect();
            (store.organization.token.clone(), projects)
        })
    }

    /// The Arcee API key of the seeded user (`admin@sandbox.example`): its first key that has not expired, which is
    /// the seeded main key unless that was deleted. Empty when the user has none left.
    pub fn arcee_key(&self) -> String {
        self.read(|store| store.arcee.usable_key(arcee::seed::USER, clock::today()).unwrap_or_default())
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        // Every change is validated before it touches the store, so a poisoned lock holds consistent data.
        self.shared.store.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What the binary prints on start, one fact per line, so that scripts can read the URL and tokens.
pub fn banner(sandbox: &Sandbox, addr: SocketAddr) -> String {
    let (organization, projects) = sandbox.tokens();
    let mut lines =
        vec![format!("geai-sandbox listening on http://{addr}"), format!("organization token: {organization}")];
    lines.extend(projects.into_iter().map(|(name, token)| format!("project token for {name}: {token}")));
    lines.push(format!("arcee api key: {}", sandbox.arcee_key()));
    lines.join("\n")
}

/// A sandbox serving on a free 127.0.0.1 port until dropped: how tests and benchmarks run one in-process.
pub struct LocalServer {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    pub sandbox: Sandbox,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl LocalServer {
    /// Binds a free port on 127.0.0.1 and serves `sandbox` on the current Tokio runtime.
    pub async fn start(sandbox: Sandbox) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(serve(listener, sandbox.clone(), async {
            // Resolves when the sender is dropped with the LocalServer.
            let _ = stopped.await;
        }));
        Ok(Self { url, sandbox, _stop: stop })
    }
}

/// Serves the API (and the `--dist` app) on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    sandbox: Sandbox,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, routes::app(sandbox)).with_graceful_shutdown(shutdown).await
}
