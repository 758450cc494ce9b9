//! Every field of the assistants answer and of the export, checked against the types the vendor's Python SDK
//! (pygeai 0.8.0) enforces when it parses them (shared/api/FACTS.md): one wrong type and the SDK raises, so a
//! client built on it cannot read the page at all. `documented_shapes` checks the documents' keys; this checks
//! the SDK's types, which are stricter (an integer `revisionId`, a string `ragSourcesConsulted`, required dates).
//!
//! The rules are one table per object. A key the table does not list is reported too, so that no field the
//! sandbox sends goes unchecked. Where FACTS.md says nothing about a field, the table follows the document's
//! type and calls the field optional.

use geai_sandbox::clock::parse_date_time;
use geai_sandbox::config::{Config, Dialect};
use serde_json::{json, Value};

use super::common::{small, start, Running};

/// What the SDK reads a value as.
#[derive(Clone, Copy)]
enum Kind {
    /// A JSON string.
    Text,
    /// A JSON integer.
    Integer,
    /// An integer as the SDK's model coerces one: a JSON integer or a string of digits (never a GUID).
    IntegerLike,
    /// A JSON number written as a float (`0.0`, `0.0123`, `1e-5`): never a bare integer such as `0`.
    Float,
    /// A string that parses as a date and a time: `2025-02-25T15:03:13.644`, or with a zone.
    DateTime,
    /// A string from a fixed list.
    OneOf(&'static [&'static str]),
    /// A list of objects, each checked against its own table.
    List(&'static [Field]),
}

/// Whether the SDK's model accepts the field absent or null.
#[derive(Clone, Copy, PartialEq)]
enum Presence {
    Required,
    Optional,
}

struct Field {
    key: &'static str,
    presence: Presence,
    kind: Kind,
}

const fn required(key: &'static str, kind: Kind) -> Field {
    Field { key, presence: Presence::Required, kind }
}

const fn optional(key: &'static str, kind: Kind) -> Field {
    Field { key, presence: Presence::Optional, kind }
}

const STATUSES: &[&str] = &["succeeded", "failed", "pending"];

const METADATA: &[Field] = &[required("key", Kind::Text), optional("type", Kind::Text), required("value", Kind::Text)];

const REVISION: &[Field] = &[
    optional("metadata", Kind::List(METADATA)),
    optional("modelId", Kind::Text),
    optional("modelName", Kind::Text),
    optional("prompt", Kind::Text),
    optional("providerName", Kind::Text),
    optional("revisionDescription", Kind::Text),
    required("revisionId", Kind::IntegerLike),
    required("revisionName", Kind::Text),
    optional("timestamp", Kind::DateTime),
];

const INTENT: &[Field] = &[
    optional("assistantIntentDefaultRevision", Kind::Integer),
    optional("assistantIntentDescription", Kind::Text),
    optional("assistantIntentId", Kind::Text),
    optional("assistantIntentName", Kind::Text),
    optional("revisions", Kind::List(REVISION)),
];

const ASSISTANT: &[Field] = &[
    optional("assistantId", Kind::Text),
    optional("assistantName", Kind::Text),
    optional("intents", Kind::List(INTENT)),
];

const ASSISTANTS: &[Field] = &[
    required("assistants", Kind::List(ASSISTANT)),
    optional("projectId", Kind::Text),
    optional("projectName", Kind::Text),
];

/// An export row of the current dialect, with the SDK-era fields.
const EXPORT_ROW: &[Field] = &[
    required("apiToken", Kind::Text),
    required("assistant", Kind::Text),
    required("cost", Kind::Float),
    required("elapsedTimeMs", Kind::Integer),
    required("endTimestamp", Kind::DateTime),
    optional("feedback", Kind::Text),
    optional("inputText", Kind::Text),
    optional("intent", Kind::Text),
    required("module", Kind::Text),
    optional("output", Kind::Text),
    optional("prompt", Kind::Text),
    optional("ragSourcesConsulted", Kind::Text),
    required("sessionId", Kind::Text),
    required("startTimestamp", Kind::DateTime),
    required("status", Kind::OneOf(STATUSES)),
    required("timestamp", Kind::DateTime),
];

const EXPORT: &[Field] = &[required("items", Kind::List(EXPORT_ROW))];

/// A row of the SAIA beta dialect: the seven documented fields and nothing else.
const BETA_ROW: &[Field] = &[
    optional("assistant", Kind::Text),
    optional("inputText", Kind::Text),
    optional("intent", Kind::Text),
    optional("output", Kind::Text),
    optional("prompt", Kind::Text),
    required("status", Kind::OneOf(STATUSES)),
    required("timestamp", Kind::DateTime),
];

