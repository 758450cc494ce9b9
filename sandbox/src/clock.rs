//! Timestamps as the platform writes them, and as clients send them, and the instants the demo data is dated by.
//!
//! The Organization API never reads the clock while it runs: a seeded organization is dated by a [`Clock`] fixed
//! when it is seeded (and kept in its state file), so that a replayed session gives the same answers. That clock
//! is either [`Clock::FIXED`], the same on every machine and every day (what tests pin their dates to), or, with
//! `LogEnd::Now` (the binary's default), the moment of seeding, so that the logs reach back from today. The
//! Arcee API does read the wall clock ([`wall_ms`], [`today`]): its keys expire by the calendar, as the real
//! service's do.

/// 2025-11-20T12:00:00 UTC, in milliseconds since the Unix epoch: the newest request of a log seeded with the
/// fixed clock.
pub const LOG_EPOCH_MS: i64 = 1_763_640_000_000;

pub const DAY_MS: i64 = 86_400_000;

/// "Now" of the fixed clock: a day after its newest request.
pub const RUN_TIME_MS: i64 = LOG_EPOCH_MS + DAY_MS;

/// The two instants a seeded organization is dated by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// When the newest request of every seeded log is due (`requests`); the rest are spaced back from it.
    pub newest_request_ms: i64,
    /// When whatever is created or changed at run time is dated, and the instant usage limits are judged at.
    pub now_ms: i64,
}

impl Clock {
    /// The newest request at [`LOG_EPOCH_MS`], now a day later: the clock of state files of before clocks.
    pub const FIXED: Self = Self { newest_request_ms: LOG_EPOCH_MS, now_ms: RUN_TIME_MS };

    /// The logs end at `ms`, which is also now: whole seconds, as the rest of the demo data is dated.
    pub fn ending_at(ms: i64) -> Self {
        let ms = ms - ms.rem_euclid(1000);
        Self { newest_request_ms: ms, now_ms: ms }
    }
}

/// Serde's default for a stored "now" that an older state file lacks.
pub fn fixed_now() -> i64 {
    Clock::FIXED.now_ms
}

/// Serde's default for a stored log end that an older state file lacks.
pub fn fixed_newest_request() -> i64 {
    Clock::FIXED.newest_request_ms
}

/// `2025-02-25T15:03:13.644`: the export's form, with milliseconds and no zone.
pub fn export_timestamp(ms: i64) -> String {
    let (date, secs, millis) = split(ms);
    format!("{date}T{:02}:{:02}:{:02}.{millis:03}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// `2023-01-01T00:00:00+00:00`: the tokens list's form, with a zone. Usage limits' dates are written so too: a
/// date-time with a zone is the one form every client parses the same way.
pub fn token_timestamp(ms: i64) -> String {
    let (date, secs, _) = split(ms);
    format!("{date}T{:02}:{:02}:{:02}+00:00", secs / 3600, secs / 60 % 60, secs % 60)
}

/// Now, by the wall clock, in milliseconds since the Unix epoch. Only the Arcee API asks.
pub fn wall_ms() -> i64 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
}

/// Today's date (UTC, by the wall clock) as days since 1970-01-01.
pub fn today() -> i64 {
    wall_ms().div_euclid(DAY_MS)
}

/// Days since 1970-01-01 as `YYYY-MM-DD`.
pub fn date(days: i64) -> String {
    split(days * DAY_MS).0
}

/// Why a text is not a `YYYY-MM-DD` date, in the order the parts are read (pydantic's date parser reads so too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    TooShort,
    InvalidYear,
    InvalidSeparator,
    InvalidMonth,
    InvalidDay,
    MonthOutOfRange,
    DayOutOfRange,
    ExtraCharacters,
}

/// `YYYY-MM-DD` to days since 1970-01-01, or what is wrong with it (impossible dates such as February 30 too).
pub fn read_date(text: &str) -> Result<i64, DateError> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 {
        return Err(DateError::TooShort);
    }
    let number = |range: std::ops::Range<usize>, error| {
        let part = &bytes[range];
        if part.iter().all(u8::is_ascii_digit) {
            Ok(part.iter().fold(0, |n, b| n * 10 + i64::from(b - b'0')))
        } else {
            Err(error)
        }
    };
    let y = number(0..4, DateError::InvalidYear)?;
    if bytes[4] != b'-' {
        return Err(DateError::InvalidSeparator);
    }
    let m = number(5..7, DateError::InvalidMonth)?;
    if bytes[7] != b'-' {
        return Err(DateError::InvalidSeparator);
    }
    let d = number(8..10, DateError::InvalidDay)?;
    let in_month = match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return Err(DateError::MonthOutOfRange),
    };
    if !(1..=in_month).contains(&d) {
        return Err(DateError::DayOutOfRange);
    }
    if bytes.len() > 10 {
        return Err(DateError::ExtraCharacters);
    }
    Ok(days_from_civil(y, m, d))
}

