//! The role catalogs. Every project starts with the platform's default roles (the vendor's docs, "Managing Roles
//! and Permissions"); the organization has its own two. Ids are derived from the owner's id and the role's name,
//! so a project gets the same catalog whether it was seeded, created at run time or loaded from an older state
//! file, and no seeded stream moves.

use super::{Role, RoleOrigin, RoleType};
use crate::random::guid_of;

pub const PROJECT_ADMINISTRATOR: &str = "Project Administrator";
pub const PROJECT_MEMBER: &str = "Project Member";
/// Frontend access to every active assistant of the project.
pub const ALL_ASSISTANTS: &str = "Access all Project Assistants";

pub const ORGANIZATION_ADMINISTRATOR: &str = "Organization Administrator";
pub const ORGANIZATION_MEMBER: &str = "Organization Member";

/// The defaults of a new project. The docs list a fourth, "Access for Project Assistants without Membership",
/// shown only where the installation lets non-members in and never assignable to a person; the sandbox
/// imitates an installation without that option, so it is not in the catalog.
const PROJECT_DEFAULTS: [(&str, RoleType); 3] = [
    (PROJECT_ADMINISTRATOR, RoleType::Backend),
    (PROJECT_MEMBER, RoleType::Backend),
    (ALL_ASSISTANTS, RoleType::Frontend),
];

const ORGANIZATION_DEFAULTS: [&str; 2] = [ORGANIZATION_ADMINISTRATOR, ORGANIZATION_MEMBER];

/// A project's default roles.
pub fn project_defaults(project_id: &str) -> Vec<Role> {
    PROJECT_DEFAULTS.iter().map(|(name, kind)| role(project_id, name, *kind, RoleOrigin::System)).collect()
}

/// A role someone defined in the project: the platform only lets people define frontend roles.
pub fn user_defined(project_id: &str, name: &str) -> Role {
    role(project_id, name, RoleType::Frontend, RoleOrigin::UserDefined)
}

/// The organization's roles, both backend (`roleTypes` of organization members takes only `backend`).
pub fn organization_defaults(organization_id: &str) -> Vec<Role> {
    ORGANIZATION_DEFAULTS
        .iter()
        .map(|name| role(organization_id, name, RoleType::Backend, RoleOrigin::System))
        .collect()
}

/// The id of the role called `name` (ignoring case) in `catalog`, if there is one.
pub fn id_of(catalog: &[Role], name: &str) -> Option<String> {
    catalog.iter().find(|r| r.name.eq_ignore_ascii_case(name)).map(|r| r.id.clone())
}

fn role(owner_id: &str, name: &str, role_type: RoleType, origin: RoleOrigin) -> Role {
    Role {
        id: guid_of(&format!("role/{owner_id}/{name}")),
        name: name.to_string(),
        external_id: guid_of(&format!("external-role/{owner_id}/{name}")),
        role_type,
        origin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_are_the_same_for_the_same_owner_and_distinct_between_owners() {
        assert_eq!(project_defaults("p1"), project_defaults("p1"));
        let (one, two) = (project_defaults("p1"), project_defaults("p2"));
        assert!(one.iter().zip(&two).all(|(a, b)| a.id != b.id && a.name == b.name));
        let names: Vec<&str> = one.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, [PROJECT_ADMINISTRATOR, PROJECT_MEMBER, ALL_ASSISTANTS]);
        assert!(one.iter().all(|r| r.origin == RoleOrigin::System && r.id != r.external_id));
        let custom = user_defined("p1", "Chat User");
        assert_eq!((custom.role_type, custom.origin), (RoleType::Frontend, RoleOrigin::UserDefined));
        assert!(organization_defaults("o").iter().all(|r| r.role_type == RoleType::Backend));
        assert_eq!(id_of(&one, "project member"), Some(one[1].id.clone()));
        assert_eq!(id_of(&one, "Viewer"), None);
    }
}
