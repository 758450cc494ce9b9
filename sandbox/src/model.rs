//! What the sandbox stores. These are the sandbox's own types, saved as-is in a state file; the JSON the API
//! answers with is shaped from them in `routes`, per dialect.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Organization {
    pub id: String,
    pub name: String,
    /// The one organization-scope token.
    pub token: String,
    /// The organization's own usage limits, oldest first: the whole history, as `GET .../limits` lists it
    /// (newest first). Counted over every project's log; rules in `limits`.
    #[serde(default)]
    pub usage_limits: Vec<UsageLimit>,
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
    /// Every limit the project has had, oldest first; empty is "No limits" in the vendor's console. State files
    /// of before the history kept one limit, as `usage_limit`: it loads as a history of one. Input checks live in
    /// `usage_limit`, the rules of the history in `limits`, the amounts used in `usage`.
    #[serde(default, alias = "usage_limit", deserialize_with = "crate::usage_limit::stored")]
    pub usage_limits: Vec<UsageLimit>,
    pub search_profiles: Vec<SearchProfile>,
    pub tokens: Vec<ApiToken>,
    pub assistants: Vec<Assistant>,
    pub requests: RequestLog,
    /// The project's role catalog (`access::roles`). Absent from state files of before access control: loads
    /// empty, and `access::seed` fills it.
    #[serde(default)]
    pub roles: Vec<crate::access::Role>,
    /// Who is a member, with which of `roles`.
    #[serde(default)]
    pub members: Vec<crate::access::Member>,
}

/// A cap on what a project (or the organization) may spend or ask (FACTS.md `usageLimit`): past `hard_limit` the
/// platform refuses further requests; `soft_limit` is where the console starts warning.
///
/// What is used is not stored: it is counted from the request log whenever the limit is shown (`usage`), so it
/// can never disagree with the export. State files of before kept `used_amount` and `remaining_usage`; they are
/// ignored when read.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct UsageLimit {
    pub id: String,
    pub subscription_type: SubscriptionType,
    pub usage_unit: UsageUnit,
    pub soft_limit: f64,
    pub hard_limit: f64,
    pub renewal_status: RenewalStatus,
    /// The status as set: Active, or Cancelled when a newer limit replaced it (or Expired, as seeded). What a
    /// client sees is derived from it (`usage::Evaluated`): an Active one whose period has ended reads Expired,
    /// and one whose usage reached the hard limit reads Empty. An Empty of an older state file reads as Active.
    pub status: LimitStatus,
    /// Milliseconds since the Unix epoch.
    pub valid_from_ms: i64,
    /// Milliseconds since the Unix epoch; after `valid_from_ms`.
    pub valid_until_ms: i64,
}

/// The fixed set of names an enum of the API is written with, so that one parser and one message serve all.
pub trait Named: Copy + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;

    /// The value written exactly `name`: the SDK compares case-sensitively, so the sandbox does too.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == name)
    }
}

/// How long a limit lasts before it renews (or, if not renewable, expires).
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum SubscriptionType {
    Freemium,
    Daily,
    Weekly,
    Monthly,
}

impl Named for SubscriptionType {
    const ALL: &'static [Self] = &[Self::Freemium, Self::Daily, Self::Weekly, Self::Monthly];

    fn name(self) -> &'static str {
        match self {
            Self::Freemium => "Freemium",
            Self::Daily => "Daily",
            Self::Weekly => "Weekly",
            Self::Monthly => "Monthly",
        }
    }
}

/// What the amounts count: requests (whole numbers) or cost (in the platform's currency).
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum UsageUnit {
    Requests,
    Cost,
}

impl Named for UsageUnit {
    const ALL: &'static [Self] = &[Self::Requests, Self::Cost];

    fn name(self) -> &'static str {
        match self {
            Self::Requests => "Requests",
            Self::Cost => "Cost",
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum RenewalStatus {
    Renewable,
    NonRenewable,
}

impl Named for RenewalStatus {
    const ALL: &'static [Self] = &[Self::Renewable, Self::NonRenewable];

    fn name(self) -> &'static str {
        match self {
            Self::Renewable => "Renewable",
            Self::NonRenewable => "NonRenewable",
        }
    }
}

/// A limit's `status`, written as its number: 1 Active, 2 Expired, 3 Empty (hard limit reached), 4 Cancelled.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum LimitStatus {
    Active,
    Expired,
    Empty,
    Cancelled,
}

impl LimitStatus {
    pub fn code(self) -> u8 {
        match self {
            Self::Active => 1,
            Self::Expired => 2,
            Self::Empty => 3,
            Self::Cancelled => 4,
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SearchProfile {
    pub name: String,
    pub description: String,
}

/// A project-scope API token. As on the real service, its `id` is the secret a client sends as Bearer.
///
/// Its status (Active, Blocked, Revoked) is told by two facts rather than one enum, because code outside the
/// sandbox (the dashboard's browser tests) reads `blocked` as "refused when sent": `blocked` is set while the
/// token is blocked and, for good, once it is revoked; `revoked_ms` says it was revoked. State files of before
/// revocation existed have no `revoked_ms` and load as not revoked.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    /// Refused when sent: Blocked or Revoked.
    pub blocked: bool,
    /// When it was revoked (`DELETE /v2/projects/tokens/{id}`), in milliseconds since the Unix epoch. A revoked
    /// token stays listed, with status Revoked, and can never be used or changed again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_ms: Option<i64>,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
}

impl ApiToken {
    pub fn status(&self) -> TokenStatus {
        match (self.revoked_ms, self.blocked) {
            (Some(_), _) => TokenStatus::Revoked,
            (None, true) => TokenStatus::Blocked,
            (None, false) => TokenStatus::Active,
        }
    }
}

/// A token's `status` as the API writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenStatus {
    Active,
    Blocked,
    Revoked,
}

impl Named for TokenStatus {
    const ALL: &'static [Self] = &[Self::Active, Self::Blocked, Self::Revoked];

    fn name(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Blocked => "Blocked",
            Self::Revoked => "Revoked",
        }
    }
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
    /// The `number` of one of `revisions`: sent as `assistantIntentDefaultRevision`.
    pub default_revision: u32,
    pub revisions: Vec<Revision>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Revision {
    /// A GUID kept from the seed but not sent: the SDK reads `revisionId` as an integer, so `number` is sent.
    pub id: String,
    /// 1, 2, 3... within its intent, so unique there: sent as `revisionId` and `revisionName`.
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
    /// When its newest request is due, in milliseconds since the Unix epoch (`clock::Clock`). State files of
    /// before it was kept load with the fixed clock's, which is what their logs were dated by.
    #[serde(default = "crate::clock::fixed_newest_request")]
    pub newest_ms: i64,
}
