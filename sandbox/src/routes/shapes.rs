//! The JSON the API answers with, built from stored types per dialect. Key names follow the documents in
//! shared/api/ exactly; tests check them key by key against those documents' examples.

use serde_json::{json, Map, Value};

use crate::clock::token_timestamp;
use crate::config::Dialect;
use crate::limits::LimitOwner;
use crate::model::{ApiToken, Assistant, Named, Organization, Project, UsageLimit};
use crate::store::Store;

/// How much of a project an answer carries.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ProjectShape {
    /// An entry of `GET /projects`.
    Summary,
    /// The answer to POST and PUT: the summary plus search profiles.
    Saved,
    /// `GET /project/{id}`: under the current dialect also the organization (and, added by the route with
    /// `project_limit`, the usage limit).
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
    Value::Object(out)
}

/// The `usageLimit` of a project's details (`Store::shown_limit`), if it has one; `None` is "No limits".
pub fn project_limit(store: &Store, project: &Project) -> Option<Value> {
    let owner = LimitOwner::Project(project.id.clone());
    store.shown_limit(&owner).map(|limit| usage_limit(store, &owner, limit))
}

/// A limit as FACTS.md lists it and the vendor's SDK parses it: amounts as floats (`80.0`, never `80`),
/// `status` as its number, the enums by name; `usedAmount`, `remainingUsage` and `status` as counted now from
/// the owner's log (`usage`), and `relatedEntityName` the project's or organization's name. The same object
/// everywhere: in project details, in `GET /projects?detail=full`, and from every `/v2/usageLimits` call.
pub fn usage_limit(store: &Store, owner: &LimitOwner, limit: &UsageLimit) -> Value {
    let evaluated = store.evaluate(owner, limit);
    json!({
        "id": limit.id,
        "subscriptionType": limit.subscription_type.name(),
        "usageUnit": limit.usage_unit.name(),
        "softLimit": limit.soft_limit,
        "hardLimit": limit.hard_limit,
        "usedAmount": evaluated.used_amount,
        "remainingUsage": evaluated.remaining_usage,
        "renewalStatus": limit.renewal_status.name(),
        "status": evaluated.status.code(),
        "validFrom": token_timestamp(limit.valid_from_ms),
        "validUntil": token_timestamp(limit.valid_until_ms),
        "relatedEntityName": store.limit_owner_name(owner),
    })
}

/// A token in `GET /project/{id}/tokens` and in a new project's `tokens`. Revoked tokens are listed too, with
/// status `Revoked` (a third value beside the documented Active and Blocked), so an audit sees them.
pub fn token(token: &ApiToken) -> Value {
    json!({
        "description": token.description,
        "id": token.id,
        "name": token.name,
        "status": token.status().name(),
        "timestamp": token_timestamp(token.created_ms),
    })
}

/// The scope a project token's v2 answers name. The platform's own value for project tokens is not documented;
/// this follows `Pia.Data.Organization`, which `apitoken/validate` answers for the organization token.
pub const PROJECT_TOKEN_SCOPE: &str = "Pia.Data.Project";

/// `GET /v2/projects/tokens/{id}`: the token with its scope.
pub fn v2_token(token: &ApiToken) -> Value {
    json!({
        "description": token.description,
        "id": token.id,
        "name": token.name,
        "scope": PROJECT_TOKEN_SCOPE,
        "status": token.status().name(),
        "timestamp": token_timestamp(token.created_ms),
    })
}

/// `POST /v2/projects/tokens`: the token (its `id` is the secret, shown here and in the tokens list), whose it
/// is, and the platform's message envelope.
pub fn v2_created_token(token: &ApiToken, organization: &Organization, project: &Project) -> Value {
    let mut out = v2_token(token);
    out["organization"] = json!(organization.id);
    out["project"] = json!(project.id);
    out["messages"] = json!([{ "id": 0, "description": "Token created", "type": "Success" }]);
    out["errors"] = json!([]);
    out
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
