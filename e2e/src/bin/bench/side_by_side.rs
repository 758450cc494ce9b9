//! The dashboard beside react-admin on the projects screen, by one method: first-load bytes, navigation start
//! to the first data row painted with a cold and a warm cache, and memory after a garbage collection.
//! Loads alternate between the apps (dashboard, react-admin, dashboard, ...), so that whatever else the
//! machine does meanwhile hits both alike.

use geai_e2e::Browser;

use crate::apps::{first_row_painted, memory as memory_of, App, Load, Memory};
use crate::summary::{format_value, thousands, Summary, Target, Unit};
use crate::{list, median, LOADS};

/// The first-load budget the product promises, over gzip.
const FIRST_LOAD_BUDGET_GZIP: u64 = 150 * 1024;

/// Runs the comparison, prints it, adds its figures to `summary` and returns how many projects react-admin
/// says it has (its pagination's "1-25 of N").
pub async fn run(apps: &[App; 2], summary: &mut Summary) -> Option<u64> {
    let mut first: [Option<Load>; 2] = [None, None];
    let mut cold: [Vec<f64>; 2] = Default::default();
    let mut memory: [Vec<Memory>; 2] = Default::default();
    let mut anchor_projects = None;
    for _ in 0..LOADS {
        for (i, app) in apps.iter().enumerate() {
            // A new browser is a new profile: nothing cached.
            let browser = Browser::start().await;
            let load = app.load(&browser, app.projects).await;
            cold[i].push(load.painted);
            memory[i].push(memory_of(&browser).await);
            if i == 1 && anchor_projects.is_none() {
                anchor_projects = pagination_total(&browser).await;
            }
            first[i].get_or_insert(load);
        }
    }
    // Warm: one browser per app, loaded once, then reloaded; its HTTP and code caches are what a returning user
    // has. Both browsers stay open, so the reloads alternate too.
    let mut warm: [Vec<f64>; 2] = Default::default();
    let mut browsers = Vec::new();
    for app in apps {
        let browser = Browser::start().await;
        app.load(&browser, app.projects).await;
        browsers.push(browser);
    }
    for _ in 0..LOADS {
        for (i, browser) in browsers.iter().enumerate() {
            browser.reload().await;
            warm[i].push(first_row_painted(browser).await.painted);
        }
    }
    drop(browsers);

    let loads = first.map(|load| load.expect("at least one load"));
    first_load(apps, &loads, summary).await;
    for (app, load) in apps.iter().zip(&loads) {
        timeline(app, load);
    }
    rows_on_screen(&cold, &warm, summary);
    memory_after_gc(&memory, summary);
    anchor_projects
}

/// One file of a dist that the page fetched, with the sizes of its precompressed twins.
struct File {
    name: String,
    raw: u64,
    gzip: u64,
    brotli: u64,
    /// What Chromium reported: body bytes as served (`encodedBodySize`) and bytes on the wire with headers.
    served: u64,
    transfer: u64,
    /// The sandbox's `Cache-Control` for it.
    cache: String,
    /// Entries of the page's timing for it: more than one if the page fetched it again (a preload unused).
    times: u32,
}

impl File {
    /// The content encoding Chromium got, told by the body size it reported.
    fn encoding(&self) -> &'static str {
        match self.served {
            0 => "none (cached)",
            n if n == self.brotli => "br",
            n if n == self.gzip => "gzip",
            n if n == self.raw => "identity",
            _ => "?",
        }
    }
}

