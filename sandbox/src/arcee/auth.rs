//! Who is calling the Arcee API: `X-Token: <key>`, and `X-Arcee-Org: <slug>` for an organization other than the
//! user's default. Checked before anything else of a request, as FastAPI resolves a security dependency first.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::error::Refusal;
use super::store::Caller;
use crate::clock;
use crate::Sandbox;

pub const TOKEN_HEADER: &str = "x-token";
pub const ORGANIZATION_HEADER: &str = "x-arcee-org";

impl FromRequestParts<Sandbox> for Caller {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, sandbox: &Sandbox) -> Result<Self, Refusal> {
        let header = |name| parts.headers.get(name).map(|v| v.to_str().unwrap_or_default().trim());
        // An empty header is no header, as for FastAPI's `APIKeyHeader`; one that is not text is no key of ours.
        let token = header(TOKEN_HEADER).filter(|t| !t.is_empty()).ok_or_else(Refusal::not_authenticated)?;
        let organization = header(ORGANIZATION_HEADER).filter(|o| !o.is_empty());
        sandbox.read(|store| store.arcee.authenticate(token, organization, clock::today()))
    }
}
