//! The dashboard in English and Spanish.
//!
//! Every text the dashboard itself writes (labels, messages, empty states, error explanations, notifications,
//! page titles, accessible names) comes from one `Texts` value: `t().projects().title`. Each area declares its
//! texts with [`texts!`], English and Spanish side by side, so a text missing from either language does not
//! compile. Texts with values in them are functions: `t().projects().shown(12, 40)`.
//!
//! Each area's English ships with the code that reads it (see `areas!`). Spanish is a split point of the release build (`spanish`), fetched only by a tab
//! that uses it, so English users do not download it. The server's own error texts are shown as sent.
//!
//! Switching language renders the app anew (`crate::remount`, registered with `rerender_with`), so screens read `t()` while they render instead
//! of wrapping every text in a reactive closure: one closure per text would cost the first load dearly.

#[macro_use]
mod macros;

mod api_words;
mod spanish;
mod switch;

pub use formats::{amount, count, count_u64, exact, relative};
pub use switch::{preferred, rerender_with, start, switch_language, take_unavailable_at_start, LANGUAGE_KEY};

use std::cell::Cell;

/// The languages the dashboard speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The BCP 47 tag: `<html lang>`, and what is remembered.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Es => "es",
        }
    }

    /// The language's name in itself, as a language menu shows it whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Es => "Español",
        }
    }

    /// The locale of a language tag (`es-UY`, `en`, `ES`), if the dashboard speaks it.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|locale| locale.code() == primary)
    }
}

/// Declares the areas: their modules, `Spanish`, holding every area's Spanish texts (the lazy module's one
/// value, `SPANISH_TEXTS`), and on `Texts` one accessor per area: a new area is its file and one line here. English is each area's own `EN` constant, referenced only inside its
/// accessor, which is always inlined: so an area's English texts land in the WebAssembly module of the code
/// that reads them, a lazy screen's texts in that screen's module, not in the first load.
macro_rules! areas {
    ($($area:ident: $module:ident::$name:ident,)*) => {
        $(pub mod $module;)*

        /// Every area's Spanish texts, made a static of the lazy module by `spanish.rs`.
        const SPANISH_TEXTS: Spanish = Spanish { $($area: $module::ES,)* };

        /// Every area's Spanish texts.
        pub struct Spanish {
            $(pub $area: $module::$name,)*
        }

        impl Texts {
            $(
                #[inline(always)]
                pub fn $area(&self) -> &'static $module::$name {
                    match self.spanish {
                        None => &$module::EN,
                        Some(spanish) => &spanish.$area,
                    }
                }
            )*
        }
    };
}

areas! {
    shell: shell::Shell,
    common: common::Common,
    formats: formats::Formats,
    forms: forms::Forms,
    palette: palette::Palette,
    connect: connect::Connect,
    projects: projects::Projects,
    organization: organization::Organization,
    project: project::Project,
    project_form: project_form::ProjectForm,
    token_audit: token_audit::TokenAudit,
    members: members::Members,
    analytics: analytics::Analytics,
    requests: requests::Requests,
    arcee: arcee::Arcee,
}

/// A text chosen ahead of the language, read when shown: `|t| t.shell().nav_projects` (option lists, screen
/// lists).
pub type TextOf = fn(&Texts) -> &'static str;

/// The word for `n` things: `one` for exactly one, `many` otherwise, as both languages count.
pub fn plural<N: PartialEq + From<u8>>(n: N, one: &'static str, many: &'static str) -> &'static str {
    if n == N::from(1) {
        one
    } else {
        many
    }
}

/// Every text of the dashboard in one language, by area: `t().projects().title`.
pub struct Texts {
    /// `None` for English.
    spanish: Option<&'static Spanish>,
}

static ENGLISH: Texts = Texts { spanish: None };

thread_local! {
    static CURRENT: Cell<(Locale, &'static Texts)> = const { Cell::new((Locale::En, &ENGLISH)) };
}

/// The texts of the current language.
pub fn t() -> &'static Texts {
    CURRENT.with(|current| current.get().1)
}

/// The current language.
pub fn locale() -> Locale {
    CURRENT.with(|current| current.get().0)
}

/// The texts of `locale`, fetching Spanish's module the first time (release build); an error if that module
/// cannot be fetched.
pub async fn load(locale: Locale) -> Result<&'static Texts, leptos::wasm_split::SplitLoaderError> {
    match locale {
        Locale::En => Ok(&ENGLISH),
        Locale::Es => spanish::texts().await,
    }
}

/// Makes `locale` current; what renders from now on reads its texts.
pub fn set_current(locale: Locale, texts: &'static Texts) {
    CURRENT.with(|current| current.set((locale, texts)));
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn language_tags_pick_a_locale_by_their_primary_subtag() {
        assert_eq!(Locale::from_tag("es-UY"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("ES"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("pt-BR"), None);
        assert_eq!(Locale::from_tag(""), None);
    }
}