/// Reads a date-time as clients send one: `2025-01-31`, `2025-01-31T10:00`, `2025-01-31T10:00:00.250Z`,
/// `2025-01-31 10:00:00+02:00`. Without a zone it is UTC, as the platform's own zone-less timestamps are.
/// `None` for anything else, including impossible dates such as February 30.
pub fn parse_date_time(text: &str) -> Option<i64> {
    let (date, rest) = text.split_at_checked(10)?;
    let midnight = parse_date(date)? * DAY_MS;
    if rest.is_empty() {
        return Some(midnight);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (time, offset_ms) = split_zone(rest)?;
    Some(midnight + parse_time(time)? - offset_ms)
}

/// `YYYY-MM-DD` to days since 1970-01-01.
fn parse_date(date: &str) -> Option<i64> {
    read_date(date).ok()
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction` to milliseconds into the day (digits past the third are dropped).
fn parse_time(time: &str) -> Option<i64> {
    let mut parts = time.splitn(3, ':');
    let (hours, minutes) = (two_digits(parts.next()?)?, two_digits(parts.next()?)?);
    let (seconds, millis) = match parts.next() {
        None => (0, 0),
        Some(text) => {
            let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
            digits(fraction)?;
            let millis =
                fraction.bytes().chain(std::iter::repeat(b'0')).take(3).fold(0, |n, b| n * 10 + i64::from(b - b'0'));
            (two_digits(whole)?, millis)
        }
    };
    (hours < 24 && minutes < 60 && seconds < 60).then_some(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

/// Splits `Z` or `+HH:MM` / `-HHMM` / `+HH` off the end; no zone is an offset of 0.
fn split_zone(time: &str) -> Option<(&str, i64)> {
    if let Some(time) = time.strip_suffix(['Z', 'z']) {
        return Some((time, 0));
    }
    let Some(at) = time.rfind(['+', '-']) else {
        return Some((time, 0));
    };
    let (time, zone) = time.split_at(at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let zone = &zone[1..];
    let (hours, minutes) = match zone.len() {
        2 => (zone, "00"),
        4 => zone.split_at_checked(2)?,
        5 if zone.as_bytes()[2] == b':' => (&zone[..2], &zone[3..]),
        _ => return None,
    };
    let (hours, minutes) = (two_digits(hours)?, two_digits(minutes)?);
    (hours < 24 && minutes < 60).then_some((time, sign * (hours * 60 + minutes) * 60_000))
}

fn two_digits(text: &str) -> Option<i64> {
    if text.len() == 2 {
        digits(text)
    } else {
        None
    }
}

/// A non-empty run of ASCII digits (no sign), short enough not to overflow.
fn digits(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A proleptic Gregorian date to days since 1970-01-01 (Howard Hinnant's algorithm, the inverse of the one below).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn split(ms: i64) -> (String, i64, i64) {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    (format!("{y:04}-{m:02}-{d:02}"), in_day / 1000, in_day % 1000)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_both_shapes() {
        assert_eq!(export_timestamp(LOG_EPOCH_MS + 3_723_004), "2025-11-20T13:02:03.004");
        assert_eq!(token_timestamp(1_672_531_200_000), "2023-01-01T00:00:00+00:00");
        assert_eq!(export_timestamp(951_782_400_000), "2000-02-29T00:00:00.000");
    }

    #[test]
    fn reads_what_it_writes_and_the_usual_variants() {
        for ms in [0, 951_782_400_000, 1_672_531_200_000, LOG_EPOCH_MS + 3_723_004, -86_400_000 * 366] {
            assert_eq!(parse_date_time(&token_timestamp(ms)), Some(ms - ms.rem_euclid(1000)));
            assert_eq!(parse_date_time(&export_timestamp(ms)), Some(ms));
        }
        let noon = Some(LOG_EPOCH_MS);
        assert_eq!(parse_date_time("2025-11-20T12:00:00Z"), noon);
        assert_eq!(parse_date_time("2025-11-20 12:00"), noon);
        assert_eq!(parse_date_time("2025-11-20T14:30:00+02:30"), noon);
        assert_eq!(parse_date_time("2025-11-20T09:00:00-0300"), noon);
        assert_eq!(parse_date_time("2025-11-20T13:00:00+01"), noon);
        assert_eq!(parse_date_time("2025-11-20T12:00:00.0004"), noon);
        assert_eq!(parse_date_time("2025-11-20"), Some(LOG_EPOCH_MS - 12 * 3_600_000));
    }

    #[test]
    fn refuses_what_is_not_a_date_time() {
        for text in [
            "",
            "yesterday",
            "2025-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-04-31",
            "2025-11-20T24:00",
            "2025-11-20T12:60",
            "2025-11-20T12",
            "2025-11-20T12:00:00.",
            "2025-11-20T12:00:00+2",
            "2025-11-20X12:00",
            "+2025-11-20",
            "2025-1-20",
            "2025-11-2é",
            "2025-11-20Té:00",
            "2025-11-20T12:00+aéb",
        ] {
            assert_eq!(parse_date_time(text), None, "{text}");
        }
        assert_eq!(parse_date_time("2024-02-29"), Some(1_709_164_800_000));
    }

    #[test]
    fn dates_say_what_is_wrong_with_them_and_read_back_what_date_writes() {
        use DateError::*;
        for (text, error) in [
            ("2026-01", TooShort),
            ("20x6-01-01", InvalidYear),
            ("2026/01/01", InvalidSeparator),
            ("2026-0a-01", InvalidMonth),
            ("2026-01-0é", InvalidDay),
            ("2026-13-01", MonthOutOfRange),
            ("2026-02-30", DayOutOfRange),
            ("2026-02-28T00:00", ExtraCharacters),
        ] {
            assert_eq!(read_date(text), Err(error), "{text}");
        }
        for days in [-1, 0, 19_000, 20_000, 20_513] {
            assert_eq!(read_date(&date(days)), Ok(days));
        }
        assert_eq!(date(0), "1970-01-01");
        assert!(today() > 20_000, "after 2024-10-04");
    }
}
