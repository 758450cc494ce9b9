//! What the token audit shows: a status filter, a project filter and the order, in the URL query
//! (`/tokens?status=blocked&project=ID&sort=oldest`) so that a reload or a shared link shows the same view.

use crate::api::ApiToken;
use crate::format::parse_timestamp;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AuditOrder {
    /// By project name, then token name.
    #[default]
    Project,
    Oldest,
    Newest,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditView {
    /// `active`, `blocked` (any status the server sends, lowercased), or empty for all.
    pub status: String,
    /// A project id, or empty for all.
    pub project: String,
    pub order: AuditOrder,
}

impl AuditView {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            status: get("status").unwrap_or_default().to_lowercase(),
            project: get("project").unwrap_or_default(),
            order: match get("sort").as_deref() {
                Some("oldest") => AuditOrder::Oldest,
                Some("newest") => AuditOrder::Newest,
                _ => AuditOrder::Project,
            },
        }
    }

    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if !self.status.is_empty() {
            query.push(("status", self.status.clone()));
        }
        if !self.project.is_empty() {
            query.push(("project", self.project.clone()));
        }
        match self.order {
            AuditOrder::Project => {}
            AuditOrder::Oldest => query.push(("sort", "oldest".into())),
            AuditOrder::Newest => query.push(("sort", "newest".into())),
        }
        query
    }

    pub fn shows_project(&self, project_id: &str) -> bool {
        self.project.is_empty() || self.project == project_id
    }

    pub fn shows_token(&self, token: &ApiToken) -> bool {
        self.status.is_empty() || token.status.eq_ignore_ascii_case(&self.status)
    }

    /// Puts rows of (project name, token) in this view's order; a token without a readable date sorts last.
    pub fn sort<T>(&self, rows: &mut [T], key: impl Fn(&T) -> (&str, &ApiToken)) {
        let created = |row: &T| key(row).1.timestamp.as_deref().and_then(parse_timestamp);
        let by_names = |a: &T, b: &T| {
            let ((project_a, token_a), (project_b, token_b)) = (key(a), key(b));
            project_a.to_lowercase().cmp(&project_b.to_lowercase()).then(token_a.name.cmp(&token_b.name))
        };
        match self.order {
            AuditOrder::Project => rows.sort_by(by_names),
            AuditOrder::Oldest => rows.sort_by(|a, b| match (created(a), created(b)) {
                (Some(x), Some(y)) => x.cmp(&y).then(by_names(a, b)),
                (x, y) => x.is_none().cmp(&y.is_none()).then(by_names(a, b)),
            }),
            AuditOrder::Newest => rows.sort_by(|a, b| match (created(a), created(b)) {
                (Some(x), Some(y)) => y.cmp(&x).then(by_names(a, b)),
                (x, y) => x.is_none().cmp(&y.is_none()).then(by_names(a, b)),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(name: &str, status: &str, timestamp: Option<&str>) -> ApiToken {
        ApiToken {
            name: name.into(),
            status: status.into(),
            timestamp: timestamp.map(Into::into),
            ..Default::default()
        }
    }

    #[test]
    fn the_query_round_trips() {
        assert_eq!(AuditView::default().to_query(), vec![]);
        let view = AuditView { status: "blocked".into(), project: "p 1".into(), order: AuditOrder::Oldest };
        let pairs = view.to_query();
        let read = AuditView::from_query(|k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()));
        assert_eq!(read, view);
        assert_eq!(AuditView::from_query(|k| (k == "status").then(|| "Blocked".to_string())).status, "blocked");
    }

    #[test]
    fn filters_and_orders_by_age() {
        let view = AuditView { status: "blocked".into(), ..Default::default() };
        assert!(view.shows_token(&token("a", "Blocked", None)));
        assert!(!view.shows_token(&token("a", "Active", None)));
        let mut rows = vec![
            ("B", token("new", "Active", Some("2025-01-01T00:00:00"))),
            ("A", token("undated", "Active", None)),
            ("C", token("old", "Active", Some("2023-01-01T00:00:00+00:00"))),
        ];
        let names = |rows: &[(&str, ApiToken)]| rows.iter().map(|(_, t)| t.name.clone()).collect::<Vec<_>>();
        AuditView { order: AuditOrder::Oldest, ..Default::default() }.sort(&mut rows, |(p, t)| (*p, t));
        assert_eq!(names(&rows), ["old", "new", "undated"]);
        AuditView { order: AuditOrder::Newest, ..Default::default() }.sort(&mut rows, |(p, t)| (*p, t));
        assert_eq!(names(&rows), ["new", "old", "undated"]);
        AuditView::default().sort(&mut rows, |(p, t)| (*p, t));
        assert_eq!(names(&rows), ["undated", "new", "old"]);
    }
}
