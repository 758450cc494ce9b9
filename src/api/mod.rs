//! Everything about the Organization API: endpoints, the HTTP client, the response model, the error type.
//! Pages call `Client` methods and never build a URL or parse JSON themselves.

mod auth;
mod client;
mod dialect;
mod endpoint;
mod error;
mod input;
mod model;
mod scope;
#[cfg(test)]
mod tests;

pub use auth::AuthScheme;
pub use client::{Client, Identified, TokenIdentity, DEFAULT_TIMEOUT_SECS};
pub use dialect::Dialect;
pub use endpoint::{encode, Endpoint, LimitOwner, Method};
pub use error::{ApiError, ErrorKind, ServerMessage};
pub use input::{ExportFilter, LimitChange, NewProject, NewToken, NewUsageLimit, ProjectChanges, TokenChanges};
pub use model::*;
pub use scope::{EndpointScope, TokenScope};
