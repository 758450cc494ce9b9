//! Whether `dist/` is already the build of what is on disk, so that `cargo xtask run` on an unchanged tree serves
//! in seconds instead of compiling, splitting and optimizing every module again.
//!
//! The stamp is a hash of the build's inputs (the sources, the style, `index.html`, `boot.js`, the manifests and
//! Cargo.lock, the precompressor, the npm lock that pins wasm-opt, this build's own recipe, the flags, and the
//! versions of rustc, wasm-bindgen, wasm-split-cli and Node) beside a hash of the `dist/` it built. It is kept in
//! `target/split/`, not in `dist/`, which is served and shipped. Anything that differs, `dist/` included (a
//! file changed, added or gone), means a full build.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::{output, root};

/// Folders of the workspace whose every file is an input.
const INPUT_FOLDERS: [&str; 2] = ["src", "style"];
/// Single files that are inputs (a missing one counts as such).
const INPUT_FILES: [&str; 6] =
    ["Cargo.toml", "Cargo.lock", "index.html", "boot.js", "tools/precompress.mjs", "tools/package-lock.json"];
/// How the build is done: a change to the recipe is a change to the output.
const RECIPE: [&str; 3] = [include_str!("build.rs"), include_str!("css.rs"), include_str!("stamp.rs")];

fn stamp_file() -> PathBuf {
    root().join("target/split/inputs.stamp")
}

/// `true` when the stamp says `dist` was built from the current inputs and `dist` is as that build left it.
pub fn unchanged(dist: &Path) -> bool {
    let recorded = fs::read_to_string(stamp_file()).unwrap_or_default();
    !recorded.is_empty() && current(dist).is_ok_and(|now| now == recorded)
}

/// Records that `dist` is the build of the current inputs.
pub fn record(dist: &Path) -> Result<(), String> {
    let stamp = current(dist)?;
    let file = stamp_file();
    fs::create_dir_all(file.parent().ok_or("a folder for the stamp")?).map_err(|e| e.to_string())?;
    fs::write(&file, stamp).map_err(|e| format!("{}: {e}", file.display()))
}

fn current(dist: &Path) -> Result<String, String> {
    if !dist.join("index.html").is_file() {
        return Err("no dist".into());
    }
    let inputs = inputs_hash(&root(), &tool_versions())?;
    let built = tree_hash(dist, &files_under(dist)?)?;
    Ok(format!("inputs {inputs:016x}\ndist {built:016x}\n"))
}

/// The versions of the tools whose output lands in `dist/`, and the flags they are given, as one text.
fn tool_versions() -> String {
    let installed = output("cargo", &["install", "--list"]).unwrap_or_default();
    let split = installed.lines().find(|l| l.starts_with("wasm_split_cli_support ")).unwrap_or("no wasm-split-cli");
    let env = |name: &str| std::env::var(name).unwrap_or_default();
    [
        output("rustc", &["-vV"]).unwrap_or_default(),
        output("wasm-bindgen", &["--version"]).unwrap_or_default(),
        split.to_string(),
        output("node", &["--version"]).unwrap_or_default(),
        crate::build::rust_flags(),
        env("RUSTFLAGS"),
        env("CARGO_ENCODED_RUSTFLAGS"),
    ]
    .join("\n")
}

/// A hash of every input under `root` (names and contents), the recipe and `tools`.
pub fn inputs_hash(root: &Path, tools: &str) -> Result<u64, String> {
    let mut files = Vec::new();
    for folder in INPUT_FOLDERS {
        files.extend(files_under(&root.join(folder))?.into_iter().map(|f| Path::new(folder).join(f)));
    }
    files.extend(INPUT_FILES.iter().map(PathBuf::from));
    let mut hash = Fnv::new();
    hash.write(tree_hash(root, &files)?.to_le_bytes().as_slice());
    for part in RECIPE.iter().chain([&tools]) {
        hash.write(part.as_bytes());
        hash.write(&[0]);
    }
    Ok(hash.finish())
}

/// A hash of `files` (relative to `base`) by name and contents, in name order; a missing file hashes as such.
fn tree_hash(base: &Path, files: &[PathBuf]) -> Result<u64, String> {
    let mut files = files.to_vec();
    files.sort();
    let mut hash = Fnv::new();
    for file in files {
        hash.write(file.to_string_lossy().as_bytes());
        match fs::read(base.join(&file)) {
            Ok(bytes) => {
                hash.write(&(bytes.len() as u64).to_le_bytes());
                hash.write(&bytes);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => hash.write(b"\0missing"),
            Err(e) => return Err(format!("{}: {e}", base.join(&file).display())),
        }
    }
    Ok(hash.finish())
}

/// Every file under `dir`, relative to it (none when it does not exist).
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else { return Ok(files) };
    for entry in entries.flatten() {
        let name = PathBuf::from(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            files.extend(files_under(&entry.path())?.into_iter().map(|inner| name.join(inner)));
        } else {
            files.push(name);
        }
    }
    Ok(files)
}

/// FNV-1a, 64 bits: enough to tell two builds apart (not a security hash).
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("xtask-stamp-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(root.join("src/pages")).unwrap();
        fs::create_dir_all(root.join("style")).unwrap();
        for (file, text) in [
            ("src/lib.rs", "mod pages;"),
            ("src/pages/mod.rs", "//"),
            ("style/main.css", "a{}"),
            ("index.html", "<html>"),
            ("boot.js", "//"),
            ("Cargo.toml", "[package]"),
            ("Cargo.lock", "# lock"),
        ] {
            fs::write(root.join(file), text).unwrap();
        }
        root
    }

    #[test]
    fn the_same_inputs_give_the_same_stamp_and_any_change_another() {
        let root = tree("inputs");
        let first = inputs_hash(&root, "rustc 1.95").unwrap();
        assert_eq!(first, inputs_hash(&root, "rustc 1.95").unwrap());
        assert_ne!(first, inputs_hash(&root, "rustc 1.96").unwrap(), "a tool's version");

        let changes: [(&str, Option<&str>); 5] = [
            ("src/pages/mod.rs", Some("// changed")),
            ("src/pages/new.rs", Some("")),
            ("style/main.css", None),
            ("Cargo.lock", Some("# updated")),
            ("tools/precompress.mjs", Some("// now there")),
        ];
        let mut seen = vec![first];
        for (file, text) in changes {
            match text {
                Some(text) => {
                    fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
                    fs::write(root.join(file), text).unwrap();
                }
                None => fs::remove_file(root.join(file)).unwrap(),
            }
            let now = inputs_hash(&root, "rustc 1.95").unwrap();
            assert!(!seen.contains(&now), "{file} changed, the stamp did not");
            seen.push(now);
        }
        // Something that is not an input (a test, the README) changes nothing.
        fs::write(root.join("README.md"), "x").unwrap();
        assert_eq!(inputs_hash(&root, "rustc 1.95").unwrap(), *seen.last().unwrap());
        fs::remove_dir_all(root).ok();
    }

    #[test]
    fn a_changed_dist_is_told_apart() {
        let root = tree("dist");
        let dist = root.join("src");
        let before = tree_hash(&dist, &files_under(&dist).unwrap()).unwrap();
        fs::write(dist.join("pages/mod.rs"), "changed").unwrap();
        assert_ne!(before, tree_hash(&dist, &files_under(&dist).unwrap()).unwrap());
        fs::remove_dir_all(root).ok();
    }
}
