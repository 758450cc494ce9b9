//! The accessibility audit: axe-core injected into the page, run, and every violation reported.

use serde_json::Value;

use crate::browser::Browser;
use crate::paths;

/// Runs axe-core on the current page and fails the test with a readable list if anything is violated.
pub async fn audit(browser: &Browser, screen: &str) {
    let path = paths::axe_script();
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask test`, which installs axe-core)", path.display()));
    // Scripts run through WebDriver are not subject to the page's Content-Security-Policy.
    browser.client.execute(&format!("{source}\nreturn true;"), vec![]).await.expect("inject axe-core");
    let result = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(JSON.stringify(r.violations)))
                .catch(e => done(JSON.stringify([{ id: 'axe-error', help: String(e), nodes: [] }])));",
            vec![],
        )
        .await
        .expect("run axe-core");
    let violations: Vec<Value> = serde_json::from_str(result.as_str().unwrap_or("[]")).expect("axe results");
    if violations.is_empty() {
        return;
    }
    let report: Vec<String> = violations
        .iter()
        .map(|v| {
            let targets: Vec<String> = v["nodes"]
                .as_array()
                .map(|nodes| nodes.iter().map(|n| n["target"].to_string()).collect())
                .unwrap_or_default();
            format!("- {} ({}): {}\n    at {}", v["id"], v["impact"], v["help"], targets.join(", "))
        })
        .collect();
    panic!("{} accessibility violation(s) on the {screen} screen:\n{}", violations.len(), report.join("\n"));
}