/// Everything in `value` the SDK would reject, one line per field; empty when it parses.
fn problems(fields: &[Field], value: &Value, at: &str) -> Vec<String> {
    let mut found = Vec::new();
    check_object(fields, value, at, &mut found);
    found
}

fn check_object(fields: &[Field], value: &Value, at: &str, found: &mut Vec<String>) {
    let Some(object) = value.as_object() else {
        found.push(format!("{at}: an object expected, got {value}"));
        return;
    };
    for field in fields {
        let path = format!("{at}.{}", field.key);
        match object.get(field.key) {
            None | Some(Value::Null) if field.presence == Presence::Required => {
                found.push(format!("{path}: required, got {:?}", object.get(field.key)))
            }
            None | Some(Value::Null) => {}
            Some(value) => check_value(field.kind, value, &path, found),
        }
    }
    for key in object.keys().filter(|key| !fields.iter().any(|f| f.key == *key)) {
        found.push(format!("{at}.{key}: not in the table, so unchecked"));
    }
}

fn check_value(kind: Kind, value: &Value, at: &str, found: &mut Vec<String>) {
    let fits = match kind {
        Kind::Text => value.is_string(),
        Kind::Integer => value.is_i64() || value.is_u64(),
        Kind::IntegerLike => {
            value.is_i64()
                || value.is_u64()
                || value.as_str().is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        }
        Kind::Float => value.is_f64(),
        Kind::DateTime => value.as_str().is_some_and(is_date_time),
        Kind::OneOf(names) => value.as_str().is_some_and(|s| names.contains(&s)),
        Kind::List(fields) => {
            let Some(items) = value.as_array() else {
                found.push(format!("{at}: a list expected, got {value}"));
                return;
            };
            for (i, item) in items.iter().enumerate() {
                check_object(fields, item, &format!("{at}[{i}]"), found);
            }
            true
        }
    };
    if !fits {
        let shown: String = value.to_string().chars().take(80).collect();
        found.push(format!("{at}: not {}: {shown}", kind_name(kind)));
    }
}

/// A date with a time (a bare date is not a date-time), as `parse_date_time` reads it.
fn is_date_time(text: &str) -> bool {
    text.as_bytes().get(10).is_some_and(|b| *b == b'T') && parse_date_time(text).is_some()
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "a string",
        Kind::Integer => "an integer",
        Kind::IntegerLike => "an integer or a string of digits",
        Kind::Float => "a float",
        Kind::DateTime => "a date-time",
        Kind::OneOf(_) => "one of the known values",
        Kind::List(_) => "a list",
    }
}

fn assert_parses(fields: &[Field], value: &Value, at: &str) {
    let found = problems(fields, value, at);
    assert!(found.is_empty(), "the SDK would reject {at}:\n{}", found.join("\n"));
}

/// A row as the SDK accepts it, to break one field at a time.
fn good_row() -> Value {
    json!({
        "apiToken": "Default", "assistant": "Helpdesk", "cost": 0.0, "elapsedTimeMs": 0,
        "endTimestamp": "2025-02-25T15:03:13.644", "feedback": null, "inputText": null, "intent": "default",
        "module": "rag", "output": null, "prompt": "Where?", "ragSourcesConsulted": "handbook.pdf, faq.md",
        "sessionId": "a1b2c3d4-0000-4000-8000-000000000200", "startTimestamp": "2025-02-25T15:03:13.644",
        "status": "pending", "timestamp": "2025-02-25T15:03:13.644+00:00",
    })
}

fn good_revision() -> Value {
    json!({
        "metadata": [{"key": "temperature", "type": "number", "value": "0.2"}], "modelId": "gpt-4o",
        "modelName": "GPT-4o", "prompt": "p", "providerName": "openai", "revisionDescription": "d",
        "revisionId": "3", "revisionName": "3", "timestamp": "2024-01-01T00:00:00+00:00",
    })
}

fn with(mut value: Value, key: &str, replacement: Value) -> Value {
    value[key] = replacement;
    value
}

fn without(mut value: Value, key: &str) -> Value {
    value.as_object_mut().map(|o| o.remove(key));
    value
}

