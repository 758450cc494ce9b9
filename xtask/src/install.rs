//! Installs what the build and the tests need, skipping whatever is already there at the right version.
//! Only the package registries are reachable here, so every tool comes from one: crates.io, npm, Debian.

use crate::cmd::{self, output, root, run};

/// Trunk 0.22 needs a newer rustc than this project's 1.95.
const TRUNK_VERSION: &str = "0.21.14";

/// `wasm-split-cli`, from the crate of that name that cargo-leptos uses for the same job.
const WASM_SPLIT_VERSION: &str = "0.2.4";

/// The wasm target, trunk, wasm-split-cli, wasm-bindgen-cli at the Cargo.lock version, and wasm-opt and axe-core from npm.
pub fn build_tools() -> Result<(), String> {
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown") {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"])?;
    }

    if output("trunk", &["--version"]).as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        run("cargo", &["install", "trunk", "--locked", "--version", TRUNK_VERSION])?;
    }

    // The CLI must match the library exactly. Installed without --locked: its own lock file names a crate
    // version the registry here does not have, and resolution fails.
    let bindgen = wasm_bindgen_version()?;
    if output("wasm-bindgen", &["--version"]).as_deref() != Some(&format!("wasm-bindgen {bindgen}")) {
        run("cargo", &["install", "wasm-bindgen-cli", "--version", &bindgen])?;
    }

    // The release build's code splitting (build.rs). Its version must know wasm-bindgen's (0.2.4 reads 0.2.128+).
    let installed = output("cargo", &["install", "--list"]).unwrap_or_default();
    if !installed.lines().any(|l| l.starts_with(&format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:"))) {
        run(
            "cargo",
            &[
                "install",
                "wasm_split_cli_support",
                "--locked",
                "--features",
                "build-binary",
                "--version",
                WASM_SPLIT_VERSION,
            ],
        )?;
    }

    // wasm-opt comes from npm's binaryen: Debian's (108) and the wasm-opt crate are too old for this Rust.
    // Installed again when the lock file names other versions than those installed (an upgraded axe-core).
    let tools = root().join("tools/node_modules");
    let locked = std::fs::read_to_string(root().join("tools/package-lock.json")).unwrap_or_default();
    let installed = std::fs::read_to_string(tools.join(".package-lock.json")).unwrap_or_default();
    let current =
        ["binaryen", "axe-core"].iter().all(|name| locked_version(&locked, name) == locked_version(&installed, name));
    if !tools.join(".bin/wasm-opt").exists() || !tools.join("axe-core/axe.min.js").exists() || !current {
        run("npm", &["ci", "--prefix", "tools", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

/// The version an npm lock file gives `node_modules/NAME`: the first `"version"` after its key.
fn locked_version<'a>(lock: &'a str, name: &str) -> Option<&'a str> {
    let entry = &lock[lock.find(&format!("\"node_modules/{name}\""))?..];
    let value = entry[entry.find("\"version\"")?..].split('"').nth(3)?;
    Some(value)
}

/// Debian's Chromium and ChromeDriver; browser downloads by test tools do not work here.
pub fn browser() -> Result<(), String> {
    let have = |path: &str| std::path::Path::new(path).exists();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let driver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    if have(&chromium) && have(&driver) {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Debian's nginx and its brotli module, for the browser test that runs `deploy/nginx.conf` itself. Where services
/// can start, installing nginx also starts Debian's own server on port 80 (unless the port is taken, when the
/// package leaves it stopped); the test never uses it: it runs its own nginx, with its own pid file, on a free port.
pub fn nginx() -> Result<(), String> {
    let have = |path: &str| std::path::Path::new(path).exists();
    let nginx = std::env::var("NGINX").unwrap_or_else(|_| "/usr/sbin/nginx".into());
    // The path deploy/nginx.conf loads it from.
    if have(&nginx) && have("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so") {
        return Ok(());
    }
    apt_install(&["nginx", "libnginx-mod-http-brotli-static"])
}

/// Debian packages, as root (this project's machines run as root).
pub fn apt_install(packages: &[&str]) -> Result<(), String> {
    if output("id", &["-u"]).as_deref() != Some("0") {
        return Err(format!("please install {} (apt-get install {0}); installing needs root", packages.join(" ")));
    }
    let mut update = cmd::command("apt-get", &["update", "-q"]);
    update.env("DEBIAN_FRONTEND", "noninteractive");
    println!("xtask: apt-get update");
    update.status().map_err(|e| format!("apt-get update: {e}"))?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(packages);
    println!("xtask: apt-get {}", args.join(" "));
    let status = cmd::command("apt-get", &args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .map_err(|e| format!("apt-get: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("apt-get install {} failed", packages.join(" ")))
    }
}

/// The wasm-bindgen version Cargo.lock resolved, which the CLI must equal.
fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen version".into())
}
