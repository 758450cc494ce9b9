//! One error type for everything a call can end in: the server's refusals in any of their shapes, a body that
//! is not what was expected, a network failure, an abort, or a token the session does not have.

use std::fmt;

use serde_json::Value;

use super::scope::TokenScope;

/// One message the server gave: `{"id": 2005, "description": "Project Not Found"}` or its variants. Worded
/// for a person (with its id, or as "an HTML page") by `i18n::api_words`: this layer holds no text of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerMessage {
    pub id: Option<i64>,
    pub text: String,
    /// Whose words `text` is.
    pub said: Said,
}

/// What a message's text is: the server's own words, or a detail of something the dashboard itself noticed,
/// which `i18n::api_words` puts into a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// The server's words (or the browser's, for a failed connection), shown as they are.
    AsIs,
    /// The answer was an HTML page (a proxy's); `text` is its title, if it had one.
    HtmlPage,
    /// A successful answer from `path` was not the JSON expected; `text` says why.
    NotJson { path: String },
    /// An upload ended before the server answered.
    UploadCut,
    /// The browser would not attach the file to the upload; `text` says why.
    FileNotAttached,
}

impl ServerMessage {
    pub fn as_is(text: impl Into<String>) -> Self {
        Self { id: None, text: text.into(), said: Said::AsIs }
    }
}

/// What kind of failure: pages decide what to offer (connect again, retry, nothing) from this alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The session has no token of this scope.
    MissingToken(TokenScope),
    /// 401: the token is unknown, revoked or blocked.
    TokenRejected,
    /// The token is valid but of the other scope, or for another project (error 7, or a 403).
    OutOfScope,
    NotFound,
    /// Another 4xx: the server refused the input; its messages say why.
    Rejected,
    /// 5xx.
    ServerFailure,
    /// No response: the server is down, the URL is wrong, or the connection dropped.
    Network,
    /// The server answered, but the browser kept the answer from this page: the installation does not allow the
    /// page's origin (CORS). Told apart from [`ErrorKind::Network`] by a second, plain request (`http`).
    OriginRefused,
    /// A response that could not be read as the expected JSON.
    BadResponse,
    /// No answer within the connection's time limit: the request was given up.
    TimedOut,
    /// The screen that asked went away; nobody is waiting for the answer.
    Aborted,
}

/// One field's refusal in a FastAPI validation answer (Arcee's 422):
/// `{"loc": ["body", "invitees", 3], "msg": "value is not a valid email address: ...", "type": "value_error"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where, without the leading `body`, `path` or `query`: `["invitees", "3"]`; empty for the whole body.
    pub path: Vec<String>,
    pub message: String,
}

