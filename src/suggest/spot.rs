//! Where the figures and direct quotes of a text are: spans found in running text ("$1.5bn",
//! "4.2 million tonnes", "18 per cent", "a third"; “…” and «…»), for the article-wide scan.

use crate::text::listed;
use std::ops::Range;

/// Words after a number that belong to the figure: magnitudes, percent, currencies, units
/// of measure. A counted noun ("300,000 patients") is left out: the number is the figure.
const AFTER: &str = "million millions billion billions trillion trillions thousand thousands bn mn m tn k mln mlrd bln \
    млн млрд трлн тис тис. тыс тыс. mio mio. mrd mrd. milliard milliards mille percent per cent pct % ‰ відсотків відсотка \
    процентов процента prozent pour euro euros dollars dollar pounds pound sterling yen yuan hryvnias hryvnia грн грн. гривень \
    гривні гривня рублів рублей руб руб. usd eur gbp uah rub € $ £ ₴ tonnes tonne tons ton t kg kilograms grams km kilometres \
    kilometers miles metres meters m² km² hectares acres litres liters barrels mw gw kwh twh degrees °c °f weeks week days day \
    years year months month hours hour minutes seconds decades тонн тонни тонна років роки рік днів тижнів місяців годин \
    лет года дней недель месяцев часов";

/// Number words that make a figure together with one of the words above ("three years").
const NUMBER_WORDS: &str = "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty \
    hundred hundreds dozen dozens half один одна два дві три чотири п'ять десять сто";

/// Figures written only in words: fractions and multiples.
const WORD_FIGURES: &str = "a third|a quarter|a half|a fifth|a tenth|one third|one quarter|one half|one-third|two-thirds|\
    three-quarters|one-quarter|one-fifth|doubled|tripled|trebled|quadrupled|halved|twofold|threefold|tenfold|половина|третина|чверть";

const MONTHS: &str = "january february march april may june july august september october november december jan feb mar apr \
    jun jul aug sep sept oct nov dec";

fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '₴' | '¥' | '₽')
}

/// The word (letters, digits and inner `.'-`) starting at `i`, and where it ends.
fn word_at(text: &[char], i: usize, end: usize) -> (String, usize) {
    let mut j = i;
    while j < end
        && (text[j].is_alphanumeric() || matches!(text[j], '%' | '‰' | '°' | '²') || (matches!(text[j], '.' | '\'' | '-') && j > i))
    {
        j += 1;
    }
    if j == i && j < end && is_currency_sign(text[j]) {
        j += 1;
    }
    // A full stop ends the word unless it belongs to it ("тис.", "Mrd."), told by the list.
    let mut w: String = text[i..j].iter().collect::<String>().to_lowercase();
    if w.ends_with('.') && !listed(AFTER, &w) {
        w.pop();
        j -= 1;
    }
    (w, j)
}

/// Whitespace from `i`, at most `max` characters of it, and where it ends.
fn skip_space(text: &[char], i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end && j < i + 2 && text[j].is_whitespace() && text[j] != '\n' {
        j += 1;
    }
    j
}

/// A numeral at `i`: digits with inner separators ("1,234.5", "1 000", "3,82"), and where it ends.
fn numeral_end(text: &[char], i: usize, end: usize) -> usize {
    let mut j = i;
    let mut group = 0;
    while j < end {
        let c = text[j];
        if c.is_ascii_digit() {
            j += 1;
            group += 1;
        } else if separator_at(text, i, j, end, group) {
            j += 1;
            group = 0;
        } else {
            break;
        }
    }
    j
}

/// A separator inside a numeral at `j` (`i` starts it; `group` digits since the last
/// separator): a decimal mark before a digit, or a space before a group of three digits.
fn separator_at(text: &[char], i: usize, j: usize, end: usize, group: usize) -> bool {
    let c = text[j];
    let decimal = matches!(c, '.' | ',') && j + 1 < end && text[j + 1].is_ascii_digit();
    let space = matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | ' ')
        && group <= 3
        && j + 4 <= end
        && text[j + 1..j + 4].iter().all(char::is_ascii_digit)
        && !text.get(j + 4).is_some_and(char::is_ascii_digit)
        && (c != ' ' || text[i..j].iter().all(char::is_ascii_digit));
    decimal || space
}

