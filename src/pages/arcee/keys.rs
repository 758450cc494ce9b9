//! `/arcee/keys`: the user's API keys, masked; a new key with an expiry date, shown once; deleting one after
//! a confirmation.

use leptos::either::Either;
use leptos::prelude::*;

use super::{today, ArceeScreen};
use crate::api::arcee::{ApiKey, CreatedKey};
use crate::api::{ApiError, ErrorKind};
use crate::checks::FieldErrors;
use crate::components::form::{Outcome, Submission, SubmitActions};
use crate::components::{ConfirmDialog, DataTable, Loaded, RelativeTime, ShownOnce, ShownOnceSecrets};
use crate::format::{date, mask, parse_timestamp, tail};
use crate::i18n::t;
use crate::session::use_session;
use crate::web::{focus_after_render, now_ms};

/// How far ahead an expiry may be, as Arcee allows.
const MOST_DAYS_AHEAD: i64 = 730;
/// The expiry the form suggests.
const SUGGESTED_DAYS: i64 = 90;
const DAY_MS: i64 = 86_400_000;

#[component]
pub fn KeysPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().keys.title here=crate::routes::ARCEE_KEYS>
            <Keys />
        </ArceeScreen>
    }
}

#[component]
fn Keys() -> impl IntoView {
    let session = use_session();
    let keys = LocalResource::new(move || {
        let client = session.arcee_client().unwrap_or_default();
        async move { client.keys().await }
    });
    let reload = Callback::new(move |()| keys.refetch());
    view! {
        <NewKeyForm reload />
        <section class="card" aria-labelledby="keys-heading">
            <h2 id="keys-heading">{t().arcee().keys.your_keys}</h2>
            <Loaded resource=keys loading={t().arcee().keys.loading_keys} render={move |list: Vec<ApiKey>| {
                if list.is_empty() {
                    Either::Left(view! { <p class="empty">{t().arcee().keys.no_keys}</p> })
                } else {
                    Either::Right(view! { <KeyTable keys=list reload /> })
                }
            }} />
        </section>
    }
}

/// The expiry rule, checked at the field before anything is sent: a real date after today (UTC, as Arcee
/// counts) and at most [`MOST_DAYS_AHEAD`] days ahead.
pub fn check_expiry(text: &str, now_ms: i64) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(t().arcee().keys.choose_expiry.into());
    }
    // A date that survives the round trip is a real one (not February 30).
    let real = parse_timestamp(text).filter(|ms| date(*ms) == text);
    let Some(ms) = real else {
        return Err(t().arcee().keys.expiry_format.into());
    };
    if date(ms) <= date(now_ms) {
        return Err(t().arcee().keys.expiry_past.into());
    }
    if ms > now_ms + MOST_DAYS_AHEAD * DAY_MS {
        return Err(t().arcee().keys.expiry_too_far(MOST_DAYS_AHEAD, &date(now_ms + MOST_DAYS_AHEAD * DAY_MS)));
    }
    Ok(text.to_string())
}

/// The expiry field's key in the form's problems.
const EXPIRY: &str = "expiry";

/// Only a refusal of the date belongs at the field; anything else is about the request.
fn expiry_errors(error: &ApiError) -> FieldErrors {
    match error.field_message("expiry", None) {
        Some(message) => FieldErrors::at(EXPIRY, message),
        None => FieldErrors::for_form(error.to_string()),
    }
}

#[component]
fn NewKeyForm(reload: Callback<()>) -> impl IntoView {
    let session = use_session();
    let expiry = RwSignal::new(date(now_ms() + SUGGESTED_DAYS * DAY_MS));
    let submission = Submission::new();
    let created = RwSignal::new(None::<CreatedKey>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = match check_expiry(&expiry.get_untracked(), now_ms()) {
            Ok(chosen) => chosen,
            Err(message) => return submission.refuse(FieldErrors::at(EXPIRY, message)),
        };
        let Some(client) = session.arcee_client() else { return };
        let texts = &t().arcee().keys;
        let date = chosen.clone();
        let outcome = Outcome::new(move |_| t().arcee().keys.key_created(&date), texts.creating_key_failed)
            .placed(expiry_errors)
            .with_secrets(|key: &CreatedKey| {
                let texts = &t().arcee().keys;
                ShownOnce {
                    heading: texts.your_new_key.into(),
                    secrets: vec![(texts.new_key_label(&key.expiry.clone().unwrap_or_default()), key.token.clone())],
                    file: None,
                }
            });
        submission.send(async move { client.create_key(&chosen).await }, outcome, move |key| {
            created.set(Some(key));
            reload.run(());
        });
    };
    let min = date(now_ms() + DAY_MS);
    let max = date(now_ms() + MOST_DAYS_AHEAD * DAY_MS);
    let texts = &t().arcee().keys;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="new-key-heading">
            <h2 id="new-key-heading">{texts.new_key}</h2>
            <div class="field">
                <label for="key-expiry">{texts.expires_on}</label>
                <input
                    id="key-expiry"
                    type="date"
                    min=min
                    max=max
                    aria-describedby="key-expiry-hint key-expiry-error"
                    aria-invalid=move || submission.errors.with(|e| e.has(EXPIRY)).to_string()
                    prop:value=move || expiry.get()
                    on:input:target=move |ev| expiry.set(ev.target().value())
                />
                <p class="hint" id="key-expiry-hint">
                    {texts.expiry_hint(&today(), MOST_DAYS_AHEAD)}
                </p>
                <p class="field-error" id="key-expiry-error">{submission.error(EXPIRY)}</p>
            </div>
            <SubmitActions submission label=texts.create_key busy_label=texts.creating />
        </form>
        {move || created.get().map(|key| {
            let texts = &t().arcee().keys;
            let label = texts.new_key_label(&key.expiry.clone().unwrap_or_default());
            view! {
                <section class="card shown-once" aria-labelledby="created-key-heading">
                    <h2 id="created-key-heading">{texts.your_new_key}</h2>
                    <ShownOnceSecrets secrets=vec![(label, key.token.clone())] />
                    <div class="actions">
                        <button type="button" on:click=move |_| created.set(None)>{texts.copied_it}</button>
                    </div>
                </section>
            }
        })}
    }
}

