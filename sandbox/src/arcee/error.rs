//! The Arcee API's refusals, in FastAPI's shapes: `{"detail": "text"}` with a status, or 422 with
//! `{"detail": [problem, ...]}` listing every failing field (see `validation`). Never the Organization API's
//! `{"errors": [...]}`: a client of one API must not have to read the other's.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::validation::Problem;

#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    Detail(StatusCode, String),
    Invalid(Vec<Problem>),
}

pub type Answer<T> = Result<T, Refusal>;

impl Refusal {
    fn detail(status: StatusCode, text: impl Into<String>) -> Self {
        Self::Detail(status, text.into())
    }

    pub fn not_authenticated() -> Self {
        Self::detail(StatusCode::UNAUTHORIZED, "Not authenticated")
    }

    pub fn invalid_key() -> Self {
        Self::detail(StatusCode::UNAUTHORIZED, "Invalid API key")
    }

    pub fn key_expired() -> Self {
        Self::detail(StatusCode::UNAUTHORIZED, "API key expired")
    }

    pub fn organization_not_found(slug: &str) -> Self {
        Self::detail(StatusCode::NOT_FOUND, format!("Organization '{slug}' not found"))
    }

    pub fn not_a_member(slug: &str) -> Self {
        Self::detail(StatusCode::FORBIDDEN, format!("Not a member of organization '{slug}'"))
    }

    pub fn slug_taken(slug: &str) -> Self {
        Self::detail(StatusCode::CONFLICT, format!("Organization slug '{slug}' is already taken"))
    }

    /// Unknown, or another user's: the caller cannot tell which.
    pub fn token_not_found() -> Self {
        Self::detail(StatusCode::NOT_FOUND, "Token not found")
    }

    pub fn context_not_found(name: &str) -> Self {
        Self::detail(StatusCode::NOT_FOUND, format!("Context '{name}' not found"))
    }

    pub fn still_processing(name: &str) -> Self {
        Self::detail(StatusCode::CONFLICT, format!("The retriever for '{name}' is still processing"))
    }

    pub fn file_too_large() -> Self {
        Self::detail(StatusCode::PAYLOAD_TOO_LARGE, "File too large (limit 10 MiB)")
    }

    /// A multipart body that cannot be read (Starlette's words).
    pub fn unreadable_form() -> Self {
        Self::detail(StatusCode::BAD_REQUEST, "There was an error parsing the body")
    }

    pub fn method_not_allowed() -> Self {
        Self::detail(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::detail(StatusCode::INTERNAL_SERVER_ERROR, format!("Internal Server Error: {detail}"))
    }

    /// 422 with these problems; `Ok` when there are none, so that checks can be collected and then refused at once.
    pub fn unless_valid(problems: Vec<Problem>) -> Answer<()> {
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Self::Invalid(problems))
        }
    }
}

impl From<Problem> for Refusal {
    fn from(problem: Problem) -> Self {
        Self::Invalid(vec![problem])
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Self::Detail(status, text) => (status, Json(json!({ "detail": text }))).into_response(),
            Self::Invalid(problems) => {
                (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "detail": problems }))).into_response()
            }
        }
    }
}
