//! The Arcee API's contexts, retrievers and models: CSV uploads and their rules, processing by the wall clock,
//! training, and retrieval ranked on the seeded support articles.

use std::time::Duration;

use super::common::{small, start, Answer, Running};
use reqwest::Method;
use serde_json::{json, Value};

const MIB: usize = 1024 * 1024;

async fn upload(api: &Running, name: &str, csv: &[u8]) -> Answer {
    api.arcee_form(&format!("/v2/contexts/{name}/csv"), &[("file", Some("context.csv"), csv)]).await
}

async fn status(api: &Running, name: &str) -> Answer {
    api.arcee(Method::GET, &format!("/v2/retrievers/status/{name}"), Some(&api.arcee_key()), None, None).await
}

async fn post(api: &Running, path: &str, body: Value) -> Answer {
    api.arcee(Method::POST, path, Some(&api.arcee_key()), None, Some(&body.to_string())).await
}

async fn retrieve(api: &Running, body: Value) -> Answer {
    post(api, "/v2/models/retrieve", body).await
}

/// `(title, score)` of each result.
fn ranked(answer: &Answer) -> Vec<(String, f64)> {
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    let results = answer.body["results"].as_array().expect("results");
    results.iter().map(|r| (r["title"].as_str().unwrap().to_string(), r["score"].as_f64().unwrap())).collect()
}

/// A documents CSV of `rows` rows.
fn documents(rows: usize) -> String {
    let mut csv = String::from("title,doc\n");
    for i in 0..rows {
        csv.push_str(&format!("Article {i},Body of article {i}\n"));
    }
    csv
}

/// The one problem of a 422 on the uploaded file.
fn file_problem(answer: &Answer) -> (String, String) {
    assert_eq!(answer.status, 422, "{:?}", answer.body);
    let problems = answer.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].0, json!(["body", "file"]));
    (problems[0].1.clone(), problems[0].2.clone())
}

#[tokio::test]
async fn a_small_csv_is_ready_at_once_and_keeps_its_context_id() {
    let api = start(small()).await;
    let created = upload(&api, "release-notes", documents(200).as_bytes()).await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    assert_eq!(created.body["context_name"], "release-notes");
    assert!(created.body["message"].as_str().unwrap().contains("200 rows"));
    let id = created.body["context_id"].as_str().unwrap().to_string();
    assert!(id.starts_with("ctx_") && id.len() > 4, "{id}");
    let ready = status(&api, "release-notes").await;
    assert_eq!(
        (ready.status, &ready.body),
        (200, &json!({"context_name": "release-notes", "status": "ready", "context_id": id}))
    );

    let replaced = upload(&api, "release-notes", b"title,doc\nOnly one,The single row\n").await;
    assert_eq!((replaced.status, &replaced.body["context_id"]), (201, &json!(id)), "the same id for the same name");
    let found = retrieve(&api, json!({"id": "release-notes", "query": "article single row"})).await;
    assert_eq!(ranked(&found), [("Only one".to_string(), 0.6667)], "the rows were replaced");
    let other = upload(&api, "release_notes_2", b"doc,title\nx,y\n").await;
    assert_ne!(other.body["context_id"], json!(id));

    let seeded = status(&api, "support-docs").await;
    assert_eq!(
        (&seeded.body["status"], seeded.body["context_id"].as_str().map(|i| i.starts_with("ctx_"))),
        (&json!("ready"), Some(true))
    );
    let unknown = status(&api, "nothing-here").await;
    assert_eq!((unknown.status, unknown.detail()), (404, "Context 'nothing-here' not found"));
}

#[tokio::test]
async fn a_large_csv_processes_for_three_seconds_and_refuses_retrieval_meanwhile() {
    let api = start(small()).await;
    let accepted = upload(&api, "big", documents(201).as_bytes()).await;
    assert_eq!(accepted.status, 202, "{:?}", accepted.body);
    let id = accepted.body["context_id"].clone();
    let processing = status(&api, "big").await;
    assert_eq!(processing.body, json!({"context_name": "big", "status": "processing", "context_id": id}));
    let refused = retrieve(&api, json!({"id": "big", "query": "article"})).await;
    assert_eq!((refused.status, refused.detail()), (409, "The retriever for 'big' is still processing"));
    let trained = post(&api, "/v2/models/train", json!({"name": "big-model", "context": "big"})).await;
    let model = trained.body["id"].as_str().unwrap().to_string();
    let through_model = retrieve(&api, json!({"id": model, "query": "article"})).await;
    assert_eq!(through_model.status, 409, "through a model too");

    tokio::time::sleep(Duration::from_millis(3_500)).await;
    let ready = status(&api, "big").await;
    assert_eq!(ready.body["status"], "ready");
    let found = retrieve(&api, json!({"id": "big", "query": "article 7", "size": 2})).await;
    assert_eq!(ranked(&found), [("Article 7".to_string(), 1.0), ("Article 0".to_string(), 0.5)]);
}

