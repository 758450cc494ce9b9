//! The projects the palette searches: the organization's list, fetched once per tab the first time the palette
//! opens with an organization token (again only after a failure, for another connection, or after this tab
//! changed a project), then searched in
//! memory as the user types: never a request per keystroke. With only a project token, that one project.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiError, ProjectRow, ProjectStatus};
use crate::i18n::t;
use crate::session::Session;

/// A project as the palette finds it, with its name and id lowercased once for matching.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectEntry {
    pub id: String,
    pub name: String,
    /// Hidden or Deleted; nothing for an active project. Worded when listed, in the language of that moment.
    pub status: Option<ProjectStatus>,
    pub name_lower: String,
    pub id_lower: String,
}

impl ProjectEntry {
    pub fn new(id: String, name: String, status: Option<ProjectStatus>) -> Self {
        Self { name_lower: name.to_lowercase(), id_lower: id.to_lowercase(), id, name, status }
    }

    fn from_project(project: ProjectRow) -> Self {
        let status = project.status();
        let status = (status != ProjectStatus::Active).then_some(status);
        Self::new(project.project_id, project.project_name, status)
    }
}

#[derive(Clone, Default)]
enum Listing {
    #[default]
    None,
    Loading,
    Loaded(Arc<Vec<ProjectEntry>>),
    /// What went wrong, worded when shown (in the language of that moment).
    Failed(ApiError),
}

/// Which installation and organization token a list came from (another connection needs its own list), and
/// after which of this tab's changes to the projects (`session::projects_changed`). Held in memory only, as the
/// session holds the token; never printed (no `Debug`).
#[derive(Clone, PartialEq)]
struct Source {
    base_url: String,
    organization_token: String,
    generation: u64,
}

/// The palette's projects, kept for the tab by its dialog (mounted once, on the first opening).
#[derive(Clone, Copy)]
pub struct ProjectIndex {
    listing: RwSignal<Listing>,
    source: StoredValue<Option<Source>>,
}

impl ProjectIndex {
    pub fn new() -> Self {
        Self { listing: RwSignal::new(Listing::None), source: StoredValue::new(None) }
    }

    /// Called at each opening: makes sure the list belongs to the current connection, fetching it if it was
    /// never fetched for it, or if the last try failed.
    pub fn refresh_if_needed(&self, session: Session) {
        let connection = session.connection();
        let organization = connection.as_ref().and_then(|c| c.organization.as_ref().map(|o| (c, o)));
        let Some((connection, credential)) = organization else {
            self.source.set_value(None);
            let own = connection
                .and_then(|c| c.project)
                .and_then(|p| Some((p.identity.project_id?, p.identity.project_name)));
            self.listing.set(match own {
                Some((id, name)) => {
                    let name = name.unwrap_or_else(|| id.clone());
                    Listing::Loaded(Arc::new(vec![ProjectEntry::new(id, name, None)]))
                }
                None => Listing::None,
            });
            return;
        };
        let source = Source {
            base_url: connection.base_url.clone(),
            organization_token: credential.token.clone(),
            generation: crate::session::projects_generation(),
        };
        let same_source = self.source.with_value(|s| s.as_ref() == Some(&source));
        let usable = self.listing.with_untracked(|l| matches!(l, Listing::Loading | Listing::Loaded(_)));
        if same_source && usable {
            return;
        }
        self.source.set_value(Some(source.clone()));
        self.listing.set(Listing::Loading);
        let client = session.client();
        let index = *self;
        spawn_local(async move {
            let result = client.list_project_rows().await;
            // Meanwhile another connection may have asked for its own list; this one is then of no use.
            if index.source.with_value(|s| s.as_ref() != Some(&source)) {
                return;
            }
            index.listing.set(match result {
                Ok(projects) => {
                    let mut entries: Vec<ProjectEntry> = projects.into_iter().map(ProjectEntry::from_project).collect();
                    entries.sort_by(|a, b| a.name_lower.cmp(&b.name_lower));
                    Listing::Loaded(Arc::new(entries))
                }
                Err(error) => Listing::Failed(error),
            });
        });
    }

    /// The projects loaded so far (none while loading or after a failure); tracked.
    pub fn entries(&self) -> Arc<Vec<ProjectEntry>> {
        self.listing.with(|listing| match listing {
            Listing::Loaded(entries) => entries.clone(),
            _ => Arc::default(),
        })
    }

    /// A line about the list when it is not simply there: loading, or why it is not.
    pub fn note(&self) -> Option<String> {
        self.listing.with(|listing| match listing {
            Listing::Loading => Some(t().palette().loading_projects.to_string()),
            Listing::Failed(problem) => Some(t().palette().projects_failed(&problem.to_string())),
            Listing::None | Listing::Loaded(_) => None,
        })
    }
}
