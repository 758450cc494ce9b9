//! Usage limits of a project or of the organization, on the newer limit calls: the active limit as a bar with
//! its terms, its history, and setting, changing and deleting one.

mod form;

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::{LimitOwner, LimitStatus, UsageLimit};
use crate::components::form::{Outcome, Submission};
use crate::components::{limit_status_label, ConfirmDialog, DataTable, Loaded, RelativeTime, UsageLimitView};
use crate::i18n::amount;
use crate::i18n::t;
use crate::session::use_session;
use form::{ChangeLimitForm, NewLimitForm};

/// The limit in force: the newest that is Active, or Empty (in force, hard limit reached).
pub fn active_limit(limits: &[UsageLimit]) -> Option<&UsageLimit> {
    limits.iter().find(|l| l.limit_status().is_some_and(LimitStatus::in_force))
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
        <Loaded resource=limits loading={t().project_form().limits_loading}
            render=move |list| view! { <LimitsView limits=list owner=owner.get_value() reload /> } />
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
            <DataTable caption=texts.limits_caption class="">
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
            </DataTable>
        </details>
    }
}

#[component]
fn DeleteLimit(owner: LimitOwner, limit: UsageLimit, reload: Callback<()>) -> impl IntoView {
    let session = use_session();
    let open = RwSignal::new(false);
    let submission = Submission::new();
    let (owner, id) = (StoredValue::new(owner), StoredValue::new(limit.id.clone().unwrap_or_default()));
    let confirm = Callback::new(move |()| {
        let (client, owner, id) = (session.client(), owner.get_value(), id.get_value());
        let outcome =
            Outcome::new(|_| t().project_form().limits_deleted.into(), t().project_form().limits_delete_failed);
        submission.send(async move { client.delete_limit(&owner, &id).await }, outcome, move |()| {
            open.set(false);
            reload.run(());
        });
    });
    let texts = t().project_form();
    view! {
        <button type="button" class="danger" on:click=move |_| open.set(true)>{texts.limits_delete_button}</button>
        <ConfirmDialog id="delete-limit" open title=texts.limits_delete_title confirm_label=texts.limits_delete_confirm
            busy=submission.busy on_confirm=confirm error=submission.form_error()>
            <p>{texts.limits_delete_warning}</p>
        </ConfirmDialog>
    }
}
