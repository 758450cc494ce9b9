//! Dates and numbers for people, in the current language: an instant shown exactly or relative to now, counts
//! and amounts grouped. The words and marks come from the `Formats` texts like every other text, so a Spanish
//! word missing fails to build; the arithmetic is `crate::format`'s.

use super::t;
use crate::format::{civil_from_days, group_thousands, DAY_MS, HOUR_MS, MINUTE_MS};

texts! {
    Formats {
        /// The months' abbreviations, January first; Spanish as the Real Academia Española abbreviates them
        /// (and `Intl` with `es` does).
        months: "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", "ene feb mar abr may jun jul ago sept oct nov dic";
        just_now: "just now", "hace un momento";
        /// `amount` is a span such as `3 days`.
        ago(amount: &str): format!("{amount} ago"), format!("hace {amount}");
        from_now(amount: &str): format!("in {amount}"), format!("dentro de {amount}");
        minutes(n: i64): format!("{n} {}", plural(n, "minute", "minutes")), format!("{n} {}", plural(n, "minuto", "minutos"));
        hours(n: i64): format!("{n} {}", plural(n, "hour", "hours")), format!("{n} {}", plural(n, "hora", "horas"));
        days(n: i64): format!("{n} {}", plural(n, "day", "days")), format!("{n} {}", plural(n, "día", "días"));
        months_count(n: i64): format!("{n} {}", plural(n, "month", "months")), format!("{n} {}", plural(n, "mes", "meses"));
        years(n: i64): format!("{n} {}", plural(n, "year", "years")), format!("{n} {}", plural(n, "año", "años"));
    }
}

use super::plural;

fn separator(mark: &str) -> char {
    mark.chars().next().unwrap_or(',')
}

/// `21 Nov 2026, 14:03 UTC` (`21 nov 2026, 14:03 UTC` in Spanish): day before month, so unambiguous in both
/// languages, and what a tooltip and a screen reader get.
pub fn exact(ms: i64) -> String {
    let (year, month, day) = civil_from_days(ms.div_euclid(DAY_MS));
    let in_day = ms.rem_euclid(DAY_MS);
    let name = t().formats().months.split_whitespace().nth(month as usize - 1).unwrap_or_default();
    format!("{day} {name} {year}, {:02}:{:02} UTC", in_day / HOUR_MS, in_day % HOUR_MS / MINUTE_MS)
}

/// `3 days ago`, `in 2 hours`, `just now` (`hace 3 días`, `dentro de 2 horas`, `hace un momento`): coarse on
/// purpose, the exact time is one hover away.
pub fn relative(ms: i64, now_ms: i64) -> String {
    let texts = t().formats();
    let delta = now_ms - ms;
    let distance = delta.abs();
    if distance < MINUTE_MS {
        return texts.just_now.into();
    }
    let span = if distance < HOUR_MS {
        texts.minutes(distance / MINUTE_MS)
    } else if distance < DAY_MS {
        texts.hours(distance / HOUR_MS)
    } else if distance < 30 * DAY_MS {
        texts.days(distance / DAY_MS)
    } else if distance < 365 * DAY_MS {
        texts.months_count(distance / (30 * DAY_MS))
    } else {
        texts.years(distance / (365 * DAY_MS))
    };
    if delta >= 0 {
        texts.ago(&span)
    } else {
        texts.from_now(&span)
    }
}

/// `12,345` (`12.345` in Spanish): a count of things, grouped as `amount` groups.
pub fn count(value: usize) -> String {
    count_u64(value as u64)
}

/// [`count`] for counts that may pass `usize` on wasm32: the request log's rows.
pub fn count_u64(value: u64) -> String {
    group_thousands(&value.to_string(), separator(t().common().thousands_separator))
}

/// `12,345.5` (`12.345,5` in Spanish): thousands separated, at most two decimals, no trailing zeros.
pub fn amount(value: f64) -> String {
    // The marks are common texts: counts are in the first load, the words of dates are not.
    let texts = t().common();
    if !value.is_finite() {
        return value.to_string();
    }
    let fixed = format!("{:.2}", value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let grouped = group_thousands(whole, separator(texts.thousands_separator));
    let fraction = fraction.trim_end_matches('0');
    let sign = if value < 0.0 && fixed.chars().any(|c| c != '0' && c != '.') { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{fraction}", texts.decimal_mark)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse_timestamp;
    use crate::i18n::{set_current, spanish, Locale};

    #[test]
    fn english_dates_relative_times_and_amounts() {
        let ms = parse_timestamp("2026-11-21T14:03:09Z").unwrap();
        assert_eq!(exact(ms), "21 Nov 2026, 14:03 UTC");
        assert_eq!(exact(0), "1 Jan 1970, 00:00 UTC");
        let now = 1_000 * DAY_MS;
        assert_eq!(relative(now - 5_000, now), "just now");
        assert_eq!(relative(now - MINUTE_MS, now), "1 minute ago");
        assert_eq!(relative(now - 3 * HOUR_MS, now), "3 hours ago");
        assert_eq!(relative(now - 2 * DAY_MS, now), "2 days ago");
        assert_eq!(relative(now - 65 * DAY_MS, now), "2 months ago");
        assert_eq!(relative(now - 800 * DAY_MS, now), "2 years ago");
        assert_eq!(relative(now + 3 * DAY_MS, now), "in 3 days");
        assert_eq!(amount(0.0), "0");
        assert_eq!(amount(12.5), "12.5");
        assert_eq!(amount(1234567.891), "1,234,567.89");
        assert_eq!(amount(100.0), "100");
        assert_eq!(amount(-1500.25), "-1,500.25");
        assert_eq!(amount(999.999), "1,000");
        assert_eq!(count(6667), "6,667");
    }

    #[test]
    fn spanish_dates_relative_times_and_amounts() {
        let english = t();
        set_current(Locale::Es, spanish::for_tests());
        let ms = parse_timestamp("2026-09-21T14:03:09Z").unwrap();
        assert_eq!(exact(ms), "21 sept 2026, 14:03 UTC");
        let now = 1_000 * DAY_MS;
        assert_eq!(relative(now - 5_000, now), "hace un momento");
        assert_eq!(relative(now - MINUTE_MS, now), "hace 1 minuto");
        assert_eq!(relative(now - 3 * HOUR_MS, now), "hace 3 horas");
        assert_eq!(relative(now - 65 * DAY_MS, now), "hace 2 meses");
        assert_eq!(relative(now + DAY_MS, now), "dentro de 1 día");
        assert_eq!(amount(1234567.891), "1.234.567,89");
        assert_eq!(amount(-1500.25), "-1.500,25");
        assert_eq!(amount(12.5), "12,5");
        assert_eq!(count(6667), "6.667");
        set_current(Locale::En, english);
    }
}
