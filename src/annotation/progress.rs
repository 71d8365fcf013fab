//! How far the checking has come (claims with a verdict, by verdict), and searching the annotations.

use super::VerdictScale;
use crate::annotation::{Annotation, AnnotationId, Tag};

/// Claims checked so far. `by_verdict` lists the verdicts in use: the scale's labels in
/// scale order, then any other label (kept from a file or an older scale) by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub claims: usize,
    /// Claims with a verdict.
    pub checked: usize,
    pub by_verdict: Vec<(String, usize)>,
}

impl Progress {
    /// Counts the claims among `annotations` (orphans too: they are still claims).
    #[cfg(test)] // the oracle the incremental tally is checked against
    pub fn of<'a>(annotations: impl IntoIterator<Item = &'a Annotation>, scale: &VerdictScale) -> Progress {
        let mut claims = 0;
        let mut verdicts: Vec<(&str, usize)> = Vec::new();
        for a in annotations.into_iter().filter(|a| a.tag == Tag::Claim) {
            claims += 1;
            let Some(v) = a.check.verdict.as_deref() else { continue };
            match verdicts.iter_mut().find(|(x, _)| *x == v) {
                Some((_, n)) => *n += 1,
                None => verdicts.push((v, 1)),
            }
        }
        Progress::from_counts(claims, verdicts, scale)
    }

    /// Progress from counts kept elsewhere: `claims` in all, and how many carry each verdict
    /// (as written on them, in any order).
    pub fn from_counts<'a>(claims: usize, verdicts: impl IntoIterator<Item = (&'a str, usize)>, scale: &VerdictScale) -> Progress {
        let mut p = Progress { claims, ..Progress::default() };
        let mut counts: Vec<(String, usize)> = scale.labels.iter().map(|l| (l.clone(), 0)).collect();
        let mut others: Vec<(String, usize)> = Vec::new();
        for (verdict, n) in verdicts {
            p.checked += n;
            let label = scale.find(verdict).unwrap_or(verdict);
            match counts.iter_mut().chain(others.iter_mut()).find(|(l, _)| l == label) {
                Some((_, k)) => *k += n,
                None => others.push((label.to_string(), n)),
            }
        }
        crate::sort::sort(&mut others);
        p.by_verdict = counts.into_iter().chain(others).filter(|(_, n)| *n > 0).collect();
        p
    }

    /// Claims without a verdict.
    pub fn unchecked(&self) -> usize {
        self.claims - self.checked
    }
}

/// Whether any text field of `a` contains the lower-case `q`: its quote, note, rationale,
/// speaker, claim as checked, evidence addresses and titles, quote source, figure source and
/// verdict.
fn mentions(a: &Annotation, q: &str) -> bool {
    let c = &a.check;
    let has = |s: &str| s.to_lowercase().contains(q);
    [&a.target.exact, &a.note, &c.rationale, &c.speaker, &c.claim_reviewed].iter().any(|f| has(f))
        || c.evidence.iter().any(|e| has(&e.url) || has(&e.title))
        || c.source_url.as_deref().is_some_and(has)
        || c.figure_source.as_ref().is_some_and(|s| has(&s.name))
        || c.verdict.as_deref().is_some_and(has)
}

/// The annotations with a field that contains `query` ([`mentions`]), ignoring case (Unicode
/// lower case: "КИЇВ" finds "Київ"), in the order given. A blank query finds nothing: the
/// caller shows everything when there is no query.
pub fn search<'a>(annotations: impl IntoIterator<Item = &'a Annotation>, query: &str) -> Vec<AnnotationId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    annotations.into_iter().filter(|a| mentions(a, &q)).map(|a| a.id.clone()).collect()
}

