//! One module per screen.

pub mod arcee;
pub mod assistants;
pub mod connect;
pub mod home;
pub mod limits;
pub mod not_found;
pub mod organization;
pub mod project;
pub mod project_form;
pub mod projects;
pub mod requests;
pub mod token_audit;

use crate::i18n::TextOf;

/// A screen the navigation and the palette list: its path, and its label in the current language.
pub type Screen = (&'static str, TextOf);

/// The Organization API's screens, in the order the navigation and the palette list them.
pub const SCREENS: &[Screen] = &[
    ("/projects", |t| t.shell().nav_projects),
    ("/tokens", |t| t.shell().nav_tokens),
    ("/organization", |t| t.shell().nav_organization),
    ("/assistants", |t| t.shell().nav_assistants),
    ("/requests", |t| t.shell().nav_requests),
];

/// An address in this app with its query, every value encoded, and no `?` when there is none:
/// `/tokens?status=blocked`. Screens keep their view in it (see each screen's view state).
pub fn link_with_query(path: &str, query: &[(&'static str, String)]) -> String {
    let pairs: Vec<String> = query.iter().map(|(k, v)| format!("{k}={}", crate::api::encode(v))).collect();
    if pairs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}
