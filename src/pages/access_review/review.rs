//! The access review's rows and views, without a browser: every project's members flattened to one row per
//! membership, the filters of the URL (`/access?person=ana&project=ID&role=Project%20Member&type=backend`), the
//! "administrators on N or more projects" view, and the CSV record.

use std::collections::BTreeMap;

use crate::api::access::{Member, Role, RoleType};
use crate::api::Project;
use crate::format::csv_line;

/// One person's membership of one project.
#[derive(Clone, Debug, PartialEq)]
pub struct AccessRow {
    pub person: String,
    pub email: String,
    pub member_id: String,
    pub project_id: String,
    pub project_name: String,
    pub roles: Vec<Role>,
}

impl AccessRow {
    pub fn of(project: &Project, member: &Member) -> Self {
        Self {
            person: member.name.clone(),
            email: member.email.clone(),
            member_id: member.id.clone(),
            project_id: project.project_id.clone(),
            project_name: project.project_name.clone(),
            roles: member.roles.clone(),
        }
    }

    /// What identifies a row: the project and the member (by id, else by address).
    pub fn key(&self) -> (String, String) {
        (self.project_id.clone(), self.member_key().to_string())
    }

    /// `self.key() == *key` without making the key: the table looks each shown row up among all of them.
    pub fn has_key(&self, (project, member): &(String, String)) -> bool {
        self.project_id == *project && self.member_key() == member
    }

    fn member_key(&self) -> &str {
        if self.member_id.is_empty() {
            &self.email
        } else {
            &self.member_id
        }
    }

    pub fn is_administrator(&self) -> bool {
        self.roles.iter().any(Role::is_administrator)
    }

    /// The types of the row's roles, each once, Backend first.
    pub fn types(&self) -> Vec<RoleType> {
        let mut types: Vec<RoleType> = self.roles.iter().map(|role| role.role_type).collect();
        types.sort();
        types.dedup();
        types
    }
}

/// The rows by person, then project.
pub fn sorted(mut rows: Vec<AccessRow>) -> Vec<AccessRow> {
    // Each key lowercased once, not at every comparison: the review sorts a thousand rows as it fills.
    rows.sort_by_cached_key(|row| (row.person.to_lowercase(), row.project_name.to_lowercase()));
    rows
}

/// Which rows the review shows, or the administrators' view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessView {
    /// Part of a person's name or e-mail, any case.
    pub person: String,
    /// A project id, or empty for all.
    pub project: String,
    /// A role name, or empty for all.
    pub role: String,
    pub role_type: Option<RoleType>,
    /// The "administrators on `min_projects` or more projects" view instead of every membership.
    pub admins: bool,
    pub min_projects: usize,
}

/// The administrators' view's default: on more than one project.
const DEFAULT_MIN_PROJECTS: usize = 2;

impl Default for AccessView {
    fn default() -> Self {
        Self {
            person: String::new(),
            project: String::new(),
            role: String::new(),
            role_type: None,
            admins: false,
            min_projects: DEFAULT_MIN_PROJECTS,
        }
    }
}

