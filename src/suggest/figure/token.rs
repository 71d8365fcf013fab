//! Tokens of a figure's text: numerals (with their separators read), words and symbols.

/// A numeral as written, read exactly: `digits × 10^exp`, so "14.8" with "trillion" is
/// 148e11 and converts to the nearest `f64` once, without rounding twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Numeral {
    pub digits: String,
    pub exp: i32,
    /// Only digits, no separator: a candidate year ("2023"), unlike "2,023".
    pub plain: bool,
    /// One dot before exactly three digits ("1.500"): decimal in English, thousands in
    /// German, French and Spanish, which [`tokenize`] tells from the words around it.
    pub dot_three: bool,
}

impl Numeral {
    /// The value times 10^`scale`; `None` when it does not fit an `f64`.
    pub fn value(&self, scale: i32) -> Option<f64> {
        let v: f64 = format!("{}e{}", self.digits, self.exp + scale).parse().ok()?;
        v.is_finite().then_some(v)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Num(Numeral),
    /// A numeric date ("10.04.2008"), read before its dots could be taken for separators.
    Date(super::date::Date),
    Word(String),
    Sym(char),
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Token {
    pub tok: Tok,
    /// Whitespace separates it from the token before (so "2.5bn" differs from "2.5 bn").
    pub spaced: bool,
}

impl Token {
    pub fn word(&self) -> Option<&str> {
        match &self.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn sym(&self) -> Option<char> {
        match self.tok {
            Tok::Sym(c) => Some(c),
            _ => None,
        }
    }
}

/// Spaces that group thousands ("1 000"), including the no-break and thin spaces.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The tokens of `text`, in day-first order (tests of what does not depend on it).
#[cfg(test)]
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    tokenize_in(text, super::date::DateOrder::DayFirst)
}

/// The tokens of `text`, numeric dates with slashes read in `order`.
pub(super) fn tokenize_in(text: &str, order: super::date::DateOrder) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut spaced = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let (tok, next) = if let Some((date, next)) = c.is_ascii_digit().then(|| super::date::numeric(&chars, i, order)).flatten() {
            (Tok::Date(date), next)
        } else if c.is_ascii_digit() {
            numeral(&chars, i)
        } else if c.is_alphabetic() {
            word(&chars, i)
        } else {
            (Tok::Sym(c), i + 1)
        };
        out.push(Token { tok, spaced });
        spaced = false;
        i = next;
    }
    if continental(&out) {
        for t in &mut out {
            if let Tok::Num(n) = &mut t.tok {
                if n.dot_three {
                    (n.exp, n.dot_three) = (0, false);
                }
            }
        }
    }
    out
}

/// Words that only German, French or Spanish write by a figure: their "of", "and", "more
/// than", "about", and magnitudes that English spells otherwise.
const CONTINENTAL: &str = "de del des der das und von mit für als bis über rund etwa knapp los las y menos más unos unas \
    cerca casi moins environ près millones millón milliards milliard millionen milliarden mio mrd";

/// True when the words of a figure's text are German, French or Spanish, so that "1.500"
/// is 1500: one of [`CONTINENTAL`], a letter with a diacritic those languages use, or (as
/// German writes nouns) a capitalised word right after a number ("1.500 Tonnen").
fn continental(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        let Some(w) = t.word() else { return false };
        let after_number = i > 0 && matches!(toks[i - 1].tok, Tok::Num(_)) && t.spaced;
        crate::text::listed(CONTINENTAL, &w.to_lowercase())
            || w.chars().any(|c| "äöüßáéíóúñàèçêâôûœ".contains(c.to_lowercase().next().unwrap_or(c)))
            || (after_number && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.chars().skip(1).all(char::is_lowercase))
    })
}

fn word(chars: &[char], start: usize) -> (Tok, usize) {
    let mut i = start;
    while i < chars.len() {
        let joined = matches!(chars[i], '-' | '\'' | '’') && chars.get(i + 1).is_some_and(|c| c.is_alphabetic());
        if chars[i].is_alphabetic() || (joined && i > start) {
            i += 1;
        } else {
            break;
        }
    }
    (Tok::Word(chars[start..i].iter().collect()), i)
}

