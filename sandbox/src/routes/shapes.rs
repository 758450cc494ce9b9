//! The JSON the API answers with, built from stored types per dialect. Key names follow the documents in
//! shared/api/ exactly; tests check them key by key against those documents' examples.

use serde_json::{json, Map, Value};

use crate::clock::token_timestamp;
use crate::config::Dialect;
use crate::model::{ApiToken, Assistant, Named, Organization, Project, UsageLimit};

/// How much of a project an answer carries.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ProjectShape {
    /// An entry of `GET /projects`.
    Summary,
    /// The answer to POST and PUT: the summary plus search profiles.
    Saved,
    /// `GET /project/{id}`: under the current dialect also the organization and the usage limit.
    Detail,
}

pub fn project(project: &Project, organization: &Organization, shape: ProjectShape, dialect: Dialect) -> Value {
    let mut out = Map::new();
    if shape == ProjectShape::Detail && dialect == Dialect::Geai {
        out.insert("organizationId".into(), json!(organization.id));
        out.insert("organizationName".into(), json!(organization.name));
    }
    out.insert("projectActive".into(), json!(project.status.code() == 0));
    out.insert("projectDescription".into(), json!(project.description));
    out.insert("projectId".into(), json!(project.id));
    out.insert("projectName".into(), json!(project.name));
    out.insert("projectStatus".into(), json!(project.status.code()));
    if shape != ProjectShape::Summary {
        let profiles: Vec<Value> =
            project.search_profiles.iter().map(|p| json!({ "name": p.name, "description": p.description })).collect();
        out.insert("searchProfiles".into(), Value::Array(profiles));
    }
    if shape == ProjectShape::Detail && dialect == Dialect::Geai {
        if let Some(limit) = &project.usage_limit {
            out.insert("usageLimit".into(), usage_limit(limit));
        }
    }
    Value::Object(out)
}

/// A limit as FACTS.md lists it and the vendor's SDK parses it: amounts as floats (`80.0`, never `80`),
/// `status` as its number, the enums by name.
pub fn usage_limit(limit: &UsageLimit) -> Value {
    json!({
        "id": limit.id,
        "subscriptionType": limit.subscription_type.name(),
        "usageUnit": limit.usage_unit.name(),
        "softLimit": limit.soft_limit,
        "hardLimit": limit.hard_limit,
        "usedAmount": limit.used_amount,
        "remainingUsage": limit.remaining_usage,
        "renewalStatus": limit.renewal_status.name(),
        "status": limit.status.code(),
        "validFrom": token_timestamp(limit.valid_from_ms),
        "validUntil": token_timestamp(limit.valid_until_ms),
    })
}

pub fn token(token: &ApiToken) -> Value {
    json!({
        "description": token.description,
        "id": token.id,
        "name": token.name,
        "status": if token.blocked { "Blocked" } else { "Active" },
        "timestamp": token_timestamp(token.created_ms),
    })
}

/// An assistant; with `full`, its intents and their revisions.
///
/// `revisionId` is the revision's number within its intent (`"1"`, `"2"`, ...), written as a string of digits:
/// the documents type it "string", the vendor's SDK reads it as an integer (it accepts digits in a string, never
/// a GUID), and `assistantIntentDefaultRevision` names a revision by that same number.
pub fn assistant(assistant: &Assistant, full: bool) -> Value {
    let mut out = Map::new();
    out.insert("assistantId".into(), json!(assistant.id));
    out.insert("assistantName".into(), json!(assistant.name));
    if full {
        let intents: Vec<Value> = assistant
            .intents
            .iter()
            .map(|intent| {
                let revisions: Vec<Value> = intent
                    .revisions
                    .iter()
                    .map(|r| {
                        json!({
                            "metadata": r.metadata.iter()
                                .map(|(key, kind, value)| json!({ "key": key, "type": kind, "value": value }))
                                .collect::<Vec<_>>(),
                            "modelId": r.model_id,
                            "modelName": r.model_name,
                            "prompt": r.prompt,
                            "providerName": r.provider_name,
                            "revisionDescription": r.description,
                            "revisionId": r.number.to_string(),
                            "revisionName": r.number.to_string(),
                            "timestamp": token_timestamp(r.created_ms),
                        })
                    })
                    .collect();
                json!({
                    "assistantIntentDefaultRevision": intent.default_revision,
                    "assistantIntentDescription": intent.description,
                    "assistantIntentId": intent.id,
                    "assistantIntentName": intent.name,
                    "revisions": revisions,
                })
            })
            .collect();
        out.insert("intents".into(), Value::Array(intents));
    }
    Value::Object(out)
}
