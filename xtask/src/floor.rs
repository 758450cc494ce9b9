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
    let kept = without_link_sections(&bytes).map_err(|e| format!("{}: {e}", wasm.display()))?;
    fs::write(wasm, kept).map_err(|e| format!("{}: {e}", wasm.display()))
}

/// The module with its `linking` and `reloc.*` custom sections left out; every other byte as it was.
fn without_link_sections(bytes: &[u8]) -> Result<Vec<u8>, String> {
    const HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    if !bytes.starts_with(&HEADER) {
        return Err("not a WebAssembly module (version 1)".into());
    }
    let truncated = || "a truncated or malformed module".to_string();
    // An unsigned LEB128 of at most 32 bits, as wasm's sizes are; moves `at` past it.
    let leb = |at: &mut usize| -> Result<usize, String> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = *bytes.get(*at).ok_or_else(truncated)?;
            *at += 1;
            value |= usize::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(truncated())
    };
    let mut kept = HEADER.to_vec();
    let mut at = HEADER.len();
    // Sections: an id byte, a LEB128 size, the contents (a custom section's start with its name).
    while at < bytes.len() {
        let start = at;
        let id = bytes[at];
        at += 1;
        let size = leb(&mut at)?;
        let end = at.checked_add(size).filter(|end| *end <= bytes.len()).ok_or_else(truncated)?;
        let link_section = id == 0 && {
            let length = leb(&mut at)?;
            let name = at.checked_add(length).and_then(|name_end| bytes.get(at..name_end)).ok_or_else(truncated)?;
            name == b"linking" || name.starts_with(b"reloc.")
        };
        if !link_section {
            kept.extend_from_slice(&bytes[start..end]);
        }
        at = end;
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::without_link_sections;

    /// A custom section: id 0, size, then the name's length and the name, then `contents`.
    fn custom(name: &str, contents: &[u8]) -> Vec<u8> {
        let mut section = vec![0, (1 + name.len() + contents.len()) as u8, name.len() as u8];
        section.extend_from_slice(name.as_bytes());
        section.extend_from_slice(contents);
        section
    }

    #[test]
    fn drops_the_link_sections_and_keeps_every_other_byte() {
        let header = b"\0asm\x01\0\0\0".to_vec();
        let type_section = vec![1, 4, 1, 0x60, 0, 0];
        let module =
            [header.clone(), custom("linking", &[2, 3]), type_section.clone(), custom("reloc.CODE", &[9])].concat();
        let producers = custom("producers", &[7]);
        let with_names = [module, producers.clone()].concat();
        assert_eq!(without_link_sections(&with_names).unwrap(), [header, type_section, producers].concat());
    }

    #[test]
    fn refuses_what_is_not_a_whole_module() {
        assert!(without_link_sections(b"not wasm").is_err());
        // A section that claims more bytes than there are.
        assert!(without_link_sections(&[b"\0asm\x01\0\0\0".as_slice(), &[1, 9, 0]].concat()).is_err());
        // A size whose LEB128 never ends.
        assert!(without_link_sections(
            &[b"\0asm\x01\0\0\0".as_slice(), &[1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80]].concat()
        )
        .is_err());
    }
}
