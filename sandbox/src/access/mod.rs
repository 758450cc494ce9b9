//! Access control (`/v2/accessControl/...`, FACTS.md "Access control"): each project's role catalog and
//! members, the organization's own roles and members, and its plugin runtime policies. The people they name are
//! in `people`; the rules are in `store`, the catalogs in `roles`, the seeded cast's roles in `seed`, and the
//! paging every list shares in `listing`.

pub mod listing;
pub mod roles;
pub mod seed;
mod store;

use serde::{Deserialize, Serialize};

use crate::model::Named;

pub use store::Invitation;

/// Backend roles open the vendor's console (and imply the frontend); frontend roles only its chat frontend.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum RoleType {
    Backend,
    Frontend,
}

impl Named for RoleType {
    const ALL: &'static [Self] = &[Self::Backend, Self::Frontend];

    fn name(self) -> &'static str {
        match self {
            Self::Backend => "Backend",
            Self::Frontend => "Frontend",
        }
    }
}

/// Whether the platform made the role (every project's defaults) or someone defined it in that project.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum RoleOrigin {
    System,
    UserDefined,
}

impl Named for RoleOrigin {
    const ALL: &'static [Self] = &[Self::System, Self::UserDefined];

    /// The vendor's docs say "System" and, for a role someone created, "user-defined"; the exact value the API
    /// writes for the latter is not public, so it is written as one word, like the other.
    fn name(self) -> &'static str {
        match self {
            Self::System => "System",
            Self::UserDefined => "UserDefined",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Role {
    pub id: String,
    pub name: String,
    /// The role's id in the identity provider behind the platform; the sandbox makes it a second GUID.
    pub external_id: String,
    pub role_type: RoleType,
    pub origin: RoleOrigin,
}

/// A person's roles in one project, or in the organization: ids of that catalog's roles, in catalog order.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Member {
    pub person_id: String,
    pub role_ids: Vec<String>,
}

/// The organization's part of access control. Absent from state files of before it: loads empty, and
/// `seed::upgrade` fills it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct OrganizationAccess {
    /// The organization's own (backend) roles.
    pub roles: Vec<Role>,
    /// Who has which of those roles. Every person of the organization is one of its members, with these roles
    /// or none (someone only invited to a project).
    pub members: Vec<Member>,
    /// `None` is the platform's "not defined" answer; set and cleared through `/__sandbox/plugin-runtime-policies`.
    pub plugin_policies: Option<PluginPolicies>,
}

/// What plugins may do across the organization (`GET .../organization/plugin-runtime-policies`).
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PluginPolicies {
    pub chat_sharing: PolicyScope,
    pub external_execution: PolicyScope,
}

/// How far a permission reaches.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum PolicyScope {
    None,
    Project,
    Organization,
}

impl Named for PolicyScope {
    const ALL: &'static [Self] = &[Self::None, Self::Project, Self::Organization];

    fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Project => "project",
            Self::Organization => "organization",
        }
    }
}

/// The console's "Access type" of a member: backend roles imply the frontend. The API's own spelling of
/// `accessType` is not public; these are the console's words.
pub fn access_type(roles: &[&Role]) -> &'static str {
    if roles.iter().any(|r| r.role_type == RoleType::Backend) {
        "Backend & Frontend"
    } else {
        "Frontend"
    }
}
