//! Which language a tab speaks: the one the user chose (remembered in localStorage, a preference and never a
//! secret), else the browser's first preferred language the dashboard speaks, else English. Switching loads
//! the language's texts, then renders the app anew (`crate::remount`).

use leptos::prelude::*;

use super::{load, set_current, Locale};

/// The `localStorage` key of the language choice.
pub const LANGUAGE_KEY: &str = "geai-admin.language";

/// The language the tab speaks, provided by the app.
#[derive(Clone, Copy)]
pub struct Language {
    pub current: RwSignal<Locale>,
}

impl Language {
    pub fn provide() -> Self {
        let language = Self { current: RwSignal::new(super::locale()) };
        provide_context(language);
        language
    }

    /// Loads `locale`'s texts (Spanish's module, the first time), makes it current, remembers it, and renders
    /// the app again in it.
    pub async fn switch_to(self, locale: Locale) {
        let texts = load(locale).await;
        apply(locale, texts);
        if let Some(storage) = storage() {
            // A refused write costs only the memory of the choice; this tab still switches.
            let _ = storage.set_item(LANGUAGE_KEY, locale.code());
        }
        self.current.set(locale);
        crate::remount();
    }
}

pub fn use_language() -> Language {
    expect_context::<Language>()
}

/// Before the app first renders: the preferred language's texts, loaded and current.
pub async fn start() {
    let locale = preferred();
    apply(locale, load(locale).await);
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

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}
