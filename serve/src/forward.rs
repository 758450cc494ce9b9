//! The forwarding server: the built dashboard on one origin with the API of a real installation, for a person at
//! their desk whose installation does not answer a browser's CORS preflight (FACTS.md, "Browsers and the real
//! service"). `/v1/` and `/v2/` go to the installation, `/arcee/v2/` to the Arcee API when one is given, every
//! other path is the dashboard ([`dashboard::service`], the same as `geai-sandbox --dist`).
//!
//! What passes: the method, the path and query (after the upstream URL's own path, if it has one), every header
//! but the hop-by-hop ones, `Host` (set to the upstream's by the client) and `Origin` (the request is this
//! server's now, and an installation that checks origins would refuse 127.0.0.1), and the body, streamed both
//! ways: a long export passes through a few kilobytes at a time. Credentials (`Authorization`, `X-Token`,
//! cookies) pass as they are and are never printed: the only thing this server writes while running is one line
//! per failed forward, with the method, the path and the cause.
//!
//! A forward that fails (no such host, refused, TLS, no answer in time) is answered 502 in the platform's own
//! error shape, `{"errors": [{"id": 502, "description": "..."}]}`, naming the upstream and the cause, which the
//! dashboard shows like any refusal of the API.

use std::error::Error as _;
use std::future::Future;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};

use crate::dashboard;

/// Until a connection to the upstream is open (TCP and TLS).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Until the upstream's answer starts, and then between two reads of its body: a long download keeps going as
/// long as bytes keep coming.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(60);

/// Where Arcee calls are taken: `/arcee/v2/...` goes to the Arcee API's `/v2/...`.
pub const ARCEE_PREFIX: &str = "/arcee";

/// An installation's address: scheme, host, port, and an optional path that prefixes every forwarded path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upstream {
    /// `https://host[:port][/prefix]`, without a trailing slash.
    base: String,
}

impl Upstream {
    /// `text` as given to `flag`: http or https, a host, no credentials, query or fragment. The error is one line.
    pub fn parse(flag: &str, text: &str) -> Result<Self, String> {
        let refused = |why: &str| format!("{flag} {text:?}: {why} (expected e.g. https://api.saia.ai)");
        let url = reqwest::Url::parse(text).map_err(|e| refused(&format!("not a URL: {e}")))?;
        if !url.username().is_empty() || url.password().is_some() {
            // Not repeated: what was typed holds a secret.
            return Err(format!("{flag}: credentials do not belong in the URL; the dashboard sends its own token"));
        }
        if !matches!(url.scheme(), "http" | "https") {
            return Err(refused(&format!("the scheme must be http or https, not {}", url.scheme())));
        }
        let Some(host) = url.host_str() else { return Err(refused("no host")) };
        if url.query().is_some() || url.fragment().is_some() {
            return Err(refused("a query or fragment cannot prefix the API's paths"));
        }
        let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
        let prefix = url.path().trim_end_matches('/');
        Ok(Self { base: format!("{}://{host}{port}{prefix}", url.scheme()) })
    }

    /// The Arcee API's address as its connect screen takes it, with or without its `/v2`: the forwarded paths
    /// carry their `/v2` already.
    pub fn parse_arcee(flag: &str, text: &str) -> Result<Self, String> {
        let upstream = Self::parse(flag, text)?;
        let base = upstream.base.strip_suffix("/v2").unwrap_or(&upstream.base).to_string();
        Ok(Self { base })
    }

    pub fn as_str(&self) -> &str {
        &self.base
    }
}

/// What the forwarding server is started with.
#[derive(Clone, Debug)]
pub struct Options {
    /// The built dashboard (`dist/`).
    pub dist: PathBuf,
    pub upstream: Upstream,
    pub arcee: Option<Upstream>,
    /// PEM certificates trusted besides the web PKI's roots: an installation behind a private CA.
    pub ca_file: Option<PathBuf>,
    pub connect_timeout: Duration,
    pub answer_timeout: Duration,
}

