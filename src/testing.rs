//! Test-only helpers: a small deterministic random generator for property tests, and a
//! plain annotation to build fixtures from.

use crate::annotation::{Annotation, AnnotationId, Status, Tag, Target};
use crate::time::Timestamp;

/// An anchored annotation with this id, tag and target, everything else empty.
pub fn annotation(id: AnnotationId, tag: Tag, target: Target) -> Annotation {
    Annotation {
        id,
        tag,
        target,
        note: String::new(),
        origin: None,
        created: Timestamp(0),
        modified: Timestamp(0),
        status: Status::Anchored,
        check: Default::default(),
        extra: Default::default(),
    }
}

/// A file of the shared conformance material (`../shared` next to the repository), or `None`
/// with a printed note when it is absent, so that a clone without it still passes. The
/// folder is `$FACTMARK_SHARED` when set, else `../shared` from the crate (a clone beside
/// it), else `/work/shared` (a git worktree elsewhere).
pub fn shared(path: &str) -> Option<std::path::PathBuf> {
    let roots = [
        std::env::var_os("FACTMARK_SHARED").map(std::path::PathBuf::from),
        Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")),
        Some(std::path::PathBuf::from("/work/shared")),
    ];
    let found = roots.into_iter().flatten().map(|root| root.join(path)).find(|p| p.exists());
    if found.is_none() {
        eprintln!("skipped: the shared material {path} is absent (set FACTMARK_SHARED to the folder holding conformance/)");
    }
    found
}

/// xorshift64*: deterministic, seedable, good enough to shake out edge cases.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}
