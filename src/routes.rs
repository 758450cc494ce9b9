//! Every address of the app: the paths, the builders of links with their values encoded, and the list of
//! screens that the navigation and the palette read. No other module builds an address by hand, so a path is
//! changed here once.

use crate::api::encode;
use crate::i18n::TextOf;

pub const HOME: &str = "/";
pub const PROJECTS: &str = "/projects";
pub const NEW_PROJECT: &str = "/projects/new";
pub const TOKENS: &str = "/tokens";
pub const ORGANIZATION: &str = "/organization";
pub const ASSISTANTS: &str = "/assistants";
pub const REQUESTS: &str = "/requests";
pub const MEMBERS: &str = "/members";
pub const PERSON: &str = "/members/person";
pub const ACCESS: &str = "/access";
pub const ANALYTICS: &str = "/analytics";
pub const CONNECT: &str = "/connect";
pub const ARCEE: &str = "/arcee";
pub const ARCEE_KEYS: &str = "/arcee/keys";
pub const ARCEE_ORGANIZATION: &str = "/arcee/organization";
pub const ARCEE_CONTEXTS: &str = "/arcee/contexts";
pub const ARCEE_MODELS: &str = "/arcee/models";
pub const ARCEE_RETRIEVAL: &str = "/arcee/retrieval";
pub const ARCEE_FEEDBACK: &str = "/arcee/feedback";

/// `/projects/{id}`.
pub fn project(id: &str) -> String {
    format!("{PROJECTS}/{}", encode(id))
}

/// `/projects/{id}/edit`.
pub fn edit_project(id: &str) -> String {
    format!("{PROJECTS}/{}/edit", encode(id))
}

/// `/members/person?email=...`: one person's access.
pub fn person(email: &str) -> String {
    link_with_query(PERSON, &[("email", email.to_string())])
}

/// `/analytics?project=...`: one project's analytics.
pub fn analytics_of(project_id: &str) -> String {
    link_with_query(ANALYTICS, &[("project", project_id.to_string())])
}

/// The connect screen, coming back to `next` (a path of this app) once connected.
pub fn connect_then(next: &str) -> String {
    link_with_query(CONNECT, &[("next", next.to_string())])
}

/// The connect screen's Arcee form, coming back to `next` once connected.
pub fn connect_arcee_then(next: &str) -> String {
    link_with_query(CONNECT, &[("kind", "arcee".to_string()), ("next", next.to_string())])
}

/// The connect screen's Arcee form.
pub fn connect_arcee() -> String {
    link_with_query(CONNECT, &[("kind", "arcee".to_string())])
}

/// An address in this app with its query, every value encoded, and no `?` when there is none:
/// `/tokens?status=blocked`. Screens keep their view in it (see each screen's view state).
pub fn link_with_query(path: &str, query: &[(&'static str, String)]) -> String {
    let pairs: Vec<String> = query.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    if pairs.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

/// Only a path of this app: never another site (`//evil.example`) or a scheme. Without one, home, which picks
/// the first screen for the tokens given.
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") => path,
        _ => HOME.to_string(),
    }
}

/// Which connection a screen belongs to, as the navigation groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// The Organization API with an organization token.
    Organization,
    /// The Organization API's screens of one project (a project token).
    Project,
    /// The Arcee workspace.
    Arcee,
}

/// A screen the navigation and the palette list: its path, its label in the current language, its area.
pub struct Screen {
    pub path: &'static str,
    pub label: TextOf,
    pub area: Area,
}

/// Every screen with a place in the navigation, in its order.
pub const SCREENS: &[Screen] = &[
    Screen { path: PROJECTS, label: |t| t.shell().nav_projects, area: Area::Organization },
    Screen { path: TOKENS, label: |t| t.shell().nav_tokens, area: Area::Organization },
    Screen { path: ORGANIZATION, label: |t| t.shell().nav_organization, area: Area::Organization },
    Screen { path: MEMBERS, label: |t| t.shell().nav_members, area: Area::Organization },
    Screen { path: ACCESS, label: |t| t.shell().nav_access, area: Area::Organization },
    Screen { path: ANALYTICS, label: |t| t.shell().nav_analytics, area: Area::Organization },
    Screen { path: ASSISTANTS, label: |t| t.shell().nav_assistants, area: Area::Project },
    Screen { path: REQUESTS, label: |t| t.shell().nav_requests, area: Area::Project },
    Screen { path: ARCEE, label: |t| t.shell().nav_arcee_account, area: Area::Arcee },
    Screen { path: ARCEE_KEYS, label: |t| t.shell().nav_arcee_keys, area: Area::Arcee },
    Screen { path: ARCEE_ORGANIZATION, label: |t| t.shell().nav_arcee_organizations, area: Area::Arcee },
    Screen { path: ARCEE_CONTEXTS, label: |t| t.shell().nav_arcee_contexts, area: Area::Arcee },
    Screen { path: ARCEE_MODELS, label: |t| t.shell().nav_arcee_models, area: Area::Arcee },
    Screen { path: ARCEE_RETRIEVAL, label: |t| t.shell().nav_arcee_retrieval, area: Area::Arcee },
    Screen { path: ARCEE_FEEDBACK, label: |t| t.shell().nav_arcee_feedback, area: Area::Arcee },
];

/// The screens of one area, in order.
pub fn screens_of(area: Area) -> impl Iterator<Item = &'static Screen> {
    SCREENS.iter().filter(move |screen| screen.area == area)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_encode_their_values() {
        assert_eq!(project("a b/c"), "/projects/a%20b%2Fc");
        assert_eq!(edit_project("p-1"), "/projects/p-1/edit");
        assert_eq!(connect_then("/projects?q=a"), "/connect?next=%2Fprojects%3Fq%3Da");
        assert_eq!(connect_arcee_then("/arcee/keys"), "/connect?kind=arcee&next=%2Farcee%2Fkeys");
        assert_eq!(link_with_query(TOKENS, &[]), "/tokens");
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/projects?q=a".into())), "/projects?q=a");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn every_area_has_screens_and_paths_are_distinct() {
        for area in [Area::Organization, Area::Project, Area::Arcee] {
            assert!(screens_of(area).count() > 0);
        }
        let mut paths: Vec<_> = SCREENS.iter().map(|s| s.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), SCREENS.len());
    }
}
