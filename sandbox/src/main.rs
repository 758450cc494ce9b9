//! The `geai-sandbox` command: parses flags, binds, prints the URL and tokens, serves until ctrl-c.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use geai_sandbox::config::{Config, Dialect, LogEnd, SeedConfig};
use geai_sandbox::{banner, serve, Sandbox};

/// A local, stateful stand-in for the GeneXus Enterprise AI Organization API.
///
/// Serves /v1/organization/..., /v1/accessControl/apitoken/validate, /v1/analytics/..., and the newer
/// /v2/projects/tokens, /v2/usageLimits/... and /v2/accessControl/... calls with seeded demo data, both token scopes and the platform's
/// error codes; beside them, the Arcee platform API v2 (/v2/whoami, /v2/tokens, ..., with `X-Token: <arcee api
/// key>`). Faults: send `X-Sandbox-Fault: status=503|delay=MS|malformed-json|html|drop` on a request, or POST a
/// rule to /__sandbox/faults (see sandbox/README.md).
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: SocketAddr,
    /// Which generation of the API to imitate.
    #[arg(long, value_enum, default_value_t = Dialect::Geai)]
    dialect: Dialect,
    /// A built dashboard (Trunk's dist/) to serve on the same origin; unknown non-API paths get its index.html.
    #[arg(long, value_name = "DIR")]
    dist: Option<PathBuf>,
    /// Milliseconds to wait before every API response.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency: u64,
    /// JSON snapshot to load at start (seeded and written if missing) and save atomically after every change.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Seed of the demo data: the same seed and sizes give the same ids, tokens and request logs.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Number of seeded projects.
    #[arg(long, default_value_t = 8)]
    projects: usize,
    /// Number of assistants in each seeded project.
    #[arg(long, default_value_t = 4)]
    assistants: usize,
    /// Number of logged requests in each seeded project, one about every 37 s (generated on demand; a million
    /// costs no memory). The default reaches back about 107 days.
    #[arg(long, default_value_t = SeedConfig::DEMO_REQUESTS)]
    requests: u64,
    /// When the seeded request logs end: `now` (when the sandbox is seeded, so they reach back from today) or
    /// `fixed` (2025-11-20T12:00:00 UTC, the same data every day). A state file keeps the clock it was seeded with.
    #[arg(long, value_enum, default_value_t = LogEnd::Now)]
    log_end: LogEnd,
    /// Answer no CORS headers: a dashboard served from another origin is refused by the browser, as by an
    /// installation that does not allow its origin (to see what the connect screen says then).
    #[arg(long)]
    no_cors: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let config = Config {
        dialect: args.dialect,
        seed: SeedConfig {
            seed: args.seed,
            projects: args.projects,
            assistants_per_project: args.assistants,
            requests_per_project: args.requests,
            log_end: args.log_end,
        },
        latency: Duration::from_millis(args.latency),
        dist: args.dist,
        state_file: args.state,
        no_cors: args.no_cors,
    };
    match run(config, args.addr).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("geai-sandbox: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config, addr: SocketAddr) -> Result<(), String> {
    if let Some(dist) = &config.dist {
        if !dist.join("index.html").is_file() {
            return Err(format!("{} has no index.html (build the dashboard first)", dist.display()));
        }
    }
    let sandbox = Sandbox::new(config).map_err(|e| format!("loading the state: {e}"))?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("binding {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("{}", banner(&sandbox, local));
    let shutdown = async {
        // If ctrl-c cannot be listened for, the server still runs; it is then stopped by a signal.
        let _ = tokio::signal::ctrl_c().await;
    };
    serve(listener, sandbox, shutdown).await.map_err(|e| e.to_string())
}
