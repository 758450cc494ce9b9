//! `cargo xtask bench`: builds the dashboard and react-admin (the anchor app: what a team would build instead,
//! with the same screens), prints the dashboard's asset sizes, then runs the `bench` program of the e2e
//! crate, which measures both side by side in headless Chromium.

use std::path::{Path, PathBuf};

use crate::build::{dashboard, dist_dir};
use crate::cmd::{command, root, run};
use crate::install;

pub fn bench() -> Result<(), String> {
    install::build_tools()?;
    install::browser()?;
    if crate::cmd::output("wrk", &["--version"]).is_none() && !Path::new("/usr/bin/wrk").exists() {
        install::apt_install(&["wrk"])?;
    }
    dashboard()?;
    let anchor = anchor()?;
    print_sizes()?;
    let (dist, anchor) = (dist_dir().to_string_lossy().to_string(), anchor.to_string_lossy().to_string());
    run("cargo", &["run", "--release", "--quiet", "--package", "geai-e2e", "--bin", "bench", "--", &dist, &anchor])
}

/// The anchor's sources: `GEAI_ANCHOR`, else the shared copy beside this repository. Never written to.
fn anchor_source() -> PathBuf {
    std::env::var_os("GEAI_ANCHOR").map(PathBuf::from).unwrap_or_else(|| root().join("../shared/anchors/react-admin"))
}

/// Copies the anchor to target/anchor/react-admin and builds it there (`npm ci`, `vite build`, then the same
/// brotli and gzip twins as the dashboard's, so that the sandbox serves both alike), unless that copy was
/// built from the same sources: a stamp written after a build lists each source file's size and hash.
/// Returns the anchor's dist.
pub fn anchor() -> Result<PathBuf, String> {
    let source = anchor_source();
    let copy = root().join("target/anchor/react-admin");
    let (dist, stamp) = (copy.join("dist"), copy.join("built-from.txt"));
    let files = source_files(&source, Path::new(""))?;
    let fingerprint = fingerprint(&source, &files)?;
    if dist.join("index.html").is_file() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == fingerprint) {
        println!("xtask: react-admin anchor already built from these sources ({})", dist.display());
        return Ok(dist);
    }
    println!("xtask: building the react-admin anchor from {} in {}", source.display(), copy.display());
    if copy.exists() {
        std::fs::remove_dir_all(&copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    }
    for file in &files {
        let to = copy.join(file);
        std::fs::create_dir_all(to.parent().expect("a folder")).map_err(|e| e.to_string())?;
        // Read and written rather than copied: the shared files are read-only, the copy must not be.
        let bytes = std::fs::read(source.join(file)).map_err(|e| format!("{}: {e}", file.display()))?;
        std::fs::write(&to, bytes).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    run_in(&copy, "npm", &["ci", "--no-audit", "--no-fund"])?;
    run_in(&copy, "npx", &["vite", "build"])?;
    run_in(&copy, "node", &[&root().join("tools/precompress.mjs").to_string_lossy(), "dist"])?;
    std::fs::write(&stamp, fingerprint).map_err(|e| e.to_string())?;
    Ok(dist)
}

fn run_in(dir: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    println!("xtask: (in {}) {program} {}", dir.display(), args.join(" "));
    let status = command(program, args).current_dir(dir).status().map_err(|e| format!("cannot run {program}: {e}"))?;
    status.success().then_some(()).ok_or_else(|| format!("`{program} {}` failed ({status})", args.join(" ")))
}

/// Every file under `dir` (relative to the anchor's root), sorted; installed packages and builds left out.
fn source_files(root: &Path, dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let entries = std::fs::read_dir(root.join(dir)).map_err(|e| format!("{}: {e}", root.join(dir).display()))?;
    for entry in entries.flatten() {
        let path = dir.join(entry.file_name());
        if entry.path().is_dir() {
            if !["node_modules", "dist"].contains(&entry.file_name().to_string_lossy().as_ref()) {
                files.extend(source_files(root, &path)?);
            }
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// One line per file: FNV-1a 64-bit hash, size, path. Enough to tell a changed source from the one built.
fn fingerprint(root: &Path, files: &[PathBuf]) -> Result<String, String> {
    let mut lines = String::new();
    for file in files {
        let bytes = std::fs::read(root.join(file)).map_err(|e| format!("{}: {e}", file.display()))?;
        let hash =
            bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3));
        lines.push_str(&format!("{hash:016x} {:>9} {}\n", bytes.len(), file.display()));
    }
    Ok(lines)
}

/// Files listed one by one, largest first; the rest (a code-split build has a hundred small modules) as one line.
const LISTED: usize = 12;

/// A file of the dist and the sizes of its .gz and .br twins (none for files not worth compressing).
struct Asset {
    name: String,
    raw: u64,
    gzip: Option<u64>,
    brotli: Option<u64>,
}

/// Every file of the dashboard's dist with its precompressed twins: what there is to fetch, not what a first
/// load fetches (the bench measures that from the page).
fn print_sizes() -> Result<(), String> {
    let dist = dist_dir();
    let size = |path: &Path| std::fs::metadata(path).map(|m| m.len()).ok();
    let mut assets = Vec::new();
    for file in source_files(&dist, Path::new(""))? {
        if file.extension().is_some_and(|e| e == "br" || e == "gz") {
            continue;
        }
        let path = dist.join(&file);
        let twin = |suffix: &str| size(&PathBuf::from(format!("{}{suffix}", path.display())));
        let (gzip, brotli) = (twin(".gz"), twin(".br"));
        assets.push(Asset { name: file.display().to_string(), raw: size(&path).unwrap_or(0), gzip, brotli });
    }
    assets.sort_by_key(|asset| std::cmp::Reverse(asset.raw));
    println!("\nasset sizes (release build, every file of dist/; .gz and .br twins as served)");
    println!("{:<44} {:>10} {:>10} {:>10}", "file", "raw B", "gzip B", "brotli B");
    let show = |n: Option<u64>| n.map_or("-".to_string(), |n| n.to_string());
    for a in assets.iter().take(LISTED) {
        println!("{:<44} {:>10} {:>10} {:>10}", a.name, a.raw, show(a.gzip), show(a.brotli));
    }
    let sums = |assets: &[Asset]| {
        let total = |pick: fn(&Asset) -> u64| assets.iter().map(pick).sum::<u64>();
        (total(|a| a.raw), total(|a| a.gzip.unwrap_or(a.raw)), total(|a| a.brotli.unwrap_or(a.raw)))
    };
    if assets.len() > LISTED {
        let (raw, gzip, brotli) = sums(&assets[LISTED..]);
        println!("{:<44} {raw:>10} {gzip:>10} {brotli:>10}", format!("{} smaller files", assets.len() - LISTED));
    }
    let (raw, gzip, brotli) = sums(&assets);
    println!("{:<44} {raw:>10} {gzip:>10} {brotli:>10}\n", format!("total, {} files", assets.len()));
    Ok(())
}
