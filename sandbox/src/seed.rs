//! The demo organization a sandbox starts with: the same seed and sizes always give the same data.

use crate::clock::{DAY_MS, LOG_EPOCH_MS};
use crate::config::{Dialect, SeedConfig};
use crate::model::{
    ApiToken, Assistant, Intent, LimitStatus, Organization, Project, ProjectStatus, RenewalStatus, RequestLog,
    Revision, SearchProfile, SubscriptionType, UsageLimit, UsageUnit,
};
use crate::random::{mix, Rng};
use crate::store::Store;
use crate::usage_limit::{period_ms, remaining};

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

/// A seeded project's usage limit: what a project of each index gets (`None`: no limit).
struct SeededLimit {
    subscription: SubscriptionType,
    unit: UsageUnit,
    soft: f64,
    hard: f64,
    used: f64,
    renewal: RenewalStatus,
    status: LimitStatus,
    /// How many days before the log's newest request the current period began.
    started_days_ago: i64,
}

/// By project index, repeating every eight for larger organizations: every subscription type, unit, renewal
/// status and limit status appears, used amounts fall under the soft limit, between soft and hard, and at or
/// over the hard limit (Empty), and two projects in eight have no limit. Fixed values, so the README can list
/// them; only the ids come from the seed.
const LIMITS: [Option<SeededLimit>; 8] = {
    use LimitStatus::{Active, Cancelled, Empty, Expired};
    use RenewalStatus::{NonRenewable, Renewable};
    use SubscriptionType::{Daily, Freemium, Monthly, Weekly};
    use UsageUnit::{Cost, Requests};
    [
        Some(limit(Monthly, Cost, 80.0, 100.0, 12.5, Renewable, Active, 19)),
        Some(limit(Weekly, Requests, 4000.0, 5000.0, 4321.0, Renewable, Active, 3)),
        None,
        Some(limit(Freemium, Requests, 800.0, 1000.0, 1000.0, NonRenewable, Empty, 12)),
        Some(limit(Daily, Cost, 15.0, 20.0, 3.75, NonRenewable, Cancelled, 0)),
        Some(limit(Monthly, Cost, 400.0, 500.0, 512.4, Renewable, Empty, 19)),
        Some(limit(Freemium, Requests, 200.0, 250.0, 187.0, NonRenewable, Expired, 75)),
        None,
    ]
};

/// One row of `LIMITS`: subscription, unit, soft, hard, used, renewal, status, days since the period began.
#[allow(clippy::too_many_arguments)]
const fn limit(
    subscription: SubscriptionType,
    unit: UsageUnit,
    soft: f64,
    hard: f64,
    used: f64,
    renewal: RenewalStatus,
    status: LimitStatus,
    started_days_ago: i64,
) -> SeededLimit {
    SeededLimit { subscription, unit, soft, hard, used, renewal, status, started_days_ago }
}

/// Mixed into the seed for the limits' own stream of ids, so adding limits changed no other seeded id or token.
const LIMIT_STREAM: u64 = 0x7573_6167_656c_696d;

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
    let mut limit_ids = Rng::new(mix(config.seed ^ LIMIT_STREAM));
    let organization = Organization { id: rng.guid(), name: "Acme Demo Org".into(), token: rng.secret("geai_org") };
    let projects = (0..config.projects)
        .map(|index| project(&mut rng, index, usage_limit(&mut limit_ids, index), config, dialect))
        .collect();
    Store { organization, projects, rng: rng.next_u64() }
}

/// The limit of the project at `index`, its current period dated back from the log's newest request.
fn usage_limit(ids: &mut Rng, index: usize) -> Option<UsageLimit> {
    let seeded = LIMITS[index % LIMITS.len()].as_ref()?;
    let today_ms = LOG_EPOCH_MS - LOG_EPOCH_MS.rem_euclid(DAY_MS);
    let valid_from_ms = today_ms - seeded.started_days_ago * DAY_MS;
    Some(UsageLimit {
        id: ids.guid(),
        subscription_type: seeded.subscription,
        usage_unit: seeded.unit,
        soft_limit: seeded.soft,
        hard_limit: seeded.hard,
        used_amount: seeded.used,
        remaining_usage: remaining(seeded.hard, seeded.used),
        renewal_status: seeded.renewal,
        status: seeded.status,
        valid_from_ms,
        valid_until_ms: valid_from_ms + period_ms(seeded.subscription),
    })
}

