//! The connections: an Organization API installation (base URL and tokens) and an Arcee one (base URL and
//! key), each kept in this tab's `sessionStorage` and nowhere else, so a reload keeps them, a new tab starts
//! signed out, and closing the tab forgets them. Either, both or neither may be connected.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::api::arcee::ArceeClient;
use std::cell::Cell;

use crate::api::{ApiError, AuthScheme, Client, Dialect, ErrorKind, TokenIdentity, TokenScope};
use crate::i18n::t;

/// The `sessionStorage` key of the Organization API connection.
pub const STORAGE_KEY: &str = "geai-admin.connection";
/// The `sessionStorage` key of the Arcee connection; absent unless one is connected.
pub const ARCEE_STORAGE_KEY: &str = "geai-admin.arcee";

/// A token with what it was found to be when it was pasted. Its `Debug` shows the token masked.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credential {
    pub token: String,
    pub identity: TokenIdentity,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential").field("token", &self.masked()).field("identity", &self.identity).finish()
    }
}

impl Credential {
    pub fn masked(&self) -> String {
        crate::format::mask(&self.token)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub base_url: String,
    pub organization: Option<Credential>,
    pub project: Option<Credential>,
    /// How the tokens are sent; absent in a session stored before the choice existed, hence the default.
    #[serde(default)]
    pub auth: AuthScheme,
    /// What the server speaks, found when the tokens were checked; decides the fields the edit form offers.
    #[serde(default)]
    pub dialect: Dialect,
    /// Seconds before a request is given up; `None` is the client's default.
    #[serde(default)]
    pub timeout_secs: Option<u32>,
}

impl Connection {
    pub fn credential(&self, scope: TokenScope) -> Option<&Credential> {
        match scope {
            TokenScope::Organization => self.organization.as_ref(),
            TokenScope::Project => self.project.as_ref(),
        }
    }

    pub fn client(&self) -> Client {
        Client {
            base_url: self.base_url.clone(),
            organization_token: self.organization.as_ref().map(|c| c.token.clone()),
            project_token: self.project.as_ref().map(|c| c.token.clone()),
            auth: self.auth,
            timeout_secs: self.timeout_secs,
        }
    }
}

/// An Arcee installation: where, the key, and what `whoami` said when the key was checked. Its `Debug` masks
/// the key.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArceeConnection {
    /// Ends in `/v2`.
    pub base_url: String,
    pub key: String,
    /// The organization slug sent as `X-Arcee-Org`; `None` acts in the user's default organization.
    #[serde(default)]
    pub organization: Option<String>,
    /// The key's user, from `whoami`.
    #[serde(default)]
    pub email: String,
    /// The organization `whoami` said calls act in.
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub timeout_secs: Option<u32>,
}

impl std::fmt::Debug for ArceeConnection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ArceeConnection")
            .field("base_url", &self.base_url)
            .field("key", &self.masked_key())
            .field("organization", &self.organization)
            .field("email", &self.email)
            .finish()
    }
}

impl ArceeConnection {
    pub fn client(&self) -> ArceeClient {
        ArceeClient {
            base_url: self.base_url.clone(),
            key: self.key.clone(),
            organization: self.organization.clone(),
            timeout_secs: self.timeout_secs,
        }
    }

    pub fn masked_key(&self) -> String {
        crate::format::mask(&self.key)
    }
}

/// The session every screen reads, provided once by the app.
#[derive(Clone, Copy)]
pub struct Session {
    connection: RwSignal<Option<Connection>>,
    arcee: RwSignal<Option<ArceeConnection>>,
}

impl Session {
    /// Reads the stored connections (a damaged entry counts as none) and provides the session as context.
    pub fn provide() -> Self {
        let session =
            Self { connection: RwSignal::new(load(STORAGE_KEY)), arcee: RwSignal::new(load(ARCEE_STORAGE_KEY)) };
        provide_context(session);
        session
    }

    pub fn arcee(&self) -> Option<ArceeConnection> {
        self.arcee.get()
    }

    pub fn has_arcee(&self) -> bool {
        self.arcee.with(Option::is_some)
    }

    /// A client for the Arcee connection, untracked for the reason given at [`Session::client`].
    pub fn arcee_client(&self) -> Option<ArceeClient> {
        self.arcee.with_untracked(|c| c.as_ref().map(ArceeConnection::client))
    }

    pub fn connect_arcee(&self, connection: ArceeConnection) {
        store(ARCEE_STORAGE_KEY, &connection);
        self.arcee.set(Some(connection));
    }

    /// Forgets the Arcee connection only; the Organization API's stays.
    pub fn disconnect_arcee(&self) {
        remove(ARCEE_STORAGE_KEY);
        self.arcee.set(None);
    }

    /// Forgets the Organization API connection only; Arcee's stays.
    pub fn disconnect_organization_api(&self) {
        remove(STORAGE_KEY);
        connection_changed();
        self.connection.set(None);
    }

