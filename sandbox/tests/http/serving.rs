//! CORS and the served dashboard.

use super::common::{allowed_headers, small, start};
use geai_sandbox::config::Config;

#[tokio::test]
async fn preflights_from_any_origin_are_answered() {
    let api = start(small()).await;
    let headers = api.preflight("PUT", "/v1/organization/project/abc", "authorization,content-type").await;
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert!(headers["access-control-allow-methods"].to_str().unwrap().contains("PUT"));
    let allowed = allowed_headers(&headers);
    assert!(allowed.contains("authorization") && allowed.contains("content-type"));
}

#[tokio::test]
async fn without_cors_a_preflight_gets_no_cors_header_and_plain_calls_are_still_answered() {
    let api = start(Config { no_cors: true, ..small() }).await;
    for (method, path, headers) in
        [("GET", "/v1/organization/projects", "authorization"), ("POST", "/v2/models/train", "x-token,content-type")]
    {
        let preflight = api.preflight_answer(method, path, headers).await;
        let named: Vec<String> = preflight
            .headers()
            .keys()
            .map(|name| name.as_str().to_string())
            .filter(|name| name.starts_with("access-control-"))
            .collect();
        assert!(named.is_empty(), "{method} {path}: no CORS header at all, got {named:?}");
        let origin = api
            .client
            .get(format!("{}/v1/organization/projects", api.url))
            .header("origin", "http://localhost:8080")
            .bearer_auth(api.organization_token())
            .send()
            .await
            .expect("answered");
        assert_eq!(origin.status(), 200, "a call without a preflight is still answered (the browser hides it)");
        assert!(origin.headers().get("access-control-allow-origin").is_none());
    }
}

