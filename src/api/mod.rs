//! Everything about the Organization API: endpoints, the HTTP client, the response model, the error type.
//! Pages call `Client` methods and never build a URL or parse JSON themselves.

mod auth;
mod client;
mod endpoint;
mod error;
mod model;
mod scope;
#[cfg(test)]
mod tests;

pub use auth::AuthScheme;
pub use client::{Client, TokenIdentity};
pub use endpoint::{encode, Endpoint};
pub use error::{ApiError, ErrorKind, ServerMessage};
pub use model::*;
pub use scope::{EndpointScope, TokenScope};
