//! `/__sandbox/faults`: rules that make chosen API requests fail (see `faults`); `/__sandbox/requests`: the
//! journal of API requests (see `journal`). Not part of the real API.

use axum::body::Bytes;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use crate::error::{ApiError, ApiResult};
use crate::faults::FaultRule;
use crate::journal::Entry;
use crate::Sandbox;

pub fn router() -> Router<Sandbox> {
    Router::new()
        .route("/faults", get(list).post(add).delete(clear))
        .route("/requests", get(requests).delete(clear_requests))
}

async fn list(State(sandbox): State<Sandbox>) -> Json<Vec<FaultRule>> {
    Json(sandbox.faults().list())
}

async fn add(State(sandbox): State<Sandbox>, body: Bytes) -> ApiResult<Json<Vec<FaultRule>>> {
    let rule: FaultRule = serde_json::from_slice(&body).map_err(ApiError::bad_input)?;
    sandbox.faults().add(rule).map_err(ApiError::bad_input)?;
    Ok(Json(sandbox.faults().list()))
}

async fn clear(State(sandbox): State<Sandbox>) -> Json<Vec<FaultRule>> {
    sandbox.faults().clear();
    Json(Vec::new())
}

async fn requests(State(sandbox): State<Sandbox>) -> Json<Vec<Entry>> {
    Json(sandbox.journal().entries())
}

async fn clear_requests(State(sandbox): State<Sandbox>) -> Json<Vec<Entry>> {
    sandbox.journal().clear();
    Json(Vec::new())
}
