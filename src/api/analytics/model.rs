//! The analytics answers, one type per shape; every field defaults (a missing number is 0, a list empty).

use serde::Deserialize;

/// `{"totalCost": 12.5}` and the like: one number under the call's key, or the token counts
/// (`{input, output, total}`) of `number-of-tokens`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Figures {
    pub total_cost: f64,
    pub total_requests: f64,
    pub total_requests_with_error: f64,
    pub overall_error_rate: f64,
    pub average_request_time: f64,
    pub total_active_users: f64,
    pub total_active_agents: f64,
    pub total_active_projects: f64,
    pub input: f64,
    pub output: f64,
}

/// One day of the per-day lists; each call fills its own fields.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Day {
    pub date: String,
    pub total_requests: f64,
    pub total_requests_with_error: f64,
    pub total_cost: f64,
    pub input: f64,
    pub output: f64,
    pub created: f64,
    pub modified: f64,
    pub created_flows: f64,
    pub modified_flows: f64,
}

/// The per-day answers: `totalRequestsPerDay`, `totalCostPerDay`, `numberOfTokens` (per day), `agents` and
/// `flowsCreatedAndModifiedPerDay` (lab).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PerDay {
    pub total_requests_per_day: Vec<Day>,
    pub total_cost_per_day: Vec<Day>,
    pub number_of_tokens: Vec<Day>,
    pub agents: Vec<Day>,
    pub flows_created_and_modified_per_day: Vec<Day>,
}

impl PerDay {
    /// The one list the answer holds.
    pub fn days(self) -> Vec<Day> {
        [
            self.total_requests_per_day,
            self.total_cost_per_day,
            self.number_of_tokens,
            self.agents,
            self.flows_created_and_modified_per_day,
        ]
        .into_iter()
        .find(|list| !list.is_empty())
        .unwrap_or_default()
    }
}

/// An agent or a user in a top-10 or usage list; each call fills its own fields.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Entry {
    pub agent: String,
    pub model: String,
    pub user: String,
    pub user_name: String,
    pub total_requests: f64,
    pub total_tokens: f64,
    pub total_cost: f64,
    pub input: f64,
    pub output: f64,
    pub total: f64,
}

impl Entry {
    /// A user's name, else the address or id the API gave.
    pub fn who(&self) -> &str {
        if self.user_name.is_empty() {
            &self.user
        } else {
            &self.user_name
        }
    }
}

/// `top10Agents`, `top10Users`, `numberOfTokens` (per agent), `agentUsage`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Entries {
    pub top10_agents: Vec<Entry>,
    pub top10_users: Vec<Entry>,
    pub number_of_tokens: Vec<Entry>,
    pub agent_usage: Vec<Entry>,
}

impl Entries {
    pub fn entries(self) -> Vec<Entry> {
        [self.top10_agents, self.top10_users, self.number_of_tokens, self.agent_usage]
            .into_iter()
            .find(|list| !list.is_empty())
            .unwrap_or_default()
    }
}

/// `lab/*-created-and-modified`: created and modified agents, flows or processes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LabCounts {
    pub created_agents: f64,
    pub modified_agents: f64,
    pub created_flows: f64,
    pub modified_flows: f64,
    pub created_processes: f64,
    pub modified_processes: f64,
}

/// `lab/projects-created` (in the docs, not in the SDK): how many projects were created.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ProjectsCreated {
    pub created_projects: f64,
}
