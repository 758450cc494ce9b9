//! The route table: every screen's path, its page, and whether its code comes with the app or on its first
//! visit (route-level code splitting). Adding a screen is one line here (see docs/ARCHITECTURE.md).
//!
//! The first load carries the shell, the session and the projects list; everything else is a lazy route. The
//! release build (`cargo xtask build`, feature `split`) cuts the lazy views into three WebAssembly files with
//! `wasm-split-cli` (the connect screen, the Organization API's screens, Arcee's), one of which the router
//! fetches when a route of it first matches. Without the feature (`trunk serve` in development: Trunk runs
//! wasm-bindgen itself and cannot split) the same routes resolve at once from the one module, so the app
//! behaves the same either way.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::components::{Route, Routes};
use leptos_router::{path, ChooseView};

use crate::pages::access_review::AccessReviewPage;
use crate::pages::analytics::AnalyticsPage;
use crate::pages::arcee::account::AccountPage;
use crate::pages::arcee::contexts::ContextsPage;
use crate::pages::arcee::feedback::FeedbackPage;
use crate::pages::arcee::keys::KeysPage;
use crate::pages::arcee::models::ModelsPage;
use crate::pages::arcee::organization::OrganizationPage as ArceeOrganizationPage;
use crate::pages::arcee::retrieval::RetrievalPage;
use crate::pages::assistants::AssistantsPage;
use crate::pages::connect::ConnectPage;
use crate::pages::home::HomePage;
use crate::pages::members::{MembersPage, PersonAccessPage};
use crate::pages::not_found::{NotFoundPage, ScreenUnavailablePage};
use crate::pages::organization::OrganizationPage;
use crate::pages::project::ProjectPage;
use crate::pages::project_form::{CreateProjectPage, EditProjectPage};
use crate::pages::projects::ProjectsPage;
use crate::pages::requests::RequestsPage;
use crate::pages::token_audit::TokenAuditPage;
use crate::session::Session;

/// A lazily loaded screen, as a route's view.
///
/// Every lazy route has this one type, not a type each (as `leptos_router::Lazy<T>` would): the router's
/// choice among its routes is generic over each route's view type, and sixteen different futures inlined into
/// it cost 18 KB of the first load. Here each route is two function pointers.
///
/// Loading is fallible: a module that cannot be fetched (the network failed, or a new build replaced the one
/// this tab started from, so its folder is gone) shows [`ScreenUnavailablePage`] in the screen's place, and the
/// next visit tries again. Left to wasm_split's default, a failed load panics, which stops the whole app.
#[derive(Clone, Copy)]
pub struct Screen {
    render: fn() -> Loading<AnyView>,
    preload: fn() -> Loading<()>,
}

/// The fetch of a split module, then `T` made from it.
type Loading<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

impl Screen {
    /// Fetches the screen's code (its whole group) without showing it. A failure is left for the visit to
    /// report: it tries again then.
    pub async fn preload(self) {
        let _ = (self.preload)().await;
    }
}

impl ChooseView for Screen {
    async fn choose(self) -> AnyView {
        match (self.render)().await {
            Ok(screen) => screen,
            Err(_) => view! { <ScreenUnavailablePage /> }.into_any(),
        }
    }

    async fn preload(&self) {
        Screen::preload(*self).await
    }
}

/// `lazy_screen!(Screen, Page, render, group)`: the [`Screen`] showing `<Page/>`, whose code lives in the split
/// module `group`.
///
/// Screens are split by group, not one module each (as `#[lazy_route]` would): wasm-split-cli gives every set
/// of split points that share a function its own chunk, and 16 split points made 254 chunks, so a first visit
/// fetched and instantiated up to 169 files. A group is one file plus the few chunks it shares with the others.
/// `render` names the split function (a split point cannot be async: the screen awaits it) and the module
/// around it, which gives each screen a `preload` of its own name.
macro_rules! lazy_screen {
    ($screen:ident, $page:ident, $render:ident, $group:ident) => {
        #[doc = concat!("The lazily loaded `", stringify!($page), "`.")]
        #[allow(non_upper_case_globals)]
        pub const $screen: Screen =
            Screen { render: || Box::pin($render::$render()), preload: || Box::pin($render::preload()) };

        mod $render {
            use super::*;

            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, preload(preload), fallible)]
            pub fn $render() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page /> }.into_any())
            }

            #[cfg(not(feature = "split"))]
            pub async fn $render() -> Result<AnyView, SplitLoaderError> {
                Ok(view! { <$page /> }.into_any())
            }

            #[cfg(not(feature = "split"))]
            pub async fn preload() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        }
    };
}

