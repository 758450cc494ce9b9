//! A project's request log, generated row by row from its seed instead of stored.
//!
//! Row 0 is the newest. A row's assistant and status come from one hash of its index, so filtering a million
//! rows costs a million hashes (milliseconds), and only the rows on the page get their texts built.
//!
//! Rows are about 37 s apart, so a period of time maps to a range of indices (`rows_between`): what a usage
//! limit has used is counted over that range only (`billing`), however long the log.
//!
//! A row also has facts the export does not write (`facts`): who sent the request, one of the seeded people, and
//! how many tokens it used. The analytics read them beside what the export writes, so both tell of the same rows.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use crate::clock::export_timestamp;
use crate::model::{Assistant, RequestLog};
use crate::people::CAST_SIZE;
use crate::random::{guid_from, mix};

/// The three statuses the SDK knows; what `status=` may filter on.
pub const STATUSES: &[&str] = &["succeeded", "failed", "pending"];

/// A page of the log as the export asks for it.
#[derive(Debug, Clone, Default)]
pub struct ExportQuery {
    pub assistant_name: Option<String>,
    pub status: Option<String>,
    pub skip: u64,
    pub count: u64,
}

/// Which fields a row carries: the documented seven, or those and the SDK-era ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFields {
    Documented,
    WithSdkFields,
}

/// One row as the export answers it: typed and borrowing its fixed texts, so a page of a thousand rows is
/// written without building a JSON tree first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Row<'a> {
    Documented(DocumentedRow<'a>),
    WithSdkFields(SdkRow<'a>),
}

/// The seven fields both API documents list; texts may be null.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentedRow<'a> {
    pub assistant: &'a str,
    pub intent: &'a str,
    pub timestamp: String,
    pub prompt: &'static str,
    pub output: Option<Cow<'static, str>>,
    pub input_text: Option<&'static str>,
    pub status: &'static str,
}

/// The documented fields and the ones the SDK's newer model reads (FACTS.md), typed as that model parses them:
/// a null or a wrongly typed value in any row makes the SDK refuse the whole page. Only `feedback` and
/// `ragSourcesConsulted` (and the documented texts) may be missing or null.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SdkRow<'a> {
    #[serde(flatten)]
    pub documented: DocumentedRow<'a>,
    pub api_token: &'static str,
    /// Always written as a float (serde_json writes `0.0`, never `0`): the SDK reads a float.
    pub cost: f64,
    pub elapsed_time_ms: u64,
    pub start_timestamp: String,
    pub end_timestamp: String,
    pub module: &'static str,
    pub session_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<&'static str>,
    /// The sources as one string, `"handbook.pdf, faq.md"`: the SDK reads a string, not a JSON array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rag_sources_consulted: Option<&'static str>,
}

/// The rows of one page, newest first.
pub fn page<'a>(log: &RequestLog, assistants: &'a [Assistant], query: &ExportQuery, fields: RowFields) -> Vec<Row<'a>> {
    if assistants.is_empty() || query.count == 0 {
        return Vec::new();
    }
    let assistant_filter = match &query.assistant_name {
        Some(name) => match assistants.iter().position(|a| a.name == *name) {
            Some(index) => Some(index),
            None => return Vec::new(),
        },
        None => None,
    };
    let status_filter = query.status.as_deref().and_then(|s| STATUSES.iter().position(|k| *k == s));
    if assistant_filter.is_none() && status_filter.is_none() {
        // Unfiltered, a page is just a range of row indices: no need to walk the rows before it.
        let start = query.skip.min(log.count);
        let end = start.saturating_add(query.count).min(log.count);
        return (start..end).map(|index| row(log, index, assistants, fields)).collect();
    }
    (0..log.count)
        .filter(|&index| {
            let shape = RowShape::of(log, index, assistants.len());
            assistant_filter.is_none_or(|a| a == shape.assistant) && status_filter.is_none_or(|s| s == shape.status)
        })
        .skip(query.skip as usize)
        .take(query.count as usize)
        .map(|index| row(log, index, assistants, fields))
        .collect()
}

