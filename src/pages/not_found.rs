use leptos::prelude::*;

use crate::components::use_title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_title("Not found");
    view! {
        <section class="page" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading" tabindex="-1">"Page not found"</h1>
            <p>"There is no screen at this address. " <a href="/projects">"Go to the projects"</a> "."</p>
        </section>
    }
}
