//! The `--state FILE` snapshot: loaded at start, rewritten after every change.
//!
//! Written to a temporary file beside the target, flushed to disk, then renamed over it: a rename within one
//! directory is atomic, so a crash leaves either the old snapshot or the new one, never half of one.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::store::Store;

pub fn load(path: &Path) -> io::Result<Option<Store>> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", path.display()))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn save(path: &Path, store: &Store) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(store).map_err(io::Error::other)?;
    let mut temp_name = path.file_name().unwrap_or_default().to_os_string();
    temp_name.push(".tmp");
    let temp = path.with_file_name(temp_name);
    {
        let mut file = fs::File::create(&temp)?;
        file.write_all(&json)?;
        file.sync_all()?;
    }
    fs::rename(&temp, path)
}
