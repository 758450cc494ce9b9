//! What the dashboard sends to Arcee, in the field names of its schemas (`CreateTokenInput` and the like).

use std::collections::BTreeMap;

use serde::Serialize;

/// `CreateTokenInput`: the expiry date, `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(super) struct NewKey {
    pub expiry: String,
}

/// `CreateOrganizationInput`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewOrganization {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// `RetrieveModelInput`: a query against a model (by id) or a context (by name).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RetrievalQuery {
    pub id: String,
    pub query: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    /// Column name to the text that column must contain.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: BTreeMap<String, String>,
}

/// `SubmitFeedbackInput`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NewFeedback {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// `TrainModelInput`: a new model (by `name`), or the model `id` again; `context` and `generator` change it.
/// Arcee needs an id or a name; fields left out keep what the model had.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Training {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
}
