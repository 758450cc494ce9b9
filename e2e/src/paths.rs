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
