//! Reading a figure from text: qualifier, currency, number (digits or words), scale word, range and unit.

use super::date;
use super::date::DateOrder;
use super::fraction::word_fraction;
use super::lexicon::{
    canonical_unit, currency_prefix, currency_suffix, ends_figure, is_percent_word, is_year_after, is_year_word, lower, qualifier_before,
};
use super::token::{tokenize_in, Numeral, Tok, Token};
use super::words::{big, number_words};
use crate::annotation::{FigureValue, Qualifier, Unit};
use crate::text::listed;

/// Reads the first figure in `text`: "$14.8 trillion", "70 percent", "2023", "three
/// regions", "€2.5bn", "3,5 %", "10–15%", "between 5 and 10 million", "half a million",
/// "UAH 100 billion", "more than 70%". `None` when the text holds no number.
pub fn parse_figure(text: &str) -> Option<FigureValue> {
    parse_figure_in(text, DateOrder::DayFirst)
}

/// [`parse_figure`], reading numeric dates with slashes in `order` (the article's).
pub fn parse_figure_in(text: &str, order: DateOrder) -> Option<FigureValue> {
    let toks = tokenize_in(text, order);
    if let Some(f) = word_fraction(&toks).or_else(|| word_figure(text)) {
        return Some(f);
    }
    // A number glued to a name by a hyphen ("COVID-19", "F-16", "Су-34") is part of the name:
    // the span's figure is another number, when it has one.
    let first = (0..toks.len()).find_map(|i| parse_at(&toks, i).map(|f| (i, f)))?;
    if identifier(&toks, first.0) {
        if let Some(f) = (first.0 + 1..toks.len()).filter(|&i| !identifier(&toks, i)).find_map(|i| parse_at(&toks, i)) {
            return Some(f);
        }
    }
    Some(first.1)
}

/// True for a number written right after "word-" ("COVID-19", "K-12", "post-1994").
fn identifier(toks: &[Token], i: usize) -> bool {
    i >= 2
        && matches!(toks[i].tok, Tok::Num(_))
        && !toks[i].spaced
        && toks[i - 1].sym() == Some('-')
        && !toks[i - 1].spaced
        && toks[i - 2].word().is_some()
}

/// Multiples written in words, at the start of `text`: "doubled" (×2 as a `factor`),
/// "halved". Fractions are [`word_fraction`]'s.
fn word_figure(text: &str) -> Option<FigureValue> {
    const WORDS: [(&str, f64, &str); 7] = [
        ("doubled", 2.0, "factor"),
        ("tripled", 3.0, "factor"),
        ("trebled", 3.0, "factor"),
        ("quadrupled", 4.0, "factor"),
        ("halved", 0.5, "factor"),
        ("twofold", 2.0, "factor"),
        ("tenfold", 10.0, "factor"),
    ];
    let t = text.trim().to_lowercase();
    WORDS.iter().find_map(|&(w, value, unit)| {
        let rest = t.strip_prefix(w)?;
        // The whole word.
        let whole = !rest.starts_with(|c: char| c.is_alphanumeric()) && !rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
        whole.then(|| FigureValue::new(value, Unit::Other(unit.into())))
    })
}

enum Number {
    Digits(Numeral),
    Words(f64),
}

/// A number with its sign and scale word.
struct Quantity {
    number: Number,
    negative: bool,
    scale: i32,
}

impl Quantity {
    fn value(&self) -> Option<f64> {
        let v = match &self.number {
            Number::Digits(n) => n.value(self.scale)?,
            Number::Words(v) => v * 10f64.powi(self.scale),
        };
        let v = if self.negative { -v } else { v };
        v.is_finite().then_some(v)
    }

    /// Four plain digits from 1000 to 2100, unscaled and positive.
    fn is_year(&self) -> bool {
        let Number::Digits(n) = &self.number else { return false };
        n.plain && n.digits.len() == 4 && self.scale == 0 && !self.negative && ("1000".."2101").contains(&n.digits.as_str())
    }
}

