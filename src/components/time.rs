use leptos::prelude::*;

use crate::format;
use crate::web::now_ms;

/// A moment as people read it: "3 days ago", with the exact date and time on hover and, read after it, for
/// screen readers. A timestamp that cannot be read is shown as sent; none at all, as a dash.
#[component]
pub fn RelativeTime(#[prop(into)] timestamp: Option<String>) -> impl IntoView {
    let Some(timestamp) = timestamp else {
        return view! { <span>"\u{2014}"</span> }.into_any();
    };
    match format::parse_timestamp(&timestamp) {
        Some(ms) => {
            let exact = format::exact(ms);
            view! {
                <time datetime=format::iso(ms) title=exact.clone()>
                    {format::relative(ms, now_ms())}
                    <span class="visually-hidden">{format!(" ({exact})")}</span>
                </time>
            }
            .into_any()
        }
        None => view! { <span>{timestamp}</span> }.into_any(),
    }
}
