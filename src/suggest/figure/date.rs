//! Dates in a figure's text: "December 25, 2022", "25 грудня 2022", "10.04.2008", "2024-03-01", read as calendar dates.
//!
//! A date read whole is one figure (its unit is the ISO date); a day of the month written
//! without a year ("on December 25") is part of a date, so it is no figure at all. Numeric
//! dates with dots are day first, as every language that writes them so does; with slashes
//! they are day first too unless the first number cannot be a month's day ("12/25/2022"),
//! which the checker sees at once in the value shown.

use super::token::{Tok, Token};

/// Which number of a numeric date with slashes comes first: the month in the United States and
/// the Philippines ("3/4/2024" is March 4 there), the day elsewhere. Dates with dots are day
/// first everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    /// The order of an article in the language `tag` (BCP 47, "en-US"): by its region; a
    /// language alone ("en") names none, so the day comes first.
    pub fn of_language(tag: Option<&str>) -> DateOrder {
        let month_first =
            tag.is_some_and(|t| t.split(['-', '_']).skip(1).any(|s| s.eq_ignore_ascii_case("US") || s.eq_ignore_ascii_case("PH")));
        if month_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }
}

/// Month names, each list January first: English (with its abbreviations), Ukrainian and
/// Russian (the genitive a date uses, "25 грудня"), German, French and Spanish.
const MONTHS: [&str; 8] = [
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "jänner februar märz april mai juni juli august sept okt nov dez",
];

/// A calendar date, checked in its constructor (the day exists in that month and year).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Date {
    pub year: i32,
    month: u32,
    day: u32,
}

impl Date {
    fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let ok = (1000..=2100).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days[(month - 1) as usize];
        ok.then_some(Date { year: year as i32, month: month as u32, day: day as u32 })
    }

    /// "2022-12-25".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The month a word names (1–12). English names count only capitalised ("may" is a verb).
fn month(word: &str) -> Option<i64> {
    let lower = word.to_lowercase();
    MONTHS.iter().enumerate().find_map(|(list, names)| {
        let english = list < 2;
        let at = names.split(' ').position(|n| n == lower)?;
        (!english || word.starts_with(char::is_uppercase)).then_some(at as i64 + 1)
    })
}

/// A whole number token of at most `max_digits` digits, no separators.
fn plain(t: Option<&Token>, max_digits: usize) -> Option<i64> {
    match &t?.tok {
        Tok::Num(n) if n.plain && n.exp == 0 && n.digits.len() <= max_digits => n.digits.parse().ok(),
        _ => None,
    }
}

fn year(t: Option<&Token>) -> Option<i64> {
    plain(t, 4).filter(|y| (1000..=2100).contains(y))
}

/// Skips what may follow a day or a month: an ordinal ending glued to it ("25th"), a full
/// stop ("Dec.", "25."), a comma, Spanish "de".
fn skip(toks: &[Token], mut k: usize) -> usize {
    let word = |k: usize| toks.get(k).and_then(Token::word).map(str::to_lowercase);
    if toks.get(k).is_some_and(|t| !t.spaced) && matches!(word(k).as_deref(), Some("st" | "nd" | "rd" | "th" | "er")) {
        k += 1;
    }
    if toks.get(k).and_then(Token::sym).is_some_and(|c| c == '.' || c == ',') {
        k += 1;
    }
    if word(k).as_deref() == Some("de") {
        k += 1;
    }
    k
}

/// A date written with a month name starting at token `i` ("December 25, 2022", "25
/// грудня 2022 року", "1er mars 2020", "5 de mayo de 2021"), with the index after it.
pub(super) fn named(toks: &[Token], i: usize) -> Option<(Date, usize)> {
    if let Some(m) = toks.get(i).and_then(Token::word).and_then(month) {
        let day_at = skip(toks, i + 1);
        let d = plain(toks.get(day_at), 2)?;
        let year_at = skip(toks, day_at + 1);
        return Some((Date::new(year(toks.get(year_at))?, m, d)?, year_at + 1));
    }
    let d = plain(toks.get(i), 2)?;
    let month_at = skip(toks, i + 1);
    let m = toks.get(month_at).and_then(Token::word).and_then(month)?;
    let year_at = skip(toks, month_at + 1);
    Some((Date::new(year(toks.get(year_at))?, m, d)?, year_at + 1))
}

/// A day of the month without its year ("on December 25", "25 грудня"): not a figure.
pub(super) fn is_day_without_year(toks: &[Token], i: usize) -> bool {
    if plain(toks.get(i), 2).is_none_or(|d| !(1..=31).contains(&d)) {
        return false;
    }
    let before = i.checked_sub(1).and_then(|p| toks.get(p)).and_then(Token::word).and_then(month).is_some();
    let after = toks.get(skip(toks, i + 1)).and_then(Token::word).and_then(month).is_some();
    before || after
}