/// A scale word after digits: "million", "bn", and (written against the digits) "m", "k";
/// also the Ukrainian, Russian, German, French and Spanish ones ("млн", "тис.", "Mrd.",
/// "milliards", "millones").
fn scale_word(t: &Token) -> Option<i32> {
    let w = t.word()?.to_lowercase();
    big(&w).or(match w.trim_end_matches('.') {
        "mn" | "mln" | "млн" | "мільйона" | "мільйонів" | "миллиона" | "миллионов" | "mio" | "millionen" | "millions" | "millones" => {
            Some(6)
        }
        "bn" | "bln" | "млрд" | "мільярда" | "мільярдів" | "миллиарда" | "миллиардов" | "mrd" | "milliarden" | "milliard" | "milliards" => {
            Some(9)
        }
        "тис" | "тыс" | "тисяч" | "тысяч" | "mil" => Some(3),
        "tn" | "trn" | "трлн" | "billionen" => Some(12),
        "k" if !t.spaced => Some(3),
        "m" if !t.spaced => Some(6),
        "b" if !t.spaced => Some(9),
        _ => None,
    })
}

fn quantity(toks: &[Token], mut j: usize) -> Option<(Quantity, usize)> {
    let mut negative = false;
    let t = toks.get(j)?;
    // A hyphen glued to a word before it joins the two ("COVID-19", "K-12", "post-1994").
    let joined = !t.spaced && j.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| p.word().is_some());
    let sign = !joined && matches!(t.sym(), Some('-' | '−')) && toks.get(j + 1).is_some_and(|n| matches!(n.tok, Tok::Num(_)) && !n.spaced);
    if sign || matches!(lower(toks, j).as_deref(), Some("minus" | "мінус" | "минус")) {
        (negative, j) = (true, j + 1);
    }
    let (number, mut j) = match &toks.get(j)?.tok {
        Tok::Num(n) => (Number::Digits(n.clone()), j + 1),
        Tok::Word(_) => number_words(toks, j).map(|(v, next)| (Number::Words(v), next))?,
        Tok::Sym(_) | Tok::Date(_) => return None,
    };
    let mut scale = 0;
    while let Some(s) = toks.get(j).and_then(scale_word) {
        // "mil millones" (a thousand millions) and "thousand million" multiply.
        (scale, j) = (scale + s, j + 1);
        // "тис.", "млн.", "Mio.": the abbreviation's dot.
        if toks.get(j).is_some_and(|t| t.sym() == Some('.') && !t.spaced) {
            j += 1;
        }
    }
    // "millions de personnes", "millones de euros": the noun comes after "de".
    if scale > 0 && matches!(lower(toks, j).as_deref(), Some("de" | "del")) && toks.get(j + 1).and_then(Token::word).is_some() {
        j += 1;
    }
    Some((Quantity { number, negative, scale }, j))
}

