//! `cargo xtask dist`: the release bundle, `target/geai-admin-VERSION.tar.gz`, what a person unpacks on a web server
//! with no Rust toolchain: `geai-admin-VERSION/` with `dist/` (the built dashboard and its `.br` and `.gz` twins),
//! `nginx.conf`, `Caddyfile` and `INSTALL` (from deploy/). GNU tar and gzip (Debian's) make the archive: the xtask
//! has no dependencies, so that it builds in seconds on a fresh machine.

use std::fs;
use std::path::{Path, PathBuf};

use crate::build::{copy, dist_dir, recreate, s};
use crate::cmd::{quiet, root};

/// What deploy/ gives the bundle, beside `dist/`.
const DEPLOY_FILES: [&str; 3] = ["INSTALL", "nginx.conf", "Caddyfile"];

/// Bundles `dist/` as built; returns the archive's path.
pub fn make() -> Result<PathBuf, String> {
    let name =
        format!("geai-admin-{}", version(&fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?)?);
    let staging = root().join("target/bundle");
    recreate(&staging)?;
    let folder = staging.join(&name);
    copy_tree(&dist_dir(), &folder.join("dist"))?;
    for file in DEPLOY_FILES {
        copy(&root().join("deploy").join(file), &folder)?;
    }
    let archive = root().join(format!("target/{name}.tar.gz"));
    // Sorted, and owned by nobody in particular: the same build gives the same listing on any machine.
    let options = ["--create", "--gzip", "--sort=name", "--owner=0", "--group=0", "--numeric-owner"];
    let (archive_text, staging_text) = (s(&archive), s(&staging));
    quiet("tar", &[&options[..], &["--file", &archive_text, "--directory", &staging_text, &name]].concat())?;
    println!("xtask: release bundle {}", archive.display());
    Ok(archive)
}

/// The `version` of the workspace root's `[package]` (the dashboard's).
pub fn version(manifest: &str) -> Result<String, String> {
    let package = &manifest[manifest.find("[package]").ok_or("Cargo.toml has no [package]")?..];
    let line = package.lines().find_map(|l| l.trim().strip_prefix("version = \"")).ok_or("[package] has no version")?;
    Ok(line.trim_end_matches('"').to_string())
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?.flatten() {
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        } else {
            copy(&entry.path(), to)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_version_is_the_packages() {
        let manifest = "[workspace]\nmembers = []\n\n[package]\nname = \"geai-admin\"\nversion = \"0.1.0\"\n";
        assert_eq!(super::version(manifest).unwrap(), "0.1.0");
    }
}
