//! The demo organization a sandbox starts with: the same seed and sizes always give the same data.

use crate::clock::{wall_ms, Clock};
use crate::config::{Dialect, LogEnd, SeedConfig};
use crate::model::{
    ApiToken, Assistant, Intent, LimitStatus, Organization, Project, ProjectStatus, RenewalStatus, RequestLog,
    Revision, SearchProfile, SubscriptionType, UsageLimit, UsageUnit,
};
use crate::random::{mix, Rng};
use crate::store::Store;
use crate::usage_limit::period_ms;

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

/// A seeded usage limit: its terms and when its period began. What it has used is counted from the log (see
/// `usage`), so the amounts below are those of the default seed and sizes, and of any longer log (`--requests
/// 1000000`): every period but the expired one lies within the newest 4,321 rows. The two limits that are
/// reached lie within the newest 200, so their projects are refused with 429 for any log of 200 rows or more.
struct SeededLimit {
    subscription: SubscriptionType,
    unit: UsageUnit,
    soft: f64,
    hard: f64,
    renewal: RenewalStatus,
    /// As set: Active (shown Active or Empty by usage), Expired or Cancelled.
    status: LimitStatus,
    /// When the period began, in milliseconds before the logs' newest request (`Clock`); it lasts one
    /// period of its subscription.
    began_before_newest_ms: i64,
}

/// By project index, repeating every eight for larger organizations (the terms repeat; the amounts used follow
/// each project's own log): every subscription type, unit, renewal status and limit status appears; with the
/// default seed, usage is under the soft limit (Customer Support), between soft and hard (Sales Assistant),
/// exactly at the hard limit (Legacy Chatbot) and over it (Marketing Copy), both of those Empty, so their
/// project tokens are refused with 429; and two projects in eight have no limit.
///
/// Periods begin at odd seconds on purpose: each is picked so that a round number of requests, or a cost near a
/// round number, falls in it. The amounts (default sizes) are pinned by the tests below and listed here:
///
/// | project | type | unit | soft | hard | used | remaining | status |
/// |---|---|---|---|---|---|---|---|
/// | Customer Support | Monthly | Cost | 80 | 100 | 12.49717 | 87.50283 | 1 Active (under soft) |
/// | Sales Assistant | Weekly | Requests | 4000 | 5000 | 4321 | 679 | 1 Active (soft reached) |
/// | Legacy Chatbot (hidden) | Freemium | Requests | 150 | 200 | 200 | 0 | 3 Empty (at hard) |
/// | Legal Review | Daily | Cost | 15 | 20 | 7.19167 | 12.80833 | 4 Cancelled |
/// | Marketing Copy | Monthly | Cost | 3 | 4 | 4.30714 | 0 | 3 Empty (over hard) |
/// | Old Experiments (hidden) | Freemium | Requests | 400 | 500 | 329 | 171 | 2 Expired |
/// | the organization | Monthly | Cost | 800 | 1000 | 36.1277 | 963.8723 | 1 Active |
const LIMITS: [Option<SeededLimit>; 8] = {
    use LimitStatus::{Active, Cancelled, Expired};
    use RenewalStatus::{NonRenewable, Renewable};
    use SubscriptionType::{Daily, Freemium, Monthly, Weekly};
    use UsageUnit::{Cost, Requests};
    [
        Some(limit(Monthly, Cost, 80.0, 100.0, Renewable, Active, before(5, 21, 1))),
        Some(limit(Weekly, Requests, 4000.0, 5000.0, Renewable, Active, before(44, 24, 46))),
        None,
        Some(limit(Freemium, Requests, 150.0, 200.0, NonRenewable, Active, before(2, 3, 29))),
        Some(limit(Daily, Cost, 15.0, 20.0, NonRenewable, Cancelled, before(3, 0, 0))),
        Some(limit(Monthly, Cost, 3.0, 4.0, Renewable, Active, before(2, 0, 0))),
        Some(limit(Freemium, Requests, 400.0, 500.0, NonRenewable, Expired, before(30 * 24 + 48, 0, 0))),
        None,
    ]
};

