//! The Arcee API's seeded state: one user in two organizations' world, three keys of every kind of expiry, two
//! contexts of support articles and questions, and a model. Secrets and ids come from the sandbox seed (their own
//! stream, so the Organization API's seeded data did not change); dates are counted from today, since the Arcee
//! API checks expiry by the calendar.

use super::model::{ApiKey, Columns, Context, Model, Organization, OrganizationType, State, User};
use crate::clock::DAY_MS;
use crate::random::{mix, Rng};

/// The seeded user: every key the banner and tests use is theirs.
pub const USER: &str = "admin@sandbox.example";
/// The user's organization, and their default.
pub const ORGANIZATION: &str = "sandbox-labs";
/// An organization the user is not a member of (its one member is `OTHER_USER`).
pub const OTHER_ORGANIZATION: &str = "other-co";
/// Another user, with a key of their own: the seeded user can neither see nor delete it.
pub const OTHER_USER: &str = "owner@other-co.example";

/// The seeded model.
pub const MODEL_ID: &str = "mdl_support";
pub const MODEL_NAME: &str = "support-assistant";

/// Mixed into the sandbox seed for the Arcee API's own stream of secrets and ids.
const ARCEE_STREAM: u64 = 0x6172_6365_6576_3200;

/// `support-docs`: title, doc.
const ARTICLES: [(&str, &str); 12] = [
    (
        "Resetting your password",
        "Forgot your password? Choose Forgot password on the sign-in page and we e-mail you a reset link. The link \
         works for 30 minutes; after that, ask for a new one.",
    ),
    (
        "Changing your password",
        "Signed in, open Account settings and choose Change password. Type the current password once and the new \
         one twice. Other sessions are signed out.",
    ),
    (
        "Updating billing details",
        "Owners can change the card, the billing address and the invoice e-mail under Settings, Billing. Changes \
         apply from the next invoice.",
    ),
    (
        "Downloading invoices",
        "Every invoice is listed under Settings, Billing, Invoices. Download one as a PDF, or all of a year as a ZIP \
         file.",
    ),
    (
        "Creating an API key",
        "Open Settings, API keys and choose New key. Pick an expiry date up to two years ahead. The key is shown \
         once: copy it to a safe place.",
    ),
    (
        "Revoking an API key",
        "Delete a key under Settings, API keys. It stops working at once, for every script that sends it. Make a \
         new key first if a service still needs one.",
    ),
    (
        "Exporting your data",
        "Choose Export under Settings, Data. The export is a CSV file with one row per document. Large exports are \
         e-mailed to you when they are ready.",
    ),
    (
        "Inviting team members",
        "Invite up to ten people at a time from Organization, Members. Each invitee gets an e-mail with a link to \
         join the organization.",
    ),
    (
        "Uploading a context",
        "A context is made from a CSV file with the columns doc and title, or answer, doc, question and title. \
         Large files are processed in the background.",
    ),
    (
        "Two-factor authentication",
        "Turn on two-factor authentication under Account settings, Security. You then confirm each sign-in with a \
         code from your authenticator app.",
    ),
    (
        "Cancelling a subscription",
        "Owners cancel under Settings, Billing, Plan. The plan stays active until the end of the billing period and \
         your data can be exported until then.",
    ),
    (
        "Rate limits",
        "Each API key may send 60 requests a minute. Past that, the API answers 429 Too Many Requests: wait a \
         moment and try again.",
    ),
];

/// `faq`: question, answer, title, doc.
const QUESTIONS: [(&str, &str, &str, &str); 6] = [
    (
        "How do I reset my password?",
        "Use the Forgot password link on the sign-in page.",
        "Password reset",
        "Resetting your password",
    ),
    ("Where can I find my invoices?", "Under Settings, Billing, Invoices.", "Invoices", "Downloading invoices"),
    (
        "How long does an API key last?",
        "Until the expiry date chosen when it was made, at most two years.",
        "API key expiry",
        "Creating an API key",
    ),
    ("Can I export my data?", "Yes: Settings, Data, Export gives a CSV file.", "Data export", "Exporting your data"),
    (
        "How many people can I invite at once?",
        "Up to ten people per invitation.",
        "Invitations",
        "Inviting team members",
    ),
    (
        "What happens when I hit the rate limit?",
        "The API answers 429; wait a moment and try again.",
        "Rate limits",
        "Rate limits",
    ),
];

/// The seeded state; `today` is days since 1970-01-01, from which creation and expiry dates are counted.
pub fn state(seed: u64, today: i64) -> State {
    let mut rng = Rng::new(mix(seed ^ ARCEE_STREAM));
    let day = |offset: i64, hour: i64| (today + offset) * DAY_MS + hour * 3_600_000;
    let mut key = |owner: &str, expiry: i64, created_days_ago: i64| ApiKey {
        secret: format!("arc_{}", rng.hex(32)),
        id: format!("tok_{}", rng.hex(12)),
        owner: owner.to_string(),
        expiry_day: today + expiry,
        created_ms: day(-created_days_ago, 9),
    };
    let keys = vec![key(USER, 365, 60), key(USER, 30, 5), key(USER, -10, 200), key(OTHER_USER, 90, 100)];
    let organization = |name: &str, slug: &str, created_days_ago: i64, member: &str| Organization {
        name: name.into(),
        slug: slug.into(),
        kind: OrganizationType::Team,
        created_ms: day(-created_days_ago, 10),
        members: vec![member.into()],
        invited: Vec::new(),
    };
    let organizations = vec![
        organization("Sandbox Labs", ORGANIZATION, 400, USER),
        organization("Other Co", OTHER_ORGANIZATION, 300, OTHER_USER),
    ];
    let users = vec![
        User { email: USER.into(), default_organization: ORGANIZATION.into() },
        User { email: OTHER_USER.into(), default_organization: OTHER_ORGANIZATION.into() },
    ];
    let documents = ARTICLES.iter().map(|(title, doc)| vec![doc.to_string(), title.to_string()]).collect();
    let questions = QUESTIONS
        .iter()
        .map(|(question, answer, title, doc)| [answer, doc, question, title].map(|s| s.to_string()).to_vec())
        .collect();
    let mut context = |name: &str, columns, rows| Context {
        name: name.into(),
        id: format!("ctx_{}", rng.hex(12)),
        columns,
        rows,
        processing_until: None,
    };
    let contexts = vec![
        context("support-docs", Columns::Documents, documents),
        context("faq", Columns::QuestionsAndAnswers, questions),
    ];
    let models = vec![Model {
        id: MODEL_ID.into(),
        name: MODEL_NAME.into(),
        context: Some("support-docs".into()),
        generator: None,
        trainings: 1,
        trained_ms: day(-20, 11),
    }];
    State { users, organizations, keys, contexts, models, feedback: Vec::new(), rng: rng.next_u64() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_and_day_give_the_same_state_and_another_seed_other_secrets() {
        assert_eq!(state(42, 20_000), state(42, 20_000));
        assert_ne!(state(42, 20_000).keys[0].secret, state(7, 20_000).keys[0].secret);
        let key = &state(42, 20_000).keys[0].secret;
        assert!(key.len() == 36 && key.starts_with("arc_"), "{key}");
        assert!(key[4..].chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)), "{key}");
    }
}
