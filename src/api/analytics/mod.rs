//! The Analytics API (FACTS.md, "Analytics"): the console's usage dashboards. Every call is
//! `GET /v1/analytics/{requests|lab}/NAME?startDate=&endDate=` (inclusive days), for the organization or one
//! project (`OrganizationId`, `ProjectId` headers). Answers are read tolerantly, as the SDK's mappers read them:
//! a missing number is 0, a missing list is empty.

mod model;
#[cfg(test)]
mod tests;

pub use model::*;

use serde::de::DeserializeOwned;

use super::client::Client;
use super::endpoint::Endpoint;
use super::error::ApiError;
use super::scope::EndpointScope;

/// Whose figures: the whole organization, or one project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Organization { organization_id: Option<String> },
    Project { organization_id: Option<String>, project_id: String },
}

/// A range of days, `YYYY-MM-DD`, both included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Days {
    pub start: String,
    pub end: String,
}

/// The call `group/name` (`requests/total-cost`) for `days` in `scope`, with `agent` where the call takes one.
pub fn endpoint(name: &str, days: &Days, scope: &Scope, agent: Option<&str>) -> Endpoint {
    let mut endpoint = Endpoint::new(format!("/v1/analytics/{name}"), EndpointScope::Either)
        .with("startDate", days.start.clone())
        .with("endDate", days.end.clone());
    if let Some(agent) = agent.filter(|a| !a.is_empty()) {
        endpoint = endpoint.with("agentName", agent.to_string());
    }
    let (organization_id, project_id) = match scope {
        Scope::Organization { organization_id } => (organization_id, None),
        Scope::Project { organization_id, project_id } => (organization_id, Some(project_id)),
    };
    if let Some(id) = organization_id {
        endpoint.headers.push(("OrganizationId", id.clone()));
    }
    if let Some(id) = project_id {
        endpoint.headers.push(("ProjectId", id.clone()));
    }
    endpoint
}

impl Client {
    /// One analytics call, its answer read as `T`.
    pub async fn analytics<T: DeserializeOwned>(
        &self,
        name: &str,
        days: &Days,
        scope: &Scope,
        agent: Option<&str>,
    ) -> Result<T, ApiError> {
        self.call(&endpoint(name, days, scope, agent)).await
    }
}
