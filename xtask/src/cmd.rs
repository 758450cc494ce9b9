//! Running commands, with the project's tool folders on PATH.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").canonicalize().expect("the workspace root")
}

/// PATH with the npm tools (wasm-opt) and cargo's bin folder (trunk, wasm-bindgen) in front.
pub fn path_with_tools() -> std::ffi::OsString {
    let mut dirs = vec![root().join("tools/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("a valid PATH")
}

pub fn command(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command.args(args).current_dir(root()).env("PATH", path_with_tools());
    command
}

/// Runs a command to its end, failing if it fails.
pub fn run(program: &str, args: &[&str]) -> Result<(), String> {
    println!("xtask: {program} {}", args.join(" "));
    let status = command(program, args).status().map_err(|e| format!("cannot run {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Runs a command to its end with its output held back: shown only if it fails. For tools whose warnings are
/// noise on success (wasm-opt's "unknown name subsection"), but whose every word matters on failure.
pub fn quiet(program: &str, args: &[&str]) -> Result<(), String> {
    println!("xtask: {program} {}", args.join(" "));
    let out = command(program, args).output().map_err(|e| format!("cannot run {program}: {e}"))?;
    checked(&format!("{program} {}", args.join(" ")), out)
}

/// `Ok` for a command's output when it succeeded; else its stdout and stderr are printed and it is an error.
pub fn checked(what: &str, out: std::process::Output) -> Result<(), String> {
    if out.status.success() {
        return Ok(());
    }
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    Err(format!("`{what}` failed ({})", out.status))
}

/// What a command prints, if it runs and succeeds.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program, args).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Runs `cargo test`, passing its output through, and closes with one line that adds up every test binary's
/// `test result:` line: `xtask test: N passed, N failed`.
pub fn cargo_test(args: &[&str], env: &[(&str, &OsStr)]) -> Result<(), String> {
    println!("xtask: cargo {}", args.join(" "));
    let mut command = command("cargo", args);
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.stdout(Stdio::piped()).spawn().map_err(|e| format!("cannot run cargo: {e}"))?;
    let (mut passed, mut failed, mut ignored) = (0u64, 0u64, 0u64);
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(summary) = line.strip_prefix("test result: ") {
                passed += count(summary, " passed");
                failed += count(summary, " failed");
                ignored += count(summary, " ignored");
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    println!("xtask test: {passed} passed, {failed} failed, {ignored} skipped");
    if status.success() {
        Ok(())
    } else {
        Err(format!("tests failed ({status})"))
    }
}

/// The number before `label` in a `test result:` line, e.g. `ok. 12 passed; 0 failed; ...`.
fn count(summary: &str, label: &str) -> u64 {
    summary
        .split(';')
        .find(|part| part.ends_with(label))
        .and_then(|part| part.trim_end_matches(label).rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn reads_cargo_test_summaries() {
        let line = "ok. 12 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.70s";
        assert_eq!((count(line, " passed"), count(line, " failed"), count(line, " ignored")), (12, 1, 2));
    }
}