/// The figures in `text[range]`, in order, none overlapping.
pub(super) fn figures(text: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = range.start;
    let end = range.end;
    while i < end {
        let c = text[i];
        let word_start = i == 0 || !text[i - 1].is_alphanumeric();
        if c.is_ascii_digit() && word_start {
            // "COVID-19", "K-12": a number joined to letters by a hyphen is part of a name.
            let named = i >= 2 && text[i - 1] == '-' && text[i - 2].is_alphabetic();
            let mut start = i;
            while start > range.start
                && (is_currency_sign(text[start - 1])
                    || (text[start - 1] == '-' && !named && text.get(start.wrapping_sub(2)).is_none_or(|p| p.is_whitespace())))
            {
                start -= 1;
            }
            let mut j = numeral_end(text, i, end);
            // A range: "10–15", "2014-2022".
            if j + 1 < end && matches!(text[j], '–' | '-' | '—') && text[j + 1].is_ascii_digit() {
                j = numeral_end(text, j + 1, end);
            }
            if named || is_date_day(text, start, j, range.clone()) {
                i = j.max(i + 1);
                continue;
            }
            // A prefix code ("UAH 100 billion").
            if let Some((w, _)) = word_before(text, start, range.start) {
                if listed("usd eur gbp uah rub us$", &w) {
                    start -= w.chars().count() + 1;
                }
            }
            j = extend(text, j, end);
            out.push(start..j);
            i = j.max(i + 1);
            continue;
        }
        if c.is_alphabetic() && word_start {
            if let Some(len) = word_figure(text, i, end) {
                out.push(i..i + len);
                i += len;
                continue;
            }
            let (w, j) = word_at(text, i, end);
            if listed(NUMBER_WORDS, &w) {
                let k = extend(text, j, end);
                if k > j {
                    out.push(i..k);
                    i = k;
                    continue;
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// Takes the words after a number that belong to the figure ("million tonnes", "per cent").
fn extend(text: &[char], mut j: usize, end: usize) -> usize {
    loop {
        let k = skip_space(text, j, end);
        let (w, e) = word_at(text, k, end);
        if e == k {
            return j;
        }
        if w == "per" {
            let c = skip_space(text, e, end);
            let (next, ce) = word_at(text, c, end);
            // Nothing after a percentage is its unit ("18 per cent year on year").
            return if next == "cent" { ce } else { j };
        }
        if !listed(AFTER, &w) || w == "cent" {
            return j;
        }
        j = e;
        if listed("% ‰ percent pct prozent відсотків відсотка процентов процента", &w) {
            return j;
        }
    }
}

/// A figure written in words at `i` ("a third", "two-thirds", "doubled"): its length.
fn word_figure(text: &[char], i: usize, end: usize) -> Option<usize> {
    WORD_FIGURES.split('|').find_map(|f| {
        let n = f.chars().count();
        let fits = i + n <= end
            && text[i..i + n].iter().zip(f.chars()).all(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
            && !text.get(i + n).is_some_and(|c| c.is_alphanumeric());
        fits.then_some(n)
    })
}

fn word_before(text: &[char], at: usize, floor: usize) -> Option<(String, usize)> {
    if at < floor + 2 || text[at - 1] != ' ' {
        return None;
    }
    let s = text[floor..at - 1].iter().rposition(|c| c.is_whitespace()).map_or(floor, |p| floor + p + 1);
    let w: String = text[s..at - 1].iter().collect::<String>().to_lowercase();
    (!w.is_empty()).then_some((w, s))
}

/// A day of the month ("December 25", "25 December"): part of a date, not a figure.
fn is_date_day(text: &[char], start: usize, end: usize, range: Range<usize>) -> bool {
    let day: u32 = text[start..end].iter().collect::<String>().parse().unwrap_or(0);
    if !(1..=31).contains(&day) {
        return false;
    }
    let before = word_before(text, start, range.start).is_some_and(|(w, _)| listed(MONTHS, w.trim_end_matches('.')));
    let k = skip_space(text, end, range.end);
    let after = k > end && listed(MONTHS, word_at(text, k, range.end).0.trim_end_matches('.'));
    before || after
}

/// Direct quotes in `text[range]`: the words inside “…”, «…», „…“ or straight quotes, of at
/// least three words (one or two are a term or scare quotes, not speech), without the
/// punctuation that closes them.
pub(super) fn quotes(text: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let close = match text[i] {
            '“' => Some('”'),
            '«' => Some('»'),
            '„' => Some('“'),
            '"' => Some('"'),
            '\'' | '‘' if i == range.start || text[i - 1].is_whitespace() || text[i - 1] == '(' => {
                Some(if text[i] == '‘' { '’' } else { '\'' })
            }
            _ => None,
        };
        let Some(close) = close else {
            i += 1;
            continue;
        };
        // The closing mark; a straight or curly apostrophe inside a word ("council's") is not one.
        let found = (i + 1..range.end)
            .find(|&j| text[j] == close && (!matches!(close, '\'' | '’') || !text.get(j + 1).is_some_and(|c| c.is_alphanumeric())));
        let Some(j) = found else {
            i += 1;
            continue;
        };
        let mut s = i + 1;
        let mut e = j;
        while s < e && text[s].is_whitespace() {
            s += 1;
        }
        while e > s && (text[e - 1].is_whitespace() || matches!(text[e - 1], ',' | '.' | ';' | ':')) {
            e -= 1;
        }
        let words = text[s..e].split(|c| c.is_whitespace()).filter(|w| !w.is_empty()).count();
        if words >= 3 && !text[s..e].contains(&'\n') {
            out.push(s..e);
        }
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(f: fn(&[char], Range<usize>) -> Vec<Range<usize>>, s: &str) -> Vec<String> {
        let t: Vec<char> = s.chars().collect();
        f(&t, 0..t.len()).into_iter().map(|r| t[r].iter().collect()).collect()
    }

    #[test]
    fn figures_in_running_text() {
        let f = |s| found(figures, s);
        assert_eq!(f("Sales rose 4.2 million tonnes, or 18 per cent, since 2021."), ["4.2 million tonnes", "18 per cent", "2021"]);
        assert_eq!(f("up 18 per cent year on year and 5% years later"), ["18 per cent", "5%"]);
        assert_eq!(f("It cost $1.5bn and €310 million; 1.2m residents"), ["$1.5bn", "€310 million", "1.2m"]);
        assert_eq!(f("fell by a third, and two-thirds of them doubled"), ["a third", "two-thirds", "doubled"]);
        assert_eq!(f("COVID-19 cases in K-12 schools"), Vec::<String>::new());
        assert_eq!(f("On December 25, 2022 and 3 May, 300,000 patients"), ["2022", "300,000"]);
        assert_eq!(f("1,8 млн тонн, на 12% більше, 3,82 млн грн"), ["1,8 млн тонн", "12%", "3,82 млн грн"]);
        assert_eq!(f("within five years, in three regions, 10–15% and UAH 100 billion"), ["five years", "10–15%", "UAH 100 billion"]);
        assert_eq!(f("a wait of 13.9 weeks; 1 000 people; -5 degrees"), ["13.9 weeks", "1 000", "-5 degrees"]);
    }

    #[test]
    fn quotes_in_running_text() {
        let q = |s| found(quotes, s);
        assert_eq!(q("“We have restored almost 90% of capacity,” said Kovalenko."), ["We have restored almost 90% of capacity"]);
        assert_eq!(q("He called it \"pure fiction\". 'This is a turning point,' she said."), ["This is a turning point"]);
        assert_eq!(q("the council's own estimates and the mayor's plan"), Vec::<String>::new());
        assert_eq!(q("«Ми очікуємо, що експорт перевищить 7 млн тонн», — сказав він."), ["Ми очікуємо, що експорт перевищить 7 млн тонн"]);
        assert_eq!(q("an unclosed “quote that never ends"), Vec::<String>::new());
    }
}
