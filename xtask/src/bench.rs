//! `cargo xtask bench`: the release build's asset sizes (raw and gzip), then the screen and API timings
//! measured by the `bench` program of the e2e crate in headless Chromium.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::build::{dashboard, dist_dir};
use crate::cmd::run;
use crate::install;

/// The first-load budget the product promises.
const FIRST_LOAD_BUDGET_GZIP: u64 = 150 * 1024;

pub fn bench() -> Result<(), String> {
    install::build_tools()?;
    install::browser()?;
    if crate::cmd::output("wrk", &["--version"]).is_none() && !std::path::Path::new("/usr/bin/wrk").exists() {
        install::apt_install(&["wrk"])?;
    }
    dashboard()?;
    print_sizes()?;
    let dist = dist_dir();
    run(
        "cargo",
        &["run", "--release", "--quiet", "--package", "geai-e2e", "--bin", "bench", "--", &dist.to_string_lossy()],
    )
}

fn print_sizes() -> Result<(), String> {
    let mut assets: Vec<(String, u64, u64)> = Vec::new();
    let entries = std::fs::read_dir(dist_dir()).map_err(|e| format!("dist: {e}"))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let twin = path.extension().is_some_and(|e| e == "br" || e == "gz");
        if !path.is_file() || twin {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        assets.push((entry.file_name().to_string_lossy().to_string(), bytes.len() as u64, gzip_size(&bytes)?));
    }
    assets.sort_by_key(|asset| std::cmp::Reverse(asset.1));
    println!("\nasset sizes (release build, dist/)");
    println!("{:<44} {:>10} {:>10}", "file", "raw B", "gzip -9 B");
    for (name, raw, gzip) in &assets {
        println!("{name:<44} {raw:>10} {gzip:>10}");
    }
    let (raw, gzip) = assets.iter().fold((0, 0), |(r, g), (_, raw, gzip)| (r + raw, g + gzip));
    println!("{:<44} {raw:>10} {gzip:>10}", "total");
    let verdict = if gzip <= FIRST_LOAD_BUDGET_GZIP { "within" } else { "OVER" };
    println!(
        "first load: {:.1} KiB gzip, {verdict} the {} KiB budget\n",
        gzip as f64 / 1024.0,
        FIRST_LOAD_BUDGET_GZIP / 1024
    );
    Ok(())
}

/// Bytes after `gzip -9`, as a server would send them with gzip content encoding.
fn gzip_size(bytes: &[u8]) -> Result<u64, String> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip stdin")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer.join().map_err(|_| "gzip writer panicked")?.map_err(|e| e.to_string())?;
    Ok(out.stdout.len() as u64)
}