impl FieldError {
    /// Whether this is about the field `name` (or, with `index`, that item of the list `name`).
    pub fn is_about(&self, name: &str, index: Option<usize>) -> bool {
        let mut parts = self.path.iter();
        parts.next().is_some_and(|first| first == name)
            && match index {
                Some(index) => parts.next().is_some_and(|item| *item == index.to_string()),
                None => true,
            }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.is_empty() {
            true => f.write_str(&self.message),
            false => write!(f, "{}: {}", self.path.join(" "), self.message),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    pub messages: Vec<ServerMessage>,
    /// The fields a validation answer names, each with its reason; also listed in `messages` for display.
    pub fields: Vec<FieldError>,
    /// Whether Arcee answered: a rejected credential is then an API key, not a token.
    pub from_arcee: bool,
}

/// The platform's id for "ApiToken Out Of Scope" (shared/api/error-codes.tsv).
const OUT_OF_SCOPE_ID: i64 = 7;
/// The longest raw (non-JSON) body shown to a person.
const RAW_TEXT_LIMIT: usize = 200;

impl ApiError {
    pub fn new(kind: ErrorKind) -> Self {
        Self { kind, status: None, messages: Vec::new(), fields: Vec::new(), from_arcee: false }
    }

    pub fn missing_token(scope: TokenScope) -> Self {
        Self::new(ErrorKind::MissingToken(scope))
    }

    pub fn network(detail: impl Into<String>) -> Self {
        Self { messages: vec![ServerMessage::as_is(detail)], ..Self::new(ErrorKind::Network) }
    }

    pub fn bad_response(status: u16, detail: impl Into<String>) -> Self {
        Self::bad_response_said(status, ServerMessage::as_is(detail))
    }

    /// A body that could not be read, for the reason `message` gives.
    pub fn bad_response_said(status: u16, message: ServerMessage) -> Self {
        Self { status: Some(status), messages: vec![message], ..Self::new(ErrorKind::BadResponse) }
    }

    /// Reads an unsuccessful response: `{"errors": [..]}`, `{"error": {..}}`, ids as `id` or `code`, texts as
    /// `description`, `message` or `detail`, FastAPI's `{"detail": [{"loc", "msg", "type"}]}`, and failing all
    /// of that the raw text (an HTML page from a proxy, or nothing).
    pub fn from_response(status: u16, body: &str) -> Self {
        let fields = field_errors(body);
        let messages = if fields.is_empty() {
            messages_from_body(body)
        } else {
            fields.iter().map(|field| ServerMessage::as_is(field.to_string())).collect()
        };
        let kind = if messages.iter().any(|m| m.id == Some(OUT_OF_SCOPE_ID)) {
            ErrorKind::OutOfScope
        } else {
            match status {
                401 => ErrorKind::TokenRejected,
                403 => ErrorKind::OutOfScope,
                404 => ErrorKind::NotFound,
                400..=499 => ErrorKind::Rejected,
                _ => ErrorKind::ServerFailure,
            }
        };
        Self { kind, status: Some(status), messages, fields, from_arcee: false }
    }

    /// What the server said about the field `name` (or item `index` of the list `name`), joined when several.
    pub fn field_message(&self, name: &str, index: Option<usize>) -> Option<String> {
        let found: Vec<&str> =
            self.fields.iter().filter(|f| f.is_about(name, index)).map(|f| f.message.as_str()).collect();
        (!found.is_empty()).then(|| found.join(" "))
    }
}

/// FastAPI's validation list, if the body is one.
fn field_errors(body: &str) -> Vec<FieldError> {
    let Ok(json) = serde_json::from_str::<Value>(body.trim()) else {
        return Vec::new();
    };
    let Value::Array(details) = &json["detail"] else {
        return Vec::new();
    };
    details
        .iter()
        .filter_map(|detail| {
            let message = detail["msg"].as_str()?.to_string();
            let location = detail["loc"].as_array().map(Vec::as_slice).unwrap_or_default();
            let path = location
                .iter()
                .enumerate()
                .filter(|(i, part)| !(*i == 0 && matches!(part.as_str(), Some("body" | "path" | "query" | "header"))))
                .map(|(_, part)| match part {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            Some(FieldError { path, message })
        })
        .collect()
}

fn messages_from_body(body: &str) -> Vec<ServerMessage> {
    let trimmed = body.trim();
    if let Ok(json) = serde_json::from_str::<Value>(trimmed) {
        let listed: Vec<ServerMessage> = match (&json["errors"], &json["error"]) {
            (Value::Array(errors), _) => errors.iter().filter_map(message_from_value).collect(),
            (_, Value::Object(_)) => message_from_value(&json["error"]).into_iter().collect(),
            (_, Value::String(text)) => vec![ServerMessage::as_is(text.clone())],
            _ => message_from_value(&json).into_iter().collect(),
        };
        if !listed.is_empty() {
            return listed;
        }
    }
    if trimmed.is_empty() {
        return Vec::new();
    }
    vec![summarize_raw(trimmed)]
}

/// `{"id"|"code": .., "description"|"message"|"detail": ..}`; ids may come as numbers or numeric strings.
fn message_from_value(value: &Value) -> Option<ServerMessage> {
    let id = ["id", "code"].iter().find_map(|k| match &value[*k] {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    });
    let text = ["description", "message", "detail"].iter().find_map(|k| value[*k].as_str().map(str::to_string));
    match (id, text) {
        (None, None) => None,
        (id, text) => Some(ServerMessage { id, text: text.unwrap_or_default(), said: Said::AsIs }),
    }
}

/// An HTML page becomes its title (worded as a page); other text is cut to a readable length.
fn summarize_raw(text: &str) -> ServerMessage {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("<!doctype") || lower.starts_with("<html") {
        let title = lower
            .find("<title>")
            .and_then(|start| lower[start..].find("</title>").map(|end| (start + 7, start + end)))
            .map(|(from, to)| text[from..to].trim().to_string())
            .unwrap_or_default();
        return ServerMessage { id: None, text: title, said: Said::HtmlPage };
    }
    let mut cut: String = text.chars().take(RAW_TEXT_LIMIT).collect();
    if cut.len() < text.len() {
        cut.push('\u{2026}');
    }
    ServerMessage::as_is(cut)
}
