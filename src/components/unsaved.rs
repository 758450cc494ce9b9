//! Asking before unsaved changes are lost: closing or reloading the tab gets the browser's own prompt, and
//! following a link inside the app gets a confirmation first.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::cell::RefCell;

use crate::i18n::t;
use crate::web::window_listener;

thread_local! {
    /// The guards of the mounted screens, for changes that re-render every screen (a language switch).
    static GUARDS: RefCell<Vec<(u64, Signal<bool>)>> = const { RefCell::new(Vec::new()) };
}

/// Whether a mounted screen has changes not yet saved.
pub fn has_unsaved_changes() -> bool {
    GUARDS.with(|guards| guards.borrow().iter().any(|(_, dirty)| dirty.try_get_untracked().unwrap_or(false)))
}

/// While `dirty` is true, guards the current screen; the guard ends with the component that set it up.
pub fn guard_unsaved_changes(dirty: Signal<bool>) {
    let id = GUARDS.with(|guards| {
        let mut guards = guards.borrow_mut();
        let id = guards.iter().map(|(id, _)| id + 1).max().unwrap_or(0);
        guards.push((id, dirty));
        id
    });
    on_cleanup(move || GUARDS.with(|guards| guards.borrow_mut().retain(|(other, _)| *other != id)));
    window_listener("beforeunload", false, move |event| {
        if dirty.get_untracked() {
            // Both, because browsers differ in which of them shows the prompt.
            event.prevent_default();
            if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                event.set_return_value("unsaved changes");
            }
        }
    });
    // In the capture phase, before the router's own click handler, which leaves a prevented click alone.
    window_listener("click", true, move |event| {
        if !dirty.get_untracked() || !is_plain_left_click(&event) {
            return;
        }
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten());
        let Some(link) = link else {
            return;
        };
        if link.has_attribute("download") || link.get_attribute("target").is_some_and(|t| t != "_self") {
            return;
        }
        if !window().confirm_with_message(t().common().leave_unsaved).unwrap_or(true) {
            event.prevent_default();
            event.stop_propagation();
        }
    });
}

/// A click that follows a link in this tab (no modifier keys, main button).
fn is_plain_left_click(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|e| e.button() == 0 && !e.ctrl_key() && !e.meta_key() && !e.shift_key() && !e.alt_key())
}