#[test]
fn the_checker_accepts_what_the_sdk_reads() {
    assert_parses(EXPORT_ROW, &good_row(), "row");
    assert_parses(EXPORT_ROW, &with(good_row(), "cost", json!(0.00231)), "row");
    assert_parses(EXPORT_ROW, &with(good_row(), "cost", json!(1e-5)), "row");
    assert_parses(EXPORT_ROW, &without(without(good_row(), "feedback"), "output"), "row");
    assert_parses(REVISION, &good_revision(), "revision");
    assert_parses(REVISION, &with(good_revision(), "revisionId", json!(3)), "revision");
}

#[test]
fn the_checker_rejects_what_the_sandbox_used_to_send() {
    let rejected = |fields: &[Field], value: Value, key: &str| {
        let found = problems(fields, &value, "x");
        assert!(found.iter().any(|p| p.starts_with(&format!("x.{key}"))), "{key} accepted in {value}: {found:?}");
    };
    // A GUID revision id, as `r.id` was.
    rejected(
        REVISION,
        with(good_revision(), "revisionId", json!("a1b2c3d4-0000-4000-8000-000000000003")),
        "revisionId",
    );
    // The sources as a JSON array.
    rejected(
        EXPORT_ROW,
        with(good_row(), "ragSourcesConsulted", json!(["handbook.pdf", "faq.md"])),
        "ragSourcesConsulted",
    );
    // A pending row without an end, or with a null one.
    rejected(EXPORT_ROW, with(good_row(), "endTimestamp", Value::Null), "endTimestamp");
    rejected(EXPORT_ROW, without(good_row(), "endTimestamp"), "endTimestamp");
    rejected(EXPORT_ROW, with(good_row(), "elapsedTimeMs", Value::Null), "elapsedTimeMs");
    // Other ways to break a row.
    rejected(EXPORT_ROW, with(good_row(), "cost", json!(0)), "cost");
    rejected(EXPORT_ROW, with(good_row(), "elapsedTimeMs", json!(12.5)), "elapsedTimeMs");
    rejected(EXPORT_ROW, with(good_row(), "status", json!("completed")), "status");
    rejected(EXPORT_ROW, with(good_row(), "timestamp", json!("2025-02-25")), "timestamp");
    rejected(EXPORT_ROW, with(good_row(), "startTimestamp", json!("yesterday")), "startTimestamp");
    rejected(EXPORT_ROW, with(good_row(), "module", Value::Null), "module");
    rejected(EXPORT_ROW, with(good_row(), "feedback", json!({"rating": 1})), "feedback");
    rejected(EXPORT_ROW, with(good_row(), "surprise", json!(1)), "surprise");
    rejected(REVISION, without(good_revision(), "revisionName"), "revisionName");
    rejected(REVISION, with(good_revision(), "revisionId", json!("")), "revisionId");
    rejected(REVISION, with(good_revision(), "metadata", json!([{"key": "k"}])), "metadata[0].value");
}

fn rows(body: &Value) -> &Vec<Value> {
    body["items"].as_array().unwrap_or_else(|| panic!("an items array: {body}"))
}

/// Milliseconds of a date-time field the checker has already accepted.
fn millis(row: &Value, key: &str) -> i64 {
    row[key].as_str().and_then(parse_date_time).unwrap_or_else(|| panic!("{key} in {row}"))
}

/// The project tokens of every seeded project, hidden ones included, with the usage limits lifted so that the
/// projects at their hard limit answer too.
fn every_project(api: &Running) -> Vec<(String, String)> {
    api.lift_usage_limits();
    let projects = api.sandbox.tokens().1;
    assert_eq!(projects.len(), 8);
    projects
}

#[tokio::test]
async fn every_revision_of_every_assistant_is_what_the_sdk_parses() {
    for config in [small(), Config { dialect: Dialect::SaiaBeta, ..small() }] {
        let api = start(config).await;
        let mut several_revisions = false;
        for (project, token) in every_project(&api) {
            let summary = api.get("/v1/organization/assistants", &token).await;
            assert_parses(ASSISTANTS, &summary.body, &format!("{project} (summary)"));
            let full = api.get("/v1/organization/assistants?detail=full", &token).await;
            assert_parses(ASSISTANTS, &full.body, &format!("{project} (full)"));
            let intents =
                full.body["assistants"].as_array().into_iter().flatten().flat_map(|a| a["intents"].as_array());
            for intent in intents.flatten() {
                let revisions = intent["revisions"].as_array().expect("revisions");
                let ids: Vec<u64> = revisions
                    .iter()
                    .map(|r| match &r["revisionId"] {
                        Value::String(digits) => digits.parse().expect("digits"),
                        number => number.as_u64().expect("an integer"),
                    })
                    .collect();
                let mut distinct = ids.clone();
                distinct.sort_unstable();
                distinct.dedup();
                assert_eq!(distinct.len(), ids.len(), "revision ids unique within the intent: {intent}");
                let default = intent["assistantIntentDefaultRevision"].as_u64().expect("a default revision");
                assert!(ids.contains(&default), "default revision {default} is one of {ids:?}");
                several_revisions |= ids.len() > 1;
            }
        }
        assert!(several_revisions, "some intent has more than one revision");
    }
}