/// The dist's files among what the page fetched before its first row was painted: the navigation (the page,
/// `index.html`, whatever the URL's path) and every resource that is a file of the dist. API calls and data
/// are not files of the dist and are left out.
async fn fetched_files(app: &App, load: &Load) -> Vec<File> {
    let client = reqwest::Client::new();
    let mut files = Vec::new();
    for fetched in &load.fetched {
        let path = fetched.url.strip_prefix(&app.server.url).unwrap_or_default();
        let path = path.split(['?', '#']).next().unwrap_or_default().trim_start_matches('/');
        let name = match app.dist.join(path) {
            file if !path.is_empty() && file.is_file() => path.to_string(),
            _ if fetched.navigation => "index.html".to_string(),
            _ => continue,
        };
        if let Some(again) = files.iter_mut().find(|f: &&mut File| f.name == name) {
            again.served += fetched.encoded;
            again.transfer += fetched.transfer;
            again.times += 1;
            continue;
        }
        let size = |suffix: &str| std::fs::metadata(app.dist.join(format!("{name}{suffix}"))).map(|m| m.len()).ok();
        let raw = size("").unwrap_or(0);
        let response = client.head(&fetched.url).send().await.expect("the file is served");
        let cache = response.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or("none");
        files.push(File {
            raw,
            gzip: size(".gz").unwrap_or(raw),
            brotli: size(".br").unwrap_or(raw),
            served: fetched.encoded,
            transfer: fetched.transfer,
            cache: cache.to_string(),
            times: 1,
            name,
        });
    }
    files
}

async fn first_load(apps: &[App; 2], loads: &[Load; 2], summary: &mut Summary) {
    println!("first load: the dist's files the page fetched before its first row was painted (cold cache)");
    println!(
        "  gzip and brotli: the sizes of their .gz (-9) and .br (q11) twins, which the sandbox serves as they are;"
    );
    println!(
        "  served: the body as Chromium got it (encodedBodySize, and its encoding); wire: transferSize, headers too"
    );
    let mut totals = Vec::new();
    for (app, load) in apps.iter().zip(loads) {
        let files = fetched_files(app, load).await;
        println!(
            "  {:<46} {:>10} {:>9} {:>9} {:>9} {:<8} {:>9}  cache-control",
            app.name, "raw B", "gzip B", "brotli B", "served B", "", "wire B"
        );
        for f in &files {
            println!(
                "    {:<44} {:>10} {:>9} {:>9} {:>9} {:<8} {:>9}  {}",
                if f.times == 1 { f.name.clone() } else { format!("{} (fetched {} times)", f.name, f.times) },
                f.raw,
                f.gzip,
                f.brotli,
                f.served,
                f.encoding(),
                f.transfer,
                f.cache
            );
        }
        // What the sandbox does not recognise as a hashed build file it serves no-cache: revalidated by every
        // load, a 304 on loopback, which weighs on the warm figures. Said here, so that it is not missed.
        let revalidated: Vec<&str> =
            files.iter().filter(|f| f.name != "index.html" && f.cache == "no-cache").map(|f| f.name.as_str()).collect();
        if !revalidated.is_empty() {
            println!("    (served no-cache, so revalidated by every warm load: {})", revalidated.join(", "));
        }
        let sum = |size: fn(&File) -> u64| files.iter().map(size).sum::<u64>();
        let total = [sum(|f| f.raw), sum(|f| f.gzip), sum(|f| f.brotli), sum(|f| f.served), sum(|f| f.transfer)];
        println!(
            "    {:<44} {:>10} {:>9} {:>9} {:>9} {:<8} {:>9}",
            format!("total, {} files", files.len()),
            total[0],
            total[1],
            total[2],
            total[3],
            "",
            total[4]
        );
        totals.push(total);
    }
    let (ours, anchor) = (totals[0], totals[1]);
    let verdict = if ours[1] <= FIRST_LOAD_BUDGET_GZIP { "within" } else { "OVER" };
    println!(
        "  dashboard first load {:.1} KiB gzip: {verdict} the product's {} KiB budget",
        ours[1] as f64 / 1024.0,
        FIRST_LOAD_BUDGET_GZIP / 1024
    );
    for (label, column) in [("gzip", 1), ("brotli", 2), ("served to Chromium", 3)] {
        println!(
            "  {label}: dashboard {} B / react-admin {} B = {:.3}",
            thousands(ours[column]),
            thousands(anchor[column]),
            ours[column] as f64 / anchor[column] as f64
        );
    }
    summary.add("first load, gzip", Unit::Bytes, ours[1] as f64, Ok(anchor[1] as f64), Target::Ratio(0.45));
    summary.add("first load, brotli", Unit::Bytes, ours[2] as f64, Ok(anchor[2] as f64), Target::Ratio(0.45));
    summary.add("first load, served to Chromium", Unit::Bytes, ours[3] as f64, Ok(anchor[3] as f64), Target::None);
}

