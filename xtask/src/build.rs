//! The dashboard's release build, with route-level code splitting.
//!
//! Trunk runs wasm-bindgen itself, so it has no place for the split; this build runs the steps in order:
//!
//! 1. `cargo build` of the `split` feature (src/screens.rs), linked with relocations kept, which the
//!    splitter needs to see which function calls which;
//! 2. `wasm-split-cli`: the main module, one module per split point or group of them (`split_*.wasm`, see
//!    src/screens.rs), the code several of them share (`chunk_*.wasm`), and `__wasm_split.js`, which loads them
//!    (rewritten to load them whatever type a server gives them: `tolerate_any_wasm_type`);
//! 3. `wasm-bindgen` on the main module (`--keep-lld-exports`: the split modules import from it);
//! 4. `wasm-opt -Oz` on every module, after the split (it would drop the relocations the split needs);
//! 5. all of it, with `boot.js` and the CSS (without its comments: `css.rs`), into `dist/app-<hash>/`, named by a hash of the contents: every
//!    file under it may be cached for good (the modules import each other by relative paths, so the folder
//!    is what carries the hash), and `dist/index.html` names that folder;
//! 6. a brotli and a gzip twin of every file, which servers send as they are.
//!
//! When the build's inputs have not changed since `dist/` was built (`stamp.rs`), nothing is done. The tools
//! after cargo speak only when they fail: wasm-opt's warnings about name sections are noise on success.
//!
//! `trunk serve` stays the development loop: without the `split` feature the lazy screens are ordinary ones.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::cmd::{checked, command, quiet, root};
use crate::stamp;

/// The JS module wasm-bindgen writes (and the base name of its `_bg.wasm`).
const APP: &str = "geai-admin";
/// The folder under `$CARGO_HOME/registry/src` that holds crates.io's sources.
const CRATES_IO_SOURCES: &str = "index.crates.io-1949cf8c6b5b557f";
/// wasm-opt's feature flags: what wasm32-unknown-unknown emits with Rust 1.95 (the same as index.html's).
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn dashboard() -> Result<(), String> {
    if stamp::unchanged(&dist_dir()) {
        println!("xtask: dashboard unchanged since dist/ was built from the same inputs: not rebuilt");
        return Ok(());
    }
    let work = root().join("target/split");
    let (split, bindgen, app) = (work.join("split"), work.join("bindgen"), work.join("app"));
    for dir in [&split, &bindgen, &app] {
        recreate(dir)?;
    }

    let raw = compile()?;
    quiet("wasm-split-cli", &[&s(&raw), &s(&split), "--target", "web", "--out-name", APP])?;
    quiet(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--keep-lld-exports",
            "--no-demangle",
            "--no-typescript",
            "--out-name",
            APP,
            "--out-dir",
            &s(&bindgen),
            &s(&split.join(format!("{APP}.wasm"))),
        ],
    )?;
    copy(&bindgen.join(format!("{APP}.js")), &app)?;
    copy(&bindgen.join(format!("{APP}_bg.wasm")), &app)?;
    for entry in fs::read_dir(&split).map_err(|e| e.to_string())?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name == "__wasm_split.js" || name.starts_with("split_") || name.starts_with("chunk_") {
            copy(&entry.path(), &app)?;
        }
    }
    check_split(&app)?;
    tolerate_any_wasm_type(&app.join("__wasm_split.js"))?;
    optimize_modules(&app)?;
    copy(&root().join("boot.js"), &app)?;
    let css = fs::read_to_string(root().join("style/main.css")).map_err(|e| format!("style/main.css: {e}"))?;
    fs::write(app.join("main.css"), crate::css::minify(&css)).map_err(|e| e.to_string())?;

    let folder = format!("app-{:016x}", content_hash(&app)?);
    let dist = dist_dir();
    recreate(&dist)?;
    copy_dir(&app, &dist.join(&folder))?;
    let page = fs::read_to_string(root().join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    fs::write(dist.join("index.html"), production_page(&page, &folder)).map_err(|e| e.to_string())?;
    quiet("node", &[&s(&root().join("tools/precompress.mjs")), &s(&dist)])?;
    stamp::record(&dist)?;
    println!("xtask: dashboard built into {} ({folder})", dist.display());
    Ok(())
}

/// The app compiled for the browser, with the relocations `wasm-split-cli` reads.
fn compile() -> Result<PathBuf, String> {
    compile_for_browser(APP, &["--bin", APP, "--features", "split"])
}

