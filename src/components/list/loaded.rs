use leptos::either::Either;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::ErrorPanel;

/// What a screen shows of a resource it loads: `loading` while the first answer is awaited, the failure with
/// Retry (or Connect again, as the error calls for) if it failed, else `render` of the value. A reload keeps
/// the last content on screen until the new one is there; `set_pending` is told while it is under way.
#[component]
pub fn Loaded<T, V, R>(
    resource: LocalResource<Result<T, ApiError>>,
    loading: &'static str,
    render: R,
    #[prop(optional, into)] set_pending: SignalSetter<bool>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let retry = Callback::new(move |()| resource.refetch());
    view! {
        <Transition fallback=move || view! { <p class="loading" role="status">{loading}</p> } set_pending>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => Either::Left(render(value)),
                        Err(error) => Either::Right(view! { <ErrorPanel error retry /> }),
                    }
                })
            }}
        </Transition>
    }
}
