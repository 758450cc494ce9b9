//! Harness for driving the built dashboard in headless Chromium against an in-process geai-sandbox.
//!
//! A test reads like the user's story:
//! ```text
//! let app = Dashboard::start().await;
//! app.connect_with_organization_token().await;
//! assert_eq!(app.project_names().await, ["Customer Support", ..]);
//! app.audit_accessibility("projects").await;
//! ```
//! Every server listens on 127.0.0.1 on a free port and stops when the test's `Dashboard` is dropped.

mod axe;
mod browser;
pub mod cdp;
mod dashboard;
pub mod dates;
pub mod downloads;
pub mod nginx;
pub mod paths;
pub mod roles;

pub use browser::{Browser, PATIENCE};
pub use dashboard::Dashboard;
pub use fantoccini::Locator;
