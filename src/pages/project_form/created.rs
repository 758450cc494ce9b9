//! The tokens a new project came with, shown this once: the server hands out their values only in the answer
//! to the creation, so this panel offers to copy each and to save them all before moving on.

use leptos::prelude::*;

use crate::api::{ApiToken, Project};
use crate::components::{use_toasts, ShownOnceSecrets};
use crate::i18n::t;
use crate::web::save_file;

#[component]
pub fn CreatedTokens(project: Project) -> impl IntoView {
    let toasts = use_toasts();
    let texts = t().project_form();
    let project_href = crate::routes::project(&project.project_id);
    let file_name = env_file_name(&project.project_name);
    let contents = env_file(&project);
    let download = move |_| {
        if let Err(problem) = save_file(&file_name, "text/plain;charset=utf-8", &contents) {
            let texts = t().project_form();
            toasts.failure(texts.save_file_failed, &crate::api::ApiError::network(texts.download_refused(&problem)));
        }
    };
    let secrets = project.tokens.iter().map(|t| (t.name.clone(), t.id.clone())).collect();
    let has_tokens = !project.tokens.is_empty();
    view! {
        <section class="card shown-once" aria-labelledby="created-heading">
            <h2 id="created-heading" tabindex="-1">{texts.created_heading(&project.project_name)}</h2>
            <ShownOnceSecrets secrets />
            <div class="actions">
                <Show when=move || has_tokens>
                    <button type="button" on:click=download.clone()>{texts.download_env}</button>
                </Show>
                <a class="button primary" href=project_href>{texts.continue_to_project}</a>
            </div>
        </section>
    }
}

/// `sales-assistant.env`: the project's name reduced to letters, digits and dashes.
pub fn env_file_name(project_name: &str) -> String {
    let slug = crate::format::slug(project_name);
    format!("{}.env", if slug.is_empty() { "project" } else { &slug })
}

/// The project's id and tokens as `KEY=value` lines: the first token under the name the platform's examples
/// use (`SAIA_PROJECT_APITOKEN`), the others numbered, each named in a comment. Names from the server go into
/// comments only, with line breaks removed, so no name can add a line of its own.
pub fn env_file(project: &Project) -> String {
    let one_line = |text: &str| text.replace(['\r', '\n'], " ");
    let mut out = format!(
        "# Tokens of the GeneXus Enterprise AI project \"{}\"\n# Keep this file secret.\nSAIA_PROJECT_ID={}\n",
        one_line(&project.project_name),
        project.project_id
    );
    for (index, token) in project.tokens.iter().enumerate() {
        let key = if index == 0 {
            "SAIA_PROJECT_APITOKEN".to_string()
        } else {
            format!("SAIA_PROJECT_APITOKEN_{}", index + 1)
        };
        out.push_str(&format!("# {} ({})\n{key}={}\n", one_line(&token.name), token_status(token), token.id));
    }
    out
}

fn token_status(token: &ApiToken) -> &str {
    if token.status.is_empty() {
        "status unknown"
    } else {
        &token.status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_env_file_names_every_token_and_keeps_names_in_comments() {
        let token = |id: &str, name: &str| ApiToken {
            id: id.into(),
            name: name.into(),
            status: "Active".into(),
            ..Default::default()
        };
        let project = Project {
            project_id: "p-1".into(),
            project_name: "Sales\nEVIL=1".into(),
            tokens: vec![token("geai_a", "Default"), token("geai_b", "CI\nX=2")],
            ..Default::default()
        };
        let file = env_file(&project);
        assert_eq!(
            file,
            "# Tokens of the GeneXus Enterprise AI project \"Sales EVIL=1\"\n# Keep this file secret.\nSAIA_PROJECT_ID=p-1\n\
             # Default (Active)\nSAIA_PROJECT_APITOKEN=geai_a\n# CI X=2 (Active)\nSAIA_PROJECT_APITOKEN_2=geai_b\n"
        );
        assert!(file.lines().filter(|l| !l.starts_with('#')).all(|l| l.starts_with("SAIA_PROJECT_")));
    }

    #[test]
    fn file_names_are_slugs() {
        assert_eq!(env_file_name("Sales Assistant"), "sales-assistant.env");
        assert_eq!(env_file_name("  <script>  "), "script.env");
        assert_eq!(env_file_name("***"), "project.env");
    }
}
