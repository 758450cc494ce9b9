//! One module per screen.

pub mod connect;
pub mod home;
pub mod not_found;
pub mod project;
pub mod project_form;
pub mod projects;
pub mod token_audit;
