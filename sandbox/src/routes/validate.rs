//! `/v1/accessControl/apitoken/validate`: what a token belongs to. Not in the summary docs (see FACTS.md), and
//! absent from SAIA beta installations, where clients must fall back to a cheap call of each scope.

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use crate::config::Dialect;
use crate::error::{ApiError, ApiResult};
use crate::store::Caller;
use crate::Sandbox;

pub async fn validate(State(sandbox): State<Sandbox>, caller: Caller) -> ApiResult<Json<Value>> {
    if sandbox.config().dialect == Dialect::SaiaBeta {
        return Err(ApiError::bad_endpoint());
    }
    Ok(Json(sandbox.read(|store| match &caller {
        Caller::Organization => json!({
            "organizationId": store.organization.id,
            "organizationName": store.organization.name,
            "scope": "Pia.Data.Organization",
        }),
        Caller::Project(project_id) => json!({
            "organizationId": store.organization.id,
            "projectId": project_id,
        }),
    })))
}
