//! A modal on the browser's own `<dialog>`: it traps the focus, makes the page behind it inert, and turns
//! Escape into a request to close. When it closes, the focus goes back to where it was.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Shown while `open` is true. Escape calls `on_close`; whoever owns `open` decides.
#[component]
pub fn Modal(
    id: &'static str,
    #[prop(into)] open: Signal<bool>,
    on_close: Callback<()>,
    labelled_by: String,
    #[prop(default = "dialog")] class: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else {
            return;
        };
        if open.get() {
            if !dialog.open() {
                let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                opener.set_value(focused);
                // Fails only if the element is not in the document; then there is nothing to show.
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
            if let Some(element) = opener.get_value().filter(|e| e.is_connected()) {
                let _ = element.focus();
            }
        }
    });
    view! {
        <dialog
            node_ref=dialog
            id=id
            class=class
            aria-labelledby=labelled_by
            on:cancel=move |ev: leptos::ev::Event| {
                // Escape: closing goes through the owner of `open`, so the state and the dialog never disagree.
                ev.prevent_default();
                on_close.run(());
            }
        >
            {children()}
        </dialog>
    }
}