    /// Whether anything at all is connected.
    pub fn is_signed_in(&self) -> bool {
        self.is_connected() || self.has_arcee()
    }

    pub fn connection(&self) -> Option<Connection> {
        self.connection.get()
    }

    pub fn is_connected(&self) -> bool {
        self.connection.with(Option::is_some)
    }

    /// A client for the current connection; without one, every call says which token is missing.
    ///
    /// Untracked on purpose: a resource that calls this is not refetched when a token changes (picking a
    /// project token on a project's screen must not reload that screen under the user's focus). Screens load
    /// with the connection they are opened with; connecting again goes through the connect screen.
    pub fn client(&self) -> Client {
        self.connection.with_untracked(|c| c.as_ref().map(Connection::client).unwrap_or_default())
    }

    pub fn connect(&self, connection: Connection) {
        store(STORAGE_KEY, &connection);
        connection_changed();
        self.connection.set(Some(connection));
    }

    /// Replaces the token of one scope, keeping the rest of the connection: a token pasted again after a 401,
    /// or a project's token picked for assistants and requests.
    pub fn set_credential(&self, scope: TokenScope, credential: Credential) {
        let Some(mut connection) = self.connection.get_untracked() else {
            return;
        };
        match scope {
            TokenScope::Organization => connection.organization = Some(credential),
            TokenScope::Project => connection.project = Some(credential),
        }
        self.connect(connection);
    }

    /// Forgets both connections.
    pub fn sign_out(&self) {
        self.disconnect_organization_api();
        self.disconnect_arcee();
    }
}

/// Why a pasted token was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenCheckFailed {
    /// The server refused it, or could not be asked (`ErrorKind` says which).
    Api(ApiError),
    /// A valid token, of the other scope than the field it was pasted in.
    WrongField(&'static str),
}

impl TokenCheckFailed {
    /// The server answered but the browser kept the answer from this page (CORS): nothing about the token.
    pub fn origin_refused(&self) -> bool {
        matches!(self, Self::Api(error) if error.kind == ErrorKind::OriginRefused)
    }
}

impl std::fmt::Display for TokenCheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Api(error) => error.fmt(f),
            Self::WrongField(text) => f.write_str(text),
        }
    }
}

/// `Ok(None)` for an empty field; otherwise the checked credential with the server's dialect, or what is wrong
/// with it. Also used where a token is pasted again after the server rejected the session's.
pub async fn check_token(
    base_url: &str,
    token: &str,
    expected: TokenScope,
    auth: AuthScheme,
    timeout_secs: Option<u32>,
) -> Result<Option<(Credential, Dialect)>, TokenCheckFailed> {
    let token = token.trim();
    if token.is_empty() {
        return Ok(None);
    }
    let found = Client::identify(base_url, token, auth, timeout_secs).await.map_err(TokenCheckFailed::Api)?;
    let scope = found.identity.scope;
    if scope != expected {
        // Named by the field it was pasted in: the other scope's.
        return Err(TokenCheckFailed::WrongField(match expected {
            TokenScope::Organization => t().connect().wrong_organization_field,
            TokenScope::Project => t().connect().wrong_project_field,
        }));
    }
    Ok(Some((Credential { token: token.to_string(), identity: found.identity }, found.dialect)))
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The page's own origin: where the sandbox serves both the dashboard and the API.
pub fn default_base_url() -> String {
    window().location().origin().unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn store<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) {
        // A full or disabled storage only costs the reload: the session still works in memory.
        let _ = storage.set_item(key, &text);
    }
}

fn remove(key: &str) {
    if let Some(storage) = storage() {
        // Nothing useful can be done if the browser refuses; the in-memory session is cleared regardless.
        let _ = storage.remove_item(key);
    }
}

thread_local! {
    /// Bumped each time this tab creates, changes or deletes a project (see `projects_changed`).
    static PROJECTS_GENERATION: Cell<u64> = const { Cell::new(0) };
    /// Bumped each time the Organization API connection is made, changed or forgotten.
    static CONNECTION_GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// The connection was made, changed or forgotten (see `connection_generation`).
pub(crate) fn connection_changed() {
    CONNECTION_GENERATION.with(|generation| generation.set(generation.get() + 1));
}

/// Which Organization API connection (which tokens) answers fetched now belong to: what a screen keeps of
/// them beyond its own life must be dropped when this changes, so that whoever signs in next in this tab sees
/// only what their own tokens let the server show them.
pub fn connection_generation() -> u64 {
    CONNECTION_GENERATION.with(Cell::get)
}

/// This tab created, renamed, hid or deleted a project: lists kept elsewhere (the palette's) are out of date
/// and are fetched again when next needed.
pub fn projects_changed() {
    PROJECTS_GENERATION.with(|generation| generation.set(generation.get() + 1));
}

/// Which change of the projects a list fetched now reflects.
pub fn projects_generation() -> u64 {
    PROJECTS_GENERATION.with(Cell::get)
}
