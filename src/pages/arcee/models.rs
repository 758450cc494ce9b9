//! `/arcee/models`: training a model (`POST /models/train`), a new one by name or one again by its id, on a
//! context typed or picked from those this tab has seen. The answer's id and message are shown; a refusal (422)
//! is shown at the field it names, and the input stays as it was typed. The models trained here are then offered
//! by Retrieval, through the tab's memory (`seen`).

use leptos::prelude::*;

use super::seen::{self, Picks};
use super::ArceeScreen;
use crate::api::arcee::{Trained, Training};
use crate::api::ApiError;
use crate::checks::FieldErrors;
use crate::components::form::{clear_when_edited, Outcome, Submission, SubmitActions};
use crate::components::TextField;
use crate::i18n::t;
use crate::session::use_session;

/// The fields' keys in the form's problems: Arcee's own field names, so that its refusals land by name.
const ID: &str = "id";
const NAME: &str = "name";
const CONTEXT: &str = "context";
const GENERATOR: &str = "generator";
/// Arcee's limit on a model's name.
const MOST_NAME_CHARACTERS: usize = 100;

#[component]
pub fn ModelsPage() -> impl IntoView {
    view! {
        <ArceeScreen title=t().arcee().models.title here=crate::routes::ARCEE_MODELS>
            <TrainForm />
        </ArceeScreen>
    }
}

/// What the form asks for: a new model, or one again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Which {
    New,
    Again,
}

/// The form's fields as one training, or what is wrong with them before anything is sent. Only the chosen
/// kind's field is sent: a name typed before switching to "retrain" must not rename the model.
fn build_training(which: Which, id: &str, name: &str, context: &str, generator: &str) -> Result<Training, FieldErrors> {
    let texts = &t().arcee().models;
    let given = |text: &str| Some(text.trim().to_string()).filter(|text| !text.is_empty());
    let mut problems = FieldErrors::default();
    let training = Training {
        id: if which == Which::Again { given(id) } else { None },
        name: if which == Which::New { given(name) } else { None },
        context: given(context),
        generator: given(generator),
    };
    match which {
        Which::New if training.name.is_none() => problems.add(NAME, texts.enter_name),
        Which::New if name.trim().chars().count() > MOST_NAME_CHARACTERS => {
            problems.add(NAME, texts.name_too_long(MOST_NAME_CHARACTERS))
        }
        Which::Again if training.id.is_none() => problems.add(ID, texts.enter_id),
        _ => {}
    }
    if let Some(Err(why)) = training.context.as_deref().map(super::contexts::check_context_name) {
        problems.add(CONTEXT, why);
    }
    if problems.is_empty() {
        Ok(training)
    } else {
        Err(problems)
    }
}

/// Arcee's refusal at the fields it names; what names none (an id or a name is needed) or is no refusal of the
/// input (a failed server, a rejected key) goes to the whole form.
fn training_errors(error: &ApiError) -> FieldErrors {
    let mut errors = FieldErrors::default();
    let mut unplaced = Vec::new();
    for field in &error.fields {
        match [ID, NAME, CONTEXT, GENERATOR].into_iter().find(|key| field.is_about(key, None)) {
            Some(key) => errors.add(key, field.message.clone()),
            None => unplaced.push(field.to_string()),
        }
    }
    if error.fields.is_empty() {
        errors.form = Some(error.to_string());
    } else if !unplaced.is_empty() {
        errors.form = Some(unplaced.join(" "));
    }
    errors
}

/// What the screen says once a training started.
fn started(trained: &Trained) -> String {
    let texts = &t().arcee().models;
    match trained.message.as_deref().filter(|said| !said.is_empty()) {
        Some(said) => texts.started(&trained.id, said),
        None => texts.started_silently(&trained.id),
    }
}

