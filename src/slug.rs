//! File names: a headline slug plus the date, e.g. `zelensky-signals-…-2025-02-04.factmark.json`.

/// Longest slug kept, in code points, cut at a word boundary.
const MAX_SLUG_CHARS: usize = 80;

/// Lower-case words of `title` joined by hyphens; letters of any script are kept, everything
/// else separates words. Empty titles give "article".
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for word in title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let extra = word.chars().count() + usize::from(!slug.is_empty());
        if slug.chars().count() + extra > MAX_SLUG_CHARS && !slug.is_empty() {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase).take(MAX_SLUG_CHARS));
    }
    if slug.is_empty() {
        "article".to_string()
    } else {
        slug
    }
}

/// `<slug>[-<date>].<ext>`.
pub fn file_name(title: &str, date: Option<&str>, ext: &str) -> String {
    match date {
        Some(d) if !d.is_empty() => format!("{}-{d}.{ext}", slugify(title)),
        _ => format!("{}.{ext}", slugify(title)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_file_name() {
        assert_eq!(
            file_name(
                "Zelensky signals willingness for U.S.-Ukraine partnerships in rare earth mining",
                Some("2025-02-04"),
                "factmark.json"
            ),
            "zelensky-signals-willingness-for-u-s-ukraine-partnerships-in-rare-earth-mining-2025-02-04.factmark.json"
        );
    }

    #[test]
    fn odd_titles() {
        assert_eq!(slugify(""), "article");
        assert_eq!(slugify("  ?!  "), "article");
        assert_eq!(slugify("Привет, Мир 😀"), "привет-мир");
        assert_eq!(slugify("<script>alert(1)</script>"), "script-alert-1-script");
        assert!(slugify(&"word ".repeat(50)).chars().count() <= MAX_SLUG_CHARS);
        assert_eq!(file_name("A", None, "csv"), "a.csv");
    }
}
