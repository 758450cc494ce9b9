//! `/assistants`: the calling project token's assistants; refused with 429 once the project's usage limit (or
//! the organization's) is Empty, under the current dialect (the SAIA beta had no limits).

use axum::extract::{Query, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::shapes;
use crate::config::Dialect;
use crate::error::{ApiError, ApiResult};
use crate::store::Caller;
use crate::Sandbox;

#[derive(Deserialize)]
pub struct AssistantsQuery {
    detail: Option<String>,
}

pub async fn list(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    query: Result<Query<AssistantsQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Value>> {
    let project_id = caller.require_project()?;
    let Query(query) = query.map_err(ApiError::bad_input)?;
    let full = query.detail.as_deref().is_some_and(|d| d.eq_ignore_ascii_case("full"));
    let dialect = sandbox.config().dialect;
    sandbox.read(|store| {
        let project = store.project(project_id)?;
        if dialect == Dialect::Geai {
            store.require_quota(project_id)?;
        }
        let assistants: Vec<Value> = project.assistants.iter().map(|a| shapes::assistant(a, full)).collect();
        Ok(Json(json!({ "assistants": assistants, "projectId": project.id, "projectName": project.name })))
    })
}
