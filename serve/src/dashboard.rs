//! The built dashboard (`dist/`), served as a production server should: the brotli or gzip file made at build
//! time when the browser accepts it, hashed assets cached for good, the page itself revalidated every time, on
//! the page the security headers a `<meta>` tag cannot carry, and `nosniff` on every file. `geai-sandbox --dist`
//! and the forwarding server (`forward`) both serve it with [`service`]; deploy/ does the same in nginx and Caddy.

use std::path::Path;

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::IntoResponse;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The build's files live in a folder named by a hash of them (`/app-0123456789abcdef/`): a new build is a new
/// folder, so a file in one may be cached for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// The page names the assets, so it must be checked on every load (a cached copy still serves offline quickly).
const REVALIDATE: &str = "no-cache";

/// Serves `dist`, with `index.html` for every path that is not a file (the app's own routes). A server merges it
/// after its own routes, as the fallback for every path they do not claim.
pub fn service(dist: &Path) -> Router {
    let page = ServeFile::new(dist.join("index.html")).precompressed_br().precompressed_gzip();
    let files = ServeDir::new(dist).precompressed_br().precompressed_gzip().fallback(page);
    let security = SecurityHeaders::for_page(&std::fs::read_to_string(dist.join("index.html")).unwrap_or_default());
    Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(move |request: Request, next: Next| {
            let security = security.clone();
            async move {
                let hashed = in_build_folder(request.uri().path());
                let mut response = next.run(request).await;
                let html = is_html(response.headers());
                if hashed && html {
                    // A file missing from the build's folder: the page would reach a module loader as code.
                    return (StatusCode::NOT_FOUND, "not in this build\n").into_response();
                }
                let found = response.status().is_success();
                let headers = response.headers_mut();
                headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
                if html {
                    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
                    security.apply(headers);
                } else if found {
                    let cache = if hashed { IMMUTABLE } else { REVALIDATE };
                    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
                }
                response
            }
        }))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}

fn is_html(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

/// `true` for `/app-0123456789abcdef/geai-admin_bg.wasm` and anything else in a build's folder.
pub fn in_build_folder(path: &str) -> bool {
    let folder = path.trim_start_matches('/').split('/').next().unwrap_or_default();
    path.trim_start_matches('/').contains('/')
        && folder
            .strip_prefix("app-")
            .is_some_and(|hash| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The headers of the page: its own Content-Security-Policy (from the `<meta>` tag, so that there is one policy
/// to keep) with `frame-ancestors 'none'` added, which only a header can carry, and the rest of a locked-down
/// page's headers.
#[derive(Clone)]
struct SecurityHeaders {
    content_security_policy: Option<HeaderValue>,
}

impl SecurityHeaders {
    fn for_page(html: &str) -> Self {
        let content_security_policy = meta_policy(html)
            .map(|policy| format!("{}; frame-ancestors 'none'", policy.trim().trim_end_matches(';')))
            .and_then(|policy| HeaderValue::from_str(&policy).ok());
        Self { content_security_policy }
    }

    fn apply(&self, headers: &mut HeaderMap) {
        if let Some(policy) = &self.content_security_policy {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy.clone());
        }
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
        headers.insert(
            "permissions-policy",
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        );
        headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    }
}

/// The `content` of `<meta http-equiv="Content-Security-Policy" content="...">`, if the page has one.
pub fn meta_policy(html: &str) -> Option<String> {
    let tag_start = html.find("http-equiv=\"Content-Security-Policy\"")?;
    let tag = &html[tag_start..];
    let tag = &tag[..tag.find('>')?];
    let content = &tag[tag.find("content=\"")? + "content=\"".len()..];
    Some(content[..content.find('"')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(in_build_folder("/app-0123456789abcdef/geai-admin_bg.wasm"));
        assert!(in_build_folder("/app-a1b2c3d4e5f60718/main.css"));
        assert!(!in_build_folder("/boot.js"));
        assert!(!in_build_folder("/index.html"));
        assert!(!in_build_folder("/app-0123456789abcdef"), "a folder name alone is an app route");
        assert!(!in_build_folder("/app-0123456789abcdeg/x.js"));
        assert!(!in_build_folder("/projects/app-0123456789abcdef/x"));
    }

    #[test]
    fn the_meta_policy_is_read_from_the_page() {
        let html = r#"<meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; script-src 'self'"
        />"#;
        assert_eq!(meta_policy(html).as_deref(), Some("default-src 'none'; script-src 'self'"));
        assert_eq!(meta_policy("<title>x</title>"), None);
    }
}
