//! Where the harness finds what it needs; each can be overridden by an environment variable.

use std::path::PathBuf;

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The built dashboard: `GEAI_DIST`, else `dist/` at the workspace root (what `cargo xtask test` builds).
pub fn dist() -> PathBuf {
    let dist = std::env::var_os("GEAI_DIST").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "no built dashboard at {}: run `cargo xtask test`, which builds it before the browser tests",
        dist.display()
    );
    dist
}

/// The release bundle: `GEAI_BUNDLE`, else `target/geai-admin-VERSION.tar.gz` (what `cargo xtask dist` and
/// `cargo xtask test` make), VERSION being the dashboard's.
pub fn bundle() -> PathBuf {
    let bundle = std::env::var_os("GEAI_BUNDLE").map(PathBuf::from).unwrap_or_else(|| {
        let manifest = std::fs::read_to_string(workspace_root().join("Cargo.toml")).expect("Cargo.toml");
        let package = &manifest[manifest.find("[package]").expect("the dashboard's [package]")..];
        let version = package.lines().find_map(|l| l.trim().strip_prefix("version = \"")).expect("its version");
        workspace_root().join(format!("target/geai-admin-{}.tar.gz", version.trim_end_matches('"')))
    });
    assert!(
        bundle.is_file(),
        "no release bundle at {}: run `cargo xtask dist` (or `cargo xtask test`)",
        bundle.display()
    );
    bundle
}

pub fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map(PathBuf::from).unwrap_or_else(|| "/usr/bin/chromium".into())
}

pub fn chromedriver() -> PathBuf {
    std::env::var_os("CHROMEDRIVER").map(PathBuf::from).unwrap_or_else(|| "/usr/bin/chromedriver".into())
}

/// axe-core, installed from npm into tools/ by `cargo xtask`.
pub fn axe_script() -> PathBuf {
    workspace_root().join("tools/node_modules/axe-core/axe.min.js")
}
