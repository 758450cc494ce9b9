//! Actions a screen offers in the palette while it is mounted: the request log's "Download this view as CSV"
//! exists only on `/requests`. App-wide actions (a theme or language switch) can be offered the same way from
//! a component that lives as long as the app, such as the header's own switch.

use leptos::prelude::*;

use super::state::Palette;

/// One registered action, as the palette lists it.
#[derive(Clone)]
pub struct PaletteAction {
    pub id: u64,
    pub label: String,
    /// Other words that find it, e.g. "export" for a download.
    pub keywords: String,
    pub run: Callback<()>,
}

/// Offers `label` in the palette until the calling component is cleaned up. The palette closes before `run`
/// is called, so the focus is back where it was when the action starts. Without a palette (a component
/// rendered outside the app), nothing happens.
pub fn register_palette_action(
    label: impl Into<String>,
    keywords: impl Into<String>,
    run: impl Fn() + Send + Sync + 'static,
) {
    let Some(palette) = Palette::find() else {
        return;
    };
    let id = palette.next_action_id.get_value();
    palette.next_action_id.set_value(id + 1);
    let action =
        PaletteAction { id, label: label.into(), keywords: keywords.into(), run: Callback::new(move |()| run()) };
    palette.actions.update(|actions| actions.push(action));
    on_cleanup(move || palette.actions.update(|actions| actions.retain(|a| a.id != id)));
}

impl Palette {
    /// Runs the registered action `id` if it is still registered (its screen may have gone meanwhile).
    pub fn run_action(&self, id: u64) {
        let run = self.actions.with_untracked(|actions| actions.iter().find(|a| a.id == id).map(|a| a.run));
        if let Some(run) = run {
            run.run(());
        }
    }
}
