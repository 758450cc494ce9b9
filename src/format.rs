//! Formats that are the same in every language: the API's timestamps (with or without a zone) read as instants,
//! machine dates (`date`, `iso`), masked secrets, and the arithmetic under the language's own formats (days to
//! calendar dates, digits grouped by a given separator), which `i18n::formats` words. Plain Rust with no
//! dependency on the rest of the app, tested natively.

pub const MINUTE_MS: i64 = 60_000;
pub const HOUR_MS: i64 = 60 * MINUTE_MS;
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// Milliseconds since the Unix epoch of `2023-01-01T00:00:00+00:00`, `2025-02-25T15:03:13.644` (no zone: read
/// as UTC, which is what the platform means) or `...Z`. `None` for anything else.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', ' ']).unwrap_or((text, "00:00:00"));
    let mut parts = date.splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // The zone: `Z`, `+HH:MM` or `-HH:MM` after the clock time; none means UTC.
    let (clock, offset_minutes) = match time.find(['Z', '+']).or_else(|| time.rfind('-')) {
        Some(at) => (&time[..at], zone_minutes(&time[at..])?),
        None => (time, 0),
    };
    let mut fields = clock.splitn(3, ':');
    let hours: i64 = fields.next()?.parse().ok()?;
    let minutes: i64 = fields.next().unwrap_or("0").parse().ok()?;
    let seconds: f64 = fields.next().unwrap_or("0").parse().ok()?;
    if hours > 23 || minutes > 59 || !(0.0..61.0).contains(&seconds) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(
        days * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS + (seconds * 1000.0).round() as i64
            - offset_minutes * MINUTE_MS,
    )
}

fn zone_minutes(zone: &str) -> Option<i64> {
    if zone == "Z" {
        return Some(0);
    }
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    Some(sign * (hours * 60 + minutes))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of `days_from_civil`: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2026-11-21`: for file names and date inputs.
pub fn date(ms: i64) -> String {
    let (year, month, day) = civil_from_days(ms.div_euclid(DAY_MS));
    format!("{year:04}-{month:02}-{day:02}")
}

/// `2026-11-21T14:03:00Z`: for `<time datetime>`.
pub fn iso(ms: i64) -> String {
    let in_day = ms.rem_euclid(DAY_MS);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date(ms),
        in_day / HOUR_MS,
        in_day % HOUR_MS / MINUTE_MS,
        in_day % MINUTE_MS / 1000
    )
}

/// `••••abcd`: the last four characters, enough to tell two secrets apart and too few to use one.
pub fn mask(secret: &str) -> String {
    format!("\u{2022}\u{2022}\u{2022}\u{2022}{}", tail(secret))
}

/// The last four characters of a secret: what a masked one shows, and what Arcee's key list gives (`hint`).
pub fn tail(secret: &str) -> String {
    secret.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect()
}

/// `whole` (digits only) with `separator` between groups of three.
pub fn group_thousands(whole: &str, separator: char) -> String {
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// `sales-assistant`: lowercase ASCII letters and digits, one `-` between words; empty when nothing is left.
/// For file names, which must not carry what a server sent as it is.
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// A field as RFC 4180 writes it: as is, or quoted with its quotes doubled when it holds a quote, a comma or a
/// line break.
pub fn csv_field(text: &str, out: &mut String) {
    if text.contains(['"', ',', '\r', '\n']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// One CSV record with its CRLF line end.
pub fn csv_line<'a>(fields: impl IntoIterator<Item = &'a str>, out: &mut String) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(field, out);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_timestamp_shape_the_api_sends() {
        let utc = parse_timestamp("2023-01-01T00:00:00+00:00").unwrap();
        assert_eq!(utc, 1_672_531_200_000);
        assert_eq!(parse_timestamp("2023-01-01T00:00:00Z"), Some(utc));
        assert_eq!(parse_timestamp("2023-01-01T00:00:00"), Some(utc), "no zone reads as UTC");
        assert_eq!(parse_timestamp("2023-01-01T03:00:00+03:00"), Some(utc));
        assert_eq!(parse_timestamp("2022-12-31T21:00:00-03:00"), Some(utc));
        assert_eq!(parse_timestamp("2025-02-25T15:03:13.644"), Some(1_740_495_793_644));
        assert_eq!(parse_timestamp("2024-02-29"), Some(1_709_164_800_000));
        for bad in ["", "yesterday", "2023-13-01T00:00:00", "2023-01-01T25:00:00", "2023-01-01T00:00:00+5"] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn machine_formats_round_trip() {
        let ms = parse_timestamp("2026-11-21T14:03:09Z").unwrap();
        assert_eq!(iso(ms), "2026-11-21T14:03:09Z");
        assert_eq!(date(ms), "2026-11-21");
        assert_eq!(parse_timestamp(&iso(ms)), Some(ms));
        assert_eq!(group_thousands("1234567", '.'), "1.234.567");
        assert_eq!(group_thousands("999", ','), "999");
    }

    #[test]
    fn masks_keep_only_the_last_four_characters() {
        assert_eq!(mask("geai_prj_abcdef1234"), "\u{2022}\u{2022}\u{2022}\u{2022}1234");
        assert_eq!(mask("ab"), "\u{2022}\u{2022}\u{2022}\u{2022}ab");
    }
}
