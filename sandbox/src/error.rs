//! The API's own error shape: `{"errors": [{"id": 2005, "description": "Project Not Found"}]}`.
//!
//! Ids and texts come from shared/api/error-codes.tsv. Every refusal the sandbox makes goes through here, so no
//! handler can answer with a bare status or an HTML page by accident.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub id: u32,
    pub description: String,
}

impl ApiError {
    pub fn new(status: StatusCode, id: u32, description: impl Into<String>) -> Self {
        Self { status, id, description: description.into() }
    }

    /// No token, an unknown one, or a blocked one.
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 401, "Unauthorized")
    }

    /// A valid token used on an endpoint of the other scope, or on another project.
    pub fn out_of_scope() -> Self {
        Self::new(StatusCode::FORBIDDEN, 7, "ApiToken Out Of Scope")
    }

    pub fn project_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 2005, "Project Not Found")
    }

    /// An organization id in a `/v2/usageLimits/organizations/{id}` path that is not the sandbox's one.
    pub fn organization_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 2004, "Organization Not Found")
    }

    /// A `/v2/projects/tokens/{id}` that names no token of any project.
    pub fn token_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 6, "Api Token Not Found")
    }

    /// No usage limit with that id, or none at all where one was asked for. The platform's list has no id for
    /// this, so the id is the HTTP status, as for `Unauthorized` and `Bad Endpoint`, and the text starts with
    /// "Not Found", a message seen from the live service (FACTS.md).
    pub fn limit_not_found(detail: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::NOT_FOUND, 404, format!("Not Found: {detail}"))
    }

    /// A project-scope call of a project (or organization) whose usage limit has reached its hard limit: the
    /// platform refuses further requests. 429 Too Many Requests with the platform's own "Quota Exceeded".
    pub fn quota_exceeded(detail: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::TOO_MANY_REQUESTS, 154, format!("Quota Exceeded: {detail}"))
    }

    /// A change to something that can no longer change (a revoked token, a cancelled limit). The platform's list
    /// has no id for this either; the SDK knows `{"code": 409, "message": "Conflict"}`, so: 409, id 409.
    pub fn conflict(detail: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::CONFLICT, 409, format!("Conflict: {detail}"))
    }

    /// A `project-id` or `organization-id` (header, or `organizationId` parameter) of the access-control calls
    /// that is missing, empty, malformed or not this organization's, in the live service's words. The id says
    /// which: 2006 for a project, 2001 for the organization.
    pub fn authorization_mismatch(id: u32) -> Self {
        Self::new(StatusCode::FORBIDDEN, id, "Organization or Project mismatch: verify the provided authorization")
    }

    /// A list parameter an access-control call does not take, in the live service's words.
    pub fn out_of_range(field: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 20, format!("Field {field} is out of range"))
    }

    /// An `orderKey` other than the one the call sorts by, in the live service's words.
    pub fn invalid_order(expected: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 20, format!("Invalid order (expected: {expected})"))
    }

    /// An e-mail address no person of the organization has, in the live service's words; the platform's list
    /// has no id for it, so the id is the status, as for the other "Not Found" refusals.
    pub fn email_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 404, "Not Found, Email")
    }

    /// A user id that is not a member of the project it is to be removed from (worded like `email_not_found`).
    pub fn user_not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, 404, "Not Found, User")
    }

    /// A parameter that is missing or unreadable, with the platform's id 9 ("Field %1 is required", from FACTS.md:
    /// error-codes.tsv lacks it). The analytics answer so for a malformed date too; `detail` says what was expected.
    pub fn field_required(field: &str, detail: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 9, format!("Field {field} is required: {detail}"))
    }

    pub fn name_empty() -> Self {
        Self::new(StatusCode::BAD_REQUEST, 2007, "Name is Empty")
    }

    /// Error 2002's text carries the name in place of `%1`, as the platform's template does.
    pub fn name_taken(name: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 2002, format!("ProjectName {name} Already Exists In The Organization"))
    }

    /// Input the API cannot use: malformed JSON, a wrong type, an invalid e-mail or number.
    pub fn bad_input(detail: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 20, format!("Bad Input Text: {detail}"))
    }

    pub fn unexpected_status(value: &str) -> Self {
        Self::new(StatusCode::BAD_REQUEST, 2032, format!("The status value is unexpected: {value}"))
    }

    pub fn bad_endpoint() -> Self {
        Self::new(StatusCode::NOT_FOUND, 404, "Bad Endpoint")
    }

    pub fn verb_not_supported() -> Self {
        Self::new(StatusCode::METHOD_NOT_ALLOWED, 2026, "Verb Not Supported")
    }

    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, 500, format!("Internal Server Error: {detail}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "errors": [{ "id": self.id, "description": self.description }] });
        (self.status, Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
