//! The Arcee platform API v2: keys, organizations, invitations, feedback, and what every Arcee call shares
//! (authentication, organization scoping, FastAPI's error shapes, CORS, both dialects). Contexts, retrieval and
//! models are in `arcee_contexts`.

use super::common::{allowed_headers, small, start, Answer, Running};
use geai_sandbox::arcee::seed;
use geai_sandbox::clock::{date, parse_date_time, today};
use geai_sandbox::config::{Config, Dialect};
use reqwest::Method;
use serde_json::{json, Value};

/// A 422's problems as a test expects them: `(loc, type, msg)`.
type Expected = Vec<(Value, &'static str, &'static str)>;

/// A call with the seeded key and no organization header.
async fn call(api: &Running, method: Method, path: &str, body: Option<&str>) -> Answer {
    api.arcee(method, path, Some(&api.arcee_key()), None, body).await
}

/// The seeded user's key that expired ten days ago.
fn expired_key(api: &Running) -> String {
    api.sandbox.read(|s| {
        s.arcee
            .keys
            .iter()
            .find(|k| k.owner == seed::USER && k.expiry_day < today())
            .expect("an expired key")
            .secret
            .clone()
    })
}

#[tokio::test]
async fn every_authentication_failure_has_its_own_401() {
    let api = start(small()).await;
    for (key, detail) in [
        (None, "Not authenticated"),
        (Some(""), "Not authenticated"),
        (Some("arc_00000000000000000000000000000000"), "Invalid API key"),
        (Some(expired_key(&api).as_str()), "API key expired"),
    ] {
        let answer = api.arcee(Method::GET, "/v2/whoami", key, None, None).await;
        assert_eq!((answer.status, answer.detail()), (401, detail), "{key:?}");
    }
    let organization_token = api.organization_token();
    let bearer = api.get("/v2/whoami", &organization_token).await;
    assert_eq!((bearer.status, bearer.detail()), (401, "Not authenticated"), "the Organization API's token is no key");
}

