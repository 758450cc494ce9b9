//! A modal confirmation for destructive actions: it names what will be destroyed and, when asked to, works
//! only once the user has typed a phrase.

use leptos::prelude::*;

use super::modal::Modal;
use crate::i18n::t;

/// `open` shows and hides it. With `confirm_phrase`, the confirm button works only once the user has typed
/// that phrase (a project's name before deleting it), so a slip of the hand destroys nothing.
#[component]
pub fn ConfirmDialog(
    id: &'static str,
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    confirm_label: &'static str,
    #[prop(into)] busy: Signal<bool>,
    on_confirm: Callback<()>,
    #[prop(optional, into)] confirm_phrase: MaybeProp<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    children: Children,
) -> impl IntoView {
    let texts = t().common();
    let typed = RwSignal::new(String::new());
    // Each opening starts with nothing typed.
    Effect::watch(
        move || open.get(),
        move |opened, _, _| {
            if *opened {
                typed.set(String::new())
            }
        },
        false,
    );
    let matches = move || match confirm_phrase.get() {
        Some(phrase) => typed.with(|t| t.trim() == phrase),
        None => true,
    };
    let close = Callback::new(move |()| {
        if !busy.get_untracked() {
            open.set(false);
        }
    });
    let title_id = format!("{id}-title");
    let phrase_id = format!("{id}-phrase");
    view! {
        <Modal id open on_close=close labelled_by=title_id.clone()>
            <form
                method="dialog"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if matches() && !busy.get_untracked() {
                        on_confirm.run(());
                    }
                }
            >
                <h2 id=title_id.clone()>{move || title.get()}</h2>
                <div class="dialog-body">{children()}</div>
                {move || {
                    confirm_phrase
                        .get()
                        .map(|phrase| {
                            let phrase_id = phrase_id.clone();
                            view! {
                                <div class="field">
                                    <label for=phrase_id.clone()>
                                        {texts.type_phrase_before} <strong class="phrase">{phrase}</strong> {texts.type_phrase_after}
                                    </label>
                                    <input
                                        id=phrase_id
                                        type="text"
                                        autocomplete="off"
                                        spellcheck="false"
                                        prop:value=move || typed.get()
                                        on:input:target=move |ev| typed.set(ev.target().value())
                                    />
                                </div>
                            }
                        })
                }}
                <p class="form-error" role="alert">{move || error.get()}</p>
                <div class="actions">
                    <button type="button" on:click=move |_| close.run(())>{texts.cancel}</button>
                    // Disabled until the phrase matches (the focus is in the phrase field then); while working only
                    // marked so, because a disabled button would drop the focus out of the dialog.
                    <button
                        type="submit"
                        class="danger"
                        disabled=move || !matches()
                        aria-disabled=move || busy.get().to_string()
                    >
                        {move || if busy.get() { t().common().working } else { confirm_label }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
