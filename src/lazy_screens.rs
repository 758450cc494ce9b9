//! The screens whose code is loaded on the first visit to them, not with the app (route-level code splitting).
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
use leptos_router::ChooseView;

use crate::pages::arcee::account::AccountPage;
use crate::pages::arcee::contexts::ContextsPage;
use crate::pages::arcee::feedback::FeedbackPage;
use crate::pages::arcee::keys::KeysPage;
use crate::pages::arcee::organization::OrganizationPage as ArceeOrganizationPage;
use crate::pages::arcee::retrieval::RetrievalPage;
use crate::pages::assistants::AssistantsPage;
use crate::pages::connect::ConnectPage;
use crate::pages::not_found::ScreenUnavailablePage;
use crate::pages::organization::OrganizationPage;
use crate::pages::project::ProjectPage;
use crate::pages::project_form::{CreateProjectPage, EditProjectPage};
use crate::pages::requests::RequestsPage;
use crate::pages::token_audit::TokenAuditPage;
use crate::session::Session;

/// A lazily loaded screen, as a route's view: `<Route path=... view=ProjectScreen />`.
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

// The connect screen on its own: it is the first screen of a tab without a session, which needs nothing else.
lazy_screen!(ConnectScreen, ConnectPage, connect_screen, connect_screen);
// The Organization API's screens.
lazy_screen!(ProjectScreen, ProjectPage, project_screen, organization_screens);
lazy_screen!(CreateProjectScreen, CreateProjectPage, create_project_screen, organization_screens);
lazy_screen!(EditProjectScreen, EditProjectPage, edit_project_screen, organization_screens);
lazy_screen!(TokenAuditScreen, TokenAuditPage, token_audit_screen, organization_screens);
lazy_screen!(AssistantsScreen, AssistantsPage, assistants_screen, organization_screens);
lazy_screen!(OrganizationScreen, OrganizationPage, organization_screen, organization_screens);
lazy_screen!(RequestsScreen, RequestsPage, requests_screen, organization_screens);
// Arcee's screens.
lazy_screen!(ArceeAccountScreen, AccountPage, arcee_account_screen, arcee_screens);
lazy_screen!(ArceeKeysScreen, KeysPage, arcee_keys_screen, arcee_screens);
lazy_screen!(ArceeOrganizationScreen, ArceeOrganizationPage, arcee_organization_screen, arcee_screens);
lazy_screen!(ArceeContextsScreen, ContextsPage, arcee_contexts_screen, arcee_screens);
lazy_screen!(ArceeRetrievalScreen, RetrievalPage, arcee_retrieval_screen, arcee_screens);
lazy_screen!(ArceeFeedbackScreen, FeedbackPage, arcee_feedback_screen, arcee_screens);

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
