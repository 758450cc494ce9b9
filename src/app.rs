//! The shell: router, header (top bar, navigation grouped by area, the session's controls) and the screens.
//! The header and the screen share a grid: a sidebar beside the screen at desktop widths, one menu button at
//! narrow ones (style/main.css).

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::{
    InstallationBadges, LanguageChoice, MainNavigation, Menu, MenuButton, SecretShelf, ShownOnceDialog, ThemeChoice,
    ToastRegion, Toasts, SESSION_ID,
};
use crate::i18n::t;
use crate::preferences::{use_preferences, InstallationKind, Preferences};
use crate::screens::ScreenRoutes;
use crate::session::{use_session, Session};

#[component]
pub fn App() -> impl IntoView {
    let session = Session::provide();
    crate::screens::preload_after_start(session);
    Preferences::provide();
    let toasts = Toasts::provide();
    SecretShelf::provide();
    if let Some(locale) = crate::i18n::take_unavailable_at_start() {
        toasts.problem(crate::i18n::t().shell().code_unavailable(locale.native_name()));
    }
    view! {
        <Router>
            // First: it provides the palette that the header's button opens and screens register actions in.
            <crate::components::CommandPalette />
            <FocusOnNavigation />
            <div class="shell">
                <Header />
                <main id="main">
                    <ScreenRoutes />
                </main>
            </div>
            <ToastRegion />
            <ShownOnceDialog />
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let texts = t().shell();
    let session = use_session();
    let navigate = use_navigate();
    let sign_out = move |_| {
        session.sign_out();
        navigate("/connect", Default::default());
    };
    let organization =
        move || session.connection().and_then(|c| c.organization).and_then(|c| c.identity.organization_name);
    let arcee_org = move || session.arcee().map(|c| t().shell().arcee_connected_as(&c.org.unwrap_or(c.email)));
    // The colour of the saved installation this tab works on, as a stripe across the top of every screen.
    let preferences = use_preferences();
    let stripe = move || {
        let saved = session
            .connection()
            .and_then(|c| preferences.installation_at(InstallationKind::Geai, &c.base_url))
            .or_else(|| {
                session.arcee().and_then(|c| preferences.installation_at(InstallationKind::Arcee, &c.base_url))
            });
        saved.map(|installation| format!("6px solid {}", installation.colour))
    };
    let menu = Menu::closed();
    view! {
        <header class="app-header" class=("menu-open", move || menu.open.get()) style:border-top=stripe
            on:keydown=move |event| menu.on_keydown(&event)>
            <div class="top-bar">
                <MenuButton menu />
                <a class="brand" href="/">{texts.app_name}</a>
            </div>
            <MainNavigation menu />
            <div class="session" id=SESSION_ID>
                <crate::components::PaletteButton />
                <InstallationBadges />
                <span class="org-name">{organization}</span>
                <span class="org-name">{arcee_org}</span>
                <Show when=move || session.is_signed_in()>
                    <button type="button" class="link-button sign-out" on:click=sign_out.clone()>{texts.sign_out}</button>
                </Show>
                <LanguageChoice />
                <ThemeChoice />
            </div>
        </header>
    }
}

/// After moving to another screen, puts the keyboard focus on its heading, so that keyboard and screen-reader
/// users start at the new content instead of on a link that is gone. Only a change of path counts: a change of
/// query (typing a search, sorting) keeps the focus where it is. The first load leaves focus to the browser.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    let path = Memo::new(move |_| location.pathname.get());
    Effect::watch(
        move || path.get(),
        |_, _, _| {
            // After this frame, when the new screen's heading is in the document.
            request_animation_frame(|| {
                let heading = document().query_selector("main h1").ok().flatten();
                if let Some(heading) =
                    heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
                {
                    // Focus cannot fail in a way the user could act on; at worst it stays where it was.
                    let _ = heading.focus();
                }
            });
        },
        false,
    );
}
