//! The only place that speaks HTTP, for both APIs. A [`Target`] says where to call and which headers authorize
//! the call (`Authorization` for the Organization API, `X-Token` for Arcee); an [`Endpoint`] says what to send.
//! Answers come back as a status and body, or as one [`ApiError`]. A request is aborted when the reactive owner
//! that made it (a screen, a resource run) is cleaned up, and given up after the connection's time limit.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::RequestBuilder;
use leptos::prelude::{on_cleanup, set_timeout_with_handle, TimeoutHandle};
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::endpoint::{Endpoint, Method};
use super::error::{ApiError, ErrorKind, Said, ServerMessage};

/// How long a request may take when the connection sets no limit of its own.
pub const DEFAULT_TIMEOUT_SECS: u32 = 30;

/// Where one request goes, the headers that authorize it, and how long it may take.
pub(super) struct Target<'a> {
    base_url: &'a str,
    auth_headers: Vec<(&'static str, String)>,
    timeout_secs: Option<u32>,
    /// Arcee's: its refusals name the key an API key (see `ApiError::from_arcee`).
    arcee: bool,
}

impl<'a> Target<'a> {
    pub fn new(base_url: &'a str, auth_header: (&'static str, String), timeout_secs: Option<u32>) -> Self {
        Self { base_url, auth_headers: vec![auth_header], timeout_secs, arcee: false }
    }

    /// A call to Arcee.
    pub fn arcee(mut self) -> Self {
        self.arcee = true;
        self
    }

    /// One more authorizing header (Arcee's `X-Arcee-Org`, which picks the organization a call acts in).
    pub fn with_header(mut self, name: &'static str, value: String) -> Self {
        self.auth_headers.push((name, value));
        self
    }
}

/// Sends one request and reads the answer as `T`.
pub(super) async fn send<T: DeserializeOwned>(target: &Target<'_>, endpoint: &Endpoint) -> Result<T, ApiError> {
    let (status, body) = send_text(target, endpoint).await?;
    read_json(status, &body, &endpoint.path)
}

/// Reads a successful answer's body as `T`.
pub(super) fn read_json<T: DeserializeOwned>(status: u16, body: &str, path: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| {
        let said = Said::NotJson { path: path.to_string() };
        ApiError::bad_response_said(status, ServerMessage { id: None, text: e.to_string(), said })
    })
}

/// Sends one request and returns the status and body of a successful answer. Not generic on purpose: one
/// copy of the request's state machine serves every response type, which keeps the wasm small.
pub(super) async fn send_text(target: &Target<'_>, endpoint: &Endpoint) -> Result<(u16, String), ApiError> {
    let seconds = target.timeout_secs.unwrap_or(DEFAULT_TIMEOUT_SECS).max(1);
    let (signal, timer, timed_out) = abortable(u64::from(seconds));
    let transport_error = |error: gloo_net::Error| {
        if timed_out.get() {
            ApiError::new(ErrorKind::TimedOut)
        } else {
            transport_error(error.to_string())
        }
    };

    let url = endpoint.path_url(target.base_url);
    let builder = match endpoint.method {
        Method::Get => RequestBuilder::new(&url),
        method => RequestBuilder::new(&url).method(gloo_method(method)),
    }
    .query(endpoint.query.iter().map(|(name, value)| (*name, value.as_str())))
    .header("Accept", "application/json")
    .abort_signal(signal.as_ref());
    let builder = target
        .auth_headers
        .iter()
        .chain(&endpoint.headers)
        .fold(builder, |builder, (name, value)| builder.header(name, value));
    // A call that names its project or organization in a header has one URL for many answers. The browser's
    // cache holds a request for a URL until the one before it for that URL ends (so a fan-out over projects
    // would run one at a time), and without `Vary` could answer one project with another's: these skip it.
    let builder = if endpoint.headers.is_empty() { builder } else { builder.cache(web_sys::RequestCache::NoStore) };
    let request = match &endpoint.body {
        Some(body) => builder.header("Content-Type", "application/json").body(body.as_str()),
        None => builder.build(),
    };
    let result = async {
        let response = match request.map_err(transport_error)?.send().await {
            Ok(response) => response,
            Err(error) => {
                // No status at all. A server that is down and one whose answer the browser refused (CORS) fail
                // alike here, by design of the browser; a plain second request tells them apart.
                let error = transport_error(error);
                if error.kind != ErrorKind::Network {
                    return Err(error);
                }
                return Err(match answers_without_cors(target.base_url).await {
                    // The browser's own words ("Failed to fetch") would contradict the server having answered.
                    true => ApiError { kind: ErrorKind::OriginRefused, messages: Vec::new(), ..error },
                    false => error,
                });
            }
        };
        let status = response.status();
        let body = response.text().await.map_err(transport_error)?;
        answer(target, status, body)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// The abort signal of one request, aborted when the reactive owner that made it is cleaned up (its screen
/// went) or after `seconds`; the timer, to clear when the request ends; and whether the time ran out.
fn abortable(seconds: u64) -> (Option<web_sys::AbortSignal>, Option<TimeoutHandle>, Rc<Cell<bool>>) {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|controller| controller.signal());
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || {
        if let Some(controller) = on_leave.take() {
            controller.abort();
        }
    });
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = Rc::clone(&timed_out);
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(controller) = controller {
                    controller.abort();
                }
            },
            Duration::from_secs(seconds),
        )
        .ok()
    };
    (signal, timer, timed_out)
}

