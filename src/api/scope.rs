//! The two kinds of token the Organization API knows, and which one each endpoint needs.

use serde::{Deserialize, Serialize};

use crate::i18n::t;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenScope {
    /// Lists, creates, edits and deletes projects; lists a project's tokens.
    Organization,
    /// Lists its project's assistants and exports its request log.
    Project,
}

impl TokenScope {
    pub fn name(self) -> &'static str {
        match self {
            Self::Organization => t().common().organization_token,
            Self::Project => t().common().project_token,
        }
    }

    pub fn article_name(self) -> &'static str {
        match self {
            Self::Organization => t().common().an_organization_token,
            Self::Project => t().common().a_project_token,
        }
    }
}

/// Which token an endpoint is called with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointScope {
    Only(TokenScope),
    /// Either works (`GET /project/{id}`); the organization token is tried first because it sees every project.
    Either,
}
