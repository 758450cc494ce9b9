//! The Arcee API's paths and the JSON each answers with. Every handler authenticates first (`Caller`), then
//! checks the request's shape, collecting every problem (`validation`), then applies the rules (`store`).
//!
//! Contexts and models are the sandbox's, shared by every organization: `X-Arcee-Org` chooses who acts (it shows
//! in `whoami` and is kept with feedback), not what they see.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post, MethodRouter};
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use tokio::time::Instant;

use super::error::{Answer, Refusal};
use super::model::{Feedback, OrganizationType};
use super::ranking;
use super::store::{slug, Caller, Training};
use super::upload;
use super::validation::{self, body, within, Fields, Problem};
use crate::clock::{self, token_timestamp};
use crate::Sandbox;

/// How far ahead a key may expire.
const MAX_KEY_DAYS: i64 = 730;

pub fn router() -> Router<Sandbox> {
    Router::new()
        .route("/v2/whoami", only(get(whoami)))
        .route("/v2/tokens", only(get(list_tokens).post(create_token)))
        .route("/v2/tokens/{id}", only(delete(delete_token)))
        .route("/v2/organizations", only(post(create_organization)))
        .route("/v2/organizations/{org}/invite", only(post(invite)))
        .route("/v2/contexts/{context_name}/csv", only(post(upload::upload)).layer(DefaultBodyLimit::disable()))
        .route("/v2/retrievers/status/{context_name}", only(get(status)))
        .route("/v2/feedback", only(post(feedback)))
        .route("/v2/models/train", only(post(train)))
        .route("/v2/models/retrieve", only(post(retrieve)))
}

/// Other verbs on a known path get FastAPI's 405, not the Organization API's error 2026.
fn only(methods: MethodRouter<Sandbox>) -> MethodRouter<Sandbox> {
    methods.fallback(|| async { Refusal::method_not_allowed() })
}

/// `GET /v2/whoami`.
async fn whoami(caller: Caller) -> Json<Value> {
    Json(json!({ "email": caller.email, "org": caller.organization }))
}

/// `GET /v2/tokens`: the caller's keys, newest first, by id and hint; expired ones too, never a secret.
async fn list_tokens(State(sandbox): State<Sandbox>, caller: Caller) -> Json<Value> {
    let tokens: Vec<Value> = sandbox.read(|store| {
        store
            .arcee
            .keys_of(&caller.email)
            .into_iter()
            .map(|key| {
                json!({
                    "id": key.id,
                    "hint": key.hint(),
                    "expiry": clock::date(key.expiry_day),
                    "created_at": token_timestamp(key.created_ms),
                })
            })
            .collect()
    });
    Json(json!({ "tokens": tokens }))
}

/// `POST /v2/tokens {"expiry": "YYYY-MM-DD"}`: a new key, after today and within two years. Its secret is in
/// this answer only.
async fn create_token(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    bytes: Bytes,
) -> Answer<(StatusCode, Json<Value>)> {
    let sent = validation::object(&bytes)?;
    let mut fields = Fields::new(&sent);
    let expiry = fields.required("expiry").and_then(|value| {
        let day = fields.check(validation::date(value, body("expiry")))?;
        let today = clock::today();
        let rule = if day <= today {
            Some("expiry must be a future date".to_string())
        } else if day > today + MAX_KEY_DAYS {
            Some(format!("expiry must be within {MAX_KEY_DAYS} days"))
        } else {
            None
        };
        match rule {
            Some(why) => fields.check(Err::<i64, _>(Problem::value_error(body("expiry"), why, value))),
            None => Some(day),
        }
    });
    let expiry = fields.finish_with(expiry)?;
    let key = sandbox.change_arcee(|arcee| Ok(arcee.create_key(&caller.email, expiry, clock::wall_ms())))?;
    let answer = json!({ "token": key.secret, "id": key.id, "expiry": clock::date(key.expiry_day) });
    Ok((StatusCode::CREATED, Json(answer)))
}

