//! Code-point offsets and ranges: the one position unit of Factmark's model and files.

use std::fmt;

/// A position in a text, counted in **Unicode code points** (Rust `char`s) from its start.
///
/// Files and the W3C model use code points; the DOM uses UTF-16 code units and Rust
/// strings use UTF-8 bytes, so every other unit is converted at the boundary
/// (see [`super::convert`]) and never stored in a `CharOffset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharOffset(pub usize);

impl fmt::Display for CharOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Why a [`CharRange`] could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RangeError {
    /// `end` lies before `start`.
    Reversed { start: usize, end: usize },
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RangeError::Reversed { start, end } => {
                write!(f, "range ends ({end}) before it starts ({start})")
            }
        }
    }
}

impl std::error::Error for RangeError {}

/// A half-open range `[start, end)` of code points. `start <= end` always holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharRange {
    start: CharOffset,
    end: CharOffset,
}

impl CharRange {
    /// Builds a range, refusing one that ends before it starts.
    pub fn new(start: usize, end: usize) -> Result<Self, RangeError> {
        if end < start {
            return Err(RangeError::Reversed { start, end });
        }
        Ok(CharRange { start: CharOffset(start), end: CharOffset(end) })
    }

    pub fn start(self) -> usize {
        self.start.0
    }

    pub fn end(self) -> usize {
        self.end.0
    }

    pub fn len(self) -> usize {
        self.end.0 - self.start.0
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The shared part of two ranges, if they share any code point.
    pub fn intersect(self, other: CharRange) -> Option<CharRange> {
        let s = self.start.max(other.start);
        let e = self.end.min(other.end);
        (s < e).then_some(CharRange { start: s, end: e })
    }
}

impl fmt::Display for CharRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructor_checks_order_and_bounds() {
        assert!(CharRange::new(3, 2).is_err());
        assert!(CharRange::new(2, 2).unwrap().is_empty());
        assert_eq!(CharRange::new(1, 5).unwrap().len(), 4);
    }

    #[test]
    fn overlap_and_intersection() {
        let a = CharRange::new(0, 5).unwrap();
        let b = CharRange::new(5, 9).unwrap();
        let c = CharRange::new(4, 6).unwrap();
        assert_eq!(a.intersect(c), Some(CharRange::new(4, 5).unwrap()));
        assert_eq!(a.intersect(b), None);
    }
}
