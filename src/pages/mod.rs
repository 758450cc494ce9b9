//! One module per screen.

pub mod connect;
pub mod home;
pub mod not_found;
pub mod projects;
