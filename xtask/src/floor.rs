//! `cargo xtask floor`: the floor under the dashboard's first load, measured.
//!
//! Builds e2e/floor (the least a Leptos app must do to show the projects screen's rows) the way the dashboard
//! is built: same crates at the same versions, same `wasm-release` profile and flags, wasm-bindgen, `wasm-opt
//! -Oz`, a hashed folder served `immutable`, brotli and gzip twins. Then runs the bench's side-by-side part
//! (`GEAI_BENCH_FIRST_LOAD_ONLY`) with it in the dashboard's place. Its figures are what the dashboard's
//! framework costs before any of the dashboard's own code: the dashboard cannot do better than them.

use std::fs;

use crate::bench::anchor;
use crate::build::{compile_for_browser, content_hash, copy, optimize_modules, recreate, s};
use crate::cmd::{command, root, run};
use crate::install;

const FLOOR: &str = "geai-floor";

pub fn floor() -> Result<(), String> {
    install::build_tools()?;
    install::browser()?;
    let anchor = anchor()?;
    let dist = build()?;
    println!(
        "xtask: measuring the floor app beside react-admin; the bench's \"dashboard\" figures below are the floor's"
    );
    let status = command(
        "cargo",
        &["run", "--release", "--quiet", "--package", "geai-e2e", "--bin", "bench", "--", &s(&dist), &s(&anchor)],
    )
    .env("GEAI_BENCH_FIRST_LOAD_ONLY", "1")
    .status()
    .map_err(|e| format!("cargo: {e}"))?;
    status.success().then_some(()).ok_or_else(|| format!("the bench failed ({status})"))
}

/// Builds the floor app into target/floor/dist and returns that folder.
fn build() -> Result<std::path::PathBuf, String> {
    let source = root().join("e2e/floor");
    let (app, dist) = (root().join("target/floor/app"), root().join("target/floor/dist"));
    recreate(&app)?;
    let wasm = compile_for_browser(FLOOR, &["--package", FLOOR])?;
    strip_link_sections(&wasm)?;
    run("wasm-bindgen", &["--target", "web", "--no-typescript", "--out-dir", &s(&app), &s(&wasm)])?;
    optimize_modules(&app)?;
    copy(&source.join("boot.js"), &app)?;

    let folder = format!("app-{:016x}", content_hash(&app)?);
    recreate(&dist)?;
    fs::rename(&app, dist.join(&folder)).map_err(|e| e.to_string())?;
    let page = fs::read_to_string(source.join("index.html")).map_err(|e| format!("e2e/floor/index.html: {e}"))?;
    fs::write(dist.join("index.html"), page.replace("FOLDER", &folder)).map_err(|e| e.to_string())?;
    run("node", &[&s(&root().join("tools/precompress.mjs")), &s(&dist)])?;
    Ok(dist)
}

/// Drops the custom sections `--emit-relocs` adds (`linking`, `reloc.*`, most of the file): the dashboard's split
/// reads and drops them, and nothing here does. Building the floor without that flag instead would rebuild
/// every crate the two share.
fn strip_link_sections(wasm: &std::path::Path) -> Result<(), String> {
    let bytes = fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let leb = |bytes: &[u8], at: &mut usize| -> Result<usize, String> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let byte = *bytes.get(*at).ok_or("a truncated wasm module")?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    };
    // The 8-byte header (magic and version), then sections: an id byte, a LEB128 size, the contents.
    let mut kept = bytes.get(..8).ok_or("not a wasm module")?.to_vec();
    let mut at = 8;
    while at < bytes.len() {
        let start = at;
        let id = bytes[at];
        at += 1;
        let size = leb(&bytes, &mut at)?;
        let (contents, end) = (at, at + size);
        let name = if id == 0 {
            let mut name_at = contents;
            let length = leb(&bytes, &mut name_at)?;
            bytes.get(name_at..name_at + length).map(|n| String::from_utf8_lossy(n).to_string()).unwrap_or_default()
        } else {
            String::new()
        };
        if !(id == 0 && (name == "linking" || name.starts_with("reloc."))) {
            kept.extend_from_slice(bytes.get(start..end).ok_or("a truncated wasm module")?);
        }
        at = end;
    }
    fs::write(wasm, kept).map_err(|e| format!("{}: {e}", wasm.display()))
}