fn parse_at(toks: &[Token], i: usize) -> Option<FigureValue> {
    let date = match &toks.get(i)?.tok {
        Tok::Date(d) => Some(*d),
        _ => date::named(toks, i).map(|(d, _)| d),
    };
    if let Some(d) = date {
        return Some(FigureValue::new(f64::from(d.year), Unit::Date(d.iso())));
    }
    if date::is_day_without_year(toks, i) {
        return None;
    }
    let (mut currency, j) = currency_prefix(toks, i).map_or((None, i), |(c, n)| (Some(c), i + n));
    let (mut low, j) = quantity(toks, j)?;
    let (qualifier, between) = qualifier_before(toks, i);
    let (mut high, mut k) = (None, j);
    // "від 10 до 15%", "от 3 до 5 млн", "de 10 à 15": a range opened by its "from".
    let from = i > 0 && matches!(lower(toks, i - 1).as_deref(), Some("від" | "от" | "з" | "с" | "von" | "de" | "entre"));
    let is_separator = |t: &Token| {
        matches!(t.sym(), Some('-' | '–' | '—'))
            || t.word().is_some_and(|w| {
                w.eq_ignore_ascii_case("to")
                    || (between && w.eq_ignore_ascii_case("and"))
                    || (from && matches!(w, "до" | "bis" | "à" | "a" | "y"))
            })
    };
    if toks.get(j).is_some_and(is_separator) {
        let (second_currency, m) = currency_prefix(toks, j + 1).map_or((None, j + 1), |(c, n)| (Some(c), j + 1 + n));
        if let Some((h, next)) = quantity(toks, m) {
            currency = currency.or(second_currency);
            if low.scale == 0 {
                low.scale = h.scale; // "between 5 and 10 million"
            }
            (high, k) = (Some(h), next);
        }
    }
    let mut unit = None;
    let word = lower(toks, k);
    let next = lower(toks, k + 1);
    let per_cent = matches!((word.as_deref(), next.as_deref()), (Some("per" | "pour"), Some("cent")) | (Some("por"), Some("ciento")));
    let points = matches!(
        (word.as_deref(), next.as_deref()),
        (Some("percentage"), Some("points" | "point"))
            | (Some("відсоткового" | "відсоткових"), Some(_))
            | (Some("процентного" | "процентных"), Some(_))
            | (Some("prozentpunkte" | "prozentpunkt"), _)
            | (Some("puntos"), Some("porcentuales"))
    );
    if points {
        unit = Some(Unit::Other("percentage points".into()));
    } else if toks.get(k).and_then(Token::sym) == Some('%') || word.as_deref().is_some_and(is_percent_word) || per_cent {
        unit = Some(Unit::Percent);
    } else if currency.is_none() {
        if let Some((code, _)) = currency_suffix(toks, k) {
            currency = Some(code);
        } else {
            unit = unit_word(toks, k).map(Unit::Other);
        }
    }
    // "in 2023 elections", "post-1994 reforms", "у 2022 році", "начиная с 2014 года".
    let year_word = i > 0 && lower(toks, i - 1).is_some_and(|w| is_year_word(&w));
    let year_prefix = identifier(toks, i) && lower(toks, i - 2).is_some_and(|w| crate::text::listed("post pre mid late early", &w));
    let year_after = lower(toks, k).is_some_and(|w| is_year_after(&w));
    let all_years = low.is_year() && high.as_ref().is_none_or(Quantity::is_year);
    let unit = match (currency, unit) {
        (Some(code), _) => Unit::Currency(code.to_string()),
        (None, None) if all_years => Unit::Year,
        (None, Some(Unit::Other(_))) if all_years && (year_word || year_prefix || year_after) => Unit::Year,
        (None, Some(u)) => u,
        (None, None) => Unit::Count,
    };
    let qualifier = if qualifier == Qualifier::Exact && up_to(toks, i) && !matches!(unit, Unit::Year | Unit::Date(_)) {
        Qualifier::AtMost
    } else {
        qualifier
    };
    let value = low.value()?;
    let range_high = match high {
        Some(h) => Some(h.value()?),
        None => None,
    };
    Some(FigureValue { value, unit, range_high, qualifier })
}

/// Ukrainian and Russian "до" before the number at `toks[i]` as "up to" ("штраф до 500 тис.
/// гривень", "до 40 градусов"); not after a verb, where it is "to" ("зросла до 5%", "повысил
/// ключевую ставку до 16%"), told by a past tense's or an infinitive's ending in the three
/// words before it.
fn up_to(toks: &[Token], i: usize) -> bool {
    let verb = |w: &str| ["ла", "ло", "ли", "л", "в", "ся", "сь", "ть"].iter().any(|e| w.ends_with(e)) || listed("зріс виріс вырос", w);
    i > 0 && lower(toks, i - 1).as_deref() == Some("до") && !(i.saturating_sub(4)..i - 1).any(|k| lower(toks, k).is_some_and(|w| verb(&w)))
}