fn digits_at(chars: &[char], i: usize) -> usize {
    chars[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// Reads digits with `,` `.` and grouping spaces, then decides which separator is decimal:
/// * both `,` and `.`: the last one written is decimal ("1,234.5", "1.234,5");
/// * one kind, several times: thousands ("1,000,000", "1.234.567");
/// * one `,` before exactly three digits: thousands ("1,000"); otherwise decimal ("3,5", "0,500");
/// * one `.`: decimal ("14.8"), as English writes it; before exactly three digits
///   ("1.500") it may be thousands, which [`tokenize`] decides from the words around it;
/// * spaces only group whole thousands ("1 000"), after a first group of 1–3 digits.
fn numeral(chars: &[char], start: usize) -> (Tok, usize) {
    let mut raw = String::new();
    let mut i = start;
    let mut group = digits_at(chars, i);
    raw.extend(&chars[i..i + group]);
    i += group;
    let mut spaced_groups = false;
    loop {
        match chars.get(i) {
            Some(&sep @ (',' | '.')) if chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                group = digits_at(chars, i + 1);
                raw.push(sep);
                raw.extend(&chars[i + 1..i + 1 + group]);
                i += 1 + group;
            }
            Some(&c) if is_group_space(c) && (1..=3).contains(&group) && (spaced_groups || raw.len() == group) => {
                let next = if chars.get(i + 1).is_some_and(char::is_ascii_digit) { digits_at(chars, i + 1) } else { 0 };
                let ends = chars.get(i + 1 + next).is_none_or(|c| !c.is_ascii_digit());
                if next != 3 || !ends {
                    break;
                }
                spaced_groups = true;
                raw.extend(&chars[i + 1..i + 4]);
                group = 3;
                i += 4;
            }
            _ => break,
        }
    }
    (Tok::Num(read_numeral(&raw, spaced_groups)), i)
}

fn read_numeral(raw: &str, spaced_groups: bool) -> Numeral {
    let commas = raw.matches(',').count();
    let dots = raw.matches('.').count();
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, d) if d > 0 && commas > 0 => raw.rfind([',', '.']),
        (1, 0) => {
            let at = raw.find(',').unwrap_or(0);
            // "0,500" cannot be thousands.
            (raw.len() - at - 1 != 3 || &raw[..at] == "0").then_some(at)
        }
        (0, 1) => raw.find('.'),
        _ => None,
    };
    let (int, frac) = match decimal {
        Some(at) => (&raw[..at], &raw[at + 1..]),
        None => (raw, ""),
    };
    let keep = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let frac = keep(frac);
    let dot_three = commas == 0 && dots == 1 && frac.len() == 3 && int != "0";
    Numeral { digits: format!("{}{frac}", keep(int)), exp: -(frac.len() as i32), plain: commas + dots == 0 && !spaced_groups, dot_three }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> (f64, bool) {
        match &tokenize(s)[0].tok {
            Tok::Num(n) => (n.value(0).unwrap(), n.plain),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn separators_are_read_as_people_write_them() {
        assert_eq!(num("1,000"), (1000.0, false));
        assert_eq!(num("1 000 000 people"), (1e6, false));
        assert_eq!(num("1\u{a0}000"), (1000.0, false));
        assert_eq!(num("3,5 %"), (3.5, false));
        assert_eq!(num("1.234,5"), (1234.5, false));
        assert_eq!(num("1,234.5"), (1234.5, false));
        assert_eq!(num("1.234.567"), (1234567.0, false));
        assert_eq!(num("14.8"), (14.8, false));
        assert_eq!(num("2023"), (2023.0, true));
        assert_eq!(num("0,25"), (0.25, false));
    }

    #[test]
    fn a_dot_before_three_digits_follows_the_language() {
        assert_eq!(num("1.500 tonnes"), (1.5, false), "English: decimal");
        assert_eq!(num("1.250 Euro"), (1250.0, false));
        assert_eq!(num("3.500 millones"), (3500.0, false));
        assert_eq!(num("20.000 hectáreas"), (20_000.0, false));
        assert_eq!(num("1.000 soldats de plus"), (1000.0, false));
        assert_eq!(num("0.125 de"), (0.125, false), "0.125 is never thousands");
        assert_eq!(num("1.5 Millionen"), (1.5, false), "one decimal is decimal");
    }

    #[test]
    fn spaces_group_only_whole_thousands() {
        let t = tokenize("between 5 and 10 million");
        assert_eq!(t.len(), 5);
        let t = tokenize("in 2014 100 people");
        assert!(matches!(&t[1].tok, Tok::Num(n) if n.digits == "2014"));
        let t = tokenize("12 3456");
        assert!(matches!(&t[0].tok, Tok::Num(n) if n.digits == "12"), "a group of four digits is another number");
    }

    #[test]
    fn words_symbols_and_spacing() {
        let t = tokenize("€2.5bn twenty-five Ukraine’s, 10–15%");
        let shapes: Vec<String> = t
            .iter()
            .map(|t| match &t.tok {
                Tok::Num(n) => format!("N{}e{}{}", n.digits, n.exp, if t.spaced { "_" } else { "" }),
                Tok::Word(w) => format!("W{w}{}", if t.spaced { "_" } else { "" }),
                Tok::Sym(c) => format!("S{c}{}", if t.spaced { "_" } else { "" }),
                Tok::Date(d) => format!("D{}", d.iso()),
            })
            .collect();
        assert_eq!(shapes, vec!["S€", "N25e-1", "Wbn", "Wtwenty-five_", "WUkraine’s_", "S,", "N10e0_", "S–", "N15e0", "S%"]);
        assert!(matches!(&tokenize("on 10.04.2008")[1].tok, Tok::Date(d) if d.iso() == "2008-04-10"), "a date, not 10,042,008");
        assert_eq!(Numeral { digits: "148".into(), exp: -1, plain: false, dot_three: false }.value(12), Some(14.8e12));
        assert_eq!(Numeral { digits: "9".repeat(400), exp: 0, plain: true, dot_three: false }.value(0), None);
    }
}
