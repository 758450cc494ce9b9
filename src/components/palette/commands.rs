//! What the palette lists: the screens of what is connected, the actions that make sense now, and the
//! projects; and which of them a query finds, in what order.

use super::matching::{best_rank, ranked, Rank};
use super::projects::ProjectEntry;
use super::registry::PaletteAction;
use crate::i18n::t;
use crate::routes::{self, screens_of, Area};

/// At most this many projects are listed at once; the status line says how many more match.
pub const PROJECTS_SHOWN: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Screen,
    Action,
    Project,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Screen => t().palette().kind_screen,
            Self::Action => t().palette().kind_action,
            Self::Project => t().palette().kind_project,
        }
    }
}

/// What choosing a command does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Goes to a path of the app.
    Go(String),
    SignOut,
    /// Runs an action a screen registered (by its id).
    Registered(u64),
}

/// One line of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Command {
    pub kind: Kind,
    pub label: String,
    /// Shown beside the label (a project's id, a screen's path); matched too.
    pub detail: String,
    pub target: Target,
    /// Lowercased label, detail and other words that should find it.
    search: Vec<String>,
    /// Listed after everything else that matches as well, so that a quick Enter never signs anyone out.
    last_among_equals: bool,
}

impl Command {
    fn new(kind: Kind, label: &str, detail: &str, keywords: &str, target: Target) -> Self {
        let search = [label, detail, keywords].iter().filter(|t| !t.is_empty()).map(|t| t.to_lowercase()).collect();
        let last_among_equals = target == Target::SignOut;
        Self { kind, label: label.to_string(), detail: detail.to_string(), target, search, last_among_equals }
    }

    fn rank(&self, query: &str) -> Option<Rank> {
        best_rank(self.search.iter().map(String::as_str), query)
    }

    fn project(entry: &ProjectEntry) -> Self {
        let detail = match entry.status {
            Some(status) => format!("{} \u{00b7} {}", entry.id, status.label()),
            None => entry.id.clone(),
        };
        // Name and id are matched through the entry's own lowercased copies; no need for a second set here.
        Self {
            kind: Kind::Project,
            label: entry.name.clone(),
            detail,
            target: Target::Go(routes::project(&entry.id)),
            search: Vec::new(),
            last_among_equals: false,
        }
    }
}

/// What is connected, as far as the list depends on it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Connected {
    /// The Organization API, with either token.
    pub organization_api: bool,
    pub organization_token: bool,
    pub arcee: bool,
}

impl Connected {
    fn signed_in(self) -> bool {
        self.organization_api || self.arcee
    }
}

/// The screens, as the header's navigation lists them for what is connected, then the connect screen.
pub fn screens(connected: Connected) -> Vec<Command> {
    let mut screens = Vec::new();
    if connected.organization_api {
        for screen in screens_of(Area::Organization).chain(screens_of(Area::Project)) {
            let (path, label) = (screen.path, (screen.label)(t()));
            screens.push(Command::new(Kind::Screen, label, path, "", Target::Go(path.to_string())));
        }
    }
    if connected.arcee {
        for screen in screens_of(Area::Arcee) {
            let (path, label) = (screen.path, (screen.label)(t()));
            screens.push(Command::new(Kind::Screen, label, path, "arcee", Target::Go(path.to_string())));
        }
    }
    screens.push(Command::new(
        Kind::Screen,
        t().shell().nav_connection,
        crate::routes::CONNECT,
        t().palette().connection_keywords,
        Target::Go(crate::routes::CONNECT.into()),
    ));
    screens
}

/// The actions that make sense now: the app's own, then those the mounted screens registered.
pub fn actions(connected: Connected, registered: &[PaletteAction]) -> Vec<Command> {
    let texts = t().palette();
    let mut actions = Vec::new();
    if connected.organization_token {
        let new_project = Target::Go(crate::routes::NEW_PROJECT.into());
        actions.push(Command::new(Kind::Action, texts.new_project, "", texts.new_project_keywords, new_project));
    }
    actions.push(Command::new(
        Kind::Action,
        texts.connect,
        "",
        texts.connect_keywords,
        Target::Go(crate::routes::CONNECT.into()),
    ));
    if connected.signed_in() {
        actions.push(Command::new(Kind::Action, texts.sign_out, "", texts.sign_out_keywords, Target::SignOut));
    }
    // App-wide switches (theme, language) belong here, or register from the header's own switch with
    // `register_palette_action`, whose actions follow.
    actions.extend(
        registered.iter().map(|action| {
            Command::new(Kind::Action, &action.label, "", &action.keywords, Target::Registered(action.id))
        }),
    );
    actions
}

/// What a query finds, best first: screens and actions, then at most [`PROJECTS_SHOWN`] projects.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub commands: Vec<Command>,
    /// Projects that match but are not listed.
    pub more_projects: usize,
}

