//! geai-admin: the admin dashboard for GeneXus Enterprise AI organizations.
//!
//! `api` speaks HTTP and nothing else does; `i18n` holds every text in English and Spanish; `session` keeps the connections (sessionStorage), `preferences` the
//! theme and saved installations (localStorage, never a secret); `pages` are screens and
//! `components` the pieces they share; `app` wires the router.

pub mod api;
mod app;
mod components;
pub mod format;
pub mod i18n;
mod lazy_screens;
mod pages;
pub mod preferences;
pub mod session;
mod web;

pub use app::App;
