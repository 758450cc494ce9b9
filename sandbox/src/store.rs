//! The organization's state and the API's rules about it: unique names, scopes, what creation hands out.
//!
//! Handlers hold the lock only for these short calls; nothing here awaits.

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};
use crate::model::{ApiToken, Organization, Project, ProjectStatus, RequestLog, SearchProfile, TokenStatus};
use crate::random::Rng;
use crate::usage_limit::NewLimit;

/// Who is calling, as told by the token they sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    Organization,
    Project(String),
}

impl Caller {
    pub fn require_organization(&self) -> ApiResult<()> {
        match self {
            Self::Organization => Ok(()),
            Self::Project(_) => Err(ApiError::out_of_scope()),
        }
    }

    pub fn require_project(&self) -> ApiResult<&str> {
        match self {
            Self::Project(id) => Ok(id),
            Self::Organization => Err(ApiError::out_of_scope()),
        }
    }
}

/// A project as a client asks to create it; validated by `Store::create_project`.
#[derive(Debug, Default)]
pub struct NewProject {
    pub name: String,
    pub description: String,
    pub administrator_user_email: Option<String>,
    /// Already checked, field by field, where the body was read (`NewLimit::from_json`).
    pub usage_limit: Option<NewLimit>,
}

/// A client's change to a project; `None` leaves a field as it was.
#[derive(Debug, Default)]
pub struct ProjectUpdate {
    pub name: String,
    pub description: Option<String>,
    pub status: Option<ProjectStatus>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Store {
    pub organization: Organization,
    pub projects: Vec<Project>,
    /// Where ids and secrets of things created at run time come from, so a replayed session is identical.
    pub rng: u64,
    /// The Arcee API's users, keys, contexts and models (`arcee`). Absent from older state files: it loads empty
    /// and `Sandbox::new` seeds it.
    #[serde(default)]
    pub arcee: crate::arcee::State,
    /// The organization's people (`people`): project members, and who invitations name. Absent from older state
    /// files, like `access`: both load empty and `seed::upgrade` fills them.
    #[serde(default)]
    pub people: Vec<crate::people::Person>,
    #[serde(default)]
    pub access: crate::access::OrganizationAccess,
    /// The sandbox's "now" (`clock::Clock::now_ms`): when whatever is created or changed at run time is dated,
    /// and when usage limits are judged. Fixed at seeding, so a replayed session gives the same answers; a state
    /// file of before it was kept loads with the fixed clock's, which its data is dated by.
    #[serde(default = "crate::clock::fixed_now")]
    pub now_ms: i64,
}

impl Store {
    pub fn authenticate(&self, token: &str) -> ApiResult<Caller> {
        if token == self.organization.token {
            return Ok(Caller::Organization);
        }
        self.projects
            .iter()
            .find_map(|project| {
                project
                    .tokens
                    .iter()
                    .find(|t| t.id == token && t.status() == TokenStatus::Active)
                    .map(|_| Caller::Project(project.id.clone()))
            })
            .ok_or_else(ApiError::unauthorized)
    }

    pub fn project(&self, id: &str) -> ApiResult<&Project> {
        self.projects.iter().find(|p| p.id == id).ok_or_else(ApiError::project_not_found)
    }

    /// A project the caller may see: any for the organization token, only its own for a project token.
    pub fn visible_project(&self, caller: &Caller, id: &str) -> ApiResult<&Project> {
        let project = self.project(id)?;
        match caller {
            Caller::Project(own) if *own != project.id => Err(ApiError::out_of_scope()),
            _ => Ok(project),
        }
    }

