//! Text positions: code-point offsets and ranges, unit conversions and word snapping.

pub mod convert;
pub mod decode;
pub mod direction;
pub mod fuzzy;
pub mod offset;
mod shorten;
pub mod snap;

pub use offset::CharRange;
pub use shorten::shorten;

/// True when `word` is one of the space-separated words of `list`. Word lists are kept as
/// one string each, so that they read as a paragraph rather than one word per line.
pub fn listed(list: &str, word: &str) -> bool {
    list.split(' ').any(|w| w == word)
}

/// True when `word` starts with a Cyrillic letter (Ukrainian, Russian): word lists and
/// grammar rules that hold only for those languages are applied to such words alone.
pub fn is_cyrillic(word: &str) -> bool {
    word.starts_with(|c: char| ('\u{400}'..='\u{4ff}').contains(&c))
}
