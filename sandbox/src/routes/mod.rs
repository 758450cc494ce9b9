//! The HTTP shape of the API: paths, parameters, and the JSON each dialect answers with.

mod assistants;
mod auth;
mod control;
mod export;
mod projects;
mod shapes;
mod validate;

use axum::http::{header, HeaderName, HeaderValue, Method};
use axum::routing::{any, get, post};
use axum::{middleware, Router};
use tower_http::cors::{Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

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
        .route("/v1/{*rest}", any(|| async { ApiError::bad_endpoint() }))
        .method_not_allowed_fallback(|| async { ApiError::verb_not_supported() })
        .route_layer(middleware::from_fn_with_state(sandbox.clone(), faults::inject))
        .route_layer(middleware::from_fn_with_state(sandbox.clone(), journal::record));

    let app = api.nest("/__sandbox", control::router()).with_state(sandbox.clone());
    let app = match &sandbox.config().dist {
        Some(dist) => app.fallback_service(ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")))),
        None => app.fallback(|| async { "geai-sandbox: no dashboard here (start it with --dist DIR)\n" }),
    };
    app.layer(cors())
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}

/// Any origin may call the API with a token: the dashboard is often served from elsewhere in development.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            HeaderName::from_static(FAULT_HEADER),
        ])
        .max_age(std::time::Duration::from_secs(600))
}
