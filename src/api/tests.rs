//! Native tests of decoding and URL building, on fixtures built from every JSON example in both API documents
//! and from FACTS.md (fixtures/api/).

use std::path::PathBuf;

use super::*;

fn fixture(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/api").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn decode<T: serde::de::DeserializeOwned>(path: &str) -> T {
    serde_json::from_str(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_documented_example_decodes_in_both_dialects() {
    for dialect in ["geai", "saia-beta"] {
        let projects: ProjectList = decode(&format!("{dialect}/projects.json"));
        assert_eq!(projects.projects.len(), 2, "{dialect}");
        assert_eq!(projects.projects[0].status(), ProjectStatus::Active);
        let project: Project = decode(&format!("{dialect}/project.json"));
        assert_eq!(project.project_name, "Customer Support");
        assert_eq!(project.search_profiles[0].name, "Default");
        let created: Project = decode(&format!("{dialect}/project-created.json"));
        assert_eq!(created.tokens[0].status, "Active");
        let updated: Project = decode(&format!("{dialect}/project-updated.json"));
        assert!(!updated.project_id.is_empty());
        let tokens: TokenList = decode(&format!("{dialect}/tokens.json"));
        assert_eq!(tokens.tokens[1].status, "Blocked");
        let full: AssistantList = decode(&format!("{dialect}/assistants-full.json"));
        let revision = &full.assistants[0].intents[0].revisions[0];
        assert_eq!(revision.metadata[0].kind.as_deref(), Some("number"));
        assert_eq!(full.assistants[0].intents[0].assistant_intent_default_revision, Some(1));
        let summary: AssistantList = decode(&format!("{dialect}/assistants-summary.json"));
        assert!(summary.assistants[0].intents.is_empty());
        let export: ExportPage = decode(&format!("{dialect}/export.json"));
        assert_eq!(export.items.len(), 1, "{dialect}");
        assert_eq!(export.items[0].status.as_deref(), Some("succeeded"));
    }
}

#[test]
fn organization_fields_and_beta_statuses_are_read() {
    let project: Project = decode("geai/project.json");
    assert_eq!(project.organization_name.as_deref(), Some("Acme"));
    let beta: ProjectList = decode("saia-beta/projects.json");
    assert_eq!(beta.projects[1].status(), ProjectStatus::Deleted);
    let current: ProjectList = decode("geai/projects.json");
    assert_eq!(current.projects[1].status(), ProjectStatus::Hidden);
}

#[test]
fn sdk_era_export_rows_with_nulls_decode() {
    let export: ExportPage = decode("facts/export-sdk.json");
    let first = &export.items[0];
    assert_eq!(first.cost, Some(0.00231));
    assert_eq!(first.elapsed_time_ms, Some(1834));
    assert_eq!(first.input_text, None);
    assert!(first.prompt.as_deref().unwrap().contains("<script>"));
    let pending = &export.items[1];
    assert_eq!((pending.assistant.as_deref(), pending.end_timestamp.as_deref()), (None, None));
}

#[test]
fn usage_limit_and_null_description_decode() {
    let project: Project = decode("facts/project-usage-limit.json");
    assert_eq!(project.project_description, "");
    let limit = project.usage_limit.expect("usage limit");
    assert_eq!((limit.hard_limit, limit.status), (Some(100.0), Some(1)));
}

#[test]
fn a_list_row_reads_what_the_whole_project_reads() {
    let fixture = "facts/project-usage-limit.json";
    let (whole, row): (Project, ProjectRow) = (decode(fixture), decode(fixture));
    assert_eq!(
        (row.project_id.as_str(), row.project_name.as_str()),
        (whole.project_id.as_str(), whole.project_name.as_str())
    );
    assert_eq!((row.project_description.as_str(), row.status()), (whole.project_description.as_str(), whole.status()));
    assert_eq!(row.usage_limit, whole.usage_limit.map(|limit| limit.usage()));
    let row: ProjectRow = serde_json::from_str(r#"{"projectStatus": "2", "tokens": [{"id": 1}]}"#).unwrap();
    assert_eq!(row.status(), ProjectStatus::Hidden);
}

#[test]
fn validation_answers_decode() {
    let organization: TokenValidation = decode("facts/validate-organization.json");
    assert_eq!(organization.scope.as_deref(), Some("Pia.Data.Organization"));
    let project: TokenValidation = decode("facts/validate-project.json");
    assert!(project.project_id.is_some() && project.scope.is_none());
}

#[test]
fn lenient_numbers_and_missing_fields() {
    let project: Project = serde_json::from_str(r#"{"projectId": "x", "projectStatus": "2", "extra": [1]}"#).unwrap();
    assert_eq!(project.status(), ProjectStatus::Hidden);
    let bare: Project = serde_json::from_str(r#"{"projectActive": false}"#).unwrap();
    assert_eq!(bare.status(), ProjectStatus::Hidden);
    let odd: Project = serde_json::from_str(r#"{"projectStatus": 9}"#).unwrap();
    assert_eq!(odd.status().label(), "Status 9");
    let empty: ProjectList = serde_json::from_str(r#"{"projects": null}"#).unwrap();
    assert!(empty.projects.is_empty());
}

#[test]
fn documented_errors_keep_ids_and_descriptions() {
    let error = ApiError::from_response(404, &fixture("geai/errors.json"));
    assert_eq!(error.kind, ErrorKind::NotFound);
    assert_eq!(
        error.messages,
        vec![ServerMessage { id: Some(2005), text: "Project Not Found".into(), said: Said::AsIs }]
    );
    assert!(error.to_string().contains("Project Not Found (error 2005)"));
}

#[test]
fn sdk_error_shapes_are_read() {
    let object = ApiError::from_response(409, &fixture("facts/error-object.json"));
    assert_eq!(object.messages, vec![ServerMessage { id: Some(409), text: "Conflict".into(), said: Said::AsIs }]);
    assert_eq!(object.kind, ErrorKind::Rejected);
    let code_message = ApiError::from_response(400, &fixture("facts/errors-code-message.json"));
    assert_eq!(
        code_message.messages[0],
        ServerMessage { id: Some(2006), text: "Project not in Organization".into(), said: Said::AsIs }
    );
    let string_id = ApiError::from_response(400, r#"{"errors":[{"id":"2007","description":"Name is Empty"}]}"#);
    assert_eq!(string_id.messages[0].id, Some(2007));
}

#[test]
fn statuses_and_error_7_map_to_kinds() {
    assert_eq!(
        ApiError::from_response(401, r#"{"errors":[{"id":401,"description":"Unauthorized"}]}"#).kind,
        ErrorKind::TokenRejected
    );
    assert_eq!(
        ApiError::from_response(400, r#"{"errors":[{"id":7,"description":"ApiToken Out Of Scope"}]}"#).kind,
        ErrorKind::OutOfScope
    );
    assert_eq!(ApiError::from_response(403, "").kind, ErrorKind::OutOfScope);
    assert_eq!(ApiError::from_response(503, "").kind, ErrorKind::ServerFailure);
    assert!(ApiError::from_response(401, "").headline().contains("rejected the token"));
}

#[test]
fn arcee_rejections_name_the_api_key() {
    let arcee = ApiError { from_arcee: true, ..ApiError::from_response(401, r#"{"detail":"API key expired"}"#) };
    assert_eq!(arcee.headline(), "The server rejected the API key: it may be wrong, expired or deleted.");
    assert!(arcee.to_string().ends_with(" API key expired."), "the server's words as sent: {arcee}");
    let other = ApiError { from_arcee: true, ..ApiError::from_response(404, "") };
    assert_eq!(other.headline(), ApiError::from_response(404, "").headline());
}

#[test]
fn raw_and_html_bodies_fall_back_to_readable_text() {
    let html = ApiError::from_response(
        502,
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>x</body></html>",
    );
    assert_eq!((html.messages[0].text.as_str(), &html.messages[0].said), ("502 Bad Gateway", &Said::HtmlPage));
    assert_eq!(html.messages[0].to_string(), "The server answered with an HTML page: \u{201c}502 Bad Gateway\u{201d}");
    let empty = ApiError::from_response(500, "   ");
    assert!(empty.messages.is_empty());
    let long = ApiError::from_response(500, &"x".repeat(1000));
    assert!(long.messages[0].text.chars().count() <= 201);
    let plain = ApiError::from_response(404, "Not Found");
    assert_eq!(plain.messages[0].text, "Not Found");
}

#[test]
fn urls_encode_values_and_trim_the_base() {
    assert_eq!(Endpoint::projects(false).url("http://x:1/"), "http://x:1/v1/organization/projects");
    assert_eq!(Endpoint::projects(true).url(" http://x:1// "), "http://x:1/v1/organization/projects?detail=full");
    assert_eq!(
        Endpoint::project("../tokens?a=b").url("http://x"),
        "http://x/v1/organization/project/..%2Ftokens%3Fa%3Db"
    );
    assert_eq!(encode("ñ &"), "%C3%B1%20%26");
}

#[test]
fn export_urls_use_each_dialects_parameter_names() {
    let filter = ExportFilter { assistant: "Help desk".into(), status: "failed".into() };
    assert_eq!(
        Endpoint::export(&filter, 100, 50, Dialect::Current).url("http://x"),
        "http://x/v1/organization/request/export?assistantName=Help%20desk&status=failed&skip=100&count=50"
    );
    assert_eq!(
        Endpoint::export(&ExportFilter::default(), 0, 25, Dialect::SaiaBeta).url("http://x"),
        "http://x/v1/organization/request/export?Skip=0&Count=25"
    );
    assert_eq!(Endpoint::assistants(true).url("http://x"), "http://x/v1/organization/assistants?detail=full");
}

#[test]
fn both_forms_of_revision_ids_and_rag_sources_are_read() {
    let revision: Revision = serde_json::from_str(r#"{"revisionId": 3, "revisionName": "3"}"#).unwrap();
    assert_eq!(revision.revision_id.as_deref(), Some("3"));
    let guid: Revision = serde_json::from_str(r#"{"revisionId": "0b7c-11"}"#).unwrap();
    assert_eq!(guid.revision_id.as_deref(), Some("0b7c-11"));
    let listed: ExportItem = serde_json::from_str(r#"{"ragSourcesConsulted": ["a.pdf", "b.md"]}"#).unwrap();
    assert_eq!(listed.rag_sources_text().as_deref(), Some("a.pdf, b.md"));
    let text: ExportItem = serde_json::from_str(r#"{"ragSourcesConsulted": "a.pdf, b.md", "feedback": 1}"#).unwrap();
    assert_eq!(text.rag_sources_text().as_deref(), Some("a.pdf, b.md"));
    assert_eq!(text.feedback_text().as_deref(), Some("1"));
}

#[test]
fn the_newer_token_and_limit_calls_are_built_as_the_sdk_sends_them() {
    let create = Endpoint::create_project_token("p 1", &NewToken { name: "CI".into(), description: None });
    assert_eq!(create.url("http://x"), "http://x/v2/projects/tokens");
    assert_eq!(create.headers, vec![("project-id", "p 1".to_string())]);
    assert_eq!(create.body.as_deref(), Some(r#"{"name":"CI"}"#));
    let block = Endpoint::update_project_token("t/1", &TokenChanges { status: Some("blocked"), description: None });
    assert_eq!((block.method, block.path.as_str()), (Method::Put, "/v2/projects/tokens/t%2F1"));
    assert_eq!(block.body.as_deref(), Some(r#"{"status":"blocked"}"#));
    let owner = LimitOwner::Project { organization_id: "o".into(), project_id: "p".into() };
    assert_eq!(Endpoint::limits(&owner).path, "/v2/usageLimits/organizations/o/projects/p/limits");
    let change = Endpoint::change_limit(&owner, "l1", &LimitChange::HardLimit(250.0));
    assert_eq!(change.path, "/v2/usageLimits/organizations/o/projects/p/limits/l1/hardLimit");
    assert_eq!(change.body.as_deref(), Some(r#"{"hardLimit":250.0}"#));
    let organization = LimitOwner::Organization { organization_id: "o".into() };
    assert_eq!(Endpoint::delete_limit(&organization, "l2").path, "/v2/usageLimits/organizations/o/limits/l2");
    assert_eq!(Endpoint::revoke_project_token("t").scope, EndpointScope::Only(TokenScope::Organization));
}

#[test]
fn endpoints_declare_their_scopes() {
    assert_eq!(Endpoint::projects(false).scope, EndpointScope::Only(TokenScope::Organization));
    assert_eq!(Endpoint::assistants(false).scope, EndpointScope::Only(TokenScope::Project));
    assert_eq!(Endpoint::project("a").scope, EndpointScope::Either);
}

#[test]
fn a_client_printed_shows_its_tokens_masked() {
    let client = Client {
        base_url: "https://api.example".into(),
        organization_token: Some("org_secret_value_1234".into()),
        project_token: Some("prj_secret_value_5678".into()),
        ..Client::default()
    };
    let printed = format!("{client:?}");
    assert!(!printed.contains("secret_value"), "{printed}");
    assert!(printed.contains("1234") && printed.contains("5678"), "{printed}");
}
