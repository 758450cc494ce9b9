//! Project API tokens after their project's creation (`/v2/projects/tokens`): new ones, blocking and unblocking,
//! revocation. Authentication reads the result (`Store::authenticate`): only an Active token is let in, so a
//! token blocked or revoked here is refused by the very next call it is sent with.

use crate::error::{ApiError, ApiResult};
use crate::model::{ApiToken, Project, TokenStatus};
use crate::store::Store;

/// A token as a client asks for it; validated by `Store::create_token`.
#[derive(Debug, Default)]
pub struct NewToken {
    pub name: String,
    pub description: Option<String>,
}

/// A client's change to a token; `None` leaves a field as it was.
#[derive(Debug, Default)]
pub struct TokenUpdate {
    pub description: Option<String>,
    /// `Some(true)` blocks, `Some(false)` unblocks (makes it Active again).
    pub blocked: Option<bool>,
}

impl Store {
    /// A new Active token of the project, its secret drawn as the seeded ones are. Names need not be unique: the
    /// seed already gives projects two tokens of different names, and the platform says nothing of uniqueness.
    pub fn create_token(&mut self, project_id: &str, new: NewToken) -> ApiResult<ApiToken> {
        let index = self.projects.iter().position(|p| p.id == project_id).ok_or_else(ApiError::project_not_found)?;
        let name = new.name.trim();
        if name.is_empty() {
            return Err(ApiError::name_empty());
        }
        let token = ApiToken {
            id: self.draw(|rng| rng.secret("geai_prj")),
            name: name.to_string(),
            description: new.description,
            blocked: false,
            revoked_ms: None,
            created_ms: self.now_ms,
        };
        self.projects[index].tokens.push(token.clone());
        Ok(token)
    }

    /// The token whose secret is `id`, with its project; revoked ones too (they stay listed).
    pub fn token(&self, id: &str) -> ApiResult<(&Project, &ApiToken)> {
        self.projects
            .iter()
            .find_map(|p| p.tokens.iter().find(|t| t.id == id).map(|t| (p, t)))
            .ok_or_else(ApiError::token_not_found)
    }

    /// Describes, blocks or unblocks a token. A revoked one is refused with 409: revocation is for good.
    pub fn update_token(&mut self, id: &str, update: TokenUpdate) -> ApiResult<()> {
        let token = self.token_mut(id)?;
        if token.status() == TokenStatus::Revoked {
            return Err(ApiError::conflict("the token is revoked, and a revoked token cannot be changed"));
        }
        if let Some(description) = update.description {
            token.description = Some(description);
        }
        if let Some(blocked) = update.blocked {
            token.blocked = blocked;
        }
        Ok(())
    }

    /// Revokes a token: it stays listed with status Revoked and is refused from now on. Revoking a revoked token
    /// again changes nothing and is not an error, so a client may retry a revocation whose answer it lost.
    pub fn revoke_token(&mut self, id: &str) -> ApiResult<()> {
        let now_ms = self.now_ms;
        let token = self.token_mut(id)?;
        if token.revoked_ms.is_none() {
            token.revoked_ms = Some(now_ms);
            token.blocked = true;
        }
        Ok(())
    }

    fn token_mut(&mut self, id: &str) -> ApiResult<&mut ApiToken> {
        self.projects
            .iter_mut()
            .find_map(|p| p.tokens.iter_mut().find(|t| t.id == id))
            .ok_or_else(ApiError::token_not_found)
    }
}
