//! `/request/export`: a page of the calling project's request log, newest first, with no total count; refused
//! with 429 once the project's usage limit (or the organization's) is Empty, under the current dialect.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::config::Dialect;
use crate::error::{ApiError, ApiResult};
use crate::requests::{self, ExportQuery, Row, RowFields, STATUSES};
use crate::store::Caller;
use crate::Sandbox;

/// What `count` 0 or absent means.
pub const DEFAULT_PAGE: u64 = 100;
/// The most rows one page may ask for.
pub const MAX_PAGE: u64 = 10_000;

pub async fn export(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult<Response> {
    let project_id = caller.require_project()?.to_string();
    let Query(pairs) = query.map_err(ApiError::bad_input)?;
    let query = parse_query(&pairs)?;
    let dialect = sandbox.config().dialect;
    let fields = match dialect {
        Dialect::Geai => RowFields::WithSdkFields,
        Dialect::SaiaBeta => RowFields::Documented,
    };
    // Serialized while the store is read, because the rows borrow the project's assistant names.
    let body = sandbox.read(|store| {
        let project = store.project(&project_id)?;
        if dialect == Dialect::Geai {
            store.require_quota(&project_id)?;
        }
        let rows = requests::page(&project.requests, &project.assistants, &query, fields);
        let body = match dialect {
            Dialect::Geai => serde_json::to_vec(&CurrentPage { items: rows }),
            Dialect::SaiaBeta => serde_json::to_vec(&rows.into_iter().map(|item| BetaRow { item }).collect::<Vec<_>>()),
        };
        body.map_err(ApiError::internal)
    })?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// `{"items": [..]}`: the current dialect.
#[derive(Serialize)]
struct CurrentPage<'a> {
    items: Vec<Row<'a>>,
}

/// `{"item": {..}}`: one element of the SAIA beta dialect's bare array.
#[derive(Serialize)]
struct BetaRow<'a> {
    item: Row<'a>,
}

/// Parameter names are matched ignoring case: older clients send `Assistantname`, `Status`, `Skip`, `Count`.
fn parse_query(pairs: &[(String, String)]) -> ApiResult<ExportQuery> {
    let mut query = ExportQuery { count: DEFAULT_PAGE, ..Default::default() };
    for (name, value) in pairs {
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "assistantname" if !value.is_empty() => query.assistant_name = Some(value.to_string()),
            "status" if !value.is_empty() => {
                let status = value.to_ascii_lowercase();
                if !STATUSES.contains(&status.as_str()) {
                    return Err(ApiError::unexpected_status(value));
                }
                query.status = Some(status);
            }
            "skip" if !value.is_empty() => query.skip = number(name, value)?,
            "count" if !value.is_empty() => {
                query.count = match number(name, value)? {
                    0 => DEFAULT_PAGE,
                    n if n > MAX_PAGE => return Err(ApiError::bad_input(format!("count may be at most {MAX_PAGE}"))),
                    n => n,
                }
            }
            _ => {}
        }
    }
    Ok(query)
}

fn number(name: &str, value: &str) -> ApiResult<u64> {
    value.parse().map_err(|_| ApiError::bad_input(format!("{name} must be a whole number, not '{value}'")))
}
