use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{locale as current_locale, switch_language, t, Locale};

/// English or Spanish: switches at once (the app re-renders in the new language) and is remembered; also
/// offered as palette actions. Each language is named in itself, so it can be found from either.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    // Whether it switches: every screen renders anew in the new language, so typed input that is not saved
    // would be lost, and the user may decline.
    let switch = move |locale: Locale| -> bool {
        if locale == current_locale() {
            return true;
        }
        if super::unsaved::has_unsaved_changes()
            && !window().confirm_with_message(t().shell().language_unsaved).unwrap_or(true)
        {
            return false;
        }
        let toasts = super::use_toasts();
        leptos::task::spawn_local(async move {
            if switch_language(locale).await.is_err() {
                // Still in the current language: the select says so again, and a notification says why.
                if let Some(select) = document().get_element_by_id("language-choice") {
                    select.unchecked_into::<web_sys::HtmlSelectElement>().set_value(current_locale().code());
                }
                toasts.problem(t().shell().code_unavailable(locale.native_name()));
                return;
            }
            crate::web::focus_after_render("#language-choice");
        });
        true
    };
    for locale in Locale::ALL {
        super::register_palette_action(
            t().shell().language_action(locale.native_name()),
            t().shell().language_action_keywords,
            move || {
                switch(locale);
            },
        );
    }
    view! {
        <div class="theme-choice">
            <label for="language-choice">{t().shell().language}</label>
            <select
                id="language-choice"
                on:change:target=move |ev| {
                    let chosen = Locale::from_tag(&ev.target().value());
                    if !chosen.is_some_and(switch) {
                        // Declined: the select shows the language still in use.
                        ev.target().set_value(current_locale().code());
                    }
                }
            >
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <option value=locale.code() lang=locale.code() selected=locale == current_locale()>
                                {locale.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
