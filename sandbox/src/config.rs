//! What a sandbox is started with: the API dialect, the seed and sizes of its demo data, and its faults.

use std::path::PathBuf;
use std::time::Duration;

/// Which generation of the Organization API the sandbox imitates.
///
/// Real installations still run both, so the dashboard must read both (see shared/api/FACTS.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    /// The current GeneXus Enterprise AI documentation: `{"items": [..]}` exports, organization fields in
    /// project details, `usageLimit`, the `name` filter and `apitoken/validate`.
    #[default]
    Geai,
    /// The SAIA beta documentation: `[{"item": {..}}]` exports, `projectStatus` 1 (Deleted), `active` on PUT,
    /// no organization fields, no `name` filter and no `apitoken/validate`.
    #[value(name = "saia-beta")]
    SaiaBeta,
}

/// How much demo data to make, and from which seed. The same values always give the same data.
#[derive(Clone, Debug)]
pub struct SeedConfig {
    pub seed: u64,
    pub projects: usize,
    pub assistants_per_project: usize,
    pub requests_per_project: u64,
}

impl Default for SeedConfig {
    fn default() -> Self {
        Self { seed: 42, projects: 8, assistants_per_project: 4, requests_per_project: 5_000 }
    }
}

/// Everything a sandbox is started with.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub dialect: Dialect,
    pub seed: SeedConfig,
    /// Added before every API response, to make loading states visible and timings realistic.
    pub latency: Duration,
    /// A built single-page app served on the same origin as the API.
    pub dist: Option<PathBuf>,
    /// Where the state is loaded from and saved to after every change; `None` keeps it in memory.
    pub state_file: Option<PathBuf>,
}
