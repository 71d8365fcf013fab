//! Explicit conversions between the three position units: code points (ours), UTF-16 code
//! units (the DOM, JavaScript and most other annotation tools) and UTF-8 bytes (Rust `str`).

/// Code points in the first `units` UTF-16 code units of `s`.
///
/// A position that falls between the two halves of a surrogate pair is rounded down to the
/// start of that character: the DOM can report such a position, and half a character is
/// never a valid code-point offset. Past the end of `s`, the whole length is returned.
pub fn utf16_to_chars(s: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in s.chars().enumerate() {
        let next = seen + c.len_utf16();
        if next > units {
            return i;
        }
        seen = next;
    }
    s.chars().count()
}

/// UTF-16 code units in the first `chars` code points of `s` (clamped to its length).
pub fn chars_to_utf16(s: &str, chars: usize) -> usize {
    s.chars().take(chars).map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Each sample mixes a unit width: emoji (4 bytes, 2 units), a ZWJ family (several
    // code points shown as one glyph), Cyrillic (2 bytes), CJK (3 bytes) and a combining
    // acute accent (a code point of its own).
    const SAMPLE: &str = "a😀b Привет 中文 e\u{301} 👩\u{200d}👩\u{200d}👧 z";

    #[test]
    fn utf16_round_trips_through_code_points_at_every_char_boundary() {
        let n = SAMPLE.chars().count();
        for i in 0..=n {
            let u = chars_to_utf16(SAMPLE, i);
            assert_eq!(utf16_to_chars(SAMPLE, u), i, "code point {i} ↔ unit {u}");
        }
    }

    #[test]
    fn known_widths() {
        assert_eq!(chars_to_utf16("😀", 1), 2);
        assert_eq!(chars_to_utf16("a😀b", 2), 3);
        assert_eq!(utf16_to_chars("a😀b", 3), 2);
        // Inside the surrogate pair rounds down to the emoji's start.
        assert_eq!(utf16_to_chars("a😀b", 2), 1);
        // The combining mark is its own code point.
        assert_eq!("e\u{301}".chars().count(), 2);
        assert_eq!(utf16_to_chars("e\u{301}x", 2), 2);
    }

    #[test]
    fn past_the_end_is_clamped() {
        assert_eq!(utf16_to_chars("ab", 99), 2);
        assert_eq!(chars_to_utf16("ab", 99), 2);
    }
}