impl AccessView {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let role_type = get("type").map(|word| RoleType::from_word(&word)).filter(|t| *t != RoleType::Other);
        let min_projects = get("min").and_then(|n| n.parse().ok()).filter(|n| *n > 0).unwrap_or(DEFAULT_MIN_PROJECTS);
        Self {
            person: get("person").unwrap_or_default(),
            project: get("project").unwrap_or_default(),
            role: get("role").unwrap_or_default(),
            role_type,
            admins: get("view").as_deref() == Some("admins"),
            min_projects,
        }
    }

    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        for (key, value) in [("person", &self.person), ("project", &self.project), ("role", &self.role)] {
            if !value.is_empty() {
                query.push((key, value.clone()));
            }
        }
        if let Some(role_type) = self.role_type {
            query.push(("type", role_type.as_sent().to_lowercase()));
        }
        if self.admins {
            query.push(("view", "admins".into()));
        }
        if self.min_projects != DEFAULT_MIN_PROJECTS {
            query.push(("min", self.min_projects.to_string()));
        }
        query
    }

    pub fn shows(&self, row: &AccessRow) -> bool {
        let person = self.person.trim().to_lowercase();
        (person.is_empty() || row.person.to_lowercase().contains(&person) || row.email.to_lowercase().contains(&person))
            && (self.project.is_empty() || row.project_id == self.project)
            && (self.role.is_empty() || row.roles.iter().any(|role| role.name == self.role))
            && self.role_type.is_none_or(|kind| row.roles.iter().any(|role| role.role_type == kind))
    }

    /// The people with an administrator role on at least `min_projects` of the shown rows' projects, the most
    /// first.
    pub fn administrators(&self, rows: &[AccessRow]) -> Vec<Administrator> {
        let mut by_person: BTreeMap<String, Administrator> = BTreeMap::new();
        for row in rows.iter().filter(|row| row.is_administrator() && self.shows(row)) {
            let entry = by_person.entry(row.email.to_lowercase()).or_insert_with(|| Administrator {
                person: row.person.clone(),
                email: row.email.clone(),
                projects: Vec::new(),
            });
            entry.projects.push(row.project_name.clone());
        }
        let mut found: Vec<Administrator> =
            by_person.into_values().filter(|admin| admin.projects.len() >= self.min_projects).collect();
        found.sort_by(|a, b| b.projects.len().cmp(&a.projects.len()).then(a.person.cmp(&b.person)));
        found
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Administrator {
    pub person: String,
    pub email: String,
    pub projects: Vec<String>,
}

/// The rows as a CSV record: a header row, then one row per membership, roles and types separated by `; `.
pub fn csv(rows: &[AccessRow]) -> String {
    let mut out = String::new();
    csv_line(["person", "email", "project", "project_id", "roles", "role_types"], &mut out);
    for row in rows {
        let roles: Vec<&str> = row.roles.iter().map(|role| role.name.as_str()).collect();
        let types: Vec<&str> = row.types().into_iter().map(RoleType::as_sent).collect();
        let (roles, types) = (roles.join("; "), types.join("; "));
        csv_line(
            [&row.person, &row.email, &row.project_name, &row.project_id, &roles, &types].map(String::as_str),
            &mut out,
        );
    }
    out
}

/// `access-review-api-saia-ai-2026-12-07.csv`: what was reviewed, where, and when.
pub fn file_name(base_url: &str, date: &str) -> String {
    let host = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    let installation = crate::format::slug(host);
    format!("access-review-{}-{date}.csv", if installation.is_empty() { "installation" } else { &installation })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str, kind: RoleType) -> Role {
        Role { id: name.into(), name: name.into(), role_type: kind, ..Default::default() }
    }

    fn row(person: &str, project: &str, roles: Vec<Role>) -> AccessRow {
        AccessRow {
            person: person.into(),
            email: format!("{}@acme.example", person.to_lowercase()),
            member_id: person.into(),
            project_id: format!("id-{project}"),
            project_name: project.into(),
            roles,
        }
    }

    fn rows() -> Vec<AccessRow> {
        let admin = || role("Project Administrator", RoleType::Backend);
        let chat = || role("Chat User", RoleType::Frontend);
        vec![
            row("Ana", "Sales", vec![admin()]),
            row("Ana", "Support", vec![admin(), chat()]),
            row("Bruno", "Sales", vec![chat()]),
            row("Carla", "Legal", vec![admin()]),
        ]
    }

    #[test]
    fn the_query_round_trips_and_defaults_are_left_out() {
        assert!(AccessView::default().to_query().is_empty());
        let view = AccessView {
            person: "ana".into(),
            project: "p 1".into(),
            role: "Chat User".into(),
            role_type: Some(RoleType::Frontend),
            admins: true,
            min_projects: 3,
        };
        let query = view.to_query();
        assert_eq!(AccessView::from_query(|k| query.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone())), view);
    }

    #[test]
    fn filters_combine() {
        let rows = rows();
        let shown = |view: AccessView| rows.iter().filter(|r| view.shows(r)).count();
        assert_eq!(shown(AccessView::default()), 4);
        assert_eq!(shown(AccessView { person: "ANA@".into(), ..Default::default() }), 2);
        assert_eq!(shown(AccessView { project: "id-Sales".into(), ..Default::default() }), 2);
        assert_eq!(shown(AccessView { role: "Chat User".into(), ..Default::default() }), 2);
        assert_eq!(
            shown(AccessView { role_type: Some(RoleType::Frontend), person: "bruno".into(), ..Default::default() }),
            1
        );
    }

    #[test]
    fn administrators_on_n_or_more_projects() {
        let admins = AccessView::default().administrators(&rows());
        assert_eq!(admins.len(), 1);
        assert_eq!((admins[0].person.as_str(), admins[0].projects.len()), ("Ana", 2));
        assert_eq!(AccessView { min_projects: 1, ..Default::default() }.administrators(&rows()).len(), 2);
    }

    #[test]
    fn the_csv_has_a_row_per_membership_quoted_where_needed() {
        let mut rows = rows();
        rows[0].project_name = "Sales, \"EU\"".into();
        let csv = csv(&rows[..2]);
        assert_eq!(
            csv,
            "person,email,project,project_id,roles,role_types\r\n\
             Ana,ana@acme.example,\"Sales, \"\"EU\"\"\",id-Sales,Project Administrator,Backend\r\n\
             Ana,ana@acme.example,Support,id-Support,Project Administrator; Chat User,Backend; Frontend\r\n"
        );
        assert_eq!(file_name("https://api.saia.ai/", "2026-12-07"), "access-review-api-saia-ai-2026-12-07.csv");
        assert_eq!(file_name("", "2026-12-07"), "access-review-installation-2026-12-07.csv");
    }
}
