//! The forwarding server over real HTTP: the `geai-serve` binary, started as `cargo xtask run --upstream` starts
//! it, in front of a geai-sandbox (or a server that echoes what it received) on another port.

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::Request;
use axum::response::IntoResponse;
use futures_util::StreamExt;
use geai_sandbox::config::{Config, SeedConfig};
use geai_sandbox::{LocalServer, Sandbox};
use serde_json::{json, Value};
use tokio_rustls::rustls;

/// A running `geai-serve`, killed when dropped; everything it printed is kept.
struct Served {
    url: String,
    child: Child,
    output: Arc<Mutex<String>>,
}

impl Served {
    /// `geai-serve ARGS --addr 127.0.0.1:0 --dist DIST` (a one-page dist), once it listens.
    fn start(args: &[&str]) -> Self {
        let dist = tiny_dist();
        let mut child = command(args, &dist).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("geai-serve");
        let output = Arc::new(Mutex::new(String::new()));
        let (first, listening) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        for (stream, first) in [(Box::new(stdout) as Box<dyn Read + Send>, Some(first)), (Box::new(stderr), None)] {
            let output = output.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if let (Some(first), Some(url)) = (&first, line.strip_prefix("geai-serve listening on ")) {
                        let _ = first.send(url.to_string());
                    }
                    output.lock().unwrap().push_str(&format!("{line}\n"));
                }
            });
        }
        let url = listening.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("geai-serve did not start:\n{}", output.lock().unwrap())
        });
        Self { url, child, output }
    }

    fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// The server's peak resident memory so far (VmHWM), in bytes.
    fn peak_memory(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).expect("/proc status");
        let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM");
        line.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()).expect("kB") * 1024
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn command(args: &[&str], dist: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_geai-serve"));
    // Given last, a test's own --addr or --dist wins (a flag given twice takes its last value).
    command.args(["--addr", "127.0.0.1:0", "--dist"]).arg(dist).args(args).stdin(Stdio::null());
    command
}

/// A dist with just a page, in a folder of its own.
fn tiny_dist() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dist = std::env::temp_dir().join(format!("geai-serve-dist-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!DOCTYPE html><title>dashboard</title>").unwrap();
    dist
}

async fn sandbox(config: Config) -> LocalServer {
    LocalServer::start(Sandbox::new(config).expect("a sandbox")).await.expect("serving")
}

fn small() -> Config {
    Config { seed: SeedConfig { requests_per_project: 300, ..SeedConfig::default() }, ..Config::default() }
}

/// A server that answers every request with what it received: method, path and query, headers, body length
/// (read as it streams, never held), and a cookie.
async fn echo() -> (String, tokio::sync::oneshot::Sender<()>) {
    async fn answer(request: Request) -> axum::response::Response {
        let (parts, body) = request.into_parts();
        let mut length = 0usize;
        let mut stream = body.into_data_stream();
        while let Some(Ok(chunk)) = stream.next().await {
            length += chunk.len();
        }
        let headers: Vec<(String, String)> =
            parts.headers.iter().map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_string())).collect();
        let body = json!({ "method": parts.method.as_str(), "uri": parts.uri.to_string(), "headers": headers, "length": length });
        (
            [
                ("set-cookie", "session=from-upstream; Path=/"),
                ("connection", "x-upstream-hop"),
                ("x-upstream-hop", "1"),
            ],
            axum::Json(body),
        )
            .into_response()
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let app = axum::Router::new().fallback(answer);
    tokio::spawn(async move {
        axum::serve(listener, app).with_graceful_shutdown(async { drop(stopped.await) }).await.unwrap();
    });
    (url, stop)
}

