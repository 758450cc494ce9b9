//! Deploying: Debian's nginx runs `deploy/nginx.conf` itself in front of an installation (a sandbox serving only
//! the API), and must do what `geai-sandbox --dist` does: precompressed files by Accept-Encoding, cache headers,
//! the page's security headers, the app's routes answered with the page, the API passed through. deploy/README.md
//! must show the deploy configurations as they are. The release bundle (`cargo xtask dist`) unpacks into the build
//! and those configurations, and nginx serves it so.

use geai_e2e::nginx::Nginx;
use geai_e2e::{paths, Browser};
use geai_sandbox::config::Config;
use geai_sandbox::model::ProjectStatus;
use geai_sandbox::{LocalServer, Sandbox};
use reqwest::Method;

/// The headers a production server must get right, compared between nginx and the sandbox.
const SERVED_HEADERS: [&str; 9] = [
    "cache-control",
    "content-encoding",
    "vary",
    "content-security-policy",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
    "x-content-type-options",
];

/// nginx with the shipped configuration, in front of `installation`.
struct Deployment {
    nginx: Nginx,
    installation: LocalServer,
}

async fn deploy() -> Deployment {
    let installation = serve(Config::default()).await;
    let nginx = Nginx::start(&paths::dist(), &installation.url).await;
    Deployment { nginx, installation }
}

async fn serve(config: Config) -> LocalServer {
    let sandbox = Sandbox::new(config).expect("a sandbox");
    LocalServer::start(sandbox).await.expect("serving on 127.0.0.1")
}

async fn get(url: &str, accept_encoding: &str) -> reqwest::Response {
    // reqwest here has no decompression: the body arrives exactly as the server sent it.
    let response = reqwest::Client::new().get(url).header("accept-encoding", accept_encoding).send().await;
    response.unwrap_or_else(|e| panic!("GET {url}: {e}"))
}

/// `SERVED_HEADERS` of a response, `vary` lower-cased (its case means nothing), and the body as sent.
async fn served(response: reqwest::Response) -> (Vec<(&'static str, String)>, Vec<u8>) {
    assert_eq!(response.status(), 200, "{}", response.url());
    let headers = response.headers();
    let value = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let headers =
        SERVED_HEADERS.map(|name| (name, if name == "vary" { value(name).to_lowercase() } else { value(name) }));
    (headers.to_vec(), response.bytes().await.expect("a body").to_vec())
}

fn header<'a>(headers: &'a [(&str, String)], name: &str) -> &'a str {
    headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()).unwrap_or_default()
}

/// The files the build made, as paths under dist (`index.html`, `app-<hash>/geai-admin_bg.wasm`), without their
/// .br and .gz twins.
fn built_files(dist: &std::path::Path) -> Vec<String> {
    files_under(dist, false)
}

/// The files under `dir` as paths relative to it, sorted, with or without the `.br` and `.gz` twins.
fn files_under(dir: &std::path::Path, with_twins: bool) -> Vec<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the folder is readable").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.path().is_dir() {
            files.extend(files_under(&entry.path(), with_twins).into_iter().map(|inner| format!("{name}/{inner}")));
        } else if with_twins || (!name.ends_with(".br") && !name.ends_with(".gz")) {
            files.push(name);
        }
    }
    files.sort();
    files
}