impl Options {
    pub fn new(dist: PathBuf, upstream: Upstream) -> Self {
        Self {
            dist,
            upstream,
            arcee: None,
            ca_file: None,
            connect_timeout: CONNECT_TIMEOUT,
            answer_timeout: ANSWER_TIMEOUT,
        }
    }
}

/// The whole server: the forwarded prefixes, then the dashboard for every other path. Fails, in one line, on a
/// dist without a page or a CA file that cannot be read or holds no certificate.
pub fn app(options: &Options) -> Result<Router, String> {
    if !options.dist.join("index.html").is_file() {
        return Err(format!(
            "--dist {}: no index.html there (build the dashboard: cargo xtask build)",
            options.dist.display()
        ));
    }
    let client = client(options)?;
    let target = |upstream: &Upstream, strip: &'static str| {
        let target = Target {
            upstream: upstream.clone(),
            strip,
            client: client.clone(),
            answer_timeout: options.answer_timeout,
            connect_timeout: options.connect_timeout,
        };
        any(forward).with_state(Arc::new(target))
    };
    let installation = target(&options.upstream, "");
    let arcee = "/arcee/v2/{*rest}";
    let app = Router::new().route("/v1/{*rest}", installation.clone()).route("/v2/{*rest}", installation);
    let app = match &options.arcee {
        Some(upstream) => app.route(arcee, target(upstream, ARCEE_PREFIX)),
        None => app.route(arcee, any(|| async { no_arcee() })),
    };
    Ok(app.merge(dashboard::service(&options.dist)))
}

/// What the server prints on start, one fact per line: the address to open, and where the calls go.
pub fn banner(addr: SocketAddr, options: &Options) -> String {
    let mut lines = vec![
        format!("geai-serve listening on http://{addr}"),
        format!(
            "forwarding /v1/ and /v2/ to {}: open the address above and connect with it as the base URL",
            options.upstream.as_str()
        ),
    ];
    match &options.arcee {
        Some(arcee) => lines.push(format!(
            "forwarding /arcee/v2/ to {}: on the connect screen's Arcee form, use the base URL http://{addr}{ARCEE_PREFIX}/v2",
            arcee.as_str()
        )),
        None => lines.push("no Arcee API (start with --arcee-upstream URL to forward one)".into()),
    }
    lines.join("\n")
}

/// Serves `app` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app).with_graceful_shutdown(shutdown).await
}

