//! Fractions written in words: "a third", "two-thirds of members", "half of the budget",
//! "one in three adults", "треть бюджета", "близько чверті бюджету".
//!
//! A fraction alone is a `fraction` (1/3 shown as 33.3 %). A fraction of something counted
//! takes that noun as its unit, as a number does ("a fifth of voters" is 0.2 voters, as "300
//! voters" is 300 voters), so the checker sees what it is a share of.

use super::lexicon::{lower, qualifier_before};
use super::parse::unit_word;
use super::token::{Tok, Token};
use super::words::{big, number_words};
use crate::annotation::{FigureValue, Qualifier, Unit};
use crate::text::listed;

/// English denominators, singular and plural ("a third", "two thirds").
fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Numerators before an English denominator.
fn numerator(w: &str) -> Option<f64> {
    Some(match w {
        "a" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        _ => return None,
    })
}

/// Ukrainian and Russian fractions in the cases a sentence puts them in ("третину", "чверті",
/// "четверть", "половины"): a stem and its value.
fn slavic(w: &str) -> Option<f64> {
    const STEMS: [(&str, f64); 5] = [("трет", 1.0 / 3.0), ("чверт", 0.25), ("четверт", 0.25), ("половин", 0.5), ("полови", 0.5)];
    // "третій", "четвертий", "четвертый" are ordinals, not fractions.
    if w.ends_with("ій") || w.ends_with("ий") || w.ends_with("ый") || w.ends_with("ого") || w.ends_with("ому") {
        return None;
    }
    STEMS.iter().find(|(s, _)| w.strip_prefix(s).is_some_and(|rest| rest.chars().count() <= 3)).map(|&(_, v)| v)
}

/// Words between a fraction's "of" and its noun: "of the budget", "of all the votes".
const DETERMINERS: &str = "the all its their our his her this these those";

/// Words after a Ukrainian or Russian fraction that are not its noun ("половина з них").
const NOT_NOUNS: &str = "з із зі від от из в у на и і й та а не що что як как до по за для";

/// A number at `toks[i]` in digits or words, with the index after it.
fn number(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    match &toks.get(i)?.tok {
        Tok::Num(n) if n.exp == 0 => Some((n.value(0)?, i + 1)),
        Tok::Word(_) => number_words(toks, i),
        _ => None,
    }
}

/// How a fraction is written: "a third" or "треть", or "one in three", whose noun follows.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    Word,
    OneIn,
}

/// The fraction starting at `toks[i]`, how it is written and the index after it.
fn fraction_at(toks: &[Token], i: usize) -> Option<(f64, Form, usize)> {
    // "one in three", "1 in 5"; not "one in 2023", a year.
    if number(toks, i).is_some_and(|(v, next)| v == 1.0 && next == i + 1) && lower(toks, i + 1).as_deref() == Some("in") {
        let (n, after) = number(toks, i + 2)?;
        let year = matches!(&toks[i + 2].tok, Tok::Num(d) if d.plain && d.digits.len() == 4);
        return (n >= 2.0 && !year).then_some((1.0 / n, Form::OneIn, after));
    }
    let w = lower(toks, i)?;
    // "two-thirds", "one-fifth"
    if let Some((n, d)) = w.split_once('-') {
        return Some((numerator(n)? / denominator(d)?, Form::Word, i + 1));
    }
    if let Some(v) = slavic(&w) {
        return Some((v, Form::Word, i + 1));
    }
    if w == "half" {
        return Some((0.5, Form::Word, i + 1));
    }
    let d = denominator(&lower(toks, i + 1)?)?;
    Some((numerator(&w)? / d, Form::Word, i + 2))
}

/// Reads a fraction in words at the start of `toks`, after a qualifier if there is one
/// ("roughly a third of the budget"). `None` when the text starts otherwise, and for "half
/// a million", which is a number.
pub(super) fn word_fraction(toks: &[Token]) -> Option<FigureValue> {
    let (i, qualifier) = (0..toks.len().min(4)).find_map(|i| {
        let q = qualifier_before(toks, i).0;
        (i == 0 || q != Qualifier::Exact).then_some((i, q)).filter(|_| fraction_at(toks, i).is_some())
    })?;
    let (value, form, j) = fraction_at(toks, i)?;
    // The whole word: not "halfway", not "half a million", not "a third 5".
    if toks.get(j).is_some_and(|t| !t.spaced && t.word().is_some()) || matches!(toks.get(j).map(|t| &t.tok), Some(Tok::Num(_))) {
        return None;
    }
    if lower(toks, j).as_deref() == Some("a") && lower(toks, j + 1).is_some_and(|n| big(&n).is_some()) {
        return None;
    }
    let cyrillic = lower(toks, j.saturating_sub(1)).is_some_and(|w| crate::text::is_cyrillic(&w));
    let noun_at = if lower(toks, j).as_deref() == Some("of") {
        let mut k = j + 1;
        while lower(toks, k).is_some_and(|w| listed(DETERMINERS, &w)) {
            k += 1;
        }
        Some(k)
    } else if cyrillic && lower(toks, j).is_some_and(|w| crate::text::is_cyrillic(&w) && !listed(NOT_NOUNS, &w)) {
        // "треть бюджета": the noun follows in the genitive.
        Some(j)
    } else if form == Form::OneIn {
        // "one in three adults"
        Some(j)
    } else {
        None
    };
    let unit = noun_at.and_then(|k| unit_word(toks, k)).map_or_else(|| Unit::Other("fraction".into()), Unit::Other);
    Some(FigureValue { value, unit, range_high: None, qualifier })
}

#[cfg(test)]
mod tests {
    use super::super::parse_figure;
    use crate::annotation::{Qualifier, Unit};

    fn v(s: &str) -> Option<(f64, String, Qualifier)> {
        parse_figure(s).map(|f| {
            let u = match f.unit {
                Unit::Other(u) => u,
                other => format!("{other:?}"),
            };
            (f.value, u, f.qualifier)
        })
    }

    #[test]
    fn a_fraction_of_something_takes_its_noun() {
        use Qualifier::*;
        let cases = [
            ("a fifth of voters", 0.2, "voters", Exact),
            ("two-thirds of households", 2.0 / 3.0, "households", Exact),
            ("half of the budget", 0.5, "budget", Exact),
            ("roughly a third of the budget", 1.0 / 3.0, "budget", About),
            ("more than half of all new cars", 0.5, "cars", MoreThan),
            ("one in three adults", 1.0 / 3.0, "adults", Exact),
            ("1 in 5 children", 0.2, "children", Exact),
            ("треть бюджета", 1.0 / 3.0, "бюджета", Exact),
            ("близько чверті бюджету", 0.25, "бюджету", About),
            ("a third", 1.0 / 3.0, "fraction", Exact),
            ("половина з них", 0.5, "fraction", Exact),
        ];
        for (text, value, unit, q) in cases {
            let got = v(text).unwrap_or_else(|| panic!("{text}: nothing"));
            assert!((got.0 - value).abs() < 1e-9 && got.1 == unit && got.2 == q, "{text}: {got:?}");
        }
    }

    #[test]
    fn not_fractions() {
        assert_eq!(v("half a million").map(|x| x.0), Some(500_000.0));
        assert_eq!(v("halfway"), None);
        assert_eq!(v("третій рік").map(|x| x.1), None, "an ordinal");
        assert_eq!(v("one in 2023").map(|x| x.1 == "fraction"), Some(false));
    }
}
