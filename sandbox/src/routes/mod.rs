//! The HTTP shape of the API: paths, parameters, and the JSON each dialect answers with.

mod access_control;
mod access_shapes;
mod analytics;
mod assistants;
mod auth;
mod body;
mod control;
mod export;
mod projects;
mod shapes;
mod v2_limits;
mod v2_tokens;
mod validate;

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post, put};
use axum::{middleware, Router};
use tower_http::cors::{Any, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::arcee;
use crate::config::Dialect;
use crate::error::ApiError;
use crate::faults::{self, FAULT_HEADER};
use crate::journal;
use crate::Sandbox;

/// The whole application: the API, the fault controls, and the dashboard when `--dist` is given.
pub fn app(sandbox: Sandbox) -> Router {
    let api = Router::new()
        .route("/v1/organization/assistants", get(assistants::list))
        .route("/v1/organization/projects", get(projects::list))
        .route("/v1/organization/project", post(projects::create))
        .route("/v1/organization/project/{id}", get(projects::show).put(projects::update).delete(projects::delete))
        .route("/v1/organization/project/{id}/tokens", get(projects::tokens))
        .route("/v1/organization/request/export", get(export::export))
        .route("/v1/accessControl/apitoken/validate", get(validate::validate))
        .merge(analytics::router().route_layer(middleware::from_fn_with_state(sandbox.clone(), newer_api_only)))
        .route("/v1/{*rest}", any(|| async { ApiError::bad_endpoint() }))
        .merge(arcee::router())
        .merge(v2(sandbox.clone()))
        .method_not_allowed_fallback(|| async { ApiError::verb_not_supported() })
        .route_layer(middleware::from_fn_with_state(sandbox.clone(), faults::inject))
        .route_layer(middleware::from_fn_with_state(sandbox.clone(), journal::record));

    let app = api.nest("/__sandbox", control::router()).with_state(sandbox.clone());
    let app = match &sandbox.config().dist {
        Some(dist) => app.merge(geai_serve::dashboard::service(dist)),
        None => app.fallback(|| async { "geai-sandbox: no dashboard here (start it with --dist DIR)\n" }),
    };
    // Without CORS the API answers a preflight (OPTIONS) like any unrouted call, with no Access-Control
    // headers, which is what a browser reads as a refusal.
    let app = if sandbox.config().no_cors { app } else { app.layer(cors()) };
    app.layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}

/// The vendor's newer calls beside the Organization API (FACTS.md): project tokens, usage limits and access
/// control. Unknown
/// `/v2` paths get the API's 404, as unknown `/v1` ones do, not the dashboard's page; the faults and the journal
/// apply as to `/v1` (they are layered on every API route in `app`). The Arcee API's `/v2` paths are routed
/// beside these, outside the dialect gate: that product is not the Organization API's to date.
fn v2(sandbox: Sandbox) -> Router<Sandbox> {
    let organization = v2_limits::PREFIX;
    let project = format!("{organization}/projects/{{projectId}}");
    Router::new()
        .route("/v2/projects/tokens", post(v2_tokens::create))
        .route("/v2/projects/tokens/{id}", get(v2_tokens::show).put(v2_tokens::update).delete(v2_tokens::revoke))
        .route(&format!("{organization}/limits"), get(v2_limits::list).post(v2_limits::create))
        .route(&format!("{organization}/limits/latest"), get(v2_limits::latest))
        .route(&format!("{organization}/limits/{{limitId}}"), delete(v2_limits::delete))
        .route(&format!("{organization}/limits/{{limitId}}/{{field}}"), put(v2_limits::change))
        .route(&format!("{project}/limits"), get(v2_limits::list).post(v2_limits::create))
        .route(&format!("{project}/limits/latest"), get(v2_limits::latest))
        .route(&format!("{project}/limits/active"), get(v2_limits::active))
        .route(&format!("{project}/limits/{{limitId}}"), delete(v2_limits::delete))
        .route(&format!("{project}/limits/{{limitId}}/{{field}}"), put(v2_limits::change))
        .merge(access_control())
        .route("/v2/{*rest}", any(|| async { ApiError::bad_endpoint() }))
        .route_layer(middleware::from_fn_with_state(sandbox, newer_api_only))
}

/// `/v2/accessControl/...`: see `access_control`.
fn access_control() -> Router<Sandbox> {
    let projects = "/v2/accessControl/projects";
    Router::new()
        .route(&format!("{projects}/roles"), get(access_control::project_roles))
        .route(&format!("{projects}/members"), get(access_control::project_members).post(access_control::invite))
        .route(&format!("{projects}/{{projectIdOrName}}/members/{{userId}}"), delete(access_control::remove))
        .route(&format!("{projects}/memberships"), get(access_control::project_memberships))
        .route("/v2/accessControl/organizations/members", get(access_control::organization_members))
        .route("/v2/accessControl/memberships", get(access_control::memberships))
        .route("/v2/accessControl/organization/plugin-runtime-policies", get(access_control::plugin_runtime_policies))
}

/// The SAIA beta predates the `/v2` calls and the analytics: under that dialect they are unknown paths, as
/// `apitoken/validate` is, so a client can be tested against an installation without them.
async fn newer_api_only(State(sandbox): State<Sandbox>, request: Request, next: Next) -> Response {
    match sandbox.config().dialect {
        Dialect::Geai => next.run(request).await,
        Dialect::SaiaBeta => ApiError::bad_endpoint().into_response(),
    }
}

/// Any origin may call the API with a token: the dashboard is often served from elsewhere in development. The
/// custom headers a browser must be let send: the fault header, the v2 calls' `project-id` and `organization-id`,
/// the analytics' `OrganizationId` and `ProjectId` (header names are matched ignoring case), and the Arcee API's.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static(FAULT_HEADER),
            HeaderName::from_static(v2_tokens::PROJECT_ID_HEADER),
            HeaderName::from_static(access_control::ORGANIZATION_ID_HEADER),
            HeaderName::from_static(analytics::ORGANIZATION_HEADER),
            HeaderName::from_static(analytics::PROJECT_HEADER),
            HeaderName::from_static(arcee::TOKEN_HEADER),
            HeaderName::from_static(arcee::ORGANIZATION_HEADER),
        ])
        .max_age(std::time::Duration::from_secs(600))
}
