//! The words figures are written with: currencies, qualifiers ("more than"), and words that end a figure.

use super::token::Token;
use crate::annotation::Qualifier;
use crate::text::listed;

const SYMBOLS: [(char, &str); 7] = [('$', "USD"), ('€', "EUR"), ('£', "GBP"), ('₴', "UAH"), ('¥', "JPY"), ('₹', "INR"), ('₽', "RUB")];
const CODES: [&str; 14] = ["USD", "EUR", "GBP", "UAH", "RUB", "JPY", "CNY", "CHF", "PLN", "CAD", "AUD", "INR", "SEK", "NOK"];
const NAMES: [(&str, &str); 44] = [
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
    ("грн", "UAH"),
    ("гривня", "UAH"),
    ("гривні", "UAH"),
    ("гривень", "UAH"),
    ("гривен", "UAH"),
    ("гривны", "UAH"),
    ("долар", "USD"),
    ("долари", "USD"),
    ("доларів", "USD"),
    ("доллар", "USD"),
    ("доллара", "USD"),
    ("долларов", "USD"),
    ("євро", "EUR"),
    ("евро", "EUR"),
    ("руб", "RUB"),
    ("рубль", "RUB"),
    ("рублі", "RUB"),
    ("рублів", "RUB"),
    ("рубля", "RUB"),
    ("рублей", "RUB"),
    ("фунтів", "GBP"),
    ("фунтов", "GBP"),
    ("dólares", "USD"),
];

/// The letters before "$" that name a country's dollar.
const DOLLARS: [(&str, &str); 6] = [("US", "USD"), ("A", "AUD"), ("AU", "AUD"), ("C", "CAD"), ("CA", "CAD"), ("NZ", "NZD")];

