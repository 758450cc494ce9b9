//! The main navigation: the screens of what is connected, grouped by area (organization, project, Arcee). At
//! desktop widths it is a sidebar; at narrow ones it is behind the header's menu button, with the session's
//! controls. Which of the two is the stylesheet's choice (style/main.css); here is only the menu's state.
//!
//! The menu is a disclosure: its button says whether it is open (`aria-expanded`) and what it shows
//! (`aria-controls`); Escape closes it and gives the focus back to the button; choosing a link, or any other
//! way to another screen (the palette, Back), closes it.

use leptos::html::Button;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::i18n::t;
use crate::routes::{screens_of, Area, CONNECT};
use crate::session::use_session;

/// The navigation's id, which the menu button controls.
const NAVIGATION_ID: &str = "main-navigation";
/// The id the header gives its session controls, which the menu shows too at narrow widths.
pub const SESSION_ID: &str = "session-controls";

/// The narrow screens' menu: whether it is open, and its button, where the focus goes back when it closes.
#[derive(Clone, Copy)]
pub struct Menu {
    pub open: RwSignal<bool>,
    button: NodeRef<Button>,
}

impl Menu {
    /// A closed menu, which closes again whenever the path changes. Inside the router.
    pub fn closed() -> Self {
        let menu = Self { open: RwSignal::new(false), button: NodeRef::new() };
        let location = use_location();
        Effect::watch(move || location.pathname.get(), move |_, _, _| menu.open.set(false), false);
        menu
    }

    /// For the header's keydown: Escape closes an open menu and puts the focus back on its button.
    pub fn on_keydown(self, event: &web_sys::KeyboardEvent) {
        if event.key() == "Escape" && self.open.get_untracked() {
            self.open.set(false);
            if let Some(button) = self.button.get_untracked() {
                // Focus cannot fail in a way the user could act on.
                let _ = button.focus();
            }
        }
    }
}

/// Shows and hides the navigation; the stylesheet shows it at narrow widths only.
#[component]
pub fn MenuButton(menu: Menu) -> impl IntoView {
    view! {
        <button type="button" class="menu-button" node_ref=menu.button
            aria-expanded=move || menu.open.get().to_string()
            aria-controls=format!("{NAVIGATION_ID} {SESSION_ID}")
            on:click=move |_| menu.open.update(|open| *open = !*open)>
            <span class="menu-icon" aria-hidden="true"></span>
            {t().shell().menu}
        </button>
    }
}

/// The navigation, named "Main": a labelled group of links per area connected, then the connection screen.
#[component]
pub fn MainNavigation(menu: Menu) -> impl IntoView {
    let texts = t().shell();
    let session = use_session();
    // Choosing a link closes the menu, even the current screen's link (whose path does not change).
    let on_click = move |event: web_sys::MouseEvent| {
        let target = event.target().and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        if target.and_then(|element| element.closest("a").ok().flatten()).is_some() {
            menu.open.set(false);
        }
    };
    // Only the screens of what is connected: an Arcee-only tab has no use for the projects list.
    view! {
        <nav id=NAVIGATION_ID class="main-nav" aria-label=texts.main_navigation on:click=on_click>
            <div class="nav-inner">
                <Show when=move || session.is_connected()>
                    {group("nav-organization", t().shell().nav_area_organization, Area::Organization)}
                    {group("nav-project", t().shell().nav_area_project, Area::Project)}
                </Show>
                <Show when=move || session.has_arcee()>
                    {group("nav-arcee", t().shell().nav_arcee, Area::Arcee)}
                </Show>
                <ul class="nav-links nav-other">
                    <li><A href=CONNECT>{texts.nav_connection}</A></li>
                </ul>
            </div>
        </nav>
    }
}

/// One area's links under its visible label, which names the group for screen readers too.
fn group(id: &'static str, label: &'static str, area: Area) -> impl IntoView {
    // `/arcee` is the start of every Arcee path: only the exact one is that screen.
    let exact = area == Area::Arcee;
    view! {
        <div class="nav-group" role="group" aria-labelledby=id>
            <span class="nav-group-label" id=id>{label}</span>
            <ul class="nav-links">
                {screens_of(area)
                    .map(|screen| view! { <li><A href=screen.path exact>{(screen.label)(t())}</A></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}
