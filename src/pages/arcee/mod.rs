//! The Arcee workspace: one screen per part of the Arcee v2 API, each shown only with an Arcee connection.

pub mod account;
pub mod contexts;
mod csv_header;
pub mod feedback;
pub mod keys;
pub mod models;
pub mod organization;
pub mod retrieval;
mod seen;

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::use_title;
use crate::i18n::t;
use crate::session::use_session;

/// A screen of the workspace: its heading, then `children` when an Arcee installation is connected, or a way
/// to connect one that comes back to `here`.
#[component]
pub fn ArceeScreen(title: &'static str, here: &'static str, children: ChildrenFn) -> impl IntoView {
    use_title(title);
    let session = use_session();
    let heading_id = format!("{}-heading", here.trim_start_matches('/').replace('/', "-"));
    let labelled_by = heading_id.clone();
    view! {
        <section class="page" aria-labelledby=labelled_by>
            <h1 id=heading_id tabindex="-1">{title}</h1>
            {move || if session.has_arcee() {
                Either::Left(children())
            } else {
                Either::Right(view! {
                    <div class="card">
                        <p>{t().arcee().workspace.not_connected}</p>
                        <a class="button" href=crate::routes::connect_arcee_then(here)>{t().arcee().workspace.connect}</a>
                    </div>
                })
            }}
        </section>
    }
}

/// Today's date in UTC, `YYYY-MM-DD`, as Arcee dates its keys.
pub fn today() -> String {
    crate::format::date(crate::web::now_ms())
}
