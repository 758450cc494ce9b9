//! `cargo xtask <command>`: the project's two README commands and its benchmark.
//!
//! - `run [SANDBOX FLAGS]`: installs what is missing, builds the dashboard (release), and starts geai-sandbox
//!   serving it and the API on one origin; it prints the URL and the tokens.
//! - `test`: checks the formatting, clippy (native and wasm32, warnings denied) and the layers of `src/`, then
//!   installs what is missing (including Chromium and nginx), builds the dashboard, runs every test.
//! - `build`: the release build into `dist/` (code-split, precompressed; see build.rs).
//! - `bench`: builds the dashboard and prints asset sizes and screen timings.
//! - `floor`: builds and measures, beside react-admin, the least a Leptos app must do to show the projects
//!   screen (e2e/floor): the floor under the dashboard's first load.

mod bench;
mod build;
mod cmd;
mod css;
mod floor;
mod install;
mod layers;

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
        _ => Err(format!(
            "usage: cargo xtask <run [SANDBOX FLAGS] | test | bench | floor | build>\n\
             (got {command:?}; sandbox flags are listed by `cargo run -p geai-sandbox -- --help`)"
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

fn run(sandbox_flags: &[String]) -> Result<(), String> {
    install::build_tools()?;
    build::dashboard()?;
    println!("xtask: starting geai-sandbox; open the URL below and paste the organization token (ctrl-c stops it)");
    let mut args = vec!["run", "--release", "--quiet", "--package", "geai-sandbox", "--", "--dist"];
    let dist = build::dist_dir();
    let dist = dist.to_string_lossy().to_string();
    args.push(&dist);
    args.extend(sandbox_flags.iter().map(String::as_str));
    cmd::run("cargo", &args)
}

fn test() -> Result<(), String> {
    gates()?;
    install::build_tools()?;
    install::browser()?;
    install::nginx()?;
    build::dashboard()?;
    let dist = build::dist_dir();
    // --no-fail-fast: a failing suite must not hide the results of the others.
    cmd::cargo_test(&["test", "--workspace", "--no-fail-fast", "--color", "never"], &[("GEAI_DIST", dist.as_os_str())])
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
