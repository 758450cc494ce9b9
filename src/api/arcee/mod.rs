//! The Arcee platform's v2 API (`shared/api/arcee-api-v2.md`, shapes in FACTS.md): the account, API keys,
//! organizations and invitations, contexts and their retrievers, retrieval and feedback. Authorized by an
//! `X-Token` header and, optionally, `X-Arcee-Org` for the organization a call acts in. Refusals are read by the
//! same `ApiError` as the Organization API's, including FastAPI's 422 field list.

mod client;
mod endpoint;
mod input;
mod model;
#[cfg(test)]
mod tests;

pub use client::ArceeClient;
pub use input::{NewFeedback, NewOrganization, RetrievalQuery, Training};
pub use model::{
    ApiKey, ContextUpload, CreatedKey, Invited, Organization, RetrievalResult, RetrieverStatus, Trained, Whoami,
};

/// The organization types `POST /organizations` accepts.
pub const ORGANIZATION_TYPES: &[&str] = &["team", "enterprise"];

/// The most people one invitation may name.
pub const MOST_INVITEES: usize = 10;

/// A base URL as the SDKs take it, ending in the API's version: `https://api.arcee.ai/v2` (or
/// `https://app.arcee.ai/api/v2`). Trailing slashes go, and `/v2` is added when missing, so pasting the
/// installation's address alone works too.
pub fn normalize_base_url(url: &str) -> String {
    let trimmed = url.trim().trim_end_matches('/');
    if trimmed.ends_with("/v2") {
        trimmed.to_string()
    } else {
        format!("{trimmed}/v2")
    }
}
