//! Fault injection, so tests can see how a client copes with a slow, failing or broken server.
//!
//! A fault is asked for in two ways (see sandbox/README.md, "Fault injection"):
//! - per request, with the header `X-Sandbox-Fault: status=503` (from curl or a test client);
//! - for requests the tester does not send themself (the dashboard's), with a rule posted to
//!   `/__sandbox/faults`: `{"method": "GET", "path": "/v1/organization/projects", "fault": "status=500",
//!   "times": 1}`. Rules match a method (any if absent) and a path prefix, and run out after `times` uses.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::Sandbox;

pub const FAULT_HEADER: &str = "x-sandbox-fault";

/// One thing to do to a response. A spec is a comma-separated list: `delay=300,status=503`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Answer with this status and the API's error body.
    Status(StatusCode),
    /// Wait this long before answering (or before the other faults).
    Delay(Duration),
    /// 200 with `Content-Type: application/json` and a body cut off mid-value.
    MalformedJson,
    /// 502 with an HTML page, as a reverse proxy in front of the API answers.
    Html,
    /// Close the connection without any response.
    Drop,
}

pub fn parse_spec(spec: &str) -> Result<Vec<Fault>, String> {
    spec.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some(("status", code)) => code
                .parse::<u16>()
                .ok()
                .and_then(|c| StatusCode::from_u16(c).ok())
                .filter(|c| c.as_u16() >= 400)
                .map(Fault::Status)
                .ok_or_else(|| format!("'{code}' is not an error status (400-599)")),
            Some(("delay", ms)) => ms
                .parse::<u64>()
                .map(|ms| Fault::Delay(Duration::from_millis(ms)))
                .map_err(|_| format!("'{ms}' is not a number of milliseconds")),
            None if part == "malformed-json" => Ok(Fault::MalformedJson),
            None if part == "html" => Ok(Fault::Html),
            None if part == "drop" => Ok(Fault::Drop),
            _ => Err(format!("unknown fault '{part}' (status=N, delay=MS, malformed-json, html, drop)")),
        })
        .collect()
}

/// A fault rule as posted to `/__sandbox/faults` and listed back.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct FaultRule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub path: String,
    pub fault: String,
    /// How many matching requests it applies to; absent means every one until the rules are cleared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
}

/// The rules in force. A std mutex: it is held for a scan of a short list and never across an await.
#[derive(Clone, Default)]
pub struct FaultRules(Arc<Mutex<Vec<FaultRule>>>);

impl FaultRules {
    pub fn add(&self, rule: FaultRule) -> Result<(), String> {
        parse_spec(&rule.fault)?;
        if rule.times == Some(0) {
            return Err("times must be at least 1 (leave it out for a rule that lasts until cleared)".into());
        }
        self.lock().push(rule);
        Ok(())
    }

    pub fn list(&self) -> Vec<FaultRule> {
        self.lock().clone()
    }

    pub fn clear(&self) {
        self.lock().clear();
    }

    /// The first rule for this request, used up by one if it counts.
    fn take(&self, method: &str, path: &str) -> Option<String> {
        let mut rules = self.lock();
        let index = rules.iter().position(|r| {
            r.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method)) && path.starts_with(&r.path)
        })?;
        let fault = rules[index].fault.clone();
        if let Some(times) = &mut rules[index].times {
            *times -= 1;
            if *times == 0 {
                rules.remove(index);
            }
        }
        Some(fault)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<FaultRule>> {
        // A panic while holding this lock cannot leave the list half-changed, so a poisoned one is still good.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Middleware on the API routes: the global `--latency`, then any fault the request or a rule asks for.
pub async fn inject(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    let latency = sandbox.config().latency;
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let asked = match request.headers().get(FAULT_HEADER) {
        Some(value) => Some(value.to_str().unwrap_or_default().to_string()),
        None => sandbox.faults().take(request.method().as_str(), request.uri().path()),
    };
    let faults = match asked.as_deref().map(parse_spec) {
        None => Vec::new(),
        Some(Ok(faults)) => faults,
        Some(Err(message)) => return ApiError::bad_input(format!("{FAULT_HEADER}: {message}")).into_response(),
    };
    for fault in &faults {
        match fault {
            Fault::Delay(wait) => tokio::time::sleep(*wait).await,
            Fault::Status(status) => {
                let reason = status.canonical_reason().unwrap_or("Error");
                return ApiError::new(*status, u32::from(status.as_u16()), reason).into_response();
            }
            Fault::MalformedJson => {
                return (
                    [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))],
                    r#"{"projects": [{"projectId": "5e1b"#,
                )
                    .into_response()
            }
            Fault::Html => {
                let page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>\
                            <body><h1>502 Bad Gateway</h1><hr><p>nginx</p></body></html>";
                return (StatusCode::BAD_GATEWAY, [(header::CONTENT_TYPE, "text/html")], Body::from(page))
                    .into_response();
            }
            // Unwinding out of the connection's task makes the server drop the socket before any byte of a
            // response is written: what a crashed upstream looks like to a browser. `resume_unwind` skips the
            // panic hook, so nothing is printed; the server itself is not affected.
            Fault::Drop => std::panic::resume_unwind(Box::new("x-sandbox-fault: drop")),
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_combined_specs_and_rejects_nonsense() {
        assert_eq!(
            parse_spec("delay=20, status=503").unwrap(),
            vec![Fault::Delay(Duration::from_millis(20)), Fault::Status(StatusCode::SERVICE_UNAVAILABLE)]
        );
        assert_eq!(parse_spec("drop").unwrap(), vec![Fault::Drop]);
        assert!(parse_spec("status=200").is_err());
        assert!(parse_spec("explode").is_err());
    }

    #[test]
    fn a_rule_for_zero_requests_is_refused() {
        let rule = FaultRule { method: None, path: "/".into(), fault: "html".into(), times: Some(0) };
        assert!(FaultRules::default().add(rule).is_err());
    }

    #[test]
    fn counted_rules_run_out() {
        let rules = FaultRules::default();
        rules
            .add(FaultRule { method: Some("GET".into()), path: "/v1/".into(), fault: "html".into(), times: Some(1) })
            .unwrap();
        assert_eq!(rules.take("POST", "/v1/organization/project"), None);
        assert_eq!(rules.take("GET", "/v1/organization/projects").as_deref(), Some("html"));
        assert_eq!(rules.take("GET", "/v1/organization/projects"), None);
    }
}
