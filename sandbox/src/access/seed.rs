//! Who has which role where in a seeded organization. The same seed and projects always give the same members.
//!
//! By position in the cast (`people`), so that every size of organization has something for each question an
//! access review asks:
//! - the first three lead: project `i` has person `i % 3` as its Project Administrator, so with 8 projects Ana
//!   Souza and Bruno Costa administer three each and Carla Mendes two ("admins on N or more projects");
//! - Daniel Ferreira is a Project Member of four projects in five, Elena Rossi has frontend access to every other
//!   one (people on many projects);
//! - two to five others from the rest of the cast join each project with varied roles; in projects `i % 4 == 2`
//!   the first of them is a second administrator;
//! - the last person of the cast, Diego Ramírez, is on no project;
//! - even projects also define a role of their own, "Chat User" (frontend, user-defined).
//!
//! The organization's own roles: the first two are Organization Administrators, everyone else an Organization
//! Member. Plugin runtime policies are defined (chat sharing within the project, no external execution).

use super::roles::{
    self, ALL_ASSISTANTS, ORGANIZATION_ADMINISTRATOR, ORGANIZATION_MEMBER, PROJECT_ADMINISTRATOR, PROJECT_MEMBER,
};
use super::{Member, PluginPolicies, PolicyScope, Role};
use crate::people::{self, Person};
use crate::random::{mix, Rng};
use crate::store::Store;

/// The role even projects define themselves.
pub const CHAT_USER: &str = "Chat User";

/// Cast positions, see the module's comment.
const LEADS: usize = 3;
const REGULAR_MEMBER: usize = 3;
const REGULAR_FRONTEND: usize = 4;
const ORGANIZATION_ADMINS: usize = 2;

const SEEDED_POLICIES: PluginPolicies =
    PluginPolicies { chat_sharing: PolicyScope::Project, external_execution: PolicyScope::None };

/// Mixed into the seed for the members' own stream, so that adding them changed no other seeded value.
const MEMBERS_STREAM: u64 = 0x6d65_6d62_6572_7300;

/// Whether the store has its people (a state file of before access control has none).
pub fn is_seeded(store: &Store) -> bool {
    !store.people.is_empty()
}

/// Adds the people, the organization's roles and members, its policies, and each project's catalog and members
/// (projects that have some already keep theirs).
pub fn add(store: &mut Store, seed: u64) {
    store.people = people::seeded(seed);
    store.access.roles = roles::organization_defaults(&store.organization.id);
    let admin = ids(&store.access.roles, &[ORGANIZATION_ADMINISTRATOR]);
    let member = ids(&store.access.roles, &[ORGANIZATION_MEMBER]);
    store.access.members = store
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| Member {
            person_id: p.id.clone(),
            role_ids: if i < ORGANIZATION_ADMINS { admin.clone() } else { member.clone() },
        })
        .collect();
    store.access.plugin_policies = Some(SEEDED_POLICIES);
    for (index, project) in store.projects.iter_mut().enumerate() {
        if project.roles.is_empty() {
            project.roles = roles::project_defaults(&project.id);
            if index.is_multiple_of(2) {
                project.roles.push(roles::user_defined(&project.id, CHAT_USER));
            }
        }
        if project.members.is_empty() {
            project.members = members(seed, index, &project.roles, &store.people);
        }
    }
}

fn members(seed: u64, index: usize, catalog: &[Role], people: &[Person]) -> Vec<Member> {
    let mut rng = Rng::new(mix(seed ^ MEMBERS_STREAM) ^ index as u64);
    let mut members = Vec::new();
    let mut join = |person: usize, names: &[&str]| {
        members.push(Member { person_id: people[person].id.clone(), role_ids: ids(catalog, names) });
    };
    join(index % LEADS, &[PROJECT_ADMINISTRATOR]);
    if index % 5 != 4 {
        join(REGULAR_MEMBER, &[PROJECT_MEMBER]);
    }
    if index.is_multiple_of(2) {
        join(REGULAR_FRONTEND, &[ALL_ASSISTANTS]);
    }
    // The rest of the cast but the last, who is on no project.
    let pool: Vec<usize> = (REGULAR_FRONTEND + 1..people.len() - 1).collect();
    let mut chosen: Vec<usize> = Vec::new();
    let wanted = 2 + rng.below(4) as usize;
    while chosen.len() < wanted {
        let person = *rng.pick(&pool);
        if !chosen.contains(&person) {
            chosen.push(person);
        }
    }
    let has_own_role = catalog.iter().any(|r| r.name == CHAT_USER);
    for (k, person) in chosen.into_iter().enumerate() {
        let names: &[&str] = match rng.below(6) {
            _ if k == 0 && index % 4 == 2 => &[PROJECT_ADMINISTRATOR],
            0..=2 => &[PROJECT_MEMBER],
            3 => &[PROJECT_MEMBER, ALL_ASSISTANTS],
            5 if has_own_role => &[CHAT_USER],
            _ => &[ALL_ASSISTANTS],
        };
        join(person, names);
    }
    members
}

