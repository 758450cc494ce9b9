//! The rules of access control: which project or organization a call names, who is a member with which roles,
//! inviting and removing.

use super::{Member, Role};
use crate::error::{ApiError, ApiResult};
use crate::model::Project;
use crate::people::{self, Person};
use crate::store::Store;

/// `POST /v2/accessControl/projects/members`: who, and which roles (names or ids of the project's roles).
#[derive(Debug, Default)]
pub struct Invitation {
    pub email: String,
    pub roles: Vec<String>,
}

impl Store {
    /// The project a `project-id` header names. Anything else than the id of one of this organization's
    /// projects (missing, empty, not a GUID, another organization's) is the live service's "mismatch".
    pub fn project_of_header(&self, id: &str) -> ApiResult<&Project> {
        self.project_index_of_header(id).map(|index| &self.projects[index])
    }

    /// Checks an `organization-id` header (or `organizationId` parameter) names this organization.
    pub fn check_organization_id(&self, id: &str) -> ApiResult<()> {
        if id.trim().eq_ignore_ascii_case(&self.organization.id) {
            Ok(())
        } else {
            Err(ApiError::authorization_mismatch(2001))
        }
    }

    /// The person with this e-mail address: "Not Found, Email" when there is none.
    pub fn person_of_email(&self, email: &str) -> ApiResult<&Person> {
        people::find(&self.people, email).ok_or_else(ApiError::email_not_found)
    }

    /// A member's person, and their roles in `catalog`. A member whose person is gone is not shown.
    pub fn member_view<'a>(&'a self, member: &Member, catalog: &'a [Role]) -> Option<(&'a Person, Vec<&'a Role>)> {
        let person = people::by_id(&self.people, &member.person_id)?;
        Some((person, catalog.iter().filter(|r| member.role_ids.contains(&r.id)).collect()))
    }

    /// The person's organization roles; none for someone only invited to a project.
    pub fn organization_roles(&self, person: &Person) -> Vec<&Role> {
        let member = self.access.members.iter().find(|m| m.person_id == person.id);
        member.and_then(|m| self.member_view(m, &self.access.roles)).map(|(_, roles)| roles).unwrap_or_default()
    }

    /// Every project the person is a member of, with their roles there.
    pub fn memberships_of(&self, person: &Person) -> Vec<(&Project, Vec<&Role>)> {
        self.projects
            .iter()
            .filter_map(|project| {
                let member = project.members.iter().find(|m| m.person_id == person.id)?;
                self.member_view(member, &project.roles).map(|(_, roles)| (project, roles))
            })
            .collect()
    }

    /// Makes the person a member of the project at once, with the roles asked for: the platform processes an
    /// invitation straight away for someone who has signed in, and the sandbox treats everyone so. An address
    /// the organization does not know adds a newcomer to its people.
    pub fn invite(&mut self, project_id: &str, invitation: Invitation) -> ApiResult<()> {
        let index = self.project_index_of_header(project_id)?;
        let email = invitation.email.trim();
        if email.is_empty() {
            return Err(ApiError::bad_input("userEmail is required"));
        }
        if let Some(why) = crate::email::problem(email) {
            return Err(ApiError::bad_input(format!("userEmail '{email}' is not an e-mail address: {why}")));
        }
        let project = &self.projects[index];
        let role_ids = role_ids(project, &invitation.roles)?;
        let known = people::find(&self.people, email).map(|p| p.id.clone());
        if let Some(id) = &known {
            if project.members.iter().any(|m| m.person_id == *id) {
                return Err(ApiError::conflict(format!("{email} is already a member of project '{}'", project.name)));
            }
        }
        let person_id = known.unwrap_or_else(|| {
            let newcomer = people::newcomer(&self.organization.id, email);
            let id = newcomer.id.clone();
            self.people.push(newcomer);
            id
        });
        self.projects[index].members.push(Member { person_id, role_ids });
        Ok(())
    }

    /// `DELETE /v2/accessControl/projects/{projectIdOrName}/members/{userId}`: the project by id or by name
    /// (ignoring case; 2005 when neither), the member by their person's id. The person stays in the organization.
    pub fn remove_member(&mut self, project: &str, user_id: &str) -> ApiResult<()> {
        let index = self
            .projects
            .iter()
            .position(|p| p.id.eq_ignore_ascii_case(project))
            .or_else(|| self.projects.iter().position(|p| p.name.eq_ignore_ascii_case(project)))
            .ok_or_else(ApiError::project_not_found)?;
        let members = &mut self.projects[index].members;
        let at = members
            .iter()
            .position(|m| m.person_id.eq_ignore_ascii_case(user_id))
            .ok_or_else(ApiError::user_not_found)?;
        members.remove(at);
        Ok(())
    }

    fn project_index_of_header(&self, id: &str) -> ApiResult<usize> {
        let id = id.trim();
        self.projects
            .iter()
            .position(|p| !id.is_empty() && p.id.eq_ignore_ascii_case(id))
            .ok_or_else(|| ApiError::authorization_mismatch(2006))
    }
}

/// The ids of the asked roles, each named by id or by name (ignoring case), in catalog order, once each.
fn role_ids(project: &Project, asked: &[String]) -> ApiResult<Vec<String>> {
    if asked.is_empty() {
        return Err(ApiError::bad_input("roles must name at least one of the project's roles"));
    }
    let mut found = Vec::new();
    for wanted in asked {
        let wanted = wanted.trim();
        let role = project
            .roles
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(wanted) || r.name.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| ApiError::bad_input(format!("'{wanted}' is not a role of project '{}'", project.name)))?;
        found.push(role.id.as_str());
    }
    Ok(project.roles.iter().filter(|r| found.contains(&r.id.as_str())).map(|r| r.id.clone()).collect())
}
