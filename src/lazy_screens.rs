//! The screens whose code is loaded on the first visit to them, not with the app (route-level code splitting).
//!
//! The first load carries the shell, the session and the projects list; everything else is a lazy route. The
//! release build (`cargo xtask build`, feature `split`) cuts each lazy view into its own WebAssembly file with
//! `wasm-split-cli`, fetched by the router when its route first matches. Without the feature (`trunk serve`
//! in development: Trunk runs wasm-bindgen itself and cannot split) the same routes resolve at once from the
//! one module, so the app behaves the same either way.

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::pages::arcee::account::AccountPage;
use crate::pages::arcee::contexts::ContextsPage;
use crate::pages::arcee::feedback::FeedbackPage;
use crate::pages::arcee::keys::KeysPage;
use crate::pages::arcee::organization::OrganizationPage as ArceeOrganizationPage;
use crate::pages::arcee::retrieval::RetrievalPage;
use crate::pages::assistants::AssistantsPage;
use crate::pages::connect::ConnectPage;
use crate::pages::organization::OrganizationPage;
use crate::pages::project::ProjectPage;
use crate::pages::project_form::{CreateProjectPage, EditProjectPage};
use crate::pages::requests::RequestsPage;
use crate::pages::token_audit::TokenAuditPage;
use crate::session::Session;

/// `lazy_screen!(Route, Page)`: a route value for `<Route view={Lazy::<Route>::new()}>` showing `<Page/>`.
/// `#[lazy_route]` makes `view` a split point; it requires a non-async `view`, which is why the two builds
/// spell it differently.
macro_rules! lazy_screen {
    ($route:ident, $page:ident) => {
        #[doc = concat!("The lazily loaded `", stringify!($page), "`.")]
        pub struct $route;

        #[cfg(feature = "split")]
        #[leptos_router::lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }

        #[cfg(not(feature = "split"))]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    };
}

lazy_screen!(ConnectScreen, ConnectPage);
lazy_screen!(ProjectScreen, ProjectPage);
lazy_screen!(CreateProjectScreen, CreateProjectPage);
lazy_screen!(EditProjectScreen, EditProjectPage);
lazy_screen!(TokenAuditScreen, TokenAuditPage);
lazy_screen!(AssistantsScreen, AssistantsPage);
lazy_screen!(OrganizationScreen, OrganizationPage);
lazy_screen!(RequestsScreen, RequestsPage);
lazy_screen!(ArceeAccountScreen, AccountPage);
lazy_screen!(ArceeKeysScreen, KeysPage);
lazy_screen!(ArceeOrganizationScreen, ArceeOrganizationPage);
lazy_screen!(ArceeContextsScreen, ContextsPage);
lazy_screen!(ArceeRetrievalScreen, RetrievalPage);
lazy_screen!(ArceeFeedbackScreen, FeedbackPage);

/// How long after start the screens' code is fetched ahead of use: after the landing screen has its data
/// (the first-load figures stop at the first row painted), and long before a person picks the next screen.
const PRELOAD_AFTER_MS: u32 = 1_500;

/// Fetches, one after another and in the background, the code of the screens this tab can open, so that a
/// first visit does not wait for the network: the Organization API's screens when it is connected, Arcee's when
/// Arcee is, and the connect screen. Without the `split` feature there is nothing to fetch and this does nothing.
pub fn preload_after_start(session: Session) {
    leptos::task::spawn_local(async move {
        crate::web::sleep(PRELOAD_AFTER_MS).await;
        if session.is_connected() {
            ProjectScreen::preload().await;
            TokenAuditScreen::preload().await;
            OrganizationScreen::preload().await;
            RequestsScreen::preload().await;
            AssistantsScreen::preload().await;
            CreateProjectScreen::preload().await;
            EditProjectScreen::preload().await;
        }
        if session.has_arcee() {
            ArceeAccountScreen::preload().await;
            ArceeKeysScreen::preload().await;
            ArceeOrganizationScreen::preload().await;
            ArceeContextsScreen::preload().await;
            ArceeRetrievalScreen::preload().await;
            ArceeFeedbackScreen::preload().await;
        }
        ConnectScreen::preload().await;
    });
}
