//! What the Organization API answers, read tolerantly: any text may be null or absent, numbers may come as
//! strings, and both dialects' shapes are accepted (shared/api/FACTS.md). Nothing here fails on a field the
//! dashboard does not need.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// `projectStatus`: 0 Active, 1 Deleted (SAIA beta), 2 Hidden; anything else is kept as is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ProjectStatus {
    Active,
    Deleted,
    Hidden,
    Other(i64),
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Project {
    #[serde(deserialize_with = "text")]
    pub project_id: String,
    #[serde(deserialize_with = "text")]
    pub project_name: String,
    #[serde(deserialize_with = "text")]
    pub project_description: String,
    pub project_active: Option<bool>,
    #[serde(deserialize_with = "lenient_int")]
    pub project_status: Option<i64>,
    pub organization_id: Option<String>,
    pub organization_name: Option<String>,
    #[serde(deserialize_with = "list")]
    pub search_profiles: Vec<SearchProfile>,
    pub usage_limit: Option<UsageLimit>,
    /// Only in the answer to a creation.
    #[serde(deserialize_with = "list")]
    pub tokens: Vec<ApiToken>,
}

impl Project {
    /// The status code when given, else what `projectActive` implies.
    pub fn status(&self) -> ProjectStatus {
        ProjectStatus::of(self.project_status, self.project_active)
    }
}

impl ProjectStatus {
    /// From `projectStatus` when given, else from what `projectActive` implies.
    fn of(code: Option<i64>, active: Option<bool>) -> Self {
        match (code, active) {
            (Some(0), _) => Self::Active,
            (Some(1), _) => Self::Deleted,
            (Some(2), _) => Self::Hidden,
            (Some(code), _) => Self::Other(code),
            (None, Some(false)) => Self::Hidden,
            (None, _) => Self::Active,
        }
    }
}

/// A project as a list shows it: the fields of [`Project`] that the projects list and the palette read, and
/// nothing else. The list is the landing screen; reading its rows into this lean type keeps the code that reads
/// whole projects (tokens, search profiles, every limit field) out of the first load.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProjectRow {
    #[serde(deserialize_with = "text")]
    pub project_id: String,
    #[serde(deserialize_with = "text")]
    pub project_name: String,
    #[serde(deserialize_with = "text")]
    pub project_description: String,
    pub project_active: Option<bool>,
    #[serde(deserialize_with = "lenient_int")]
    pub project_status: Option<i64>,
    pub usage_limit: Option<LimitUse>,
}

impl ProjectRow {
    pub fn status(&self) -> ProjectStatus {
        ProjectStatus::of(self.project_status, self.project_active)
    }
}

/// How much of a usage limit is used: what its marks are drawn from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LimitUse {
    pub soft_limit: Option<f64>,
    pub hard_limit: Option<f64>,
    pub used_amount: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SearchProfile {
    #[serde(deserialize_with = "text")]
    pub name: String,
    #[serde(deserialize_with = "text")]
    pub description: String,
}

/// A newer field of project details; every part optional.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UsageLimit {
    pub id: Option<String>,
    pub subscription_type: Option<String>,
    pub usage_unit: Option<String>,
    pub soft_limit: Option<f64>,
    pub hard_limit: Option<f64>,
    pub used_amount: Option<f64>,
    pub remaining_usage: Option<f64>,
    pub renewal_status: Option<String>,
    #[serde(deserialize_with = "lenient_int")]
    pub status: Option<i64>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    /// The project's or organization's name, on the newer limit calls.
    pub related_entity_name: Option<String>,
}

impl UsageLimit {
    pub fn usage(&self) -> LimitUse {
        LimitUse { soft_limit: self.soft_limit, hard_limit: self.hard_limit, used_amount: self.used_amount }
    }
}

/// `GET .../limits`: a limit owner's limits.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UsageLimitList {
    #[serde(deserialize_with = "list")]
    pub usage_limits: Vec<UsageLimit>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ApiToken {
    #[serde(deserialize_with = "text")]
    pub id: String,
    #[serde(deserialize_with = "text")]
    pub name: String,
    pub description: Option<String>,
    /// "Active", "Blocked" or "Revoked".
    #[serde(deserialize_with = "text")]
    pub status: String,
    pub timestamp: Option<String>,
}

/// A token's status as the dashboard acts on it; the server's own word is kept in `ApiToken::status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenStatus {
    Active,
    Blocked,
    Revoked,
    /// A word the documents do not list.
    Other,
}

impl TokenStatus {
    /// The word `PUT /v2/projects/tokens/{id}` takes to set it (`None` for what cannot be set).
    pub fn as_sent(self) -> Option<&'static str> {
        match self {
            Self::Active => Some("active"),
            Self::Blocked => Some("blocked"),
            Self::Revoked | Self::Other => None,
        }
    }
}

impl TokenStatus {
    /// The server's word read in any case: "Active", "active", "BLOCKED".
    pub fn from_word(word: &str) -> Self {
        match word.to_ascii_lowercase().as_str() {
            "active" => Self::Active,
            "blocked" => Self::Blocked,
            "revoked" => Self::Revoked,
            _ => Self::Other,
        }
    }
}

impl ApiToken {
    pub fn token_status(&self) -> TokenStatus {
        TokenStatus::from_word(&self.status)
    }
}

/// A usage limit's `status`: 1 Active, 2 Expired, 3 Empty (in force, hard limit reached), 4 Cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitStatus {
    Active,
    Expired,
    Empty,
    Cancelled,
    Other(i64),
}