/// Adjectives that stand between a number and its noun ("39 missing children").
const ADJECTIVES: &str = "new missing additional extra other more fewer young foreign local registered confirmed suspected \
    displaced small large major minor former armed нові нових новых новые інших других додаткових дополнительных мирних \
    мирных зниклих пропавших цивільних гражданских українських украинских російських российских";

/// A nationality or place adjective before the noun ("12 Ukrainian soldiers", "5 Chinese
/// firms"): capitalised, with one of the endings English gives them.
fn is_place_adjective(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && ["ian", "ean", "ese", "ish", "ch"].iter().any(|e| w.ends_with(e)) && w.chars().count() > 4
}

/// The noun after a number ("regions", "tonnes", "square kilometres"), if there is one;
/// adjectives before it are skipped.
pub(super) fn unit_word(toks: &[Token], mut k: usize) -> Option<String> {
    // "2°C", "-15C": degrees.
    let glued = toks.get(k).is_some_and(|t| !t.spaced);
    if toks.get(k).and_then(Token::sym) == Some('°') || (glued && matches!(toks.get(k).and_then(Token::word), Some("C" | "F"))) {
        return Some("degrees".into());
    }
    // "a 300-mile pipeline": the unit joined by a hyphen; "1990-х", "1990-е", "2023-му": a
    // decade's or an ordinal's ending, no unit.
    if glued && toks.get(k).and_then(Token::sym) == Some('-') && toks.get(k + 1).is_some_and(|t| !t.spaced && t.word().is_some()) {
        if lower(toks, k + 1).is_some_and(|w| crate::text::listed("х е ті ые ых му го й ий", &w)) {
            return None;
        }
        k += 1;
    }
    while toks.get(k).and_then(Token::word).is_some_and(|w| crate::text::listed(ADJECTIVES, &w.to_lowercase()) || is_place_adjective(w))
        && toks.get(k + 1).and_then(Token::word).is_some()
    {
        k += 1;
    }
    let w = toks.get(k)?.word()?;
    let l = w.to_lowercase();
    // "1990s" is a decade, not 1990 of something called "s".
    // "600 кв. км", "300 кв. км": square kilometres, abbreviated.
    if l == "кв" {
        let n = if toks.get(k + 1).and_then(Token::sym) == Some('.') { k + 2 } else { k + 1 };
        if lower(toks, n).is_some_and(|w| canonical_unit(&w) == "km") {
            return Some("km²".into());
        }
    }
    let decade = (l == "s" || l == "er") && !toks[k].spaced;
    if decade || ends_figure(&l) || scale_word(&toks[k]).is_some() {
        return None;
    }
    let w = w.trim_end_matches(['’', '\'']).trim_end_matches("’s").trim_end_matches("'s");
    let written = match (l.as_str(), toks.get(k + 1).and_then(Token::word)) {
        ("square" | "cubic" | "metric", Some(next)) => format!("{w} {next}"),
        _ => w.to_string(),
    };
    Some(canonical_unit(&written))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Qualifier;

    fn usd() -> Unit {
        Unit::Currency("USD".into())
    }

    fn cur(code: &str) -> Unit {
        Unit::Currency(code.into())
    }

    fn other(u: &str) -> Unit {
        Unit::Other(u.into())
    }

    #[test]
    fn figures_table() {
        use Qualifier::*;
        let cases: Vec<(&str, f64, Unit, Option<f64>, Qualifier)> = vec![
            ("$14.8 trillion", 14.8e12, usd(), None, Exact),
            ("is estimated to be $14.8 trillion, highlighting", 14.8e12, usd(), None, Exact),
            ("70%", 70.0, Unit::Percent, None, Exact),
            ("70 percent", 70.0, Unit::Percent, None, Exact),
            ("70 per cent", 70.0, Unit::Percent, None, Exact),
            ("5.2 per cent", 5.2, Unit::Percent, None, Exact),
            ("More than 70%", 70.0, Unit::Percent, None, MoreThan),
            ("more than 70% of these resources", 70.0, Unit::Percent, None, MoreThan),
            ("2023", 2023.0, Unit::Year, None, Exact),
            ("released in 2023", 2023.0, Unit::Year, None, Exact),
            ("since 2014 they", 2014.0, Unit::Year, None, Exact),
            ("three regions", 3.0, other("regions"), None, Exact),
            ("three regions: Donetsk", 3.0, other("regions"), None, Exact),
            ("€2.5bn", 2.5e9, cur("EUR"), None, Exact),
            ("£300m", 300e6, cur("GBP"), None, Exact),
            ("1.2 million", 1.2e6, Unit::Count, None, Exact),
            ("1.2 million people", 1.2e6, other("people"), None, Exact),
            ("1,000", 1000.0, Unit::Count, None, Exact),
            ("1 000", 1000.0, Unit::Count, None, Exact),
            ("3,5 %", 3.5, Unit::Percent, None, Exact),
            ("1.234,5 tonnes", 1234.5, other("t"), None, Exact),
            ("10–15%", 10.0, Unit::Percent, Some(15.0), Exact),
            ("10-15 per cent", 10.0, Unit::Percent, Some(15.0), Exact),
            ("between 5 and 10 million", 5e6, Unit::Count, Some(10e6), Exact),
            ("from 2014 to 2022", 2014.0, Unit::Year, Some(2022.0), Exact),
            ("$5bn-$7bn", 5e9, usd(), Some(7e9), Exact),
            ("twenty-five", 25.0, Unit::Count, None, Exact),
            ("a dozen countries", 12.0, other("countries"), None, Exact),
            ("half a million refugees", 500_000.0, other("refugees"), None, Exact),
            ("two hundred and fifty tanks", 250.0, other("tanks"), None, Exact),
            ("-5%", -5.0, Unit::Percent, None, Exact),
            ("−2.5 %", -2.5, Unit::Percent, None, Exact),
            ("minus 3 degrees", -3.0, other("degrees"), None, Exact),
            ("UAH 100 billion", 100e9, cur("UAH"), None, Exact),
            ("100 billion hryvnias", 100e9, cur("UAH"), None, Exact),
            ("US$3 billion", 3e9, usd(), None, Exact),
            ("5 million US dollars", 5e6, usd(), None, Exact),
            ("about 40 euros", 40.0, cur("EUR"), None, About),
            ("at least 1,500 soldiers", 1500.0, other("soldiers"), None, AtLeast),
            ("up to 20%", 20.0, Unit::Percent, None, AtMost),
            ("fewer than 300 people", 300.0, other("people"), None, LessThan),
            ("nearly half a million", 500_000.0, Unit::Count, None, About),
            ("~5k", 5000.0, Unit::Count, None, About),
            ("no more than 3 times", 3.0, other("times"), None, AtMost),
            ("USD 2.4 mln", 2.4e6, usd(), None, Exact),
            ("1,234.56", 1234.56, Unit::Count, None, Exact),
            ("1.234.567", 1_234_567.0, Unit::Count, None, Exact),
            ("0,5%", 0.5, Unit::Percent, None, Exact),
            ("2.3 percentage points", 2.3, other("percentage points"), None, Exact),
            ("603 000 square kilometres", 603_000.0, other("km²"), None, Exact),
            ("five years", 5.0, other("year-duration"), None, Exact),
            ("13.9 weeks", 13.9, other("week"), None, Exact),
            ("7 млн тонн", 7e6, other("t"), None, Exact),
            ("1500 soldiers", 1500.0, other("soldiers"), None, Exact),
            ("in 2022 elections", 2022.0, Unit::Year, None, Exact),
            ("5kg", 5.0, other("kg"), None, Exact),
            ("₴50", 50.0, cur("UAH"), None, Exact),
            ("in the 1990s", 1990.0, Unit::Year, None, Exact),
            ("in September 2024.", 2024.0, Unit::Year, None, Exact),
            ("December 25, 2022", 2022.0, Unit::Date("2022-12-25".into()), None, Exact),
            ("on 10.04.2008 the court", 2008.0, Unit::Date("2008-04-10".into()), None, Exact),
            ("on December 25 some 300 people", 300.0, other("people"), None, About),
            ("3,82 млн грн", 3.82e6, cur("UAH"), None, Exact),
            ("5 000 ₴", 5000.0, cur("UAH"), None, Exact),
            ("40 €", 40.0, cur("EUR"), None, Exact),
            ("1,5 млрд доларів", 1.5e9, usd(), None, Exact),
            ("двісті п'ятдесят тисяч гривень", 250_000.0, cur("UAH"), None, Exact),
            ("три миллиона рублей", 3e6, cur("RUB"), None, Exact),
            ("K-12 schools received $2 billion", 2e9, usd(), None, Exact),
            ("COVID-19 killed 1,200 people", 1200.0, other("people"), None, Exact),
            ("post-1994 reforms", 1994.0, Unit::Year, None, Exact),
            ("A$2 billion", 2e9, cur("AUD"), None, Exact),
            ("12 Ukrainian soldiers", 12.0, other("soldiers"), None, Exact),
            ("a 300-mile pipeline", 300.0, other("mi"), None, Exact),
            ("-15C overnight", -15.0, other("degrees"), None, Exact),
            ("понад 5 млрд гривень", 5e9, cur("UAH"), None, MoreThan),
            ("200 тис. грн", 200_000.0, cur("UAH"), None, Exact),
            ("у 2022 році", 2022.0, Unit::Year, None, Exact),
            ("600 кв. км", 600.0, other("km²"), None, Exact),
            ("від 10 до 15% урожаю", 10.0, Unit::Percent, Some(15.0), Exact),
            ("не менее 100 человек", 100.0, other("человек"), None, AtLeast),
            ("минус 25 градусов", -25.0, other("degrees"), None, Exact),
            ("в 1990-е годы", 1990.0, Unit::Year, None, Exact),
            ("1,2 milliard d'euros", 1.2e9, cur("EUR"), None, Exact),
            ("plus de 3 millions de personnes", 3e6, other("personnes"), None, MoreThan),
            ("2,5 mil millones de dólares", 2.5e9, usd(), None, Exact),
        ];
        assert!(cases.len() >= 40);
        for (text, value, unit, high, qualifier) in cases {
            let f = parse_figure(text).unwrap_or_else(|| panic!("{text}: nothing parsed"));
            assert_eq!((f.value, &f.unit, f.range_high, f.qualifier), (value, &unit, high, qualifier), "{text}");
        }
    }

    #[test]
    fn texts_without_a_figure() {
        for text in ["", "Zelensky", "a fact he has shared with Trump", "the U.S.", "$", "%", "million", "-"] {
            assert_eq!(parse_figure(text), None, "{text}");
        }
    }

    #[test]
    fn random_text_never_panics_and_stays_finite() {
        let pool: Vec<char> =
            "0123456789 ,.-–−%$€£₴~ million bn m k a half and between to per cent three twenty-five UAH 😀".chars().collect();
        let mut rng = crate::testing::Rng::new(5);
        for _ in 0..5000 {
            let text: String = (0..rng.below(24)).map(|_| pool[rng.below(pool.len())]).collect();
            if let Some(f) = parse_figure(&text) {
                assert!(f.is_finite(), "{text:?}");
                let _ = f.to_string();
            }
        }
    }

    #[test]
    fn huge_numbers_are_refused_not_infinite() {
        assert_eq!(parse_figure(&"9".repeat(400)), None);
        assert!(parse_figure(&format!("{} trillion", "9".repeat(300))).is_none());
    }
}
