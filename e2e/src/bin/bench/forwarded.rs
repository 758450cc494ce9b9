//! Issue 22: the projects screen served by `cargo xtask run --upstream`'s forwarding server (geai-serve in front
//! of a sandbox on another port) against the same build served by `geai-sandbox --dist` itself: navigation start
//! to the first data row painted, cold (a new browser profile per load, warm servers), the two alternating,
//! median of 7.
//! Target: through the forwarder at most 1.1x.

use std::path::Path;

use geai_e2e::Browser;
use geai_sandbox::config::SeedConfig;

use crate::apps::App;
use crate::summary::{Summary, Target, Unit};
use crate::{list, median, LOADS};

pub async fn run(dist: &Path, summary: &mut Summary) {
    let apps = [App::dashboard(dist, SeedConfig::default()).await, App::forwarded(dist, SeedConfig::default()).await];
    // One load each first, not counted: both servers then have their files read and their connections open,
    // so what is compared is the serving and the forwarding, not whose first request warms what.
    for app in &apps {
        app.load(&Browser::start().await, app.projects).await;
    }
    let mut painted: [Vec<f64>; 2] = Default::default();
    let mut timelines: [Vec<String>; 2] = Default::default();
    for _ in 0..LOADS {
        for (i, app) in apps.iter().enumerate() {
            let browser = Browser::start().await;
            let load = app.load(&browser, app.projects).await;
            painted[i].push(load.painted);
            if timelines[i].is_empty() {
                timelines[i] = load
                    .fetched
                    .iter()
                    .map(|f| {
                        format!("{:8.1} -> {:8.1}  {}", f.start, f.end, f.url.strip_prefix(&app.url).unwrap_or(&f.url))
                    })
                    .collect();
            }
        }
    }
    let ratio = median(&painted[1]) / median(&painted[0]);
    println!("projects screen, first row painted, cold ({LOADS} loads each, alternating):");
    for (app, times) in apps.iter().zip(&painted) {
        println!("  {:<30} median {:.0} ms (each: {})", app.name, median(times), list(times));
    }
    println!("  through geai-serve / served by the sandbox: {ratio:.2} (target <= 1.1)");
    for (app, timeline) in apps.iter().zip(&timelines) {
        println!("  the first load, {} (ms from navigation start):\n    {}", app.name, timeline.join("\n    "));
    }
    summary.add("projects, cold, through geai-serve", Unit::Ms, median(&painted[1]), Err("-".into()), Target::None);
    summary.add("  / served by geai-sandbox --dist", Unit::Times, ratio, Err("-".into()), Target::Dashboard(1.1));
}
