//! Timestamps as the platform writes them. No clock is read: demo data is dated from a fixed instant so that
//! the same seed gives the same log on every machine and every day.

/// 2025-11-20T12:00:00 UTC, in milliseconds since the Unix epoch: the newest request of a seeded log.
pub const LOG_EPOCH_MS: i64 = 1_763_640_000_000;

/// `2025-02-25T15:03:13.644`: the export's form, with milliseconds and no zone.
pub fn export_timestamp(ms: i64) -> String {
    let (date, secs, millis) = split(ms);
    format!("{date}T{:02}:{:02}:{:02}.{millis:03}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// `2023-01-01T00:00:00+00:00`: the tokens list's form, with a zone.
pub fn token_timestamp(ms: i64) -> String {
    let (date, secs, _) = split(ms);
    format!("{date}T{:02}:{:02}:{:02}+00:00", secs / 3600, secs / 60 % 60, secs % 60)
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
}