/// `query` (normalized, see `matching::normalize`) in `fixed` (screens, then actions) and `projects` (in name
/// order). Everything found is ordered by how well it matches; ties keep screens, actions, projects in turn,
/// except that Sign out comes after all of them.
pub fn find(fixed: &[Command], projects: &[ProjectEntry], query: &str) -> Found {
    let fixed = ranked(fixed.iter(), |command| command.rank(query));
    let projects =
        ranked(projects.iter(), |entry| best_rank([entry.name_lower.as_str(), entry.id_lower.as_str()], query));
    let more_projects = projects.len().saturating_sub(PROJECTS_SHOWN);
    let shown = projects.into_iter().take(PROJECTS_SHOWN).map(|(rank, entry)| (rank, Command::project(entry)));
    let mut all: Vec<(Rank, Command)> = fixed.into_iter().map(|(rank, command)| (rank, command.clone())).collect();
    all.extend(shown);
    all.sort_by_key(|(rank, command)| (*rank, command.last_among_equals));
    Found { commands: all.into_iter().map(|(_, command)| command).collect(), more_projects }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::palette::matching::normalize;

    fn project(id: &str, name: &str) -> ProjectEntry {
        ProjectEntry::new(id.into(), name.into(), None)
    }

    fn labels(found: &Found) -> Vec<&str> {
        found.commands.iter().map(|c| c.label.as_str()).collect()
    }

    const EVERYTHING: Connected = Connected { organization_api: true, organization_token: true, arcee: true };

    #[test]
    fn screens_follow_what_is_connected() {
        let arcee_only = screens(Connected { arcee: true, ..Connected::default() });
        assert!(arcee_only.iter().all(|s| s.label != "Projects"));
        assert!(arcee_only.iter().any(|s| s.target == Target::Go("/arcee/keys".into())));
        let nothing = screens(Connected::default());
        assert_eq!(nothing.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(), ["Connection"]);
        assert_eq!(screens(EVERYTHING).len(), routes::SCREENS.len() + 1);
    }

    #[test]
    fn new_project_needs_the_organization_token_and_sign_out_a_connection() {
        let project_token_only = Connected { organization_api: true, ..Connected::default() };
        let names = |c| actions(c, &[]).into_iter().map(|a| a.label).collect::<Vec<_>>();
        assert_eq!(names(project_token_only), ["Connect", "Sign out"]);
        assert_eq!(names(Connected::default()), ["Connect"]);
        assert_eq!(names(EVERYTHING), ["New project", "Connect", "Sign out"]);
    }

    #[test]
    fn a_project_is_found_by_part_of_its_name_or_id_and_goes_to_its_page() {
        let projects = [project("a1/b2", "Customer Support"), project("c3", "Sales Assistant")];
        let found = find(&screens(EVERYTHING), &projects, &normalize("STOMER"));
        assert_eq!(labels(&found), ["Customer Support"]);
        assert_eq!(found.commands[0].target, Target::Go("/projects/a1%2Fb2".into()));
        assert_eq!(labels(&find(&[], &projects, "c3")), ["Sales Assistant"]);
    }

    #[test]
    fn better_matches_come_first_and_ties_keep_screens_actions_projects() {
        let fixed: Vec<Command> = screens(EVERYTHING).into_iter().chain(actions(EVERYTHING, &[])).collect();
        let projects = [project("1", "Newsroom"), project("2", "Renewals")];
        assert_eq!(labels(&find(&fixed, &projects, "new")), ["New project", "Newsroom", "Renewals"]);
    }

    #[test]
    fn sign_out_comes_after_everything_that_matches_as_well() {
        let fixed = actions(EVERYTHING, &[]);
        let projects = [project("1", "Sales Assistant"), project("2", "Customer Support")];
        assert_eq!(
            labels(&find(&fixed, &projects, "s")),
            ["Sales Assistant", "Sign out", "Customer Support", "Connect"]
        );
    }

    #[test]
    fn at_most_twenty_projects_are_listed_and_the_rest_counted() {
        let projects: Vec<ProjectEntry> =
            (0..45).map(|i| project(&i.to_string(), &format!("Project {i:02}"))).collect();
        let found = find(&[], &projects, "project");
        assert_eq!(found.commands.len(), PROJECTS_SHOWN);
        assert_eq!(found.more_projects, 45 - PROJECTS_SHOWN);
        assert_eq!(found.commands[0].label, "Project 00");
        assert_eq!(find(&[], &projects, "project 4").more_projects, 0);
    }

    #[test]
    fn keywords_find_actions() {
        let found = find(&actions(EVERYTHING, &[]), &[], "log out");
        assert_eq!(labels(&found), ["Sign out"]);
    }
}