/// The ids of the named roles of `catalog`, in catalog order.
fn ids(catalog: &[Role], names: &[&str]) -> Vec<String> {
    catalog.iter().filter(|r| names.contains(&r.name.as_str())).map(|r| r.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::config::{Dialect, SeedConfig};

    fn organization(projects: usize) -> Store {
        crate::seed::organization(&SeedConfig { projects, ..SeedConfig::default() }, Dialect::Geai)
    }

    /// How many projects each person administers, by name.
    fn administered(store: &Store) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for project in &store.projects {
            for member in &project.members {
                let (person, roles) = store.member_view(member, &project.roles).expect("a person");
                if roles.iter().any(|r| r.name == PROJECT_ADMINISTRATOR) {
                    *counts.entry(person.name.clone()).or_default() += 1;
                }
            }
        }
        counts
    }

    #[test]
    fn every_project_has_a_catalog_and_several_members_each_with_roles_of_it() {
        let store = organization(8);
        assert_eq!(store.people.len(), 30);
        for (index, project) in store.projects.iter().enumerate() {
            assert_eq!(project.roles.len(), if index % 2 == 0 { 4 } else { 3 }, "{}", project.name);
            assert!((3..=8).contains(&project.members.len()), "{}: {}", project.name, project.members.len());
            for member in &project.members {
                assert!(!member.role_ids.is_empty());
                assert!(member.role_ids.iter().all(|id| project.roles.iter().any(|r| r.id == *id)));
            }
            let mut people: Vec<&str> = project.members.iter().map(|m| m.person_id.as_str()).collect();
            people.sort_unstable();
            people.dedup();
            assert_eq!(people.len(), project.members.len(), "no one twice in {}", project.name);
        }
    }

    #[test]
    fn the_review_has_admins_of_three_projects_people_on_many_and_someone_on_none() {
        let store = organization(8);
        let admins = administered(&store);
        assert_eq!((admins["Ana Souza"], admins["Bruno Costa"], admins["Carla Mendes"]), (3, 3, 2));
        let on = |name: &str| {
            let person = store.people.iter().find(|p| p.name == name).expect("in the cast");
            store.memberships_of(person).len()
        };
        assert_eq!(on("Daniel Ferreira"), 7);
        assert_eq!(on("Diego Ramírez"), 0);
        let organization_admins: Vec<&str> = store
            .people
            .iter()
            .filter(|p| store.organization_roles(p).iter().any(|r| r.name == ORGANIZATION_ADMINISTRATOR))
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(organization_admins, ["Ana Souza", "Bruno Costa"]);
        assert!(store.people.iter().all(|p| store.organization_roles(p).len() == 1));
    }

    /// (project, its administrators, its other members) with the default seed: what sandbox/README.md lists.
    const MEMBERS: [(&str, &[&str], &[&str]); 8] = [
        (
            "Customer Support",
            &["Ana Souza"],
            &[
                "Amira Nasser",
                "Daniel Ferreira",
                "Elena Rossi",
                "Farid Haddad",
                "Pedro Alves",
                "Quentin Dubois",
                "Victor Nguyen",
            ],
        ),
        ("Sales Assistant", &["Bruno Costa"], &["Daniel Ferreira", "Farid Haddad", "Quentin Dubois", "Victor Nguyen"]),
        ("HR Knowledge Base", &["Amira Nasser", "Carla Mendes"], &["Daniel Ferreira", "Elena Rossi", "Yusuf Demir"]),
        ("Legacy Chatbot", &["Ana Souza"], &["Amira Nasser", "Daniel Ferreira", "Farid Haddad", "Yusuf Demir"]),
        (
            "Legal Review",
            &["Bruno Costa"],
            &["Elena Rossi", "Maya Cohen", "Olivia Brown", "Pedro Alves", "Rosa Jiménez", "Wen Li"],
        ),
        (
            "Marketing Copy",
            &["Carla Mendes"],
            &["Daniel Ferreira", "Maya Cohen", "Olivia Brown", "Rosa Jiménez", "Wen Li"],
        ),
        ("Old Experiments", &["Ana Souza", "Victor Nguyen"], &["Daniel Ferreira", "Elena Rossi", "Quentin Dubois"]),
        ("Data Insights", &["Bruno Costa"], &["Daniel Ferreira", "Pedro Alves", "Quentin Dubois"]),
    ];

    #[test]
    fn the_default_seed_gives_the_members_the_readme_lists() {
        let store = organization(8);
        for (project, (name, admins, others)) in store.projects.iter().zip(MEMBERS) {
            assert_eq!(project.name, name);
            let (mut found_admins, mut found_others) = (Vec::new(), Vec::new());
            for member in &project.members {
                let (person, roles) = store.member_view(member, &project.roles).expect("a person");
                let admin = roles.iter().any(|r| r.name == PROJECT_ADMINISTRATOR);
                if admin { &mut found_admins } else { &mut found_others }.push(person.name.as_str());
            }
            found_admins.sort_unstable();
            found_others.sort_unstable();
            assert_eq!((found_admins.as_slice(), found_others.as_slice()), (admins, others), "{name}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_members_and_large_organizations_follow_the_pattern() {
        assert_eq!(organization(8), organization(8));
        let large = organization(200);
        assert!(administered(&large)["Ana Souza"] >= 67);
        let diego = large.people.last().expect("the cast");
        assert!(large.memberships_of(diego).is_empty());
    }
}
