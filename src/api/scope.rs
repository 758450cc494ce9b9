//! The two kinds of token the Organization API knows, and which one each endpoint needs.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenScope {
    /// Lists, creates, edits and deletes projects; lists a project's tokens.
    Organization,
    /// Lists its project's assistants and exports its request log.
    Project,
}

/// Which token an endpoint is called with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointScope {
    Only(TokenScope),
    /// Either works (`GET /project/{id}`); the organization token is tried first because it sees every project.
    Either,
}
