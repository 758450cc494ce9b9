//! Secrets on screen: masked to their last four characters until the user asks to see one, and a Copy
//! button that says whether it worked.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::format::mask;
use crate::i18n::t;
use crate::web::copy_to_clipboard;

/// How long "Copied" stays on the button.
const FEEDBACK_SECONDS: u64 = 3;

/// A secret value with Reveal and Copy. `label` names it for the buttons ("Copy token Default").
#[component]
pub fn MaskedSecret(#[prop(into)] value: String, #[prop(into)] label: String) -> impl IntoView {
    let revealed = RwSignal::new(false);
    let masked = mask(&value);
    let shown = {
        let value = value.clone();
        move || if revealed.get() { value.clone() } else { masked.clone() }
    };
    let reveal_word = move || if revealed.get() { t().common().hide } else { t().common().reveal };
    let reveal_label = {
        let label = label.clone();
        move || t().common().named(reveal_word(), &label)
    };
    view! {
        <span class="secret">
            <code class="secret-value">{shown}</code>
            <button
                type="button"
                class="small"
                aria-label=reveal_label
                on:click=move |_| revealed.update(|r| *r = !*r)
            >
                {reveal_word}
            </button>
            <CopyButton value label />
        </span>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

/// Copies `value`; the button's text and a polite announcement say what happened.
#[component]
pub fn CopyButton(#[prop(into)] value: String, #[prop(into)] label: String) -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    let value = StoredValue::new(value);
    let copy = move |_| {
        spawn_local(async move {
            let outcome = copy_to_clipboard(&value.get_value()).await;
            state.set(if outcome.is_ok() { CopyState::Copied } else { CopyState::Failed });
            set_timeout(
                move || {
                    let _ = state.try_set(CopyState::Idle);
                },
                Duration::from_secs(FEEDBACK_SECONDS),
            );
        });
    };
    let shown = move || match state.get() {
        CopyState::Copied => t().common().copied,
        CopyState::Failed => t().common().copy_failed,
        CopyState::Idle => t().common().copy,
    };
    let announcement = move || match state.get() {
        CopyState::Idle => "",
        CopyState::Copied => t().common().copied_announcement,
        CopyState::Failed => t().common().copy_refused,
    };
    view! {
        <button type="button" class="small" aria-label=move || t().common().named(shown(), &label) on:click=copy>
            {shown}
        </button>
        <span class="visually-hidden" role="status">{announcement}</span>
    }
}
