//! Sentences and words of the article text, for finding who said what: abbreviation-aware ("U.S.", "Mr.").

use std::ops::Range;

/// Words before a full stop that do not end a sentence.
pub(super) const ABBREVIATIONS: [&str; 30] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "pres", "rev", "hon", "no",
    "vs", "etc", "inc", "ltd", "co", "corp", "approx", "fig", "jan", "feb",
];

fn closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// True when the full stop at `dot` follows an abbreviation or an initial ("U.S.", "J.").
fn after_abbreviation(text: &[char], dot: usize) -> bool {
    let start = text[..dot].iter().rposition(|c| !(c.is_alphanumeric() || *c == '.')).map_or(0, |p| p + 1);
    let word: String = text[start..dot].iter().collect::<String>().to_lowercase();
    let letters = word.trim_matches('.');
    ABBREVIATIONS.contains(&letters) || letters.split('.').all(|part| part.chars().count() == 1)
}

/// The sentences of `text[range]`, each trimmed of surrounding whitespace. A sentence ends
/// after `.`, `!` or `?` (and any closing quotes) when whitespace and a capital letter,
/// an opening quote or a digit follow; a line break always ends one.
pub(crate) fn sentences(text: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let mut end = None;
        if c == '\n' {
            end = Some(i);
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < text.len() && closing(text[j]) {
                j += 1;
            }
            let next = text[j..].iter().position(|c| !c.is_whitespace()).map(|k| text[j + k]);
            let spaced = text.get(j).is_some_and(|c| c.is_whitespace());
            let starts_new = next.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || "\"“‘'«(".contains(n));
            if (spaced || j == text.len()) && starts_new && !(c == '.' && after_abbreviation(text, i)) {
                end = Some(j);
            }
        }
        if let Some(e) = end {
            push_trimmed(&mut out, text, start..e);
            start = e;
            i = e.max(i + 1);
        } else {
            i += 1;
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &[char], r: Range<usize>) {
    let s = r.start + text[r.clone()].iter().take_while(|c| c.is_whitespace()).count();
    let e = r.end - text[s..r.end].iter().rev().take_while(|c| c.is_whitespace()).count();
    if s < e {
        out.push(s..e);
    }
}

/// A word (letters and digits, with inner `’ ' - .` as in "Ukraine’s", "U.S.-Ukraine") or
/// one punctuation character, at its code-point position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Word {
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// A four-digit year from 1800 to 2100.
    pub fn year(&self) -> Option<i32> {
        let y: i32 = self.text.parse().ok().filter(|_| self.text.len() == 4)?;
        (1800..=2100).contains(&y).then_some(y)
    }
}

pub(super) fn words(text: &[char], range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let c = text[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            while i < range.end {
                let joiner = matches!(text[i], '’' | '\'' | '-' | '.') && i + 1 < range.end && text[i + 1].is_alphanumeric();
                if text[i].is_alphanumeric() || (joiner && i > start) {
                    i += 1;
                } else {
                    break;
                }
            }
        } else {
            i += 1;
        }
        out.push(Word { start, end: i, text: text[start..i].iter().collect() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let text: Vec<char> = s.chars().collect();
        sentences(&text).into_iter().map(|r| text[r].iter().collect()).collect()
    }

    #[test]
    fn sentence_ends_and_abbreviations() {
        assert_eq!(
            split("Trump spoke. Following U.S. President Trump, Mr. Smith left! Did he? “Yes.” He did."),
            vec!["Trump spoke.", "Following U.S. President Trump, Mr. Smith left!", "Did he?", "“Yes.”", "He did."]
        );
        assert_eq!(split("cooperating with the U.S. on mining. Next"), vec!["cooperating with the U.S. on mining.", "Next"]);
        assert_eq!(split("Line one\n\nLine two"), vec!["Line one", "Line two"]);
        assert_eq!(split("It was fair,\" said Zelensky."), vec!["It was fair,\" said Zelensky."]);
        assert_eq!(split("Up 3.5 per cent. In 2023 it fell."), vec!["Up 3.5 per cent.", "In 2023 it fell."]);
        assert!(split("  ").is_empty());
    }

    #[test]
    fn words_and_punctuation() {
        let text: Vec<char> = "Ukraine’s U.S. rare-earth deal, “said”".chars().collect();
        let w: Vec<String> = words(&text, 0..text.len()).into_iter().map(|w| w.text).collect();
        assert_eq!(w, vec!["Ukraine’s", "U.S", ".", "rare-earth", "deal", ",", "“", "said", "”"]);
        let y = Word { start: 0, end: 4, text: "2023".into() };
        assert_eq!(y.year(), Some(2023));
        assert_eq!(Word { start: 0, end: 4, text: "1000".into() }.year(), None);
    }
}