#[tokio::test]
async fn quoted_fields_keep_their_commas_quotes_and_line_breaks() {
    let api = start(small()).await;
    let csv = "\u{feff}question,answer,title,doc\r\n\
               \"Can I pay by invoice, or card?\",\"Both.\r\nSay \"\"invoice\"\" when ordering.\",Payment,\"Billing, payments\"\r\n";
    let created = upload(&api, "payments", csv.as_bytes()).await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let found = retrieve(&api, json!({"id": "payments", "query": "invoice"})).await;
    assert_eq!(
        found.body["results"][0],
        json!({
            "score": 1.0,
            "question": "Can I pay by invoice, or card?",
            "answer": "Both.\r\nSay \"invoice\" when ordering.",
            "title": "Payment",
            "doc": "Billing, payments",
            "context_name": "payments",
        })
    );
}

#[tokio::test]
async fn csv_mistakes_are_named() {
    let api = start(small()).await;
    for (csv, kind, msg) in [
        (
            &b"doc,body\nx,y\n"[..],
            "value_error",
            "Value error, CSV columns must be doc,title or answer,doc,question,title (got: doc,body)",
        ),
        (
            b" Title ,doc,question\nx,y,z\n",
            "value_error",
            "Value error, CSV columns must be doc,title or answer,doc,question,title (got:  Title ,doc,question)",
        ),
        (b"doc,title\n", "value_error", "Value error, the CSV has no rows"),
        (b"doc,title\r\n", "value_error", "Value error, the CSV has no rows"),
        (b"doc,title\na,b\nc,d,e\nf,g\n", "value_error", "Value error, row 2 has 3 fields, expected 2"),
    ] {
        let refused = upload(&api, "broken", csv).await;
        assert_eq!(file_problem(&refused), (kind.to_string(), msg.to_string()), "{}", String::from_utf8_lossy(csv));
    }
    let missing = api.arcee_form("/v2/contexts/broken/csv", &[("other", Some("a.csv"), b"doc,title\nx,y\n")]).await;
    assert_eq!(file_problem(&missing), ("missing".into(), "Field required".into()));
    let not_a_form = api.arcee(Method::POST, "/v2/contexts/broken/csv", Some(&api.arcee_key()), None, Some("{}")).await;
    assert_eq!(file_problem(&not_a_form).0, "missing");
    assert_eq!(status(&api, "broken").await.status, 404, "nothing was made");

    let pattern = "String should match pattern '^[A-Za-z0-9_-]{1,64}$'";
    let long = "x".repeat(65);
    for name in ["bad%20name", "dots.csv", "caf%C3%A9", long.as_str()] {
        let refused = upload(&api, name, b"doc,title\nx,y\n").await;
        assert_eq!(
            refused.problems(),
            [(json!(["path", "context_name"]), "string_pattern_mismatch".into(), pattern.into())],
            "{name}"
        );
    }
    let both = api.arcee_form("/v2/contexts/bad%20name/csv", &[]).await;
    let locs: Vec<Value> = both.problems().into_iter().map(|p| p.0).collect();
    assert_eq!(locs, [json!(["path", "context_name"]), json!(["body", "file"])], "every problem at once");
    assert_eq!(upload(&api, &"x".repeat(64), b"doc,title\nx,y\n").await.status, 201, "64 characters are fine");
}

#[tokio::test]
async fn files_up_to_ten_mib_are_taken_and_larger_ones_are_413() {
    let api = start(small()).await;
    let mut csv = documents(1).into_bytes();
    let row = format!("{},padding\n", "x".repeat(1000));
    while csv.len() + row.len() <= 10 * MIB {
        csv.extend_from_slice(row.as_bytes());
    }
    let rest = 10 * MIB - csv.len();
    csv.extend_from_slice(format!("{},p\n", "y".repeat(rest - 3)).as_bytes());
    assert_eq!(csv.len(), 10 * MIB);
    let taken = upload(&api, "huge", &csv).await;
    assert_eq!(taken.status, 202, "exactly 10 MiB: {:?}", taken.body);

    csv.push(b'\n');
    let over = upload(&api, "huge2", &csv).await;
    assert_eq!((over.status, over.detail()), (413, "File too large (limit 10 MiB)"), "one byte over");
    let far_over = upload(&api, "huge3", &vec![b'a'; 12 * MIB]).await;
    assert_eq!((far_over.status, far_over.detail()), (413, "File too large (limit 10 MiB)"));
    assert_eq!(status(&api, "huge2").await.status, 404);
    assert_eq!(status(&api, "huge").await.status, 200, "the server still answers");
}

