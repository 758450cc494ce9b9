//! What the palette's pieces share: whether it is open, and the actions screens offer in it.

use leptos::prelude::*;

use super::registry::PaletteAction;

/// Provided by `CommandPalette`; the button, the dialog and the screens reach it through the context.
#[derive(Clone, Copy)]
pub struct Palette {
    open: RwSignal<bool>,
    /// Offered by the mounted components, in the order they registered (see `register_palette_action`).
    pub(super) actions: RwSignal<Vec<PaletteAction>>,
    pub(super) next_action_id: StoredValue<u64>,
}

impl Palette {
    pub fn provide() -> Self {
        let palette = Self {
            open: RwSignal::new(false),
            actions: RwSignal::new(Vec::new()),
            next_action_id: StoredValue::new(0),
        };
        provide_context(palette);
        palette
    }

    /// The palette, or `None` where it is not mounted (then there is nothing to open or register with).
    pub fn find() -> Option<Self> {
        use_context::<Self>()
    }

    pub fn is_open(&self) -> bool {
        self.open.get()
    }

    pub fn open(&self) {
        self.open.set(true);
    }

    pub fn close(&self) {
        self.open.set(false);
    }

    pub fn toggle(&self) {
        self.open.update(|open| *open = !*open);
    }
}
