//! CORS and the served dashboard.

use super::common::{small, start};
use geai_sandbox::config::Config;

#[tokio::test]
async fn preflights_from_any_origin_are_answered() {
    let api = start(small()).await;
    let preflight = api
        .client
        .request(reqwest::Method::OPTIONS, format!("{}/v1/organization/project/abc", api.url))
        .header("origin", "http://localhost:8080")
        .header("access-control-request-method", "PUT")
        .header("access-control-request-headers", "authorization,content-type")
        .send()
        .await
        .unwrap();
    assert!(preflight.status().is_success());
    let headers = preflight.headers();
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert!(headers["access-control-allow-methods"].to_str().unwrap().contains("PUT"));
    let allowed = headers["access-control-allow-headers"].to_str().unwrap().to_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"));
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
