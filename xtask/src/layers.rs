//! The dashboard's layers, checked: each top-level module of `src/` may use only the modules of the layers
//! below its own (docs/ARCHITECTURE.md draws them), so there are no import cycles; no component uses a page,
//! and no page uses another page. Read from the source text (`crate::name` paths outside comments), which is
//! how every module of this crate names another.

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom first. A module may use those of the layers before its own, never its own layer's or a later one's.
const LAYERS: &[&[&str]] = &[
    &["format", "web"],
    &["api"],
    &["preferences"],
    &["i18n"],
    &["checks", "routes", "session"],
    &["components"],
    &["pages"],
    &["screens"],
    &["app"],
];

/// Checks every `.rs` file under `src`; the error lists each use against the layers.
pub fn check(src: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect(src, &mut files)?;
    let mut problems = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(src).map_err(|e| e.to_string())?;
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        problems.extend(problems_in(&relative.to_string_lossy(), &text));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("imports against the layers (xtask/src/layers.rs):\n  {}", problems.join("\n  ")))
    }
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    Ok(())
}

/// The layer of a top-level module; `None` for the crate root (`lib.rs`, `main.rs`), which may use anything.
fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// `components/palette/dialog.rs` -> (`components`, `palette`); `session.rs` -> (`session`, ``).
fn place_of(relative: &str) -> (String, String) {
    let mut parts = relative.trim_end_matches(".rs").split('/');
    let top = parts.next().unwrap_or_default().to_string();
    let second = parts.next().unwrap_or_default().to_string();
    (top, second)
}

/// Every `crate::a::b` path outside `//` comments, as (`a`, `b`). A path in a string literal counts too: the
/// source has none, and a false alarm is safer than a missed use.
fn crate_paths(text: &str) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let tail = &after[name.len()..];
            let second = tail
                .strip_prefix("::")
                .map(|t| t.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect())
                .unwrap_or_default();
            if !name.is_empty() {
                found.insert((name, second));
            }
            rest = after;
        }
    }
    found
}

fn problems_in(relative: &str, text: &str) -> Vec<String> {
    let (module, area) = place_of(relative);
    let Some(own) = layer_of(&module) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (used, used_area) in crate_paths(text) {
        let Some(theirs) = layer_of(&used) else {
            // The crate root's items (`crate::mount`) belong to the app, above every layer.
            if !["lib", "main"].contains(&module.as_str()) {
                problems.push(format!("{relative}: uses the crate root (crate::{used})"));
            }
            continue;
        };
        if used == module {
            // Within a module, only pages are kept apart from each other.
            if module == "pages" && !used_area.is_empty() && used_area != area {
                problems.push(format!("{relative}: page {area} uses page {used_area}"));
            }
            continue;
        }
        if theirs >= own {
            problems.push(format!("{relative}: {module} uses {used}, which is not below it"));
        }
    }
    problems
}

/// The top-level modules' uses of each other, for the cycle test.
#[cfg(test)]
fn graph(files: &[(&str, &str)]) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let mut graph: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for (relative, text) in files {
        let (module, _) = place_of(relative);
        for (used, _) in crate_paths(text) {
            if used != module {
                graph.entry(module.clone()).or_default().insert(used);
            }
        }
    }
    graph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_use_of_a_higher_layer_or_a_sibling_page_is_named() {
        assert!(problems_in("api/client.rs", "use crate::format::mask;").is_empty());
        assert_eq!(
            problems_in("api/client.rs", "use crate::i18n::t;"),
            ["api/client.rs: api uses i18n, which is not below it"]
        );
        assert_eq!(
            problems_in("components/palette/commands.rs", "use crate::pages::SCREENS;"),
            ["components/palette/commands.rs: components uses pages, which is not below it"]
        );
        assert_eq!(
            problems_in("pages/project_form/edit.rs", "use crate::pages::project::RoutedProject;"),
            ["pages/project_form/edit.rs: page project_form uses page project"]
        );
        assert!(problems_in("pages/project/mod.rs", "use crate::pages::project::tokens;").is_empty());
        assert!(problems_in("pages/x.rs", "// see crate::app for why").is_empty(), "comments are not uses");
        assert_eq!(
            problems_in("i18n/switch.rs", "crate::remount();"),
            ["i18n/switch.rs: uses the crate root (crate::remount)"]
        );
        assert!(problems_in("lib.rs", "crate::app::App").is_empty());
    }

    #[test]
    fn layers_admit_no_cycle() {
        // Every use allowed by the layers goes down, so a cycle would need a use the check refuses.
        let files = [
            ("api/a.rs", "crate::format::x"),
            ("session.rs", "crate::api::y crate::i18n::t"),
            ("i18n/b.rs", "crate::api::z"),
        ];
        let graph = graph(&files);
        for (module, uses) in &graph {
            for used in uses {
                assert!(layer_of(used) < layer_of(module), "{module} -> {used}");
            }
        }
    }

    #[test]
    fn the_dashboard_keeps_its_layers() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../src");
        check(&src).unwrap();
    }
}
