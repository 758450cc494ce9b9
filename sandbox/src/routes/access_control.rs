//! `/v2/accessControl/...` (FACTS.md "Access control"): roles, members and memberships, invitations and
//! removals, plugin runtime policies. Organization token only: the SDK's integration tests use one for all of
//! these, and a project token gets 403 error 7 as on every other organization call.
//!
//! Checked in this order: the token, its scope, the `project-id` / `organization-id` that names what the call is
//! about, then the list parameters (`access::listing`) and the call's own.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};

use super::access_shapes as shapes;
use super::body::JsonObject;
use super::v2_tokens::PROJECT_ID_HEADER;
use crate::access::listing::Listing;
use crate::access::{Invitation, Role, RoleType};
use crate::error::{ApiError, ApiResult};
use crate::model::{Named, Project};
use crate::people::Person;
use crate::store::{Caller, Store};
use crate::Sandbox;

/// The header that names the organization of `projects/memberships` and `plugin-runtime-policies`.
pub const ORGANIZATION_ID_HEADER: &str = "organization-id";

/// The platform's answer when an organization has no plugin runtime policies: 200, not an error.
pub const POLICIES_NOT_DEFINED: &str =
    "Organization plugin runtime policies not defined. Individual policy will apply.";

type Params = Query<HashMap<String, String>>;

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
}

/// A query parameter the call needs, trimmed; missing or blank is refused.
fn required<'a>(query: &'a HashMap<String, String>, name: &str) -> ApiResult<&'a str> {
    match query.get(name).map(|v| v.trim()) {
        Some(value) if !value.is_empty() => Ok(value),
        _ => Err(ApiError::bad_input(format!("{name} is required"))),
    }
}

/// The two lists of one project: the organization token, the project its `project-id` names, the list
/// parameters (ordered by `name`). `answer` gives the project's one entry of `projects` with the page's counts.
fn project_list(
    sandbox: &Sandbox,
    caller: &Caller,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
    answer: impl FnOnce(&Store, &Project, Listing) -> (Value, usize, usize),
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        let project = store.project_of_header(header(headers, PROJECT_ID_HEADER))?;
        let (entry, count, pages) = answer(store, project, Listing::parse(query, "name", RoleType::ALL)?);
        Ok(Json(json!({ "count": count, "pages": pages, "projects": [entry] })))
    })
}

/// `GET /v2/accessControl/projects/roles`, `project-id`: `{"count", "pages", "projects": [{..., "roles"}]}`,
/// ordered by `name`.
pub async fn project_roles(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    headers: HeaderMap,
    Query(query): Params,
) -> ApiResult<Json<Value>> {
    project_list(&sandbox, &caller, &headers, &query, |store, project, listing| {
        let roles = project.roles.iter().filter(|r| listing.wants(r.role_type)).collect();
        let page = listing.page(roles, |r| &r.name);
        (shapes::project_roles(&store.organization, project, &page.items), page.count, page.pages)
    })
}

/// `GET /v2/accessControl/projects/members`, `project-id`: `{"count", "pages", "projects": [{"members"}]}`,
/// ordered by `name`. With `roleTypes`, a member's roles of other types are not shown and a member left with
/// none is not listed.
pub async fn project_members(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    headers: HeaderMap,
    Query(query): Params,
) -> ApiResult<Json<Value>> {
    project_list(&sandbox, &caller, &headers, &query, |store, project, listing| {
        let members = project
            .members
            .iter()
            .filter_map(|member| store.member_view(member, &project.roles))
            .map(|(person, roles)| {
                let shown: Vec<_> = roles.iter().copied().filter(|r| listing.wants(r.role_type)).collect();
                (person, roles, shown)
            })
            .filter(|(_, _, shown)| !shown.is_empty())
            .collect();
        let page = listing.page(members, |(person, _, _)| &person.name);
        let page = page.map(|(person, roles, shown)| shapes::project_member(person, &roles, &shown));
        (json!({ "members": page.items }), page.count, page.pages)
    })
}

/// `POST /v2/accessControl/projects/members`, `project-id`, `{"userEmail", "roles": [name or id, ...]}`: 201
/// `{"status": "invitation sent"}`, and the person is a member with those roles at once.
pub async fn invite(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Value>)> {
    caller.require_organization()?;
    let body = JsonObject::parse(&body)?;
    let not_a_list = || ApiError::bad_input("roles must be a list of role names or ids");
    let roles = match body.get(&["roles"]) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            items.iter().map(|v| v.as_str().map(str::to_string).ok_or_else(not_a_list)).collect::<ApiResult<_>>()?
        }
        Some(_) => return Err(not_a_list()),
    };
    let invitation = Invitation { email: body.text(&["userEmail"])?.unwrap_or_default(), roles };
    let project_id = header(&headers, PROJECT_ID_HEADER).to_string();
    sandbox.change(|store| store.invite(&project_id, invitation))?;
    Ok((StatusCode::CREATED, Json(json!({ "status": "invitation sent" }))))
}

