//! A modal confirmation for destructive actions, on the browser's own `<dialog>`: it traps focus, makes the
//! page behind it inert, and closes on Escape. Focus goes back to where it was when the dialog closes.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    let dialog = NodeRef::<Dialog>::new();
    let typed = RwSignal::new(String::new());
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let Some(dialog) = dialog.get() else {
            return;
        };
        if open.get() {
            if !dialog.open() {
                typed.set(String::new());
                let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                opener.set_value(focused);
                // Fails only if the element is not in the document; then there is nothing to show.
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
            if let Some(element) = opener.get_value() {
                let _ = element.focus();
            }
        }
    });
    let matches = move || match confirm_phrase.get() {
        Some(phrase) => typed.with(|t| t.trim() == phrase),
        None => true,
    };
    let close = move || {
        if !busy.get_untracked() {
            open.set(false);
        }
    };
    let title_id = format!("{id}-title");
    let phrase_id = format!("{id}-phrase");
    view! {
        <dialog
            node_ref=dialog
            id=id
            class="dialog"
            aria-labelledby=title_id.clone()
            on:cancel=move |ev: leptos::ev::Event| {
                // Escape: closing goes through `open`, so the state and the dialog never disagree.
                ev.prevent_default();
                close();
            }
        >
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
                                        "Type " <strong class="phrase">{phrase}</strong> " to confirm"
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
                    <button type="button" on:click=move |_| close()>"Cancel"</button>
                    // Disabled until the phrase matches (the focus is in the phrase field then); while working only
                    // marked so, because a disabled button would drop the focus out of the dialog.
                    <button
                        type="submit"
                        class="danger"
                        disabled=move || !matches()
                        aria-disabled=move || busy.get().to_string()
                    >
                        {move || if busy.get() { "Working\u{2026}" } else { confirm_label }}
                    </button>
                </div>
            </form>
        </dialog>
    }
}