#[tokio::test]
async fn retrieval_ranks_the_seeded_articles_by_share_of_query_words() {
    let api = start(small()).await;
    // "Resetting your password" has both words (password 3 times, reset once); "Changing your password" one.
    let found = retrieve(&api, json!({"id": "support-docs", "query": "Reset password"})).await;
    assert_eq!(
        ranked(&found),
        [("Resetting your password".to_string(), 1.0), ("Changing your password".to_string(), 0.5)]
    );
    let first = &found.body["results"][0];
    let mut keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["context_name", "doc", "score", "title"], "no question or answer in a documents context");
    assert_eq!(first["context_name"], "support-docs");
    assert!(first["doc"].as_str().unwrap().starts_with("Forgot your password?"));

    // Creating: api, key, expiry (1.0). Revoking: api, key, 5 occurrences; Rate limits: api, key, 3 (0.6667 each).
    let expected = [
        ("Creating an API key".to_string(), 1.0),
        ("Revoking an API key".to_string(), 0.6667),
        ("Rate limits".to_string(), 0.6667),
    ];
    let keys = retrieve(&api, json!({"id": "mdl_support", "query": "API key expiry?"})).await;
    assert_eq!(ranked(&keys), expected, "through the seeded model, on its context");
    let two = retrieve(&api, json!({"id": "support-docs", "query": "api KEY expiry", "size": 2})).await;
    assert_eq!(ranked(&two), expected[..2]);
    let nothing = retrieve(&api, json!({"id": "support-docs", "query": "zebra"})).await;
    assert_eq!((nothing.status, &nothing.body), (200, &json!({"results": []})));

    let faq = retrieve(&api, json!({"id": "faq", "query": "reset password"})).await;
    assert_eq!(
        faq.body,
        json!({"results": [{
            "score": 1.0,
            "question": "How do I reset my password?",
            "answer": "Use the Forgot password link on the sign-in page.",
            "title": "Password reset",
            "doc": "Resetting your password",
            "context_name": "faq",
        }]})
    );
}

#[tokio::test]
async fn filters_keep_rows_whose_column_contains_the_text() {
    let api = start(small()).await;
    let query = |filters: Value| json!({"id": "support-docs", "query": "API key expiry", "filters": filters});
    let revoking = retrieve(&api, query(json!({"title": "REVOK"}))).await;
    assert_eq!(ranked(&revoking), [("Revoking an API key".to_string(), 0.6667)]);
    let both = retrieve(&api, query(json!({"title": "api", "doc": "settings"}))).await;
    assert_eq!(ranked(&both).len(), 2, "every filter must hold");
    let minute = retrieve(&api, query(json!({"doc": "a Minute"}))).await;
    assert_eq!(ranked(&minute), [("Rate limits".to_string(), 0.6667)]);

    let unknown = retrieve(&api, query(json!({"question": "how", "title": "api"}))).await;
    assert_eq!(
        unknown.problems(),
        [(
            json!(["body", "filters", "question"]),
            "value_error".into(),
            "Value error, context 'support-docs' has no column 'question'".into()
        )]
    );
    let faq = retrieve(&api, json!({"id": "faq", "query": "how", "filters": {"question": "invite"}})).await;
    assert_eq!(faq.body["results"][0]["title"], "Invitations", "faq has a question column");
}

#[tokio::test]
async fn retrieval_mistakes_are_each_named() {
    let api = start(small()).await;
    let long = "q".repeat(1001);
    let cases: Vec<(Value, Vec<(Value, &str)>)> = vec![
        (json!({}), vec![(json!(["body", "id"]), "missing"), (json!(["body", "query"]), "missing")]),
        (json!({"id": "faq", "query": ""}), vec![(json!(["body", "query"]), "string_too_short")]),
        (json!({"id": "faq", "query": long}), vec![(json!(["body", "query"]), "string_too_long")]),
        (json!({"id": "faq", "query": "x", "size": 0}), vec![(json!(["body", "size"]), "greater_than_equal")]),
        (json!({"id": "faq", "query": "x", "size": 51}), vec![(json!(["body", "size"]), "less_than_equal")]),
        (json!({"id": "faq", "query": "x", "size": "many"}), vec![(json!(["body", "size"]), "int_parsing")]),
        (json!({"id": "faq", "query": "x", "filters": ["title"]}), vec![(json!(["body", "filters"]), "dict_type")]),
        (
            json!({"id": "faq", "query": "x", "filters": {"title": 1}}),
            vec![(json!(["body", "filters", "title"]), "string_type")],
        ),
        (json!({"id": "nothing", "query": "x"}), vec![(json!(["body", "id"]), "value_error")]),
    ];
    for (body, expected) in cases {
        let refused = retrieve(&api, body.clone()).await;
        let found: Vec<(Value, String)> = refused.problems().into_iter().map(|(l, k, _)| (l, k)).collect();
        let expected: Vec<(Value, String)> = expected.into_iter().map(|(l, k)| (l, k.to_string())).collect();
        assert_eq!((refused.status, found), (422, expected), "{body}");
    }
    let unknown = retrieve(&api, json!({"id": "nothing", "query": "x"})).await;
    assert_eq!(unknown.problems()[0].2, "Value error, no model or context called 'nothing'");
    let bounds = retrieve(&api, json!({"id": "faq", "query": "x", "size": 0})).await;
    assert_eq!(bounds.problems()[0].2, "Input should be greater than or equal to 1");
    assert_eq!(retrieve(&api, json!({"id": "support-docs", "query": "password", "size": 50})).await.status, 200);
}

