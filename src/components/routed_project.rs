use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::Project;
use crate::components::Loaded;
use crate::i18n::t;
use crate::session::use_session;

/// A screen about the project named by the route's `:id` (its detail, its edit form): loads it, shows the
/// loading state and failures with Retry, and renders it with `render`. The heading stays in place while the
/// project loads, so the focus put on it after navigation stays too.
#[component]
pub fn RoutedProject(
    class: &'static str,
    heading: fn(Option<&Project>) -> String,
    render: fn(Project) -> AnyView,
) -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let project = LocalResource::new(move || {
        let (client, id) = (session.client(), id.get());
        async move { client.project(&id).await }
    });
    let heading_text = move || project.with(|loaded| heading(loaded.as_ref().and_then(|result| result.as_ref().ok())));
    view! {
        <section class=class aria-labelledby="project-heading">
            <h1 id="project-heading" tabindex="-1">{heading_text}</h1>
            <Loaded resource=project loading={t().project().loading} render=render />
        </section>
    }
}