    pub fn create_project(&mut self, new: NewProject) -> ApiResult<Project> {
        let name = self.check_name(&new.name, None)?;
        if let Some(email) = &new.administrator_user_email {
            if !looks_like_email(email) {
                return Err(ApiError::bad_input(format!("administratorUserEmail '{email}' is not an e-mail address")));
            }
        }
        let mut rng = self.take_rng();
        let created_ms = self.now_ms;
        let id = rng.guid();
        let mut project = Project {
            roles: crate::access::roles::project_defaults(&id),
            members: Vec::new(),
            id,
            name,
            description: new.description,
            status: ProjectStatus::Active,
            administrator_user_email: new.administrator_user_email,
            usage_limits: Vec::new(),
            search_profiles: vec![SearchProfile {
                name: "Default".into(),
                description: "Documents uploaded to the project".into(),
            }],
            tokens: vec![ApiToken {
                id: rng.secret("geai_prj"),
                name: "Default".into(),
                description: Some("Created with the project".into()),
                blocked: false,
                revoked_ms: None,
                created_ms,
            }],
            assistants: Vec::new(),
            requests: RequestLog { count: 0, seed: rng.next_u64(), newest_ms: created_ms },
        };
        // Drawn last, so that a project made without a limit gets the same ids as before limits existed.
        project.usage_limits = new.usage_limit.map(|limit| limit.into_limit(rng.guid())).into_iter().collect();
        self.rng = rng.next_u64();
        self.projects.push(project.clone());
        Ok(project)
    }

    pub fn update_project(&mut self, id: &str, update: ProjectUpdate) -> ApiResult<Project> {
        let index = self.projects.iter().position(|p| p.id == id).ok_or_else(ApiError::project_not_found)?;
        let name = self.check_name(&update.name, Some(id))?;
        let project = &mut self.projects[index];
        project.name = name;
        if let Some(description) = update.description {
            project.description = description;
        }
        if let Some(status) = update.status {
            project.status = status;
        }
        Ok(project.clone())
    }

    /// Removes the project with its tokens, assistants and log: every later call on it says 2005.
    pub fn delete_project(&mut self, id: &str) -> ApiResult<()> {
        let before = self.projects.len();
        self.projects.retain(|p| p.id != id);
        if self.projects.len() == before {
            return Err(ApiError::project_not_found());
        }
        Ok(())
    }

    /// Trims the name, refuses an empty one, and refuses one another project has (ignoring case).
    fn check_name(&self, name: &str, except_id: Option<&str>) -> ApiResult<String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ApiError::name_empty());
        }
        let taken = self
            .projects
            .iter()
            .any(|p| Some(p.id.as_str()) != except_id && p.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(ApiError::name_taken(name));
        }
        Ok(name.to_string())
    }

    fn take_rng(&mut self) -> Rng {
        Rng::new(self.rng)
    }

    /// Draws ids or secrets for something created at run time, and moves the stored seed on past them.
    pub(crate) fn draw<R>(&mut self, f: impl FnOnce(&mut Rng) -> R) -> R {
        crate::random::draw(&mut self.rng, f)
    }
}

/// What a form would accept (see `email`).
fn looks_like_email(email: &str) -> bool {
    crate::email::problem(email).is_none()
}

#[cfg(test)]
mod tests {
    use super::looks_like_email;

    #[test]
    fn email_check_accepts_ordinary_addresses_only() {
        assert!(looks_like_email("ana@example.com"));
        assert!(!looks_like_email("ana@example"));
        assert!(!looks_like_email("ana example@x.com"));
        assert!(!looks_like_email("@x.com"));
        assert!(!looks_like_email("a@b@c.com"));
    }

    #[test]
    fn a_state_file_of_before_clocks_loads_with_the_fixed_clock() {
        use crate::clock::Clock;
        use crate::config::{Dialect, LogEnd, SeedConfig};
        let seeded = crate::seed::organization(
            &SeedConfig { projects: 1, log_end: LogEnd::Now, ..SeedConfig::default() },
            Dialect::Geai,
        );
        let mut old = serde_json::to_value(&seeded).unwrap();
        old.as_object_mut().unwrap().remove("now_ms");
        old["projects"][0]["requests"].as_object_mut().unwrap().remove("newest_ms");
        let loaded: super::Store = serde_json::from_value(old).unwrap();
        assert_eq!(loaded.now_ms, Clock::FIXED.now_ms);
        assert_eq!(loaded.projects[0].requests.newest_ms, Clock::FIXED.newest_request_ms);
        let kept: super::Store = serde_json::from_value(serde_json::to_value(&seeded).unwrap()).unwrap();
        assert!(kept == seeded, "a state file keeps the clock it was seeded with");
    }
}
