//! What the dashboard sends: the bodies of the calls that write. Kept apart from `model` (what the server
//! answers), which is read tolerantly, because these are written exactly as the API documents them.

use serde::Serialize;

/// `POST /project`. The current documents write `name`/`description`; servers also accept the older
/// capitalised `Name`/`Description` (FACTS.md), so the current spelling is enough.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewProject {
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub administrator_user_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage_limit: Option<NewUsageLimit>,
}

/// A project's usage limit as created with it: the names and values FACTS.md lists.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewUsageLimit {
    /// Freemium, Daily, Weekly or Monthly.
    pub subscription_type: String,
    /// Requests or Cost.
    pub usage_unit: String,
    pub soft_limit: f64,
    pub hard_limit: f64,
    /// Renewable or NonRenewable.
    pub renewal_status: String,
}

/// `POST /v2/projects/tokens`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewToken {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `PUT /v2/projects/tokens/{id}`: only what changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TokenChanges {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `active` or `blocked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
}

/// One change to a usage limit: the API takes each at its own path.
#[derive(Clone, Debug, PartialEq)]
pub enum LimitChange {
    HardLimit(f64),
    SoftLimit(f64),
    RenewalStatus(String),
}

impl LimitChange {
    pub fn field(&self) -> &'static str {
        match self {
            Self::HardLimit(_) => "hardLimit",
            Self::SoftLimit(_) => "softLimit",
            Self::RenewalStatus(_) => "renewalStatus",
        }
    }

    pub fn body(&self) -> String {
        let value = match self {
            Self::HardLimit(n) | Self::SoftLimit(n) => serde_json::json!(n),
            Self::RenewalStatus(s) => serde_json::json!(s),
        };
        serde_json::json!({ self.field(): value }).to_string()
    }
}

/// Which rows of the request log: an assistant's name and a status (`succeeded`, `failed`, `pending`), each
/// empty for all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportFilter {
    pub assistant: String,
    pub status: String,
}

/// `PUT /project/{id}`: `name` is required. `active` only exists on SAIA beta servers, so it is sent only
/// to them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProjectChanges {
    pub name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}
