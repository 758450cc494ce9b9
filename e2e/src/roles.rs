//! Finding elements by ARIA role and accessible name, as Testing Library does: `by_role("button", "Use
//! Staging")` rather than `button[aria-label='Use Staging']`.
//!
//! Tests find elements as a person does, by what they are and what they are called, so the markup can change
//! under a test (a class renamed, a wrapper added, an id dropped) without breaking it, while a control that
//! loses its name or its role does break it, as it would for someone using a screen reader.
//!
//! Roles and names are the browser's own, read from Chromium's accessibility tree over the DevTools Protocol,
//! not approximated by a script: `DOM.getDocument` gives the document's node, `Accessibility.queryAXTree`
//! the tree's nodes of a role below it (with their computed names; nodes the tree ignores, such as what is
//! hidden or inert behind a modal dialog, are left out), and the one wanted becomes a WebDriver element
//! through its `backendDOMNodeId`: `DOM.resolveNode` gives a script handle on it, `Runtime.callFunctionOn`
//! marks it with a unique `data-e2e-role-match` attribute, WebDriver finds it by that attribute, and the mark
//! is taken off again. Backend node ids stay valid for a node's whole life, whatever other `DOM.*` calls on the
//! same connection (ChromeDriver's own included) do to the protocol's `nodeId`s, so only those are kept.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::Locator;
use serde_json::json;

use crate::browser::{Browser, PATIENCE};

/// The attribute that marks, for a moment, the node WebDriver is to find.
const MARK: &str = "data-e2e-role-match";

/// Tells marks apart, so that a find never meets an older one.
static MARKS: AtomicU64 = AtomicU64::new(0);

/// How a wanted name is compared with a candidate's accessible name, both with their whitespace collapsed.
#[derive(Clone, Copy)]
enum Name<'a> {
    Exactly(&'a str),
    Containing(&'a str),
}

impl Name<'_> {
    fn matches(self, name: &str) -> bool {
        match self {
            Name::Exactly(wanted) => name == collapse(wanted),
            Name::Containing(part) => name.contains(&collapse(part)),
        }
    }
}

impl std::fmt::Display for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Name::Exactly(wanted) => write!(f, "named {:?}", collapse(wanted)),
            Name::Containing(part) => write!(f, "with {:?} in its name", collapse(part)),
        }
    }
}

/// A node of the accessibility tree that is not ignored: its accessible name and the DOM node behind it.
struct Candidate {
    name: String,
    node: u64,
}

impl Browser {
    /// Waits for the one element of `role` (e.g. "button", "textbox", "dialog", "link") whose accessible name
    /// is `name`, and returns it.
    pub async fn by_role(&self, role: &str, name: &str) -> Element {
        self.one_by_role(role, Name::Exactly(name)).await
    }

    /// Waits for the one element of `role` whose accessible name contains `part`, and returns it.
    pub async fn by_role_containing(&self, role: &str, part: &str) -> Element {
        self.one_by_role(role, Name::Containing(part)).await
    }

    /// Waits until there is an element of `role`, and returns every one there is then, with its accessible
    /// name, in the tree's order.
    pub async fn all_by_role(&self, role: &str) -> Vec<(String, Element)> {
        self.wait_until(&format!("an element of role {role:?}"), || async move {
            let candidates = self.candidates(role).await.ok().filter(|c| !c.is_empty())?;
            let mut found = Vec::with_capacity(candidates.len());
            for candidate in candidates {
                // A node gone since the query: the page is changing; ask again.
                found.push((candidate.name, self.element_of(candidate.node).await.ok()?));
            }
            Some(found)
        })
        .await
    }

    /// Clicks the one element of `role` named `name` (waiting for it).
    pub async fn click_role(&self, role: &str, name: &str) {
        let element = self.by_role(role, name).await;
        element.click().await.unwrap_or_else(|e| panic!("click the {role} named {name:?}: {e}"));
    }

    /// Replaces the value of the one field of `role` named `name` (a "textbox" by its label, say) by typing, as
    /// `type_into` does: select all, delete, type.
    pub async fn type_into_role(&self, role: &str, name: &str, text: &str) {
        const SELECT_ALL_DELETE: &str = "\u{e009}a\u{e009}\u{e017}";
        let input = self.by_role(role, name).await;
        input.send_keys(SELECT_ALL_DELETE).await.unwrap_or_else(|e| panic!("clear the {role} named {name:?}: {e}"));
        if !text.is_empty() {
            input.send_keys(text).await.unwrap_or_else(|e| panic!("type into the {role} named {name:?}: {e}"));
        }
    }

