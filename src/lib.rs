//! geai-admin: the admin dashboard for GeneXus Enterprise AI organizations.
//!
//! `api` speaks HTTP and nothing else does; `i18n` holds every text in English and Spanish; `session` keeps the connections (sessionStorage), `preferences` the
//! theme and saved installations (localStorage, never a secret); `pages` are screens and
//! `components` the pieces they share; `app` wires the router.

pub mod api;
mod app;
mod checks;
mod components;
pub mod format;
pub mod i18n;
mod pages;
pub mod preferences;
pub mod routes;
mod screens;
pub mod session;
mod web;

pub use app::App;

use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The mounted app; dropping it unmounts the app and disposes of everything it set up.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Renders the app into the page's body.
pub fn mount() {
    i18n::rerender_with(remount);
    let body = leptos::prelude::document().body().expect("the page has a body");
    let handle = leptos::mount::mount_to(body, App);
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(Box::new(handle)));
}

/// Renders the app again from scratch, for a language switch: every text is read while rendering, so this is
/// what puts the whole app in the new language. Making the app's root reactive instead would compile update
/// code for every view in it, which the first load would pay for. The address, the session and the
/// preferences live outside the app (the URL, the browser's storage), so the same screen comes back.
pub fn remount() {
    // Outside whatever task asked for it, since that task belongs to the app being dropped.
    leptos::prelude::queue_microtask(|| {
        let old = MOUNTED.with(|mounted| mounted.borrow_mut().take());
        drop(old);
        mount();
    });
}
