//! Debian's nginx running the production configuration, `deploy/nginx.conf`, in the foreground from a temporary
//! prefix, killed when the `Nginx` is dropped.
//!
//! The configuration is used as shipped except for its three CHANGE places (port, dashboard files,
//! installation) and what a server in a temporary folder needs: its own pid file, logs and temporary files.

use std::net::TcpStream;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::browser::{free_port, PATIENCE};
use crate::paths;

/// Debian's binary; `NGINX` overrides it.
pub fn binary() -> PathBuf {
    std::env::var_os("NGINX").map(PathBuf::from).unwrap_or_else(|| "/usr/sbin/nginx".into())
}

pub struct Nginx {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    process: Child,
    prefix: PathBuf,
}

impl Nginx {
    /// Serves `dist` and passes `/v1/` and `/v2/` to `installation` (e.g. `http://127.0.0.1:PORT`).
    pub async fn start(dist: &Path, installation: &str) -> Self {
        Self::start_changed(dist, installation, |configuration| configuration).await
    }

    /// As [`Nginx::start`], with the configuration passed through `change` first: for a test of a server
    /// configured otherwise than the shipped file.
    pub async fn start_changed(dist: &Path, installation: &str, change: impl FnOnce(String) -> String) -> Self {
        let shipped = paths::workspace_root().join("deploy/nginx.conf");
        Self::start_from(&shipped, dist, installation, change).await
    }

    /// As [`Nginx::start_changed`], from the configuration at `template` (the copy in a release bundle).
    pub async fn start_from(
        template: &Path,
        dist: &Path,
        installation: &str,
        change: impl FnOnce(String) -> String,
    ) -> Self {
        let nginx = binary();
        assert!(
            nginx.exists(),
            "{} is missing: run `cargo xtask test`, which installs Debian's nginx and libnginx-mod-http-brotli-static",
            nginx.display()
        );
        let port = free_port();
        let prefix = std::env::temp_dir().join(format!("geai-e2e-nginx-{}-{port}", std::process::id()));
        let template =
            std::fs::read_to_string(template).unwrap_or_else(|e| panic!("{} is readable: {e}", template.display()));
        let configuration = change(configure(&template, port, dist, installation, &prefix));
        std::fs::create_dir_all(&prefix).expect("a prefix folder for nginx");
        let conf = prefix.join("nginx.conf");
        std::fs::write(&conf, configuration).expect("write nginx.conf");

        let log = prefix.join("error.log");
        let stderr = std::fs::File::create(&log).expect("an error log");
        let mut command = Command::new(&nginx);
        command
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(&conf)
            // In the foreground, so that the test owns the master process; its errors go to the log file.
            .args(["-g", &format!("daemon off; pid {}; error_log stderr;", prefix.join("nginx.pid").display())])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr);
        // Its own process group, so that Drop can stop the workers too even if the master is gone.
        command.process_group(0);
        let process = command.spawn().unwrap_or_else(|e| panic!("cannot start {}: {e}", nginx.display()));
        let mut server = Self { url: format!("http://127.0.0.1:{port}"), process, prefix };
        server.wait_until_listening(port, &log).await;
        server
    }

    async fn wait_until_listening(&mut self, port: u16, log: &Path) {
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let exited = self.process.try_wait().ok().flatten();
            if exited.is_some() || started.elapsed() > PATIENCE {
                let errors = std::fs::read_to_string(log).unwrap_or_default();
                panic!(
                    "nginx did not start with deploy/nginx.conf ({exited:?}); `cargo xtask test` installs nginx \
                     and its brotli module. Its log:\n{errors}"
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// `deploy/nginx.conf` with its CHANGE places filled in and every file nginx writes moved into `prefix`.
/// Each replaced text must occur exactly once, so that a reworded configuration fails here, loudly, instead
/// of being tested half-changed.
pub fn configure(template: &str, port: u16, dist: &Path, installation: &str, prefix: &Path) -> String {
    let at = |name: &str| prefix.join(name).display().to_string();
    let temp_files = format!(
        "http {{\n    access_log {};\n    client_body_temp_path {};\n    proxy_temp_path {};\n    \
         fastcgi_temp_path {};\n    uwsgi_temp_path {};\n    scgi_temp_path {};\n",
        at("access.log"),
        at("body"),
        at("proxy"),
        at("fastcgi"),
        at("uwsgi"),
        at("scgi"),
    );
    // Run as root (as this project's machines are), the workers would be www-data, who may not be able to
    // read a dist under /root; as the test's own user they read what the test can. Not root: nginx cannot
    // switch users, and the line would only warn.
    let running_as_root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let user = if running_as_root { "user root;" } else { "" };
    let replacements = [
        ("listen 80; # CHANGE", format!("listen 127.0.0.1:{port}; # CHANGE")),
        ("root /srv/geai-admin; # CHANGE", format!("root {}; # CHANGE", dist.display())),
        ("proxy_pass https://api.saia.ai; # CHANGE", format!("proxy_pass {installation}; # CHANGE")),
        ("user www-data;", user.to_string()),
        ("http {\n", temp_files),
    ];
    replacements.iter().fold(template.to_string(), |conf, (from, to)| {
        let found = conf.matches(from).count();
        assert_eq!(found, 1, "deploy/nginx.conf should contain {from:?} once (found {found}): update e2e/src/nginx.rs");
        conf.replacen(from, to, 1)
    })
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // TERM is nginx's fast shutdown: the master stops and reaps its workers, then exits. Sent to the whole
        // group, it reaches the workers even if the master is stuck, which then gets KILL after a grace period.
        let group = format!("-{}", self.process.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.process.try_wait().ok().flatten().is_none() {
            if Instant::now() > deadline {
                let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
                let _ = self.process.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = std::fs::remove_dir_all(&self.prefix);
    }
}
