use leptos::prelude::*;

use crate::components::use_title;
use crate::i18n::t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let texts = t().shell();
    use_title(texts.not_found_title);
    view! {
        <section class="page" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading" tabindex="-1">{texts.not_found_heading}</h1>
            <p>{texts.not_found_text} <a href="/projects">{texts.not_found_link}</a> "."</p>
        </section>
    }
}