#[tokio::test]
async fn whoami_names_the_default_organization_or_the_one_asked_for() {
    let api = start(small()).await;
    let key = api.arcee_key();
    assert!(
        key.len() == 36
            && key.starts_with("arc_")
            && key[4..].chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    let plain = api.arcee(Method::GET, "/v2/whoami", Some(&key), None, None).await;
    assert_eq!((plain.status, &plain.body), (200, &json!({"email": "admin@sandbox.example", "org": "sandbox-labs"})));
    let scoped = api.arcee(Method::GET, "/v2/whoami", Some(&key), Some("sandbox-labs"), None).await;
    assert_eq!(scoped.body, json!({"email": "admin@sandbox.example", "org": "sandbox-labs"}));

    let unknown = api.arcee(Method::GET, "/v2/whoami", Some(&key), Some("nowhere"), None).await;
    assert_eq!((unknown.status, unknown.detail()), (404, "Organization 'nowhere' not found"));
    let other = api.arcee(Method::GET, "/v2/whoami", Some(&key), Some("other-co"), None).await;
    assert_eq!((other.status, other.detail()), (403, "Not a member of organization 'other-co'"));
    let tokens = api.arcee(Method::GET, "/v2/tokens", Some(&key), Some("other-co"), None).await;
    assert_eq!(tokens.status, 403, "every call is scoped");

    let created = call(&api, Method::POST, "/v2/organizations", Some(r#"{"name": "Night Shift"}"#)).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    let now = api.arcee(Method::GET, "/v2/whoami", Some(&key), Some("night-shift"), None).await;
    assert_eq!(
        (now.status, &now.body["org"]),
        (200, &json!("night-shift")),
        "a new organization's creator is a member"
    );
}

#[tokio::test]
async fn tokens_are_listed_newest_first_by_hint_and_never_by_secret() {
    let api = start(small()).await;
    let listed = call(&api, Method::GET, "/v2/tokens", None).await;
    assert_eq!(listed.status, 200);
    let tokens = listed.body["tokens"].as_array().unwrap();
    let (secrets, expiries): (Vec<String>, Vec<i64>) =
        api.sandbox.read(|s| s.arcee.keys_of(seed::USER).iter().map(|k| (k.secret.clone(), k.expiry_day)).unzip());
    assert_eq!(tokens.len(), 3, "the seeded user's three keys, not the other user's");
    let expected_expiries: Vec<String> = [30, 365, -10].iter().map(|d| date(today() + d)).collect();
    assert_eq!(
        tokens.iter().map(|t| t["expiry"].as_str().unwrap().to_string()).collect::<Vec<_>>(),
        expected_expiries,
        "CI, main, expired"
    );
    assert_eq!(expiries.iter().map(|d| date(*d)).collect::<Vec<_>>(), expected_expiries);
    let mut created = Vec::new();
    for (token, secret) in tokens.iter().zip(&secrets) {
        let mut keys: Vec<&str> = token.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["created_at", "expiry", "hint", "id"]);
        assert!(token["id"].as_str().unwrap().starts_with("tok_"));
        assert_eq!(token["hint"].as_str().unwrap(), &secret[secret.len() - 4..]);
        assert!(!listed.body.to_string().contains(secret.as_str()), "no secret in the list");
        let at = token["created_at"].as_str().unwrap();
        assert!(at.ends_with("+00:00"), "{at}");
        created.push(parse_date_time(at).expect("RFC 3339"));
    }
    assert!(created.windows(2).all(|w| w[0] > w[1]), "newest first: {created:?}");
}

#[tokio::test]
async fn a_new_token_is_shown_once_and_works_at_once() {
    let api = start(small()).await;
    let expiry = date(today() + 90);
    let created = call(&api, Method::POST, "/v2/tokens", Some(&format!(r#"{{"expiry": "{expiry}"}}"#))).await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let secret = created.body["token"].as_str().unwrap().to_string();
    assert!(secret.len() == 36 && secret.starts_with("arc_") && secret[4..].chars().all(|c| c.is_ascii_hexdigit()));
    assert!(created.body["id"].as_str().unwrap().starts_with("tok_"));
    assert_eq!(created.body["expiry"], expiry.as_str());

    let with_it = api.arcee(Method::GET, "/v2/whoami", Some(&secret), None, None).await;
    assert_eq!((with_it.status, &with_it.body["email"]), (200, &json!("admin@sandbox.example")));
    let listed = api.arcee(Method::GET, "/v2/tokens", Some(&secret), None, None).await;
    let first = &listed.body["tokens"][0];
    assert_eq!((&first["id"], &first["expiry"]), (&created.body["id"], &json!(expiry)), "the newest is first");
    assert_eq!(first["hint"].as_str().unwrap(), &secret[32..]);
    assert!(!listed.body.to_string().contains(&secret), "the secret is in the creation answer only");

    let latest = date(today() + 730);
    let far = call(&api, Method::POST, "/v2/tokens", Some(&format!(r#"{{"expiry": "{latest}"}}"#))).await;
    assert_eq!(far.status, 201, "730 days ahead is allowed");
    let tomorrow = date(today() + 1);
    assert_eq!(
        call(&api, Method::POST, "/v2/tokens", Some(&format!(r#"{{"expiry": "{tomorrow}"}}"#))).await.status,
        201
    );
}

#[tokio::test]
async fn a_bad_expiry_is_refused_in_pydantics_words() {
    let api = start(small()).await;
    let body = |expiry: Value| json!({ "expiry": expiry }).to_string();
    let expiry = json!(["body", "expiry"]);
    let cases: Vec<(String, &str, String)> = vec![
        ("{}".into(), "missing", "Field required".into()),
        (
            body(json!("next week")),
            "date_from_datetime_parsing",
            "Input should be a valid date or datetime, input is too short".into(),
        ),
        (
            body(json!("2026-02-30")),
            "date_from_datetime_parsing",
            "Input should be a valid date or datetime, day value is outside expected range".into(),
        ),
        (
            body(json!("2026-13-01")),
            "date_from_datetime_parsing",
            "Input should be a valid date or datetime, month value is outside expected range".into(),
        ),
        (body(json!(20260101)), "date_type", "Input should be a valid date".into()),
        (body(json!(date(today()))), "value_error", "Value error, expiry must be a future date".into()),
        (body(json!(date(today() - 3))), "value_error", "Value error, expiry must be a future date".into()),
        (body(json!(date(today() + 731))), "value_error", "Value error, expiry must be within 730 days".into()),
    ];
    for (sent, kind, msg) in cases {
        let refused = call(&api, Method::POST, "/v2/tokens", Some(&sent)).await;
        assert_eq!(refused.status, 422, "{sent}");
        assert_eq!(refused.problems(), [(expiry.clone(), kind.to_string(), msg)], "{sent}");
    }
    let broken = call(&api, Method::POST, "/v2/tokens", Some(r#"{"expiry": "2030-01-01",}"#)).await;
    assert_eq!(broken.problems(), [(json!(["body", 24]), "json_invalid".into(), "JSON decode error".into())]);
    let listed = call(&api, Method::GET, "/v2/tokens", None).await;
    assert_eq!(listed.body["tokens"].as_array().unwrap().len(), 3, "nothing was made");
}

#[tokio::test]
async fn a_deleted_token_stops_working_at_once_even_the_callers_own() {
    let api = start(small()).await;
    let main = api.arcee_key();
    let expiry = date(today() + 10);
    let created = call(&api, Method::POST, "/v2/tokens", Some(&format!(r#"{{"expiry": "{expiry}"}}"#))).await;
    let (secret, id) =
        (created.body["token"].as_str().unwrap().to_string(), created.body["id"].as_str().unwrap().to_string());

    let deleted = api.arcee(Method::DELETE, &format!("/v2/tokens/{id}"), Some(&main), None, None).await;
    assert_eq!((deleted.status, &deleted.body), (200, &json!({"message": "Token deleted"})));
    let refused = api.arcee(Method::GET, "/v2/whoami", Some(&secret), None, None).await;
    assert_eq!((refused.status, refused.detail()), (401, "Invalid API key"));
    let again = api.arcee(Method::DELETE, &format!("/v2/tokens/{id}"), Some(&main), None, None).await;
    assert_eq!((again.status, again.detail()), (404, "Token not found"));
    let unknown = api.arcee(Method::DELETE, "/v2/tokens/tok_nothing", Some(&main), None, None).await;
    assert_eq!((unknown.status, unknown.detail()), (404, "Token not found"));
    let others = api.sandbox.read(|s| s.arcee.keys.iter().find(|k| k.owner == seed::OTHER_USER).unwrap().clone());
    let theirs = api.arcee(Method::DELETE, &format!("/v2/tokens/{}", others.id), Some(&main), None, None).await;
    assert_eq!((theirs.status, theirs.detail()), (404, "Token not found"), "another user's key is not found");
    assert_eq!(
        api.arcee(Method::GET, "/v2/whoami", Some(&others.secret), None, None).await.status,
        200,
        "and still works"
    );

    let main_id = api.sandbox.read(|s| s.arcee.keys.iter().find(|k| k.secret == main).unwrap().id.clone());
    let own = api.arcee(Method::DELETE, &format!("/v2/tokens/{main_id}"), Some(&main), None, None).await;
    assert_eq!(own.status, 200);
    let after = api.arcee(Method::GET, "/v2/tokens", Some(&main), None, None).await;
    assert_eq!((after.status, after.detail()), (401, "Invalid API key"), "the key that deleted itself");
}

#[tokio::test]
async fn organizations_get_a_slug_of_their_name_and_a_taken_slug_is_409() {
    let api = start(small()).await;
    let created =
        call(&api, Method::POST, "/v2/organizations", Some(r#"{"name": "  Research & Development!! "}"#)).await;
    assert_eq!(created.status, 200, "{:?}", created.body);
    let organization = &created.body["organization"];
    assert_eq!(
        (&organization["name"], &organization["slug"], &organization["type"]),
        (&json!("  Research & Development!! "), &json!("research-development"), &json!("team"))
    );
    let at = parse_date_time(organization["created_at"].as_str().unwrap()).expect("RFC 3339");
    assert!((at - geai_sandbox::clock::wall_ms()).abs() < 60_000, "dated now, by the wall clock");

    let enterprise =
        call(&api, Method::POST, "/v2/organizations", Some(r#"{"name": "Big Corp", "type": "enterprise"}"#)).await;
    assert_eq!(
        (&enterprise.body["organization"]["slug"], &enterprise.body["organization"]["type"]),
        (&json!("big-corp"), &json!("enterprise"))
    );

    for name in ["Research Development", "research-development", "Sandbox Labs", "OTHER co"] {
        let taken = call(&api, Method::POST, "/v2/organizations", Some(&json!({ "name": name }).to_string())).await;
        let slug = geai_sandbox::arcee::store::slug(name);
        assert_eq!(
            (taken.status, taken.detail()),
            (409, format!("Organization slug '{slug}' is already taken").as_str())
        );
    }
}

#[tokio::test]
async fn organization_mistakes_are_each_named() {
    let api = start(small()).await;
    let name = json!(["body", "name"]);
    let kind = json!(["body", "type"]);
    let long = "x".repeat(101);
    let cases: Vec<(String, Expected)> = vec![
        ("{}".into(), vec![(name.clone(), "missing", "Field required")]),
        (r#"{"name": ""}"#.into(), vec![(name.clone(), "string_too_short", "String should have at least 1 character")]),
        (
            json!({ "name": long }).to_string(),
            vec![(name.clone(), "string_too_long", "String should have at most 100 characters")],
        ),
        (
            r#"{"name": "!!!"}"#.into(),
            vec![(name.clone(), "value_error", "Value error, the name must contain a letter or a digit")],
        ),
        (
            r#"{"name": 5, "type": "club"}"#.into(),
            vec![
                (name.clone(), "string_type", "Input should be a valid string"),
                (kind.clone(), "enum", "Input should be 'team' or 'enterprise'"),
            ],
        ),
        (
            "[]".into(),
            vec![(
                json!(["body"]),
                "model_attributes_type",
                "Input should be a valid dictionary or object to extract fields from",
            )],
        ),
    ];
    for (sent, expected) in cases {
        let refused = call(&api, Method::POST, "/v2/organizations", Some(&sent)).await;
        assert_eq!(refused.status, 422, "{sent}");
        let expected: Vec<(Value, String, String)> =
            expected.into_iter().map(|(l, k, m)| (l, k.into(), m.into())).collect();
        assert_eq!(refused.problems(), expected, "{sent}");
    }
    let count = api.sandbox.read(|s| s.arcee.organizations.len());
    assert_eq!(count, 2, "none was made");
}

#[tokio::test]
async fn invitations_go_to_up_to_ten_valid_distinct_addresses_or_to_nobody() {
    let api = start(small()).await;
    let api = &api;
    let invite = |org: &str, body: String| {
        let path = format!("/v2/organizations/{org}/invite");
        async move { call(api, Method::POST, &path, Some(&body)).await }
    };
    let invited =
        invite("sandbox-labs", json!({"invitees": ["ana@acme.example", "bo@acme.example"]}).to_string()).await;
    assert_eq!(
        (invited.status, &invited.body),
        (200, &json!({"message": "Invited 2 people", "invited": ["ana@acme.example", "bo@acme.example"]}))
    );
    let recorded = || api.sandbox.read(|s| s.arcee.organizations[0].invited.clone());
    assert_eq!(recorded(), ["ana@acme.example", "bo@acme.example"]);

    let ten: Vec<String> = (0..10).map(|i| format!("user{i}@acme.example")).collect();
    assert_eq!(invite("sandbox-labs", json!({ "invitees": ten }).to_string()).await.status, 200, "ten at once");
    let eleven: Vec<String> = (0..11).map(|i| format!("more{i}@acme.example")).collect();
    let too_many = invite("sandbox-labs", json!({ "invitees": eleven }).to_string()).await;
    assert_eq!(
        too_many.problems(),
        [(
            json!(["body", "invitees"]),
            "too_long".into(),
            "List should have at most 10 items after validation, not 11".into()
        )]
    );
    let none = invite("sandbox-labs", r#"{"invitees": []}"#.into()).await;
    assert_eq!(
        none.problems(),
        [(
            json!(["body", "invitees"]),
            "too_short".into(),
            "List should have at least 1 item after validation, not 0".into()
        )]
    );
    let missing = invite("sandbox-labs", "{}".into()).await;
    assert_eq!(missing.problems(), [(json!(["body", "invitees"]), "missing".into(), "Field required".into())]);

    let mixed = json!({"invitees": ["ok@acme.example", "no-at-sign", "ana@localhost", "two words@acme.example", 5, "OK@acme.example"]});
    let refused = invite("sandbox-labs", mixed.to_string()).await;
    assert_eq!(refused.status, 422);
    let at = |i: usize| json!(["body", "invitees", i]);
    assert_eq!(
        refused.problems(),
        [
            (
                at(1),
                "value_error".into(),
                "value is not a valid email address: An email address must have an @-sign.".into()
            ),
            (
                at(2),
                "value_error".into(),
                "value is not a valid email address: The part after the @-sign is not valid. It should have a period."
                    .into()
            ),
            (
                at(3),
                "value_error".into(),
                "value is not a valid email address: The email address contains invalid characters.".into()
            ),
            (at(4), "string_type".into(), "Input should be a valid string".into()),
            (at(5), "value_error".into(), "Value error, duplicate address".into()),
        ]
    );
    assert_eq!(recorded().len(), 12, "a refused invitation invites nobody");

    let other = invite("other-co", json!({"invitees": ["x@acme.example"]}).to_string()).await;
    assert_eq!((other.status, other.detail()), (403, "Not a member of organization 'other-co'"));
    let unknown = invite("nowhere", json!({"invitees": ["x@acme.example"]}).to_string()).await;
    assert_eq!((unknown.status, unknown.detail()), (404, "Organization 'nowhere' not found"));
    assert!(api.sandbox.read(|s| s.arcee.organizations[1].invited.is_empty()));
}

#[tokio::test]
async fn feedback_is_kept_with_who_sent_it() {
    let api = start(small()).await;
    let sent = api
        .arcee(
            Method::POST,
            "/v2/feedback",
            Some(&api.arcee_key()),
            Some("sandbox-labs"),
            Some(r#"{"message": "Great search!", "location": "/contexts"}"#),
        )
        .await;
    assert_eq!((sent.status, &sent.body), (202, &json!({"message": "Feedback received"})));
    assert_eq!(
        call(&api, Method::POST, "/v2/feedback", Some(r#"{"message": "No location", "location": null}"#)).await.status,
        202
    );
    let kept = api.sandbox.read(|s| s.arcee.feedback.clone());
    assert_eq!(kept.len(), 2);
    assert_eq!(
        (kept[0].message.as_str(), kept[0].location.as_deref(), kept[0].email.as_str(), kept[0].organization.as_str()),
        ("Great search!", Some("/contexts"), "admin@sandbox.example", "sandbox-labs")
    );
    assert_eq!(kept[1].location, None);

    let message = json!(["body", "message"]);
    let location = json!(["body", "location"]);
    let cases: Vec<(String, Vec<(Value, &str)>)> = vec![
        ("{}".into(), vec![(message.clone(), "missing")]),
        (r#"{"message": ""}"#.into(), vec![(message.clone(), "string_too_short")]),
        (json!({ "message": "m".repeat(2001) }).to_string(), vec![(message.clone(), "string_too_long")]),
        (
            json!({ "location": "l".repeat(201) }).to_string(),
            vec![(message.clone(), "missing"), (location.clone(), "string_too_long")],
        ),
        (r#"{"message": "x", "location": 3}"#.into(), vec![(location.clone(), "string_type")]),
    ];
    for (body, expected) in cases {
        let refused = call(&api, Method::POST, "/v2/feedback", Some(&body)).await;
        let found: Vec<(Value, String)> = refused.problems().into_iter().map(|(l, k, _)| (l, k)).collect();
        let expected: Vec<(Value, String)> = expected.into_iter().map(|(l, k)| (l, k.to_string())).collect();
        assert_eq!((refused.status, found), (422, expected), "{body}");
    }
    let at_most = call(
        &api,
        Method::POST,
        "/v2/feedback",
        Some(&json!({ "message": "m".repeat(2000), "location": "l".repeat(200) }).to_string()),
    )
    .await;
    assert_eq!(at_most.status, 202);
    assert_eq!(api.sandbox.read(|s| s.arcee.feedback.len()), 3);
}

#[tokio::test]
async fn a_422_lists_type_loc_msg_and_input_as_fastapi_does() {
    let api = start(small()).await;
    let refused = call(&api, Method::POST, "/v2/organizations", Some(r#"{"name": ""}"#)).await;
    assert_eq!(
        refused.body,
        json!({"detail": [{
            "type": "string_too_short",
            "loc": ["body", "name"],
            "msg": "String should have at least 1 character",
            "input": "",
            "ctx": {"min_length": 1},
        }]})
    );
    let wrong_verb = call(&api, Method::PUT, "/v2/whoami", None).await;
    assert_eq!((wrong_verb.status, &wrong_verb.body), (405, &json!({"detail": "Method Not Allowed"})));
}

#[tokio::test]
async fn the_banner_names_the_key_and_it_is_the_seeds() {
    let api = start(small()).await;
    let banner = geai_sandbox::banner(&api.sandbox, "127.0.0.1:8787".parse().unwrap());
    let line = banner.lines().find(|l| l.starts_with("arcee api key: ")).expect("a key line");
    let key = line.trim_start_matches("arcee api key: ");
    assert_eq!(key, api.arcee_key());
    assert_eq!(api.arcee(Method::GET, "/v2/whoami", Some(key), None, None).await.status, 200);

    let again = start(small()).await;
    assert_eq!(again.arcee_key(), key, "the same seed, the same key");
    let other = start(Config { seed: geai_sandbox::config::SeedConfig { seed: 7, ..small().seed }, ..small() }).await;
    assert_ne!(other.arcee_key(), key);
}

#[tokio::test]
async fn cors_preflights_allow_the_key_and_organization_headers() {
    let api = start(small()).await;
    let preflight = api.preflight("POST", "/v2/tokens", "x-token,x-arcee-org,content-type").await;
    let allowed = allowed_headers(&preflight);
    for header in ["x-token", "x-arcee-org", "content-type"] {
        assert!(allowed.contains(header), "{header}: {allowed}");
    }
    assert!(preflight["access-control-allow-methods"].to_str().unwrap().contains("DELETE"));
}

#[tokio::test]
async fn the_saia_beta_dialect_serves_arcee_too() {
    let api = start(Config { dialect: Dialect::SaiaBeta, ..small() }).await;
    let whoami = call(&api, Method::GET, "/v2/whoami", None).await;
    assert_eq!((whoami.status, &whoami.body["org"]), (200, &json!("sandbox-labs")));
    assert_eq!(call(&api, Method::GET, "/v2/tokens", None).await.status, 200);
    let status = call(&api, Method::GET, "/v2/retrievers/status/faq", None).await;
    assert_eq!((status.status, &status.body["status"]), (200, &json!("ready")));
    let org = api.organization_token();
    let gated = api.get("/v2/projects/tokens/x", &org).await;
    assert_eq!((gated.status, gated.error().0), (404, 404), "the vendor's own /v2 is still absent");
    assert_eq!(call(&api, Method::GET, "/v2/nothing", None).await.status, 404);
}

#[tokio::test]
async fn arcee_calls_get_faults_and_journal_entries() {
    let api = start(small()).await;
    let faulted = api
        .client
        .get(format!("{}/v2/whoami", api.url))
        .header("x-token", api.arcee_key())
        .header("x-sandbox-fault", "status=503")
        .send()
        .await
        .unwrap();
    assert_eq!(faulted.status(), 503);
    call(&api, Method::GET, "/v2/tokens", None).await;
    let journal = api.sandbox.journal().entries();
    let whoami = journal.iter().find(|e| e.uri == "/v2/whoami").expect("journaled");
    assert_eq!(whoami.auth.as_deref(), Some("x-token"), "the key header is named, never its value");
    assert!(journal
        .iter()
        .any(|e| e.uri == "/v2/tokens" && e.outcome == geai_sandbox::journal::Outcome::Answered(200)));
}

#[tokio::test]
async fn the_arcee_state_survives_a_restart_and_older_state_files_get_it_seeded() {
    let file = std::env::temp_dir().join(format!("geai-sandbox-arcee-{}.json", std::process::id()));
    std::fs::remove_file(&file).ok();
    let config = Config { state_file: Some(file.clone()), ..small() };
    let first = start(config.clone()).await;
    let expiry = date(today() + 5);
    let created = call(&first, Method::POST, "/v2/tokens", Some(&format!(r#"{{"expiry": "{expiry}"}}"#))).await;
    let secret = created.body["token"].as_str().unwrap().to_string();
    call(&first, Method::POST, "/v2/organizations", Some(r#"{"name": "Kept Org"}"#)).await;
    let key = first.arcee_key();
    drop(first);

    let second = start(config.clone()).await;
    assert_eq!(second.arcee_key(), key);
    let whoami = second.arcee(Method::GET, "/v2/whoami", Some(&secret), Some("kept-org"), None).await;
    assert_eq!(
        (whoami.status, &whoami.body["org"]),
        (200, &json!("kept-org")),
        "the key and the organization were kept"
    );
    drop(second);

    let mut older: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    older.as_object_mut().unwrap().remove("arcee");
    std::fs::write(&file, older.to_string()).unwrap();
    let third = start(config).await;
    assert_eq!(third.arcee_key(), key, "seeded again, from the same seed");
    assert_eq!(
        third.arcee(Method::GET, "/v2/whoami", Some(&secret), None, None).await.status,
        401,
        "the run-time key is gone"
    );
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert!(saved["arcee"]["keys"].is_array(), "and written back");
    std::fs::remove_file(file).ok();
}