/// `cargo build` for the browser in the `wasm-release` profile with [`rust_flags`], of what `selection` picks
/// (package, binary, features); returns the `artifact`'s `.wasm`. Every wasm build uses the same flags, so that
/// one does not rebuild the crates another built (cargo's fingerprint covers the flags).
pub fn compile_for_browser(artifact: &str, selection: &[&str]) -> Result<PathBuf, String> {
    let mut args = vec!["build", "--target", "wasm32-unknown-unknown", "--profile", "wasm-release"];
    args.extend(selection);
    println!("xtask: cargo {}", args.join(" "));
    let status = command("cargo", &args)
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS", rust_flags())
        .status()
        .map_err(|e| format!("cargo: {e}"))?;
    if !status.success() {
        return Err(format!("cargo build of {artifact} failed ({status})"));
    }
    Ok(root().join(format!("target/wasm32-unknown-unknown/wasm-release/{artifact}.wasm")))
}

/// `--emit-relocs` for the split; and source paths made relative, since panic messages carry them into the
/// first load (`/root/.cargo/registry/src/index.crates.io-…/` is 60 bytes a time). The flags must not depend on
/// what is on disk at the time: a change of flags rebuilds every crate.
pub fn rust_flags() -> String {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    let registry = cargo_home.join("registry/src");
    [
        "-Clink-args=--emit-relocs".to_string(),
        format!("--remap-path-prefix={}/=", registry.display()),
        // crates.io's folder, whose name cargo derives from the index URL; the later prefix wins where both match.
        format!("--remap-path-prefix={}/=", registry.join(CRATES_IO_SOURCES).display()),
        format!("--remap-path-prefix={}/=", root().display()),
    ]
    .join(" ")
}

/// A split that silently did nothing leaves an app that cannot start (its JS imports a placeholder module):
/// fail the build instead.
fn check_split(app: &Path) -> Result<(), String> {
    let js = fs::read_to_string(app.join(format!("{APP}.js"))).map_err(|e| e.to_string())?;
    if js.contains("__wasm_split_placeholder__") || !js.contains("./__wasm_split.js") {
        return Err(format!("{APP}.js does not load the split modules: the split did not happen"));
    }
    let screens = fs::read_dir(app).map_err(|e| e.to_string())?.flatten();
    if !screens.into_iter().any(|e| e.file_name().to_string_lossy().starts_with("split_")) {
        return Err("wasm-split-cli wrote no screen module".into());
    }
    Ok(())
}

