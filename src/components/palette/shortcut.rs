//! Ctrl+K, or ⌘K on a Mac, anywhere in the app: opens the palette, or closes it when it is open.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::Palette;
use crate::web::window_listener;

/// Whether the page runs on a Mac, where the shortcut is ⌘K and Ctrl+K stays the text field's own.
pub fn is_mac() -> bool {
    window().navigator().platform().is_ok_and(|platform| platform.starts_with("Mac"))
}

/// The shortcut as the button shows it, and as `aria-keyshortcuts` spells it.
pub fn shortcut_labels() -> (&'static str, &'static str) {
    if is_mac() {
        ("\u{2318}K", "Meta+K")
    } else {
        ("Ctrl K", "Control+K")
    }
}

/// Listens for the shortcut for as long as the calling component is mounted. In the capture phase, so that a
/// screen's own key handling cannot swallow it; and it takes the browser's Ctrl+K (the address bar's search).
pub fn listen(palette: Palette) {
    let mac = is_mac();
    window_listener("keydown", true, move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let modifier = if mac { event.meta_key() } else { event.ctrl_key() };
        if !modifier || event.alt_key() || event.shift_key() || !event.key().eq_ignore_ascii_case("k") {
            return;
        }
        // Another dialog (a confirmation) keeps the user's attention until it is answered.
        if !palette.is_open() && another_dialog_is_open() {
            return;
        }
        event.prevent_default();
        palette.toggle();
    });
}

fn another_dialog_is_open() -> bool {
    document().query_selector("dialog[open]:not(#command-palette)").ok().flatten().is_some()
}