/// `DELETE /v2/accessControl/projects/{projectIdOrName}/members/{userId}`: `{}`.
pub async fn remove(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Path((project, user_id)): Path<(String, String)>,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.change(|store| store.remove_member(&project, &user_id))?;
    Ok(Json(json!({})))
}

/// `GET /v2/accessControl/projects/memberships`, `organization-id`, `userEmail`: the person's projects with
/// their roles there, `{"count", "pages", "projects": [...]}` ordered by `projectName`; an unknown address is
/// 404 "Not Found, Email".
pub async fn project_memberships(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    headers: HeaderMap,
    Query(query): Params,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        store.check_organization_id(header(&headers, ORGANIZATION_ID_HEADER))?;
        let listing = Listing::parse(&query, "projectName", RoleType::ALL)?;
        let person = store.person_of_email(required(&query, "userEmail")?)?;
        let page = listing.page(kept_memberships(store, person, &listing), |(project, _)| &project.name);
        let page = page.map(|(project, roles)| shapes::project_roles(&store.organization, project, &roles));
        Ok(Json(shapes::page(page, "projects")))
    })
}

/// `GET /v2/accessControl/organizations/members?organizationId=`: every person of the organization with their
/// organization roles, `{"count", "pages", "members": [...]}` ordered by `email`; `roleTypes` takes only
/// `backend`. There is no search parameter: a client filters a page of up to 1000 itself.
pub async fn organization_members(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Query(query): Params,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        store.check_organization_id(query.get("organizationId").map_or("", String::as_str))?;
        let listing = Listing::parse(&query, "email", &[RoleType::Backend])?;
        let members = store
            .people
            .iter()
            .map(|person| (person, store.organization_roles(person)))
            .filter(|(_, roles)| !listing.filters() || !roles.is_empty())
            .collect();
        let page = listing.page(members, |(person, _)| &person.email);
        Ok(Json(shapes::page(page.map(|(person, roles)| shapes::organization_member(person, &roles)), "members")))
    })
}

/// `GET /v2/accessControl/memberships?email=`: `{"count", "pages", "organizations": [{"organizationId",
/// "organizationName", "isStationAvailable", "projects": [...]}]}`, ordered by `organizationName`. The sandbox
/// has one organization, listed for anyone of its people (with no projects for someone on none); its projects are
/// in name order.
pub async fn memberships(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Query(query): Params,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        let listing = Listing::parse(&query, "organizationName", RoleType::ALL)?;
        let person = store.person_of_email(required(&query, "email")?)?;
        let mut projects = kept_memberships(store, person, &listing);
        projects.sort_by_key(|(project, _)| project.name.to_lowercase());
        let organization = json!({
            "isStationAvailable": true,
            "organizationId": store.organization.id,
            "organizationName": store.organization.name,
            "projects": projects.iter().map(|(p, roles)| shapes::project_roles(&store.organization, p, roles)).collect::<Vec<_>>(),
        });
        let page = listing.page(vec![organization], |o| o["organizationName"].as_str().unwrap_or_default());
        Ok(Json(shapes::page(page, "organizations")))
    })
}

/// `GET /v2/accessControl/organization/plugin-runtime-policies`, `organization-id`: `{"policies":
/// {"chatSharingPermissions", "externalExecutionPermissions"}}`, or, when none are defined, 200 with the
/// platform's message.
pub async fn plugin_runtime_policies(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    headers: HeaderMap,
) -> ApiResult<Json<Value>> {
    caller.require_organization()?;
    sandbox.read(|store| {
        store.check_organization_id(header(&headers, ORGANIZATION_ID_HEADER))?;
        Ok(Json(match store.access.plugin_policies {
            Some(policies) => json!({ "policies": shapes::plugin_policies(policies) }),
            None => json!({ "messages": { "description": POLICIES_NOT_DEFINED } }),
        }))
    })
}

/// The person's projects with their roles there, those of other types than `roleTypes` asked left out, and a
/// project left with none not listed.
fn kept_memberships<'a>(store: &'a Store, person: &Person, listing: &Listing) -> Vec<(&'a Project, Vec<&'a Role>)> {
    store
        .memberships_of(person)
        .into_iter()
        .map(|(project, roles)| (project, roles.into_iter().filter(|r| listing.wants(r.role_type)).collect::<Vec<_>>()))
        .filter(|(_, roles)| !roles.is_empty())
        .collect()
}
