//! The usage limits a store keeps (`/v2/usageLimits/...`): whose they are, their history, the one in force, the
//! changes clients make, and the refusal once a hard limit is reached.
//!
//! Each project and the organization keep every limit they have had, oldest first. A new limit replaces the one
//! in force: that one becomes Cancelled (status 4) and stays in the history, so `GET .../limits` shows what
//! governed when. Deleting a limit removes it from the history altogether.

use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::{LimitStatus, Named, UsageLimit};
use crate::store::Store;
use crate::usage::{self, Evaluated, Used};
use crate::usage_limit::{LimitChange, NewLimit};

/// Whose limits a call is about, once its path has been checked against the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LimitOwner {
    Organization,
    Project(String),
}

impl Store {
    /// The owner named by a path: the organization (`project_id` absent) or one of its projects. An organization
    /// id that is not this one is 2004, an unknown project 2005.
    pub fn limit_owner(&self, organization_id: &str, project_id: Option<&str>) -> ApiResult<LimitOwner> {
        if organization_id != self.organization.id {
            return Err(ApiError::organization_not_found());
        }
        match project_id {
            None => Ok(LimitOwner::Organization),
            Some(id) => Ok(LimitOwner::Project(self.project(id)?.id.clone())),
        }
    }

    /// The owner's limits, oldest first. An owner that no longer exists has none.
    pub fn limits(&self, owner: &LimitOwner) -> &[UsageLimit] {
        match owner {
            LimitOwner::Organization => &self.organization.usage_limits,
            LimitOwner::Project(id) => self.projects.iter().find(|p| p.id == *id).map_or(&[], |p| &p.usage_limits),
        }
    }

    /// The project's or organization's name: a limit's `relatedEntityName`.
    pub fn limit_owner_name(&self, owner: &LimitOwner) -> &str {
        match owner {
            LimitOwner::Organization => &self.organization.name,
            LimitOwner::Project(id) => self.projects.iter().find(|p| p.id == *id).map_or("", |p| &p.name),
        }
    }

    /// What the owner's logs hold within the limit's period: a project's own log, or all of the organization's.
    pub fn used(&self, owner: &LimitOwner, limit: &UsageLimit) -> Used {
        let (from, until) = (limit.valid_from_ms, limit.valid_until_ms);
        match owner {
            LimitOwner::Organization => {
                self.projects.iter().map(|p| usage::of_project(p, from, until)).fold(Used::default(), |a, b| a + b)
            }
            LimitOwner::Project(id) => self
                .projects
                .iter()
                .find(|p| p.id == *id)
                .map(|p| usage::of_project(p, from, until))
                .unwrap_or_default(),
        }
    }

    pub fn evaluate(&self, owner: &LimitOwner, limit: &UsageLimit) -> Evaluated {
        usage::evaluate(limit, self.used(owner, limit), self.now_ms)
    }

    /// The newest limit still in force (shown Active or Empty), if any.
    pub fn active_limit(&self, owner: &LimitOwner) -> Option<&UsageLimit> {
        self.limits(owner).iter().rev().find(|l| usage::in_force(l, self.now_ms))
    }

    /// The limit a project's details show as `usageLimit`: the one in force, else the newest (Expired or
    /// Cancelled), as the vendor's console reads "Expired" or "Cancelled" and says "No limits" only when none
    /// was ever defined.
    pub fn shown_limit(&self, owner: &LimitOwner) -> Option<&UsageLimit> {
        self.active_limit(owner).or_else(|| self.limits(owner).last())
    }

    /// Adds a limit; the one in force, if any, becomes Cancelled.
    pub fn add_limit(&mut self, owner: &LimitOwner, new: NewLimit) -> ApiResult<UsageLimit> {
        let limit = new.into_limit(self.draw(|rng| rng.guid()));
        let now_ms = self.now_ms;
        let limits = self.limits_mut(owner)?;
        for old in limits.iter_mut().filter(|l| usage::in_force(l, now_ms)) {
            old.status = LimitStatus::Cancelled;
        }
        limits.push(limit.clone());
        Ok(limit)
    }

    /// Removes a limit from the owner's history.
    pub fn delete_limit(&mut self, owner: &LimitOwner, id: &str) -> ApiResult<()> {
        let limits = self.limits_mut(owner)?;
        let index = limits.iter().position(|l| l.id == id).ok_or_else(|| limit_not_found(id))?;
        limits.remove(index);
        Ok(())
    }

    /// `PUT .../limits/{id}/{field}`: one field changed, checked as on creation, `hardLimit >= softLimit` kept.
    /// A cancelled limit is history and is refused with 409; an expired one may still be corrected.
    pub fn change_limit(&mut self, owner: &LimitOwner, id: &str, field: &str, body: &Value) -> ApiResult<UsageLimit> {
        let limit = self.limits_mut(owner)?.iter_mut().find(|l| l.id == id).ok_or_else(|| limit_not_found(id))?;
        if limit.status == LimitStatus::Cancelled {
            return Err(ApiError::conflict("the usage limit is cancelled, and a cancelled limit cannot be changed"));
        }
        LimitChange::from_json(field, body, limit.usage_unit)?.apply(limit)?;
        Ok(limit.clone())
    }

    /// Refuses a project's project-scope calls once its limit in force, or the organization's, has reached its
    /// hard limit (status Empty): the platform refuses further requests (FACTS.md). Organization-token calls about
    /// the project are not refused, so it can still be seen and its limit raised.
    pub fn require_quota(&self, project_id: &str) -> ApiResult<()> {
        for (owner, who) in
            [(LimitOwner::Project(project_id.to_string()), "project"), (LimitOwner::Organization, "organization")]
        {
            let Some(limit) = self.active_limit(&owner) else { continue };
            let evaluated = self.evaluate(&owner, limit);
            if evaluated.status == LimitStatus::Empty {
                return Err(ApiError::quota_exceeded(format!(
                    "{who} '{}' has used {} of its hard limit of {} {} (usage limit {})",
                    self.limit_owner_name(&owner),
                    evaluated.used_amount,
                    limit.hard_limit,
                    limit.usage_unit.name(),
                    limit.id
                )));
            }
        }
        Ok(())
    }

    fn limits_mut(&mut self, owner: &LimitOwner) -> ApiResult<&mut Vec<UsageLimit>> {
        match owner {
            LimitOwner::Organization => Ok(&mut self.organization.usage_limits),
            LimitOwner::Project(id) => self
                .projects
                .iter_mut()
                .find(|p| p.id == *id)
                .map(|p| &mut p.usage_limits)
                .ok_or_else(ApiError::project_not_found),
        }
    }
}

fn limit_not_found(id: &str) -> ApiError {
    ApiError::limit_not_found(format!("no usage limit {id} here"))
}
