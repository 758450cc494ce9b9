//! Which language a tab speaks: the one the user chose (remembered in localStorage, a preference and never a
//! secret), else the browser's first preferred language the dashboard speaks, else English. Switching loads
//! the language's texts, then renders the app anew in it (how, the crate root tells at start: [`rerender_with`]).

use std::cell::Cell;

use leptos::prelude::*;

use super::{load, set_current, Locale};
use crate::preferences::storage;

/// The `localStorage` key of the language choice.
pub const LANGUAGE_KEY: &str = "geai-admin.language";

/// Loads `locale`'s texts (Spanish's module, the first time), makes it current, remembers it, and renders the
/// app again in it. If the texts cannot be fetched, nothing changes and the error says so.
pub async fn switch_language(locale: Locale) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    apply(locale, load(locale).await?);
    if let Some(storage) = storage() {
        // A refused write costs only the memory of the choice; this tab still switches.
        let _ = storage.set_item(LANGUAGE_KEY, locale.code());
    }
    if let Some(rerender) = RERENDER.with(Cell::get) {
        rerender();
    }
    Ok(())
}

thread_local! {
    /// How the app is rendered anew, set by the crate root: the app sits above this module, which does not
    /// reach up to it.
    static RERENDER: Cell<Option<fn()>> = const { Cell::new(None) };
}

/// Tells the language switch how to render the app anew once the new texts are current.
pub fn rerender_with(rerender: fn()) {
    RERENDER.with(|current| current.set(Some(rerender)));
}

thread_local! {
    /// The language the tab should have started in but could not (its texts could not be fetched), until the
    /// app has said so.
    static UNAVAILABLE_AT_START: Cell<Option<Locale>> = const { Cell::new(None) };
}

/// Before the app first renders in a language other than English: its texts, loaded and current. If they
/// cannot be fetched, the tab starts in English rather than not at all, and the app says why
/// ([`take_unavailable_at_start`]); the choice stays remembered, so the next tab tries again.
pub async fn start(locale: Locale) {
    match load(locale).await {
        Ok(texts) => apply(locale, texts),
        Err(_) => {
            UNAVAILABLE_AT_START.with(|unavailable| unavailable.set(Some(locale)));
            apply(Locale::En, &super::ENGLISH);
        }
    }
}

/// The language [`start`] could not load, once: for the app to tell the user.
pub fn take_unavailable_at_start() -> Option<Locale> {
    UNAVAILABLE_AT_START.with(Cell::take)
}

/// The remembered choice, else the browser's preferences in order, else English.
pub fn preferred() -> Locale {
    let remembered = storage().and_then(|s| s.get_item(LANGUAGE_KEY).ok().flatten());
    if let Some(locale) = remembered.as_deref().and_then(Locale::from_tag) {
        return locale;
    }
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .find_map(|tag| Locale::from_tag(&tag))
        .unwrap_or_default()
}

/// Makes `locale` current, and tells assistive technology and the browser's spelling and hyphenation which
/// language the page is in.
fn apply(locale: Locale, texts: &'static super::Texts) {
    set_current(locale, texts);
    if let Some(root) = document().document_element() {
        // Setting an attribute on the root cannot fail in a way the user could act on.
        let _ = root.set_attribute("lang", locale.code());
    }
}
