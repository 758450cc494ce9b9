//! `/arcee/retrieval`: a query against a model or a context, answered with ranked rows, shown as text with
//! their scores.

use std::collections::BTreeMap;

use leptos::either::Either;
use leptos::prelude::*;

use super::seen::{self, Picks};
use super::ArceeScreen;
use crate::api::arcee::{RetrievalQuery, RetrievalResult};
use crate::api::ApiError;
use crate::components::{ErrorPanel, TextField};
use crate::i18n::t;
use crate::session::use_session;

/// Arcee's bounds on `size`.
const SIZES: std::ops::RangeInclusive<u32> = 1..=50;

#[derive(Clone, Debug, Default, PartialEq)]
struct Problems {
    id: Option<String>,
    query: Option<String>,
    size: Option<String>,
    filter: Option<String>,
}

#[component]
pub fn RetrievalPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().retrieval.title here=crate::routes::ARCEE_RETRIEVAL>
            <RetrievalForm />
        </ArceeScreen>
    }
}

/// The form's fields as one query, or what is wrong with them.
fn build_query(id: &str, query: &str, size: &str, column: &str, text: &str) -> Result<RetrievalQuery, Problems> {
    let texts = &t().arcee().retrieval;
    let mut problems = Problems::default();
    if id.trim().is_empty() {
        problems.id = Some(texts.enter_id.into());
    }
    if query.trim().is_empty() {
        problems.query = Some(texts.enter_query.into());
    }
    let size = match size.trim().parse::<u32>() {
        Ok(size) if SIZES.contains(&size) => Some(size),
        _ => {
            problems.size = Some(texts.size_range(*SIZES.start(), *SIZES.end()));
            None
        }
    };
    let (column, text) = (column.trim(), text.trim());
    if column.is_empty() != text.is_empty() {
        problems.filter = Some(texts.filter_half.into());
    }
    if problems != Problems::default() {
        return Err(problems);
    }
    let filters =
        if column.is_empty() { BTreeMap::new() } else { BTreeMap::from([(column.to_string(), text.to_string())]) };
    Ok(RetrievalQuery { id: id.trim().to_string(), query: query.trim().to_string(), size, filters })
}

/// Where the server's refusal belongs.
fn place(error: &ApiError) -> Problems {
    Problems {
        id: error.field_message("id", None),
        query: error.field_message("query", None),
        size: error.field_message("size", None),
        filter: error.field_message("filters", None),
    }
}

#[component]
fn RetrievalForm() -> impl IntoView {
    let session = use_session();
    let id = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let size = RwSignal::new("5".to_string());
    let column = RwSignal::new(String::new());
    let filter_text = RwSignal::new(String::new());
    let problems = RwSignal::new(Problems::default());
    let search = Action::new_local(move |query: &RetrievalQuery| {
        let query = query.clone();
        let client = session.arcee_client().unwrap_or_default();
        async move {
            let answer = client.retrieve(&query).await;
            if let Err(error) = &answer {
                problems.set(place(error));
            }
            answer
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let built = build_query(
            &id.get_untracked(),
            &query.get_untracked(),
            &size.get_untracked(),
            &column.get_untracked(),
            &filter_text.get_untracked(),
        );
        match built {
            Ok(built) => {
                problems.set(Problems::default());
                search.dispatch(built);
            }
            Err(found) => problems.set(found),
        }
    };
    let pending = search.pending();
    let texts = &t().arcee().retrieval;
    // What this tab trained or uploaded, offered as the thing to query: the API lists neither.
    let client = session.arcee_client().unwrap_or_default();
    let (models, contexts) = (seen::model_offers(client.clone()), seen::context_offers(client));
    let offers = Signal::derive(move || {
        let mut offers = models.get();
        offers.extend(contexts.get());
        offers
    });
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="retrieval-form-heading">
            <h2 id="retrieval-form-heading">{texts.query_heading}</h2>
            <div class="field-grid">
            <TextField id="retrieve-id" label=texts.model_or_context value=id required=true
                hint=texts.model_or_context_hint suggestions=offers
                error=Signal::derive(move || problems.with(|p| p.id.clone())) />
            <TextField id="retrieve-query" label=texts.query value=query required=true
                error=Signal::derive(move || problems.with(|p| p.query.clone())) />
            <TextField id="retrieve-size" label=texts.size value=size inputmode="numeric"
                error=Signal::derive(move || problems.with(|p| p.size.clone())) />
            </div>
            <Picks field="retrieve-id" kind="models" heading=t().arcee().models.models_trained offers=models value=id />
            <Picks field="retrieve-id" kind="contexts" heading=t().arcee().models.contexts_seen offers=contexts value=id />
            <fieldset class="filter field-grid">
                <legend>{texts.filter}</legend>
                // A filter's refusal names its column, so it is shown there.
                <TextField id="filter-column" label=texts.column value=column hint=texts.column_hint
                    error=Signal::derive(move || problems.with(|p| p.filter.clone())) />
                <TextField id="filter-text" label=texts.must_contain value=filter_text />
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary" aria-disabled=move || pending.get().to_string()>
                    {move || if pending.get() { t().arcee().retrieval.searching } else { t().arcee().retrieval.search }}
                </button>
            </div>
        </form>
        <section class="card" aria-labelledby="results-heading" aria-busy=move || pending.get().to_string()>
            <h2 id="results-heading">{texts.results}</h2>
            {move || match search.value().get() {
                None => Either::Left(view! { <p class="empty">{t().arcee().retrieval.results_appear_here}</p> }.into_any()),
                Some(Ok(results)) if results.is_empty() => {
                    Either::Left(view! { <p class="empty" role="status">{t().arcee().retrieval.nothing_matched}</p> }.into_any())
                }
                Some(Ok(results)) => Either::Left(view! { <Results results /> }.into_any()),
                Some(Err(error)) => Either::Right(view! { <ErrorPanel error /> }),
            }}
        </section>
    }
}

#[component]
fn Results(results: Vec<RetrievalResult>) -> impl IntoView {
    let texts = &t().arcee().retrieval;
    view! {
        <p role="status">{texts.result_count(results.len())}</p>
        <ol class="results">
            {results.into_iter().map(|result| {
                let score = result.score.map(|s| texts.score_value(s)).unwrap_or_else(|| "\u{2014}".into());
                view! {
                    <li class="result">
                        <p class="score">{texts.score} <strong>{score}</strong></p>
                        <dl class="facts">
                            {result.columns().into_iter().map(|(name, value)| view! {
                                <dt>{name}</dt>
                                <dd class="result-text">{value}</dd>
                            }).collect_view()}
                        </dl>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use super::build_query;

    #[test]
    fn the_form_becomes_a_query_or_named_problems() {
        let query = build_query(" support-docs ", "reset password", "3", "title", "account").unwrap();
        assert_eq!((query.id.as_str(), query.size, query.filters.len()), ("support-docs", Some(3), 1));
        let problems = build_query("", "", "99", "title", "").unwrap_err();
        assert!(problems.id.is_some() && problems.query.is_some() && problems.size.is_some());
        assert!(problems.filter.is_some());
        assert!(build_query("m", "q", "5", "", "").unwrap().filters.is_empty());
    }
}
