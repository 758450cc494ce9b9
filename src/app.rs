//! The shell: router, header with navigation and the connection, and the screens.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_navigate;
use leptos_router::path;

use crate::pages::connect::ConnectPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::projects::ProjectsPage;
use crate::session::{use_session, Session};

#[component]
pub fn App() -> impl IntoView {
    Session::provide();
    view! {
        <Router>
            <Header />
            <main id="main">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/connect") view=ConnectPage />
                    <Route path=path!("/projects") view=ProjectsPage />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let sign_out = move |_| {
        session.sign_out();
        navigate("/connect", Default::default());
    };
    let organization =
        move || session.connection().and_then(|c| c.organization).and_then(|c| c.identity.organization_name);
    view! {
        <header class="app-header">
            <a class="brand" href="/">"geai-admin"</a>
            <nav aria-label="Main">
                <A href="/projects">"Projects"</A>
                <A href="/connect">"Connection"</A>
            </nav>
            <div class="session">
                <span class="org-name">{organization}</span>
                <Show when=move || session.is_connected()>
                    <button type="button" class="link-button" on:click=sign_out.clone()>"Sign out"</button>
                </Show>
            </div>
        </header>
    }
}
