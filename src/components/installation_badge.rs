use leptos::prelude::*;

use crate::i18n::t;
use crate::preferences::{use_preferences, InstallationKind};
use crate::session::use_session;

/// Which saved installations this tab is connected to, each with the colour the user gave it, so that
/// production is never taken for staging. Unsaved connections show nothing here.
#[component]
pub fn InstallationBadges() -> impl IntoView {
    let session = use_session();
    let preferences = use_preferences();
    let connected = move || {
        let geai = session.connection().and_then(|c| preferences.installation_at(InstallationKind::Geai, &c.base_url));
        let arcee = session.arcee().and_then(|c| preferences.installation_at(InstallationKind::Arcee, &c.base_url));
        geai.into_iter().chain(arcee).collect::<Vec<_>>()
    };
    view! {
        <For each=connected key=|installation| (installation.id, installation.label.clone(), installation.colour.clone()) let:installation>
            <span class="installation-badge" title=t().shell().installation_badge_hint>
                <span class="swatch" aria-hidden="true" style:background-color=installation.colour.clone()></span>
                <span class="visually-hidden">{t().shell().connected_to}</span>
                {installation.label.clone()}
            </span>
        </For>
    }
}