#[tokio::test]
async fn dist_is_served_with_index_html_for_app_paths_but_not_for_api_paths() {
    let dist = std::env::temp_dir().join(format!("geai-sandbox-dist-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!DOCTYPE html><title>dashboard</title>").unwrap();
    std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    let api = start(Config { dist: Some(dist.clone()), ..small() }).await;

    let asset = api.client.get(format!("{}/app.js", api.url)).send().await.unwrap();
    assert_eq!(asset.text().await.unwrap(), "console.log(1)");
    for path in ["/", "/projects", "/projects/abc?q=1"] {
        let page = api.client.get(format!("{}{path}", api.url)).send().await.unwrap();
        assert_eq!(page.status(), 200, "{path}");
        assert!(page.text().await.unwrap().contains("<title>dashboard</title>"), "{path}");
    }
    let api_miss = api.get("/v1/organization/nothing", &api.organization_token()).await;
    assert_eq!(api_miss.error().0, 404, "API paths never fall back to the app");
    std::fs::remove_dir_all(dist).ok();
}

/// A dist as the dashboard's build leaves it: a page with its policy in a `<meta>` tag, the build's folder with
/// an asset and its brotli and gzip twins (distinguishable here by their bytes), and a file outside it.
fn built_dist(name: &str) -> std::path::PathBuf {
    let dist = std::env::temp_dir().join(format!("geai-sandbox-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    let page = r#"<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'" /><title>dashboard</title>"#;
    std::fs::write(dist.join("index.html"), page).unwrap();
    std::fs::write(dist.join("index.html.gz"), "gzip page").unwrap();
    let build = dist.join("app-0123456789abcdef");
    std::fs::create_dir_all(&build).unwrap();
    std::fs::write(build.join("app.js"), "plain").unwrap();
    std::fs::write(build.join("app.js.br"), "brotli").unwrap();
    std::fs::write(build.join("app.js.gz"), "gzip").unwrap();
    std::fs::write(dist.join("robots.txt"), "unhashed").unwrap();
    dist
}

#[tokio::test]
async fn assets_are_sent_in_the_precompressed_encoding_the_browser_accepts() {
    let dist = built_dist("encodings");
    let api = start(Config { dist: Some(dist.clone()), ..small() }).await;
    let asset = format!("{}/app-0123456789abcdef/app.js", api.url);
    for (accepts, encoding, body) in [
        ("br, gzip, deflate", Some("br"), "brotli"),
        ("gzip, deflate", Some("gzip"), "gzip"),
        ("identity", None, "plain"),
    ] {
        let response = api.client.get(&asset).header("accept-encoding", accepts).send().await.unwrap();
        assert_eq!(response.status(), 200, "{accepts}");
        let headers = response.headers().clone();
        assert_eq!(headers.get("content-encoding").map(|v| v.to_str().unwrap()), encoding, "{accepts}");
        assert_eq!(headers["content-type"], "text/javascript", "{accepts}");
        assert_eq!(headers["vary"], "accept-encoding", "{accepts}");
        assert_eq!(response.text().await.unwrap(), body, "{accepts}");
    }
    std::fs::remove_dir_all(dist).ok();
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_the_page_is_revalidated() {
    let dist = built_dist("cache");
    let api = start(Config { dist: Some(dist.clone()), ..small() }).await;
    let cache_of = |path: &'static str| {
        let request = api.client.get(format!("{}{path}", api.url));
        async move { request.send().await.unwrap().headers()["cache-control"].to_str().unwrap().to_string() }
    };
    assert_eq!(cache_of("/app-0123456789abcdef/app.js").await, "public, max-age=31536000, immutable");
    assert_eq!(
        cache_of("/robots.txt").await,
        "no-cache",
        "a file outside the build's folder may change under its name"
    );
    for page in ["/", "/index.html", "/projects/abc"] {
        assert_eq!(cache_of(page).await, "no-cache", "{page}");
    }
    let missing = api.client.get(format!("{}/app-0123456789abcdef/chunk_9.wasm", api.url)).send().await.unwrap();
    assert_eq!(missing.status(), 404, "a file missing from the build is not answered with the page");
    assert!(missing.headers().get("cache-control").is_none_or(|v| v != "public, max-age=31536000, immutable"));
    std::fs::remove_dir_all(dist).ok();
}

#[tokio::test]
async fn the_page_carries_the_security_headers_a_meta_tag_cannot() {
    let dist = built_dist("security");
    let api = start(Config { dist: Some(dist.clone()), ..small() }).await;
    for path in ["/", "/projects/abc"] {
        let response =
            api.client.get(format!("{}{path}", api.url)).header("accept-encoding", "gzip").send().await.unwrap();
        let headers = response.headers();
        assert_eq!(headers["content-encoding"], "gzip", "{path}: the page has a gzip twin only");
        assert_eq!(
            headers["content-security-policy"], "default-src 'none'; script-src 'self'; frame-ancestors 'none'",
            "{path}: the page's own policy, plus what only a header can say"
        );
        assert_eq!(headers["x-frame-options"], "DENY");
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert_eq!(headers["cross-origin-opener-policy"], "same-origin");
        assert!(headers["permissions-policy"].to_str().unwrap().contains("camera=()"));
        assert_eq!(headers["x-content-type-options"], "nosniff");
    }
    let asset = api.client.get(format!("{}/app-0123456789abcdef/app.js", api.url)).send().await.unwrap();
    assert!(asset.headers().get("content-security-policy").is_none(), "scripts need no page policy");
    std::fs::remove_dir_all(dist).ok();
}

/// The binary with `--no-cors` (the flag, not only the library's `Config`) answers a preflight without CORS.
#[tokio::test]
async fn the_no_cors_flag_of_the_binary_turns_cors_off() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let start = |flags: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_geai-sandbox"))
            .args(["--addr", "127.0.0.1:0", "--projects", "1", "--requests", "10"])
            .args(flags)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .spawn()
            .expect("geai-sandbox starts");
        let mut first = String::new();
        // Kept open while it runs: it prints more after the first line, and a closed pipe would stop it.
        let mut output = BufReader::new(child.stdout.take().expect("its output"));
        output.read_line(&mut first).expect("a first line");
        let url = first.trim().strip_prefix("geai-sandbox listening on ").map(str::to_string);
        (child, output, url.unwrap_or_else(|| panic!("no address in {first:?}")))
    };
    let client = reqwest::Client::new();
    for (flags, cors) in [(&["--no-cors"][..], false), (&[][..], true)] {
        let (mut child, _output, url) = start(flags);
        let preflight = client
            .request(reqwest::Method::OPTIONS, format!("{url}/v1/organization/projects"))
            .header("origin", "http://localhost:8080")
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization")
            .send()
            .await;
        let _ = child.kill();
        let _ = child.wait();
        let allowed = preflight.expect("answered").headers().contains_key("access-control-allow-origin");
        assert_eq!(allowed, cors, "{flags:?}");
    }
}
