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
            <p>{texts.not_found_text} <a href=crate::routes::PROJECTS>{texts.not_found_link}</a> "."</p>
        </section>
    }
}

/// Shown in place of a lazy screen whose code could not be fetched (`crate::screens`): the network failed,
/// or a new build replaced the one this tab started from. The app itself keeps working; a reload fetches the
/// current build and comes back to this address, with the session (kept in sessionStorage) intact.
#[component]
pub fn ScreenUnavailablePage() -> impl IntoView {
    let texts = t().shell();
    use_title(texts.screen_unavailable_title);
    let reload = |_| {
        // Nothing the user could act on if it fails: the button stays.
        let _ = window().location().reload();
    };
    view! {
        <section class="page" aria-labelledby="screen-unavailable-heading">
            <h1 id="screen-unavailable-heading" tabindex="-1">{texts.screen_unavailable_heading}</h1>
            <div class="error-panel" role="alert">
                <p>{texts.screen_unavailable_text}</p>
                <button type="button" on:click=reload>{texts.reload}</button>
            </div>
        </section>
    }
}
