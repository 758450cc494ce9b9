//! `/arcee/contexts`: a CSV uploaded as a context's rows. Its columns are checked in the browser before it
//! is sent; then the upload's progress, and the context's retriever watched until it is ready. The server's
//! refusals (422) appear at the field they name.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use wasm_bindgen::JsCast;

use super::csv_header;
use super::{seen, ArceeScreen};
use crate::api::arcee::{ArceeClient, ContextUpload};
use crate::api::ApiError;
use crate::checks::FieldErrors;
use crate::components::form::{Outcome, Submission};
use crate::components::{ErrorPanel, TextField};
use crate::i18n::t;
use crate::session::use_session;
use crate::web::sleep;

/// How often a processing retriever is asked about.
const POLL_MS: u32 = 1_000;
/// How long the screen watches a processing retriever before leaving it to the status lookup below.
const MOST_POLLS: u32 = 120;
/// Failed status checks in a row that end the watch: one dropped request does not.
const MOST_FAILED_POLLS: u32 = 3;
/// Arcee's limit on an upload, checked before sending.
const MOST_BYTES: f64 = 10.0 * 1024.0 * 1024.0;
/// How much of a file is read to find its header line.
const HEADER_BYTES: f64 = 64.0 * 1024.0;

/// Where an upload stands.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    Idle,
    /// The share of the file sent.
    Uploading(f64),
    Processing {
        context: String,
    },
    Ready {
        context: String,
        context_id: Option<String>,
    },
    /// Uploaded, but the retriever was still processing when the screen stopped watching.
    StillProcessing {
        context: String,
    },
    Failed(ApiError),
}

impl Stage {
    /// What the live region says: once per stage, not at every progress step.
    fn announcement(&self) -> String {
        match self {
            Self::Idle | Self::Failed(_) => String::new(),
            Self::Uploading(_) => t().arcee().contexts.uploading.into(),
            Self::Processing { context } => t().arcee().contexts.processing(context),
            Self::Ready { context, context_id } => match context_id {
                Some(id) => t().arcee().contexts.ready_with_id(context, id),
                None => t().arcee().contexts.ready(context),
            },
            Self::StillProcessing { context } => {
                t().arcee().contexts.still_processing(context, MOST_POLLS * POLL_MS / 1000)
            }
        }
    }
}

/// The fields' keys in the form's problems.
const CONTEXT_NAME: &str = "context_name";
const FILE: &str = "file";

/// The server's refusal at the field it names; a file too large for the server (413) is about the file too.
/// The rest is shown by the upload's error panel, not again at the form.
fn upload_errors(error: &ApiError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if let Some(message) = error.field_message("context_name", None) {
        errors.add(CONTEXT_NAME, message);
    }
    let about_file = error
        .field_message("file", None)
        .or_else(|| (error.status == Some(413)).then(|| error.messages.iter().map(|m| m.to_string()).collect()));
    if let Some(message) = about_file {
        errors.add(FILE, message);
    }
    errors
}

#[component]
pub fn ContextsPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().contexts.title here=crate::routes::ARCEE_CONTEXTS>
            <UploadForm />
            <StatusLookup />
        </ArceeScreen>
    }
}

/// A context name as Arcee accepts it: 1 to 64 letters, digits, `-` and `_`.
pub fn check_context_name(name: &str) -> Result<(), String> {
    let valid =
        (1..=64).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(t().arcee().contexts.bad_context_name.into())
    }
}

