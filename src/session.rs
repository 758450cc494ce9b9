//! The connection: base URL and tokens, kept in this tab's `sessionStorage` and nowhere else, so a reload keeps
//! it, a new tab starts signed out, and closing the tab forgets it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{AuthScheme, Client, Dialect, TokenIdentity, TokenScope};

/// The one `sessionStorage` key the dashboard writes.
pub const STORAGE_KEY: &str = "geai-admin.connection";

/// A token with what it was found to be when it was pasted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credential {
    pub token: String,
    pub identity: TokenIdentity,
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

/// The session every screen reads, provided once by the app.
#[derive(Clone, Copy)]
pub struct Session {
    connection: RwSignal<Option<Connection>>,
}

impl Session {
    /// Reads the stored connection (a damaged entry counts as none) and provides the session as context.
    pub fn provide() -> Self {
        let session = Self { connection: RwSignal::new(load()) };
        provide_context(session);
        session
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
        store(&connection);
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

    pub fn sign_out(&self) {
        if let Some(storage) = storage() {
            // Nothing useful can be done if the browser refuses; the in-memory session is cleared regardless.
            let _ = storage.remove_item(STORAGE_KEY);
        }
        self.connection.set(None);
    }
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

fn load() -> Option<Connection> {
    let text = storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn store(connection: &Connection) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(connection)) {
        // A full or disabled storage only costs the reload: the session still works in memory.
        let _ = storage.set_item(STORAGE_KEY, &text);
    }
}
