//! The demo organization a sandbox starts with: the same seed and sizes always give the same data.

use crate::clock::LOG_EPOCH_MS;
use crate::config::{Dialect, SeedConfig};
use crate::model::{
    ApiToken, Assistant, Intent, Organization, Project, ProjectStatus, RequestLog, Revision, SearchProfile,
};
use crate::random::Rng;
use crate::store::Store;

const PROJECT_NAMES: &[(&str, &str)] = &[
    ("Customer Support", "Answers customer questions from the help center"),
    ("Sales Assistant", "Drafts quotes and follow-up e-mails"),
    ("HR Knowledge Base", "Policies, benefits and onboarding answers for employees"),
    ("Legacy Chatbot", "The 2023 pilot, kept for reference"),
    ("Legal Review", "Flags risky clauses in contracts"),
    ("Marketing Copy", "Campaign texts in English, Spanish and Portuguese"),
    ("Old Experiments", "Prompt experiments from the first quarter"),
    ("Data Insights", "Natural-language questions over the sales warehouse"),
];

const ASSISTANT_NAMES: &[&str] =
    &["Helpdesk", "Summarizer", "Translator", "Classifier", "Extractor", "Writer", "Router", "Reviewer"];

const MODELS: &[(&str, &str, &str)] = &[
    ("gpt-4o", "GPT-4o", "openai"),
    ("gpt-4o-mini", "GPT-4o mini", "openai"),
    ("claude-3-5-sonnet", "Claude 3.5 Sonnet", "anthropic"),
    ("gemini-1.5-pro", "Gemini 1.5 Pro", "googlevertexai"),
];

/// Builds the organization: every third project from the fourth on is hidden, and under the SAIA beta dialect
/// the seventh is Deleted (a status only that dialect has).
pub fn organization(config: &SeedConfig, dialect: Dialect) -> Store {
    let mut rng = Rng::new(config.seed);
    let organization = Organization { id: rng.guid(), name: "Acme Demo Org".into(), token: rng.secret("geai_org") };
    let projects = (0..config.projects).map(|index| project(&mut rng, index, config, dialect)).collect();
    Store { organization, projects, rng: rng.next_u64() }
}

fn project(rng: &mut Rng, index: usize, config: &SeedConfig, dialect: Dialect) -> Project {
    let (name, description) = match PROJECT_NAMES.get(index) {
        Some((name, description)) => (name.to_string(), description.to_string()),
        None => (format!("Project {}", index + 1), format!("Generated project number {}", index + 1)),
    };
    let status = match index {
        6 if dialect == Dialect::SaiaBeta => ProjectStatus::Deleted,
        i if i % 3 == 0 && i > 0 => ProjectStatus::Hidden,
        _ => ProjectStatus::Active,
    };
    let created_ms = LOG_EPOCH_MS - 400 * 86_400_000 + index as i64 * 86_400_000;
    let mut tokens = vec![ApiToken {
        id: rng.secret("geai_prj"),
        name: "Default".into(),
        description: Some("Created with the project".into()),
        blocked: false,
        created_ms,
    }];
    if index % 2 == 1 {
        tokens.push(ApiToken {
            id: rng.secret("geai_prj"),
            name: "Retired integration".into(),
            description: Some("Blocked after the 2024 key rotation".into()),
            blocked: true,
            created_ms: created_ms + 30 * 86_400_000,
        });
    }
    let assistants = (0..config.assistants_per_project).map(|i| assistant(rng, i, created_ms)).collect();
    Project {
        id: rng.guid(),
        name,
        description,
        status,
        administrator_user_email: Some(format!("admin{}@acme.example", index + 1)),
        usage_limit: None,
        search_profiles: vec![SearchProfile {
            name: "Default".into(),
            description: "Documents uploaded to the project".into(),
        }],
        tokens,
        assistants,
        requests: RequestLog {
            count: if config.assistants_per_project == 0 { 0 } else { config.requests_per_project },
            seed: rng.next_u64(),
        },
    }
}

fn assistant(rng: &mut Rng, index: usize, created_ms: i64) -> Assistant {
    let name = match ASSISTANT_NAMES.get(index) {
        Some(name) => name.to_string(),
        None => format!("Assistant {}", index + 1),
    };
    let revisions = (1..=1 + rng.below(3) as u32)
        .map(|number| {
            let (model_id, model_name, provider) = rng.pick(MODELS);
            Revision {
                id: rng.guid(),
                number,
                description: format!("Revision {number}"),
                model_id: model_id.to_string(),
                model_name: model_name.to_string(),
                provider_name: provider.to_string(),
                prompt: format!("You are {name}, an assistant of Acme. Answer briefly and cite sources."),
                created_ms: created_ms + i64::from(number) * 86_400_000,
                metadata: vec![("temperature".into(), "number".into(), format!("0.{}", rng.below(9)))],
            }
        })
        .collect::<Vec<_>>();
    Assistant {
        id: rng.guid(),
        intents: vec![Intent {
            id: rng.guid(),
            name: "default".into(),
            description: format!("What {name} does"),
            default_revision: revisions.len() as u32,
            revisions,
        }],
        name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_organization() {
        let config = SeedConfig::default();
        assert_eq!(organization(&config, Dialect::Geai), organization(&config, Dialect::Geai));
        let other = SeedConfig { seed: 7, ..SeedConfig::default() };
        assert_ne!(organization(&config, Dialect::Geai).organization, organization(&other, Dialect::Geai).organization);
    }
}
