//! Everything about the two APIs the dashboard calls: the Organization API (`Client`) and the Arcee v2 API
//! (`arcee::ArceeClient`): endpoints, the response models, one error type, and `http`, the one place that
//! sends a request. Pages call client methods and never build a URL or parse JSON themselves.

pub mod access;
pub mod analytics;
pub mod arcee;
mod auth;
mod client;
mod dialect;
mod endpoint;
mod error;
mod http;
mod input;
mod model;
mod scope;
#[cfg(test)]
mod tests;

pub use auth::AuthScheme;
pub use client::{Client, Identified, TokenIdentity};
pub use dialect::Dialect;
pub use endpoint::{encode, Endpoint, LimitOwner, Method};
pub use error::{ApiError, ErrorKind, FieldError, Said, ServerMessage};
pub use http::DEFAULT_TIMEOUT_SECS;
pub use input::{ExportFilter, LimitChange, NewProject, NewToken, NewUsageLimit, ProjectChanges, TokenChanges};
pub use model::*;
pub use scope::{EndpointScope, TokenScope};
