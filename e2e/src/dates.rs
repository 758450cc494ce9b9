//! Dates relative to the real clock, as the Arcee API (which uses the wall clock) and the dashboard see them.

use std::time::{SystemTime, UNIX_EPOCH};

const DAY_MS: i64 = 86_400_000;

/// `YYYY-MM-DD`, UTC, `days` from today (negative for the past).
pub fn days_from_today(days: i64) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or_default();
    geai_admin::format::date(now + days * DAY_MS)
}
