//! Shortening a quote for display: whitespace folded, at most a given number of code points.

/// `s` with runs of whitespace folded to one space and, if longer than `max` code points,
/// cut to `max - 1` and ended with "…". Never splits a code point.
pub fn shorten(s: &str, max: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max {
        return folded;
    }
    let head: String = folded.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", head.trim_end())
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn short_text_is_kept_and_long_text_ends_in_an_ellipsis() {
        assert_eq!(shorten("a  b\n\nc", 10), "a b c");
        assert_eq!(shorten("abcdef", 6), "abcdef");
        assert_eq!(shorten("abc defgh", 6), "abc d…");
        assert_eq!(shorten("abc defgh", 5), "abc…", "no space before the ellipsis");
        assert_eq!(shorten("😀😀😀😀", 3), "😀😀…");
        assert_eq!(shorten("Привет мир", 4), "При…");
    }
}
