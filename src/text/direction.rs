//! A paragraph's base direction, as `dir="auto"` finds it: from its first strong character.

/// Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, their
/// presentation forms, and the historic RTL blocks of the supplementary planes.
fn is_rtl_char(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// True when the first strong character (a letter; digits, punctuation and emoji are
/// neutral) is right-to-left, which is how browsers resolve `dir="auto"`.
pub fn is_rtl(text: impl IntoIterator<Item = char>) -> bool {
    text.into_iter().find(|c| c.is_alphabetic()).is_some_and(is_rtl_char)
}

#[cfg(test)]
mod tests {
    use super::is_rtl;

    #[test]
    fn the_first_letter_decides() {
        assert!(is_rtl("قال الوزير إن 70% من الأسر".chars()));
        assert!(is_rtl("«42» שלום world".chars()), "digits and quotes are neutral");
        assert!(is_rtl("🙂 2024: سلام".chars()));
        assert!(!is_rtl("Apple قالت".chars()), "a Latin first word makes the paragraph LTR");
        assert!(!is_rtl("Київ".chars()));
        assert!(!is_rtl("123 …".chars()), "no strong character: left to right");
    }
}
