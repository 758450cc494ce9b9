//! What Arcee answers, read leniently: a field that is missing or null gets its default rather than failing
//! the whole screen, as with the Organization API's shapes.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// `GET /whoami`: the key's user and the organization the call acted in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Whoami {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub org: Option<String>,
}

/// One key in `GET /tokens`: never the secret, only its last characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ApiKey {
    pub id: String,
    #[serde(default)]
    pub hint: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub expiry: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct KeyList {
    #[serde(default)]
    pub tokens: Vec<ApiKey>,
}

/// `POST /tokens`: the new key, in this answer only.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CreatedKey {
    pub token: String,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub expiry: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Organization {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct CreatedOrganization {
    pub organization: Organization,
}

/// `POST /organizations/{slug}/invite`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Invited {
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub invited: Vec<String>,
}

/// `POST /contexts/{name}/csv`: 201 when the retriever is ready, 202 when it is still processing the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ContextUpload {
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub context_name: String,
    #[serde(default)]
    pub context_id: Option<String>,
    /// Set from the status (202), not read from the body.
    #[serde(skip)]
    pub processing: bool,
}

/// `GET /retrievers/status/{name}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct RetrieverStatus {
    #[serde(default)]
    pub context_name: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub context_id: Option<String>,
}

impl RetrieverStatus {
    pub fn is_ready(&self) -> bool {
        self.status.eq_ignore_ascii_case("ready")
    }
}

#[derive(Deserialize)]
pub(super) struct Retrieved {
    #[serde(default)]
    pub results: Vec<RetrievalResult>,
}

/// One ranked row: its score and whatever columns the context has (`title`, `doc`, `question`, `answer`...).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RetrievalResult {
    #[serde(default)]
    pub score: Option<f64>,
    #[serde(flatten)]
    pub fields: BTreeMap<String, Value>,
}

impl RetrievalResult {
    /// The columns as text, the usual ones first (title, question, answer, doc), then the rest by name.
    pub fn columns(&self) -> Vec<(String, String)> {
        const FIRST: [&str; 4] = ["title", "question", "answer", "doc"];
        let text = |value: &Value| match value {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        let known = FIRST.iter().filter_map(|name| self.fields.get(*name).map(|v| (name.to_string(), text(v))));
        let rest =
            self.fields.iter().filter(|(name, _)| !FIRST.contains(&name.as_str())).map(|(n, v)| (n.clone(), text(v)));
        known.chain(rest).filter(|(_, value)| !value.is_empty()).collect()
    }
}

/// `POST /models/train`: the model's id (a new one, or the one retrained) and Arcee's word on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Trained {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub message: Option<String>,
}
