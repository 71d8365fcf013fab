//! Numbers written in words: "three", "twenty-five", "a dozen", "half a million", "two hundred and fifty";
//! in Ukrainian and Russian too ("двісті п'ятдесят тисяч", "три миллиона").

use super::token::Token;

fn small(w: &str) -> Option<f64> {
    slavic(w).or_else(|| english(w))
}

/// Ukrainian and Russian number words up to 900, each its own value: the hundreds add
/// ("двісті п'ятдесят" = 200 + 50) instead of multiplying as "hundred" does. Apostrophes
/// are written three ways in Ukrainian ("п'ять", "п’ять", "пʼять").
fn slavic(w: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 99] = [
        ("нуль", 0.0),
        ("ноль", 0.0),
        ("один", 1.0),
        ("одна", 1.0),
        ("одне", 1.0),
        ("одно", 1.0),
        ("два", 2.0),
        ("дві", 2.0),
        ("две", 2.0),
        ("двох", 2.0),
        ("двух", 2.0),
        ("три", 3.0),
        ("трьох", 3.0),
        ("трех", 3.0),
        ("трёх", 3.0),
        ("чотири", 4.0),
        ("четыре", 4.0),
        ("чотирьох", 4.0),
        ("четырех", 4.0),
        ("п'ять", 5.0),
        ("пять", 5.0),
        ("шість", 6.0),
        ("шесть", 6.0),
        ("сім", 7.0),
        ("семь", 7.0),
        ("вісім", 8.0),
        ("восемь", 8.0),
        ("дев'ять", 9.0),
        ("девять", 9.0),
        ("десять", 10.0),
        ("одинадцять", 11.0),
        ("одиннадцать", 11.0),
        ("дванадцять", 12.0),
        ("двенадцать", 12.0),
        ("тринадцять", 13.0),
        ("тринадцать", 13.0),
        ("чотирнадцять", 14.0),
        ("четырнадцать", 14.0),
        ("п'ятнадцять", 15.0),
        ("пятнадцать", 15.0),
        ("шістнадцять", 16.0),
        ("шестнадцать", 16.0),
        ("сімнадцять", 17.0),
        ("семнадцать", 17.0),
        ("вісімнадцять", 18.0),
        ("восемнадцать", 18.0),
        ("дев'ятнадцять", 19.0),
        ("девятнадцать", 19.0),
        ("двадцять", 20.0),
        ("двадцать", 20.0),
        ("тридцять", 30.0),
        ("тридцать", 30.0),
        ("сорок", 40.0),
        ("п'ятдесят", 50.0),
        ("пятьдесят", 50.0),
        ("шістдесят", 60.0),
        ("шестьдесят", 60.0),
        ("сімдесят", 70.0),
        ("семьдесят", 70.0),
        ("вісімдесят", 80.0),
        ("восемьдесят", 80.0),
        ("дев'яносто", 90.0),
        ("девяносто", 90.0),
        ("сто", 100.0),
        ("двісті", 200.0),
        ("двести", 200.0),
        ("триста", 300.0),
        ("чотириста", 400.0),
        ("четыреста", 400.0),
        ("п'ятсот", 500.0),
        ("пятьсот", 500.0),
        ("шістсот", 600.0),
        ("шестьсот", 600.0),
        ("сімсот", 700.0),
        ("семьсот", 700.0),
        ("вісімсот", 800.0),
        ("восемьсот", 800.0),
        ("дев'ятсот", 900.0),
        ("девятьсот", 900.0),
        ("п'яти", 5.0),
        ("пяти", 5.0),
        ("шести", 6.0),
        ("семи", 7.0),
        ("восьми", 8.0),
        ("десяти", 10.0),
        ("двадцяти", 20.0),
        ("двадцати", 20.0),
        ("тридцяти", 30.0),
        ("тридцати", 30.0),
        ("сорока", 40.0),
        ("ста", 100.0),
        ("двохсот", 200.0),
        ("двухсот", 200.0),
        ("трьохсот", 300.0),
        ("трехсот", 300.0),
        ("півтора", 1.5),
        ("півтори", 1.5),
        ("полтора", 1.5),
        ("полторы", 1.5),
    ];
    if !crate::text::is_cyrillic(w) {
        return None;
    }
    let w = w.replace(['’', 'ʼ'], "'");
    WORDS.iter().find(|(n, _)| *n == w).map(|&(_, v)| v)
}

fn english(w: &str) -> Option<f64> {
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
        // Every case and number of the Ukrainian and Russian words: "тисяча", "тисячі",
        // "тисяч", "мільйони", "миллионов", "мільярдів".
        _ => [
            ("тисяч", 3),
            ("тысяч", 3),
            ("мільйон", 6),
            ("миллион", 6),
            ("мільярд", 9),
            ("миллиард", 9),
            ("трильйон", 12),
            ("триллион", 12),
        ]
        .iter()
        .find(|(stem, _)| w.strip_prefix(stem).is_some_and(|end| ENDINGS.contains(&end)))
        .map(|&(_, p)| p),
    }
}

/// Case endings of the Slavic magnitude words ("мільйонер", a millionaire, is not one).
const ENDINGS: [&str; 11] = ["", "а", "і", "и", "ы", "у", "ів", "ов", "ам", "ами", "ах"];

/// Half a magnitude in one word: "півмільйона", "полмиллиона", "полмиллиарда".
fn half_big(w: &str) -> Option<i32> {
    w.strip_prefix("пів").or_else(|| w.strip_prefix("пол")).and_then(big)
}

/// A Slavic magnitude word stands alone for one of it ("тисяча людей", "мільйон гривень").
fn one_of(w: &str) -> bool {
    matches!(w, "тисяча" | "тысяча" | "мільйон" | "миллион" | "мільярд" | "миллиард")
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
            // "пів мільйона", "пол миллиона": half of the magnitude after it.
            "пів" | "пол" if word(j + 1).is_some_and(|n| big(&n).is_some()) => current += 0.5,
            // "півмільйона", "полмиллиона", written as one word.
            w if half_big(w).is_some() => {
                total += 0.5 * 10f64.powi(half_big(w).unwrap_or(0));
                read_any = true;
            }
            "hundred" => current = current.max(1.0) * 100.0,
            "dozen" => current = current.max(1.0) * 12.0,
            w => match (small(w), big(w)) {
                (Some(n), _) => current += n,
                (_, Some(p)) if read_any || current > 0.0 || one_of(w) => {
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
            ("двісті п'ятдесят тисяч", 250_000.0, 3),
            ("три мільйони", 3e6, 2),
            ("пʼять тисяч", 5000.0, 2),
            ("двадцять два", 22.0, 2),
            ("тисяча людей", 1000.0, 1),
            ("сорок восемь", 48.0, 2),
            ("двести тысяч", 200_000.0, 2),
            ("полтора миллиона", 1_500_000.0, 2),
            ("пів мільйона", 500_000.0, 2),
            ("полмиллиона беженцев", 500_000.0, 1),
            ("півтори тисячі", 1500.0, 2),
        ] {
            assert_eq!(read(text), Some((value, used)), "{text}");
        }
    }

    #[test]
    fn not_numbers() {
        for text in
            ["a fact", "and two", "half", "million", "the three", "twenty-fivefold", "seventy-ten", "тисячоліття", "сторона", "мільйонер"]
        {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