    /// Whether an element of `role` named `name` is there now, without waiting: for asserting that one is not.
    pub async fn role_exists(&self, role: &str, name: &str) -> bool {
        let candidates = self.candidates(role).await.unwrap_or_else(|e| panic!("the {role}s on the page: {e}"));
        candidates.iter().any(|c| Name::Exactly(name).matches(&c.name))
    }

    /// Whether `element` has the focus now.
    pub async fn has_focus(&self, element: &Element) -> bool {
        let element = serde_json::to_value(element).expect("an element reference");
        let focused = self.client.execute("return arguments[0] === document.activeElement", vec![element]).await;
        focused.unwrap_or_else(|e| panic!("where the focus is: {e}")) == true
    }

    /// Waits for exactly one element of `role` whose name matches; fails listing what there is instead.
    async fn one_by_role(&self, role: &str, wanted: Name<'_>) -> Element {
        // Ends before `wait_until`'s own patience (started later), so that the failure says what was there.
        let started = Instant::now();
        let found = self
            .wait_until(&format!("one {role} {wanted}"), || async move {
                let candidates = match self.candidates(role).await {
                    Ok(candidates) => candidates,
                    Err(e) if started.elapsed() > PATIENCE => return Some(Err(format!("DevTools failed: {e}"))),
                    Err(_) => return None,
                };
                let matching: Vec<&Candidate> = candidates.iter().filter(|c| wanted.matches(&c.name)).collect();
                let problem = match matching.as_slice() {
                    [one] => match self.element_of(one.node).await {
                        Ok(element) => return Some(Ok(element)),
                        Err(e) => format!("it was found, but WebDriver could not reach it: {e}"),
                    },
                    [] => "none has that name".to_string(),
                    several => format!("{} have that name", several.len()),
                };
                (started.elapsed() > PATIENCE).then(|| Err(report(role, &candidates, &problem)))
            })
            .await;
        match found {
            Ok(element) => element,
            Err(report) => {
                let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
                panic!("no single {role} {wanted} at {url} after {PATIENCE:?}: {report}")
            }
        }
    }

    /// Every element of `role` in the accessibility tree now that the tree does not ignore, with its name.
    async fn candidates(&self, role: &str) -> Result<Vec<Candidate>, CmdError> {
        let document = self.try_devtools("DOM.getDocument", json!({ "depth": 0 })).await?;
        let query = json!({ "backendNodeId": document["root"]["backendNodeId"], "role": role });
        let tree = self.try_devtools("Accessibility.queryAXTree", query).await?;
        let nodes = tree["nodes"].as_array().map(Vec::as_slice).unwrap_or_default();
        Ok(nodes
            .iter()
            .filter(|node| node["ignored"] != true)
            .filter_map(|node| {
                let name = collapse(node["name"]["value"].as_str().unwrap_or_default());
                Some(Candidate { name, node: node["backendDOMNodeId"].as_u64()? })
            })
            .collect())
    }

    /// The WebDriver element of the DOM node with `backend_node_id`: marked, found by its mark, unmarked.
    async fn element_of(&self, backend_node_id: u64) -> Result<Element, CmdError> {
        let mark = MARKS.fetch_add(1, Ordering::Relaxed).to_string();
        let resolved = self.try_devtools("DOM.resolveNode", json!({ "backendNodeId": backend_node_id })).await?;
        let object = resolved["object"]["objectId"].clone();
        let on_node = |function: &str| {
            json!({
                "objectId": object,
                "functionDeclaration": function,
                "arguments": [{ "value": MARK }, { "value": mark }],
                "returnByValue": true,
            })
        };
        let marked = self
            .try_devtools(
                "Runtime.callFunctionOn",
                on_node("function (name, value) { this.setAttribute(name, value); }"),
            )
            .await?;
        let found = match marked.get("exceptionDetails") {
            Some(exception) => Err(CmdError::NotW3C(exception.clone())),
            None => self.client.find(Locator::Css(&format!("[{MARK}=\"{mark}\"]"))).await,
        };
        // The mark would do no harm, but the page is left as it was found.
        let _ = self
            .try_devtools("Runtime.callFunctionOn", on_node("function (name) { this.removeAttribute(name); }"))
            .await;
        let _ = self.try_devtools("Runtime.releaseObject", json!({ "objectId": object })).await;
        found
    }
}

/// What a failed `by_role` saw: every element of the role, by name.
fn report(role: &str, candidates: &[Candidate], problem: &str) -> String {
    if candidates.is_empty() {
        return format!("there is no {role} on the page");
    }
    let names: Vec<String> = candidates.iter().map(|c| format!("\n  {:?}", c.name)).collect();
    format!("{problem}; the {} of role {role:?} there are named:{}", candidates.len(), names.concat())
}

/// `text` with its runs of whitespace made single spaces, and none at the ends.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
