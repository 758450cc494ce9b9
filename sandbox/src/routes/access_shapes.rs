//! The JSON of the access-control answers: the live service's nested shapes (the SDK's integration tests against
//! a real server, FACTS.md), with each member's `email` beside its `name` (the SDK's own model reads `email`).

use serde_json::{json, Value};

use crate::access::listing::Page;
use crate::access::{access_type, PluginPolicies, Role};
use crate::model::{Named, Organization, Project};
use crate::people::Person;

/// A role: `{"externalId", "id", "name", "origin", "type"}`.
pub fn role(role: &Role) -> Value {
    json!({
        "externalId": role.external_id,
        "id": role.id,
        "name": role.name,
        "origin": role.origin.name(),
        "type": role.role_type.name(),
    })
}

/// A project with roles: its catalog (project roles) or someone's roles in it (memberships).
pub fn project_roles(organization: &Organization, project: &Project, roles: &[&Role]) -> Value {
    json!({
        "organizationId": organization.id,
        "organizationName": organization.name,
        "projectDescription": project.description,
        "projectId": project.id,
        "projectName": project.name,
        "roles": roles.iter().map(|r| role(r)).collect::<Vec<_>>(),
    })
}

/// A project member. `name` is the person's display name and `email` their address: the live answer has `id`,
/// `name`, `accessType` and `roles`; the SDK's model requires `email`. `accessType` is read from all of the
/// member's roles, whatever `roleTypes` kept.
pub fn project_member(person: &Person, all_roles: &[&Role], shown: &[&Role]) -> Value {
    json!({
        "accessType": access_type(all_roles),
        "email": person.email,
        "id": person.id,
        "name": person.name,
        "roles": shown.iter().map(|r| role(r)).collect::<Vec<_>>(),
    })
}

/// An organization member: the SDK's `{"email", "roles"}`, with the `id` and `name` a project member has.
pub fn organization_member(person: &Person, roles: &[&Role]) -> Value {
    json!({
        "email": person.email,
        "id": person.id,
        "name": person.name,
        "roles": roles.iter().map(|r| role(r)).collect::<Vec<_>>(),
    })
}

/// `{"chatSharingPermissions", "externalExecutionPermissions"}`, each `none`, `project` or `organization`.
pub fn plugin_policies(policies: PluginPolicies) -> Value {
    json!({
        "chatSharingPermissions": policies.chat_sharing.name(),
        "externalExecutionPermissions": policies.external_execution.name(),
    })
}

/// `{"count", "pages", KEY: items}`: every access-control list's answer.
pub fn page(page: Page<Value>, key: &str) -> Value {
    let mut out = json!({ "count": page.count, "pages": page.pages });
    out[key] = Value::Array(page.items);
    out
}
