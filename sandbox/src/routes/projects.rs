//! `/projects`, `/project`, `/project/{id}` and `/project/{id}/tokens`.

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

use super::body::JsonObject;
use super::shapes::{self, ProjectShape};
use crate::config::Dialect;
use crate::error::{ApiError, ApiResult};
use crate::model::ProjectStatus;
use crate::store::{Caller, NewProject, ProjectUpdate};
use crate::usage_limit::NewLimit;
use crate::Sandbox;

#[derive(Deserialize)]
pub struct ListQuery {
    detail: Option<String>,
    name: Option<String>,
}

/// Active projects; with `detail=full` every project; with `name=` (current dialect) only that exact name.
///
/// With `detail=full` under the current dialect, each entry also carries its `usageLimit` (the same object as in
/// the project's details): a sandbox choice beyond the documents, so that a client can mark projects near or
/// past their limit without a request per project.
pub async fn list(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    let Query(query) = query.map_err(ApiError::bad_input)?;
    let dialect = sandbox.config().dialect;
    let full = query.detail.as_deref().is_some_and(|d| d.eq_ignore_ascii_case("full"));
    let name = query.name.filter(|_| dialect == Dialect::Geai);
    let projects: Vec<Value> = sandbox.read(|store| {
        store
            .projects
            .iter()
            .filter(|p| full || p.status == ProjectStatus::Active)
            .filter(|p| name.as_ref().is_none_or(|n| p.name == *n))
            .map(|p| {
                let mut entry = shapes::project(p, &store.organization, ProjectShape::Summary, dialect);
                if full && dialect == Dialect::Geai {
                    if let Some(limit) = shapes::project_limit(store, p) {
                        entry["usageLimit"] = limit;
                    }
                }
                entry
            })
            .collect()
    });
    Ok(Json(json!({ "projects": projects })))
}

pub async fn show(State(sandbox): State<Sandbox>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    let dialect = sandbox.config().dialect;
    sandbox.read(|store| {
        let project = store.visible_project(&caller, &id)?;
        let mut answer = shapes::project(project, &store.organization, ProjectShape::Detail, dialect);
        if dialect == Dialect::Geai {
            if let Some(limit) = shapes::project_limit(store, project) {
                answer["usageLimit"] = limit;
            }
        }
        Ok(Json(answer))
    })
}

pub async fn tokens(State(sandbox): State<Sandbox>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        let tokens: Vec<Value> = store.project(&id)?.tokens.iter().map(shapes::token).collect();
        Ok(Json(json!({ "tokens": tokens })))
    })
}

/// Creates a project with its default token, which only this answer (and GET .../tokens) carries.
pub async fn create(State(sandbox): State<Sandbox>, caller: Caller, body: Bytes) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    let body = JsonObject::parse(&body)?;
    let now_ms = sandbox.read(|store| store.now_ms);
    let new = NewProject {
        name: body.text(&["name", "Name"])?.unwrap_or_default(),
        description: body.text(&["description", "Description"])?.unwrap_or_default(),
        administrator_user_email: body.text(&["administratorUserEmail"])?.filter(|e| !e.is_empty()),
        usage_limit: match body.get(&["usageLimit"]) {
            None | Some(Value::Null) => None,
            Some(limit) => Some(NewLimit::from_json(limit, "usageLimit", now_ms)?),
        },
    };
    let dialect = sandbox.config().dialect;
    let answer = sandbox.change(|store| {
        let project = store.create_project(new)?;
        let mut answer = shapes::project(&project, &store.organization, ProjectShape::Saved, dialect);
        answer["tokens"] = project.tokens.iter().map(shapes::token).collect();
        Ok(answer)
    })?;
    Ok(Json(answer))
}

/// Renames and re-describes; the SAIA beta dialect also takes `active` (false hides the project).
pub async fn update(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    let body = JsonObject::parse(&body)?;
    let dialect = sandbox.config().dialect;
    let status = match (dialect, body.get(&["active"])) {
        (Dialect::SaiaBeta, Some(Value::Bool(true))) => Some(ProjectStatus::Active),
        (Dialect::SaiaBeta, Some(Value::Bool(false))) => Some(ProjectStatus::Hidden),
        (Dialect::SaiaBeta, Some(other)) if !other.is_null() => {
            return Err(ApiError::bad_input("active must be true or false"))
        }
        _ => None,
    };
    let update = ProjectUpdate {
        name: body.text(&["name", "Name"])?.unwrap_or_default(),
        description: body.text(&["description", "Description"])?,
        status,
    };
    let answer = sandbox.change(|store| {
        let project = store.update_project(&id, update)?;
        Ok(shapes::project(&project, &store.organization, ProjectShape::Saved, dialect))
    })?;
    Ok(Json(answer))
}

pub async fn delete(State(sandbox): State<Sandbox>, caller: Caller, Path(id): Path<String>) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.change(|store| store.delete_project(&id))?;
    Ok(Json(json!({})))
}
