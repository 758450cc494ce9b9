//! A table body that puts only the rows near the viewport in the DOM, so a list of 10,000 stays as quick to
//! filter and scroll as a list of 20.
//!
//! The page scrolls as usual (no scroll box inside the page): two spacer rows stand in for the rows above and
//! below, so the scroll height is that of the whole list. Rows are one line each, all of one height, which is
//! measured from a rendered row rather than assumed, so fonts and screen widths cannot throw it off. The table
//! keeps its meaning for assistive technology: the caller puts `aria-rowcount` on the `<table>` (see
//! [`aria_row_count`]) and each row gets its `aria-rowindex` from here.
//!
//! Rows are keyed: a row that stays in the window keeps its DOM node, and so its focus. Rows are rendered 20
//! beyond each edge of the viewport, so Tab always finds the next row's link, and the browser's scroll to the
//! focused link brings the window along.

use std::hash::Hash;

use leptos::html::Tbody;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::window_listener;

/// Rows rendered beyond each edge of the viewport.
const OVERSCAN: usize = 20;
/// The window moves in steps of this many rows, so small scrolls change nothing in the DOM.
const STEP: usize = 10;
/// A guess at a row's height until one is measured, in CSS pixels.
const GUESSED_ROW_HEIGHT: f64 = 41.0;

/// The `aria-rowcount` of a table with one header row and `rows` data rows.
pub fn aria_row_count(rows: usize) -> String {
    (rows + 1).to_string()
}

/// The table's `<tbody>`: the rows whose keys `keys` lists, in that order, each drawn by `row` from its key and
/// its `aria-rowindex` (the header row is 1, so the first data row is 2).
#[component]
pub fn VirtualRows<K, F, V>(keys: Memo<Vec<K>>, columns: usize, row: F) -> impl IntoView
where
    K: Clone + Eq + Hash + Send + Sync + 'static,
    F: Fn(K, Signal<usize>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let body = NodeRef::<Tbody>::new();
    // Before anything is measured: the rows a viewport of guessed rows shows from the top, as if the body
    // started at the top of the screen (it starts lower, so this covers the screen).
    let window = RwSignal::new(window_for(0.0, viewport_height(), GUESSED_ROW_HEIGHT, usize::MAX));
    // A signal, not a stored value: the spacers must follow when the measured height differs from the guess.
    let row_height = RwSignal::new(GUESSED_ROW_HEIGHT);
    let total = move || keys.with(Vec::len);
    // The window as far as the list goes: it may be shorter than the window (after a search, say).
    let range = Memo::new(move |_| {
        let (start, end) = window.get();
        let end = end.min(total());
        (start.min(end), end)
    });

    let place_window = move || {
        // `try_`: the list may be gone by the time this runs (a task after the frame).
        let Some(Some(body)) = body.try_get_untracked() else { return };
        if let Some(height) = measured_row_height(&body).filter(|h| *h != row_height.get_untracked()) {
            row_height.set(height);
        }
        let Some(rows) = keys.try_with_untracked(Vec::len) else { return };
        let next =
            window_for(body.get_bounding_client_rect().top(), viewport_height(), row_height.get_untracked(), rows);
        if window.get_untracked() != next {
            window.set(next);
        }
    };
    window_listener("scroll", false, move |_| place_window());
    window_listener("resize", false, move |_| place_window());
    // After the list changes (a search, a sort, a new page) or first shows: once the frame with the new rows
    // has been painted. Measured earlier (in the frame's own animation callback) the body's position and a
    // row's height force the browser to lay out the page an extra time, before it would for painting: 25 ms
    // of a 1,000-row request page's Next. After the paint, the layout is up to date and reading it is free.
    Effect::new(move |_| {
        keys.track();
        request_animation_frame(move || after_this_task(place_window));
    });

    // Whole pixels: rows are measured in whole pixels, and formatting an integer keeps the float formatter out
    // of the first load.
    let spacer = move |height: Signal<f64>| {
        view! {
            <tr class="virtual-spacer" aria-hidden="true">
                <td colspan=columns style:height=move || format!("{}px", height.get().round() as u64)></td>
            </tr>
        }
    };
    let above = Signal::derive(move || range.get().0 as f64 * row_height.get());
    let below = Signal::derive(move || (total() - range.get().1) as f64 * row_height.get());
    let visible_keys = move || {
        let (start, end) = range.get();
        keys.with(|k| k[start..end].to_vec())
    };
    view! {
        <tbody node_ref=body>
            {spacer(above)}
            <ForEnumerate
                each=visible_keys
                key=|key: &K| key.clone()
                children=move |index, key| {
                    let row_index = Signal::derive(move || range.get().0 + index.get() + 2);
                    row(key, row_index)
                }
            />
            {spacer(below)}
        </tbody>
    }
}

