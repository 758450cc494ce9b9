use leptos::prelude::*;

use crate::i18n::t;
use crate::preferences::{use_preferences, Theme};

/// System, light or dark: applied at once and remembered; also offered as palette actions.
#[component]
pub fn ThemeChoice() -> impl IntoView {
    let preferences = use_preferences();
    // The same choice from the command palette, for as long as the header lives.
    for theme in Theme::ALL {
        super::register_palette_action(
            t().shell().theme_action(label(theme)),
            // Words that find every theme; the label itself carries the one word that tells them apart.
            t().shell().theme_action_keywords,
            move || preferences.set_theme(theme),
        );
    }
    view! {
        <div class="theme-choice">
            <label for="theme-choice">{t().shell().theme}</label>
            <select
                id="theme-choice"
                on:change:target=move |ev| preferences.set_theme(Theme::parse(&ev.target().value()))
            >
                {Theme::ALL
                    .into_iter()
                    .map(|theme| {
                        view! {
                            <option value=theme.as_str() selected=move || preferences.theme.get() == theme>
                                {label(theme)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The theme's name in the current language.
fn label(theme: Theme) -> &'static str {
    let texts = t().shell();
    match theme {
        Theme::System => texts.theme_system,
        Theme::Light => texts.theme_light,
        Theme::Dark => texts.theme_dark,
    }
}