/// `DELETE /v2/tokens/{id}`: one of the caller's keys, at once.
async fn delete_token(State(sandbox): State<Sandbox>, caller: Caller, Path(id): Path<String>) -> Answer<Json<Value>> {
    sandbox.change_arcee(|arcee| arcee.delete_key(&caller.email, &id))?;
    Ok(Json(json!({ "message": "Token deleted" })))
}

/// `POST /v2/organizations {"name", "type"?}`: a new organization with the caller as its member.
async fn create_organization(State(sandbox): State<Sandbox>, caller: Caller, bytes: Bytes) -> Answer<Json<Value>> {
    let sent = validation::object(&bytes)?;
    let mut fields = Fields::new(&sent);
    let name = fields.string("name", 1, 100);
    if let Some(name) = &name {
        if slug(name).is_empty() {
            let why = "the name must contain a letter or a digit";
            fields.push(Problem::value_error(body("name"), why, &name.as_str().into()));
        }
    }
    let choices = OrganizationType::ALL.map(|kind| (kind.name(), kind));
    let kind = match fields.optional("type") {
        None => Some(OrganizationType::Team),
        Some(value) => fields.check(validation::choice(value, body("type"), &choices)),
    };
    let (name, kind) = fields.finish_with(name.zip(kind))?;
    let organization =
        sandbox.change_arcee(|arcee| arcee.create_organization(&caller.email, name, kind, clock::wall_ms()))?;
    Ok(Json(json!({ "organization": {
        "name": organization.name,
        "slug": organization.slug,
        "type": organization.kind.name(),
        "created_at": token_timestamp(organization.created_ms),
    }})))
}

/// `POST /v2/organizations/{org}/invite {"invitees": [...]}`: 1 to 10 distinct addresses, all or none.
async fn invite(
    State(sandbox): State<Sandbox>,
    caller: Caller,
    Path(org): Path<String>,
    bytes: Bytes,
) -> Answer<Json<Value>> {
    sandbox.read(|store| store.arcee.member_organization(&caller.email, &org).map(drop))?;
    let sent = validation::object(&bytes)?;
    let mut fields = Fields::new(&sent);
    let invitees =
        fields.required("invitees").and_then(|value| fields.check(validation::list(value, body("invitees"), 1, 10)));
    let mut addresses: Vec<String> = Vec::new();
    for (index, item) in invitees.into_iter().flatten().enumerate() {
        let loc = within(body("invitees"), index);
        let Some(address) = fields.check(validation::string(item, loc.clone(), 0, usize::MAX)) else { continue };
        if let Some(why) = crate::email::problem(&address) {
            let problem = Problem::new("value_error", loc, format!("value is not a valid email address: {why}"), item);
            fields.push(problem);
        } else if addresses.iter().any(|a| a.eq_ignore_ascii_case(&address)) {
            fields.push(Problem::value_error(loc, "duplicate address", item));
        } else {
            addresses.push(address);
        }
    }
    fields.finish()?;
    sandbox.change_arcee(|arcee| arcee.invite(&caller.email, &org, &addresses))?;
    Ok(Json(json!({ "message": format!("Invited {} people", addresses.len()), "invited": addresses })))
}

/// `GET /v2/retrievers/status/{context_name}`.
async fn status(
    State(sandbox): State<Sandbox>,
    _caller: Caller,
    Path(context_name): Path<String>,
) -> Answer<Json<Value>> {
    sandbox.read(|store| {
        let context = store.arcee.context(&context_name)?;
        let status = if context.is_processing(Instant::now()) { "processing" } else { "ready" };
        Ok(Json(json!({ "context_name": context.name, "status": status, "context_id": context.id })))
    })
}