fn project(
    rng: &mut Rng,
    index: usize,
    usage_limit: Option<UsageLimit>,
    config: &SeedConfig,
    dialect: Dialect,
) -> Project {
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
        usage_limit,
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
    use crate::model::Named;

    #[test]
    fn the_same_seed_gives_the_same_organization() {
        let config = SeedConfig::default();
        assert_eq!(organization(&config, Dialect::Geai), organization(&config, Dialect::Geai));
        let other = SeedConfig { seed: 7, ..SeedConfig::default() };
        assert_ne!(organization(&config, Dialect::Geai).organization, organization(&other, Dialect::Geai).organization);
    }

    #[test]
    fn revision_numbers_are_unique_within_an_intent_and_the_default_is_one_of_them() {
        let store = organization(&SeedConfig::default(), Dialect::Geai);
        let intents = store.projects.iter().flat_map(|p| &p.assistants).flat_map(|a| &a.intents);
        for intent in intents {
            let mut numbers: Vec<u32> = intent.revisions.iter().map(|r| r.number).collect();
            numbers.sort_unstable();
            numbers.dedup();
            assert_eq!(numbers.len(), intent.revisions.len(), "{intent:?}");
            assert!(numbers.contains(&intent.default_revision), "{intent:?}");
        }
    }

    #[test]
    fn the_eight_seeded_limits_show_every_kind_and_two_projects_have_none() {
        let store = organization(&SeedConfig::default(), Dialect::Geai);
        let limits: Vec<&UsageLimit> = store.projects.iter().filter_map(|p| p.usage_limit.as_ref()).collect();
        assert_eq!(limits.len(), 6);
        for subscription in SubscriptionType::ALL {
            assert!(limits.iter().any(|l| l.subscription_type == *subscription), "{subscription:?}");
        }
        for unit in UsageUnit::ALL {
            assert!(limits.iter().any(|l| l.usage_unit == *unit), "{unit:?}");
        }
        for renewal in RenewalStatus::ALL {
            assert!(limits.iter().any(|l| l.renewal_status == *renewal), "{renewal:?}");
        }
        for status in [LimitStatus::Active, LimitStatus::Expired, LimitStatus::Empty, LimitStatus::Cancelled] {
            assert!(limits.iter().any(|l| l.status == status), "{status:?}");
        }
        assert!(limits.iter().any(|l| l.used_amount < l.soft_limit));
        assert!(limits.iter().any(|l| l.soft_limit <= l.used_amount && l.used_amount < l.hard_limit));
        assert!(limits.iter().filter(|l| l.used_amount >= l.hard_limit).all(|l| l.status == LimitStatus::Empty));
        assert!(limits.iter().any(|l| l.used_amount > l.hard_limit && l.remaining_usage == 0.0));
        for l in &limits {
            assert!(l.soft_limit <= l.hard_limit && l.valid_from_ms < l.valid_until_ms);
            assert_eq!(l.status == LimitStatus::Expired, l.valid_until_ms < LOG_EPOCH_MS, "{l:?}");
            assert!(
                l.usage_unit == UsageUnit::Cost
                    || [l.soft_limit, l.hard_limit, l.used_amount].iter().all(|a| a.fract() == 0.0)
            );
        }
        let ids: std::collections::HashSet<&str> = limits.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids.len(), 6, "distinct ids");
    }

    #[test]
    fn larger_organizations_repeat_the_pattern() {
        let store = organization(
            &SeedConfig { projects: 20, assistants_per_project: 0, ..SeedConfig::default() },
            Dialect::Geai,
        );
        for (index, project) in store.projects.iter().enumerate() {
            let first = &store.projects[index % 8];
            let same = |p: &Project| p.usage_limit.as_ref().map(|l| (l.subscription_type, l.hard_limit, l.used_amount));
            assert_eq!(same(project), same(first), "{}", project.name);
        }
    }
}
