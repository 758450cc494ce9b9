//! Every Arcee call as data, below a base URL that ends in `/v2`. The scope field is the Organization API's
//! (which of its tokens to send) and means nothing here: Arcee has one kind of key.

use super::input::{NewFeedback, NewKey, NewOrganization, RetrievalQuery, Training};
use crate::api::endpoint::{encode, Endpoint, Method};
use crate::api::scope::EndpointScope;

/// A GET of `path`; `sending` turns it into another method.
fn call(path: String) -> Endpoint {
    Endpoint::new(path, EndpointScope::Either)
}

fn post<T: serde::Serialize>(path: String, body: &T) -> Endpoint {
    call(path).sending(Method::Post, serde_json::to_string(body).ok())
}

pub fn whoami() -> Endpoint {
    call("/whoami".into())
}

pub fn keys() -> Endpoint {
    call("/tokens".into())
}

/// `POST /tokens`: the answer carries the new key, and only this answer.
pub fn create_key(expiry: &str) -> Endpoint {
    post("/tokens".into(), &NewKey { expiry: expiry.to_string() })
}

pub fn delete_key(id: &str) -> Endpoint {
    call(format!("/tokens/{}", encode(id))).sending(Method::Delete, None)
}

pub fn create_organization(organization: &NewOrganization) -> Endpoint {
    post("/organizations".into(), organization)
}

/// `POST /organizations/{slug}/invite` with `{"invitees": [...]}`.
pub fn invite(organization: &str, invitees: &[String]) -> Endpoint {
    post(format!("/organizations/{}/invite", encode(organization)), &serde_json::json!({ "invitees": invitees }))
}

/// `POST /contexts/{name}/csv`; the multipart body is not JSON, so it is sent by `http::upload`, not here.
pub fn upload_csv(context: &str) -> Endpoint {
    call(format!("/contexts/{}/csv", encode(context))).sending(Method::Post, None)
}

pub fn retriever_status(context: &str) -> Endpoint {
    call(format!("/retrievers/status/{}", encode(context)))
}

/// `POST /models/train`: answered with the model's id as soon as training starts.
pub fn train(training: &Training) -> Endpoint {
    post("/models/train".into(), training)
}

pub fn retrieve(query: &RetrievalQuery) -> Endpoint {
    post("/models/retrieve".into(), query)
}

pub fn feedback(feedback: &NewFeedback) -> Endpoint {
    post("/feedback".into(), feedback)
}
