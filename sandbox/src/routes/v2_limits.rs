//! `/v2/usageLimits/organizations/{organizationId}/...`: the organization's usage limits (`.../limits`) and each
//! project's (`.../projects/{projectId}/limits`), with the organization token only (a project token gets 403
//! error 7). Every answer's limit is the one object `shapes::usage_limit` writes, amounts counted from the log.
//!
//! Sandbox choices where the vendor says nothing: creation answers 200 with the limit; an unknown organization
//! is 404 error 2004, an unknown project 2005, an unknown limit (or none where one is asked for) 404 with id 404
//! "Not Found: ..."; changing a cancelled limit is 409.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use serde_json::{json, Value};

use super::body;
use super::shapes;
use crate::error::{ApiError, ApiResult};
use crate::limits::LimitOwner;
use crate::model::UsageLimit;
use crate::store::{Caller, Store};
use crate::usage_limit::{LimitChange, NewLimit};
use crate::Sandbox;

/// The organization's routes' prefix; a project's are below it, at `projects/{projectId}/limits`.
pub const PREFIX: &str = "/v2/usageLimits/organizations/{organizationId}";

/// The path's parameters by name: `organizationId`, and as the route has them `projectId`, `limitId`, `field`.
type Params = Path<HashMap<String, String>>;

fn param<'a>(params: &'a HashMap<String, String>, name: &str) -> &'a str {
    params.get(name).map_or("", String::as_str)
}

/// The limit owner the path names, checked against the store.
fn owner(store: &Store, params: &HashMap<String, String>) -> ApiResult<LimitOwner> {
    store.limit_owner(param(params, "organizationId"), params.get("projectId").map(String::as_str))
}

fn shaped(store: &Store, owner: &LimitOwner, limit: &UsageLimit) -> Json<Value> {
    Json(shapes::usage_limit(store, owner, limit))
}

/// `GET .../limits`: `{"usageLimits": [...]}`, the whole history, newest first.
pub async fn list(State(sandbox): State<Sandbox>, caller: Caller, Path(params): Params) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        let owner = owner(store, &params)?;
        let limits: Vec<Value> =
            store.limits(&owner).iter().rev().map(|limit| shapes::usage_limit(store, &owner, limit)).collect();
        Ok(Json(json!({ "usageLimits": limits })))
    })
}

/// `POST .../limits` with `{subscriptionType, usageUnit, softLimit, hardLimit, renewalStatus}` (and optionally
/// `validFrom`, `validUntil`, as on `POST /project`): the new limit, which replaces (cancels) the one in force.
pub async fn create(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Path(params): Params,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    let value = body::json(&body)?;
    sandbox.change(|store| {
        let owner = owner(store, &params)?;
        let limit = store.add_limit(&owner, NewLimit::from_json(&value, "", store.now_ms)?)?;
        Ok(shaped(store, &owner, &limit))
    })
}

/// `GET .../limits/latest`: the newest limit, whatever its status.
pub async fn latest(State(sandbox): State<Sandbox>, caller: Caller, Path(params): Params) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        let owner = owner(store, &params)?;
        let limit = store.limits(&owner).last().ok_or_else(|| none(store, &owner, "usage limit"))?;
        Ok(shaped(store, &owner, limit))
    })
}

/// `GET .../projects/{projectId}/limits/active`: the limit in force (status Active or Empty).
pub async fn active(State(sandbox): State<Sandbox>, caller: Caller, Path(params): Params) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        let owner = owner(store, &params)?;
        let limit = store.active_limit(&owner).ok_or_else(|| none(store, &owner, "active usage limit"))?;
        Ok(shaped(store, &owner, limit))
    })
}

/// `DELETE .../limits/{limitId}`: `{}`; the limit leaves the history.
pub async fn delete(State(sandbox): State<Sandbox>, caller: Caller, Path(params): Params) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.change(|store| {
        let owner = owner(store, &params)?;
        store.delete_limit(&owner, param(&params, "limitId"))
    })?;
    Ok(Json(json!({})))
}

/// `PUT .../limits/{limitId}/hardLimit` `{"hardLimit"}`, `.../softLimit` `{"softLimit"}`, `.../renewalStatus`
/// `{"renewalStatus"}`: the changed limit. Any other last segment is an unknown path.
pub async fn change(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Path(params): Params,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    if !LimitChange::FIELDS.contains(&param(&params, "field")) {
        return Err(ApiError::bad_endpoint());
    }
    let value = body::json(&body)?;
    sandbox.change(|store| {
        let owner = owner(store, &params)?;
        let limit = store.change_limit(&owner, param(&params, "limitId"), param(&params, "field"), &value)?;
        Ok(shaped(store, &owner, &limit))
    })
}

fn none(store: &Store, owner: &LimitOwner, what: &str) -> ApiError {
    ApiError::limit_not_found(format!("'{}' has no {what}", store.limit_owner_name(owner)))
}
