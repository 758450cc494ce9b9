//! The Arcee client: the key in the `X-Token` header and nowhere else, the organization in `X-Arcee-Org` when
//! the connection names one; every request goes through `http`.

use super::endpoint;
use super::input::{NewFeedback, NewOrganization, RetrievalQuery, Training};
use super::model::{
    ApiKey, ContextUpload, CreatedKey, CreatedOrganization, Invited, KeyList, Organization, RetrievalResult, Retrieved,
    RetrieverStatus, Trained, Whoami,
};
use crate::api::error::{ApiError, Said, ServerMessage};
use crate::api::http::{read_json, send, send_text, upload, Target};

/// Where to call and with which key; built from the session for each call. Its `Debug` masks the key.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ArceeClient {
    /// Ends in `/v2` (see `normalize_base_url`).
    pub base_url: String,
    pub key: String,
    /// The organization's slug, sent as `X-Arcee-Org`; `None` acts in the user's default organization.
    pub organization: Option<String>,
    pub timeout_secs: Option<u32>,
}

impl std::fmt::Debug for ArceeClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArceeClient")
            .field("base_url", &self.base_url)
            .field("key", &crate::format::mask(&self.key))
            .field("organization", &self.organization)
            .finish()
    }
}

impl ArceeClient {
    /// Who the key belongs to, and the organization calls act in: how a pasted key is checked.
    pub async fn whoami(&self) -> Result<Whoami, ApiError> {
        send(&self.target(), &endpoint::whoami()).await
    }

    pub async fn keys(&self) -> Result<Vec<ApiKey>, ApiError> {
        let list: KeyList = send(&self.target(), &endpoint::keys()).await?;
        Ok(list.tokens)
    }

    /// A new key expiring on `expiry` (`YYYY-MM-DD`); its secret is in this answer only.
    pub async fn create_key(&self, expiry: &str) -> Result<CreatedKey, ApiError> {
        send(&self.target(), &endpoint::create_key(expiry)).await
    }

    pub async fn delete_key(&self, id: &str) -> Result<(), ApiError> {
        send_text(&self.target(), &endpoint::delete_key(id)).await.map(drop)
    }

    pub async fn create_organization(&self, organization: &NewOrganization) -> Result<Organization, ApiError> {
        let created: CreatedOrganization = send(&self.target(), &endpoint::create_organization(organization)).await?;
        Ok(created.organization)
    }

    /// Invites `invitees` to the organization `slug`. A 422 names each refused address by its index.
    pub async fn invite(&self, slug: &str, invitees: &[String]) -> Result<Invited, ApiError> {
        send(&self.target(), &endpoint::invite(slug, invitees)).await
    }

    /// Uploads `file` as the rows of `context`, reporting the share sent to `on_progress`.
    pub async fn upload_context(
        &self,
        context: &str,
        file: &web_sys::File,
        on_progress: impl Fn(f64) + 'static,
    ) -> Result<ContextUpload, ApiError> {
        let endpoint = endpoint::upload_csv(context);
        // The browser refusing to build a form is not the server's doing: said as a bad request of ours.
        let refused = |e: wasm_bindgen::JsValue| {
            ApiError::bad_response_said(
                0,
                ServerMessage { id: None, text: format!("{e:?}"), said: Said::FileNotAttached },
            )
        };
        let form = web_sys::FormData::new().map_err(refused)?;
        form.append_with_blob_and_filename("file", file, &file.name()).map_err(refused)?;
        let (status, body) = upload(&self.target(), &endpoint, &form, on_progress).await?;
        let mut answer: ContextUpload = read_json(status, &body, &endpoint.path)?;
        answer.processing = status == 202;
        Ok(answer)
    }

    pub async fn retriever_status(&self, context: &str) -> Result<RetrieverStatus, ApiError> {
        send(&self.target(), &endpoint::retriever_status(context)).await
    }

    /// Starts training a model; a 422 names the field it refuses (`id`, `name`, `context`, `generator`), or
    /// the whole body when neither an id nor a name was given.
    pub async fn train(&self, training: &Training) -> Result<Trained, ApiError> {
        send(&self.target(), &endpoint::train(training)).await
    }

    pub async fn retrieve(&self, query: &RetrievalQuery) -> Result<Vec<RetrievalResult>, ApiError> {
        let retrieved: Retrieved = send(&self.target(), &endpoint::retrieve(query)).await?;
        Ok(retrieved.results)
    }

    /// Sends feedback; Arcee answers 202 with a message. Returns the status and that message, if any.
    pub async fn feedback(&self, feedback: &NewFeedback) -> Result<(u16, Option<String>), ApiError> {
        let (status, body) = send_text(&self.target(), &endpoint::feedback(feedback)).await?;
        let message = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|answer| answer["message"].as_str().map(str::to_string));
        Ok((status, message))
    }

    fn target(&self) -> Target<'_> {
        let target = Target::new(&self.base_url, ("X-Token", self.key.clone()), self.timeout_secs).arcee();
        match self.organization.as_deref().map(str::trim) {
            Some(slug) if !slug.is_empty() => target.with_header("X-Arcee-Org", slug.to_string()),
            _ => target,
        }
    }
}
