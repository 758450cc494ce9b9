//! The Spanish texts: a split point of the release build (feature `split`), so the first load of a tab in
//! English does not carry them. Without the feature (`trunk serve`) they are part of the one module.

use leptos::wasm_split::SplitLoaderError;

use super::*;

/// A static, so that the texts are in the lazy module that refers to it (see `texts`), not in every user.
static SPANISH: Spanish = SPANISH_TEXTS;

/// Fallible: a module that cannot be fetched is an error the caller answers by staying in English, not a
/// panic that would stop the app (wasm_split's default).
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(spanish_texts, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn texts() -> Result<&'static Texts, SplitLoaderError> {
    static TEXTS: Texts = Texts { spanish: Some(&SPANISH) };
    Ok(&TEXTS)
}

#[cfg(not(feature = "split"))]
pub async fn texts() -> Result<&'static Texts, SplitLoaderError> {
    static TEXTS: Texts = Texts { spanish: Some(&SPANISH) };
    Ok(&TEXTS)
}

/// The Spanish texts at once, for native tests (which have no split module to fetch).
#[cfg(test)]
pub fn for_tests() -> &'static Texts {
    static TEXTS: Texts = Texts { spanish: Some(&SPANISH) };
    &TEXTS
}