/// A forwarding server on a free 127.0.0.1 port until dropped, in-process: how the browser tests start one.
pub struct LocalForwarder {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl LocalForwarder {
    pub async fn start(options: &Options) -> Result<Self, String> {
        let app = app(options)?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
        let url = format!("http://{}", listener.local_addr().map_err(|e| e.to_string())?);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(serve(listener, app, async {
            let _ = stopped.await;
        }));
        Ok(Self { url, _stop: stop })
    }
}

/// The HTTP client: rustls with the web PKI's roots and the `--upstream-ca` certificates, HTTP/1.1, no redirects
/// followed (the browser gets them, as it would from the installation), the time limits, no proxy from the
/// environment (reqwest's `system-proxy` is off).
fn client(options: &Options) -> Result<reqwest::Client, String> {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(options.connect_timeout)
        .read_timeout(options.answer_timeout)
        .tls_built_in_root_certs(true);
    if let Some(file) = &options.ca_file {
        for certificate in read_ca(file)? {
            builder = builder.add_root_certificate(certificate);
        }
    }
    builder.build().map_err(|e| format!("the HTTP client cannot start: {}", chain(&e)))
}

/// The certificates of a PEM file (one or several `BEGIN CERTIFICATE` blocks).
fn read_ca(file: &Path) -> Result<Vec<reqwest::Certificate>, String> {
    let flag = format!("--upstream-ca {}", file.display());
    let pem = std::fs::read(file).map_err(|e| format!("{flag}: cannot read it: {e}"))?;
    let certificates = reqwest::Certificate::from_pem_bundle(&pem)
        .map_err(|e| format!("{flag}: not PEM certificates: {}", chain(&e)))?;
    if certificates.is_empty() {
        return Err(format!("{flag}: no certificate in it (expected PEM: -----BEGIN CERTIFICATE-----)"));
    }
    Ok(certificates)
}

/// One forwarded prefix: where it goes and what of the path it drops first.
struct Target {
    upstream: Upstream,
    /// `/arcee` for the Arcee API, whose own paths start at `/v2`.
    strip: &'static str,
    client: reqwest::Client,
    answer_timeout: Duration,
    connect_timeout: Duration,
}

/// Headers that are one connection's and not the next one's (RFC 9110 7.6.1), in both directions.
const HOP_BY_HOP: [&str; 9] = [
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];
/// Request headers this server sets itself or must not pass: `Host` (the client sets the upstream's) and
/// `Origin` (see the module's doc).
const NOT_FORWARDED: [&str; 2] = ["host", "origin"];

async fn forward(State(target): State<Arc<Target>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let path_and_query = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    let url =
        format!("{}{}", target.upstream.as_str(), path_and_query.strip_prefix(target.strip).unwrap_or(path_and_query));
    let mut outgoing =
        target.client.request(parts.method.clone(), url).headers(passed_headers(&parts.headers, &NOT_FORWARDED));
    // A request without a body stays without one: a streamed empty body would go out chunked, which a GET
    // must not be to some servers.
    if !body.is_end_stream() {
        outgoing = outgoing.body(reqwest::Body::wrap_stream(body.into_data_stream()));
    }
    let answer = match tokio::time::timeout(target.answer_timeout, outgoing.send()).await {
        Ok(Ok(answer)) => answer,
        Ok(Err(error)) => {
            return target.failed(&parts.method, parts.uri.path(), &cause(&error, target.connect_timeout))
        }
        Err(_) => {
            let cause = format!("time-out: no answer within {} s", target.answer_timeout.as_secs_f32());
            return target.failed(&parts.method, parts.uri.path(), &cause);
        }
    };
    let status = answer.status();
    let headers = passed_headers(answer.headers(), &[]);
    let mut response = Response::new(Body::from_stream(answer.bytes_stream()));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// `headers` without the hop-by-hop ones, those the `Connection` header names (hop-by-hop too), and `dropped`.
fn passed_headers(headers: &HeaderMap, dropped: &[&str]) -> HeaderMap {
    let named: Vec<String> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    let mut passed = HeaderMap::with_capacity(headers.len());
    for (name, value) in headers {
        let name_text = name.as_str();
        if !HOP_BY_HOP.contains(&name_text) && !dropped.contains(&name_text) && !named.iter().any(|n| n == name_text) {
            passed.append(HeaderName::clone(name), value.clone());
        }
    }
    passed
}

impl Target {
    /// The 502 for a forward that failed, and its one line on stderr (never a header, never the query).
    fn failed(&self, method: &Method, path: &str, cause: &str) -> Response {
        let description =
            format!("Bad Gateway: the installation at {} did not answer: {cause}", self.upstream.as_str());
        eprintln!("geai-serve: {method} {path}: {description}");
        errors(StatusCode::BAD_GATEWAY, 502, &description)
    }
}

/// `/arcee/v2/...` when no Arcee API was given.
fn no_arcee() -> Response {
    errors(StatusCode::NOT_FOUND, 404, "Not Found: no Arcee API here (start with --arcee-upstream URL to forward one)")
}

/// The platform's error shape (FACTS.md, "Errors"), as geai-sandbox's `error.rs` writes it.
fn errors(status: StatusCode, id: u16, description: &str) -> Response {
    let body = serde_json::json!({ "errors": [{ "id": id, "description": description }] });
    (status, Json(body)).into_response()
}

/// Why a request failed, in the words a person acts on: DNS, refused, TLS, time-out, or the error's own chain.
fn cause(error: &reqwest::Error, connect_timeout: Duration) -> String {
    // reqwest's own text repeats the URL: the causes under it say what happened.
    let mut source = error.source();
    let mut texts = Vec::new();
    while let Some(current) = source {
        if let Some(known) = known_cause(current) {
            return known;
        }
        texts.push(current.to_string());
        source = current.source();
    }
    let innermost = texts.last().cloned().unwrap_or_else(|| error.to_string());
    if texts.iter().any(|t| t.contains("dns error")) {
        format!("DNS: the host name did not resolve ({innermost})")
    } else if error.is_timeout() && error.is_connect() {
        format!("time-out: no connection within {} s", connect_timeout.as_secs_f32())
    } else if error.is_timeout() {
        format!("time-out: {innermost}")
    } else {
        texts.join(": ")
    }
}

/// A TLS failure or a refused connection, wherever it is in `error`: an I/O error and a boxed error hide what they
/// wrap from `source()`, so both are looked inside.
fn known_cause(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    if let Some(tls) = error.downcast_ref::<rustls::Error>() {
        return Some(tls_cause(tls));
    }
    let io = error.downcast_ref::<std::io::Error>()?;
    if let Some(known) = io.get_ref().and_then(|inner| known_cause(inner)) {
        return Some(known);
    }
    (io.kind() == std::io::ErrorKind::ConnectionRefused)
        .then(|| "connection refused: nothing listens at that address and port".to_string())
}

fn tls_cause(error: &rustls::Error) -> String {
    let hint = match error {
        rustls::Error::InvalidCertificate(_) => {
            " (an installation behind a private certificate authority: start with --upstream-ca FILE)"
        }
        _ => "",
    };
    format!("TLS: {error}{hint}")
}

/// An error and its causes, in one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(current) = source {
        text.push_str(&format!(": {current}"));
        source = current.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upstreams_keep_scheme_host_port_and_path() {
        let parse = |text| Upstream::parse("--upstream", text).map(|u| u.as_str().to_string());
        assert_eq!(parse("https://api.saia.ai").unwrap(), "https://api.saia.ai");
        assert_eq!(parse("https://api.saia.ai/").unwrap(), "https://api.saia.ai");
        assert_eq!(parse("http://127.0.0.1:8080/saia/").unwrap(), "http://127.0.0.1:8080/saia");
        for bad in ["api.saia.ai", "ftp://api.saia.ai", "https://me:secret@api.saia.ai", "https://a.b/?x=1", "https://"]
        {
            let error = parse(bad).unwrap_err();
            assert!(error.starts_with("--upstream") && !error.contains('\n'), "{bad}: {error}");
            assert!(!error.contains("secret"), "a password in the URL is not repeated: {error}");
        }
        let arcee = |text| Upstream::parse_arcee("--arcee-upstream", text).unwrap().as_str().to_string();
        assert_eq!(arcee("https://api.arcee.ai/v2"), "https://api.arcee.ai");
        assert_eq!(arcee("https://api.arcee.ai/v2/"), "https://api.arcee.ai");
        assert_eq!(arcee("https://api.arcee.ai"), "https://api.arcee.ai");
    }

    #[test]
    fn hop_by_hop_headers_and_those_connection_names_are_dropped() {
        let mut headers = HeaderMap::new();
        for (name, value) in [
            ("connection", "keep-alive, x-hop"),
            ("keep-alive", "timeout=5"),
            ("x-hop", "1"),
            ("te", "trailers"),
            ("host", "127.0.0.1:8787"),
            ("authorization", "Bearer t"),
            ("cookie", "a=1"),
            ("cookie", "b=2"),
        ] {
            headers.append(HeaderName::from_static(name), value.parse().unwrap());
        }
        let passed = passed_headers(&headers, &NOT_FORWARDED);
        let names: Vec<&str> = passed.keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["authorization", "cookie"]);
        assert_eq!(passed.get_all("cookie").iter().count(), 2);
    }
}