#[component]
fn UploadForm() -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    let file = StoredValue::new_local(None::<web_sys::File>);
    // Which choice of file a header read belongs to: a slow read of an earlier file must not win.
    let choice = StoredValue::new(0u32);
    let columns = RwSignal::new(None::<Result<Vec<String>, String>>);
    let submission = Submission::new();
    let stage = RwSignal::new(Stage::Idle);
    let working = move || matches!(stage.get(), Stage::Uploading(_) | Stage::Processing { .. });

    // Reads the chosen file's first line at once, so a wrong file is refused before any upload.
    let on_file = move |ev: leptos::ev::Event| {
        let chosen = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        submission.errors.update(|e| e.clear(FILE));
        columns.set(None);
        file.set_value(chosen.clone());
        choice.update_value(|n| *n += 1);
        let this_choice = choice.get_value();
        let Some(chosen) = chosen else { return };
        spawn_local_scoped_with_cancellation(async move {
            let checked = if chosen.size() > MOST_BYTES {
                Err(t().arcee().contexts.file_too_large(chosen.size() / 1024.0 / 1024.0))
            } else {
                match read_start(&chosen).await {
                    Ok(text) => csv_header::check(&text),
                    Err(why) => Err(why),
                }
            };
            if choice.get_value() == this_choice {
                if let Err(why) = &checked {
                    submission.errors.update(|e| e.add(FILE, why.clone()));
                }
                columns.set(Some(checked));
            }
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if working() {
            return;
        }
        let context = name.get_untracked().trim().to_string();
        let mut problems = FieldErrors::default();
        if let Err(why) = check_context_name(&context) {
            problems.add(CONTEXT_NAME, why);
        }
        let chosen = file.get_value();
        let file_check = match (&chosen, columns.get_untracked()) {
            (None, _) => Err(t().arcee().contexts.choose_csv.to_string()),
            (Some(_), Some(Err(why))) => Err(why),
            (Some(_), None) => Err(t().arcee().contexts.still_reading.to_string()),
            (Some(_), Some(Ok(_))) => Ok(()),
        };
        if let Err(why) = file_check {
            problems.add(FILE, why);
        }
        let Some(chosen) = chosen.filter(|_| problems.is_empty()) else { return submission.refuse(problems) };
        let Some(client) = session.arcee_client() else { return };
        stage.set(Stage::Uploading(0.0));
        let texts = &t().arcee().contexts;
        let outcome = Outcome::new(
            |upload: &(String, ContextUpload)| t().arcee().contexts.uploaded(&upload.0),
            texts.upload_failed,
        )
        .placed(upload_errors)
        .after_failure(move |error| stage.set(Stage::Failed(error.clone())));
        let call = {
            let client = client.clone();
            async move {
                let progress = move |share| {
                    let _ = stage.try_update(|s| *s = Stage::Uploading(share));
                };
                let upload = client.upload_context(&context, &chosen, progress).await?;
                Ok((context, upload))
            }
        };
        // The upload runs to its end wherever the user goes; watching the retriever is a read, left with the
        // screen.
        submission.send(call, outcome, move |(context, upload)| {
            seen::context_seen(&client, &context);
            if upload.processing {
                stage.set(Stage::Processing { context: context.clone() });
                spawn_local_scoped_with_cancellation(async move { watch_until_ready(&client, &context, stage).await });
            } else {
                stage.set(Stage::Ready { context, context_id: upload.context_id });
            }
        });
    };

    let texts = &t().arcee().contexts;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="upload-heading">
            <h2 id="upload-heading">{texts.upload_heading}</h2>
            <p class="hint">{texts.upload_hint}</p>
            <TextField id="context-name" label=texts.context_name value=name required=true
                hint=texts.context_name_hint
                error=submission.error(CONTEXT_NAME) />
            <div class="field">
                <label for="context-file">{texts.csv_file} <span class="required">{texts.required}</span></label>
                <input
                    id="context-file"
                    type="file"
                    accept=".csv,text/csv"
                    aria-describedby="context-file-columns context-file-error"
                    aria-invalid=move || submission.errors.with(|e| e.has(FILE)).to_string()
                    on:change=on_file
                />
                <p class="hint" id="context-file-columns">
                    {move || match columns.get() {
                        Some(Ok(found)) => t().arcee().contexts.columns_found(&found.join(", ")),
                        _ => String::new(),
                    }}
                </p>
                <p class="field-error" id="context-file-error">{submission.error(FILE)}</p>
            </div>
            <div class="actions">
                <button type="submit" class="primary" aria-disabled=move || working().to_string()>
                    {move || if working() { t().arcee().contexts.uploading } else { t().arcee().contexts.upload }}
                </button>
            </div>
            <UploadProgress stage />
        </form>
    }
}

