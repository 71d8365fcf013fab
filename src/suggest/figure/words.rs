//! Numbers written in words: "three", "twenty-five", "a dozen", "half a million", "two hundred and fifty".

use super::token::Token;

fn small(w: &str) -> Option<f64> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = ONES.iter().position(|o| *o == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == w) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    // "twenty-five"
    let (tens, ones) = w.split_once('-')?;
    let (t, o) = (TENS.iter().position(|x| *x == tens)?, ONES.iter().position(|x| *x == ones).filter(|&o| (1..10).contains(&o))?);
    Some((t as f64 + 2.0) * 10.0 + o as f64)
}

/// Powers of ten named by a word that multiplies what comes before it.
pub(super) fn big(w: &str) -> Option<i32> {
    match w {
        "thousand" => Some(3),
        "million" => Some(6),
        "billion" => Some(9),
        "trillion" => Some(12),
        _ => None,
    }
}

/// Reads a number in words from `toks[i..]`; returns it with the index after it. At least
/// one number word must be read: "a" alone, or "and" with nothing after, is not a number.
pub(super) fn number_words(toks: &[Token], i: usize) -> Option<(f64, usize)> {
    let word = |k: usize| toks.get(k).and_then(Token::word).map(str::to_lowercase);
    let multiplier = |w: &str| w == "hundred" || w == "dozen" || w == "half" || big(w).is_some();
    let (mut total, mut current) = (0.0f64, 0.0f64);
    let mut read_any = false;
    let mut j = i;
    while let Some(w) = word(j) {
        match w.as_str() {
            // "a hundred", "a dozen", "half a million", "one and a half"
            "a" | "an" if word(j + 1).is_some_and(|n| multiplier(&n)) => {
                if current == 0.0 && word(j + 1).as_deref() != Some("half") {
                    current = 1.0;
                }
            }
            "and" if read_any && word(j + 1).is_some_and(|n| small(&n).is_some() || n == "a") => {}
            "half" if word(j + 1).is_some_and(|n| n == "a" || n == "an") && word(j + 2).and_then(|n| big(&n)).is_some() => {
                current += 0.5;
                j += 1; // the "a" of "half a million"
            }
            "half" if read_any || (j > i && word(j - 1).is_some_and(|p| p == "a" || p == "an")) => current += 0.5,
            "hundred" => current = current.max(1.0) * 100.0,
            "dozen" => current = current.max(1.0) * 12.0,
            w => match (small(w), big(w)) {
                (Some(n), _) => current += n,
                (_, Some(p)) if read_any || current > 0.0 => {
                    total += if current == 0.0 { 1.0 } else { current } * 10f64.powi(p);
                    current = 0.0;
                }
                _ => break,
            },
        }
        read_any |= small(&w).is_some() || multiplier(&w);
        j += 1;
    }
    // A trailing "a" or "and" was not part of the number.
    while j > i && word(j - 1).is_some_and(|w| w == "a" || w == "an" || w == "and") {
        j -= 1;
    }
    (read_any && j > i).then_some((total + current, j))
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn read(s: &str) -> Option<(f64, usize)> {
        number_words(&tokenize(s), 0)
    }

    #[test]
    fn number_words_table() {
        for (text, value, used) in [
            ("three regions", 3.0, 1),
            ("twenty-five people", 25.0, 1),
            ("a dozen eggs", 12.0, 2),
            ("two dozen", 24.0, 2),
            ("half a million", 500_000.0, 3),
            ("one and a half million", 1_500_000.0, 5),
            ("two hundred and fifty", 250.0, 4),
            ("a hundred", 100.0, 2),
            ("three hundred thousand", 300_000.0, 3),
            ("two thousand five hundred", 2500.0, 4),
            ("nine hundred and ninety-nine", 999.0, 4),
            ("Five Million", 5e6, 2),
            ("a thousand and one", 1001.0, 4),
            ("zero", 0.0, 1),
            ("ten and", 10.0, 1),
        ] {
            assert_eq!(read(text), Some((value, used)), "{text}");
        }
    }

    #[test]
    fn not_numbers() {
        for text in ["a fact", "and two", "half", "million", "the three", "twenty-fivefold", "seventy-ten"] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
