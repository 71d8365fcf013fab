//! In which slices an article's blocks are put into the page: the blocks of the first screens
//! at once, the rest in slices small enough that no slice holds the page up (20,000 blocks put
//! in at once blocked it for two seconds).

use std::ops::Range;

/// Splits blocks of the given lengths (in characters) into ranges of block indices: the first
/// holds every block that starts within `first_chars` (at least one block), each later one at
/// most `max_blocks` blocks and, past its first block, at most `max_chars` characters.
pub fn mount_slices(block_lens: &[usize], first_chars: usize, max_blocks: usize, max_chars: usize) -> Vec<Range<usize>> {
    let n = block_lens.len();
    let mut out = Vec::new();
    let mut at = 0;
    let mut first = 0;
    while first < n && (first == 0 || at < first_chars) {
        at += block_lens[first];
        first += 1;
    }
    if n > 0 {
        out.push(0..first);
    }
    let mut start = first;
    while start < n {
        let (mut end, mut chars) = (start + 1, block_lens[start]);
        while end < n && end - start < max_blocks.max(1) && chars + block_lens[end] <= max_chars {
            chars += block_lens[end];
            end += 1;
        }
        out.push(start..end);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiles(slices: &[Range<usize>], n: usize) -> bool {
        slices.first().is_none_or(|s| s.start == 0)
            && slices.windows(2).all(|w| w[0].end == w[1].start)
            && slices.last().is_none_or(|s| s.end == n)
    }

    #[test]
    fn the_first_screens_come_at_once_and_the_rest_in_bounded_slices() {
        let lens = vec![100; 1000];
        let s = mount_slices(&lens, 1_000, 50, 2_000);
        assert!(tiles(&s, 1000));
        assert_eq!(s[0], 0..10, "blocks starting within the first 1,000 characters");
        assert!(s[1..].iter().all(|r| r.len() <= 20), "at most 2,000 characters a slice");
        let many_short = vec![5; 20_000];
        let s = mount_slices(&many_short, 12_000, 300, 60_000);
        assert!(tiles(&s, 20_000));
        assert!(s[1..].iter().all(|r| r.len() <= 300), "at most 300 blocks a slice");
        assert_eq!(s.len(), 1 + (20_000 - s[0].len()).div_ceil(300));
    }

    #[test]
    fn edge_cases() {
        assert!(mount_slices(&[], 100, 10, 100).is_empty());
        assert_eq!(mount_slices(&[5_000_000], 100, 10, 100), vec![0..1], "one huge block is one slice");
        assert_eq!(mount_slices(&[10, 500, 10], 5, 10, 100), vec![0..1, 1..2, 2..3], "a block longer than a slice is a slice of its own");
        assert_eq!(mount_slices(&[10, 10], 1_000, 10, 100), vec![0..2], "a short article comes at once");
    }
}
