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
        others.sort();
        p.by_verdict = counts.into_iter().chain(others).filter(|(_, n)| *n > 0).collect();
        p
    }

    /// Claims without a verdict.
    pub fn unchecked(&self) -> usize {
        self.claims - self.checked
    }
}

/// The annotations whose quoted text, note, rationale or speaker contains `query`, ignoring
/// case (Unicode lower case: "КИЇВ" finds "Київ"), in the order given. A blank query finds
/// nothing: the caller shows everything when there is no query.
pub fn search<'a>(annotations: impl IntoIterator<Item = &'a Annotation>, query: &str) -> Vec<AnnotationId> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    annotations
        .into_iter()
        .filter(|a| [&a.target.exact, &a.note, &a.check.rationale, &a.check.speaker].iter().any(|f| f.to_lowercase().contains(&q)))
        .map(|a| a.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::Target;
    use crate::text::CharRange;

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