/// The cheap part of a row: enough to filter on.
struct RowShape {
    hash: u64,
    assistant: usize,
    status: usize,
}

impl RowShape {
    fn of(log: &RequestLog, index: u64, assistants: usize) -> Self {
        let hash = row_hash(log, index);
        Self { hash, assistant: (hash % assistants as u64) as usize, status: status_of(hash) }
    }
}

fn row_hash(log: &RequestLog, index: u64) -> u64 {
    mix(log.seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407))
}

/// An index into `STATUSES`: 84 % succeeded, 11 % failed, 5 % pending.
fn status_of(hash: u64) -> usize {
    match (hash >> 8) % 100 {
        0..84 => 0,
        84..95 => 1,
        _ => 2,
    }
}

/// Row `i` is due `SPACING_MS * i` before the log's `newest_ms`; it ends up to `END_JITTER_MS` earlier than that and
/// starts `MIN_ELAPSED_MS` to `MIN_ELAPSED_MS + ELAPSED_SPREAD_MS` before it ends.
const SPACING_MS: i64 = 37_000;
const END_JITTER_MS: u64 = 30_000;
const MIN_ELAPSED_MS: u64 = 200;
const ELAPSED_SPREAD_MS: u64 = 9_000;

/// A row's `cost` is a whole number of hundred-thousandths: sums are exact in these, and only the total is
/// divided.
pub const COST_UNITS_PER_UNIT: f64 = 100_000.0;

/// When a request started, ended, and what it cost: the part of a row that time and usage limits read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Billing {
    /// The row's `timestamp` (and `startTimestamp`), in milliseconds since the Unix epoch.
    pub started_ms: i64,
    pub ended_ms: i64,
    /// The row's `cost` times `COST_UNITS_PER_UNIT`; 0 while pending.
    pub cost_units: u64,
}

/// Row `index`'s times and cost, exactly as the export writes them.
pub fn billing(log: &RequestLog, index: u64) -> Billing {
    let hash = row_hash(log, index);
    billing_of(log, index, mix(hash), STATUSES[status_of(hash)])
}

fn billing_of(log: &RequestLog, index: u64, h2: u64, status: &str) -> Billing {
    // Newest first, one request about every 37 s, with jitter that never reorders the ends.
    let end_ms = log.newest_ms - index as i64 * SPACING_MS - (h2 % END_JITTER_MS) as i64;
    let elapsed_ms = MIN_ELAPSED_MS + (h2 >> 20) % ELAPSED_SPREAD_MS;
    let started_ms = end_ms - elapsed_ms as i64;
    // A pending request has not ended, yet the SDK requires `endTimestamp` and `elapsedTimeMs` on every row and
    // refuses a page with a null one. So it ends where it starts, zero milliseconds in, and costs 0.0 as nothing
    // has been billed yet: values every client parses, which with `status` read plainly as "not finished".
    match status {
        "pending" => Billing { started_ms, ended_ms: started_ms, cost_units: 0 },
        _ => Billing { started_ms, ended_ms: end_ms, cost_units: (h2 >> 40) % 5_000 },
    }
}

/// The indices of the rows that may have started in `[from_ms, until_ms)`: each is then checked with `billing`.
/// Row `i` starts in `(due - 39.2 s, due - 0.2 s]` where `due` is `newest_ms - 37 s * i`, so a period of
/// length `d` spans about `d / 37 s` indices (plus one at each end), whatever the log's length.
pub fn rows_between(log: &RequestLog, from_ms: i64, until_ms: i64) -> Range<u64> {
    let latest_start = log.newest_ms - MIN_ELAPSED_MS as i64;
    if from_ms >= until_ms || from_ms > latest_start {
        return 0..0;
    }
    // Row i may start at or after `from_ms` only if its latest start does: i <= (latest_start - from) / spacing.
    let last = ((latest_start - from_ms) / SPACING_MS) as u64;
    // Row i may start before `until_ms` only if its earliest start does (a bound one millisecond loose).
    let earliest_lag = (END_JITTER_MS + MIN_ELAPSED_MS + ELAPSED_SPREAD_MS) as i64;
    let first = ((log.newest_ms - earliest_lag - until_ms).max(0) / SPACING_MS) as u64;
    first.min(log.count)..last.saturating_add(1).min(log.count)
}

