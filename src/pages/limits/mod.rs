//! Usage limits of a project or of the organization, on the newer limit calls: the active limit as a bar with
//! its terms, its history, and setting, changing and deleting one.

mod form;

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{LimitOwner, UsageLimit};
use crate::components::{limit_status_label, use_toasts, ConfirmDialog, ErrorPanel, RelativeTime, UsageLimitView};
use crate::format::amount;
use crate::i18n::t;
use crate::session::use_session;
use form::{ChangeLimitForm, NewLimitForm};

/// The limit in force: the newest that is Active, or Empty (in force, hard limit reached).
pub fn active_limit(limits: &[UsageLimit]) -> Option<&UsageLimit> {
    limits.iter().find(|l| matches!(l.status, Some(1) | Some(3)))
}

#[component]
pub fn LimitsSection(owner: LimitOwner) -> impl IntoView {
    let session = use_session();
    let query_owner = owner.clone();
    let limits = LocalResource::new(move || {
        let (client, owner) = (session.client(), query_owner.clone());
        async move { client.limits(&owner).await }
    });
    let reload = Callback::new(move |()| limits.refetch());
    let owner = StoredValue::new(owner);
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">{t().project_form().limits_loading}</p> }>
            {move || Suspend::new(async move {
                match limits.await {
                    Ok(list) => Either::Left(view! { <LimitsView limits=list owner=owner.get_value() reload /> }),
                    Err(error) => Either::Right(view! { <ErrorPanel error retry=reload /> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn LimitsView(limits: Vec<UsageLimit>, owner: LimitOwner, reload: Callback<()>) -> impl IntoView {
    let active = active_limit(&limits).cloned();
    let changing = RwSignal::new(false);
    let adding = RwSignal::new(false);
    let saved = Callback::new(move |()| {
        changing.set(false);
        adding.set(false);
        reload.run(());
    });
    let new_owner = owner.clone();
    let texts = t().project_form();
    let active_view = match active.clone() {
        Some(limit) => Either::Left(view! {
            <UsageLimitView limit=limit.clone() />
            <div class="actions limit-actions">
                <button type="button" aria-expanded=move || changing.get().to_string()
                    on:click=move |_| changing.update(|c| *c = !*c)>{texts.limits_change}</button>
                <DeleteLimit owner=owner.clone() limit=limit.clone() reload />
            </div>
            <Show when=move || changing.get()>
                <ChangeLimitForm owner=owner.clone() limit=limit.clone() on_saved=saved />
            </Show>
        }),
        None => Either::Right(view! { <p class="empty">{texts.limits_none}</p> }),
    };
    view! {
        {active_view}
        <div class="actions limit-new">
            <button type="button" aria-expanded=move || adding.get().to_string()
                on:click=move |_| adding.update(|a| *a = !*a)>{texts.limits_set_new}</button>
        </div>
        <Show when=move || adding.get()>
            <p class="hint">{texts.limits_replaces}</p>
            <NewLimitForm owner=new_owner.clone() on_saved=saved />
        </Show>
        <LimitHistory limits />
    }
}

#[component]
fn LimitHistory(limits: Vec<UsageLimit>) -> impl IntoView {
    let texts = t().project_form();
    let count = limits.len();
    // Terms named for people, except that the history has always shown `NonRenewable` as the platform writes it.
    let term = |v: &Option<String>| match v.as_deref() {
        Some("NonRenewable") => texts.limits_history_non_renewable.to_string(),
        v => texts.term_text(v),
    };
    let number = |v: Option<f64>| v.map(amount).unwrap_or_else(|| "\u{2014}".into());
    view! {
        <details class="limit-history">
            <summary>{texts.limits_history(count)}</summary>
            <div class="table-scroll">
                <table class="data-table">
                    <caption class="visually-hidden">{texts.limits_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{texts.status}</th>
                            <th scope="col">{texts.subscription}</th>
                            <th scope="col">{texts.unit}</th>
                            <th scope="col">{texts.limits_column_soft}</th>
                            <th scope="col">{texts.limits_column_hard}</th>
                            <th scope="col">{texts.limits_column_used}</th>
                            <th scope="col">{texts.renewal}</th>
                            <th scope="col">{texts.valid_from}</th>
                            <th scope="col">{texts.valid_until}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {limits.into_iter().map(|l| view! {
                            <tr>
                                <td>{limit_status_label(l.status)}</td>
                                <td>{term(&l.subscription_type)}</td>
                                <td>{term(&l.usage_unit)}</td>
                                <td class="number">{number(l.soft_limit)}</td>
                                <td class="number">{number(l.hard_limit)}</td>
                                <td class="number">{number(l.used_amount)}</td>
                                <td>{term(&l.renewal_status)}</td>
                                <td><RelativeTime timestamp=l.valid_from.clone() exact=true /></td>
                                <td><RelativeTime timestamp=l.valid_until.clone() exact=true /></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

#[component]
fn DeleteLimit(owner: LimitOwner, limit: UsageLimit, reload: Callback<()>) -> impl IntoView {
    let session = use_session();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let (owner, id) = (StoredValue::new(owner), StoredValue::new(limit.id.clone().unwrap_or_default()));
    let confirm = Callback::new(move |()| {
        let (client, owner, id) = (session.client(), owner.get_value(), id.get_value());
        busy.set(true);
        spawn_local(async move {
            let result = client.delete_limit(&owner, &id).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    toasts.success(t().project_form().limits_deleted);
                    open.set(false);
                    reload.run(());
                }
                Err(error) => toasts.failure(t().project_form().limits_delete_failed, &error),
            }
        });
    });
    let texts = t().project_form();
    view! {
        <button type="button" class="danger" on:click=move |_| open.set(true)>{texts.limits_delete_button}</button>
        <ConfirmDialog id="delete-limit" open title=texts.limits_delete_title confirm_label=texts.limits_delete_confirm
            busy on_confirm=confirm>
            <p>{texts.limits_delete_warning}</p>
        </ConfirmDialog>
    }
}
