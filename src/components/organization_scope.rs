//! What the organization's own calls (members, roles, policies) need: an organization token, and the
//! organization's id, which the token check reported. Without either, a screen says which is missing, with the
//! way to fix it, instead of failing a call.

use leptos::prelude::*;

use crate::api::{ApiError, TokenScope};
use crate::components::ErrorPanel;
use crate::i18n::t;
use crate::session::use_session;

/// The organization's id, or what to show in the screen's place.
pub fn organization_id_or_reason() -> Result<String, AnyView> {
    let credential = use_session().connection().and_then(|connection| connection.organization);
    let Some(credential) = credential else {
        return Err(view! { <ErrorPanel error=ApiError::missing_token(TokenScope::Organization) /> }.into_any());
    };
    credential
        .identity
        .organization_id
        .ok_or_else(|| view! { <p class="empty">{t().members().needs_organization_id}</p> }.into_any())
}
