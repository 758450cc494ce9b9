//! What the access-control calls answer, read tolerantly in both shapes FACTS.md gives: the live, nested one
//! (`{"projects": [{"members": [...]}]}`, as the SDK's tests against a real server see it) and the SDK's flat one
//! (`{"members": [...]}`, `{"roles": [...]}`).

use serde::{Deserialize, Deserializer};

use crate::api::model::{list, text};

/// `Backend` roles act on the platform's API; `Frontend` ones on what people see (chat, assistants).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoleType {
    Backend,
    Frontend,
    /// A type the documents do not list.
    #[default]
    Other,
}

impl RoleType {
    pub fn from_word(word: &str) -> Self {
        match word.to_ascii_lowercase().as_str() {
            "backend" => Self::Backend,
            "frontend" => Self::Frontend,
            _ => Self::Other,
        }
    }

    /// The word the API's `roleTypes` parameter and answers use.
    pub fn as_sent(self) -> &'static str {
        match self {
            Self::Backend => "Backend",
            Self::Frontend => "Frontend",
            Self::Other => "",
        }
    }
}

fn role_type<'de, D: Deserializer<'de>>(deserializer: D) -> Result<RoleType, D::Error> {
    Ok(RoleType::from_word(&text(deserializer)?))
}

/// `{"id", "name", "externalId", "type", "origin"}`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Role {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(rename = "type", deserialize_with = "role_type")]
    pub role_type: RoleType,
    pub origin: Option<String>,
}

impl Role {
    /// An administrator role, as the access review counts them: its name says so (the API has no flag).
    pub fn is_administrator(&self) -> bool {
        self.name.to_lowercase().contains("admin")
    }
}

/// A project member or a person of the organization, with their roles.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Member {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub email: String,
    pub access_type: Option<String>,
    #[serde(deserialize_with = "list")]
    pub roles: Vec<Role>,
}

impl Member {
    /// The live answer names members by `id` and `name`; the SDK's model by `email`. A name that is an address
    /// is taken for the e-mail when no `email` came.
    fn completed(mut self) -> Self {
        if self.email.is_empty() && self.name.contains('@') {
            self.email = self.name.clone();
        }
        if self.name.is_empty() {
            self.name = self.email.clone();
        }
        self
    }
}

/// One project a person belongs to, with their roles there.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PersonProject {
    #[serde(deserialize_with = "text")]
    pub project_id: String,
    #[serde(deserialize_with = "text")]
    pub project_name: String,
    #[serde(deserialize_with = "text")]
    pub project_description: String,
    #[serde(deserialize_with = "list")]
    pub roles: Vec<Role>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProjectMembers {
    #[serde(deserialize_with = "list")]
    members: Vec<Member>,
}

/// `.../projects/members` (live: nested in `projects`) and `.../organizations/members` (flat).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MembersAnswer {
    #[serde(deserialize_with = "list")]
    projects: Vec<ProjectMembers>,
    #[serde(deserialize_with = "list")]
    members: Vec<Member>,
    pub pages: u32,
}

impl MembersAnswer {
    pub fn members(self) -> Vec<Member> {
        let nested = self.projects.into_iter().flat_map(|project| project.members);
        self.members.into_iter().chain(nested).map(Member::completed).collect()
    }
}

/// `.../projects/roles`: live, `{"projects": [{..., "roles"}]}`; the SDK's mapper, `{"roles"}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RolesAnswer {
    #[serde(deserialize_with = "list")]
    projects: Vec<PersonProject>,
    #[serde(deserialize_with = "list")]
    roles: Vec<Role>,
}

impl RolesAnswer {
    pub fn roles(self) -> Vec<Role> {
        self.roles.into_iter().chain(self.projects.into_iter().flat_map(|project| project.roles)).collect()
    }
}

/// `.../projects/memberships`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MembershipsAnswer {
    #[serde(deserialize_with = "list")]
    pub projects: Vec<PersonProject>,
}

/// The organization's plugin runtime policies: who an assistant's chat may be shared with, and who may run a
/// plugin outside the platform (`none`, `project` or `organization`), or none set (each person's own apply).
#[derive(Clone, Debug, PartialEq)]
pub enum PluginPolicies {
    Defined { chat_sharing: String, external_execution: String },
    NotDefined,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Policies {
    #[serde(deserialize_with = "text")]
    chat_sharing_permissions: String,
    #[serde(deserialize_with = "text")]
    external_execution_permissions: String,
}

/// `{"policies": {...}}`, or 200 `{"messages": {"description": "... not defined ..."}}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PoliciesAnswer {
    policies: Option<Policies>,
}

impl From<PoliciesAnswer> for PluginPolicies {
    fn from(answer: PoliciesAnswer) -> Self {
        match answer.policies {
            Some(policies) => Self::Defined {
                chat_sharing: policies.chat_sharing_permissions,
                external_execution: policies.external_execution_permissions,
            },
            None => Self::NotDefined,
        }
    }
}
