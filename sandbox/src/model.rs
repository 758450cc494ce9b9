//! What the sandbox stores. These are the sandbox's own types, saved as-is in a state file; the JSON the API
//! answers with is shaped from them in `routes`, per dialect.

use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Organization {
    pub id: String,
    pub name: String,
    /// The one organization-scope token.
    pub token: String,
}

/// `projectStatus`: 0 Active, 1 Deleted (SAIA beta only), 2 Hidden.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum ProjectStatus {
    Active,
    Deleted,
    Hidden,
}

impl ProjectStatus {
    pub fn code(self) -> u8 {
        match self {
            Self::Active => 0,
            Self::Deleted => 1,
            Self::Hidden => 2,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub description: String,
    pub status: ProjectStatus,
    pub administrator_user_email: Option<String>,
    /// Kept as the client sent it: the sandbox checks only that it is an object.
    pub usage_limit: Option<Value>,
    pub search_profiles: Vec<SearchProfile>,
    pub tokens: Vec<ApiToken>,
    pub assistants: Vec<Assistant>,
    pub requests: RequestLog,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SearchProfile {
    pub name: String,
    pub description: String,
}

/// A project-scope API token. As on the real service, its `id` is the secret a client sends as Bearer.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub blocked: bool,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Assistant {
    pub id: String,
    pub name: String,
    pub intents: Vec<Intent>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Intent {
    pub id: String,
    pub name: String,
    pub description: String,
    pub default_revision: u32,
    pub revisions: Vec<Revision>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Revision {
    pub id: String,
    pub number: u32,
    pub description: String,
    pub model_id: String,
    pub model_name: String,
    pub provider_name: String,
    pub prompt: String,
    pub created_ms: i64,
    pub metadata: Vec<(String, String, String)>,
}

/// A project's request log is not stored row by row: it is `count` rows generated from `seed` on demand
/// (see `requests`), so a project with a million requests costs a few bytes.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq)]
pub struct RequestLog {
    pub count: u64,
    pub seed: u64,
}
