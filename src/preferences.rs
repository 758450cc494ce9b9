//! What the dashboard remembers across tabs and restarts, in `localStorage`: the theme, and the installations
//! the user chose to save (label, kind, base URL, how to authenticate, a colour). Preferences, never secrets:
//! no token or key is ever written here, which the browser tests check after every flow.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::api::AuthScheme;

/// The `localStorage` key of the theme choice.
pub const THEME_KEY: &str = "geai-admin.theme";
/// The `localStorage` key of the saved installations.
pub const INSTALLATIONS_KEY: &str = "geai-admin.installations";

/// The colour a newly saved installation gets, until the user picks another.
pub const DEFAULT_COLOUR: &str = "#0b57d0";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follows the system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Self {
        Self::ALL.into_iter().find(|theme| theme.as_str() == text).unwrap_or_default()
    }
}

/// Which API an installation speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InstallationKind {
    #[default]
    Geai,
    Arcee,
}

/// An installation the user saved: where it is and how to talk to it, never with what secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedInstallation {
    pub id: u64,
    pub label: String,
    pub kind: InstallationKind,
    pub base_url: String,
    /// How tokens are sent (Organization API installations).
    #[serde(default)]
    pub auth: AuthScheme,
    /// The organization slug to act in (Arcee installations).
    #[serde(default)]
    pub organization: Option<String>,
    /// `#rrggbb`, shown in the header while connected to it, so that production is never taken for staging.
    pub colour: String,
}

/// The preferences every screen reads, provided once by the app.
#[derive(Clone, Copy)]
pub struct Preferences {
    pub theme: RwSignal<Theme>,
    installations: RwSignal<Vec<SavedInstallation>>,
}

impl Preferences {
    /// Reads what is stored (damaged entries count as none), applies the theme, and provides the preferences.
    pub fn provide() -> Self {
        let theme = storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten()).map(|t| Theme::parse(&t));
        let preferences = Self {
            theme: RwSignal::new(theme.unwrap_or_default()),
            // Colours are cleaned on the way in too: the stored list is anyone's to edit.
            installations: RwSignal::new(
                load::<Vec<SavedInstallation>>(INSTALLATIONS_KEY)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|installation| SavedInstallation {
                        colour: clean_colour(&installation.colour),
                        ..installation
                    })
                    .collect(),
            ),
        };
        apply_theme(preferences.theme.get_untracked());
        provide_context(preferences);
        preferences
    }

    /// Applies and remembers a theme.
    pub fn set_theme(&self, theme: Theme) {
        apply_theme(theme);
        if let Some(storage) = storage() {
            // A refused write costs only the memory of the choice; the theme still applies in this tab.
            let _ = storage.set_item(THEME_KEY, theme.as_str());
        }
        self.theme.set(theme);
    }

    pub fn installations(&self) -> Vec<SavedInstallation> {
        self.installations.get()
    }

    /// The saved installation of this kind at this base URL, if any.
    pub fn installation_at(&self, kind: InstallationKind, base_url: &str) -> Option<SavedInstallation> {
        self.installations.with(|all| all.iter().find(|i| i.kind == kind && same_url(&i.base_url, base_url)).cloned())
    }

    /// Saves an installation, replacing the one of the same kind at the same base URL (keeping its id).
    pub fn save(&self, mut installation: SavedInstallation) {
        self.change(|all| {
            match all.iter_mut().find(|i| i.kind == installation.kind && same_url(&i.base_url, &installation.base_url))
            {
                Some(existing) => {
                    installation.id = existing.id;
                    *existing = installation;
                }
                None => {
                    installation.id = all.iter().map(|i| i.id).max().unwrap_or(0) + 1;
                    all.push(installation);
                }
            }
        });
    }

    pub fn rename(&self, id: u64, label: String, colour: String) {
        self.change(|all| {
            if let Some(installation) = all.iter_mut().find(|i| i.id == id) {
                installation.label = label;
                installation.colour = colour;
            }
        });
    }

    pub fn forget(&self, id: u64) {
        self.change(|all| all.retain(|i| i.id != id));
    }

    fn change(&self, f: impl FnOnce(&mut Vec<SavedInstallation>)) {
        self.installations.update(f);
        self.installations.with_untracked(|all| store(INSTALLATIONS_KEY, all));
    }
}

pub fn use_preferences() -> Preferences {
    expect_context::<Preferences>()
}

/// Two base URLs name the same installation when they differ only by trailing slashes or letter case.
fn same_url(a: &str, b: &str) -> bool {
    a.trim().trim_end_matches('/').eq_ignore_ascii_case(b.trim().trim_end_matches('/'))
}

/// `data-theme` on the root element: the style sheet's colours follow it (`color-scheme` and `light-dark()`);
/// without it they follow the system. `boot.js` sets it before the app loads, so a reload does not flash.
fn apply_theme(theme: Theme) {
    let Some(root) = document().document_element() else { return };
    // Setting an attribute on the root cannot fail in a way the user could act on.
    let _ = match theme {
        Theme::System => root.remove_attribute("data-theme"),
        theme => root.set_attribute("data-theme", theme.as_str()),
    };
}

/// A colour as `<input type=color>` gives it: `#rrggbb`. Anything else becomes the default, so stored data
/// can never inject a style.
pub fn clean_colour(colour: &str) -> String {
    let valid = colour.len() == 7 && colour.starts_with('#') && colour[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if valid {
        colour.to_ascii_lowercase()
    } else {
        DEFAULT_COLOUR.to_string()
    }
}

/// The browser's `localStorage`, if it allows it.
pub(crate) fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&storage()?.get_item(key).ok().flatten()?).ok()
}

fn store<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) {
        // A full or disabled storage forgets the list at the next start; this tab keeps it.
        let _ = storage.set_item(key, &text);
    }
}

#[cfg(test)]
mod tests {
    use super::{clean_colour, same_url, Theme};

    #[test]
    fn themes_round_trip_and_unknown_is_system() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.as_str()), theme);
        }
        assert_eq!(Theme::parse("sepia"), Theme::System);
    }

    #[test]
    fn colours_are_plain_hex_or_the_default() {
        assert_eq!(clean_colour("#B3261E"), "#b3261e");
        assert_eq!(clean_colour("red; background: url(x)"), super::DEFAULT_COLOUR);
        assert_eq!(clean_colour("#12345"), super::DEFAULT_COLOUR);
    }

    #[test]
    fn urls_match_without_trailing_slashes_or_case() {
        assert!(same_url("https://API.saia.ai/", "https://api.saia.ai"));
        assert!(!same_url("https://api.saia.ai", "https://staging.saia.ai"));
    }
}
