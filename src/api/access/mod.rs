//! Access control (FACTS.md, "Access control"): who is a member of which project with which roles, the
//! organization's people, invitations and removals, and the organization's plugin runtime policies. Every call
//! takes the organization token, as the SDK's tests against a real server do; the project or organization they
//! speak of goes in a `project-id` or `organization-id` header.

mod endpoints;
mod model;
#[cfg(test)]
mod tests;

pub use model::{Member, PersonProject, PluginPolicies, Role, RoleType};

use super::client::Client;
use super::error::ApiError;
use model::{MembersAnswer, MembershipsAnswer, PoliciesAnswer, RolesAnswer};

/// The largest page the API accepts: the dashboard reads whole lists and searches, filters and pages them
/// itself, since the API has no search parameter.
pub const WHOLE_LIST: u32 = 1000;

impl Client {
    /// A project's role catalog, by name.
    pub async fn project_roles(&self, project_id: &str) -> Result<Vec<Role>, ApiError> {
        let answer: RolesAnswer = self.call(&endpoints::project_roles(project_id)).await?;
        Ok(answer.roles())
    }

    /// A project's members with their roles, by name.
    pub async fn project_members(&self, project_id: &str) -> Result<Vec<Member>, ApiError> {
        let answer: MembersAnswer = self.call(&endpoints::project_members(project_id)).await?;
        Ok(answer.members())
    }

    /// Invites a person to a project with these roles (names or ids).
    pub async fn invite_member(&self, project_id: &str, email: &str, roles: &[String]) -> Result<(), ApiError> {
        self.call_ignoring_body(&endpoints::invite_member(project_id, email, roles)).await
    }

    /// Takes a person out of a project (they stay in the organization).
    pub async fn remove_member(&self, project_id: &str, member_id: &str) -> Result<(), ApiError> {
        self.call_ignoring_body(&endpoints::remove_member(project_id, member_id)).await
    }

    /// Every project one person belongs to, with their roles there.
    pub async fn memberships_of(&self, organization_id: &str, email: &str) -> Result<Vec<PersonProject>, ApiError> {
        let answer: MembershipsAnswer = self.call(&endpoints::memberships_of(organization_id, email)).await?;
        Ok(answer.projects)
    }

    /// The organization's people with their organization roles, every page of them.
    pub async fn organization_members(&self, organization_id: &str) -> Result<Vec<Member>, ApiError> {
        let mut members = Vec::new();
        let mut page = 1;
        loop {
            let answer: MembersAnswer = self.call(&endpoints::organization_members(organization_id, page)).await?;
            let pages = answer.pages;
            members.extend(answer.members());
            if page >= pages {
                return Ok(members);
            }
            page += 1;
        }
    }

    pub async fn plugin_policies(&self, organization_id: &str) -> Result<PluginPolicies, ApiError> {
        let answer: PoliciesAnswer = self.call(&endpoints::plugin_policies(organization_id)).await?;
        Ok(answer.into())
    }
}
