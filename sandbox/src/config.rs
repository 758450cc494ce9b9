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

/// How much demo data to make, from which seed, and when its request logs end. The same values always give the
/// same data.
#[derive(Clone, Debug)]
pub struct SeedConfig {
    pub seed: u64,
    pub projects: usize,
    pub assistants_per_project: usize,
    pub requests_per_project: u64,
    pub log_end: LogEnd,
}

impl Default for SeedConfig {
    fn default() -> Self {
        Self { seed: 42, projects: 8, assistants_per_project: 4, requests_per_project: 5_000, log_end: LogEnd::Fixed }
    }
}

impl SeedConfig {
    /// Requests a project of the binary's organization has logged: about 107 days of them (one every 37 s), so
    /// that every date preset of a dashboard (last 7 or 30 days, this month, last month) and the period before
    /// it, to compare against, fall within the log.
    pub const DEMO_REQUESTS: u64 = 250_000;

    /// What the binary seeds unless told otherwise: the default organization, with logs that end now and reach
    /// back [`Self::DEMO_REQUESTS`] requests. Tests keep [`Default`], whose dates never move.
    pub fn demo() -> Self {
        Self { requests_per_project: Self::DEMO_REQUESTS, log_end: LogEnd::Now, ..Self::default() }
    }
}

/// When the seeded request logs end, and so what "now" is for the Organization API (see `clock::Clock`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LogEnd {
    /// The newest request at 2025-11-20T12:00:00 UTC and "now" a day later, whatever the date: the same data
    /// on every machine and every day, which is what tests pin their dates to.
    #[default]
    Fixed,
    /// The newest request when the sandbox is seeded, and "now" then too: the logs reach back from today, as a
    /// dashboard's date presets expect. The binary's default.
    Now,
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
    /// Answer no CORS headers, not even to a preflight: a page on another origin is refused by its browser, as
    /// by an installation that allows no other origin. The default (false) allows any origin.
    pub no_cors: bool,
}
