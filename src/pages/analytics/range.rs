//! The analytics' date range: a preset (the last 7 or 30 days, this month, last month) or custom days, in the
//! URL, turned into the inclusive days the API takes and the previous period of the same length.

use crate::api::analytics::Days;
use crate::format::{civil_from_days, days_from_civil};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Preset {
    #[default]
    Last7,
    Last30,
    ThisMonth,
    LastMonth,
    Custom,
}

impl Preset {
    pub const ALL: [Preset; 5] = [Self::Last7, Self::Last30, Self::ThisMonth, Self::LastMonth, Self::Custom];

    pub fn word(self) -> &'static str {
        match self {
            Self::Last7 => "7d",
            Self::Last30 => "30d",
            Self::ThisMonth => "month",
            Self::LastMonth => "last-month",
            Self::Custom => "custom",
        }
    }

    pub fn from_word(word: &str) -> Self {
        Self::ALL.into_iter().find(|p| p.word() == word).unwrap_or_default()
    }
}

/// A day as a count of days since 1970-01-01.
fn day_of(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    // 2026-02-31 would be read as a day of March: refused.
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

fn text_of(days: i64) -> String {
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The days of `preset` on `today` (days since 1970-01-01, UTC), or the custom `from`..`to` when both are days
/// and in order.
pub fn days_of(preset: Preset, today: i64, from: &str, to: &str) -> Option<(i64, i64)> {
    let (year, month, _) = civil_from_days(today);
    let first_of_month = days_from_civil(year, month, 1);
    match preset {
        Preset::Last7 => Some((today - 6, today)),
        Preset::Last30 => Some((today - 29, today)),
        Preset::ThisMonth => Some((first_of_month, today)),
        Preset::LastMonth => {
            let (year, month) = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
            Some((days_from_civil(year, month, 1), first_of_month - 1))
        }
        Preset::Custom => custom(from, to).ok(),
    }
}

/// What is wrong with a custom range, said at the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    StartNotADay,
    EndNotADay,
    EndsBeforeStart,
}

/// The custom days `from`..`to`, both `YYYY-MM-DD` and in order.
pub fn custom(from: &str, to: &str) -> Result<(i64, i64), Problem> {
    let start = day_of(from).ok_or(Problem::StartNotADay)?;
    let end = day_of(to).ok_or(Problem::EndNotADay)?;
    if start <= end {
        Ok((start, end))
    } else {
        Err(Problem::EndsBeforeStart)
    }
}

/// The API's days for `(start, end)`, and those of the period of the same length just before it.
pub fn with_previous((start, end): (i64, i64)) -> (Days, Days) {
    let length = end - start + 1;
    (
        Days { start: text_of(start), end: text_of(end) },
        Days { start: text_of(start - length), end: text_of(start - 1) },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> i64 {
        day_of(text).unwrap()
    }

    #[test]
    fn presets_end_today_and_months_are_whole() {
        let today = day("2026-03-05");
        assert_eq!(days_of(Preset::Last7, today, "", ""), Some((day("2026-02-27"), today)));
        assert_eq!(days_of(Preset::Last30, today, "", ""), Some((day("2026-02-04"), today)));
        assert_eq!(days_of(Preset::ThisMonth, today, "", ""), Some((day("2026-03-01"), today)));
        assert_eq!(days_of(Preset::LastMonth, today, "", ""), Some((day("2026-02-01"), day("2026-02-28"))));
        assert_eq!(days_of(Preset::LastMonth, day("2026-01-10"), "", ""), Some((day("2025-12-01"), day("2025-12-31"))));
    }

    #[test]
    fn custom_days_must_be_days_in_order() {
        let today = day("2026-03-05");
        assert_eq!(
            days_of(Preset::Custom, today, "2026-01-01", "2026-01-31"),
            Some((day("2026-01-01"), day("2026-01-31")))
        );
        for (from, to) in
            [("2026-02-31", "2026-03-01"), ("2026/01/01", "2026-01-02"), ("2026-02-02", "2026-02-01"), ("", "")]
        {
            assert_eq!(days_of(Preset::Custom, today, from, to), None, "{from}..{to}");
        }
        assert_eq!(custom("2026-02-31", "2026-03-01"), Err(Problem::StartNotADay));
        assert_eq!(custom("2026-02-01", "soon"), Err(Problem::EndNotADay));
        assert_eq!(custom("2026-02-02", "2026-02-01"), Err(Problem::EndsBeforeStart));
    }

    #[test]
    fn the_previous_period_has_the_same_length() {
        let (now, before) = with_previous((day("2026-03-01"), day("2026-03-07")));
        assert_eq!((now.start.as_str(), now.end.as_str()), ("2026-03-01", "2026-03-07"));
        assert_eq!((before.start.as_str(), before.end.as_str()), ("2026-02-22", "2026-02-28"));
        assert_eq!(Preset::from_word("last-month"), Preset::LastMonth);
        assert_eq!(Preset::from_word("nonsense"), Preset::Last7);
    }
}
