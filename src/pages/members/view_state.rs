//! What the members list shows, in the URL (`/members?q=ana&type=frontend&page=2`): a reload, Back or a shared
//! link shows the same people.

use crate::api::access::{Member, RoleType};

/// People a page.
pub const PAGE_SIZE: usize = 20;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MembersView {
    pub search: String,
    pub role_type: Option<RoleType>,
    /// From 1.
    pub page: usize,
}

impl MembersView {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let role_type = get("type").map(|word| RoleType::from_word(&word)).filter(|t| *t != RoleType::Other);
        let page = get("page").and_then(|p| p.parse().ok()).filter(|p| *p > 0).unwrap_or(1);
        Self { search: get("q").unwrap_or_default(), role_type, page }
    }

    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if !self.search.is_empty() {
            query.push(("q", self.search.clone()));
        }
        if let Some(role_type) = self.role_type {
            query.push(("type", role_type.as_sent().to_lowercase()));
        }
        if self.page > 1 {
            query.push(("page", self.page.to_string()));
        }
        query
    }

    /// Whether a person is shown: the search in their e-mail or name (any case), and a role of the type.
    pub fn shows(&self, member: &Member) -> bool {
        let search = self.search.trim().to_lowercase();
        let found = search.is_empty()
            || member.email.to_lowercase().contains(&search)
            || member.name.to_lowercase().contains(&search);
        found && self.role_type.is_none_or(|kind| member.roles.iter().any(|role| role.role_type == kind))
    }

    /// The page shown of `matching` people (the last one when the URL asks for a page past it), and the count
    /// of pages.
    pub fn page_of(&self, matching: usize) -> (usize, usize) {
        let pages = matching.div_ceil(PAGE_SIZE).max(1);
        (self.page.min(pages), pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::access::Role;

    fn member(name: &str, email: &str, kind: RoleType) -> Member {
        Member {
            name: name.into(),
            email: email.into(),
            roles: vec![Role { name: "R".into(), role_type: kind, ..Default::default() }],
            ..Default::default()
        }
    }

    #[test]
    fn the_query_round_trips_and_defaults_are_left_out() {
        assert!(MembersView::default().to_query().is_empty() && MembersView::from_query(|_| None).page == 1);
        let view = MembersView { search: "ana & co".into(), role_type: Some(RoleType::Frontend), page: 3 };
        let query = view.to_query();
        assert_eq!(MembersView::from_query(|k| query.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone())), view);
        assert_eq!(MembersView::from_query(|k| (k == "page").then(|| "0".into())).page, 1);
    }

    #[test]
    fn search_and_type_filter_people() {
        let ana = member("Ana Souza", "ana.souza@acme.example", RoleType::Backend);
        let view = |search: &str, role_type| MembersView { search: search.into(), role_type, page: 1 };
        assert!(view("SOUZA", None).shows(&ana) && view("ana.souza@", None).shows(&ana));
        assert!(!view("bruno", None).shows(&ana));
        assert!(view("", Some(RoleType::Backend)).shows(&ana) && !view("", Some(RoleType::Frontend)).shows(&ana));
        assert_eq!(view("", None).page_of(41), (1, 3));
        assert_eq!(MembersView { page: 9, ..Default::default() }.page_of(41), (3, 3));
        assert_eq!(view("", None).page_of(0), (1, 1));
    }
}
