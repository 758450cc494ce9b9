//! What the Arcee API stores, inside the sandbox's `Store` (and so in its state file). The JSON it answers with
//! is shaped in `routes`.

use serde::{Deserialize, Serialize};
use tokio::time::Instant;

/// Everything the Arcee API knows. State files of before it existed load it empty; `Sandbox::new` then seeds it.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct State {
    pub users: Vec<User>,
    pub organizations: Vec<Organization>,
    /// Every user's API keys, in the order they were made.
    pub keys: Vec<ApiKey>,
    pub contexts: Vec<Context>,
    pub models: Vec<Model>,
    /// Feedback received, oldest first: tests read it from the library.
    pub feedback: Vec<Feedback>,
    /// Seed of the ids and secrets made at run time (`random::draw`).
    pub rng: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct User {
    pub email: String,
    /// The organization a request without `X-Arcee-Org` acts in.
    pub default_organization: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Organization {
    pub name: String,
    /// Unique; how paths and `X-Arcee-Org` name it.
    pub slug: String,
    pub kind: OrganizationType,
    pub created_ms: i64,
    /// E-mail addresses of its members.
    pub members: Vec<String>,
    /// Addresses invited, oldest first (an invitation is only recorded: nobody receives mail).
    pub invited: Vec<String>,
}

impl Organization {
    pub fn has_member(&self, email: &str) -> bool {
        self.members.iter().any(|m| m == email)
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum OrganizationType {
    Team,
    Enterprise,
}

impl OrganizationType {
    pub const ALL: [Self; 2] = [Self::Team, Self::Enterprise];

    pub fn name(self) -> &'static str {
        match self {
            Self::Team => "team",
            Self::Enterprise => "enterprise",
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ApiKey {
    /// `tok_<hex>`: how the key is named in lists and deleted; not the secret.
    pub id: String,
    /// `arc_<32 hex>`: what `X-Token` carries. Answered once, when the key is made.
    pub secret: String,
    /// The owner's e-mail address.
    pub owner: String,
    /// The last day it works, as days since 1970-01-01 (UTC).
    pub expiry_day: i64,
    pub created_ms: i64,
}

impl ApiKey {
    /// The secret's last four characters: enough to tell keys apart in a list, useless to an onlooker.
    pub fn hint(&self) -> &str {
        let at = self.secret.char_indices().rev().nth(3).map_or(0, |(at, _)| at);
        &self.secret[at..]
    }

    pub fn is_expired(&self, today: i64) -> bool {
        self.expiry_day < today
    }
}

/// The two shapes of context the platform takes, by their columns.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Columns {
    /// `doc,title`: documents.
    Documents,
    /// `answer,doc,question,title`: questions and answers.
    QuestionsAndAnswers,
}

impl Columns {
    pub const ALL: [Self; 2] = [Self::Documents, Self::QuestionsAndAnswers];

    /// The column names in alphabetical order: the order a context's rows keep their fields in.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Self::Documents => &["doc", "title"],
            Self::QuestionsAndAnswers => &["answer", "doc", "question", "title"],
        }
    }

    pub fn index(self, column: &str) -> Option<usize> {
        self.names().iter().position(|name| *name == column)
    }
}

/// A context: rows a retriever searches.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Context {
    pub name: String,
    /// `ctx_<hex>`, kept when the context's rows are replaced.
    pub id: String,
    pub columns: Columns,
    /// Each row's fields in the order of `columns.names()`.
    pub rows: Vec<Vec<String>>,
    /// Until when its retriever is still processing an upload. A monotonic instant, so it is not saved: a
    /// restarted sandbox has finished processing.
    #[serde(skip)]
    pub processing_until: Option<Instant>,
}

impl Context {
    pub fn is_processing(&self, now: Instant) -> bool {
        self.processing_until.is_some_and(|until| now < until)
    }

    /// A row's field by column name.
    pub fn field<'a>(&self, row: &'a [String], column: &str) -> Option<&'a str> {
        self.columns.index(column).map(|i| row[i].as_str())
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Model {
    /// `mdl_<hex>`.
    pub id: String,
    /// Unique among models.
    pub name: String,
    /// The context it retrieves from.
    pub context: Option<String>,
    pub generator: Option<String>,
    /// How many times it was trained (the seeded one, and each `POST /models/train` since).
    pub trainings: u32,
    pub trained_ms: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Feedback {
    pub message: String,
    pub location: Option<String>,
    /// Who sent it, and in which organization.
    pub email: String,
    pub organization: String,
    pub created_ms: i64,
}
