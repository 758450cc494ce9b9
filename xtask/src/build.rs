//! The dashboard's release build.

use std::path::PathBuf;

use crate::cmd::{root, run};

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// `trunk build --release --offline`: the tools are installed already, and Trunk's own downloads fail here.
pub fn dashboard() -> Result<(), String> {
    run("trunk", &["build", "--release", "--offline"])
}
