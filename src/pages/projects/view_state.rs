//! What the projects list shows: search text, hidden projects or not, and the sort. It lives in the URL query
//! (`?q=sales&hidden=1&sort=-status`) so reload, back/forward and a shared link all show the same view.

use crate::api::{ProjectRow, ProjectStatus};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Name,
    Status,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectsView {
    pub search: String,
    pub show_hidden: bool,
    pub sort: SortKey,
    pub descending: bool,
}

impl ProjectsView {
    /// Reads the query; unknown or malformed values fall back to the defaults.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let sort = get("sort").unwrap_or_default();
        let (descending, key) = match sort.strip_prefix('-') {
            Some(key) => (true, key),
            None => (false, sort.as_str()),
        };
        Self {
            search: get("q").unwrap_or_default(),
            show_hidden: get("hidden").is_some_and(|v| v == "1"),
            sort: if key == "status" { SortKey::Status } else { SortKey::Name },
            descending,
        }
    }

    /// The query for this view, leaving out defaults so that the plain list has the plain URL.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if !self.search.is_empty() {
            query.push(("q", self.search.clone()));
        }
        if self.show_hidden {
            query.push(("hidden", "1".into()));
        }
        let key = match self.sort {
            SortKey::Name => "name",
            SortKey::Status => "status",
        };
        if self.sort != SortKey::Name || self.descending {
            query.push(("sort", format!("{}{key}", if self.descending { "-" } else { "" })));
        }
        query
    }

    /// Sorting by a column: ascending first, then the other way on a second click.
    pub fn sorted_by(&self, key: SortKey) -> Self {
        let descending = self.sort == key && !self.descending;
        Self { sort: key, descending, ..self.clone() }
    }

    /// Whether the "show hidden" switch lets this project through (hidden and deleted ones only when it is on).
    pub fn includes(&self, project: &ProjectRow) -> bool {
        self.show_hidden || project.status() == ProjectStatus::Active
    }

    /// The positions in `list` of the projects to show, in order. Searches name, description and id, ignoring
    /// case; ties sort by name.
    pub fn apply(&self, list: &SearchableProjects) -> Vec<usize> {
        let needle = self.search.trim().to_lowercase();
        let mut shown: Vec<usize> = (0..list.projects.len())
            .filter(|&i| self.includes(&list.projects[i]))
            .filter(|&i| needle.is_empty() || list.haystacks[i].contains(&needle))
            .collect();
        shown.sort_by(|&a, &b| {
            let by_name = list.names[a].cmp(&list.names[b]);
            let order = match self.sort {
                SortKey::Name => by_name,
                SortKey::Status => list.projects[a].status().cmp(&list.projects[b].status()).then(by_name),
            };
            if self.descending {
                order.reverse()
            } else {
                order
            }
        });
        shown
    }
}

/// The fetched projects with the lowercased texts that search and sort compare, made once per fetch instead
/// of on every keystroke (10,000 projects are 30,000 strings).
pub struct SearchableProjects {
    pub projects: Vec<ProjectRow>,
    names: Vec<String>,
    haystacks: Vec<String>,
}

impl SearchableProjects {
    pub fn new(projects: Vec<ProjectRow>) -> Self {
        let names = projects.iter().map(|p| p.project_name.to_lowercase()).collect();
        // A control character between the fields: a search cannot match across two of them.
        let haystacks = projects
            .iter()
            .map(|p| format!("{}\u{1f}{}\u{1f}{}", p.project_name, p.project_description, p.project_id).to_lowercase())
            .collect();
        Self { projects, names, haystacks }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(name: &str, status: i64) -> ProjectRow {
        ProjectRow {
            project_name: name.into(),
            project_status: Some(status),
            project_id: format!("id-{name}"),
            ..Default::default()
        }
    }

    fn query(pairs: &[(&str, &str)]) -> ProjectsView {
        ProjectsView::from_query(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn the_query_round_trips_and_defaults_are_left_out() {
        assert_eq!(ProjectsView::default().to_query(), vec![]);
        let view = query(&[("q", "sales & co"), ("hidden", "1"), ("sort", "-status")]);
        assert_eq!(
            view,
            ProjectsView { search: "sales & co".into(), show_hidden: true, sort: SortKey::Status, descending: true }
        );
        let pairs = view.to_query();
        assert_eq!(query(&pairs.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>()), view);
        assert_eq!(query(&[("sort", "bogus"), ("hidden", "yes")]), ProjectsView::default());
    }

    #[test]
    fn filters_and_sorts() {
        let all = SearchableProjects::new(vec![project("beta", 0), project("Alpha", 2), project("gamma", 0)]);
        let names = |v: &ProjectsView| {
            v.apply(&all).into_iter().map(|i| all.projects[i].project_name.clone()).collect::<Vec<_>>()
        };
        assert_eq!(names(&ProjectsView::default()), ["beta", "gamma"]);
        let hidden = ProjectsView { show_hidden: true, ..Default::default() };
        assert_eq!(names(&hidden), ["Alpha", "beta", "gamma"]);
        assert_eq!(names(&hidden.sorted_by(SortKey::Status)), ["beta", "gamma", "Alpha"]);
        assert_eq!(names(&hidden.sorted_by(SortKey::Name)), ["gamma", "beta", "Alpha"], "second click reverses");
        assert_eq!(names(&ProjectsView { search: "AMM".into(), ..hidden.clone() }), ["gamma"]);
        assert_eq!(names(&ProjectsView { search: "id-alpha".into(), ..hidden.clone() }), ["Alpha"]);
        assert_eq!(
            names(&ProjectsView { search: "aid-".into(), ..hidden }),
            Vec::<String>::new(),
            "no match across fields"
        );
    }
}
