//! Word snapping: a raw selection grows outward to whole words and loses surrounding whitespace.

use super::CharRange;

/// Marks that extend the character before them: combining marks, the zero-width joiner,
/// variation selectors and emoji skin tones. Splitting before one would cut a glyph in two.
pub fn is_extender(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}' | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}'
        | '\u{3099}' | '\u{309A}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0100}'..='\u{E01EF}')
}

/// True when the character at `i` belongs to a word: letters, digits and their marks, plus
/// apostrophes between letters ("don't") and separators between digits ("14.8", "1,000").
pub(crate) fn is_word_at(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c.is_alphanumeric() || is_extender(c) {
        return true;
    }
    let prev = i.checked_sub(1).map(|p| chars[p]);
    let next = chars.get(i + 1).copied();
    match (prev, next) {
        (Some(p), Some(n)) => match c {
            '\'' | '’' => p.is_alphabetic() && n.is_alphabetic(),
            '.' | ',' => p.is_ascii_digit() && n.is_ascii_digit(),
            _ => false,
        },
        _ => false,
    }
}

/// Snaps `raw` to whole words inside `chars`: the range is clipped to the text, trimmed of
/// whitespace, then grown outward while it would cut a word (or a glyph) in two.
/// Returns `None` for a selection that holds nothing but whitespace.
pub fn snap_to_words(chars: &[char], raw: CharRange) -> Option<CharRange> {
    let len = chars.len();
    let mut start = raw.start().min(len);
    let mut end = raw.end().min(len);
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start == end {
        return None;
    }
    while start > 0 && is_word_at(chars, start) && is_word_at(chars, start - 1) {
        start -= 1;
    }
    // A selection that starts on a mark or after a joiner must take its base character.
    while start > 0 && (is_extender(chars[start]) || chars[start - 1] == '\u{200D}') {
        start -= 1;
    }
    while end < len && is_word_at(chars, end - 1) && is_word_at(chars, end) {
        end += 1;
    }
    while end < len && (is_extender(chars[end]) || chars[end - 1] == '\u{200D}') {
        end += 1;
    }
    CharRange::new(start, end).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(text: &str, s: usize, e: usize) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        snap_to_words(&chars, CharRange::new(s, e).unwrap()).map(|r| chars[r.start()..r.end()].iter().collect())
    }

    #[test]
    fn grows_to_whole_words_and_trims_whitespace() {
        let t = "valued at $14.8 trillion, said";
        assert_eq!(snap(t, 12, 19).as_deref(), Some("14.8 trillion"));
        assert_eq!(snap(t, 9, 24).as_deref(), Some("$14.8 trillion"));
        assert_eq!(snap(t, 1, 3).as_deref(), Some("valued"));
        assert_eq!(snap(t, 6, 8).as_deref(), Some("at"), "leading space is dropped");
    }

    #[test]
    fn whitespace_only_and_empty_selections_do_nothing() {
        assert_eq!(snap("a   b", 1, 4), None);
        assert_eq!(snap("abc", 1, 1), None);
        assert_eq!(snap("a \n\n b", 1, 5), None);
    }

    #[test]
    fn clips_to_the_text() {
        assert_eq!(snap("hello", 2, 99).as_deref(), Some("hello"));
    }

    #[test]
    fn apostrophes_and_number_separators_stay_inside_words() {
        assert_eq!(snap("Ukraine’s mineral", 2, 4).as_deref(), Some("Ukraine’s"));
        assert_eq!(snap("cost 1,000 units", 6, 7).as_deref(), Some("1,000"));
        assert_eq!(snap("end. Next", 1, 2).as_deref(), Some("end"), "a full stop ends a word");
    }

    #[test]
    fn non_latin_scripts_and_glyph_clusters() {
        assert_eq!(snap("скажи Привет мир", 8, 9).as_deref(), Some("Привет"));
        assert_eq!(snap("cafe\u{301} ok", 0, 2).as_deref(), Some("cafe\u{301}"));
        // Starting on the combining mark still takes its base letter.
        assert_eq!(snap("x e\u{301} y", 3, 4).as_deref(), Some("e\u{301}"));
        let fam = "hi 👩\u{200d}👩\u{200d}👧 yo";
        assert_eq!(snap(fam, 3, 4).as_deref(), Some("👩\u{200d}👩\u{200d}👧"));
        assert_eq!(snap("中文字 abc", 1, 2).as_deref(), Some("中文字"));
    }
}