/// When the log's rows may have started, from the oldest's earliest start to the newest's latest: the instants
/// `rows_between` can find rows in. `None` for an empty log.
pub fn span(log: &RequestLog) -> Option<Range<i64>> {
    let latest_start = log.newest_ms - MIN_ELAPSED_MS as i64;
    let oldest_due = log.newest_ms - (log.count.checked_sub(1)? as i64).saturating_mul(SPACING_MS);
    let earliest_start = oldest_due - (END_JITTER_MS + MIN_ELAPSED_MS + ELAPSED_SPREAD_MS) as i64;
    Some(earliest_start..latest_start + 1)
}

/// A row as the analytics count it: its billing, assistant and status exactly as the export writes them, and
/// what the export keeps behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub billing: Billing,
    /// An index into the project's assistants: the row's `assistant`.
    pub assistant: usize,
    /// An index into `STATUSES`: the row's `status`.
    pub status: usize,
    /// Who sent it: a position in the seeded cast (`people::cast_member`).
    pub user: usize,
    pub input_tokens: u32,
    pub output_tokens: u32,
}

/// Mixed into a row's hash for the facts the export keeps behind, so that adding them changed no exported row.
const FACTS_STREAM: u64 = 0x6661_6374_7300_0000;

/// Row `index`'s facts, for a project of `assistants` assistants (at least one).
///
/// The user: each project has its own order of the cast, rotated by its seed, and the first in it send the
/// most (the lesser of two draws: the first sends 59 requests in 900, the last 1), as a few heavy users do.
/// The tokens follow the cost, as a model's bill does: input about 1.5 per hundred-thousandth of the cost plus
/// the prompt's 50 to 450, output about 0.5 plus 20 to 320; a failed request wrote no output, and a pending one
/// has been counted nothing yet, as its cost is 0.0.
pub fn facts(log: &RequestLog, index: u64, assistants: usize) -> Facts {
    let shape = RowShape::of(log, index, assistants);
    let h2 = mix(shape.hash);
    let billing = billing_of(log, index, h2, STATUSES[shape.status]);
    let h3 = mix(h2 ^ FACTS_STREAM);
    let cast = CAST_SIZE as u64;
    let rank = (h3 % cast).min((h3 >> 8) % cast);
    let user = ((log.seed % cast + rank) % cast) as usize;
    let cost = billing.cost_units as u32;
    let (input_tokens, output_tokens) = match STATUSES[shape.status] {
        "pending" => (0, 0),
        status => {
            let input = 50 + cost * 3 / 2 + (h3 >> 16) as u32 % 400;
            let output = if status == "failed" { 0 } else { 20 + cost / 2 + (h3 >> 32) as u32 % 300 };
            (input, output)
        }
    };
    Facts { billing, assistant: shape.assistant, status: shape.status, user, input_tokens, output_tokens }
}

const PROMPTS: &[&str] = &[
    "Where is my order #4521?",
    "Summarize the attached contract in three bullet points.",
    "¿Cuál es el horario de atención los sábados? 🕘",
    "Traduza para o inglês: \"A entrega atrasou dois dias.\"",
    "注文をキャンセルする方法を教えてください。",
    "<script>alert('owned')</script> what is the refund policy?",
    "Explain the <b>difference</b> between plan A & plan B",
    "Classify this ticket: printer on floor 3 is jammed again",
    "\"Quotes\", 'apostrophes', back\\slashes and tabs\tinside",
    "Write a friendly reminder about the invoice due on Friday.",
];

