//! `/analytics`: the console's usage dashboards for the organization or one project, over a range of days,
//! each figure against the previous period. The scope, the range and the assistant filter live in the URL
//! (`/analytics?project=ID&range=30d&agent=Helpdesk`); panels load side by side, a few calls at a time.

mod headline;
mod limiter;
mod memory;
mod panel;
mod panels;
mod range;
mod sheet;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::analytics::{Days, Scope};
use crate::api::ProjectRow;
use crate::components::use_title;
use crate::format::DAY_MS;
use crate::i18n::t;
use crate::routes::link_with_query;
use crate::session::use_session;
use headline::Headline;
use panel::{Loads, Panel};
use range::{Preset, Problem};

/// What every panel asks the API: whose figures, which days, the days before them, and the assistant.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub scope: Scope,
    pub now: Days,
    pub before: Days,
    pub agent: String,
}

/// The screen's view, as the URL holds it.
#[derive(Clone, Debug, Default, PartialEq)]
struct View {
    project: String,
    preset: Preset,
    from: String,
    to: String,
    agent: String,
}

impl View {
    fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            project: get("project").unwrap_or_default(),
            preset: get("range").map(|w| Preset::from_word(&w)).unwrap_or_default(),
            from: get("from").unwrap_or_default(),
            to: get("to").unwrap_or_default(),
            agent: get("agent").unwrap_or_default(),
        }
    }

    fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::new();
        if !self.project.is_empty() {
            query.push(("project", self.project.clone()));
        }
        if self.preset != Preset::default() {
            query.push(("range", self.preset.word().to_string()));
        }
        if self.preset == Preset::Custom {
            query.push(("from", self.from.clone()));
            query.push(("to", self.to.clone()));
        }
        if !self.agent.is_empty() {
            query.push(("agent", self.agent.clone()));
        }
        query
    }
}

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let texts = t().analytics();
    use_title(texts.title);
    let session = use_session();
    let connection = session.connection();
    let organization = connection.as_ref().and_then(|c| c.organization.clone());
    let own_project = connection.as_ref().and_then(|c| c.project.clone()).and_then(|p| p.identity.project_id);
    let organization_id = organization.as_ref().and_then(|c| c.identity.organization_id.clone());
    let query = use_query_map();
    let view_state = Memo::new(move |_| query.with(|q| View::from_query(|key| q.get(key))));
    let navigate = use_navigate();
    let change_view = Callback::new(move |next: View| {
        let url = link_with_query(crate::routes::ANALYTICS, &next.to_query());
        navigate(&url, NavigateOptions { scroll: false, ..Default::default() });
    });
    let has_organization = organization.is_some();
    let ask = Memo::new(move |_| {
        let view = view_state.get();
        let today = crate::web::now_ms().div_euclid(DAY_MS);
        let days = range::days_of(view.preset, today, &view.from, &view.to)?;
        let scope = match (has_organization, view.project.is_empty(), own_project.clone()) {
            (true, true, _) => Scope::Organization { organization_id: organization_id.clone() },
            (true, false, _) => Scope::Project { organization_id: organization_id.clone(), project_id: view.project },
            (false, _, Some(project_id)) => Scope::Project { organization_id: organization_id.clone(), project_id },
            (false, _, None) => return None,
        };
        let (now, before) = range::with_previous(days);
        Some(Ask { scope, now, before, agent: view.agent })
    });
    let loads = Loads::new();
    let body = if connection.is_some_and(|c| c.organization.is_some() || c.project.is_some()) {
        view! {
            <Controls view_state change_view ask has_organization loads />
            // No panel asks anything without a valid range: the controls say what is wrong with it.
            <Show when=move || ask.with(Option::is_some)>
            <Headline ask loads />
            <div class="panel-grid">
                <Panel id="requests-per-day" title=texts.requests_per_day ask loads load=panels::requests_per_day chart=&[1, 2] />
                <Panel id="cost-per-day" title=texts.cost_per_day ask loads load=panels::cost_per_day chart=&[1] />
                <Panel id="tokens-per-day" title=texts.tokens_per_day ask loads load=panels::tokens_per_day chart=&[1, 2] />
                <Panel id="top-agents-requests" title=texts.top_agents_requests ask loads load=panels::top_agents_by_requests />
                <Panel id="top-agents-tokens" title=texts.top_agents_tokens ask loads load=panels::top_agents_by_tokens />
                <Panel id="top-users-cost" title=texts.top_users_cost ask loads load=panels::top_users_by_cost />
                <Panel id="top-users-requests" title=texts.top_users_requests ask loads load=panels::top_users_by_requests />
                <Panel id="tokens-per-agent" title=texts.tokens_per_agent ask loads load=panels::tokens_per_agent />
                <Panel id="usage-per-user" title=texts.usage_per_user ask loads load=panels::usage_per_user />
                <Panel id="lab-totals" title=texts.lab_totals ask loads load=panels::lab_totals />
                <Panel id="lab-agents" title=texts.lab_agents ask loads load=panels::lab_agents chart=&[1, 2] />
                <Panel id="lab-flows" title=texts.lab_flows ask loads load=panels::lab_flows chart=&[1, 2] />
            </div>
            </Show>
        }
        .into_any()
    } else {
        view! { <p class="empty">{texts.needs_token}</p> }.into_any()
    };
    view! {
        <section class="page" aria-labelledby="analytics-heading">
            <h1 id="analytics-heading" tabindex="-1">{texts.title}</h1>
            <p class="lead">{texts.lead}</p>
            {body}
        </section>
    }
}

