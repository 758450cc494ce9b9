//! Asking before unsaved changes are lost: closing or reloading the tab gets the browser's own prompt, and
//! following a link inside the app gets a confirmation first.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::window_listener;

const LEAVE_QUESTION: &str = "You have unsaved changes. Leave this page and lose them?";

/// While `dirty` is true, guards the current screen; the guard ends with the component that set it up.
pub fn guard_unsaved_changes(dirty: Signal<bool>) {
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
        if !window().confirm_with_message(LEAVE_QUESTION).unwrap_or(true) {
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
