//! The floor under the dashboard's first load: the least a Leptos 0.8 app must do to show the projects screen's
//! rows the way the dashboard does. A router, the session the dashboard stores, one request with its token, the
//! answer read by serde_json, a table of rows with a search box. Nothing else: no stylesheet, no error screens,
//! no languages, no header, no virtualized list.
//!
//! It is not part of the product. `cargo xtask floor` builds it like the dashboard (same crates at the same
//! versions, same profile, wasm-bindgen and wasm-opt) and measures it against react-admin with the bench's
//! side-by-side method, in the dashboard's place. What it costs, the dashboard cannot cost less than.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;
use serde::Deserialize;

/// The dashboard's `sessionStorage` key (`geai_admin::session::STORAGE_KEY`) and the two fields read here.
const SESSION_KEY: &str = "geai-admin.connection";

#[derive(Deserialize)]
struct Session {
    base_url: String,
    organization: Option<Credential>,
}

#[derive(Deserialize)]
struct Credential {
    token: String,
}

#[derive(Deserialize)]
struct ProjectList {
    projects: Vec<Project>,
}

#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Project {
    project_id: String,
    project_name: String,
    #[serde(default)]
    project_status: Option<i64>,
    #[serde(default)]
    project_description: Option<String>,
}

async fn projects() -> Result<Vec<Project>, String> {
    let stored = window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(SESSION_KEY).ok().flatten())
        .ok_or("no session")?;
    let session: Session = serde_json::from_str(&stored).map_err(|e| e.to_string())?;
    let token = session.organization.ok_or("no organization token")?.token;
    let url = format!("{}/v1/organization/projects?detail=full", session.base_url.trim_end_matches('/'));
    let response = gloo_net::http::Request::get(&url)
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response.text().await.map_err(|e| e.to_string())?;
    serde_json::from_str::<ProjectList>(&body).map(|list| list.projects).map_err(|e| e.to_string())
}

#[component]
fn ProjectsScreen() -> impl IntoView {
    let list = LocalResource::new(projects);
    let (search, set_search) = signal(String::new());
    let rows = move |projects: Vec<Project>| {
        let search = search.get().to_lowercase();
        let shown = move || {
            let search = search.clone();
            projects.clone().into_iter().filter(move |p| p.project_name.to_lowercase().contains(&search))
        };
        view! {
            <table>
                <thead><tr><th scope="col">"Name"</th><th scope="col">"Status"</th><th scope="col">"Description"</th></tr></thead>
                <tbody>
                    <For each=shown key=|p| p.project_id.clone() let:project>
                        <tr>
                            // The bench's mark of a data row, as on the dashboard's projects screen.
                            {leptos::html::th().attr("scope", "row").attr("elementtiming", "project-row").child(
                                view! { <a href=format!("/projects/{}", project.project_id)>{project.project_name}</a> },
                            )}
                            <td>{project.project_status.unwrap_or(0)}</td>
                            <td>{project.project_description}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        }
    };
    view! {
        <h1>"Projects"</h1>
        <label>"Search " <input type="search" on:input=move |e| set_search.set(event_target_value(&e)) /></label>
        <Suspense fallback=|| view! { <p>"Loading"</p> }>
            {move || list.get().map(|answer| match answer {
                Ok(projects) => rows(projects).into_any(),
                Err(message) => view! { <p role="alert">{message}</p> }.into_any(),
            })}
        </Suspense>
    }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=|| view! { <Redirect path="/projects" /> } />
                        <Route path=path!("/projects") view=ProjectsScreen />
                    </Routes>
                </main>
            </Router>
        }
    })
}
