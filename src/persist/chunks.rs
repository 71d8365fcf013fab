//! How an article's work is split for the browser's storage: the article once, and the
//! annotations in fixed chunks by id, so that saving after an edit rewrites one small chunk
//! instead of the whole file. Which chunks changed is found from cheap fingerprints.

use crate::annotation::{Annotation, AnnotationId, AnnotationSet};
use crate::workspace::Workspace;

/// Number of annotation chunks per article (about 80 annotations each at 5,000).
pub(super) const CHUNKS: usize = 64;

/// FNV-1a, 64-bit: tiny, stable across builds and platforms (unlike `DefaultHasher`).
pub(super) fn fnv(bytes: &[u8]) -> u64 {
    fnv_from(bytes, FNV_OFFSET)
}

/// FNV-1a continued from the hash `h` of what came before.
fn fnv_from(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The chunk an annotation is stored in.
pub(super) fn chunk_of(id: &AnnotationId) -> usize {
    (fnv(id.as_str().as_bytes()) % CHUNKS as u64) as usize
}

/// A fingerprint of everything about an annotation that storage keeps. Every edit goes
/// through `Workspace::update`, which sets `modified`; anchoring changes the range and status.
fn annotation_print(a: &Annotation) -> u64 {
    let mut h = fnv(a.id.as_str().as_bytes());
    h = fnv_from(&a.modified.0.to_le_bytes(), h);
    h = fnv_from(&(a.range().start() as u64).to_le_bytes(), h);
    h = fnv_from(&(a.range().end() as u64).to_le_bytes(), h);
    fnv_from(&[u8::from(a.is_orphan())], h)
}

/// One fingerprint per chunk; a chunk whose fingerprint changed must be written again.
/// Summing (not xor-ing) keeps two equal annotations from cancelling out.
pub(super) fn fingerprints(set: &AnnotationSet) -> Vec<u64> {
    let mut fp = vec![0u64; CHUNKS];
    // A sum does not depend on order, so the walk need not follow the document.
    for a in set.unordered() {
        let k = chunk_of(&a.id);
        fp[k] = fp[k].wrapping_add(annotation_print(a)).wrapping_add(1);
    }
    fp
}

/// The annotations of chunk `k`, in document order.
pub(super) fn chunk(set: &AnnotationSet, k: usize) -> impl Iterator<Item = &Annotation> {
    set.iter().filter(move |a| chunk_of(&a.id) == k)
}

/// A fingerprint of the article-level part of the file (text, details, profile, scale, review).
pub(super) fn meta_fingerprint(ws: &Workspace) -> u64 {
    let mut h = fnv(ws.sha256().as_bytes());
    h = fnv_from(serde_json::to_string(ws.review()).unwrap_or_default().as_bytes(), h);
    h = fnv_from(format!("{:?}", ws.details_form()).as_bytes(), h);
    h = fnv_from(serde_json::to_string(ws.profile()).unwrap_or_default().as_bytes(), h);
    fnv_from(ws.scale().to_lines().as_bytes(), h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Tag;
    use crate::article::Article;
    use crate::text::CharRange;
    use crate::time::Timestamp;

    fn ws_with(n: u8) -> Workspace {
        let mut w = Workspace::new(Article::default_article());
        for i in 0..n {
            let s = 100 + usize::from(i) * 20;
            w.create(CharRange::new(s, s + 5).unwrap(), Tag::Claim, AnnotationId::new_v4([i; 16]), Timestamp(1)).unwrap();
        }
        w
    }

    #[test]
    fn an_edit_changes_exactly_one_chunk() {
        let mut w = ws_with(30);
        let before = fingerprints(w.annotations());
        let id = AnnotationId::new_v4([7; 16]);
        w.set_note(&id, "changed", Timestamp(99));
        let after = fingerprints(w.annotations());
        let changed: Vec<usize> = (0..CHUNKS).filter(|&k| before[k] != after[k]).collect();
        assert_eq!(changed, vec![chunk_of(&id)]);
        // Undo brings the old fingerprint back.
        w.undo().unwrap();
        assert_eq!(fingerprints(w.annotations()), before);
    }

    #[test]
    fn chunks_partition_the_annotations() {
        let w = ws_with(40);
        let total: usize = (0..CHUNKS).map(|k| chunk(w.annotations(), k).count()).sum();
        assert_eq!(total, 40);
        assert!(chunk_of(&AnnotationId::parse("anno-5000-0001").unwrap()) < CHUNKS);
        assert_eq!(chunk_of(&AnnotationId::parse("x").unwrap()), chunk_of(&AnnotationId::parse("x").unwrap()));
    }

    #[test]
    fn meta_fingerprint_follows_profile_and_scale() {
        let mut w = ws_with(0);
        let a = meta_fingerprint(&w);
        w.set_scale(crate::annotation::VerdictScale::from_lines("Yes\nNo").unwrap());
        assert_ne!(meta_fingerprint(&w), a);
    }
}
