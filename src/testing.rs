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

/// The default article with `n` random annotations whose every field is filled from odd
/// values (quotes, newlines, markup, emoji, formula starts), with UUID and other ids, links
/// between them, origins, and one orphan: the input of the export round-trip tests.
pub fn filled_workspace(rng: &mut Rng, n: usize) -> crate::workspace::Workspace {
    use crate::annotation::{Origin, Relation};
    use crate::article::Article;
    use crate::text::CharRange;
    let odd = [
        "plain",
        "=1+1",
        " -2 \"quoted\"",
        "line one\nline two, with a comma",
        "<script>alert(1)</script> & more",
        "emoji 👩\u{200d}👩\u{200d}👧 and ’quotes’",
        "@user; +tab\tinside",
    ];
    let mut w = crate::workspace::Workspace::new(Article::default_article());
    let len = w.text().chars().len();
    let mut ids = Vec::new();
    for k in 0..n {
        let id = match k % 3 {
            0 => AnnotationId::new_v4([rng.next_u64() as u8; 16]),
            1 => AnnotationId::parse(&format!("rt-claim-{k}")).unwrap(),
            _ => AnnotationId::parse(&format!("w3c/{k}#a%b😀")).unwrap(),
        };
        let start = rng.below(len - 40);
        let range = CharRange::new(start, start + 3 + rng.below(30)).unwrap();
        let tag = Tag::ALL[rng.below(3)];
        let t = Timestamp(1_738_702_680_000 + k as i64 * 1000);
        let Ok(change) = w.create(range, tag, id.clone(), t) else { continue };
        let id = change.focus.unwrap_or(id);
        if ids.contains(&id) {
            continue;
        }
        let pick = |rng: &mut Rng| odd[rng.below(odd.len())];
        w.set_note(&id, pick(rng), t);
        w.set_verdict(&id, Some(["Mostly true", "False", "Unverifiable"][rng.below(3)]), t);
        w.set_rationale(&id, pick(rng), t);
        w.add_evidence(&id, "https://example.org/a?b=1#c", pick(rng), t).unwrap();
        w.add_evidence(&id, &format!("https://example.org/{k}"), "", t).unwrap();
        w.set_speaker(&id, pick(rng), t);
        w.set_quote_verified(&id, rng.below(2) == 0, t);
        w.set_quote_source(&id, "https://video.example/1", t).unwrap();
        w.set_figure_value(&id, crate::suggest::parse_figure(["$14.8 trillion", "more than 70%", "3 regions"][rng.below(3)]), t);
        w.set_figure_source(&id, pick(rng), Some(2000 + rng.below(25) as i32), t);
        w.set_claim_reviewed(&id, pick(rng), t);
        w.set_speaker_kind(
            &id,
            [None, Some(crate::annotation::SpeakerKind::Person), Some(crate::annotation::SpeakerKind::Organization)][rng.below(3)],
            t,
        );
        w.set_speaker_same_as(&id, "https://www.wikidata.org/wiki/Q3881", t).unwrap();
        w.set_review_url(&id, &format!("https://desk.example/checks/{k}"), t).unwrap();
        w.set_techniques(&id, &[pick(rng).to_string(), "Cherry-picking".into()], t);
        if let Some(to) = ids.last() {
            w.add_link(&id, to, [Relation::Supports, Relation::Contradicts][rng.below(2)], t);
        }
        ids.push(id);
    }
    // Origins (as an import leaves them) and an orphan.
    let mut list: Vec<Annotation> = w.annotations().iter().cloned().collect();
    for (i, a) in list.iter_mut().enumerate() {
        if i % 2 == 0 {
            a.origin = Origin::boxed(format!("acct:user{i}@hypothes.is"), vec!["viral".into(), "PER".into()]);
        }
    }
    let mut orphan = list[0].clone();
    orphan.id = AnnotationId::parse("legacy-7").unwrap();
    orphan.target.exact = "Crimea bridge".into();
    list.push(orphan);
    let mut out = crate::workspace::Workspace::new(Article::default_article());
    out.load(list);
    out
}
