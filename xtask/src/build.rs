//! The dashboard's release build.

use std::path::PathBuf;

use crate::cmd::{root, run};

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// `trunk build --release --offline` (the tools are installed already, and Trunk's own downloads fail here),
/// then the brotli and gzip twin of every asset, which servers send as they are.
pub fn dashboard() -> Result<(), String> {
    run("trunk", &["build", "--release", "--offline"])?;
    let script = root().join("tools/precompress.mjs");
    run("node", &[&script.to_string_lossy(), &dist_dir().to_string_lossy()])
}