const OUTPUTS: &[&str] = &[
    "Your order shipped yesterday and should arrive on Thursday.",
    "- Term: 24 months\n- Penalty: 2% per late day\n- Renewal: automatic",
    "Atendemos los sábados de 9:00 a 13:00. ¡Te esperamos! 😊",
    "The delivery was two days late.",
    "マイページの「注文履歴」からキャンセルできます。",
    "<img src=x onerror=alert(1)> Refunds take 5 business days.",
    "Plan A bills monthly; plan B bills yearly with a 15% discount.",
    "Category: Hardware / Printers. Priority: normal.",
];

const MODULES: &[&str] = &["chat", "rag", "assistant", "flow"];

/// What a `rag` request consulted, as the one comma-separated string the SDK reads.
const RAG_SOURCES: &[&str] = &["handbook.pdf, faq.md", "faq.md", "handbook.pdf, returns-policy.docx, faq.md"];

fn row<'a>(log: &RequestLog, index: u64, assistants: &'a [Assistant], fields: RowFields) -> Row<'a> {
    let shape = RowShape::of(log, index, assistants.len());
    let h = shape.hash;
    let h2 = mix(h);
    let status = STATUSES[shape.status];
    let assistant = &assistants[shape.assistant];
    let intent = assistant.intents.first().map(|i| i.name.as_str()).unwrap_or("default");
    let billing = billing_of(log, index, h2, status);
    let start_ms = billing.started_ms;

    let prompt = PROMPTS[(h >> 24) as usize % PROMPTS.len()];
    let output = match status {
        "pending" => None,
        "failed" => Some(Cow::Borrowed("Provider Request Timeout")),
        _ if index % 97 == 3 => Some(Cow::Owned(long_text(index))),
        _ if index % 31 == 7 => None,
        _ => Some(Cow::Borrowed(OUTPUTS[(h >> 32) as usize % OUTPUTS.len()])),
    };
    let documented = DocumentedRow {
        assistant: &assistant.name,
        intent,
        timestamp: export_timestamp(start_ms),
        prompt,
        output,
        input_text: if index % 13 == 5 { None } else { Some(prompt) },
        status,
    };
    if fields == RowFields::Documented {
        return Row::Documented(documented);
    }
    let module = MODULES[(h2 >> 8) as usize % MODULES.len()];
    Row::WithSdkFields(SdkRow {
        documented,
        api_token: "Default",
        cost: billing.cost_units as f64 / COST_UNITS_PER_UNIT,
        elapsed_time_ms: (billing.ended_ms - billing.started_ms) as u64,
        start_timestamp: export_timestamp(start_ms),
        end_timestamp: export_timestamp(billing.ended_ms),
        module,
        session_id: guid_from(log.seed ^ (index / 4), h2 >> 3),
        feedback: (index % 11 == 2).then_some(if h2.is_multiple_of(3) { "negative" } else { "positive" }),
        rag_sources_consulted: (module == "rag").then(|| RAG_SOURCES[(h2 >> 50) as usize % RAG_SOURCES.len()]),
    })
}

