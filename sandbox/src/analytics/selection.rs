//! What a call is about: the logs of one project or of the whole organization, with what the answers name (the
//! assistants and their models), copied out of the store so that the sums run without holding its lock.

use crate::model::{Assistant, Project, RequestLog};
use crate::people::{cast_member, Person};

/// The projects a call covers.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub projects: Vec<Source>,
    /// The e-mail address and name of the logs' users, by cast position: the store's people, whose first ones are
    /// the seeded cast (invitations only add after them), so that a name changed there reads changed here too.
    pub people: Vec<(String, String)>,
}

/// One project's part: its log, and its assistants in the order the log's rows index them.
#[derive(Clone, Debug)]
pub struct Source {
    pub log: RequestLog,
    pub agents: Vec<Agent>,
    /// When the project was created: when its first token was (one is made with every project).
    pub created_ms: i64,
}

/// An assistant as the analytics name it: `agent` and, per agent and model, `model`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    pub name: String,
    /// The model of its first intent's default revision, by id (`gpt-4o`), which is what answers its requests.
    pub model: String,
}

impl Selection {
    pub fn of<'a>(projects: impl IntoIterator<Item = &'a Project>, people: &[Person]) -> Self {
        let people = people.iter().map(|p| (p.email.clone(), p.name.clone())).collect();
        Self { projects: projects.into_iter().map(Source::of).collect(), people }
    }

    /// The user at cast `position`: the store's person there, or the seeded cast's (a state file of before access
    /// control has no people).
    pub fn user(&self, position: usize) -> (String, String) {
        self.people.get(position).cloned().unwrap_or_else(|| {
            let (email, name) = cast_member(position);
            (email, name.to_string())
        })
    }
}

impl Source {
    pub fn of(project: &Project) -> Self {
        Self {
            log: project.requests,
            agents: project.assistants.iter().map(Agent::of).collect(),
            created_ms: project.tokens.iter().map(|t| t.created_ms).min().unwrap_or(project.requests.newest_ms),
        }
    }
}

impl Agent {
    fn of(assistant: &Assistant) -> Self {
        let model = assistant
            .intents
            .first()
            .and_then(|intent| intent.revisions.iter().find(|r| r.number == intent.default_revision))
            .map_or_else(String::new, |revision| revision.model_id.clone());
        Self { name: assistant.name.clone(), model }
    }
}