/// The claims a figure or quote at `from` may be linked to: every claim of the article
/// (anchored, not `from` itself) whose fields contain `query` (all when blank), nearest
/// first, at most `limit`.
pub fn link_candidates<'a>(
    annotations: impl IntoIterator<Item = &'a Annotation>,
    from: &Annotation,
    query: &str,
    limit: usize,
) -> Vec<&'a Annotation> {
    let q = query.trim().to_lowercase();
    let at = from.range().start();
    let mut found: Vec<&Annotation> = annotations
        .into_iter()
        .filter(|a| a.tag == Tag::Claim && a.id != from.id && !a.is_orphan() && (q.is_empty() || mentions(a, &q)))
        .collect();
    crate::sort::sort_by_key(&mut found, |a| (a.range().start().abs_diff(at), a.range().start(), &a.id));
    found.truncate(limit);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Target;
    use crate::text::CharRange;

    #[test]
    fn any_claim_can_be_linked_nearest_first_and_found_by_its_fields() {
        let at = |n: u8, tag: Tag, start: usize, exact: &str| {
            let target = Target {
                range: CharRange::new(start, start + 3).unwrap(),
                exact: exact.into(),
                prefix: String::new(),
                suffix: String::new(),
            };
            crate::testing::annotation(AnnotationId::new_v4([n; 16]), tag, target)
        };
        let mut far = at(1, Tag::Claim, 90_000, "The headline claim");
        far.check.evidence.push(crate::annotation::Evidence::new("https://stats.example/report", "Eurostat").unwrap());
        let list =
            vec![far, at(2, Tag::Claim, 500, "A near claim"), at(3, Tag::Figure, 400, "3%"), at(4, Tag::Claim, 100, "An earlier claim")];
        let figure = &list[2];
        let ids = |q: &str| link_candidates(&list, figure, q, 10).into_iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(""), vec![list[1].id.clone(), list[3].id.clone(), list[0].id.clone()], "every claim, nearest first, however far");
        assert_eq!(ids("eurostat"), vec![list[0].id.clone()], "found by its evidence title");
        assert_eq!(link_candidates(&list, figure, "", 1).len(), 1);
        assert_eq!(search(&list, "stats.example"), vec![list[0].id.clone()], "search sees evidence addresses");
    }

    fn ann(n: u8, tag: Tag, exact: &str, verdict: Option<&str>) -> Annotation {
        let target = Target { range: CharRange::default(), exact: exact.into(), prefix: String::new(), suffix: String::new() };
        let mut a = crate::testing::annotation(AnnotationId::new_v4([n; 16]), tag, target);
        a.check.verdict = verdict.map(str::to_string);
        a
    }

    #[test]
    fn progress_counts_claims_by_verdict_in_scale_order() {
        let list = vec![
            ann(1, Tag::Claim, "a", Some("False")),
            ann(2, Tag::Claim, "b", None),
            ann(3, Tag::Claim, "c", Some("true")),
            ann(4, Tag::Claim, "d", Some("false")),
            ann(5, Tag::Claim, "e", Some("Pants on fire")),
            ann(6, Tag::Figure, "f", Some("True")),
        ];
        let p = Progress::of(&list, &VerdictScale::default());
        assert_eq!((p.claims, p.checked, p.unchecked()), (5, 4, 1));
        let want: Vec<(String, usize)> = vec![("True".into(), 1), ("False".into(), 2), ("Pants on fire".into(), 1)];
        assert_eq!(p.by_verdict, want);
        assert_eq!(Progress::of(&[], &VerdictScale::default()), Progress::default());
    }

    #[test]
    fn search_ignores_case_across_fields() {
        let mut list = vec![ann(1, Tag::Quote, "Зеленський у КИЄВІ", None), ann(2, Tag::Claim, "x", None), ann(3, Tag::Figure, "y", None)];
        list[1].note = "Check the FORBES source".into();
        list[2].check.rationale = "Straße closed".into();
        list[2].check.speaker = "Forbes".into();
        let ids = |q: &str| search(&list, q).into_iter().map(|id| id.as_str()[..2].to_string()).collect::<Vec<_>>();
        assert_eq!(ids("києві"), vec!["01"]);
        assert_eq!(ids("forbes"), vec!["02", "03"]);
        assert_eq!(ids("STRASSE"), Vec::<String>::new(), "lower case, not full case folding");
        assert_eq!(ids("straße"), vec!["03"]);
        assert_eq!(ids("  "), Vec::<String>::new());
        assert_eq!(ids("nothing"), Vec::<String>::new());
    }
}
