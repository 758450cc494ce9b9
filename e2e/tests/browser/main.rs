//! Real-browser tests: headless Chromium drives the built dashboard against an in-process geai-sandbox.
//! Run them with `cargo xtask test`, which builds the dashboard and installs the browser first.

mod accessibility;
mod analytics;
mod arcee_connect;
mod arcee_keys;
mod arcee_models;
mod arcee_workspace;
mod connect;
mod deploy;
mod errors;
mod languages;
mod lifetimes;
mod members;
mod palette;
mod payloads;
mod preferences;
mod project_delete;
mod project_detail;
mod project_forms;
mod projects;
mod requests;
mod shell;
mod token_audit;
mod token_lifecycle;
mod upstream;
mod usage_limits;
mod virtual_lists;