/// Whether a key's expiry date has passed (UTC, as Arcee counts): it can no longer be used.
fn is_expired(key: &ApiKey) -> bool {
    key.expiry.as_deref().is_some_and(|expiry| expiry < today().as_str())
}

#[component]
fn KeyTable(keys: Vec<ApiKey>, reload: Callback<()>) -> impl IntoView {
    let session = use_session();
    // The tab's own key is recognised by its last four characters, all the list gives: enough to warn. Whether
    // it really was this tab's key is asked of the server after a delete.
    let own_hint = session.arcee().map(|c| tail(&c.key));
    let deleting = RwSignal::new(None::<ApiKey>);
    let open = RwSignal::new(false);
    let submission = Submission::new();
    let is_own = move |key: &ApiKey| key.hint.is_some() && key.hint == own_hint;
    let confirm = Callback::new(move |()| {
        let Some(key) = deleting.get_untracked() else { return };
        let Some(client) = session.arcee_client() else { return };
        let shown = masked(&key);
        let outcome = Outcome::new(move |_| t().arcee().keys.key_deleted(&shown), t().arcee().keys.deleting_key_failed);
        // If that was this tab's key, the server now refuses it: connecting again is the way on, wherever the
        // user is by then.
        let call = async move {
            client.delete_key(&key.id).await?;
            let own_key_gone = client.whoami().await.is_err_and(|e| e.kind == ErrorKind::TokenRejected);
            if own_key_gone {
                session.disconnect_arcee();
            }
            Ok(own_key_gone)
        };
        submission.send(call, outcome, move |own_key_gone| {
            open.set(false);
            if !own_key_gone {
                reload.run(());
            }
            // The row and its button are gone: the screen's heading takes the focus.
            focus_after_render("main h1");
        });
    });
    let title = Signal::derive(move || {
        deleting.with(|k| k.as_ref().map(|k| t().arcee().keys.delete_key_title(&masked(k))).unwrap_or_default())
    });
    let own_warning = {
        let is_own = is_own.clone();
        move || {
            deleting.with(|k| k.as_ref().is_some_and(&is_own)).then(|| {
                view! {
                    <p class="warning-text">{t().arcee().keys.own_key_warning}</p>
                }
            })
        }
    };
    let texts = &t().arcee().keys;
    let rows = keys
        .into_iter()
        .map(|key| {
            let expired = is_expired(&key);
            let own = is_own(&key);
            let label = texts.delete_key_named(&masked(&key));
            let for_dialog = key.clone();
            view! {
                <tr>
                    <th scope="row"><code>{masked(&key)}</code>{own.then_some(view! { <span class="badge badge-active">{texts.this_tab}</span> })}</th>
                    <td><code>{key.id.clone()}</code></td>
                    <td><RelativeTime timestamp=key.created_at.clone() /></td>
                    <td>{key.expiry.clone().unwrap_or_else(|| texts.never.into())}</td>
                    <td>{if expired {
                        view! { <span class="badge badge-deleted">{texts.expired}</span> }
                    } else {
                        view! { <span class="badge badge-active">{texts.active}</span> }
                    }}</td>
                    <td>
                        <button type="button" class="danger" aria-label=label on:click=move |_| {
                            deleting.set(Some(for_dialog.clone()));
                            submission.errors.set(Default::default());
                            open.set(true);
                        }>{texts.delete}</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=texts.keys_caption class="key-table">
                <thead>
                    <tr>
                        <th scope="col">{texts.column_key}</th>
                        <th scope="col">{texts.column_id}</th>
                        <th scope="col">{texts.column_created}</th>
                        <th scope="col">{texts.column_expires}</th>
                        <th scope="col">{texts.column_status}</th>
                        <th scope="col">{texts.column_actions}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
        </DataTable>
        <ConfirmDialog id="delete-key" open title confirm_label=texts.delete_key busy=submission.busy on_confirm=confirm error=submission.form_error()>
            <p>{texts.delete_key_consequence}</p>
            {own_warning.clone()}
        </ConfirmDialog>
    }
}

/// `••••ab12`, from the last characters the list gives.
fn masked(key: &ApiKey) -> String {
    mask(key.hint.as_deref().unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::check_expiry;

    /// 2026-11-24T10:00:00Z.
    const NOW: i64 = 1_795_514_400_000;

    #[test]
    fn expiry_must_be_a_real_future_date_within_two_years() {
        assert_eq!(check_expiry("2026-11-25", NOW).as_deref(), Ok("2026-11-25"));
        assert!(check_expiry("2026-11-24", NOW).unwrap_err().contains("future"));
        assert!(check_expiry("2025-01-01", NOW).unwrap_err().contains("future"));
        assert!(check_expiry("2027-02-30", NOW).unwrap_err().contains("YYYY-MM-DD"));
        assert!(check_expiry("", NOW).unwrap_err().contains("Choose"));
        assert!(check_expiry("2029-01-01", NOW).unwrap_err().contains("730 days"));
    }
}
