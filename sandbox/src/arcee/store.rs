//! The Arcee API's rules about its state: who a key belongs to, which organizations a user may act in, what
//! creating, deleting, uploading and training change. Handlers check the shape of a request (`validation`) before
//! calling these, and hold the sandbox's lock only for these short calls; nothing here awaits.

use tokio::time::Instant;

use super::error::{Answer, Refusal};
use super::model::{ApiKey, Context, Feedback, Model, Organization, OrganizationType, State};
use super::table::Table;
use super::validation::{body, Problem};
use crate::random::draw;

/// Who is calling: the owner of the key sent, and the organization the request acts in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    pub email: String,
    /// The organization's slug: `X-Arcee-Org`, or the user's default.
    pub organization: String,
}

/// What `POST /v2/models/train` asks for, its fields' shapes already checked.
#[derive(Debug, Default)]
pub struct Training {
    pub id: Option<String>,
    pub name: Option<String>,
    pub context: Option<String>,
    pub generator: Option<String>,
}

/// A name as a slug: lowercase ASCII letters and digits, each run of anything else one `-`, none at the ends.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(slug.trim_end_matches('-').len());
    slug
}

impl State {
    /// False for the empty state an older state file loads as.
    pub fn is_seeded(&self) -> bool {
        !self.users.is_empty()
    }

    /// The key's owner, acting in `organization` (a slug) or else their default organization.
    pub fn authenticate(&self, secret: &str, organization: Option<&str>, today: i64) -> Answer<Caller> {
        let key = self.keys.iter().find(|k| k.secret == secret).ok_or_else(Refusal::invalid_key)?;
        if key.is_expired(today) {
            return Err(Refusal::key_expired());
        }
        let organization = match organization {
            Some(slug) => self.member_organization(&key.owner, slug)?.slug.clone(),
            None => self
                .users
                .iter()
                .find(|u| u.email == key.owner)
                .map(|u| u.default_organization.clone())
                .ok_or_else(Refusal::invalid_key)?,
        };
        Ok(Caller { email: key.owner.clone(), organization })
    }

    /// The organization `slug`, if `email` is one of its members.
    pub fn member_organization(&self, email: &str, slug: &str) -> Answer<&Organization> {
        let organization =
            self.organizations.iter().find(|o| o.slug == slug).ok_or_else(|| Refusal::organization_not_found(slug))?;
        if !organization.has_member(email) {
            return Err(Refusal::not_a_member(slug));
        }
        Ok(organization)
    }

    /// The first key of `email` that has not expired, in the order keys were made.
    pub fn usable_key(&self, email: &str, today: i64) -> Option<String> {
        self.keys.iter().find(|k| k.owner == email && !k.is_expired(today)).map(|k| k.secret.clone())
    }