/// The rows to render when the body's top is at `top` (relative to the viewport; negative once scrolled past).
fn window_for(top: f64, viewport: f64, row_height: f64, rows: usize) -> (usize, usize) {
    let row_at = |y: f64| (y / row_height).max(0.0) as usize;
    let first_visible = row_at(-top);
    let last_visible = row_at(viewport - top) + 1;
    let start = first_visible.saturating_sub(OVERSCAN) / STEP * STEP;
    let end = (last_visible + OVERSCAN).div_ceil(STEP) * STEP;
    let end = end.min(rows);
    (start.min(end), end)
}

/// Scrolls the page so that the row at `position` of the virtualized `body` is in view, a third of the way
/// down; the scroll then renders it (by the next frame). For going back to a row that may not be in the DOM.
pub fn scroll_to_row(body: &web_sys::Element, position: usize) {
    let height = measured_row_height(body).unwrap_or(GUESSED_ROW_HEIGHT);
    let window = leptos::prelude::window();
    let page_top = body.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
    window.scroll_to_with_x_and_y(0.0, page_top + position as f64 * height - viewport_height() / 3.0);
}

/// The height of the first rendered row, if there is one laid out.
fn measured_row_height(body: &web_sys::Element) -> Option<f64> {
    let row = body.query_selector("tr:not(.virtual-spacer)").ok().flatten()?;
    let height = row.dyn_into::<web_sys::HtmlElement>().ok()?.offset_height() as f64;
    (height > 0.0).then_some(height)
}

/// Runs `then` in a task of its own, after the current one (and so, from an animation frame callback, after
/// that frame has been painted).
fn after_this_task(then: impl FnOnce() + 'static) {
    set_timeout(then, std::time::Duration::ZERO);
}

fn viewport_height() -> f64 {
    leptos::prelude::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0)
}

#[cfg(test)]
mod tests {
    use super::window_for;

    #[test]
    fn the_window_covers_the_viewport_and_a_margin_in_steps() {
        // At the top of a 10,000-row list, 800 px high with 40 px rows: rows 0..20 visible.
        assert_eq!(window_for(200.0, 800.0, 40.0, 10_000), (0, 40));
        // Scrolled so that row 1,000 is at the top of the viewport.
        let (start, end) = window_for(-40_000.0, 800.0, 40.0, 10_000);
        assert!(start <= 1000 - 20 && start % 10 == 0, "{start}");
        assert!(end >= 1021 + 20 && end % 10 == 0, "{end}");
        // The first window, before anything is measured: a viewport of guessed rows and the margin.
        assert_eq!(window_for(0.0, 800.0, 41.0, usize::MAX), (0, 40));
        // A short list is rendered whole.
        assert_eq!(window_for(0.0, 800.0, 40.0, 7), (0, 7));
        // Past the end (the list shrank under a scrolled page): an empty window at the end.
        assert_eq!(window_for(-400_000.0, 800.0, 40.0, 100), (100, 100));
    }
}
