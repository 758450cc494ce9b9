//! The palette's dialog: a text field that filters a list as you type, in the ARIA 1.2 combobox pattern
//! (the field is a `combobox` that controls a `listbox` of `option`s; the active option is the field's
//! `aria-activedescendant`, so the focus never leaves the field). Arrows move, Enter chooses, Escape closes and
//! the focus goes back to where it was (`Modal`).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::commands::{self, Command, Connected, Found, Target};
use super::matching::normalize;
use super::projects::ProjectIndex;
use super::state::Palette;
use crate::components::Modal;
use crate::i18n::t;
use crate::session::use_session;

const LISTBOX_ID: &str = "palette-results";

fn option_id(index: usize) -> String {
    format!("palette-option-{index}")
}

#[component]
pub fn PaletteDialog() -> impl IntoView {
    // Always there: `CommandPalette` provides it before loading this.
    let palette = Palette::find()?;
    let session = use_session();
    let navigate = use_navigate();
    let projects = ProjectIndex::new();
    let typed = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);

    // Each opening starts afresh, and makes sure the projects of this connection are there.
    Effect::watch(
        move || palette.is_open(),
        move |open, _, _| {
            if *open {
                typed.set(String::new());
                active.set(0);
                projects.refresh_if_needed(session);
            }
        },
        true,
    );

    // Screens and actions: a handful, rebuilt only when the connection or the registered actions change.
    let fixed = Memo::new(move |_| {
        let connection = session.connection();
        let connected = Connected {
            organization_api: connection.is_some(),
            organization_token: connection.is_some_and(|c| c.organization.is_some()),
            arcee: session.has_arcee(),
        };
        palette.actions.with(|registered| {
            let mut fixed = commands::screens(connected);
            fixed.extend(commands::actions(connected, registered));
            fixed
        })
    });
    // Found in memory at each keystroke: the projects were fetched once.
    let found: Memo<Found> =
        Memo::new(move |_| fixed.with(|fixed| commands::find(fixed, &projects.entries(), &normalize(&typed.get()))));
    let count = move || found.with(|f| f.commands.len());
    // The active option, kept inside the list when it shrinks.
    let active_index = move || {
        let count = count();
        (count > 0).then(|| active.get().min(count - 1))
    };

    let choose = move |command: Command| {
        palette.close();
        match command.target {
            Target::Go(path) => navigate(&path, Default::default()),
            Target::SignOut => {
                session.sign_out();
                navigate(crate::routes::CONNECT, Default::default());
            }
            Target::Registered(id) => palette.run_action(id),
        }
    };
    let choose_on_key = choose.clone();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        // Enter also ends an input method's composition; that one is not a choice.
        if ev.is_composing() {
            return;
        }
        let count = count();
        let step = |by: usize| {
            if count > 0 {
                let next = (active_index().unwrap_or(0) + by) % count;
                active.set(next);
                keep_in_view(next);
            }
        };
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                step(1);
            }
            "ArrowUp" => {
                ev.prevent_default();
                step(count.saturating_sub(1));
            }
            "Enter" => {
                ev.prevent_default();
                let chosen = active_index().and_then(|i| found.with_untracked(|f| f.commands.get(i).cloned()));
                if let Some(command) = chosen {
                    choose_on_key(command);
                }
            }
            _ => {}
        }
    };

    let options = move || {
        let choose = choose.clone();
        found.with(|found| {
            found
                .commands
                .iter()
                .enumerate()
                .map(|(index, command)| {
                    let choose = choose.clone();
                    let command = command.clone();
                    let is_active = move || active_index() == Some(index);
                    view! {
                        <li
                            id=option_id(index)
                            role="option"
                            class="palette-option"
                            class:active=is_active
                            aria-selected=move || is_active().to_string()
                            // The focus stays in the field; a click chooses as Enter does.
                            on:mousedown=|ev| ev.prevent_default()
                            on:click={
                                let command = command.clone();
                                move |_| choose(command.clone())
                            }
                        >
                            <span class="palette-option-label">{command.label.clone()}</span>
                            " "
                            <span class="palette-option-detail" aria-hidden="true">{command.detail.clone()}</span>
                            " "
                            <span class="palette-option-kind">{command.kind.label()}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let status = move || {
        let (shown, more_projects) = found.with(|found| (found.commands.len(), found.more_projects));
        let texts = t().palette();
        let mut lines = Vec::new();
        lines.push(match shown {
            0 => texts.nothing_matches(typed.get().trim()),
            n => texts.results_count(n),
        });
        if more_projects > 0 {
            lines.push(texts.more_projects(more_projects));
        }
        lines.extend(projects.note());
        lines.join(" ")
    };

    let texts = t().palette();
    Some(view! {
        <Modal
            id="command-palette"
            open=Signal::derive(move || palette.is_open())
            on_close=Callback::new(move |()| palette.close())
            labelled_by="palette-label".to_string()
            class="dialog palette"
        >
            <label id="palette-label" for="palette-input" class="palette-label">
                {texts.label}
            </label>
            <input
                id="palette-input"
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                autofocus=true
                aria-autocomplete="list"
                aria-controls=LISTBOX_ID
                aria-expanded=move || (count() > 0).to_string()
                aria-activedescendant=move || active_index().map(option_id)
                aria-describedby="palette-keys"
                prop:value=move || typed.get()
                on:input:target=move |ev| {
                    typed.set(ev.target().value());
                    active.set(0);
                    keep_in_view(0);
                }
                on:keydown=on_keydown
            />
            <ul id=LISTBOX_ID role="listbox" aria-label=texts.results class="palette-results" hidden=move || count() == 0>
                {options}
            </ul>
            <p class="palette-status" role="status">{status}</p>
            <p id="palette-keys" class="palette-keys">
                {texts.keys}
            </p>
        </Modal>
    })
}

/// Scrolls the list just enough to show option `index`, after this frame's render.
fn keep_in_view(index: usize) {
    request_animation_frame(move || {
        let document = document();
        let list = document.get_element_by_id(LISTBOX_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let option =
            document.get_element_by_id(&option_id(index)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let (Some(list), Some(option)) = (list, option) else {
            return;
        };
        // Offsets are from the list itself (it is the options' positioned ancestor, see the CSS).
        let (top, bottom) = (option.offset_top(), option.offset_top() + option.offset_height());
        if top < list.scroll_top() {
            list.set_scroll_top(top);
        } else if bottom > list.scroll_top() + list.client_height() {
            list.set_scroll_top(bottom - list.client_height());
        }
    });
}