fn header<'a>(echoed: &'a Value, name: &str) -> Vec<&'a str> {
    let headers = echoed["headers"].as_array().unwrap();
    headers.iter().filter(|h| h[0] == name).map(|h| h[1].as_str().unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_reach_the_installation_with_their_credentials_and_none_is_printed() {
    let installation = sandbox(small()).await;
    let served =
        Served::start(&["--upstream", &installation.url, "--arcee-upstream", &format!("{}/v2", installation.url)]);
    let (token, key) = (installation.sandbox.tokens().0, installation.sandbox.arcee_key());
    let client = reqwest::Client::new();
    let projects = "/v1/organization/projects";

    let through = client.get(format!("{}{projects}", served.url)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(through.status(), 200);
    let direct = client.get(format!("{}{projects}", installation.url)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(through.text().await.unwrap(), direct.text().await.unwrap());

    // A change with a body, and the Arcee API with its key header.
    let created = client
        .post(format!("{}/v1/organization/project", served.url))
        .bearer_auth(&token)
        .json(&json!({ "name": "Through geai-serve", "administratorUserEmail": "ana@acme.example" }))
        .send()
        .await
        .unwrap();
    assert!(created.status().is_success(), "{}", created.text().await.unwrap());
    assert!(installation.sandbox.read(|s| s.projects.iter().any(|p| p.name == "Through geai-serve")));
    let whoami = client.get(format!("{}/arcee/v2/whoami", served.url)).header("x-token", &key).send().await.unwrap();
    assert_eq!(whoami.status(), 200);

    let journal = installation.sandbox.journal().entries();
    let seen: Vec<(&str, &str, Option<&str>)> =
        journal.iter().map(|e| (e.method.as_str(), e.uri.as_str(), e.auth.as_deref())).collect();
    assert!(seen.contains(&("GET", projects, Some("bearer"))), "{seen:?}");
    assert!(seen.contains(&("POST", "/v1/organization/project", Some("bearer"))), "{seen:?}");
    assert!(seen.contains(&("GET", "/v2/whoami", Some("x-token"))), "{seen:?}");

    // A failed forward is the one thing it writes while running: it must not carry the credentials either.
    drop(installation);
    let failed = client.get(format!("{}{projects}", served.url)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(failed.status(), 502);
    let output = served.output();
    assert!(output.contains("502") || output.contains("Bad Gateway"), "the failure is logged:\n{output}");
    for secret in [&token, &key] {
        assert!(!output.contains(secret.as_str()), "a credential in the output:\n{output}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn headers_pass_except_hop_by_hop_host_and_origin_and_a_path_prefixes_the_forwarded_ones() {
    let (upstream, _stop) = echo().await;
    let served = Served::start(&[
        "--upstream",
        &format!("{upstream}/gateway/"),
        "--arcee-upstream",
        &format!("{upstream}/arcee-api/v2"),
    ]);
    let response = reqwest::Client::new()
        .put(format!("{}/v1/organization/project/abc?x=1&y=%20", served.url))
        .bearer_auth("org-secret")
        .header("x-token", "arcee-secret")
        .header("cookie", "session=browser-secret")
        .header("origin", &served.url)
        .header("connection", "x-hop")
        .header("x-hop", "1")
        .header("te", "trailers")
        .header("content-type", "application/json")
        .body("{\"name\":\"x\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers().get("set-cookie").unwrap(), "session=from-upstream; Path=/", "cookies come back");
    assert!(response.headers().get("x-upstream-hop").is_none(), "the upstream's hop-by-hop header stays there");
    let echoed: Value = response.json().await.unwrap();
    assert_eq!(echoed["method"], "PUT");
    assert_eq!(echoed["uri"], "/gateway/v1/organization/project/abc?x=1&y=%20");
    assert_eq!(echoed["length"], 12);
    assert_eq!(header(&echoed, "authorization"), ["Bearer org-secret"]);
    assert_eq!(header(&echoed, "x-token"), ["arcee-secret"]);
    assert_eq!(header(&echoed, "cookie"), ["session=browser-secret"]);
    assert_eq!(header(&echoed, "host"), [upstream.trim_start_matches("http://")], "Host is the upstream's");
    for dropped in ["origin", "x-hop", "te"] {
        assert!(header(&echoed, dropped).is_empty(), "{dropped} was passed: {echoed}");
    }

    let arcee: Value = reqwest::get(format!("{}/arcee/v2/whoami", served.url)).await.unwrap().json().await.unwrap();
    assert_eq!(arcee["uri"], "/arcee-api/v2/whoami", "the Arcee API's /v2 is given once");
    let page = reqwest::get(format!("{}/projects/abc", served.url)).await.unwrap();
    assert!(page.text().await.unwrap().contains("<title>dashboard</title>"), "other paths are the dashboard");
    assert!(!served.output().contains("secret"), "{}", served.output());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_arcee_upstream_its_paths_are_the_apis_404() {
    let (upstream, _stop) = echo().await;
    let served = Served::start(&["--upstream", &upstream]);
    let answer = reqwest::get(format!("{}/arcee/v2/whoami", served.url)).await.unwrap();
    assert_eq!(answer.status(), 404);
    let body: Value = answer.json().await.unwrap();
    assert!(body["errors"][0]["description"].as_str().unwrap().contains("--arcee-upstream"), "{body}");
}

/// The platform's error shape of a 502: its id and its description.
async fn bad_gateway(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 502);
    let body: Value = response.json().await.expect("the errors shape, as JSON");
    assert_eq!(body["errors"][0]["id"], 502, "{body}");
    body["errors"][0]["description"].as_str().expect("a description").to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_or_slow_installation_is_a_502_naming_it_and_the_cause() {
    let installation = sandbox(small()).await;
    let url = installation.url.clone();
    let served = Served::start(&["--upstream", &url, "--answer-timeout", "1"]);
    let projects = format!("{}/v1/organization/projects", served.url);
    let client = reqwest::Client::new();
    let token = installation.sandbox.tokens().0;

    let slow = client.get(&projects).bearer_auth(&token).header("x-sandbox-fault", "delay=3000").send().await.unwrap();
    let description = bad_gateway(slow).await;
    assert!(description.contains(&url) && description.contains("time-out"), "{description}");

    drop(installation);
    let description = bad_gateway(client.get(&projects).bearer_auth(&token).send().await.unwrap()).await;
    assert!(description.contains(&url) && description.contains("refused"), "{description}");
}

/// A TLS front for `installation` with a certificate for 127.0.0.1 from a CA made here: the CA's PEM file and
/// the `https://` URL.
async fn https_front(installation: &str, folder: &Path) -> (PathBuf, String) {
    let ca_key = rcgen::KeyPair::generate().unwrap();
    let mut ca = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca.distinguished_name.push(rcgen::DnType::CommonName, "geai-serve test CA");
    let ca = rcgen::CertifiedIssuer::self_signed(ca, ca_key).unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let certificate =
        rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap().signed_by(&key, &ca).unwrap();
    let ca_file = folder.join("ca.pem");
    std::fs::write(&ca_file, ca.pem()).unwrap();

    // ring, as reqwest's rustls-tls uses (deprecated in rustls 0.23.48 for lacking post-quantum key exchange,
    // which a test's own CA does not need).
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![certificate.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let behind: SocketAddr = installation.trim_start_matches("http://").parse().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A client that refuses the certificate ends here.
                let Ok(mut tls) = acceptor.accept(tcp).await else { return };
                let Ok(mut plain) = tokio::net::TcpStream::connect(behind).await else { return };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut plain).await;
            });
        }
    });
    (ca_file, format!("https://127.0.0.1:{port}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_with_a_private_ca_works_with_upstream_ca_and_is_refused_without_it() {
    let installation = sandbox(small()).await;
    let folder = tiny_dist();
    let (ca_file, https) = https_front(&installation.url, &folder).await;
    let token = installation.sandbox.tokens().0;
    let get = |served: &Served| {
        reqwest::Client::new().get(format!("{}/v1/organization/projects", served.url)).bearer_auth(&token).send()
    };

    let trusting = Served::start(&["--upstream", &https, "--upstream-ca", ca_file.to_str().unwrap()]);
    let answer = get(&trusting).await.unwrap();
    assert_eq!(answer.status(), 200, "{}", answer.text().await.unwrap());

    let untrusting = Served::start(&["--upstream", &https]);
    let description = bad_gateway(get(&untrusting).await.unwrap()).await;
    assert!(description.contains(&https) && description.contains("TLS"), "{description}");
    assert!(description.contains("--upstream-ca"), "the way out is named: {description}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_concurrent_calls_all_arrive_and_all_are_answered() {
    let installation = sandbox(small()).await;
    let served = Served::start(&["--upstream", &installation.url]);
    let token = installation.sandbox.tokens().0;
    let client = reqwest::Client::new();
    let expected = client
        .get(format!("{}/v1/organization/projects", installation.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    installation.sandbox.journal().clear();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..200 {
        let request = client.get(format!("{}/v1/organization/projects", served.url)).bearer_auth(&token);
        calls.spawn(async move {
            let answer = request.send().await.expect("an answer");
            (answer.status().as_u16(), answer.text().await.expect("a body"))
        });
    }
    let answers = calls.join_all().await;
    assert_eq!(answers.len(), 200);
    assert!(answers.iter().all(|(status, body)| *status == 200 && *body == expected), "every call answered whole");
    let arrived = installation.sandbox.journal().entries();
    assert_eq!(arrived.iter().filter(|e| e.uri == "/v1/organization/projects").count(), 200);
}

/// `geai-serve ARGS` that must refuse to start: its exit status and its stderr.
fn refused(args: &[&str], dist: &Path) -> String {
    let out = command(args, dist).output().expect("geai-serve runs");
    assert!(!out.status.success(), "{args:?} started");
    assert!(out.stdout.is_empty(), "{args:?} printed {:?}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn bad_arguments_stop_it_at_start_with_one_clear_line() {
    let dist = tiny_dist();
    let not_pem = dist.join("index.html");
    let missing = dist.join("missing.pem");
    let empty = tiny_dist();
    std::fs::remove_file(empty.join("index.html")).unwrap();
    let ok = "https://api.saia.ai";
    let cases: [(&[&str], &str); 9] = [
        (&["--upstream", "api.saia.ai"], "--upstream \"api.saia.ai\": not a URL"),
        (&["--upstream", "ftp://api.saia.ai"], "must be http or https"),
        (&["--upstream", "https://me:hunter2@api.saia.ai"], "credentials do not belong in the URL"),
        (&["--upstream", "https://api.saia.ai/?org=1"], "a query or fragment"),
        (&["--upstream", ok, "--arcee-upstream", "arcee"], "--arcee-upstream \"arcee\": not a URL"),
        (&["--upstream", ok, "--upstream-ca", missing.to_str().unwrap()], "cannot read it"),
        (&["--upstream", ok, "--upstream-ca", not_pem.to_str().unwrap()], "no certificate in it"),
        (&["--upstream", ok, "--addr", "localhost"], "--addr \"localhost\""),
        (&["--upstream", ok, "--dist", empty.to_str().unwrap()], "no index.html there"),
    ];
    for (args, expected) in cases {
        let stderr = refused(args, &dist);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: one line, not {stderr:?}");
        assert!(stderr.starts_with("geai-serve: ") && stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("hunter2"), "a password is not repeated: {stderr}");
    }
    // No upstream at all: clap's own refusal names the flag.
    assert!(refused(&[], &dist).contains("--upstream <URL>"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_export_and_a_large_upload_stream_through_with_flat_memory() {
    let seed = SeedConfig { projects: 2, requests_per_project: 100_000, ..SeedConfig::default() };
    let installation = sandbox(Config { seed, ..Config::default() }).await;
    let (upstream, _stop) = echo().await;
    let served = Served::start(&["--upstream", &installation.url, "--arcee-upstream", &upstream]);
    let (_, projects) = installation.sandbox.tokens();
    let token = &projects[0].1;
    let client = reqwest::Client::new();

    // Warm up (the first connection, the allocator's first arenas), then measure the peak over the download.
    let page = |skip: u64| {
        client
            .get(format!("{}/v1/organization/request/export?count=10000&skip={skip}", served.url))
            .bearer_auth(token)
            .send()
    };
    page(0).await.unwrap().bytes().await.unwrap();
    let before = served.peak_memory();
    let (mut rows, mut bytes) = (0usize, 0usize);
    for skip in (0..100_000).step_by(10_000) {
        let mut answer = page(skip).await.unwrap();
        assert_eq!(answer.status(), 200);
        let mut body = Vec::new();
        while let Some(chunk) = answer.chunk().await.unwrap() {
            body.extend_from_slice(&chunk);
        }
        bytes += body.len();
        let items: Value = serde_json::from_slice(&body).unwrap();
        rows += items["items"].as_array().unwrap().len();
    }
    assert_eq!(rows, 100_000);
    let download_growth = served.peak_memory().saturating_sub(before);

    // 64 MB up, generated as it goes and counted by the echo as it arrives.
    let chunks = futures_util::stream::iter((0..64).map(|_| Ok::<_, std::io::Error>(vec![b'x'; 1 << 20])));
    let upload = client.post(format!("{}/arcee/v2/contexts", served.url)).body(reqwest::Body::wrap_stream(chunks));
    let echoed: Value = upload.send().await.unwrap().json().await.unwrap();
    assert_eq!(echoed["length"], 64 << 20);
    let upload_growth = served.peak_memory().saturating_sub(before);

    let page_bytes = bytes / 10;
    println!("100,000 rows ({bytes} bytes in pages of {page_bytes}): peak memory +{download_growth} bytes; 64 MB upload: +{upload_growth}");
    // A proxy that held a page before passing it on would grow by a whole page (6 MB) or more. One that streams
    // still grows a little, and not the same each run: hyper's read and write buffers on both of its connections
    // grow to about 400 KiB each, and the allocator keeps an arena per worker thread. Runs have measured 1.1 to
    // 1.8 MB, so the line sits at half a page, clear of both.
    assert!(
        download_growth < (page_bytes / 2) as u64,
        "the download was held: +{download_growth} bytes for pages of {page_bytes}"
    );
    assert!(upload_growth < 8 << 20, "the upload was held: +{upload_growth} bytes");
}
