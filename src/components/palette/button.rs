//! The header's way into the palette, for those who do not know the shortcut; it names the shortcut too.

use leptos::prelude::*;

use super::lazy_body::preload;
use super::shortcut::shortcut_labels;
use super::state::Palette;
use crate::i18n::t;

/// "Search Ctrl K": opens the palette. The focus comes back to it when the palette closes.
#[component]
pub fn PaletteButton() -> impl IntoView {
    let palette = Palette::find();
    let (hint, keys) = shortcut_labels();
    palette.map(|palette| {
        view! {
            <button
                type="button"
                class="palette-button"
                aria-keyshortcuts=keys
                aria-haspopup="dialog"
                on:click=move |_| palette.open()
                // Where a click is likely, the dialog's code is fetched ahead of it.
                on:pointerenter=|_| leptos::task::spawn_local(preload())
                on:focus=|_| leptos::task::spawn_local(preload())
            >
                {t().palette().search}
                <kbd>{hint}</kbd>
            </button>
        }
    })
}