impl LimitStatus {
    pub fn from_code(code: i64) -> Self {
        match code {
            1 => Self::Active,
            2 => Self::Expired,
            3 => Self::Empty,
            4 => Self::Cancelled,
            other => Self::Other(other),
        }
    }

    /// Whether a limit of this status is the one in force: Active, or Empty (in force, its hard limit reached).
    pub fn in_force(self) -> bool {
        matches!(self, Self::Active | Self::Empty)
    }
}

impl UsageLimit {
    pub fn limit_status(&self) -> Option<LimitStatus> {
        self.status.map(LimitStatus::from_code)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Assistant {
    #[serde(deserialize_with = "text")]
    pub assistant_id: String,
    #[serde(deserialize_with = "text")]
    pub assistant_name: String,
    /// Not in the documents; shown when a server sends it.
    #[serde(alias = "description")]
    pub assistant_description: Option<String>,
    /// Only with `detail=full`.
    #[serde(deserialize_with = "list")]
    pub intents: Vec<Intent>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Intent {
    #[serde(deserialize_with = "lenient_int")]
    pub assistant_intent_default_revision: Option<i64>,
    pub assistant_intent_description: Option<String>,
    pub assistant_intent_id: Option<String>,
    pub assistant_intent_name: Option<String>,
    #[serde(deserialize_with = "list")]
    pub revisions: Vec<Revision>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Revision {
    #[serde(deserialize_with = "list")]
    pub metadata: Vec<Metadata>,
    pub model_id: Option<String>,
    pub model_name: Option<String>,
    pub prompt: Option<String>,
    pub provider_name: Option<String>,
    pub revision_description: Option<String>,
    /// Digits on current servers (the SDK reads an integer), a string elsewhere: both read as text.
    #[serde(deserialize_with = "lenient_text")]
    pub revision_id: Option<String>,
    pub revision_name: Option<String>,
    pub timestamp: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Metadata {
    pub key: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub value: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AssistantList {
    #[serde(deserialize_with = "list")]
    pub assistants: Vec<Assistant>,
    pub project_id: Option<String>,
    pub project_name: Option<String>,
}

/// One row of the request log: the documented fields, then the SDK-era ones (FACTS.md). Any may be null.
/// Serialized back (camelCase, as received) for JSON Lines downloads.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ExportItem {
    pub assistant: Option<String>,
    pub intent: Option<String>,
    /// `2025-02-25T15:03:13.644`: no zone.
    pub timestamp: Option<String>,
    pub prompt: Option<String>,
    pub output: Option<String>,
    pub input_text: Option<String>,
    /// `succeeded`, `failed`, `pending`, or what an older server says.
    pub status: Option<String>,
    pub api_token: Option<String>,
    pub cost: Option<f64>,
    #[serde(deserialize_with = "lenient_int")]
    pub elapsed_time_ms: Option<i64>,
    pub start_timestamp: Option<String>,
    pub end_timestamp: Option<String>,
    pub module: Option<String>,
    pub session_id: Option<String>,
    /// A string for the SDK; kept as JSON because older servers may send other shapes.
    pub feedback: Option<Value>,
    /// A string for the SDK ("a.pdf, b.md"); some servers send a list: both are read.
    pub rag_sources_consulted: Option<Value>,
}

impl ExportItem {
    pub fn feedback_text(&self) -> Option<String> {
        self.feedback.as_ref().and_then(json_text)
    }

    pub fn rag_sources_text(&self) -> Option<String> {
        self.rag_sources_consulted.as_ref().and_then(json_text)
    }
}

/// A loosely typed value as one line of text: strings as they are, lists joined with commas, null as none.
fn json_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        Value::Array(items) => Some(items.iter().filter_map(json_text).collect::<Vec<_>>().join(", ")),
        other => Some(other.to_string()),
    }
}

/// A page of the export in either dialect: `{"items": [..]}` now, `[{"item": {..}}]` on SAIA beta.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportPage {
    pub items: Vec<ExportItem>,
}

impl<'de> Deserialize<'de> for ExportPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped {
            item: ExportItem,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Current {
                #[serde(deserialize_with = "list")]
                items: Vec<ExportItem>,
            },
            Beta(Vec<Wrapped>),
            Bare(Vec<ExportItem>),
        }
        Ok(match Shape::deserialize(deserializer)? {
            Shape::Current { items } | Shape::Bare(items) => Self { items },
            Shape::Beta(rows) => Self { items: rows.into_iter().map(|row| row.item).collect() },
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ProjectList {
    #[serde(deserialize_with = "list")]
    pub projects: Vec<Project>,
}

/// [`ProjectList`] read as [`ProjectRow`]s.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ProjectRowList {
    #[serde(deserialize_with = "list")]
    pub projects: Vec<ProjectRow>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct TokenList {
    #[serde(deserialize_with = "list")]
    pub tokens: Vec<ApiToken>,
}

/// `GET /v1/accessControl/apitoken/validate`: an organization token answers `scope`, a project token `projectId`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TokenValidation {
    pub organization_id: Option<String>,
    pub organization_name: Option<String>,
    pub scope: Option<String>,
    pub project_id: Option<String>,
}

/// Null and absent text both read as empty.
pub(super) fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

/// Null and absent lists both read as empty.
pub(super) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(deserializer)?.unwrap_or_default())
}

/// Text given as a string or a number (an id the SDK reads as an integer), or null.
fn lenient_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => Some(text),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// An integer given as a number, a numeric string, or null.
fn lenient_int<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}
