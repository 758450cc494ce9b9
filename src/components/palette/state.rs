//! What the palette's pieces share: whether it is open, and the actions screens offer in it.

use std::cell::Cell;

use leptos::prelude::*;

use super::registry::PaletteAction;

thread_local! {
    /// Bumped each time this tab creates, changes or deletes a project (see `projects_changed`).
    static PROJECTS_GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// Tells the palette that its list of projects is out of date: this tab created, renamed, hid or deleted one.
/// The list is fetched again at the next opening, not at once (the palette may never be opened).
pub fn projects_changed() {
    PROJECTS_GENERATION.with(|generation| generation.set(generation.get() + 1));
}

/// Which change of the projects a list fetched now reflects.
pub(super) fn projects_generation() -> u64 {
    PROJECTS_GENERATION.with(Cell::get)
}

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