/// `screens! { with the app { "/path" => Page, ... } group { "/path" => Screen(Page) as render, ... } ... }`: the
/// lazy [`Screen`] of each grouped entry (see [`lazy_screen!`]) and [`ScreenRoutes`], every entry's `<Route>` in
/// the table's order (a fixed path before a parameter: `/projects/new` before `/projects/:id`).
macro_rules! screens {
    (
        with the app { $($eager_path:tt => $eager_page:ident,)* }
        $($group:ident { $($path:tt => $screen:ident($page:ident) as $render:ident,)* })*
    ) => {
        $($(lazy_screen!($screen, $page, $render, $group);)*)*

        /// The screens' routes, with the not-found screen for any other path.
        #[component]
        pub fn ScreenRoutes() -> impl IntoView {
            view! {
                <Routes fallback=NotFoundPage>
                    $(<Route path=path!($eager_path) view=$eager_page />)*
                    $($(<Route path=path!($path) view=$screen />)*)*
                </Routes>
            }
        }

        /// Every route's path pattern, for the check that each screen in the navigation has one.
        #[cfg(test)]
        const PATTERNS: &[&str] = &[$($eager_path,)* $($($path,)*)*];
    };
}

screens! {
    // The landing screens come with the app.
    with the app {
        "/" => HomePage,
        "/projects" => ProjectsPage,
    }
    // The connect screen on its own: it is the first screen of a tab without a session, which needs nothing else.
    connect_screen {
        "/connect" => ConnectScreen(ConnectPage) as connect_screen,
    }
    // The Organization API's screens.
    organization_screens {
        "/projects/new" => CreateProjectScreen(CreateProjectPage) as create_project_screen,
        "/projects/:id" => ProjectScreen(ProjectPage) as project_screen,
        "/projects/:id/edit" => EditProjectScreen(EditProjectPage) as edit_project_screen,
        "/tokens" => TokenAuditScreen(TokenAuditPage) as token_audit_screen,
        "/assistants" => AssistantsScreen(AssistantsPage) as assistants_screen,
        "/organization" => OrganizationScreen(OrganizationPage) as organization_screen,
        "/requests" => RequestsScreen(RequestsPage) as requests_screen,
        "/members" => MembersScreen(MembersPage) as members_screen,
        "/members/person" => PersonAccessScreen(PersonAccessPage) as person_access_screen,
        "/access" => AccessReviewScreen(AccessReviewPage) as access_review_screen,
        "/analytics" => AnalyticsScreen(AnalyticsPage) as analytics_screen,
    }
    // Arcee's screens.
    arcee_screens {
        "/arcee" => ArceeAccountScreen(AccountPage) as arcee_account_screen,
        "/arcee/keys" => ArceeKeysScreen(KeysPage) as arcee_keys_screen,
        "/arcee/organization" => ArceeOrganizationScreen(ArceeOrganizationPage) as arcee_organization_screen,
        "/arcee/contexts" => ArceeContextsScreen(ContextsPage) as arcee_contexts_screen,
        "/arcee/models" => ArceeModelsScreen(ModelsPage) as arcee_models_screen,
        "/arcee/retrieval" => ArceeRetrievalScreen(RetrievalPage) as arcee_retrieval_screen,
        "/arcee/feedback" => ArceeFeedbackScreen(FeedbackPage) as arcee_feedback_screen,
    }
}

/// How long after start the screens' code is fetched ahead of use: after the landing screen has its data
/// (the first-load figures stop at the first row painted), and long before a person picks the next screen.
const PRELOAD_AFTER_MS: u32 = 1_500;

/// Fetches, one after another and in the background, the code of the screens this tab can open, so that a
/// first visit does not wait for the network: the Organization API's screens when it is connected, Arcee's when
/// Arcee is, and the connect screen. Without the `split` feature there is nothing to fetch and this does nothing.
pub fn preload_after_start(session: Session) {
    leptos::task::spawn_local(async move {
        crate::web::sleep(PRELOAD_AFTER_MS).await;
        // One screen of a group fetches the whole group.
        if session.is_connected() {
            ProjectScreen.preload().await;
        }
        if session.has_arcee() {
            ArceeAccountScreen.preload().await;
        }
        ConnectScreen.preload().await;
    });
}

#[cfg(test)]
mod tests {
    use super::PATTERNS;
    use crate::routes::SCREENS;

    #[test]
    fn every_screen_in_the_navigation_has_a_route() {
        for screen in SCREENS {
            assert!(PATTERNS.contains(&screen.path), "{} is in the navigation but has no route", screen.path);
        }
    }
}
