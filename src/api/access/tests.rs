//! Both shapes of each answer (fixtures/api/access/: the live one from the SDK's tests against a real server,
//! the SDK's flat one), and the calls' URLs and headers.

use std::path::PathBuf;

use super::endpoints;
use super::model::{MembersAnswer, MembershipsAnswer, PoliciesAnswer, RolesAnswer};
use super::{PluginPolicies, RoleType};
use crate::api::Method;

fn decode<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/api/access").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn members_read_in_the_live_and_the_flat_shape() {
    let live = decode::<MembersAnswer>("project-members-live.json").members();
    assert_eq!(live.len(), 2);
    // A name that is an address stands for the e-mail the live answer leaves out.
    assert_eq!((live[0].email.as_str(), live[0].name.as_str()), ("ana.souza@acme.example", "ana.souza@acme.example"));
    assert_eq!((live[1].email.as_str(), live[1].name.as_str()), ("bruno.costa@acme.example", "Bruno Costa"));
    assert_eq!(live[1].roles[0].role_type, RoleType::Frontend);
    let flat = decode::<MembersAnswer>("project-members-sdk.json").members();
    assert_eq!((flat[0].email.as_str(), flat[0].name.as_str()), ("ana.souza@acme.example", "ana.souza@acme.example"));
    assert_eq!(flat[0].roles[0].role_type, RoleType::Backend, "types are read in any case");
    let organization = decode::<MembersAnswer>("organization-members.json").members();
    assert_eq!(organization[0].name, "Ana Souza");
}

#[test]
fn roles_read_in_the_live_and_the_flat_shape() {
    let live = decode::<RolesAnswer>("project-roles-live.json").roles();
    let names: Vec<_> = live.iter().map(|role| role.name.as_str()).collect();
    assert_eq!(names, ["Project Administrator", "Access all Project Assistants"]);
    assert!(live[0].is_administrator() && !live[1].is_administrator());
    assert_eq!(decode::<RolesAnswer>("project-roles-sdk.json").roles().len(), 1);
}

#[test]
fn memberships_and_both_policy_answers_read() {
    let memberships = decode::<MembershipsAnswer>("memberships.json").projects;
    assert_eq!(
        (memberships[0].project_name.as_str(), memberships[0].roles[0].name.as_str()),
        ("Support", "Project Member")
    );
    let defined: PluginPolicies = decode::<PoliciesAnswer>("policies-defined.json").into();
    assert_eq!(defined, PluginPolicies::Defined { chat_sharing: "project".into(), external_execution: "none".into() });
    let none: PluginPolicies = decode::<PoliciesAnswer>("policies-not-defined.json").into();
    assert_eq!(none, PluginPolicies::NotDefined);
}

#[test]
fn calls_name_their_project_or_organization_in_a_header() {
    let members = endpoints::project_members("p 1");
    assert_eq!(
        members.url("https://x/"),
        "https://x/v2/accessControl/projects/members?startPage=1&pageSize=1000&orderKey=name&orderDirection=asc"
    );
    assert_eq!(members.headers, vec![("project-id", "p 1".to_string())]);
    let invite = endpoints::invite_member("p1", "a@b.c", &["Project Member".into(), "r9".into()]);
    assert_eq!(invite.method, Method::Post);
    assert_eq!(invite.body.as_deref(), Some(r#"{"roles":["Project Member","r9"],"userEmail":"a@b.c"}"#));
    let remove = endpoints::remove_member("p/1", "u 1");
    assert_eq!(
        (remove.method, remove.path.as_str()),
        (Method::Delete, "/v2/accessControl/projects/p%2F1/members/u%201")
    );
    let memberships = endpoints::memberships_of("o1", "a+b@c.d");
    assert!(memberships.url("").ends_with("orderKey=projectName&orderDirection=asc&userEmail=a%2Bb%40c.d"));
    assert_eq!(memberships.headers, vec![("organization-id", "o1".to_string())]);
    assert!(endpoints::organization_members("o1", 2).url("").contains("startPage=2&pageSize=1000&orderKey=email"));
    assert_eq!(endpoints::plugin_policies("o1").headers, vec![("organization-id", "o1".to_string())]);
}
