//! `cargo xtask <command>`: the project's two README commands and its benchmark.
//!
//! - `run [SANDBOX FLAGS]`: installs what is missing, builds the dashboard (release), and starts geai-sandbox
//!   serving it and the API on one origin; it prints the URL and the tokens. Quick the second time: an unchanged
//!   tree is not built again (stamp.rs).
//! - `run --upstream URL [--arcee-upstream URL] [--upstream-ca FILE] [--addr ADDR]`: the same dashboard served by
//!   geai-serve (serve/), with the API of a real installation forwarded on the same origin.
//! - `test`: checks the formatting, clippy (native and wasm32, warnings denied) and the layers of `src/`, then
//!   installs what is missing (including Chromium and nginx), builds the dashboard, runs every test.
//! - `build`: the release build into `dist/` (code-split, precompressed; see build.rs).
//! - `dist`: the build, with the nginx and Caddy configurations and INSTALL, as `target/geai-admin-VERSION.tar.gz`
//!   (bundle.rs).
//! - `bench`: builds the dashboard and prints asset sizes and screen timings.
//! - `floor`: builds and measures, beside react-admin, the least a Leptos app must do to show the projects
//!   screen (e2e/floor): the floor under the dashboard's first load.

mod bench;
mod build;
mod bundle;
mod cmd;
mod css;
mod floor;
mod install;
mod layers;
mod stamp;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let result = match command.as_str() {
        "run" => run(&rest),
        "test" => test(),
        "bench" => bench::bench(),
        "floor" => floor::floor(),
        "build" => install::build_tools().and_then(|()| build::dashboard()),
        "dist" => install::build_tools().and_then(|()| build::dashboard()).and_then(|()| bundle::make().map(drop)),
        _ => Err(format!(
            "usage: cargo xtask <run [SANDBOX FLAGS] | run --upstream URL [FLAGS] | test | bench | floor | build | dist>\n\
             (got {command:?}; the flags are listed by `cargo run -p geai-sandbox -- --help` and \
             `cargo run -p geai-serve -- --help`)"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The sandbox serving the dashboard or, with `--upstream`, geai-serve forwarding to a real installation; the
/// flags go to whichever it is (both listen on 127.0.0.1:8787 unless given `--addr`).
fn run(flags: &[String]) -> Result<(), String> {
    install::build_tools()?;
    build::dashboard()?;
    let upstream = flags.iter().any(|f| f == "--upstream" || f.starts_with("--upstream="));
    let package = if upstream {
        println!(
            "xtask: starting geai-serve; open the URL below and paste your installation's token (ctrl-c stops it)"
        );
        "geai-serve"
    } else {
        println!("xtask: starting geai-sandbox; open the URL below and paste the organization token (ctrl-c stops it)");
        "geai-sandbox"
    };
    let dist = build::s(&build::dist_dir());
    let mut args = vec!["run", "--release", "--quiet", "--package", package, "--", "--dist", &dist];
    args.extend(flags.iter().map(String::as_str));
    cmd::run("cargo", &args)
}

fn test() -> Result<(), String> {
    gates()?;
    install::build_tools()?;
    install::browser()?;
    install::nginx()?;
    build::dashboard()?;
    let dist = build::dist_dir();
    let bundle = bundle::make()?;
    // --no-fail-fast: a failing suite must not hide the results of the others.
    cmd::cargo_test(
        &["test", "--workspace", "--no-fail-fast", "--color", "never"],
        &[("GEAI_DIST", dist.as_os_str()), ("GEAI_BUNDLE", bundle.as_os_str())],
    )
}

/// What a change must pass before any test runs: rustfmt's layout, clippy with warnings denied on the native
/// workspace and on the dashboard as the browser gets it (wasm32, code-split), and the layers of `src/`.
fn gates() -> Result<(), String> {
    cmd::run("cargo", &["fmt", "--all", "--", "--check"]).map_err(|e| format!("{e}\n(run `cargo fmt --all`)"))?;
    cmd::run("cargo", &["clippy", "--workspace", "--all-targets", "--color", "never", "--", "-D", "warnings"])?;
    let targets = cmd::output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        cmd::run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }
    let wasm = ["clippy", "--package", "geai-admin", "--target", "wasm32-unknown-unknown", "--features", "split"];
    cmd::run("cargo", &[&wasm[..], &["--color", "never", "--", "-D", "warnings"]].concat())?;
    layers::check(&cmd::root().join("src"))?;
    println!("xtask: formatting, clippy and layers are clean");
    Ok(())
}
