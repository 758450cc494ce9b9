//! Notifications: one polite live region that announces each success and failure as it is added, without
//! moving the keyboard focus. Failures carry the server's own words and error id, and stay until dismissed;
//! successes leave by themselves after a while.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::t;

/// How long a success stays on screen.
const SUCCESS_SECONDS: u64 = 10;
/// The most notifications shown at once; older ones make room.
const MOST_SHOWN: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ToastKind {
    Success,
    Failure,
}

#[derive(Clone, Debug, PartialEq)]
struct Toast {
    id: u64,
    kind: ToastKind,
    text: String,
}

/// The app's notifications, provided once; screens reach them with [`use_toasts`].
#[derive(Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    pub fn provide() -> Self {
        let toasts = Self { shown: RwSignal::new(Vec::new()), next_id: StoredValue::new(0) };
        provide_context(toasts);
        toasts
    }

    pub fn success(&self, text: impl Into<String>) {
        let id = self.push(ToastKind::Success, text.into());
        let toasts = *self;
        set_timeout(move || toasts.dismiss(id), Duration::from_secs(SUCCESS_SECONDS));
    }

    /// `what` failed: the notification says so, then why, in the server's words with their ids.
    pub fn failure(&self, what: &str, error: &ApiError) {
        self.push(ToastKind::Failure, format!("{what}: {error}"));
    }

    /// A failure that is not one call's error (some of several failed): stays until dismissed.
    pub fn problem(&self, text: impl Into<String>) {
        self.push(ToastKind::Failure, text.into());
    }

    fn push(&self, kind: ToastKind, text: String) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|shown| {
            shown.push(Toast { id, kind, text });
            let extra = shown.len().saturating_sub(MOST_SHOWN);
            shown.drain(..extra);
        });
        id
    }

    fn dismiss(&self, id: u64) {
        // The region may be gone with the app (a test tearing down); then there is nothing to dismiss.
        let _ = self.shown.try_update(|shown| shown.retain(|t| t.id != id));
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// Where notifications appear. The live region exists from the start, so that screen readers announce what
/// is added to it later.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let texts = t().common();
    view! {
        <section class="toasts" aria-label=texts.notifications>
            <ul aria-live="polite" aria-relevant="additions text">
                <For each=move || toasts.shown.get() key=|toast| toast.id let:toast>
                    <li class=match toast.kind {
                        ToastKind::Success => "toast toast-success",
                        ToastKind::Failure => "toast toast-failure",
                    }>
                        <p class="toast-text">{toast.text.clone()}</p>
                        <button
                            type="button"
                            class="icon-button"
                            aria-label=texts.dismiss_notification
                            on:click=move |_| toasts.dismiss(toast.id)
                        >
                            <span aria-hidden="true">"\u{00d7}"</span>
                        </button>
                    </li>
                </For>
            </ul>
        </section>
    }
}
