//! `/v1/analytics/requests/...` and `/v1/analytics/lab/...`: the console's dashboards (FACTS.md, "Analytics"),
//! one route per call of `analytics::answers`, so an unknown one is the API's 404 like any unknown path.
//!
//! Every call takes `startDate` and `endDate` (`YYYY-MM-DD`, inclusive; a missing or unreadable one is refused
//! with error 9) and the headers `OrganizationId` and `ProjectId`, which narrow what the token may see:
//! - an organization token sees the whole organization, or with `ProjectId` that project (2005 if unknown);
//! - a project token sees its own project; `ProjectId` may name it, and naming another is error 7, as
//!   `GET /project/{id}` refuses it;
//! - an `OrganizationId` that is not the token's organization is error 7 for either.
//!
//! A project whose usage limit is reached is still shown (unlike its export): analytics are what an
//! administrator reads to find out why.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::routing::get;
use axum::{Json, Router};

use crate::analytics::answers::{LAB, REQUESTS};
use crate::analytics::selection::Selection;
use crate::analytics::{lab, report, Dates};
use crate::clock::read_date;
use crate::error::{ApiError, ApiResult};
use crate::store::{Caller, Store};
use crate::Sandbox;

/// The headers, as the SDK writes them (`OrganizationId`, `ProjectId`); header names are matched ignoring case.
pub const ORGANIZATION_HEADER: &str = "organizationid";
pub const PROJECT_HEADER: &str = "projectid";

/// A route for every call.
pub fn router() -> Router<Sandbox> {
    let requests = REQUESTS.iter().map(|call| {
        let answer = move |asked: Asked| async move {
            let agent = asked.agent.as_deref().filter(|_| call.takes_agent);
            Json((call.answer)(&report::report(&asked.selection, asked.dates, agent)))
        };
        (format!("/v1/analytics/requests/{}", call.name), get(answer))
    });
    let labs = LAB.iter().map(|call| {
        let answer =
            move |asked: Asked| async move { Json((call.answer)(&lab::report(&asked.selection, asked.dates))) };
        (format!("/v1/analytics/lab/{}", call.name), get(answer))
    });
    requests.chain(labs).fold(Router::new(), |router, (path, route)| router.route(&path, route))
}

/// What a call asks: its dates, the projects it may see, and the assistant it names.
struct Asked {
    dates: Dates,
    selection: Selection,
    agent: Option<String>,
}

impl FromRequestParts<Sandbox> for Asked {
    type Rejection = ApiError;

    /// Reads the token, the parameters (names ignoring case, the first of a repeated one), then the scope. The
    /// store is read only to copy the selection out: the sums run after its lock is released.
    async fn from_request_parts(parts: &mut Parts, sandbox: &Sandbox) -> ApiResult<Self> {
        let caller = Caller::from_request_parts(parts, sandbox).await?;
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri).map_err(ApiError::bad_input)?;
        let parameter =
            |name: &str| pairs.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.trim());
        let dates =
            Dates { first: date(parameter("startDate"), "startDate")?, last: date(parameter("endDate"), "endDate")? };
        let agent = parameter("agentName").filter(|name| !name.is_empty()).map(str::to_string);
        let selection = sandbox.read(|store| selection(store, &caller, &parts.headers))?;
        Ok(Self { dates, selection, agent })
    }
}

fn date(value: Option<&str>, field: &str) -> ApiResult<i64> {
    let value = value.unwrap_or_default();
    read_date(value).map_err(|_| ApiError::field_required(field, format!("a date as YYYY-MM-DD (got '{value}')")))
}

/// The projects the token may see, narrowed by the headers.
fn selection(store: &Store, caller: &Caller, headers: &HeaderMap) -> ApiResult<Selection> {
    if header(headers, ORGANIZATION_HEADER).is_some_and(|id| id != store.organization.id) {
        return Err(ApiError::out_of_scope());
    }
    let project = match (caller, header(headers, PROJECT_HEADER)) {
        (Caller::Organization, None) => return Ok(Selection::of(&store.projects, &store.people)),
        (Caller::Organization, Some(id)) => store.project(id)?,
        (Caller::Project(own), None) => store.project(own)?,
        (Caller::Project(_), Some(id)) => store.visible_project(caller, id)?,
    };
    Ok(Selection::of([project], &store.people))
}

/// A header's value, trimmed; absent when empty (or not text).
fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty())
}