/// The organization's own limit: counted over every project's log, under its soft limit with the default sizes.
const ORGANIZATION_LIMIT: SeededLimit = limit(
    SubscriptionType::Monthly,
    UsageUnit::Cost,
    800.0,
    1000.0,
    RenewalStatus::Renewable,
    LimitStatus::Active,
    before(2, 0, 0),
);

/// One row of `LIMITS`: subscription, unit, soft, hard, renewal, status as set, when the period began.
const fn limit(
    subscription: SubscriptionType,
    unit: UsageUnit,
    soft: f64,
    hard: f64,
    renewal: RenewalStatus,
    status: LimitStatus,
    began_before_newest_ms: i64,
) -> SeededLimit {
    SeededLimit { subscription, unit, soft, hard, renewal, status, began_before_newest_ms }
}

/// Hours, minutes and seconds before the log's newest request, in milliseconds.
const fn before(hours: i64, minutes: i64, seconds: i64) -> i64 {
    ((hours * 60 + minutes) * 60 + seconds) * 1000
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
/// the seventh is Deleted (a status only that dialect has). Everything is dated by the clock `config.log_end`
/// names; only the dates differ between clocks.
pub fn organization(config: &SeedConfig, dialect: Dialect) -> Store {
    let clock = match config.log_end {
        LogEnd::Fixed => Clock::FIXED,
        LogEnd::Now => Clock::ending_at(wall_ms()),
    };
    let mut rng = Rng::new(config.seed);
    let mut limit_ids = Rng::new(mix(config.seed ^ LIMIT_STREAM));
    let (id, name, token) = (rng.guid(), "Acme Demo Org".to_string(), rng.secret("geai_org"));
    let projects: Vec<Project> = (0..config.projects)
        .map(|index| {
            let limit = LIMITS[index % LIMITS.len()].as_ref().map(|seeded| usage_limit(&mut limit_ids, seeded, &clock));
            project(&mut rng, index, limit, config, dialect, &clock)
        })
        .collect();
    // Drawn after the projects' limits, so that theirs kept the ids they had before the organization had one.
    let usage_limits = vec![usage_limit(&mut limit_ids, &ORGANIZATION_LIMIT, &clock)];
    let arcee = crate::arcee::seed::state(config.seed, crate::clock::today());
    let organization = Organization { id, name, token, usage_limits };
    let mut store = Store {
        organization,
        projects,
        rng: rng.next_u64(),
        arcee,
        people: Vec::new(),
        access: Default::default(),
        now_ms: clock.now_ms,
    };
    crate::access::seed::add(&mut store, config.seed);
    store
}

/// Adds to a state file of before a part of the sandbox existed what that part seeds (the Arcee API's state,
/// access control's people, roles and members), from the sandbox's seed. Says whether it added anything, so
/// that the file is rewritten with it.
pub fn upgrade(store: &mut Store, seed: u64) -> bool {
    let mut added = false;
    if !store.arcee.is_seeded() {
        store.arcee = crate::arcee::seed::state(seed, crate::clock::today());
        added = true;
    }
    if !crate::access::seed::is_seeded(store) {
        crate::access::seed::add(store, seed);
        added = true;
    }
    added
}

fn usage_limit(ids: &mut Rng, seeded: &SeededLimit, clock: &Clock) -> UsageLimit {
    let valid_from_ms = clock.newest_request_ms - seeded.began_before_newest_ms;
    UsageLimit {
        id: ids.guid(),
        subscription_type: seeded.subscription,
        usage_unit: seeded.unit,
        soft_limit: seeded.soft,
        hard_limit: seeded.hard,
        renewal_status: seeded.renewal,
        status: seeded.status,
        valid_from_ms,
        valid_until_ms: valid_from_ms + period_ms(seeded.subscription),
    }
}

fn project(
    rng: &mut Rng,
    index: usize,
    usage_limit: Option<UsageLimit>,
    config: &SeedConfig,
    dialect: Dialect,
    clock: &Clock,
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
    let created_ms = clock.newest_request_ms - 400 * 86_400_000 + index as i64 * 86_400_000;
    let mut tokens = vec![ApiToken {
        id: rng.secret("geai_prj"),
        name: "Default".into(),
        description: Some("Created with the project".into()),
        blocked: false,
        revoked_ms: None,
        created_ms,
    }];
    if index % 2 == 1 {
        tokens.push(ApiToken {
            id: rng.secret("geai_prj"),
            name: "Retired integration".into(),
            description: Some("Blocked after the 2024 key rotation".into()),
            blocked: true,
            revoked_ms: None,
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
        usage_limits: usage_limit.into_iter().collect(),
        search_profiles: vec![SearchProfile {
            name: "Default".into(),
            description: "Documents uploaded to the project".into(),
        }],
        tokens,
        assistants,
        requests: RequestLog {
            count: if config.assistants_per_project == 0 { 0 } else { config.requests_per_project },
            seed: rng.next_u64(),
            newest_ms: clock.newest_request_ms,
        },
        // Filled by `access::seed`, from a stream of its own.
        roles: Vec::new(),
        members: Vec::new(),
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
    use crate::limits::LimitOwner;
    use crate::model::Named;
    use crate::usage::Evaluated;

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

    /// A shown limit's status, used amount and remaining usage.
    type Level = (LimitStatus, f64, f64);

    /// (project, level) with the default seed and sizes: what sandbox/README.md lists.
    const LEVELS: [(&str, Option<Level>); 8] = [
        ("Customer Support", Some((LimitStatus::Active, 12.49717, 87.50283))),
        ("Sales Assistant", Some((LimitStatus::Active, 4321.0, 679.0))),
        ("HR Knowledge Base", None),
        ("Legacy Chatbot", Some((LimitStatus::Empty, 200.0, 0.0))),
        ("Legal Review", Some((LimitStatus::Cancelled, 7.19167, 12.80833))),
        ("Marketing Copy", Some((LimitStatus::Empty, 4.30714, 0.0))),
        ("Old Experiments", Some((LimitStatus::Expired, 329.0, 171.0))),
        ("Data Insights", None),
    ];

    #[test]
    fn the_seeded_limits_show_every_kind_and_level_and_two_projects_have_none() {
        let store = organization(&SeedConfig::default(), Dialect::Geai);
        let mut shown = Vec::new();
        for (project, (name, level)) in store.projects.iter().zip(LEVELS) {
            assert_eq!(project.name, name);
            let owner = LimitOwner::Project(project.id.clone());
            let limit = store.shown_limit(&owner);
            assert_eq!(project.usage_limits.len(), usize::from(level.is_some()), "{name}");
            let (Some(limit), Some((status, used, remaining))) = (limit, level) else { continue };
            let evaluated = store.evaluate(&owner, limit);
            assert_eq!(
                (evaluated.status, evaluated.used_amount, evaluated.remaining_usage),
                (status, used, remaining),
                "{name}"
            );
            shown.push((limit, evaluated));
        }
        for subscription in SubscriptionType::ALL {
            assert!(shown.iter().any(|(l, _)| l.subscription_type == *subscription), "{subscription:?}");
        }
        for unit in UsageUnit::ALL {
            assert!(shown.iter().any(|(l, _)| l.usage_unit == *unit), "{unit:?}");
        }
        for renewal in RenewalStatus::ALL {
            assert!(shown.iter().any(|(l, _)| l.renewal_status == *renewal), "{renewal:?}");
        }
        let active = |e: &Evaluated| matches!(e.status, LimitStatus::Active | LimitStatus::Empty);
        let (limits, levels): (Vec<_>, Vec<_>) = shown.iter().filter(|(_, e)| active(e)).cloned().unzip();
        let pairs: Vec<_> = limits.iter().zip(&levels).collect();
        assert!(pairs.iter().any(|(l, e)| e.used_amount < l.soft_limit), "one under its soft limit");
        assert!(pairs.iter().any(|(l, e)| l.soft_limit <= e.used_amount && e.used_amount < l.hard_limit));
        assert!(pairs.iter().any(|(l, e)| e.used_amount == l.hard_limit && e.status == LimitStatus::Empty));
        assert!(pairs.iter().any(|(l, e)| e.used_amount > l.hard_limit && e.remaining_usage == 0.0));
        for (l, _) in &shown {
            assert!(l.soft_limit <= l.hard_limit && l.valid_from_ms < l.valid_until_ms);
            assert!(l.usage_unit == UsageUnit::Cost || [l.soft_limit, l.hard_limit].iter().all(|a| a.fract() == 0.0));
        }
        let ids: std::collections::HashSet<&str> = shown.iter().map(|(l, _)| l.id.as_str()).collect();
        assert_eq!(ids.len(), 6, "distinct ids");

        let organization = store.active_limit(&LimitOwner::Organization).expect("the organization's limit");
        let evaluated = store.evaluate(&LimitOwner::Organization, organization);
        assert_eq!((evaluated.status, evaluated.used_amount), (LimitStatus::Active, 36.1277));
        assert!(!ids.contains(organization.id.as_str()));
    }

    #[test]
    fn the_levels_hold_for_any_log_of_the_default_length_or_longer_and_the_refusals_for_300_rows() {
        for requests in [5_000, 20_000] {
            let config = SeedConfig { requests_per_project: requests, ..SeedConfig::default() };
            let store = organization(&config, Dialect::Geai);
            let used: Vec<Option<f64>> = store
                .projects
                .iter()
                .map(|p| {
                    let owner = LimitOwner::Project(p.id.clone());
                    store.shown_limit(&owner).map(|l| store.evaluate(&owner, l).used_amount)
                })
                .collect();
            let expected: Vec<Option<f64>> = LEVELS.iter().map(|(_, level)| level.map(|l| l.1)).collect();
            // The expired period lies beyond the newest 5,000 rows: a longer log has more of it.
            assert_eq!(used[..6], expected[..6], "{requests} rows");
        }
        let small = organization(&SeedConfig { requests_per_project: 300, ..SeedConfig::default() }, Dialect::Geai);
        let refused: Vec<&str> =
            small.projects.iter().filter(|p| small.require_quota(&p.id).is_err()).map(|p| p.name.as_str()).collect();
        assert_eq!(refused, ["Legacy Chatbot", "Marketing Copy"]);
    }

    #[test]
    fn larger_organizations_repeat_the_pattern() {
        let store = organization(
            &SeedConfig { projects: 20, assistants_per_project: 0, ..SeedConfig::default() },
            Dialect::Geai,
        );
        for (index, project) in store.projects.iter().enumerate() {
            let first = &store.projects[index % 8];
            let same = |p: &Project| p.usage_limits.first().map(|l| (l.subscription_type, l.hard_limit, l.status));
            assert_eq!(same(project), same(first), "{}", project.name);
        }
    }

    #[test]
    fn a_clock_that_ends_now_moves_the_dates_and_nothing_else() {
        let fixed = organization(&SeedConfig::default(), Dialect::Geai);
        let now = organization(&SeedConfig { log_end: LogEnd::Now, ..SeedConfig::default() }, Dialect::Geai);
        assert!(now.now_ms > crate::clock::wall_ms() - 60_000 && now.now_ms % 1000 == 0, "seeded now, to the second");
        assert_eq!(now.projects[0].requests.newest_ms, now.now_ms, "the logs end now");
        let shift = now.now_ms - crate::clock::LOG_EPOCH_MS;
        let mut moved = fixed.clone();
        moved.now_ms = now.now_ms;
        for project in &mut moved.projects {
            project.requests.newest_ms += shift;
            project.tokens.iter_mut().for_each(|t| t.created_ms += shift);
            let revisions = project.assistants.iter_mut().flat_map(|a| &mut a.intents).flat_map(|i| &mut i.revisions);
            revisions.for_each(|r| r.created_ms += shift);
        }
        let limits = moved.projects.iter_mut().flat_map(|p| &mut p.usage_limits);
        for limit in limits.chain(&mut moved.organization.usage_limits) {
            limit.valid_from_ms += shift;
            limit.valid_until_ms += shift;
        }
        assert!(moved == now, "only the dates differ");
        for (project, same) in fixed.projects.iter().zip(&now.projects) {
            let level = |store: &Store, id: &str| {
                let owner = LimitOwner::Project(id.to_string());
                store.shown_limit(&owner).map(|l| store.evaluate(&owner, l))
            };
            assert_eq!(level(&fixed, &project.id), level(&now, &same.id), "{}", project.name);
        }
    }
}