/// Units written out, to the one name a value is stored with ("tonnes" → "t", "тижнів" →
/// "week", "five years" → "year-duration", a span of years rather than a calendar year).
const UNITS: &[(&str, &str)] = &[
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("metric tons", "t"),
    ("metric tonnes", "t"),
    ("тонн", "t"),
    ("тонни", "t"),
    ("тонна", "t"),
    ("тонны", "t"),
    ("т", "t"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("kg", "kg"),
    ("кг", "kg"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("km", "km"),
    ("км", "km"),
    ("кілометрів", "km"),
    ("километров", "km"),
    ("square kilometres", "km²"),
    ("square kilometers", "km²"),
    ("square kilometre", "km²"),
    ("square kilometer", "km²"),
    ("km²", "km²"),
    ("км²", "km²"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("га", "ha"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("years", "year-duration"),
    ("year", "year-duration"),
    ("років", "year-duration"),
    ("роки", "year-duration"),
    ("рік", "year-duration"),
    ("лет", "year-duration"),
    ("года", "year-duration"),
    ("год", "year-duration"),
    ("months", "month"),
    ("month", "month"),
    ("місяців", "month"),
    ("місяці", "month"),
    ("месяцев", "month"),
    ("месяца", "month"),
    ("weeks", "week"),
    ("week", "week"),
    ("тижнів", "week"),
    ("тижні", "week"),
    ("тиждень", "week"),
    ("недель", "week"),
    ("недели", "week"),
    ("неделя", "week"),
    ("days", "day"),
    ("day", "day"),
    ("днів", "day"),
    ("дні", "day"),
    ("день", "day"),
    ("дней", "day"),
    ("дня", "day"),
    ("degrees", "degrees"),
    ("degree", "degrees"),
    ("градусів", "degrees"),
    ("градуси", "degrees"),
    ("градусов", "degrees"),
    ("градуса", "degrees"),
    ("grad", "degrees"),
    ("degrés", "degrees"),
    ("grados", "degrees"),
    ("гектарів", "ha"),
    ("гектари", "ha"),
    ("гектаров", "ha"),
    ("гектара", "ha"),
    ("hektar", "ha"),
    ("hectáreas", "ha"),
    ("tonnen", "t"),
    ("toneladas", "t"),
    ("километра", "km"),
    ("kilomètres", "km"),
    ("kilómetros", "km"),
    ("jahre", "year-duration"),
    ("jahren", "year-duration"),
    ("ans", "year-duration"),
    ("años", "year-duration"),
    ("hours", "hour"),
    ("hour", "hour"),
    ("годин", "hour"),
    ("години", "hour"),
    ("часов", "hour"),
    ("часа", "hour"),
];

/// Longest first, so "no more than" wins over "more than"; English, Ukrainian, Russian,
/// German, French and Spanish.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    // Before "більше ніж": the longest phrase that ends the words wins.
    ("не більше ніж", Qualifier::AtMost),
    ("не менше ніж", Qualifier::AtLeast),
    ("не более чем", Qualifier::AtMost),
    ("не менее чем", Qualifier::AtLeast),
    ("по меньшей мере", Qualifier::AtLeast),
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("no more than", Qualifier::AtMost),
    ("no less than", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("більше ніж", Qualifier::MoreThan),
    ("більш ніж", Qualifier::MoreThan),
    ("менш ніж", Qualifier::LessThan),
    ("менше ніж", Qualifier::LessThan),
    ("не менше", Qualifier::AtLeast),
    ("не менее", Qualifier::AtLeast),
    ("не більше", Qualifier::AtMost),
    ("не более", Qualifier::AtMost),
    ("more than", Qualifier::MoreThan),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("at least", Qualifier::AtLeast),
    ("at most", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("an estimated", Qualifier::About),
    ("mehr als", Qualifier::MoreThan),
    ("weniger als", Qualifier::LessThan),
    ("bis zu", Qualifier::AtMost),
    ("plus de", Qualifier::MoreThan),
    ("moins de", Qualifier::LessThan),
    ("au moins", Qualifier::AtLeast),
    ("près de", Qualifier::About),
    ("más de", Qualifier::MoreThan),
    ("más del", Qualifier::MoreThan),
    ("menos de", Qualifier::LessThan),
    ("menos del", Qualifier::LessThan),
    ("al menos", Qualifier::AtLeast),
    ("por lo menos", Qualifier::AtLeast),
    ("cerca de", Qualifier::About),
    ("cerca del", Qualifier::About),
    ("alrededor de", Qualifier::About),
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
    ("понад", Qualifier::MoreThan),
    ("більше", Qualifier::MoreThan),
    ("близько", Qualifier::About),
    ("майже", Qualifier::About),
    ("приблизно", Qualifier::About),
    ("щонайменше", Qualifier::AtLeast),
    ("принаймні", Qualifier::AtLeast),
    ("более", Qualifier::MoreThan),
    ("больше", Qualifier::MoreThan),
    ("свыше", Qualifier::MoreThan),
    ("около", Qualifier::About),
    ("почти", Qualifier::About),
    ("примерно", Qualifier::About),
    ("порядка", Qualifier::About),
    ("минимум", Qualifier::AtLeast),
    ("менее", Qualifier::LessThan),
    ("меньше", Qualifier::LessThan),
    ("über", Qualifier::MoreThan),
    ("etwa", Qualifier::About),
    ("rund", Qualifier::About),
    ("ungefähr", Qualifier::About),
    ("mindestens", Qualifier::AtLeast),
    ("environ", Qualifier::About),
    ("presque", Qualifier::About),
    ("jusqu'à", Qualifier::AtMost),
    ("jusqu’à", Qualifier::AtMost),
    ("unos", Qualifier::About),
    ("unas", Qualifier::About),
    ("casi", Qualifier::About),
    ("hasta", Qualifier::AtMost),
];

/// Words that end a figure rather than name what it counts.
const NOT_UNITS: &str = "and or nor of the a an to in into on at by for from with is are was were be been has have had will would than as \
    that this these those which who per more less while but since if so its their it they he she after before according";

/// Words that make the number before them a percentage; "per cent", "pour cent" and "por
/// ciento" are read as two words.
const PERCENT_WORDS: &str = "percent pct відсотків відсотка відсотки відсоток процентов процента проценты процент prozent";

/// Words after a four-digit number that make it a calendar year ("у 2022 році", "в 2021 году").
const YEAR_AFTER: &str = "році року рік году года год jahr jahres";

/// True for a word that makes the number before it a percentage.
pub(super) fn is_percent_word(word: &str) -> bool {
    listed(PERCENT_WORDS, word)
}

/// True for a word after a four-digit number that makes it a calendar year.
pub(super) fn is_year_after(word: &str) -> bool {
    listed(YEAR_AFTER, word)
}

/// Words before a four-digit number that make it a year even when a noun follows.
const YEAR_WORDS: [&str; 10] = ["in", "since", "by", "until", "till", "from", "during", "before", "after", "of"];

/// The stored name of a unit written `word` ("tonnes" → "t"); other nouns stay as written.
pub(super) fn canonical_unit(word: &str) -> String {
    let lower = word.to_lowercase();
    UNITS.iter().find(|(w, _)| *w == lower).map_or_else(|| word.to_string(), |(_, c)| (*c).to_string())
}

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
    // "US$3 billion", "A$2 billion", "C$500 million": a country's dollar.
    let dollar = toks.get(i + 1).is_some_and(|n| n.sym() == Some('$') && !n.spaced);
    if let Some(code) = dollar.then(|| DOLLARS.iter().find(|(p, _)| *p == w).map(|(_, c)| *c)).flatten() {
        return Some((code, 2));
    }
    CODES.iter().find(|c| **c == w).map(|c| (*c, 1))
}

/// A currency named after the number: "UAH", "euros", "US dollars".
pub(super) fn currency_suffix(toks: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    // "5 000 ₴", "40 €": a symbol written after the number.
    if let Some(c) = t.sym().filter(|c| *c != '$') {
        return SYMBOLS.iter().find(|(s, _)| *s == c).map(|(_, code)| (*code, 1));
    }
    let w = t.word()?;
    if w == "US" && lower(toks, i + 1).is_some_and(|n| n.starts_with("dollar")) {
        return Some(("USD", 2));
    }
    if let Some(code) = CODES.iter().find(|c| **c == w) {
        return Some((code, 1));
    }
    // "d'euros", "d’euros": French elides "de" into the name.
    let w = w.to_lowercase();
    let w = w.trim_start_matches("d'").trim_start_matches("d’");
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
        let t = tokenize("грн гривень руб. євро € $");
        assert_eq!(currency_suffix(&t, 0), Some(("UAH", 1)));
        assert_eq!(currency_suffix(&t, 1), Some(("UAH", 1)));
        assert_eq!(currency_suffix(&t, 2), Some(("RUB", 1)));
        assert_eq!(currency_suffix(&t, 4), Some(("EUR", 1)));
        assert_eq!(currency_suffix(&t, 5), Some(("EUR", 1)));
        assert_eq!(currency_suffix(&t, 6), None, "a dollar sign after a number starts the next one");
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
