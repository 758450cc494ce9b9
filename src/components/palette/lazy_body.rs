//! The palette's split point: in the release build (feature `split`) its dialog and everything only it uses
//! are cut into their own WebAssembly file, fetched the first time the palette opens, as the lazy screens are
//! (src/lazy_screens.rs). Without the feature (`trunk serve`) it is an ordinary function of the one module.

use leptos::prelude::*;

use super::dialog::PaletteDialog;

/// The palette's dialog, built in the caller's reactive owner (it reads the router and the palette's context).
#[cfg(feature = "split")]
#[leptos::lazy]
pub fn palette_dialog() -> AnyView {
    view! { <PaletteDialog /> }.into_any()
}

#[cfg(not(feature = "split"))]
pub async fn palette_dialog() -> AnyView {
    view! { <PaletteDialog /> }.into_any()
}

/// Fetches the dialog's module without showing it, so that the palette opens at once: the header button calls
/// it when the pointer or the focus reaches it. After the first time it costs nothing.
#[cfg(feature = "split")]
pub async fn preload() {
    __preload_palette_dialog().await;
}

#[cfg(not(feature = "split"))]
pub async fn preload() {}