#[component]
fn Controls(
    view_state: Memo<View>,
    change_view: Callback<View>,
    ask: Memo<Option<Ask>>,
    has_organization: bool,
    loads: Loads,
) -> impl IntoView {
    let texts = t().analytics();
    let session = use_session();
    let set = move |change: &dyn Fn(&mut View)| {
        let mut next = view_state.get_untracked();
        change(&mut next);
        change_view.run(next);
    };
    // With the organization token, the organization or any one of its projects.
    let projects = LocalResource::new(move || {
        let client = session.client();
        async move {
            if has_organization {
                client.list_project_rows().await.unwrap_or_default()
            } else {
                Vec::new()
            }
        }
    });
    let project_options = move || {
        projects.get().unwrap_or_default().into_iter().map(|p: ProjectRow| {
            let id = p.project_id.clone();
            view! { <option value=id.clone() selected=move || view_state.with(|v| v.project == id)>{p.project_name}</option> }
        }).collect_view()
    };
    let presets = Preset::ALL.map(|preset| {
        let label = match preset {
            Preset::Last7 => texts.last_7,
            Preset::Last30 => texts.last_30,
            Preset::ThisMonth => texts.this_month,
            Preset::LastMonth => texts.last_month,
            Preset::Custom => texts.custom,
        };
        view! { <option value=preset.word() selected=move || view_state.with(|v| v.preset == preset)>{label}</option> }
    });
    // A custom range's problem, said at the field it is about (and in the status line below).
    let problem = Memo::new(move |_| {
        view_state.with(|v| if v.preset == Preset::Custom { range::custom(&v.from, &v.to).err() } else { None })
    });
    let words = |problem: Problem| match problem {
        Problem::StartNotADay | Problem::EndNotADay => texts.not_a_day,
        Problem::EndsBeforeStart => texts.bad_range,
    };
    let start_problem = move || problem.get().filter(|p| *p == Problem::StartNotADay).map(words);
    let end_problem = move || problem.get().filter(|p| *p != Problem::StartNotADay).map(words);
    let shown = move || match ask.get() {
        Some(ask) => texts.range_shown(&ask.now.start, &ask.now.end, &ask.before.start, &ask.before.end),
        None => problem.get().map_or(texts.bad_range, words).to_string(),
    };
    view! {
        <div class="toolbar analytics-controls">
            {has_organization.then(|| view! {
                <div class="field field-inline">
                    <label for="analytics-scope">{texts.scope}</label>
                    <select id="analytics-scope" on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.project = value.clone()) }>
                        <option value="" selected=move || view_state.with(|v| v.project.is_empty())>{texts.whole_organization}</option>
                        {project_options}
                    </select>
                </div>
            })}
            <div class="field field-inline">
                <label for="analytics-range">{texts.range}</label>
                <select id="analytics-range" on:change:target=move |ev| {
                    let preset = Preset::from_word(&ev.target().value());
                    let today = crate::format::date(crate::web::now_ms());
                    set(&|v| {
                        v.preset = preset;
                        if preset == Preset::Custom && v.from.is_empty() {
                            (v.from, v.to) = (today.clone(), today.clone());
                        }
                    })
                }>{presets}</select>
            </div>
            <Show when=move || view_state.with(|v| v.preset == Preset::Custom)>
                <div class="field field-inline">
                    <label for="analytics-from">{texts.from}</label>
                    <input id="analytics-from" type="date" prop:value=move || view_state.with(|v| v.from.clone())
                        aria-describedby="analytics-from-error" aria-invalid=move || start_problem().is_some().to_string()
                        on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.from = value.clone()) } />
                    <p class="field-error" id="analytics-from-error">{start_problem}</p>
                </div>
                <div class="field field-inline">
                    <label for="analytics-to">{texts.to}</label>
                    <input id="analytics-to" type="date" prop:value=move || view_state.with(|v| v.to.clone())
                        aria-describedby="analytics-to-error" aria-invalid=move || end_problem().is_some().to_string()
                        on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.to = value.clone()) } />
                    <p class="field-error" id="analytics-to-error">{end_problem}</p>
                </div>
            </Show>
            <div class="field field-inline">
                <label for="analytics-agent">{texts.assistant}</label>
                <input id="analytics-agent" type="search" autocomplete="off" prop:value=move || view_state.with(|v| v.agent.clone())
                    on:change:target=move |ev| { let value = ev.target().value(); set(&|v| v.agent = value.trim().to_string()) } />
            </div>
            // Answers seen in this tab are shown again at once; this asks them all anew.
            <button type="button" class="refresh" on:click=move |_| loads.refresh()>{texts.refresh}</button>
        </div>
        <p class="range-shown" role="status">{shown}</p>
    }
}
