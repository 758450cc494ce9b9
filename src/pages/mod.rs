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

/// The Organization API's screens, as `(path, label)`, in the order the navigation and the palette list them.
pub const SCREENS: &[(&str, &str)] = &[
    ("/projects", "Projects"),
    ("/tokens", "Tokens"),
    ("/organization", "Organization"),
    ("/assistants", "Assistants"),
    ("/requests", "Requests"),
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