#[component]
fn TrainForm() -> impl IntoView {
    let session = use_session();
    let client = session.arcee_client().unwrap_or_default();
    let which = RwSignal::new(Which::New);
    let id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let context = RwSignal::new(String::new());
    let generator = RwSignal::new(String::new());
    let submission = Submission::new();
    let confirmed = RwSignal::new(None::<String>);
    for (value, field) in [(id, &[ID]), (name, &[NAME]), (context, &[CONTEXT]), (generator, &[GENERATOR])] {
        clear_when_edited(value, submission, field);
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let built = build_training(
            which.get_untracked(),
            &id.get_untracked(),
            &name.get_untracked(),
            &context.get_untracked(),
            &generator.get_untracked(),
        );
        let training = match built {
            Ok(training) => training,
            Err(problems) => return submission.refuse(problems),
        };
        let Some(client) = session.arcee_client() else { return };
        confirmed.set(None);
        let outcome =
            Outcome::new(started, t().arcee().models.training_failed).placed(training_errors).success_said_in_place();
        let call = {
            let (client, training) = (client.clone(), training.clone());
            async move { client.train(&training).await }
        };
        submission.send(call, outcome, move |trained| {
            // Remembered whatever the user does next: Retrieval offers it, and the retrain field here.
            seen::model_trained(&client, &trained.id, training.name.as_deref());
            if let Some(context) = &training.context {
                seen::context_seen(&client, context);
            }
            confirmed.set(Some(started(&trained)));
        });
    };

    let texts = &t().arcee().models;
    let choice = move |radio: &'static str, kind: Which, label: &'static str| {
        view! {
            <div class="field-inline">
                <input type="radio" id=radio name="which-model"
                    prop:checked=move || which.get() == kind
                    on:change=move |_| which.set(kind) />
                <label for=radio>{label}</label>
            </div>
        }
    };
    let models = seen::model_offers(client.clone());
    let contexts = seen::context_offers(client);
    view! {
        <form class="card form" on:submit=submit novalidate=true aria-labelledby="train-heading">
            <h2 id="train-heading">{texts.train_heading}</h2>
            <p class="hint">{texts.train_hint}</p>
            <fieldset class="choice">
                <legend>{texts.which_model}</legend>
                {choice("train-new", Which::New, texts.new_model)}
                {choice("train-again", Which::Again, texts.retrain)}
            </fieldset>
            <Show when=move || which.get() == Which::New
                fallback=move || view! {
                    <TextField id="model-id" label=t().arcee().models.model_id value=id required=true
                        hint=t().arcee().models.model_id_hint suggestions=models
                        error=submission.error(ID) />
                    <Picks field="model-id" kind="models" heading=t().arcee().models.models_trained offers=models value=id />
                }>
                <TextField id="model-name" label=t().arcee().models.name value=name required=true
                    hint=t().arcee().models.name_hint
                    error=submission.error(NAME) />
            </Show>
            <TextField id="model-context" label=texts.context value=context hint=texts.context_hint
                suggestions=contexts
                error=submission.error(CONTEXT) />
            <Picks field="model-context" kind="contexts" heading=texts.contexts_seen offers=contexts value=context />
            <TextField id="model-generator" label=texts.generator value=generator hint=texts.generator_hint
                error=submission.error(GENERATOR) />
            <SubmitActions submission label=texts.train busy_label=texts.starting />
            <p class="trained-model" role="status">{move || confirmed.get()}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_sends_only_the_chosen_kind_and_checks_it_first() {
        let new = build_training(Which::New, "mdl_x", " faq-bot ", " faq ", "").unwrap();
        assert_eq!(new, Training { name: Some("faq-bot".into()), context: Some("faq".into()), ..Default::default() });
        let again = build_training(Which::Again, "mdl_x", "faq-bot", "", "arcee-lite").unwrap();
        assert_eq!(
            again,
            Training { id: Some("mdl_x".into()), generator: Some("arcee-lite".into()), ..Default::default() }
        );
        assert!(build_training(Which::New, "mdl_x", " ", "", "").unwrap_err().has(NAME));
        assert!(build_training(Which::Again, "", "faq-bot", "", "").unwrap_err().has(ID));
        assert!(build_training(Which::New, "", &"n".repeat(101), "", "").unwrap_err().has(NAME));
        assert!(build_training(Which::New, "", "n", "has space", "").unwrap_err().has(CONTEXT));
    }

    #[test]
    fn refusals_land_at_their_fields_and_the_rest_on_the_form() {
        let error = ApiError::from_response(
            422,
            r#"{"detail":[{"loc":["body","context"],"msg":"Value error, context 'gone' not found","type":"value_error"},
                          {"loc":["body"],"msg":"Value error, give an id or a name","type":"value_error"}]}"#,
        );
        let placed = training_errors(&error);
        assert_eq!(placed.get(CONTEXT).as_deref(), Some("Value error, context 'gone' not found"));
        assert_eq!(placed.form.as_deref(), Some("Value error, give an id or a name"));
        let failed = training_errors(&ApiError::from_response(503, ""));
        assert!(failed.form.is_some() && !failed.has(CONTEXT));
    }
}
