//! `POST /v2/contexts/{context_name}/csv`: a CSV sent as the `file` field of a multipart form.
//!
//! The body is read here rather than by axum's limited extractors, so that a file over the limit still gets the
//! API's 413 answer: the rest of an oversized body is read and dropped first, since a server that answers while
//! the client is still sending makes most clients see a reset connection instead of the answer.

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use futures_util::StreamExt;
use serde_json::{json, Value};
use tokio::time::{Duration, Instant};

use super::error::{Answer, Refusal};
use super::store::Caller;
use super::table;
use super::validation::{self, body, Problem};
use crate::Sandbox;

/// The largest file accepted: 10 MiB.
pub const FILE_LIMIT: usize = 10 * 1024 * 1024;
/// Room for the form's boundaries and part headers around a file of the largest size.
const FORM_SLACK: usize = 64 * 1024;
/// How much of an oversized body is read and dropped before answering; past it the connection is simply closed.
const DRAIN_LIMIT: usize = 256 * 1024 * 1024;
/// Files of up to this many rows are ready at once (201); larger ones process in the background (202).
pub const READY_ROWS: usize = 200;
/// How long a larger file processes, by the wall clock.
pub const PROCESSING: Duration = Duration::from_secs(3);

pub async fn upload(
    State(sandbox): State<Sandbox>,
    _caller: Caller,
    Path(context_name): Path<String>,
    request: Request,
) -> Answer<(StatusCode, Json<Value>)> {
    let (parts, sent) = request.into_parts();
    let sent = read_capped(sent).await?;
    let file = file_field(parts, sent, &sandbox).await?;
    let mut problems = Vec::new();
    problems.extend(validation::path_name(&context_name, "context_name").err());
    if file.is_none() {
        problems.push(Problem::missing(body("file"), &Value::Null));
    }
    Refusal::unless_valid(problems)?;
    let file = file.unwrap_or_default();
    if file.len() > FILE_LIMIT {
        return Err(Refusal::file_too_large());
    }
    let table = table::read(&file).map_err(|why| Problem::value_error(body("file"), why, &Value::Null))?;
    let rows = table.rows.len();
    let processing = rows > READY_ROWS;
    let until = processing.then(|| Instant::now() + PROCESSING);
    let context_id = sandbox.change_arcee(|arcee| Ok(arcee.upload(&context_name, table, until)))?;
    let (status, message) = if processing {
        (StatusCode::ACCEPTED, format!("Context '{context_name}' accepted: {rows} rows are being processed"))
    } else {
        (StatusCode::CREATED, format!("Context '{context_name}' uploaded: {rows} rows, ready"))
    };
    Ok((status, Json(json!({ "message": message, "context_name": context_name, "context_id": context_id }))))
}

/// The whole body if it can hold a file within the limit; else 413, once the body is read to its end.
async fn read_capped(sent: Body) -> Answer<Bytes> {
    let cap = FILE_LIMIT + FORM_SLACK;
    let mut stream = sent.into_data_stream();
    let mut kept = Vec::new();
    let mut seen = 0;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| Refusal::unreadable_form())?;
        seen += chunk.len();
        if seen <= cap {
            kept.extend_from_slice(&chunk);
        } else if seen > DRAIN_LIMIT {
            break;
        }
    }
    if seen > cap {
        return Err(Refusal::file_too_large());
    }
    Ok(kept.into())
}

/// The `file` field of a multipart form (a plain text field is taken as the file's content too); `None` when the
/// body is not a form or has no such field, as FastAPI sees a missing field.
async fn file_field(parts: Parts, sent: Bytes, sandbox: &Sandbox) -> Answer<Option<Bytes>> {
    let request = Request::from_parts(parts, Body::from(sent));
    let Ok(mut form) = Multipart::from_request(request, sandbox).await else { return Ok(None) };
    while let Some(field) = form.next_field().await.map_err(|_| Refusal::unreadable_form())? {
        if field.name() == Some("file") {
            return field.bytes().await.map(Some).map_err(|_| Refusal::unreadable_form());
        }
    }
    Ok(None)
}
