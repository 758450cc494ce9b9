//! Each panel's calls and how its answer becomes a sheet: one function a panel, so that the page lists the
//! panels and nothing else.

use super::panel::Loading;
use super::sheet::{Cell, Sheet};
use super::Ask;
use crate::api::analytics::{Day, Entries, Entry, LabCounts, PerDay, ProjectsCreated};
use crate::api::Client;
use crate::i18n::t;

async fn days(client: &Client, name: &str, ask: &Ask, agent: bool) -> Result<Vec<Day>, crate::api::ApiError> {
    let agent = agent.then_some(ask.agent.as_str());
    let answer: PerDay = client.analytics(name, &ask.now, &ask.scope, agent).await?;
    Ok(answer.days())
}

async fn entries(client: &Client, name: &str, ask: &Ask) -> Result<Vec<Entry>, crate::api::ApiError> {
    let answer: Entries = client.analytics(name, &ask.now, &ask.scope, None).await?;
    Ok(answer.entries())
}

fn per_day(columns: Vec<&'static str>, days: Vec<Day>, values: fn(&Day) -> Vec<f64>) -> Sheet {
    let rows = days
        .into_iter()
        .map(|day| {
            std::iter::once(Cell::text(day.date.clone())).chain(values(&day).into_iter().map(Cell::number)).collect()
        })
        .collect();
    Sheet { columns, rows }
}

fn listing(columns: Vec<&'static str>, entries: Vec<Entry>, row: fn(&Entry) -> Vec<Cell>) -> Sheet {
    Sheet { columns, rows: entries.iter().map(row).collect() }
}

pub fn requests_per_day(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let days = days(&client, "requests/total-requests-per-day", &ask, true).await?;
        Ok(per_day(vec![texts.column_day, texts.column_requests, texts.column_failed], days, |d| {
            vec![d.total_requests, d.total_requests_with_error]
        }))
    })
}

pub fn cost_per_day(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let days = days(&client, "requests/total-cost-per-day", &ask, false).await?;
        Ok(per_day(vec![texts.column_day, texts.column_cost], days, |d| vec![d.total_cost]))
    })
}

pub fn tokens_per_day(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let days = days(&client, "requests/number-of-tokens-per-day", &ask, false).await?;
        Ok(per_day(vec![texts.column_day, texts.column_in, texts.column_out], days, |d| vec![d.input, d.output]))
    })
}

pub fn lab_agents(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let days = days(&client, "lab/agents-created-and-modified-per-day", &ask, false).await?;
        Ok(per_day(vec![texts.column_day, texts.column_created, texts.column_modified], days, |d| {
            vec![d.created, d.modified]
        }))
    })
}

pub fn lab_flows(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let days = days(&client, "lab/flows-created-and-modified-per-day", &ask, false).await?;
        Ok(per_day(vec![texts.column_day, texts.column_created, texts.column_modified], days, |d| {
            vec![d.created_flows, d.modified_flows]
        }))
    })
}

pub fn top_agents_by_requests(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let list = entries(&client, "requests/top-10-agents-by-requests", &ask).await?;
        Ok(listing(vec![texts.column_agent, texts.column_requests], list, |e| {
            vec![Cell::text(e.agent.clone()), Cell::number(e.total_requests)]
        }))
    })
}

pub fn top_agents_by_tokens(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let list = entries(&client, "requests/top-10-agents-by-tokens", &ask).await?;
        Ok(listing(vec![texts.column_agent, texts.column_tokens], list, |e| {
            vec![Cell::text(e.agent.clone()), Cell::number(e.total_tokens)]
        }))
    })
}

pub fn top_users_by_cost(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let list = entries(&client, "requests/top-10-users-by-cost", &ask).await?;
        Ok(listing(vec![texts.column_user, texts.column_cost], list, |e| {
            vec![Cell::text(e.who()), Cell::number(e.total_cost)]
        }))
    })
}

pub fn top_users_by_requests(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let list = entries(&client, "requests/top-10-users-by-requests", &ask).await?;
        Ok(listing(vec![texts.column_user, texts.column_requests], list, |e| {
            vec![Cell::text(e.who()), Cell::number(e.total_requests)]
        }))
    })
}

pub fn tokens_per_agent(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let list = entries(&client, "requests/number-of-tokens-per-agent", &ask).await?;
        let columns =
            vec![texts.column_agent, texts.column_model, texts.column_in, texts.column_out, texts.column_tokens];
        Ok(listing(columns, list, |e| {
            vec![
                Cell::text(e.agent.clone()),
                Cell::text(e.model.clone()),
                Cell::number(e.input),
                Cell::number(e.output),
                Cell::number(e.total),
            ]
        }))
    })
}

pub fn usage_per_user(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let list = entries(&client, "requests/agent-usage-per-user", &ask).await?;
        let columns = vec![texts.column_user, texts.column_cost, texts.column_requests, texts.column_tokens];
        Ok(listing(columns, list, |e| {
            vec![
                Cell::text(e.who()),
                Cell::number(e.total_cost),
                Cell::number(e.total_requests),
                Cell::number(e.total_tokens),
            ]
        }))
    })
}

/// Agents, flows and processes created and modified in the range, and the projects created: four calls, one
/// row each.
pub fn lab_totals(client: Client, ask: Ask) -> Loading<Sheet> {
    Box::pin(async move {
        let texts = t().analytics();
        let count = |name| client.analytics::<LabCounts>(name, &ask.now, &ask.scope, None);
        let agents = count("lab/agents-created-and-modified").await?;
        let flows = count("lab/flows-created-and-modified").await?;
        let processes = count("lab/processes-created-and-modified").await?;
        let projects: ProjectsCreated = client.analytics("lab/projects-created", &ask.now, &ask.scope, None).await?;
        let row =
            |kind: &'static str, created: f64, modified: Cell| vec![Cell::text(kind), Cell::number(created), modified];
        Ok(Sheet {
            columns: vec![texts.column_kind, texts.column_created, texts.column_modified],
            rows: vec![
                row(texts.lab_kind_agents, agents.created_agents, Cell::number(agents.modified_agents)),
                row(texts.lab_kind_flows, flows.created_flows, Cell::number(flows.modified_flows)),
                row(texts.lab_kind_processes, processes.created_processes, Cell::number(processes.modified_processes)),
                // The API tells only how many projects were created.
                row(texts.lab_kind_projects, projects.created_projects, Cell::text("")),
            ],
        })
    })
}
