//! Timestamps: milliseconds since the Unix epoch, written as RFC 3339 UTC.

use std::fmt;

/// A moment in time, in **milliseconds since 1970-01-01T00:00:00Z**. The UI reads the clock
/// and passes it in, so the core stays pure and testable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

/// Days since the epoch → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// (year, month, day) → days since the epoch.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Timestamp {
    /// RFC 3339 in UTC with milliseconds: `2025-02-04T20:58:00.000Z`.
    pub fn to_rfc3339(self) -> String {
        let ms = self.0.rem_euclid(1000);
        let secs = self.0.div_euclid(1000);
        let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
        let s = secs.rem_euclid(86_400);
        format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z", s / 3600, s / 60 % 60, s % 60)
    }

    /// The UTC calendar date, `YYYY-MM-DD` (schema.org's `datePublished`).
    pub fn to_date(self) -> String {
        let (y, m, d) = civil_from_days(self.0.div_euclid(1000).div_euclid(86_400));
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Parses RFC 3339 (`YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`); a lower-case `t`/`z` or a
    /// space separator is accepted, as other tools write them.
    pub fn parse_rfc3339(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let t = s.get(r)?;
            t.bytes().all(|c| c.is_ascii_digit()).then(|| t.parse().ok()).flatten()
        };
        let (y, mo, d) = (num(0..4)?, num(5..7)? as u32, num(8..10)? as u32);
        let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
            return None;
        }
        let mut i = 19;
        let mut ms = 0i64;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return None;
            }
            let frac = &s[start..i.min(start + 3)];
            ms = frac.parse::<i64>().ok()? * 10i64.pow(3 - frac.len() as u32);
        }
        let offset_min = match b.get(i) {
            Some(b'Z' | b'z') if i + 1 == b.len() => 0,
            Some(sign @ (b'+' | b'-')) if b.len() == i + 6 && b[i + 3] == b':' => {
                let oh = num(i + 1..i + 3)?;
                let om = num(i + 4..i + 6)?;
                let o = oh * 60 + om;
                if *sign == b'-' {
                    -o
                } else {
                    o
                }
            }
            _ => return None,
        };
        let secs = days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec - offset_min * 60;
        Some(Timestamp(secs * 1000 + ms))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(Timestamp(0).to_rfc3339(), "1970-01-01T00:00:00.000Z");
        assert_eq!(Timestamp(1_738_702_680_123).to_rfc3339(), "2025-02-04T20:58:00.123Z");
        assert_eq!(Timestamp(951_782_400_000).to_rfc3339(), "2000-02-29T00:00:00.000Z");
        assert_eq!(Timestamp(1_738_713_599_999).to_date(), "2025-02-04", "the last millisecond of the day");
        assert_eq!(Timestamp(-1).to_date(), "1969-12-31");
    }

    #[test]
    fn parses_what_it_writes_and_common_variants() {
        for ms in [0i64, 1_738_702_680_123, 4_102_444_799_999, 951_782_400_000] {
            let t = Timestamp(ms);
            assert_eq!(Timestamp::parse_rfc3339(&t.to_rfc3339()), Some(t));
        }
        assert_eq!(Timestamp::parse_rfc3339("2025-02-04T20:58:00Z"), Some(Timestamp(1_738_702_680_000)));
        assert_eq!(Timestamp::parse_rfc3339("2025-02-04T21:58:00+01:00"), Some(Timestamp(1_738_702_680_000)));
        assert_eq!(Timestamp::parse_rfc3339("2025-02-04 20:58:00.5z"), Some(Timestamp(1_738_702_680_500)));
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "2025-02-04",
            "2025-13-04T00:00:00Z",
            "2025-02-04T00:00:00",
            "2025-02-04T00:00:00.Z",
            "yyyy-mm-ddThh:mm:ssZ",
            "2025-02-04T20:58:00+0100",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(s), None, "{s}");
        }
    }
}
