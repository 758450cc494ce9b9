//! `/v2/projects/tokens`: project API tokens managed with the organization token (FACTS.md, "The vendor's newer
//! API"). A project token gets 403 error 7 on all of these.
//!
//! Sandbox choices where the vendor says nothing: creation answers 200 (as `POST /project` does); an unknown
//! token is 404 error 6 "Api Token Not Found"; a revoked token cannot be changed (409); revoking twice is fine.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};

use super::body::JsonObject;
use super::shapes;
use crate::error::{ApiError, ApiResult};
use crate::store::Caller;
use crate::tokens::{NewToken, TokenUpdate};
use crate::Sandbox;

/// The header that names the new token's project.
pub const PROJECT_ID_HEADER: &str = "project-id";

/// `POST /v2/projects/tokens`, `project-id: <GUID>`, `{"name", "description"?}`: a new Active token.
pub async fn create(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    let project_id = match headers.get(PROJECT_ID_HEADER).map(|v| v.to_str().map(str::trim)) {
        Some(Ok(id)) if !id.is_empty() => id.to_string(),
        Some(Err(_)) => return Err(ApiError::bad_input("the project-id header must be a project GUID")),
        _ => return Err(ApiError::bad_input("the project-id header is required: the GUID of the token's project")),
    };
    let body = JsonObject::parse(&body)?;
    let new = NewToken { name: body.text(&["name"])?.unwrap_or_default(), description: body.text(&["description"])? };
    let answer = sandbox.change(|store| {
        let token = store.create_token(&project_id, new)?;
        Ok(shapes::v2_created_token(&token, &store.organization, store.project(&project_id)?))
    })?;
    Ok(Json(answer))
}

/// `GET /v2/projects/tokens/{id}`: the token, revoked ones too.
pub async fn show(State(sandbox): State<Sandbox>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| Ok(Json(shapes::v2_token(store.token(&id)?.1))))
}

/// `PUT /v2/projects/tokens/{id}`, `{"description"?, "status"?: "active"|"blocked"}` (any case).
pub async fn update(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    let body = JsonObject::parse(&body)?;
    let blocked = match body.text(&["status"])? {
        None => None,
        Some(status) if status.eq_ignore_ascii_case("active") => Some(false),
        Some(status) if status.eq_ignore_ascii_case("blocked") => Some(true),
        Some(other) => return Err(ApiError::bad_input(format!("status must be active or blocked (got '{other}')"))),
    };
    let update = TokenUpdate { description: body.text(&["description"])?, blocked };
    sandbox.change(|store| store.update_token(&id, update))?;
    Ok(Json(json!([{ "description": "Token updated", "type": "Success" }])))
}

/// `DELETE /v2/projects/tokens/{id}`: revokes it, for good.
pub async fn revoke(State(sandbox): State<Sandbox>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.change(|store| store.revoke_token(&id))?;
    Ok(Json(json!({})))
}