/// What the pages below must include between them, so that every kind of row is checked.
#[derive(Default, Debug)]
struct Seen {
    statuses: [bool; 3],
    rag_with_sources: bool,
    feedback: bool,
    long_output: bool,
    null_output: bool,
    zero_cost: bool,
}

/// The checks beyond types: a row's times agree with each other, and a pending row has not ended yet.
fn check_row_times(row: &Value, seen: &mut Seen) {
    let (start, end) = (millis(row, "startTimestamp"), millis(row, "endTimestamp"));
    let elapsed = row["elapsedTimeMs"].as_i64().expect("elapsed");
    assert_eq!(millis(row, "timestamp"), start, "the timestamp is the start: {row}");
    assert_eq!(end - start, elapsed, "elapsed is end - start: {row}");
    let status = row["status"].as_str().expect("status");
    if status == "pending" {
        assert_eq!((elapsed, row["cost"].as_f64()), (0, Some(0.0)), "pending: not ended, not billed: {row}");
    } else {
        assert!(elapsed > 0, "a finished request took some time: {row}");
    }
    if let Some(index) = STATUSES.iter().position(|s| *s == status) {
        seen.statuses[index] = true;
    }
    seen.rag_with_sources |= row["module"] == "rag" && row["ragSourcesConsulted"].is_string();
    seen.feedback |= row["feedback"].is_string();
    seen.long_output |= row["output"].as_str().is_some_and(|o| o.len() > 10_000);
    seen.null_output |= row["output"].is_null();
    seen.zero_cost |= row["cost"].as_f64() == Some(0.0);
}

#[tokio::test]
async fn every_field_of_every_exported_row_is_what_the_sdk_parses() {
    let api = start(small()).await;
    let mut seen = Seen::default();
    let mut checked = 0;
    for (project, token) in every_project(&api) {
        let answer = api.get("/v1/organization/request/export?count=300", &token).await;
        assert_eq!(rows(&answer.body).len(), 300, "{project}: the whole log");
        assert_parses(EXPORT, &answer.body, &format!("{project} export"));
        for row in rows(&answer.body) {
            check_row_times(row, &mut seen);
            checked += 1;
        }
    }
    let token = api.project_token("Customer Support");
    for query in [
        "skip=120&count=60",
        "status=pending&count=100",
        "status=failed&count=100",
        "Status=succeeded&assistantName=Helpdesk&skip=5&count=150",
        "assistantName=Summarizer&status=pending",
        "assistantName=Translator&count=1000",
    ] {
        let answer = api.get(&format!("/v1/organization/request/export?{query}"), &token).await;
        assert!(!rows(&answer.body).is_empty(), "{query} finds rows");
        assert_parses(EXPORT, &answer.body, query);
        for row in rows(&answer.body) {
            check_row_times(row, &mut seen);
            checked += 1;
        }
    }
    assert!(checked > 2_400, "{checked} rows checked");
    assert!(
        seen.statuses.iter().all(|s| *s)
            && seen.rag_with_sources
            && seen.feedback
            && seen.long_output
            && seen.null_output
            && seen.zero_cost,
        "every kind of row was checked: {seen:?}"
    );
}

#[tokio::test]
async fn beta_rows_keep_the_seven_documented_fields_typed() {
    let api = start(Config { dialect: Dialect::SaiaBeta, ..small() }).await;
    let token = api.project_token("Customer Support");
    for query in ["count=300", "status=pending&count=50"] {
        let answer = api.get(&format!("/v1/organization/request/export?{query}"), &token).await;
        let wrapped = answer.body.as_array().unwrap_or_else(|| panic!("a bare array: {}", answer.body));
        assert!(!wrapped.is_empty());
        for (i, element) in wrapped.iter().enumerate() {
            let at = format!("beta {query}[{i}]");
            assert_eq!(element.as_object().map(|o| o.len()), Some(1), "{at}: only `item` in {element}");
            assert_parses(BETA_ROW, &element["item"], &at);
        }
    }
}