/// An answer of more than 10 KB, as long model outputs are: tables and clients must cope.
fn long_text(index: u64) -> String {
    let paragraph = "This is a long answer that goes on and on, as a model sometimes does when asked to \
                     explain a policy in full detail, section by section, with examples and caveats. ";
    let mut text = format!("Long answer #{index}.\n");
    while text.len() < 12_000 {
        text.push_str(paragraph);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::LOG_EPOCH_MS;
    use crate::model::Assistant;

    fn assistants() -> Vec<Assistant> {
        ["A", "B", "C"].iter().map(|n| Assistant { id: n.to_string(), name: n.to_string(), intents: vec![] }).collect()
    }

    #[test]
    fn pages_are_deterministic_and_newest_first() {
        let log = RequestLog { count: 500, seed: 9, newest_ms: LOG_EPOCH_MS };
        let q = ExportQuery { count: 50, ..Default::default() };
        let assistants = assistants();
        let a = serde_json::to_value(page(&log, &assistants, &q, RowFields::WithSdkFields)).unwrap();
        let b = serde_json::to_value(page(&log, &assistants, &q, RowFields::WithSdkFields)).unwrap();
        assert_eq!(a, b);
        let stamps: Vec<&str> = a.as_array().unwrap().iter().map(|r| r["timestamp"].as_str().unwrap()).collect();
        assert!(stamps.windows(2).all(|w| w[0] > w[1]), "newest first");
    }

    #[test]
    fn an_unfiltered_page_is_the_same_rows_as_the_first_rows_of_a_longer_one() {
        let log = RequestLog { count: 300, seed: 5, newest_ms: LOG_EPOCH_MS };
        let assistants = assistants();
        let long = ExportQuery { count: 120, ..Default::default() };
        let tail = ExportQuery { skip: 100, count: 50, ..Default::default() };
        let long = serde_json::to_value(page(&log, &assistants, &long, RowFields::Documented)).unwrap();
        let tail = serde_json::to_value(page(&log, &assistants, &tail, RowFields::Documented)).unwrap();
        assert_eq!(tail.as_array().unwrap()[..20], long.as_array().unwrap()[100..120]);
        let past = ExportQuery { skip: u64::MAX, count: 10, ..Default::default() };
        assert!(page(&log, &assistants, &past, RowFields::Documented).is_empty());
    }

    #[test]
    fn pending_rows_end_where_they_start_and_every_cost_is_written_as_a_float() {
        let log = RequestLog { count: 400, seed: 3, newest_ms: LOG_EPOCH_MS };
        let q = ExportQuery { count: 400, ..Default::default() };
        let assistants = assistants();
        let rows = page(&log, &assistants, &q, RowFields::WithSdkFields);
        let sdk_rows: Vec<&SdkRow> = rows
            .iter()
            .filter_map(|row| match row {
                Row::WithSdkFields(row) => Some(row),
                Row::Documented(_) => None,
            })
            .collect();
        assert_eq!(sdk_rows.len(), 400);
        let pending: Vec<&&SdkRow> = sdk_rows.iter().filter(|r| r.documented.status == "pending").collect();
        assert!(!pending.is_empty());
        for row in pending {
            assert_eq!((row.elapsed_time_ms, row.cost), (0, 0.0));
            assert_eq!(row.end_timestamp, row.start_timestamp);
            let text = serde_json::to_string(row).unwrap();
            assert!(text.contains(r#""cost":0.0,"#) && text.contains(r#""elapsedTimeMs":0,"#), "{text}");
        }
        for row in &sdk_rows {
            let text = serde_json::to_value(row).unwrap();
            assert!(text["cost"].is_f64(), "{text}");
            assert_eq!(text["ragSourcesConsulted"].is_string(), row.module == "rag", "{text}");
        }
    }

    #[test]
    fn a_period_maps_to_a_short_range_holding_every_row_that_started_in_it() {
        let log = RequestLog { count: 20_000, seed: 11, newest_ms: LOG_EPOCH_MS };
        let starts: Vec<i64> = (0..log.count).map(|i| billing(&log, i).started_ms).collect();
        let hour = 3_600_000;
        for (from, until) in [
            (LOG_EPOCH_MS - 2 * hour, LOG_EPOCH_MS + hour),
            (LOG_EPOCH_MS - 50 * hour, LOG_EPOCH_MS - 49 * hour),
            (LOG_EPOCH_MS - 1000 * hour, LOG_EPOCH_MS - 150 * hour),
            (starts[500], starts[400]),
            (starts[500] + 1, starts[400] + 1),
            (LOG_EPOCH_MS, LOG_EPOCH_MS + hour),
            (LOG_EPOCH_MS - hour, LOG_EPOCH_MS - hour),
        ] {
            let range = rows_between(&log, from, until);
            let inside: Vec<u64> = (0..log.count).filter(|&i| (from..until).contains(&starts[i as usize])).collect();
            assert!(inside.iter().all(|i| range.contains(i)), "{from}..{until}: {range:?} misses some of {inside:?}");
            let span = ((until - from) / SPACING_MS + 3) as u64;
            assert!(range.end - range.start <= span, "{range:?} is longer than {span}");
        }
    }

    #[test]
    fn billing_is_what_the_export_writes() {
        let log = RequestLog { count: 400, seed: 3, newest_ms: LOG_EPOCH_MS };
        let assistants = assistants();
        let q = ExportQuery { count: 400, ..Default::default() };
        for (index, row) in page(&log, &assistants, &q, RowFields::WithSdkFields).iter().enumerate() {
            let Row::WithSdkFields(row) = row else { panic!("an SDK row") };
            let billing = billing(&log, index as u64);
            assert_eq!(row.start_timestamp, export_timestamp(billing.started_ms));
            assert_eq!(row.end_timestamp, export_timestamp(billing.ended_ms));
            assert_eq!(row.cost, billing.cost_units as f64 / COST_UNITS_PER_UNIT);
        }
    }

    #[test]
    fn facts_are_of_the_exported_rows_and_the_users_are_the_cast_a_few_heavy_ones_first() {
        let log = RequestLog { count: 9_000, seed: 4, newest_ms: LOG_EPOCH_MS };
        let assistants = assistants();
        let q = ExportQuery { count: 9_000, ..Default::default() };
        let mut by_user = [0u64; CAST_SIZE];
        for (index, row) in page(&log, &assistants, &q, RowFields::WithSdkFields).iter().enumerate() {
            let Row::WithSdkFields(row) = row else { panic!("an SDK row") };
            let facts = facts(&log, index as u64, assistants.len());
            assert_eq!(facts.billing, billing(&log, index as u64));
            assert_eq!(assistants[facts.assistant].name, row.documented.assistant);
            assert_eq!(STATUSES[facts.status], row.documented.status);
            let tokens = (facts.input_tokens, facts.output_tokens);
            match row.documented.status {
                "pending" => assert_eq!(tokens, (0, 0)),
                "failed" => assert!(tokens.0 >= 50 && tokens.1 == 0, "{tokens:?}"),
                _ => assert!(tokens.0 >= 50 && tokens.1 >= 20, "{tokens:?}"),
            }
            by_user[facts.user] += 1;
        }
        assert!(by_user.iter().all(|&n| n > 0), "everyone sends some: {by_user:?}");
        let first = (log.seed % CAST_SIZE as u64) as usize;
        assert_eq!(by_user.iter().max(), Some(&by_user[first]), "the project's first user sends the most");
    }

    #[test]
    fn the_span_holds_every_start_and_an_empty_log_has_none() {
        let log = RequestLog { count: 3_000, seed: 8, newest_ms: LOG_EPOCH_MS };
        let span = span(&log).expect("rows");
        let starts: Vec<i64> = (0..log.count).map(|i| billing(&log, i).started_ms).collect();
        assert!(starts.iter().all(|s| span.contains(s)));
        assert!(span.end - starts[0] < 40_000 && starts[2_999] - span.start < 40_000, "tight: {span:?}");
        assert_eq!(super::span(&RequestLog { count: 0, ..log }), None);
    }

    #[test]
    fn filters_apply_before_skip() {
        let log = RequestLog { count: 2_000, seed: 1, newest_ms: LOG_EPOCH_MS };
        let q = ExportQuery { status: Some("failed".into()), assistant_name: Some("B".into()), skip: 3, count: 20 };
        let assistants = assistants();
        let rows = serde_json::to_value(page(&log, &assistants, &q, RowFields::Documented)).unwrap();
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 20);
        assert!(rows.iter().all(|r| r["status"] == "failed" && r["assistant"] == "B"));
    }
}
