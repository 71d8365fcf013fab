//! Publication date-times written out in English ("Tuesday, February 4, 2025 8:58:00 PM").

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// True for an ISO calendar date `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

/// Parses "Tuesday, February 4, 2025 8:58:00 PM" (weekday, seconds and AM/PM optional)
/// into a local ISO date-time "2025-02-04T20:58:00". `None` if it is not such a date.
pub fn parse_long_datetime(s: &str) -> Option<String> {
    let mut words: Vec<String> =
        s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.first().is_some_and(|w| WEEKDAYS.contains(&w.as_str())) {
        words.remove(0);
    }
    let first = words.first()?.as_str();
    let month = MONTHS.iter().position(|m| *m == first)? + 1;
    let day: u32 = words.get(1)?.parse().ok()?;
    let year: u32 = words.get(2)?.parse().ok()?;
    if !(1..=31).contains(&day) || !(1000..=9999).contains(&year) {
        return None;
    }
    let (mut h, mut m, mut sec) = (0u32, 0u32, 0u32);
    let mut next = 3;
    if let Some(time) = words.get(next) {
        let parts: Vec<u32> = time.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
        if !(2..=3).contains(&parts.len()) {
            return None;
        }
        (h, m, sec) = (parts[0], parts[1], parts.get(2).copied().unwrap_or(0));
        next += 1;
        match words.get(next).map(String::as_str) {
            Some("pm") if h < 12 => h += 12,
            Some("am") if h == 12 => h = 0,
            _ => {}
        }
        if matches!(words.get(next).map(String::as_str), Some("am" | "pm")) {
            next += 1;
        }
    }
    if next != words.len() || h > 23 || m > 59 || sec > 59 {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{sec:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_datetime() {
        assert_eq!(parse_long_datetime("Tuesday, February 4, 2025 8:58:00 PM").as_deref(), Some("2025-02-04T20:58:00"));
    }

    #[test]
    fn variants() {
        assert_eq!(parse_long_datetime("March 1, 2024").as_deref(), Some("2024-03-01T00:00:00"));
        assert_eq!(parse_long_datetime("May 9, 2024 12:05 AM").as_deref(), Some("2024-05-09T00:05:00"));
        assert_eq!(parse_long_datetime("May 9, 2024 12:05 PM").as_deref(), Some("2024-05-09T12:05:00"));
        assert_eq!(parse_long_datetime("may 9 2024 13:05").as_deref(), Some("2024-05-09T13:05:00"));
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(parse_long_datetime("in rare earth mining"), None);
        assert_eq!(parse_long_datetime("February 40, 2025"), None);
        assert_eq!(parse_long_datetime("February 4, 2025 25:00"), None);
        assert_eq!(parse_long_datetime("February 4, 2025 8:00 PM extra"), None);
        assert!(is_iso_date("2025-02-04"));
        assert!(!is_iso_date("2025-13-04"));
        assert!(!is_iso_date("2025/02/04"));
    }
}
