//! geai-admin: the admin dashboard for GeneXus Enterprise AI organizations.
//!
//! `api` speaks HTTP and nothing else does; `session` keeps the connection; `pages` are screens and
//! `components` the pieces they share; `app` wires the router.

pub mod api;
mod app;
mod components;
pub mod format;
mod lazy_screens;
mod pages;
pub mod session;
mod web;

pub use app::App;
