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