/// What the first cold load fetched and when, so that the time to rows can be read as a sequence: which
/// request waited for which.
fn timeline(app: &App, load: &Load) {
    println!("timeline of {}'s first cold load (ms from navigation start; API calls included)", app.name);
    for fetched in &load.fetched {
        let path = fetched.url.strip_prefix(&app.server.url).unwrap_or(&fetched.url);
        let path = if fetched.navigation { "(navigation)" } else { path };
        println!("  {:>7.1} -> {:>7.1}  {path}", fetched.start, fetched.end);
    }
    println!("  {:>7.1}             first row painted", load.painted);
}

fn rows_on_screen(cold: &[Vec<f64>; 2], warm: &[Vec<f64>; 2], summary: &mut Summary) {
    println!("rows on screen: navigation start -> first data row painted on the projects screen ({LOADS} loads each)");
    for (label, times, target) in [
        ("cold cache (a new browser profile per load)", cold, 0.25),
        ("warm cache (reloads in one browser)", warm, 0.15),
    ] {
        let (ours, anchor) = (median(&times[0]), median(&times[1]));
        println!("  {label}: ratio {:.2} (target <= {target})", ours / anchor);
        println!("    dashboard   median {:>5.0} ms   (each: {})", ours, list(&times[0]));
        println!("    react-admin median {:>5.0} ms   (each: {})", anchor, list(&times[1]));
        let figure = format!("first row painted, {}", label.split(" (").next().unwrap_or(label));
        summary.add(&figure, Unit::Ms, ours, Ok(anchor), Target::Ratio(target));
    }
}

fn memory_after_gc(memory: &[Vec<Memory>; 2], summary: &mut Summary) {
    let mib = |bytes: u64| bytes as f64 / 1024.0 / 1024.0;
    let median_of =
        |i: usize, part: fn(&Memory) -> u64| median(&memory[i].iter().map(|m| mib(part(m))).collect::<Vec<_>>());
    let js = [median_of(0, |m| m.js_heap), median_of(1, |m| m.js_heap)];
    let wasm = [median_of(0, |m| m.wasm), median_of(1, |m| m.wasm)];
    let both = [median_of(0, |m| m.js_heap + m.wasm), median_of(1, |m| m.js_heap + m.wasm)];
    println!("memory on the projects screen after a garbage collection (DevTools; median of the {LOADS} cold loads)");
    println!(
        "  JS heap (V8 usedSize): dashboard {} / react-admin {} = {:.2}",
        format_value(js[0], Unit::MiB),
        format_value(js[1], Unit::MiB),
        js[0] / js[1]
    );
    println!(
        "  WebAssembly memory, not in the JS heap: dashboard {}, react-admin {}",
        format_value(wasm[0], Unit::MiB),
        format_value(wasm[1], Unit::MiB)
    );
    println!(
        "  JS heap + WebAssembly memory: dashboard {} / react-admin {} = {:.2}",
        format_value(both[0], Unit::MiB),
        format_value(both[1], Unit::MiB),
        both[0] / both[1]
    );
    summary.add("JS heap after GC", Unit::MiB, js[0], Ok(js[1]), Target::None);
    let anchor_wasm = if wasm[1] > 0.0 { Ok(wasm[1]) } else { Err("no WebAssembly".to_string()) };
    summary.add("WebAssembly memory", Unit::MiB, wasm[0], anchor_wasm, Target::None);
    summary.add("JS heap + WebAssembly memory", Unit::MiB, both[0], Ok(both[1]), Target::None);
}

/// The N of react-admin's "1-25 of N" under its list.
pub async fn pagination_total(browser: &Browser) -> Option<u64> {
    let text = browser
        .eval("const e = document.querySelector('.MuiTablePagination-displayedRows'); return e ? e.textContent : ''")
        .await;
    text.as_str()?.rsplit(' ').next()?.replace(',', "").parse().ok()
}
