//! The command palette: Ctrl+K (⌘K on a Mac) or the header's Search button opens a box that jumps to any
//! project, screen or action by typing, keyboard only (the ARIA 1.2 combobox pattern).
//!
//! Split in two so that the first load carries as little as possible. Shipped with the app: the palette's
//! state (`state`), the shortcut, the header button, and the registry through which a screen offers its own
//! actions while it is mounted (`registry`). Loaded on the first opening (`lazy_body`, a split point in the
//! release build): the dialog itself, what it lists (`commands`), how it matches (`matching`) and the projects
//! it searches (`projects`).

mod button;
mod commands;
mod dialog;
mod lazy_body;
mod matching;
mod projects;
mod registry;
mod shortcut;
mod state;

use leptos::prelude::*;

pub use button::PaletteButton;
pub use registry::register_palette_action;

use state::Palette;

/// The palette: mount it once, first inside the router, before the header (whose button opens it) and the
/// screens (which register actions in it): it provides the context they look for. The dialog's code is
/// fetched the first time it opens and then stays mounted for the tab, keeping what it has loaded.
#[component]
pub fn CommandPalette() -> impl IntoView {
    let palette = Palette::provide();
    shortcut::listen(palette);
    let toasts = crate::components::use_toasts();
    // Becomes true on the first opening and stays so: the dialog is loaded once and never unmounted. Unless its
    // code cannot be fetched: then the palette closes, says so, and the next opening tries again.
    let wanted = RwSignal::new(false);
    Effect::new(move |_| {
        if palette.is_open() && !wanted.get_untracked() {
            wanted.set(true);
        }
    });
    move || {
        wanted.get().then(|| {
            let dialog = async move {
                lazy_body::palette_dialog().await.unwrap_or_else(|_| {
                    palette.close();
                    wanted.set(false);
                    let texts = crate::i18n::t();
                    toasts.problem(texts.shell().code_unavailable(texts.palette().this_palette));
                    ().into_any()
                })
            };
            // The split module's loader is not `Send`; it only ever runs on the page's one thread.
            Suspend::new(send_wrapper::SendWrapper::new(dialog))
        })
    }
}