/// What the split's loader calls to instantiate a module, and its replacement (see [`tolerate_any_wasm_type`]).
const STREAMING_INSTANTIATE: &str = "WebAssembly.instantiateStreaming(src, imports)";
const TOLERANT_INSTANTIATE: &str = "instantiateWhateverItsType(src, imports)";
const TOLERANT_INSTANTIATE_FUNCTION: &str = r#"
// Added by `cargo xtask build` (xtask/src/build.rs). instantiateStreaming fails unless the server sends the wasm as
// exactly application/wasm, and a server with an old mime.types, or an object store's default type, sends another:
// every lazy screen would then fail to load. Like wasm-bindgen's loader of the main module, read the bytes instead.
async function instantiateWhateverItsType(source, imports) {
    const response = await source;
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    // The browser's own test: the whole value, trimmed, in any case; no parameters.
    const type = (response.headers.get("Content-Type") || "").trim().toLowerCase();
    if (type === "application/wasm") return WebAssembly.instantiateStreaming(response, imports);
    return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
"#;

/// Makes the split's loader (`__wasm_split.js`, generated by wasm-split-cli) load modules whatever type the
/// server gives them, as the main module already loads. Fails the build if the loader no longer has the call
/// this rewrites, so that a new wasm-split-cli cannot silently undo it.
fn tolerate_any_wasm_type(loader: &Path) -> Result<(), String> {
    let js = fs::read_to_string(loader).map_err(|e| format!("{}: {e}", loader.display()))?;
    if !js.contains(STREAMING_INSTANTIATE) {
        return Err(format!("{} has no `{STREAMING_INSTANTIATE}` to make tolerant: see build.rs", loader.display()));
    }
    let tolerant = js.replace(STREAMING_INSTANTIATE, TOLERANT_INSTANTIATE) + TOLERANT_INSTANTIATE_FUNCTION;
    // Only the helper's own call may be left: another form of the call would still refuse other types.
    if tolerant.matches("instantiateStreaming(").count() != 1 {
        return Err(format!("{} calls instantiateStreaming in a form build.rs does not rewrite", loader.display()));
    }
    fs::write(loader, tolerant).map_err(|e| format!("{}: {e}", loader.display()))
}

/// `wasm-opt -Oz` on every module, two at a time (the machine's cores; each run is a Node process).
pub fn optimize_modules(app: &Path) -> Result<(), String> {
    let modules: Vec<PathBuf> = fs::read_dir(app)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    println!("xtask: wasm-opt -Oz on {} modules", modules.len());
    for pair in modules.chunks(2) {
        let children: Vec<_> = pair
            .iter()
            .map(|module| {
                let mut args = vec!["-Oz", "--quiet"];
                args.extend(WASM_FEATURES);
                let path = s(module);
                let mut child = command("wasm-opt", &args);
                child.args([&path, "-o", &path]).stdout(Stdio::piped()).stderr(Stdio::piped());
                child.spawn().map(|child| (module, child))
            })
            .collect::<Result<_, _>>()
            .map_err(|e| format!("wasm-opt: {e}"))?;
        for (module, child) in children {
            let out = child.wait_with_output().map_err(|e| e.to_string())?;
            checked(&format!("wasm-opt on {}", module.display()), out)?;
        }
    }
    Ok(())
}

/// `index.html` for production: Trunk's `<link data-trunk …/>` directives give way to the stylesheet, the
/// loader, and preloads of the modules and the main wasm, fetched in parallel with boot.js instead of after it
/// (`__wasm_split.js` is imported by the app's module, so it would otherwise wait for that one to arrive).
fn production_page(page: &str, folder: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find("<link") {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e + 1);
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        if !tag.contains("data-trunk") {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    let base = format!("/{folder}");
    let assets = format!(
        "<link rel=\"stylesheet\" href=\"{base}/main.css\" />\n    \
         <link rel=\"modulepreload\" href=\"{base}/{APP}.js\" />\n    \
         <link rel=\"modulepreload\" href=\"{base}/__wasm_split.js\" />\n    \
         <link rel=\"preload\" href=\"{base}/{APP}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin />\n    \
         <script type=\"module\" src=\"{base}/boot.js\" data-app-js=\"{base}/{APP}.js\" data-app-wasm=\"{base}/{APP}_bg.wasm\"></script>\n  "
    );
    // Blank lines left where the directives were are dropped.
    let out: String = out.lines().filter(|l| !l.trim().is_empty()).map(|l| format!("{l}\n")).collect();
    out.replacen("</head>", &format!("  {assets}</head>"), 1)
}

/// FNV-1a over the files' names and bytes, in name order: enough to tell two builds apart (not a security
/// hash; the folder name only has to change when any file does).
pub fn content_hash(dir: &Path) -> Result<u64, String> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir).map_err(|e| e.to_string())?.flatten().map(|e| e.path()).collect();
    names.sort();
    let mut hash = stamp::Fnv::new();
    for path in names {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        hash.write(name.as_bytes());
        hash.write(&fs::read(&path).map_err(|e| e.to_string())?);
    }
    Ok(hash.finish())
}

pub fn recreate(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("removing {}: {e}", dir.display()))?;
    }
    fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))
}

pub fn copy(file: &Path, into: &Path) -> Result<(), String> {
    let name = file.file_name().ok_or("a file name")?;
    fs::copy(file, into.join(name)).map(drop).map_err(|e| format!("copying {}: {e}", file.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| e.to_string())?.flatten() {
        copy(&entry.path(), to)?;
    }
    Ok(())
}

pub fn s(path: &Path) -> String {
    path.to_string_lossy().to_string()
}

#[cfg(test)]
mod tests {
    use super::production_page;

    #[test]
    fn trunk_directives_give_way_to_the_built_assets() {
        let page = "<html><head>\n<meta charset=\"utf-8\" />\n<link data-trunk rel=\"css\" href=\"style/main.css\" />\n\
                    <link\n  data-trunk\n  rel=\"rust\"\n/>\n<link rel=\"icon\" href=\"x\" />\n</head><body></body></html>";
        let built = production_page(page, "app-0123456789abcdef");
        assert!(!built.contains("data-trunk"), "{built}");
        assert!(built.contains("<link rel=\"icon\" href=\"x\" />"), "other links stay");
        assert!(built.contains("href=\"/app-0123456789abcdef/main.css\""));
        assert!(built.contains("src=\"/app-0123456789abcdef/boot.js\""));
        assert!(built.contains("data-app-wasm=\"/app-0123456789abcdef/geai-admin_bg.wasm\""));
        assert!(built.find("boot.js").unwrap() < built.find("</head>").unwrap());
    }
}