/// A file in the build's folder (`app-0123456789abcdef/…`), which is named by a hash of its contents.
fn is_hashed(path: &str) -> bool {
    path.split_once('/').is_some_and(|(folder, _)| folder.starts_with("app-"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nginx_serves_the_build_precompressed_with_the_sandboxs_cache_and_security_headers() {
    let deployment = deploy().await;
    assert_serves_like_the_sandbox(&deployment.nginx.url, &paths::dist()).await;
}

/// `server`, serving `dist`, sends every built file and a few app routes in each encoding as built, with the
/// cache and security headers, exactly as `geai-sandbox --dist` does; and a module missing from the build is a 404.
async fn assert_serves_like_the_sandbox(server: &str, dist: &std::path::Path) {
    let reference = serve(Config { dist: Some(dist.to_path_buf()), ..Config::default() }).await;
    let files = built_files(dist);
    assert!(files.iter().any(|f| f.ends_with("_bg.wasm")), "a built dashboard: {files:?}");
    let page = std::fs::read_to_string(dist.join("index.html")).expect("index.html");

    let app_routes = ["/", "/projects/abc", "/projects/abc/edit?tab=1"];
    let paths = files.iter().map(|f| format!("/{f}")).chain(app_routes.map(String::from));
    for path in paths {
        let file = match path.strip_prefix('/') {
            Some(name) if files.iter().any(|f| f == name) => name,
            _ => "index.html",
        };
        for (accepts, encoding, twin) in [("br, gzip", "br", ".br"), ("gzip", "gzip", ".gz"), ("identity", "", "")] {
            let (headers, body) = served(get(&format!("{server}{path}"), accepts).await).await;
            let what = format!("{path} accepting {accepts}");
            let expected = std::fs::read(dist.join(format!("{file}{twin}"))).expect("the built file");
            assert!(body == expected, "{what}: not {file}{twin} as built");
            assert_eq!(header(&headers, "content-encoding"), encoding, "{what}");
            assert_eq!(header(&headers, "vary"), "accept-encoding", "{what}");
            let cache = if is_hashed(file) { "public, max-age=31536000, immutable" } else { "no-cache" };
            assert_eq!(header(&headers, "cache-control"), cache, "{what}");
            assert_eq!(header(&headers, "x-content-type-options"), "nosniff", "{what}");
            if file == "index.html" {
                let policy = header(&headers, "content-security-policy");
                let meta =
                    policy.strip_suffix("; frame-ancestors 'none'").unwrap_or_else(|| panic!("{what}: {policy}"));
                assert!(page.contains(&format!("content=\"{meta}\"")), "{what}: the policy is index.html's: {policy}");
                assert_eq!(header(&headers, "x-frame-options"), "DENY", "{what}");
            } else {
                assert_eq!(header(&headers, "content-security-policy"), "", "{what}: the page's headers only");
            }
            let sandbox = served(get(&format!("{}{path}", reference.url), accepts).await).await;
            assert_eq!(headers, sandbox.0, "{what}: nginx and `geai-sandbox --dist` differ");
            assert!(body == sandbox.1, "{what}: nginx and `geai-sandbox --dist` send different bodies");
        }
    }

    // A module missing from the build is a 404, never the page, which a module loader cannot run.
    let folder =
        files.iter().find_map(|f| f.split_once('/').map(|(folder, _)| folder.to_string())).expect("app-<hash>/");
    for server in [server, &reference.url] {
        let missing = get(&format!("{server}/{folder}/not_built.wasm"), "br, gzip").await;
        assert_eq!(missing.status(), 404, "{server}/{folder}/not_built.wasm");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nginx_passes_the_api_to_the_installation_and_never_answers_it_with_the_page() {
    let deployment = deploy().await;
    let token = deployment.installation.sandbox.tokens().0;
    let (nginx, installation) = (&deployment.nginx.url, &deployment.installation.url);
    let projects = "/v1/organization/projects";

    let proxied = call(Method::GET, &format!("{nginx}{projects}"), &token, None).await;
    assert_eq!(proxied.0, 200);
    assert_eq!(proxied, call(Method::GET, &format!("{installation}{projects}"), &token, None).await);

    for path in ["/v1/organization/nothing", "/v2/nothing"] {
        let (status, body) = call(Method::GET, &format!("{nginx}{path}"), &token, None).await;
        assert_eq!((status, body["errors"][0]["id"].as_u64()), (404, Some(404)), "{path}: {body}");
    }

    // Methods and bodies pass too: a project created through nginx exists at the installation.
    let project = serde_json::json!({ "name": "Behind nginx", "administratorUserEmail": "ana@acme.example" });
    let (status, body) = call(Method::POST, &format!("{nginx}/v1/organization/project"), &token, Some(project)).await;
    assert!((200..300).contains(&status), "{status} {body}");
    let names: Vec<String> =
        deployment.installation.sandbox.read(|s| s.projects.iter().map(|p| p.name.clone()).collect());
    assert!(names.contains(&"Behind nginx".to_string()), "{names:?}");
}

/// `method url` with `token` and a JSON `body`: the status and the JSON answer (which the page is not).
async fn call(method: Method, url: &str, token: &str, body: Option<serde_json::Value>) -> (u16, serde_json::Value) {
    let mut request = reqwest::Client::new().request(method, url).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{url}: {e}"));
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or_else(|e| panic!("{url}: not JSON, so not the API: {e}")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_behind_nginx_connects_and_lists_the_projects() {
    let deployment = deploy().await;
    let sandbox = &deployment.installation.sandbox;
    let (url, token) = (&deployment.nginx.url, sandbox.tokens().0);
    let browser = Browser::start().await;

    browser.goto(&format!("{url}/connect")).await;
    browser.type_into("#base-url", url).await;
    browser.type_into("#organization-token", &token).await;
    browser.click("form button[type=submit]").await;
    let active: Vec<String> = sandbox
        .read(|s| s.projects.iter().filter(|p| p.status == ProjectStatus::Active).map(|p| p.name.clone()).collect());
    let table = browser.wait_for_text("table", &active[0]).await;
    for name in &active {
        assert!(table.contains(name.as_str()), "{name} is listed:\n{table}");
    }
    assert_eq!(browser.location().await, "/projects");

    // The WebAssembly came over the wire as one of its precompressed twins, and Chromium decoded it.
    let sizes = browser
        .eval(
            "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('_bg.wasm'))
                 .map(e => [e.encodedBodySize, e.decodedBodySize])",
        )
        .await;
    let (sent, decoded) = (sizes[0][0].as_u64().unwrap(), sizes[0][1].as_u64().unwrap());
    let dist = paths::dist();
    let wasm = main_wasm(&dist);
    let size = |twin: &str| std::fs::metadata(dist.join(format!("{wasm}{twin}"))).map(|m| m.len()).unwrap_or(0);
    assert_eq!(decoded, size(""), "{sizes}");
    assert!(sent == size(".br") || sent == size(".gz"), "sent {sent} bytes, neither twin: {sizes}");

    // A link into the app loads the page at that path, which then shows the project.
    let project = sandbox.read(|s| s.projects.iter().find(|p| p.name == active[0]).map(|p| p.id.clone())).unwrap();
    browser.goto(&format!("{url}/projects/{project}")).await;
    browser.wait_for_text("h1", &active[0]).await;
}

/// A server that sends the wasm files with another type than application/wasm (an old mime.types, an object
/// store's default): streaming compilation refuses them, so both loaders must fall back to reading the bytes,
/// boot.js for the main module and the split's loader for a lazy screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_starts_and_loads_lazy_screens_when_wasm_is_not_served_as_application_wasm() {
    let installation = serve(Config::default()).await;
    let build_folder = "try_files $uri =404;";
    let nginx = Nginx::start_changed(&paths::dist(), &installation.url, |configuration| {
        assert_eq!(configuration.matches(build_folder).count(), 1, "the build folder's location in deploy/nginx.conf");
        // A location's own `types` replace the inherited ones, so the scripts and the stylesheet keep theirs.
        let types = "types { application/octet-stream wasm; text/javascript js; text/css css; }";
        configuration.replacen(build_folder, &format!("{build_folder}\n            {types}"), 1)
    })
    .await;
    let wasm_type = get(&format!("{}/{}", nginx.url, main_wasm(&paths::dist())), "br, gzip").await;
    assert_eq!(wasm_type.headers()["content-type"], "application/octet-stream", "the server under test");

    let sandbox = &installation.sandbox;
    let browser = Browser::start().await;
    browser.goto(&format!("{}/connect", nginx.url)).await;
    browser.type_into("#base-url", &nginx.url).await;
    browser.type_into("#organization-token", &sandbox.tokens().0).await;
    browser.click("form button[type=submit]").await;
    let first = sandbox.read(|s| s.projects.iter().find(|p| p.status == ProjectStatus::Active).cloned()).unwrap();
    browser.wait_for_text("table", &first.name).await;

    // The project screen is a lazy one: its module and chunks come through the split's loader.
    browser.click(&format!("a[href='/projects/{}']", first.id)).await;
    browser.wait_for_text("main h1", &first.name).await;
    let screens_module = "return performance.getEntriesByType('resource')
        .some(e => e.name.endsWith('/split_organization_screens.wasm'))";
    assert_eq!(browser.eval(screens_module).await, true, "the screen's module came through the split's loader");
}

/// The main wasm's path in `dist`, from its build folder.
fn main_wasm(dist: &std::path::Path) -> String {
    built_files(dist).into_iter().find(|f| f.ends_with("_bg.wasm")).expect("the wasm")
}

/// `cargo xtask dist`'s archive, unpacked as a person would: `geai-admin-VERSION/` with the build, its twins, the
/// configurations and INSTALL; then nginx runs the bundle's own nginx.conf on the bundle's dist/ (only its CHANGE
/// places changed, as INSTALL says) and serves it as the sandbox does, with the API passed through.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_release_bundle_unpacks_into_the_build_and_configurations_that_nginx_serves() {
    let bundle = paths::bundle();
    let unpacked = std::env::temp_dir().join(format!("geai-e2e-bundle-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&unpacked);
    std::fs::create_dir_all(&unpacked).expect("a folder to unpack into");
    let tar = std::process::Command::new("tar").arg("-xzf").arg(&bundle).arg("-C").arg(&unpacked).status();
    assert!(tar.expect("tar runs").success(), "tar -xzf {}", bundle.display());

    let name = bundle.file_name().unwrap().to_string_lossy().trim_end_matches(".tar.gz").to_string();
    assert!(name.starts_with("geai-admin-"), "{name}");
    assert_eq!(files_under(&unpacked, true).iter().filter(|f| !f.starts_with(&format!("{name}/"))).count(), 0);
    let folder = unpacked.join(&name);
    let mut top: Vec<String> =
        std::fs::read_dir(&folder).unwrap().flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect();
    top.sort();
    assert_eq!(top, ["Caddyfile", "INSTALL", "dist", "nginx.conf"]);
    let root = paths::workspace_root();
    for file in ["Caddyfile", "INSTALL", "nginx.conf"] {
        let shipped = std::fs::read(root.join("deploy").join(file)).expect("deploy/ has it");
        assert!(std::fs::read(folder.join(file)).unwrap() == shipped, "{file} is deploy/{file}");
    }
    let install = std::fs::read_to_string(folder.join("INSTALL")).unwrap();
    assert!(install.contains("CHANGE") && install.contains("dist/"), "INSTALL says what to change and copy");

    // The build whole, twins included, byte for byte.
    let (dist, built) = (folder.join("dist"), paths::dist());
    let files = files_under(&dist, true);
    assert_eq!(files, files_under(&built, true), "the bundle's dist/ is the build");
    for file in &files {
        assert!(std::fs::read(dist.join(file)).unwrap() == std::fs::read(built.join(file)).unwrap(), "{file}");
    }
    for file in built_files(&dist).iter().filter(|f| f.ends_with(".wasm") || f.ends_with(".js") || f.ends_with(".html"))
    {
        assert!(files.contains(&format!("{file}.br")) && files.contains(&format!("{file}.gz")), "{file}'s twins");
    }

    let installation = serve(Config::default()).await;
    let nginx = Nginx::start_from(&folder.join("nginx.conf"), &dist, &installation.url, |conf| conf).await;
    assert_serves_like_the_sandbox(&nginx.url, &dist).await;
    let token = installation.sandbox.tokens().0;
    let (status, body) = call(Method::GET, &format!("{}/v1/organization/projects", nginx.url), &token, None).await;
    assert_eq!(status, 200, "{body}");
    drop(nginx);
    std::fs::remove_dir_all(&unpacked).ok();
}

#[test]
fn the_deploy_readme_shows_the_configurations_as_they_are() {
    let root = paths::workspace_root();
    let readme = std::fs::read_to_string(root.join("deploy/README.md")).expect("deploy/README.md");
    for (file, language) in [("deploy/nginx.conf", "nginx"), ("deploy/Caddyfile", "caddyfile")] {
        let config = std::fs::read_to_string(root.join(file)).expect("the configuration");
        assert!(
            readme.contains(&format!("```{language}\n{config}```\n")),
            "deploy/README.md must show {file} verbatim, in a ```{language} block"
        );
    }
}