/// How long the probe of [`answers_without_cors`] may take: a server that is up answers at once.
const PROBE_SECS: u64 = 5;

/// Whether anything answers at `base_url` when asked as plainly as a page may ask another origin: a `no-cors`
/// GET, with no header of ours, no credentials and no cache, whose answer the browser gives the page as an
/// opaque nothing. It carries no token or key (a `no-cors` request could not carry `Authorization` anyway).
/// Any answer means the server is up, so a request to it that failed without a status was refused by the
/// browser, which is what it does when the server does not allow this page's origin. Asked once, after such a
/// failure only.
async fn answers_without_cors(base_url: &str) -> bool {
    // The page's own origin needs no permission: a failure there is not CORS, whatever a probe would say.
    let own_origin = web_sys::window().and_then(|window| window.location().origin().ok()).unwrap_or_default();
    if !own_origin.is_empty() && (base_url == own_origin || base_url.starts_with(&format!("{own_origin}/"))) {
        return false;
    }
    let (signal, timer, _) = abortable(PROBE_SECS);
    let probe = RequestBuilder::new(base_url.trim_end_matches('/'))
        .mode(web_sys::RequestMode::NoCors)
        .credentials(web_sys::RequestCredentials::Omit)
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(signal.as_ref())
        .build();
    let answered = match probe {
        Ok(probe) => probe.send().await.is_ok(),
        Err(_) => false,
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    answered
}

/// Posts `form` (multipart/form-data) to `endpoint`'s URL, calling `on_progress` with the share of the body
/// sent so far (0.0 to 1.0). `fetch` cannot report upload progress, so this one call uses XMLHttpRequest.
///
/// No time limit: a large file on a slow link may rightly take minutes, and the progress shows that it moves.
/// Leaving the screen aborts it, as with every other request.
pub(super) async fn upload(
    target: &Target<'_>,
    endpoint: &Endpoint,
    form: &web_sys::FormData,
    on_progress: impl Fn(f64) + 'static,
) -> Result<(u16, String), ApiError> {
    let xhr = web_sys::XmlHttpRequest::new().map_err(|e| transport_error(format!("{e:?}")))?;
    xhr.open("POST", &endpoint.url(target.base_url)).map_err(|e| transport_error(format!("{e:?}")))?;
    for (name, value) in target.auth_headers.iter().chain(&endpoint.headers) {
        xhr.set_request_header(name, value).map_err(|e| transport_error(format!("{e:?}")))?;
    }
    // Content-Type is left to the browser: it adds the multipart boundary.
    let _ = xhr.set_request_header("Accept", "application/json");

    let progress = Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
        if event.length_computable() && event.total() > 0.0 {
            on_progress(event.loaded() / event.total());
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    // Settles on the request's end, whichever way it ends; `error` and `abort` leave the status at 0.
    let finished = js_sys::Promise::new(&mut |resolve, _reject| {
        for event in ["load", "error", "abort"] {
            let _ = xhr.add_event_listener_with_callback(event, &resolve);
        }
    });
    let on_leave = SendWrapper::new(xhr.clone());
    on_cleanup(move || {
        let _ = on_leave.abort();
    });
    xhr.send_with_opt_form_data(Some(form)).map_err(|e| transport_error(format!("{e:?}")))?;
    let ended = wasm_bindgen_futures::JsFuture::from(finished).await;
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(None);
    }
    drop(progress);
    let kind = ended.ok().and_then(|event| event.dyn_into::<web_sys::Event>().ok()).map(|event| event.type_());
    match kind.as_deref() {
        Some("load") if xhr.status().unwrap_or(0) != 0 => {
            let body = xhr.response_text().ok().flatten().unwrap_or_default();
            answer(target, xhr.status().unwrap_or(0), body)
        }
        Some("abort") => Err(ApiError::new(ErrorKind::Aborted)),
        _ => Err(ApiError {
            messages: vec![ServerMessage { id: None, text: String::new(), said: Said::UploadCut }],
            ..ApiError::new(ErrorKind::Network)
        }),
    }
}

/// A response: its status and body when successful, else the error it carries.
fn answer(target: &Target<'_>, status: u16, body: String) -> Result<(u16, String), ApiError> {
    if (200..300).contains(&status) {
        Ok((status, body))
    } else {
        Err(ApiError { from_arcee: target.arcee, ..ApiError::from_response(status, &body) })
    }
}

fn gloo_method(method: Method) -> gloo_net::http::Method {
    match method {
        Method::Get => gloo_net::http::Method::GET,
        Method::Post => gloo_net::http::Method::POST,
        Method::Put => gloo_net::http::Method::PUT,
        Method::Delete => gloo_net::http::Method::DELETE,
    }
}

/// A failure before a status, or while reading the body: an abort, or no usable connection.
fn transport_error(text: String) -> ApiError {
    if text.contains("AbortError") || text.contains("aborted") {
        ApiError::new(ErrorKind::Aborted)
    } else {
        ApiError::network(text)
    }
}
