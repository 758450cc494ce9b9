//! Who is calling: `Authorization: Bearer <token>`, or HTTP Basic with the token as user name.

use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use base64::Engine;

use crate::error::ApiError;
use crate::store::Caller;
use crate::Sandbox;

impl FromRequestParts<Sandbox> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, sandbox: &Sandbox) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(token_from_header)
            .ok_or_else(ApiError::unauthorized)?;
        sandbox.read(|store| store.authenticate(&token))
    }
}

fn token_from_header(value: &str) -> Option<String> {
    let (scheme, credentials) = value.trim().split_once(' ')?;
    let credentials = credentials.trim();
    if scheme.eq_ignore_ascii_case("bearer") {
        return Some(credentials.to_string()).filter(|t| !t.is_empty());
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = base64::engine::general_purpose::STANDARD.decode(credentials).ok()?;
        let decoded = String::from_utf8(decoded).ok()?;
        let user = decoded.split_once(':').map_or(decoded.as_str(), |(user, _password)| user);
        return Some(user.to_string()).filter(|t| !t.is_empty());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::token_from_header;

    #[test]
    fn reads_bearer_and_basic() {
        assert_eq!(token_from_header("Bearer abc").as_deref(), Some("abc"));
        assert_eq!(token_from_header("bearer  abc ").as_deref(), Some("abc"));
        // "abc:" in base64
        assert_eq!(token_from_header("Basic YWJjOg==").as_deref(), Some("abc"));
        assert_eq!(token_from_header("Bearer "), None);
        assert_eq!(token_from_header("Token abc"), None);
    }
}