/// `POST /v2/feedback {"message", "location"?}`: kept in the state with who sent it.
async fn feedback(State(sandbox): State<Sandbox>, caller: Caller, bytes: Bytes) -> Answer<(StatusCode, Json<Value>)> {
    let sent = validation::object(&bytes)?;
    let mut fields = Fields::new(&sent);
    let message = fields.string("message", 1, 2000);
    let location = fields.optional_string("location", 0, 200);
    let message = fields.finish_with(message)?;
    let feedback = Feedback {
        message,
        location,
        email: caller.email,
        organization: caller.organization,
        created_ms: clock::wall_ms(),
    };
    sandbox.change_arcee(|arcee| {
        arcee.add_feedback(feedback);
        Ok(())
    })?;
    Ok((StatusCode::ACCEPTED, Json(json!({ "message": "Feedback received" }))))
}

/// `POST /v2/models/train {"id"?, "name"?, "context"?, "generator"?}`: an id or a name is needed.
async fn train(State(sandbox): State<Sandbox>, _caller: Caller, bytes: Bytes) -> Answer<Json<Value>> {
    let sent = validation::object(&bytes)?;
    let mut fields = Fields::new(&sent);
    let training = Training {
        id: fields.optional_string("id", 1, 200),
        name: fields.optional_string("name", 1, 100),
        context: fields.optional_string("context", 1, 64),
        generator: fields.optional_string("generator", 1, 200),
    };
    fields.finish()?;
    // A model-level rule, which pydantic checks only once every field is valid.
    if training.id.is_none() && training.name.is_none() {
        return Err(Problem::value_error(vec!["body".into()], "give an id or a name", &Value::Object(sent)).into());
    }
    let id = sandbox.change_arcee(|arcee| arcee.train(training, clock::wall_ms()))?;
    Ok(Json(json!({ "id": id, "message": "Training started" })))
}

/// `POST /v2/models/retrieve {"id", "query", "size"?, "filters"?}`: the best rows of a model's context (or of the
/// context named `id`), scored as `ranking` explains.
async fn retrieve(State(sandbox): State<Sandbox>, _caller: Caller, bytes: Bytes) -> Answer<Json<Value>> {
    let sent = validation::object(&bytes)?;
    let mut fields = Fields::new(&sent);
    let id = fields.string("id", 1, 200);
    let query = fields.string("query", 1, 1000);
    let size = match fields.optional("size") {
        None => Some(5),
        Some(value) => fields.check(validation::integer(value, body("size"), 1, 50)),
    };
    let filters =
        fields.optional("filters").and_then(|value| fields.check(validation::dictionary(value, body("filters"))));
    let mut wanted: Vec<(String, String)> = Vec::new();
    for (column, value) in filters.into_iter().flatten() {
        let loc = within(body("filters"), column.as_str());
        if let Some(text) = fields.check(validation::string(value, loc, 0, usize::MAX)) {
            wanted.push((column.clone(), text));
        }
    }
    let ((id, query), size) = fields.finish_with(id.zip(query).zip(size))?;
    sandbox.read(|store| {
        let context = store.arcee.retriever(&id)?;
        let mut problems = Vec::new();
        let mut keep: Vec<(usize, String)> = Vec::new();
        for (column, text) in &wanted {
            match context.columns.index(column) {
                Some(at) => keep.push((at, text.to_lowercase())),
                None => {
                    let why = format!("context '{}' has no column '{column}'", context.name);
                    let loc = within(body("filters"), column.as_str());
                    problems.push(Problem::value_error(loc, why, &Value::from(text.as_str())));
                }
            }
        }
        Refusal::unless_valid(problems)?;
        if context.is_processing(Instant::now()) {
            return Err(Refusal::still_processing(&context.name));
        }
        let matches = |row: &[String]| keep.iter().all(|(at, text)| row[*at].to_lowercase().contains(text.as_str()));
        let hits = ranking::rank(&context.rows, &query, matches, size as usize);
        let results: Vec<Value> = hits
            .into_iter()
            .map(|hit| {
                let row = &context.rows[hit.row];
                let mut result = Map::new();
                result.insert("score".into(), hit.score.into());
                for (column, field) in context.columns.names().iter().zip(row) {
                    result.insert(column.to_string(), field.as_str().into());
                }
                result.insert("context_name".into(), context.name.as_str().into());
                Value::Object(result)
            })
            .collect();
        Ok(Json(json!({ "results": results })))
    })
}
