//! The key layout: which keys hold an article's own part and its annotation chunks, and how a
//! store that reads articles only when they are opened finds them among all its keys.

use super::PREFIX;
use std::collections::HashSet;
use std::ops::Range;

/// The key of an article's own part (its text, profile and scale).
pub(super) fn doc_key(sha256: &str) -> String {
    format!("{PREFIX}doc:{sha256}")
}

/// The key of an article's annotation chunk `k`.
pub(super) fn chunk_key(sha256: &str, k: usize) -> String {
    format!("{PREFIX}ann:{sha256}:{k}")
}

/// The keys of an article: its own part's key, and the range (in key order) that holds every
/// chunk key of it and nothing else, so a store can read them with one range query.
pub fn article_keys(sha256: &str) -> (String, Range<String>) {
    // Chunk keys are "…ann:<sha>:<k>"; ';' is the character after ':'.
    (doc_key(sha256), format!("{PREFIX}ann:{sha256}:")..format!("{PREFIX}ann:{sha256};"))
}

/// The article (its SHA-256) whose own part or annotation chunk `key` holds, if it is one of
/// those.
fn article_of_key(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(PREFIX)?;
    let sha = match rest.strip_prefix("doc:") {
        Some(sha) => sha,
        None => rest.strip_prefix("ann:")?.split(':').next()?,
    };
    (sha.len() == 64).then_some(sha)
}

/// Keys sorted into articles and the rest.
#[derive(Debug, Default, PartialEq)]
pub struct Grouped {
    /// The articles with any stored key.
    pub articles: HashSet<String>,
    /// The positions of the keys that belong to no article.
    pub others: Vec<usize>,
}

/// Groups the `n` keys `key(0)`, `key(1)`, … given in key order (as IndexedDB lists them).
/// Each article's chunk keys stand together, so one of them is read and a binary search skips
/// the rest: a library of 500 articles holds 32,000 chunk keys, and reading each one from
/// JavaScript was most of a 100 ms task at start.
pub fn group_sorted_keys(n: usize, key: impl Fn(usize) -> String) -> Grouped {
    let mut out = Grouped::default();
    let mut i = 0;
    while i < n {
        let k = key(i);
        let Some(sha) = article_of_key(&k) else {
            out.others.push(i);
            i += 1;
            continue;
        };
        let end = article_keys(sha).1.end;
        out.articles.insert(sha.to_string());
        // The first position past this article's chunks (a doc key is alone: the next one).
        let (mut lo, mut hi) = (i + 1, n);
        if k < end {
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if key(mid) < end {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
        }
        i = lo;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_their_article() {
        let sha = "ab".repeat(32);
        assert_eq!(article_of_key(&doc_key(&sha)), Some(sha.as_str()));
        assert_eq!(article_of_key(&chunk_key(&sha, 7)), Some(sha.as_str()));
        for other in ["factmark:library", "factmark:current", "factmark:backup:1", "factmark:doc:short", "other:doc:x"] {
            assert_eq!(article_of_key(other), None, "{other}");
        }
    }

    #[test]
    fn an_articles_chunk_range_holds_its_chunks_only() {
        let (a, b) = ("1".repeat(64), "2".repeat(64));
        let (doc, chunks) = article_keys(&a);
        assert_eq!(doc, doc_key(&a));
        for k in [0, 9, 10, 63] {
            assert!(chunks.contains(&chunk_key(&a, k)), "{k}");
            assert!(!chunks.contains(&chunk_key(&b, k)), "{k}");
        }
        assert!(!chunks.contains(&doc_key(&a)));
    }

    /// Every key visited one by one: what the binary search must agree with.
    fn grouped_one_by_one(keys: &[String]) -> Grouped {
        let mut out = Grouped::default();
        for (i, k) in keys.iter().enumerate() {
            match article_of_key(k) {
                Some(sha) => drop(out.articles.insert(sha.to_string())),
                None => out.others.push(i),
            }
        }
        out
    }

    #[test]
    fn grouping_skips_chunks_and_finds_every_article_and_other_key() {
        let shas: Vec<String> = (0..40u8).map(|i| format!("{:02x}", i * 6).repeat(32)).collect();
        let mut keys = vec!["factmark:library".to_string(), "factmark:current".into(), "factmark:backup:ann:x:1".into(), "zz".into()];
        for (i, sha) in shas.iter().enumerate() {
            // Some articles with only chunks, some with only their own part, some with none of
            // their 64 chunks but a few.
            if i % 3 != 1 {
                keys.extend((0..(i % 7) * 10 + 1).map(|k| chunk_key(sha, k)));
            }
            if i % 3 != 0 {
                keys.push(doc_key(sha));
            }
        }
        keys.push("factmark:doc:short".into());
        keys.sort();
        let reads = std::cell::Cell::new(0);
        let got = group_sorted_keys(keys.len(), |i| {
            reads.set(reads.get() + 1);
            keys[i].clone()
        });
        assert_eq!(got, grouped_one_by_one(&keys));
        assert_eq!(got.articles.len(), 40);
        assert_eq!(got.others.len(), 5);
        assert!(reads.get() < keys.len() / 2, "{} reads of {} keys", reads.get(), keys.len());
        assert_eq!(group_sorted_keys(0, |_| unreachable!()), Grouped::default());
    }
}
