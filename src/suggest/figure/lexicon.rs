//! The words figures are written with: currencies, qualifiers ("more than"), and words that end a figure.

use super::token::Token;
use crate::annotation::Qualifier;
use crate::text::listed;

const SYMBOLS: [(char, &str); 7] = [('$', "USD"), ('€', "EUR"), ('£', "GBP"), ('₴', "UAH"), ('¥', "JPY"), ('₹', "INR"), ('₽', "RUB")];
const CODES: [&str; 14] = ["USD", "EUR", "GBP", "UAH", "RUB", "JPY", "CNY", "CHF", "PLN", "CAD", "AUD", "INR", "SEK", "NOK"];
const NAMES: [(&str, &str); 21] = [
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("hryvnas", "UAH"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("zloty", "PLN"),
    ("zlotys", "PLN"),
];

/// Longest first, so "no more than" wins over "more than".
const QUALIFIERS: [(&str, Qualifier); 25] = [
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("no more than", Qualifier::AtMost),
    ("no less than", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("at least", Qualifier::AtLeast),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("an estimated", Qualifier::About),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("some", Qualifier::About),
    ("circa", Qualifier::About),
    ("approx", Qualifier::About),
];

/// Words that end a figure rather than name what it counts.
const NOT_UNITS: &str = "and or nor of the a an to in into on at by for from with is are was were be been has have had will would than as \
    that this these those which who per more less while but since if so its their it they he she after before according";

/// Words before a four-digit number that make it a year even when a noun follows.
const YEAR_WORDS: [&str; 10] = ["in", "since", "by", "until", "till", "from", "during", "before", "after", "of"];

/// True for words that end a figure rather than name what it counts ("of", "the").
pub(super) fn ends_figure(word: &str) -> bool {
    listed(NOT_UNITS, word)
}

/// True for words before a four-digit number that make it a year ("in 2023 elections").
pub(super) fn is_year_word(word: &str) -> bool {
    YEAR_WORDS.contains(&word)
}

pub(super) fn lower(toks: &[Token], i: usize) -> Option<String> {
    toks.get(i).and_then(Token::word).map(str::to_lowercase)
}

/// A currency written before the number: "$", "US$", "UAH". Returns the code and tokens used.
pub(super) fn currency_prefix(toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    if let Some(c) = t.sym() {
        return SYMBOLS.iter().find(|(s, _)| *s == c).map(|(_, code)| (*code, 1));
    }
    let w = t.word()?;
    if w == "US" && toks.get(i + 1).is_some_and(|n| n.sym() == Some('$') && !n.spaced) {
        return Some(("USD", 2));
    }
    CODES.iter().find(|c| **c == w).map(|c| (*c, 1))
}

/// A currency named after the number: "UAH", "euros", "US dollars".
pub(super) fn currency_suffix(toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let w = toks.get(i)?.word()?;
    if w == "US" && lower(toks, i + 1).is_some_and(|n| n.starts_with("dollar")) {
        return Some(("USD", 2));
    }
    if let Some(code) = CODES.iter().find(|c| **c == w) {
        return Some((code, 1));
    }
    let w = w.to_lowercase();
    NAMES.iter().find(|(n, _)| *n == w).map(|(_, code)| (*code, 1))
}

/// The qualifier written just before token `i`, and whether that word is "between" (so
/// "and" makes a range).
pub(super) fn qualifier_before(toks: &[Token], i: usize) -> (Qualifier, bool) {
    if i > 0 && toks[i - 1].sym() == Some('~') {
        return (Qualifier::About, false);
    }
    let mut words: Vec<String> = Vec::new();
    for k in (i.saturating_sub(3)..i).rev() {
        match lower(toks, k) {
            Some(w) => words.insert(0, w),
            None => break,
        }
    }
    let between = words.last().is_some_and(|w| w == "between");
    let joined = format!(" {}", words.join(" "));
    let q = QUALIFIERS.iter().find(|(phrase, _)| joined.ends_with(&format!(" {phrase}"))).map_or(Qualifier::Exact, |(_, q)| *q);
    (q, between)
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    #[test]
    fn currencies_before_and_after() {
        let t = tokenize("US$ UAH eur ₴");
        assert_eq!(currency_prefix(&t, 0), Some(("USD", 2)));
        assert_eq!(currency_prefix(&t, 2), Some(("UAH", 1)));
        assert_eq!(currency_prefix(&t, 3), None, "codes are upper case");
        assert_eq!(currency_prefix(&t, 4), Some(("UAH", 1)));
        let t = tokenize("US dollars Hryvnias pounds");
        assert_eq!(currency_suffix(&t, 0), Some(("USD", 2)));
        assert_eq!(currency_suffix(&t, 2), Some(("UAH", 1)));
        assert_eq!(currency_suffix(&t, 3), Some(("GBP", 1)));
    }

    #[test]
    fn qualifiers_are_read_longest_first() {
        let q = |s: &str| {
            let t = tokenize(s);
            qualifier_before(&t, t.len() - 1)
        };
        assert_eq!(q("no more than 5"), (Qualifier::AtMost, false));
        assert_eq!(q("more than 5"), (Qualifier::MoreThan, false));
        assert_eq!(q("~5"), (Qualifier::About, false));
        assert_eq!(q("between 5"), (Qualifier::Exact, true));
        assert_eq!(q("moreover 5"), (Qualifier::Exact, false), "whole words only");
        assert_eq!(q("5"), (Qualifier::Exact, false));
    }
}
