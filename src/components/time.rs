use leptos::prelude::*;

use crate::format;
use crate::web::now_ms;

/// A moment as people read it: "3 days ago", with the exact date and time on hover and, read after it, for
/// screen readers; with `exact`, the other way round (for dates that matter as dates, like a validity period).
/// A timestamp that cannot be read is shown as sent; none at all, as a dash.
#[component]
pub fn RelativeTime(#[prop(into)] timestamp: Option<String>, #[prop(optional)] exact: bool) -> impl IntoView {
    let Some(timestamp) = timestamp else {
        return view! { <span>"\u{2014}"</span> }.into_any();
    };
    match format::parse_timestamp(&timestamp) {
        Some(ms) => {
            let (exact_text, relative_text) = (crate::i18n::exact(ms), crate::i18n::relative(ms, now_ms()));
            let (shown, hint) = if exact { (exact_text, relative_text) } else { (relative_text, exact_text) };
            view! {
                <time datetime=format::iso(ms) title=hint.clone()>
                    {shown}
                    <span class="visually-hidden">{format!(" ({hint})")}</span>
                </time>
            }
            .into_any()
        }
        None => view! { <span>{timestamp}</span> }.into_any(),
    }
}
