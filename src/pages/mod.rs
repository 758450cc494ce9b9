//! One module per screen.

pub mod access_review;
pub mod analytics;
pub mod arcee;
pub mod assistants;
pub mod connect;
pub mod home;
pub mod members;
pub mod not_found;
pub mod organization;
pub mod project;
pub mod project_form;
pub mod projects;
pub mod requests;
pub mod token_audit;