/// Asks about the retriever until it is ready, for at most [`MOST_POLLS`] times, or until the screen is left
/// (the task is then cancelled). A failed check is tried again; [`MOST_FAILED_POLLS`] in a row end the watch.
async fn watch_until_ready(client: &ArceeClient, context: &str, stage: RwSignal<Stage>) {
    let mut failed = 0;
    for _ in 0..MOST_POLLS {
        sleep(POLL_MS).await;
        match client.retriever_status(context).await {
            Ok(status) if status.is_ready() => {
                stage.set(Stage::Ready { context: context.to_string(), context_id: status.context_id });
                return;
            }
            Ok(_) => failed = 0,
            Err(error) => {
                failed += 1;
                if failed >= MOST_FAILED_POLLS {
                    stage.set(Stage::Failed(error));
                    return;
                }
            }
        }
    }
    stage.set(Stage::StillProcessing { context: context.to_string() });
}

/// One live region that announces each stage once, and the progress bar beside it, updated in place.
#[component]
fn UploadProgress(stage: RwSignal<Stage>) -> impl IntoView {
    let announcement = Memo::new(move |_| stage.with(Stage::announcement));
    let percent = move || match stage.get() {
        Stage::Uploading(share) => Some((share * 100.0).round()),
        _ => None,
    };
    let ready = move || matches!(stage.get(), Stage::Ready { .. });
    view! {
        <p class="retriever-status" class:ready=ready role="status">{move || announcement.get()}</p>
        {move || percent().map(|percent| view! {
            <div class="upload-progress">
                <label for="upload-progress">{t().arcee().contexts.sent_percent(percent)}</label>
                <progress id="upload-progress" max="100" value=percent.to_string()></progress>
            </div>
        })}
        {move || match stage.get() {
            Stage::Failed(error) => Some(view! { <ErrorPanel error /> }),
            _ => None,
        }}
    }
}

/// The retriever of any context, by name.
#[component]
fn StatusLookup() -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let check = Action::new_local(move |context: &String| {
        let context = context.clone();
        let client = session.arcee_client().unwrap_or_default();
        async move {
            let status = client.retriever_status(&context).await;
            // Found: a context this tab now knows, offered by the Models and Retrieval screens.
            if status.is_ok() {
                seen::context_seen(&client, &context);
            }
            status
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let context = name.get_untracked().trim().to_string();
        problem.set(check_context_name(&context).err());
        if problem.get_untracked().is_none() {
            check.dispatch(context);
        }
    };
    let texts = &t().arcee().contexts;
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="status-heading">
            <h2 id="status-heading">{texts.status_heading}</h2>
            <TextField id="status-name" label=texts.context_name value=name error=Signal::derive(move || problem.get()) />
            <div class="actions">
                <button type="submit">{texts.check}</button>
            </div>
            {move || check.value().get().map(|answer| match answer {
                Ok(status) => view! {
                    <p class="lookup-status" role="status">
                        {format!("{}: {}", status.context_name, status.status)}
                    </p>
                }.into_any(),
                Err(error) => view! { <ErrorPanel error /> }.into_any(),
            })}
        </form>
    }
}

/// The first bytes of `file` as text: enough for the header line without reading a large file whole.
async fn read_start(file: &web_sys::File) -> Result<String, String> {
    let start =
        file.slice_with_f64_and_f64(0.0, HEADER_BYTES).map_err(|_| t().arcee().contexts.unreadable_file.to_string())?;
    let text = wasm_bindgen_futures::JsFuture::from(start.text())
        .await
        .map_err(|_| t().arcee().contexts.unreadable_file.to_string())?;
    Ok(text.as_string().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::check_context_name;

    #[test]
    fn context_names_are_checked_as_arcee_does() {
        assert!(check_context_name("support-docs_2").is_ok());
        assert!(check_context_name("").is_err());
        assert!(check_context_name("has space").is_err());
        assert!(check_context_name(&"a".repeat(65)).is_err());
    }
}
