//! The access-control calls as data (see `api::endpoint`): paths, the one `orderKey` each accepts, and the
//! header that names the project or organization.

use crate::api::endpoint::{encode, Endpoint, Method};
use crate::api::scope::{EndpointScope, TokenScope};

use super::WHOLE_LIST;

const BASE: &str = "/v2/accessControl";

fn organization_call(path: &str) -> Endpoint {
    Endpoint::new(format!("{BASE}{path}"), EndpointScope::Only(TokenScope::Organization))
}

/// The first page of a whole list, in `order_key` order, ascending.
fn whole_list(endpoint: Endpoint, order_key: &str, page: u32) -> Endpoint {
    endpoint
        .with("startPage", page.to_string())
        .with("pageSize", WHOLE_LIST.to_string())
        .with("orderKey", order_key)
        .with("orderDirection", "asc")
}

fn about_project(mut endpoint: Endpoint, project_id: &str) -> Endpoint {
    endpoint.headers.push(("project-id", project_id.to_string()));
    endpoint
}

fn about_organization(mut endpoint: Endpoint, organization_id: &str) -> Endpoint {
    endpoint.headers.push(("organization-id", organization_id.to_string()));
    endpoint
}

pub fn project_roles(project_id: &str) -> Endpoint {
    about_project(whole_list(organization_call("/projects/roles"), "name", 1), project_id)
}

pub fn project_members(project_id: &str) -> Endpoint {
    about_project(whole_list(organization_call("/projects/members"), "name", 1), project_id)
}

pub fn invite_member(project_id: &str, email: &str, roles: &[String]) -> Endpoint {
    let body = serde_json::json!({ "userEmail": email, "roles": roles }).to_string();
    about_project(organization_call("/projects/members").sending(Method::Post, Some(body)), project_id)
}

pub fn remove_member(project_id: &str, member_id: &str) -> Endpoint {
    let path = format!("/projects/{}/members/{}", encode(project_id), encode(member_id));
    organization_call(&path).sending(Method::Delete, None)
}

pub fn memberships_of(organization_id: &str, email: &str) -> Endpoint {
    let endpoint = whole_list(organization_call("/projects/memberships"), "projectName", 1).with("userEmail", email);
    about_organization(endpoint, organization_id)
}

pub fn organization_members(organization_id: &str, page: u32) -> Endpoint {
    whole_list(organization_call("/organizations/members"), "email", page).with("organizationId", organization_id)
}

pub fn plugin_policies(organization_id: &str) -> Endpoint {
    about_organization(organization_call("/organization/plugin-runtime-policies"), organization_id)
}