/// A numeric date at `chars[start..]`: "10.04.2008", "25/12/2022", "2024-03-01", slashes in
/// `order`; with the index after it. Not when more digits follow ("10.04.20081").
pub(super) fn numeric(chars: &[char], start: usize, order: DateOrder) -> Option<(Date, usize)> {
    let mut parts: Vec<(i64, usize)> = Vec::new();
    let mut seps = Vec::new();
    let mut i = start;
    loop {
        let n = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 4 {
            return None;
        }
        let v: i64 = chars[i..i + n].iter().collect::<String>().parse().ok()?;
        parts.push((v, n));
        i += n;
        if parts.len() == 3 {
            break;
        }
        match chars.get(i) {
            Some(&c @ ('.' | '/' | '-')) if chars.get(i + 1).is_some_and(char::is_ascii_digit) => seps.push(c),
            _ => return None,
        }
        i += 1;
    }
    if seps[0] != seps[1] || chars.get(i).is_some_and(|c| c.is_ascii_digit() || *c == seps[0]) {
        return None;
    }
    let [(a, la), (b, lb), (c, lc)] = [parts[0], parts[1], parts[2]];
    let date = match (seps[0], la, lb, lc) {
        ('-', 4, 2, 2) => Date::new(a, b, c),
        ('.' | '/', 1..=2, 1..=2, 4) if seps[0] == '/' && a <= 12 && (b > 12 || order == DateOrder::MonthFirst) => Date::new(c, a, b),
        ('.' | '/', 1..=2, 1..=2, 4) => Date::new(c, b, a),
        _ => None,
    }?;
    Some((date, i))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn iso_named(s: &str) -> Option<String> {
        let toks = tokenize(s);
        (0..toks.len()).find_map(|i| named(&toks, i)).map(|(d, _)| d.iso())
    }

    fn iso_numeric(s: &str) -> Option<String> {
        let chars: Vec<char> = s.chars().collect();
        numeric(&chars, 0, DateOrder::DayFirst).map(|(d, _)| d.iso())
    }

    #[test]
    fn dates_with_month_names() {
        for (text, want) in [
            ("December 25, 2022", "2022-12-25"),
            ("on Dec. 5, 2021 the", "2021-12-05"),
            ("25 December 2022", "2022-12-25"),
            ("the 3rd of March?", ""),
            ("March 3rd, 2020", "2020-03-03"),
            ("25 грудня 2022 року", "2022-12-25"),
            ("1 сентября 2014 года", "2014-09-01"),
            ("3. Oktober 1990", "1990-10-03"),
            ("14 juillet 1789", "1789-07-14"),
            ("5 de mayo de 2021", "2021-05-05"),
            ("February 29, 2024", "2024-02-29"),
            ("February 29, 2023", ""),
            ("31 April 2020", ""),
            ("may 5, 2020", ""),
        ] {
            assert_eq!(iso_named(text).unwrap_or_default(), want, "{text}");
        }
    }

    #[test]
    fn numeric_dates() {
        for (text, want) in [
            ("10.04.2008", "2008-04-10"),
            ("1.5.2019", "2019-05-01"),
            ("25/12/2022", "2022-12-25"),
            ("12/25/2022", "2022-12-25"),
            ("2024-03-01", "2024-03-01"),
            ("10.04.20081", ""),
            ("1.234.567", ""),
            ("2024-13-01", ""),
            ("10.04.2008.1", ""),
            ("3.5", ""),
            ("10/04-2008", ""),
        ] {
            assert_eq!(iso_numeric(text).unwrap_or_default(), want, "{text}");
        }
    }

    #[test]
    fn slash_dates_follow_the_articles_region() {
        let iso = |s: &str, tag: &str| {
            let chars: Vec<char> = s.chars().collect();
            numeric(&chars, 0, DateOrder::of_language(Some(tag))).map(|(d, _)| d.iso()).unwrap_or_default()
        };
        assert_eq!(iso("3/4/2024", "en-US"), "2024-03-04");
        assert_eq!(iso("3/4/2024", "en-GB"), "2024-04-03");
        assert_eq!(iso("3/4/2024", "en"), "2024-04-03", "no region: day first");
        assert_eq!(iso("25/12/2022", "en-US"), "2022-12-25", "25 cannot be a month");
        assert_eq!(iso("3.4.2024", "en-US"), "2024-04-03", "dots are day first everywhere");
        assert_eq!(DateOrder::of_language(Some("en_ph")), DateOrder::MonthFirst);
        assert_eq!(DateOrder::of_language(Some("uk")), DateOrder::DayFirst);
        assert_eq!(DateOrder::of_language(None), DateOrder::DayFirst);
    }

    #[test]
    fn days_without_a_year() {
        let toks = tokenize("on December 25 and 3 грудня, 70 regions");
        let days: Vec<usize> = (0..toks.len()).filter(|&i| is_day_without_year(&toks, i)).collect();
        assert_eq!(days, [2, 4]);
    }
}
