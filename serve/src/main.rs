//! The `geai-serve` command (`cargo xtask run --upstream URL` starts it): parses and checks the flags, binds,
//! prints where to go, serves until ctrl-c. Every refusal at start is one line on stderr.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use geai_serve::forward::{self, Options, Upstream};

/// The built dashboard on 127.0.0.1, with the API of a real GeneXus Enterprise AI installation on the same origin.
///
/// Forwards /v1/ and /v2/ to --upstream and, with --arcee-upstream, /arcee/v2/ to the Arcee API; every other path
/// is the dashboard, served as in production. Tokens, API keys and cookies are passed on and never printed.
#[derive(Parser, Debug)]
#[command(version, args_override_self = true)]
struct Args {
    /// The installation, e.g. https://api.saia.ai; a path in it prefixes every forwarded path.
    #[arg(long, value_name = "URL")]
    upstream: String,
    /// The Arcee API, e.g. https://api.arcee.ai (with or without its /v2).
    #[arg(long, value_name = "URL")]
    arcee_upstream: Option<String>,
    /// PEM certificates to trust besides the web's usual roots: an installation behind a private CA.
    #[arg(long, value_name = "FILE")]
    upstream_ca: Option<PathBuf>,
    /// The built dashboard (`cargo xtask build` leaves it in dist/).
    #[arg(long, value_name = "DIR")]
    dist: PathBuf,
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: String,
    /// Seconds to wait for a connection to the upstream.
    #[arg(long, value_name = "SECS", default_value_t = forward::CONNECT_TIMEOUT.as_secs())]
    connect_timeout: u64,
    /// Seconds to wait for the upstream's answer to start, and then between two parts of its body.
    #[arg(long, value_name = "SECS", default_value_t = forward::ANSWER_TIMEOUT.as_secs())]
    answer_timeout: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Args::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("geai-serve: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let addr: SocketAddr =
        args.addr.parse().map_err(|e| format!("--addr {:?}: {e} (expected e.g. 127.0.0.1:8787)", args.addr))?;
    let mut options = Options::new(args.dist, Upstream::parse("--upstream", &args.upstream)?);
    options.arcee = args.arcee_upstream.map(|url| Upstream::parse_arcee("--arcee-upstream", &url)).transpose()?;
    options.ca_file = args.upstream_ca;
    options.connect_timeout = Duration::from_secs(args.connect_timeout);
    options.answer_timeout = Duration::from_secs(args.answer_timeout);
    let app = forward::app(&options)?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("--addr {addr}: {e}"))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    println!("{}", forward::banner(local, &options));
    let shutdown = async {
        // If ctrl-c cannot be listened for, the server still runs; it is then stopped by a signal.
        let _ = tokio::signal::ctrl_c().await;
    };
    forward::serve(listener, app, shutdown).await.map_err(|e| e.to_string())
}
