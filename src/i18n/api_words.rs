//! The API's values in the user's words: an error's headline and messages, a project's status, a token's scope.
//! Kept here, beside the texts they read, so that the `api` layer holds no text of its own.

use std::fmt;

use super::t;
use crate::api::{ApiError, ErrorKind, ProjectStatus, Said, ServerMessage, TokenScope};

impl fmt::Display for ServerMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let texts = t().common();
        match (&self.said, self.id) {
            (Said::HtmlPage, _) if self.text.is_empty() => f.write_str(texts.html_page),
            (Said::HtmlPage, _) => f.write_str(&texts.html_page_titled(&self.text)),
            (Said::NotJson { path }, _) => f.write_str(&texts.expected_json(path, &self.text)),
            (Said::UploadCut, _) => f.write_str(texts.upload_failed),
            (Said::FileNotAttached, _) => f.write_str(&texts.file_not_attached(&self.text)),
            (Said::AsIs, Some(id)) => f.write_str(&texts.server_message_id(&self.text, id)),
            (Said::AsIs, None) => f.write_str(&self.text),
        }
    }
}

impl ApiError {
    /// One sentence for a person: what happened, before the server's own words.
    pub fn headline(&self) -> String {
        let texts = t().common();
        let fixed = match self.kind {
            ErrorKind::MissingToken(scope) => return texts.error_missing_token(scope.article_name()),
            ErrorKind::TokenRejected if self.from_arcee => texts.error_key_rejected,
            ErrorKind::TokenRejected => texts.error_token_rejected,
            ErrorKind::OutOfScope => texts.error_out_of_scope,
            ErrorKind::NotFound => texts.error_not_found,
            ErrorKind::Rejected => texts.error_rejected,
            ErrorKind::ServerFailure => match self.status {
                Some(status) => return texts.error_server_failed_status(status),
                None => texts.error_server_failed,
            },
            ErrorKind::Network => texts.error_network,
            ErrorKind::OriginRefused => texts.error_origin_refused,
            ErrorKind::BadResponse => texts.error_bad_response,
            ErrorKind::TimedOut => texts.error_timed_out,
            ErrorKind::Aborted => texts.error_aborted,
        };
        fixed.to_string()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        for message in &self.messages {
            write!(f, " {message}.")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ProjectStatus {
    pub fn label(self) -> String {
        match self {
            Self::Active => t().common().project_active.into(),
            Self::Deleted => t().common().project_deleted.into(),
            Self::Hidden => t().common().project_hidden.into(),
            Self::Other(code) => t().common().project_status_code(code),
        }
    }
}

impl TokenScope {
    /// `organization token`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Organization => t().common().organization_token,
            Self::Project => t().common().project_token,
        }
    }

    /// `an organization token`.
    pub fn article_name(self) -> &'static str {
        match self {
            Self::Organization => t().common().an_organization_token,
            Self::Project => t().common().a_project_token,
        }
    }
}
