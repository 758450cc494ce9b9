//! What the charts show, counted as rows arrive: requests per day by status, and per assistant with their
//! failures. Kept as counts, so charting a 100,000-row download costs a few maps, not the rows.

use std::collections::BTreeMap;

use crate::api::ExportItem;
use crate::format::{date, parse_timestamp};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub succeeded: u64,
    pub failed: u64,
    pub pending: u64,
    /// Any other status a server sends.
    pub other: u64,
}

impl StatusCounts {
    pub fn total(&self) -> u64 {
        self.succeeded + self.failed + self.pending + self.other
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RequestStats {
    pub rows: u64,
    /// By day (`2025-11-20`, UTC), oldest first; rows without a readable time are counted in `rows` only.
    pub per_day: BTreeMap<String, StatusCounts>,
    /// By assistant name: (requests, failures).
    pub per_assistant: BTreeMap<String, (u64, u64)>,
    /// The earliest and latest times seen, in ms.
    pub range: Option<(i64, i64)>,
}

impl RequestStats {
    pub fn from_items(items: &[ExportItem]) -> Self {
        let mut stats = Self::default();
        stats.add(items);
        stats
    }

    pub fn add(&mut self, items: &[ExportItem]) {
        for item in items {
            self.rows += 1;
            let status = item.status.as_deref().unwrap_or_default().to_ascii_lowercase();
            let failed = status == "failed";
            if let Some(ms) = item.timestamp.as_deref().and_then(parse_timestamp) {
                let counts = self.per_day.entry(date(ms)).or_default();
                match status.as_str() {
                    "succeeded" => counts.succeeded += 1,
                    "failed" => counts.failed += 1,
                    "pending" => counts.pending += 1,
                    _ => counts.other += 1,
                }
                self.range = Some(match self.range {
                    Some((first, last)) => (first.min(ms), last.max(ms)),
                    None => (ms, ms),
                });
            }
            let name = item
                .assistant
                .clone()
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| crate::i18n::t().requests().no_assistant_name.into());
            let entry = self.per_assistant.entry(name).or_default();
            entry.0 += 1;
            entry.1 += u64::from(failed);
        }
    }

    /// The `n` assistants with the most requests (ties by name).
    pub fn top_by_requests(&self, n: usize) -> Vec<(String, u64)> {
        self.top(n, |(requests, _)| *requests)
    }

    /// The `n` assistants with the most failures, leaving out those with none.
    pub fn top_by_failures(&self, n: usize) -> Vec<(String, u64)> {
        self.top(n, |(_, failures)| *failures).into_iter().filter(|(_, count)| *count > 0).collect()
    }

    fn top(&self, n: usize, key: impl Fn(&(u64, u64)) -> u64) -> Vec<(String, u64)> {
        let mut all: Vec<(String, u64)> = self.per_assistant.iter().map(|(name, c)| (name.clone(), key(c))).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(n);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(timestamp: &str, assistant: &str, status: &str) -> ExportItem {
        ExportItem {
            timestamp: Some(timestamp.into()),
            assistant: Some(assistant.into()),
            status: Some(status.into()),
            ..Default::default()
        }
    }

    #[test]
    fn counts_by_day_status_and_assistant() {
        let stats = RequestStats::from_items(&[
            item("2025-11-20T10:00:00", "Helpdesk", "succeeded"),
            item("2025-11-20T23:59:59", "Helpdesk", "failed"),
            item("2025-11-19T08:00:00", "Writer", "pending"),
            item("not a time", "Writer", "failed"),
        ]);
        assert_eq!(stats.rows, 4);
        assert_eq!(stats.per_day.keys().collect::<Vec<_>>(), ["2025-11-19", "2025-11-20"]);
        assert_eq!(stats.per_day["2025-11-20"], StatusCounts { succeeded: 1, failed: 1, pending: 0, other: 0 });
        assert_eq!(stats.top_by_requests(5), [("Helpdesk".to_string(), 2), ("Writer".to_string(), 2)]);
        assert_eq!(stats.top_by_failures(1), [("Helpdesk".to_string(), 1)]);
        let (first, last) = stats.range.unwrap();
        assert_eq!((date(first), date(last)), ("2025-11-19".to_string(), "2025-11-20".to_string()));
    }
}
