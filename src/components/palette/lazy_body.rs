//! The palette's split point: in the release build (feature `split`) its dialog and everything only it uses
//! are cut into their own WebAssembly file, fetched the first time the palette opens, as the lazy screens are
//! (src/screens.rs). Without the feature (`trunk serve`) it is an ordinary function of the one module.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::dialog::PaletteDialog;

/// The palette's dialog, built in the caller's reactive owner (it reads the router and the palette's context).
/// Fallible: a module that cannot be fetched is an error for the caller to report, not a panic that would stop
/// the app (wasm_split's default).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(palette_dialog, wasm_split_path = ::leptos::wasm_split, preload(preload_module), fallible)]
pub fn palette_dialog() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <PaletteDialog /> }.into_any())
}

#[cfg(not(feature = "split"))]
pub async fn palette_dialog() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <PaletteDialog /> }.into_any())
}

/// Fetches the dialog's module without showing it, so that the palette opens at once: the header button calls
/// it when the pointer or the focus reaches it. After the first time it costs nothing. A failure is left for
/// the opening, which tries again and reports it.
#[cfg(feature = "split")]
pub async fn preload() {
    let _ = preload_module().await;
}

#[cfg(not(feature = "split"))]
pub async fn preload() {}
