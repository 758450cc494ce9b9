//! Failed calls: the server's message, Retry, connecting again and coming back.

use std::path::{Path, PathBuf};

use geai_e2e::{paths, Dashboard};
use geai_sandbox::config::Config;
use geai_sandbox::journal::Outcome;

const PROJECTS: &str = "/v1/organization/projects";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_error_shows_its_message_and_retry_recovers() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.inject_fault("GET", PROJECTS, "status=500", 1);
    app.browser.reload().await;
    let panel = app.browser.wait_for_text(".error-panel", "The server failed (HTTP 500)").await;
    assert!(panel.contains("Internal Server Error (error 500)"), "{panel}");
    app.browser.click(".error-panel button").await;
    app.wait_for_projects(&app.active_project_names()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxy_html_page_and_a_dropped_connection_read_clearly() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.inject_fault("GET", PROJECTS, "html", 1);
    app.browser.reload().await;
    app.browser.wait_for_text(".error-panel", "HTML page: \u{201c}502 Bad Gateway\u{201d}").await;

    // Until cleared: Chromium silently retries a GET whose reused keep-alive connection closes without an
    // answer, once per idle connection, so a counted drop can be used up before the app sees it.
    app.inject_fault("GET", PROJECTS, "drop", None);
    app.browser.click(".error-panel button").await;
    app.browser.wait_for_text(".error-panel", "could not be reached").await;
    app.sandbox.faults().clear();

    app.inject_fault("GET", PROJECTS, "malformed-json", 1);
    app.browser.click(".error-panel button").await;
    app.browser.wait_for_text(".error-panel", "could not be read").await;
    app.browser.click(".error-panel button").await;
    app.wait_for_project_rows().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_asks_to_connect_again_and_comes_back_to_the_same_view() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.open("/projects?q=leg&hidden=1").await;
    app.wait_for_projects(&["Legacy Chatbot".to_string(), "Legal Review".to_string()]).await;
    app.inject_fault("GET", PROJECTS, "status=401", 1);
    app.browser.reload().await;
    app.browser.wait_for_text(".error-panel", "rejected the token").await;
    app.browser.click(".error-panel a").await;
    app.browser
        .wait_until("the connect screen", || async {
            app.browser.location().await.starts_with("/connect").then_some(())
        })
        .await;
    app.submit_connect_form(&app.organization_token(), "").await;
    app.browser
        .wait_until("the same view again", || async {
            (app.browser.location().await == "/projects?q=leg&hidden=1").then_some(())
        })
        .await;
    app.wait_for_projects(&["Legacy Chatbot".to_string(), "Legal Review".to_string()]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_server_shows_loading_first() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.inject_fault("GET", PROJECTS, "delay=1500", 1);
    app.browser.reload().await;
    app.browser.wait_for_text("main", "Loading projects").await;
    app.wait_for_projects(&app.active_project_names()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_a_screen_aborts_its_request() {
    let app = Dashboard::start().await;
    app.connect_with_organization_token().await;
    app.sandbox.journal().clear();
    app.inject_fault("GET", PROJECTS, "delay=4000", 1);
    app.browser.reload().await;
    app.browser.wait_for_text("main", "Loading projects").await;
    app.browser.click("nav a[href='/connect']").await;
    app.browser.wait_for_text("main h1", "Connect").await;
    // Without the abort the sandbox would answer it after its delay; with it, the browser hangs up first.
    app.wait_for_request(PROJECTS, Outcome::Abandoned).await;
}

/// A copy of the built dashboard that a test may change (remove a file, put it back), deleted when dropped.
struct DistCopy(PathBuf);

impl DistCopy {
    fn new() -> Self {
        let copy = std::env::temp_dir().join(format!(
            "geai-e2e-dist-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        copy_dir(&paths::dist(), &copy);
        Self(copy)
    }

    /// The paths, in the copy, of the build folder's `name` and its `.br` and `.gz` twins.
    fn build_file(&self, name: &str) -> Vec<PathBuf> {
        let folder = std::fs::read_dir(&self.0)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.is_dir() && p.file_name().unwrap().to_string_lossy().starts_with("app-"))
            .expect("the build folder");
        ["", ".br", ".gz"].map(|twin| folder.join(format!("{name}{twin}"))).to_vec()
    }

    /// Removes the build folder's `names` and their twins; returns each removed file with its bytes.
    fn remove(&self, names: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
        let files: Vec<PathBuf> = names.iter().flat_map(|name| self.build_file(name)).collect();
        files
            .into_iter()
            .map(|file| {
                let bytes = std::fs::read(&file).unwrap();
                std::fs::remove_file(&file).unwrap();
                (file, bytes)
            })
            .collect()
    }
}

fn restore(files: &[(PathBuf, Vec<u8>)]) {
    for (file, bytes) in files {
        std::fs::write(file, bytes).unwrap();
    }
}

impl Drop for DistCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A screen whose code cannot be fetched (here: gone, as when a new build replaced the one the tab started
/// from) says so in its place and offers a reload; the app keeps working, also after the failed background
/// preload; and once the code can be fetched again, the next visit shows the screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_screen_whose_code_cannot_be_fetched_says_so_and_the_app_keeps_working() {
    let dist = DistCopy::new();
    let removed = dist.remove(&["split_organization_screens.wasm"]);
    let app = Dashboard::start_with(Config { dist: Some(dist.0.clone()), ..Config::default() }).await;
    app.connect_with_organization_token().await;
    // A start with the session in place, so that the background preload (1.5 s after start) is of the
    // Organization API's screens, and past it: it fails.
    app.browser.reload().await;
    app.wait_for_project_rows().await;
    tokio::time::sleep(std::time::Duration::from_millis(2_000)).await;

    let project = app.active_project_names()[0].clone();
    app.browser.click(&format!("a[href='/projects/{}']", app.project_id(&project))).await;
    app.browser.wait_for_text("main h1", "This screen could not be loaded").await;
    let alert = app.browser.text("main [role=alert]").await;
    assert!(alert.contains("a new version of the dashboard was published"), "{alert}");
    assert_eq!(app.browser.text("main [role=alert] button").await, "Reload");
    app.audit_accessibility("screen not loaded").await;

    // The rest of the app still answers.
    app.browser.click("nav a[href='/projects']").await;
    app.wait_for_projects(&app.active_project_names()).await;

    // The code is back: the next visit fetches it again and shows the screen.
    restore(&removed);
    app.browser.click(&format!("a[href='/projects/{}']", app.project_id(&project))).await;
    app.browser.wait_for_text("main h1", &project).await;
}

/// The palette's and Spanish's code cannot be fetched: opening the palette says so and leaves it closed,
/// choosing Español says so and stays in English, and the app keeps working. With the code back, both work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_palette_and_spanish_say_so_when_their_code_cannot_be_fetched() {
    let dist = DistCopy::new();
    let palette_module = dist.remove(&["split_palette_dialog.wasm"]);
    let spanish_module = dist.remove(&["split_spanish_texts.wasm"]);
    let app = Dashboard::start_with(Config { dist: Some(dist.0.clone()), ..Config::default() }).await;
    app.connect_with_organization_token().await;
    let palette_open = "return !!document.querySelector('#command-palette[open]')";
    let choose_spanish = "const s = document.querySelector('#language-choice'); s.value = 'es';
                          s.dispatchEvent(new Event('change')); return true";

    app.browser.click(".palette-button").await;
    app.wait_for_toast("The command palette could not be loaded").await;
    assert_eq!(app.browser.eval(palette_open).await, false);
    // With the code back, Ctrl+K (which toggles) opens it: the failed opening closed the palette, and the
    // next one fetched again.
    restore(&palette_module);
    app.browser.client.active_element().await.unwrap().send_keys("\u{e009}k").await.unwrap();
    app.browser
        .wait_until("the palette open", || async { (app.browser.eval(palette_open).await == true).then_some(()) })
        .await;
    app.browser.client.active_element().await.unwrap().send_keys("\u{e00c}").await.unwrap();

    app.browser.eval(choose_spanish).await;
    app.wait_for_toast("Espa\u{f1}ol could not be loaded").await;
    assert_eq!(app.browser.eval("return document.querySelector('#language-choice').value").await, "en");
    assert_eq!(app.browser.eval("return document.documentElement.lang").await, "en");
    app.wait_for_projects(&app.active_project_names()).await;

    // A tab that would start in Spanish (the remembered choice) starts in English, and says why.
    app.browser.eval("localStorage.setItem('geai-admin.language', 'es'); return true").await;
    app.browser.reload().await;
    app.wait_for_toast("Espa\u{f1}ol could not be loaded").await;
    app.wait_for_projects(&app.active_project_names()).await;
    assert_eq!(app.browser.eval("return document.documentElement.lang").await, "en");

    // With the code back, choosing Español switches.
    restore(&spanish_module);
    app.browser.eval(choose_spanish).await;
    app.browser.wait_for_text("main h1", "Proyectos").await;
}