    /// The user's keys, newest first (of two made in the same millisecond, the later one first); expired ones too.
    pub fn keys_of(&self, email: &str) -> Vec<&ApiKey> {
        let mut keys: Vec<&ApiKey> = self.keys.iter().rev().filter(|k| k.owner == email).collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.created_ms));
        keys
    }

    /// A new key of `owner`, working at once; the expiry is checked by the caller.
    pub fn create_key(&mut self, owner: &str, expiry_day: i64, now_ms: i64) -> ApiKey {
        let (secret, id) = draw(&mut self.rng, |rng| (format!("arc_{}", rng.hex(32)), format!("tok_{}", rng.hex(12))));
        let key = ApiKey { id, secret, owner: owner.to_string(), expiry_day, created_ms: now_ms };
        self.keys.push(key.clone());
        key
    }

    /// Deletes one of `owner`'s keys: it stops working at once, even if it is the key of this very request.
    pub fn delete_key(&mut self, owner: &str, id: &str) -> Answer<()> {
        let index =
            self.keys.iter().position(|k| k.id == id && k.owner == owner).ok_or_else(Refusal::token_not_found)?;
        self.keys.remove(index);
        Ok(())
    }

    /// A new organization with `owner` as its member; `slug` is the name's, checked not empty by the caller.
    pub fn create_organization(
        &mut self,
        owner: &str,
        name: String,
        kind: OrganizationType,
        now_ms: i64,
    ) -> Answer<Organization> {
        let slug = slug(&name);
        if self.organizations.iter().any(|o| o.slug == slug) {
            return Err(Refusal::slug_taken(&slug));
        }
        let organization = Organization {
            name,
            slug,
            kind,
            created_ms: now_ms,
            members: vec![owner.to_string()],
            invited: Vec::new(),
        };
        self.organizations.push(organization.clone());
        Ok(organization)
    }

    /// Records invitations to `slug`, on behalf of one of its members; the addresses are checked by the caller.
    pub fn invite(&mut self, email: &str, slug: &str, addresses: &[String]) -> Answer<()> {
        self.member_organization(email, slug)?;
        if let Some(organization) = self.organizations.iter_mut().find(|o| o.slug == slug) {
            organization.invited.extend_from_slice(addresses);
        }
        Ok(())
    }

    pub fn context(&self, name: &str) -> Answer<&Context> {
        self.contexts.iter().find(|c| c.name == name).ok_or_else(|| Refusal::context_not_found(name))
    }

    /// Replaces the rows of the context `name`, creating it if new, and answers its id (the same for a name ever
    /// after). `processing_until` is when its retriever is ready, `None` for at once.
    pub fn upload(&mut self, name: &str, table: Table, processing_until: Option<Instant>) -> String {
        if let Some(context) = self.contexts.iter_mut().find(|c| c.name == name) {
            context.columns = table.columns;
            context.rows = table.rows;
            context.processing_until = processing_until;
            return context.id.clone();
        }
        let id = draw(&mut self.rng, |rng| format!("ctx_{}", rng.hex(12)));
        let context = Context {
            name: name.to_string(),
            id: id.clone(),
            columns: table.columns,
            rows: table.rows,
            processing_until,
        };
        self.contexts.push(context);
        id
    }

    /// Starts training: the model `id` again, the model called `name` again, or a new model called `name`. Fields
    /// given change the model. Unknown ids and contexts, and a new name another model has, are refused together.
    pub fn train(&mut self, training: Training, now_ms: i64) -> Answer<String> {
        let mut problems = Vec::new();
        let index = match &training.id {
            Some(id) => {
                let found = self.models.iter().position(|m| m.id == *id);
                if found.is_none() {
                    problems.push(Problem::value_error(
                        body("id"),
                        format!("no model with id '{id}'"),
                        &id.as_str().into(),
                    ));
                }
                found
            }
            None => training.name.as_ref().and_then(|name| self.models.iter().position(|m| m.name == *name)),
        };
        if let (Some(name), Some(id)) = (&training.name, &training.id) {
            if self.models.iter().any(|m| m.name == *name && m.id != *id) {
                let why = format!("a model called '{name}' already exists");
                problems.push(Problem::value_error(body("name"), why, &name.as_str().into()));
            }
        }
        if let Some(context) = &training.context {
            if self.context(context).is_err() {
                let why = format!("context '{context}' not found");
                problems.push(Problem::value_error(body("context"), why, &context.as_str().into()));
            }
        }
        Refusal::unless_valid(problems)?;
        let model = match index {
            Some(index) => &mut self.models[index],
            None => {
                let id = draw(&mut self.rng, |rng| format!("mdl_{}", rng.hex(12)));
                let name = training.name.clone().unwrap_or_else(|| id.clone());
                let model = Model { id, name, context: None, generator: None, trainings: 0, trained_ms: now_ms };
                self.models.push(model);
                self.models.last_mut().expect("just pushed")
            }
        };
        if let Some(name) = training.name {
            model.name = name;
        }
        if training.context.is_some() {
            model.context = training.context;
        }
        if training.generator.is_some() {
            model.generator = training.generator;
        }
        model.trainings += 1;
        model.trained_ms = now_ms;
        Ok(model.id.clone())
    }

    /// The context a retrieval searches: that of the model `id`, or the context called `id`.
    pub fn retriever(&self, id: &str) -> Result<&Context, Problem> {
        let input = id.into();
        if let Some(model) = self.models.iter().find(|m| m.id == id) {
            let context = model.context.as_deref().and_then(|name| self.context(name).ok());
            return context
                .ok_or_else(|| Problem::value_error(body("id"), format!("model '{id}' has no context"), &input));
        }
        self.context(id)
            .map_err(|_| Problem::value_error(body("id"), format!("no model or context called '{id}'"), &input))
    }

    pub fn add_feedback(&mut self, feedback: Feedback) {
        self.feedback.push(feedback);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arcee::seed;

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        for (name, expected) in [
            ("Sandbox Labs", "sandbox-labs"),
            ("  R&D -- Team 2! ", "r-d-team-2"),
            ("ACME", "acme"),
            ("Café Ops", "caf-ops"),
            ("!!!", ""),
            ("日本", ""),
        ] {
            assert_eq!(slug(name), expected, "{name}");
        }
    }

    #[test]
    fn keys_authenticate_until_they_expire_or_are_deleted() {
        let today = 20_000;
        let mut state = seed::state(42, today);
        let main = state.keys[0].clone();
        assert_eq!(
            state.authenticate(&main.secret, None, today),
            Ok(Caller { email: seed::USER.into(), organization: seed::ORGANIZATION.into() })
        );
        assert_eq!(
            state.authenticate(&main.secret, None, main.expiry_day),
            Ok(Caller { email: seed::USER.into(), organization: seed::ORGANIZATION.into() }),
            "its last day"
        );
        assert_eq!(state.authenticate(&main.secret, None, main.expiry_day + 1), Err(Refusal::key_expired()));
        assert_eq!(state.authenticate(&main.secret, Some("nope"), today), Err(Refusal::organization_not_found("nope")));
        assert_eq!(
            state.authenticate(&main.secret, Some(seed::OTHER_ORGANIZATION), today),
            Err(Refusal::not_a_member("other-co"))
        );
        state.delete_key(seed::USER, &main.id).unwrap();
        assert_eq!(state.authenticate(&main.secret, None, today), Err(Refusal::invalid_key()));
        let other = state.keys.iter().find(|k| k.owner == seed::OTHER_USER).unwrap().id.clone();
        assert_eq!(state.delete_key(seed::USER, &other), Err(Refusal::token_not_found()));
    }
}
