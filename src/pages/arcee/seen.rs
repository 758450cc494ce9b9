//! What this tab has seen of the connected Arcee installation: the contexts it uploaded or looked up, and the
//! models it trained. Arcee lists neither contexts nor models, so a screen can offer only what this tab has met:
//! Contexts and Models add to this one memory, Models and Retrieval offer what it holds. It lives in memory only (a
//! reload forgets it, as it forgets the screens' input) and holds names and ids, never a key. It belongs to one
//! installation and organization: connecting to another starts it afresh, since their names mean nothing there.

use leptos::prelude::*;

use crate::api::arcee::ArceeClient;
use crate::i18n::t;

/// The most entries of each kind kept: enough for a session's work, few enough to offer as buttons.
const MOST: usize = 12;

/// A model trained in this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrainedModel {
    pub id: String,
    /// The name it was trained under, if one was given.
    pub name: Option<String>,
}

impl TrainedModel {
    /// How a picker shows it: `faq-bot (mdl_0a1b)`, or the id alone.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) if *name != self.id => format!("{name} ({})", self.id),
            _ => self.id.clone(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Seen {
    /// The base URL and organization the entries belong to.
    installation: String,
    /// Most recent first, each once.
    contexts: Vec<String>,
    models: Vec<TrainedModel>,
}

thread_local! {
    /// One memory for the tab: an `ArcRwSignal` needs no owner, so it outlives every screen, and views that
    /// read it follow its changes.
    static SEEN: ArcRwSignal<Seen> = ArcRwSignal::new(Seen::default());
}

fn installation(client: &ArceeClient) -> String {
    format!("{} {}", client.base_url, client.organization.as_deref().unwrap_or_default().trim())
}

/// Adds to the memory of `client`'s installation, starting it afresh if it was another's.
fn remember(client: &ArceeClient, change: impl FnOnce(&mut Seen)) {
    let here = installation(client);
    SEEN.with(|seen| {
        seen.update(|seen| {
            if seen.installation != here {
                *seen = Seen { installation: here, ..Seen::default() };
            }
            change(seen);
        })
    });
}

/// Reads the memory of `client`'s installation (tracked, so a view follows it); another's reads as empty.
fn read<T>(client: &ArceeClient, take: impl FnOnce(&Seen) -> T, empty: T) -> T {
    let here = installation(client);
    SEEN.with(|seen| seen.with(|seen| if seen.installation == here { take(seen) } else { empty }))
}

/// Puts `item` first, once, and keeps at most [`MOST`].
fn put_first<T: PartialEq>(list: &mut Vec<T>, item: T, same: impl Fn(&T, &T) -> bool) {
    list.retain(|other| !same(other, &item));
    list.insert(0, item);
    list.truncate(MOST);
}

/// A context this tab uploaded, or looked up and found.
pub fn context_seen(client: &ArceeClient, name: &str) {
    let name = name.to_string();
    remember(client, |seen| put_first(&mut seen.contexts, name, |a, b| a == b));
}

/// A model this tab trained; `name` is the one it was given, if any. A retrain by id keeps the name known.
pub fn model_trained(client: &ArceeClient, id: &str, name: Option<&str>) {
    remember(client, |seen| {
        let known = seen.models.iter().find(|m| m.id == id).and_then(|m| m.name.clone());
        let model = TrainedModel { id: id.to_string(), name: name.map(str::to_string).or(known) };
        put_first(&mut seen.models, model, |a, b| a.id == b.id);
    });
}

/// The contexts seen, most recent first.
pub fn contexts(client: &ArceeClient) -> Vec<String> {
    read(client, |seen| seen.contexts.clone(), Vec::new())
}

/// The models trained, most recent first.
pub fn models(client: &ArceeClient) -> Vec<TrainedModel> {
    read(client, |seen| seen.models.clone(), Vec::new())
}

/// What a field may offer: `(value, label)` pairs, for its suggestions list and its [`Picks`].
pub type Offers = Signal<Vec<(String, String)>>;

/// The contexts seen, as offers.
pub fn context_offers(client: ArceeClient) -> Offers {
    Signal::derive(move || contexts(&client).into_iter().map(|name| (name.clone(), name)).collect())
}

/// The models trained, as offers.
pub fn model_offers(client: ArceeClient) -> Offers {
    Signal::derive(move || models(&client).into_iter().map(|model| (model.id.clone(), model.label())).collect())
}

/// The offers as buttons under a field: one press puts its value into `value` and the focus back in the field
/// `field` (keyboard users type on, or submit). Nothing is shown when there is nothing to offer.
#[component]
pub fn Picks(
    /// The field the picks fill, by its element id.
    field: &'static str,
    /// What is offered (`models`, `contexts`): with `field`, the group's id, so that a field may have several.
    kind: &'static str,
    /// What the offers are, e.g. "Trained in this tab".
    heading: &'static str,
    offers: Offers,
    value: RwSignal<String>,
) -> impl IntoView {
    let heading_id = format!("{field}-{kind}-picks");
    view! {
        <Show when=move || offers.with(|o| !o.is_empty())>
            <div class="picks" role="group" aria-labelledby=heading_id.clone()>
                <span class="picks-heading" id=heading_id.clone()>{heading}</span>
                <ul>
                    {move || offers.get().into_iter().map(|(offered, label)| {
                        let name = t().arcee().models.use_offer(&label);
                        view! {
                            <li>
                                <button type="button" class="pick" aria-label=name on:click=move |_| {
                                    value.set(offered.clone());
                                    crate::web::focus_after_render(format!("#{field}"));
                                }>{label}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(base_url: &str) -> ArceeClient {
        ArceeClient { base_url: base_url.into(), ..Default::default() }
    }

    #[test]
    fn the_memory_keeps_the_latest_first_once_and_belongs_to_one_installation() {
        let here = client("http://127.0.0.1:1/v2");
        context_seen(&here, "faq");
        context_seen(&here, "support-docs");
        context_seen(&here, "faq");
        assert_eq!(contexts(&here), ["faq", "support-docs"]);
        model_trained(&here, "mdl_1", Some("faq-bot"));
        model_trained(&here, "mdl_2", None);
        model_trained(&here, "mdl_1", None);
        let labels: Vec<String> = models(&here).iter().map(TrainedModel::label).collect();
        assert_eq!(labels, ["faq-bot (mdl_1)", "mdl_2"], "a retrain by id keeps the name");
        for i in 0..20 {
            context_seen(&here, &format!("c{i}"));
        }
        assert_eq!(contexts(&here).len(), MOST);

        let elsewhere = client("https://api.arcee.ai/v2");
        assert!(contexts(&elsewhere).is_empty(), "another installation's names are not offered");
        context_seen(&elsewhere, "theirs");
        assert_eq!(contexts(&elsewhere), ["theirs"]);
        assert!(models(&here).is_empty(), "connecting elsewhere started afresh");
    }
}
