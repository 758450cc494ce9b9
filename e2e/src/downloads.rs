//! Files the dashboard saves: each test gets a folder of its own for the browser's downloads, and waits there
//! for the file to be written whole.

use std::path::{Path, PathBuf};

use crate::Dashboard;

/// An empty folder for `name`'s downloads (of this test process).
pub fn download_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("geai-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a download folder");
    dir
}

/// Waits for a file in `dir` whose name ends with `suffix` and has content; returns (its name, its text).
pub async fn downloaded(app: &Dashboard, dir: &Path, suffix: &str) -> (String, String) {
    app.browser
        .wait_until("the downloaded file", || async {
            let entry =
                std::fs::read_dir(dir).ok()?.flatten().find(|e| e.file_name().to_string_lossy().ends_with(suffix))?;
            let text = std::fs::read_to_string(entry.path()).ok().filter(|text| !text.is_empty())?;
            Some((entry.file_name().to_string_lossy().to_string(), text))
        })
        .await
}
