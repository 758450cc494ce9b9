//! Arcee's calls as the documents describe them, and its answers and refusals read, natively.

use std::collections::BTreeMap;

use super::endpoint;
use super::input::{NewFeedback, NewOrganization, RetrievalQuery, Training};
use super::model::{KeyList, RetrievalResult, Trained};
use super::normalize_base_url;
use crate::api::{ApiError, ErrorKind, Method};

#[test]
fn base_urls_end_in_the_version() {
    assert_eq!(normalize_base_url("https://api.arcee.ai/v2/"), "https://api.arcee.ai/v2");
    assert_eq!(normalize_base_url(" https://app.arcee.ai/api/v2 "), "https://app.arcee.ai/api/v2");
    assert_eq!(normalize_base_url("http://127.0.0.1:8787"), "http://127.0.0.1:8787/v2");
}

#[test]
fn calls_have_the_documented_paths_and_bodies() {
    let base = "https://api.arcee.ai/v2";
    assert_eq!(endpoint::whoami().url(base), "https://api.arcee.ai/v2/whoami");
    let create = endpoint::create_key("2027-01-31");
    assert_eq!((create.method, create.body.as_deref()), (Method::Post, Some(r#"{"expiry":"2027-01-31"}"#)));
    assert_eq!(endpoint::delete_key("tok/1").url(base), "https://api.arcee.ai/v2/tokens/tok%2F1");
    assert_eq!(endpoint::delete_key("tok_1").method, Method::Delete);
    let organization = NewOrganization { name: "Acme".into(), kind: "team".into() };
    assert_eq!(endpoint::create_organization(&organization).body.as_deref(), Some(r#"{"name":"Acme","type":"team"}"#));
    let invite = endpoint::invite("acme labs", &["a@b.example".into()]);
    assert_eq!(invite.path, "/organizations/acme%20labs/invite");
    assert_eq!(invite.body.as_deref(), Some(r#"{"invitees":["a@b.example"]}"#));
    assert_eq!(endpoint::upload_csv("support-docs").path, "/contexts/support-docs/csv");
    assert_eq!(endpoint::retriever_status("a b").path, "/retrievers/status/a%20b");
    let query = RetrievalQuery {
        id: "support-docs".into(),
        query: "reset password".into(),
        size: Some(3),
        filters: BTreeMap::from([("title".to_string(), "account".to_string())]),
    };
    assert_eq!(
        endpoint::retrieve(&query).body.as_deref(),
        Some(r#"{"id":"support-docs","query":"reset password","size":3,"filters":{"title":"account"}}"#)
    );
    let plain = RetrievalQuery { id: "m".into(), query: "q".into(), ..Default::default() };
    assert_eq!(endpoint::retrieve(&plain).body.as_deref(), Some(r#"{"id":"m","query":"q"}"#));
    let feedback = NewFeedback { message: "Nice".into(), location: None };
    assert_eq!(endpoint::feedback(&feedback).body.as_deref(), Some(r#"{"message":"Nice"}"#));
}

#[test]
fn fastapi_field_errors_are_read_and_placed() {
    let body = r#"{"detail":[
        {"loc":["body","invitees",3],"msg":"value is not a valid email address: An email address must have an @-sign.","type":"value_error"},
        {"loc":["path","context_name"],"msg":"String should match pattern","type":"string_pattern_mismatch"},
        {"loc":["body"],"msg":"Value error, give an id or a name","type":"value_error"}
    ]}"#;
    let error = ApiError::from_response(422, body);
    assert_eq!(error.kind, ErrorKind::Rejected);
    assert_eq!(
        error.field_message("invitees", Some(3)).as_deref(),
        Some("value is not a valid email address: An email address must have an @-sign.")
    );
    assert_eq!(error.field_message("invitees", Some(2)), None);
    assert!(error.field_message("invitees", None).is_some());
    assert_eq!(error.field_message("context_name", None).as_deref(), Some("String should match pattern"));
    assert_eq!(error.messages.len(), 3, "each field error is also a message to show");
    assert_eq!(
        error.messages[0].text,
        "invitees 3: value is not a valid email address: An email address must have an @-sign."
    );
    assert_eq!(error.messages[2].text, "Value error, give an id or a name");
}

#[test]
fn a_plain_detail_is_a_message() {
    let error = ApiError::from_response(401, r#"{"detail":"API key expired"}"#);
    assert_eq!(error.kind, ErrorKind::TokenRejected);
    assert_eq!(error.messages[0].text, "API key expired");
    assert!(error.fields.is_empty());
}

#[test]
fn answers_are_read_leniently() {
    let list: KeyList = serde_json::from_str(r#"{"tokens":[{"id":"tok_1","hint":"ab12","expiry":null}]}"#).unwrap();
    assert_eq!(list.tokens[0].hint.as_deref(), Some("ab12"));
    assert_eq!(list.tokens[0].expiry, None);
    let result: RetrievalResult = serde_json::from_str(
        r#"{"score":0.5,"doc":"Body","title":"<b>Title</b>","rank":2,"context_name":"c","answer":null}"#,
    )
    .unwrap();
    assert_eq!(result.score, Some(0.5));
    let columns: Vec<String> = result.columns().into_iter().map(|(name, _)| name).collect();
    assert_eq!(columns, ["title", "doc", "context_name", "rank"]);
}

#[test]
fn training_sends_only_what_was_given_and_reads_the_id_and_message() {
    let new = Training {
        name: Some("faq-bot".into()),
        context: Some("faq".into()),
        generator: Some("arcee-lite".into()),
        ..Default::default()
    };
    let call = endpoint::train(&new);
    assert_eq!((call.method, call.path.as_str()), (Method::Post, "/models/train"));
    assert_eq!(call.body.as_deref(), Some(r#"{"name":"faq-bot","context":"faq","generator":"arcee-lite"}"#));
    let again = Training { id: Some("mdl_support".into()), ..Default::default() };
    assert_eq!(endpoint::train(&again).body.as_deref(), Some(r#"{"id":"mdl_support"}"#), "a retrain keeps the rest");

    let trained: Trained = serde_json::from_str(r#"{"id":"mdl_0a1b2c","message":"Training started"}"#).unwrap();
    assert_eq!((trained.id.as_str(), trained.message.as_deref()), ("mdl_0a1b2c", Some("Training started")));
    let bare: Trained = serde_json::from_str(r#"{"id":"mdl_0a1b2c"}"#).unwrap();
    assert_eq!(bare.message, None, "a missing message is no failure");
}

#[test]
fn training_refusals_name_their_field_or_the_whole_body() {
    // The sandbox's words (sandbox/src/arcee/store.rs `train`), as FastAPI lists them.
    let body = r#"{"detail":[
        {"type":"value_error","loc":["body","id"],"msg":"Value error, no model with id 'mdl_nope'","input":"mdl_nope"},
        {"type":"value_error","loc":["body","context"],"msg":"Value error, context 'gone' not found","input":"gone"},
        {"type":"string_too_long","loc":["body","generator"],"msg":"String should have at most 200 characters","input":"x"}
    ]}"#;
    let error = ApiError::from_response(422, body);
    assert_eq!(error.kind, ErrorKind::Rejected);
    assert_eq!(error.field_message("id", None).as_deref(), Some("Value error, no model with id 'mdl_nope'"));
    assert_eq!(error.field_message("context", None).as_deref(), Some("Value error, context 'gone' not found"));
    assert!(error.field_message("generator", None).is_some());
    assert_eq!(error.field_message("name", None), None);

    let neither = ApiError::from_response(
        422,
        r#"{"detail":[{"type":"value_error","loc":["body"],"msg":"Value error, give an id or a name","input":{}}]}"#,
    );
    assert!(neither.fields[0].path.is_empty(), "about the whole body, no field");
    assert_eq!(neither.messages[0].text, "Value error, give an id or a name");
}