#[tokio::test]
async fn training_makes_or_retrains_a_model_on_an_existing_context() {
    let api = start(small()).await;
    let made =
        post(&api, "/v2/models/train", json!({"name": "faq-bot", "context": "faq", "generator": "arcee-lite"})).await;
    assert_eq!(made.status, 200, "{:?}", made.body);
    assert_eq!(made.body["message"], "Training started");
    let id = made.body["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("mdl_") && id != "mdl_support", "{id}");
    let found = retrieve(&api, json!({"id": id, "query": "rate limit"})).await;
    assert_eq!(found.body["results"][0]["context_name"], "faq", "the new model retrieves from its context");

    let again = post(&api, "/v2/models/train", json!({"id": "mdl_support"})).await;
    assert_eq!((again.status, &again.body), (200, &json!({"id": "mdl_support", "message": "Training started"})));
    let moved = post(&api, "/v2/models/train", json!({"id": "mdl_support", "context": "faq"})).await;
    assert_eq!(moved.body["id"], "mdl_support");
    let now_faq = retrieve(&api, json!({"id": "mdl_support", "query": "password"})).await;
    assert_eq!(now_faq.body["results"][0]["context_name"], "faq", "retraining with a context moves the model");
    let by_name = post(&api, "/v2/models/train", json!({"name": "faq-bot"})).await;
    assert_eq!(by_name.body["id"], json!(id), "a model's name retrains it");
    let trainings =
        api.sandbox.read(|s| s.arcee.models.iter().map(|m| (m.id.clone(), m.trainings)).collect::<Vec<_>>());
    assert_eq!(trainings, [("mdl_support".to_string(), 3), (id.clone(), 2)]);

    let no_context = post(&api, "/v2/models/train", json!({"name": "bare"})).await;
    let bare = no_context.body["id"].as_str().unwrap();
    let refused = retrieve(&api, json!({"id": bare, "query": "x"})).await;
    assert_eq!(refused.problems()[0].2, format!("Value error, model '{bare}' has no context"));

    let cases: Vec<(Value, Vec<(Value, &str)>)> = vec![
        (json!({}), vec![(json!(["body"]), "Value error, give an id or a name")]),
        (json!({"generator": "x"}), vec![(json!(["body"]), "Value error, give an id or a name")]),
        (json!({"id": "mdl_nothing"}), vec![(json!(["body", "id"]), "Value error, no model with id 'mdl_nothing'")]),
        (
            json!({"name": "new", "context": "nowhere"}),
            vec![(json!(["body", "context"]), "Value error, context 'nowhere' not found")],
        ),
        (
            json!({"id": "mdl_nothing", "context": "nowhere"}),
            vec![
                (json!(["body", "id"]), "Value error, no model with id 'mdl_nothing'"),
                (json!(["body", "context"]), "Value error, context 'nowhere' not found"),
            ],
        ),
        (
            json!({"id": "mdl_support", "name": "faq-bot"}),
            vec![(json!(["body", "name"]), "Value error, a model called 'faq-bot' already exists")],
        ),
        (json!({"name": 3}), vec![(json!(["body", "name"]), "Input should be a valid string")]),
    ];
    for (body, expected) in cases {
        let refused = post(&api, "/v2/models/train", body.clone()).await;
        let found: Vec<(Value, String)> = refused.problems().into_iter().map(|(l, _, m)| (l, m)).collect();
        let expected: Vec<(Value, String)> = expected.into_iter().map(|(l, m)| (l, m.to_string())).collect();
        assert_eq!((refused.status, found), (422, expected), "{body}");
    }
    assert_eq!(api.sandbox.read(|s| s.arcee.models.len()), 3, "refusals made no model");
}
