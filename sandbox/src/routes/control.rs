//! `/__sandbox/faults`: rules that make chosen API requests fail (see `faults`); `/__sandbox/requests`: the
//! journal of API requests (see `journal`); `/__sandbox/plugin-runtime-policies`: the organization's policies,
//! to see both answers of the real call. Not part of the real API.

use axum::body::Bytes;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use serde_json::Value;

use super::body::JsonObject;
use crate::access::{PluginPolicies, PolicyScope};
use crate::error::{ApiError, ApiResult};
use crate::faults::FaultRule;
use crate::journal::Entry;
use crate::model::Named;
use crate::Sandbox;

pub fn router() -> Router<Sandbox> {
    Router::new()
        .route("/faults", get(list).post(add).delete(clear))
        .route("/requests", get(requests).delete(clear_requests))
        .route("/plugin-runtime-policies", get(policies).put(set_policies).delete(clear_policies))
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

/// The policies as the real call writes them, or `null` when none are defined.
async fn policies(State(sandbox): State<Sandbox>) -> Json<Value> {
    Json(sandbox.read(|store| policies_json(store.access.plugin_policies)))
}

/// `{"chatSharingPermissions", "externalExecutionPermissions"}`, each `none`, `project` or `organization`.
async fn set_policies(State(sandbox): State<Sandbox>, body: Bytes) -> ApiResult<Json<Value>> {
    let body = JsonObject::parse(&body)?;
    let scope = |name: &str| -> ApiResult<PolicyScope> {
        let value = body.text(&[name])?.unwrap_or_default();
        PolicyScope::from_name(&value)
            .ok_or_else(|| ApiError::bad_input(format!("{name} must be none, project or organization (got '{value}')")))
    };
    let policies = PluginPolicies {
        chat_sharing: scope("chatSharingPermissions")?,
        external_execution: scope("externalExecutionPermissions")?,
    };
    sandbox.change(|store| {
        store.access.plugin_policies = Some(policies);
        Ok(())
    })?;
    Ok(Json(policies_json(Some(policies))))
}

/// Removes the policies: the real call then answers that none are defined.
async fn clear_policies(State(sandbox): State<Sandbox>) -> ApiResult<Json<Value>> {
    sandbox.change(|store| {
        store.access.plugin_policies = None;
        Ok(())
    })?;
    Ok(Json(Value::Null))
}

fn policies_json(policies: Option<PluginPolicies>) -> Value {
    policies.map_or(Value::Null, super::access_shapes::plugin_policies)
}
