//! The suggested annotations still open: those not dismissed and not yet made annotations.

use super::Workspace;
use crate::suggest::Candidate;

impl Workspace {
    /// The candidates of `all` (as `suggest::scan` gave them, best first) that are still open:
    /// not dismissed (by [`Candidate::key`]) and not already an annotation of their tag over
    /// most of their text, so an accepted suggestion leaves the list by itself.
    pub fn open_candidates(&self, all: &[Candidate], dismissed: &[String]) -> Vec<Candidate> {
        all.iter().filter(|c| !dismissed.contains(&c.key()) && !self.annotated(c)).cloned().collect()
    }

    fn annotated(&self, c: &Candidate) -> bool {
        self.text.blocks_overlapping(c.range).any(|b| {
            self.set.in_block(b).any(|a| {
                let shared = a.range().intersect(c.range).map_or(0, |r| r.len());
                a.tag == c.tag && !a.is_orphan() && shared * 2 > c.range.len()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationId, Tag};
    use crate::article::Article;
    use crate::time::Timestamp;

    #[test]
    fn accepted_and_dismissed_candidates_leave_the_list() {
        let article = Article {
            title: "Budget".into(),
            paragraphs: vec!["The council approved a €2.3 billion budget, up 12% on last year, the mayor said.".into()],
            ..Article::default()
        };
        let mut w = Workspace::new(article);
        let all = crate::suggest::scan(w.text().chars(), w.date_order());
        let none: Vec<String> = Vec::new();
        assert_eq!(w.open_candidates(&all, &none), all);
        let figure = all.iter().find(|c| c.tag == Tag::Figure).unwrap().clone();
        w.create(figure.range, Tag::Figure, AnnotationId::new_v4([1; 16]), Timestamp(0)).unwrap();
        let open = w.open_candidates(&all, &none);
        assert!(!open.contains(&figure), "an accepted figure is no longer suggested");
        assert_eq!(open.len(), all.len() - 1, "a figure annotation does not hide the claim around it");
        let claim = all.iter().find(|c| c.tag == Tag::Claim).unwrap();
        let dismissed = vec![claim.key()];
        assert!(!w.open_candidates(&all, &dismissed).contains(claim));
    }

    #[test]
    fn candidates_are_drawn_once_each_and_keep_the_text() {
        let article = Article {
            title: "T".into(),
            paragraphs: vec!["Exports rose 18 per cent, while “we have restored almost 90% of capacity,” he said.".into()],
            ..Article::default()
        };
        let mut w = Workspace::new(article);
        let all = crate::suggest::scan(w.text().chars(), w.date_order());
        let b = 1;
        let block = w.text().blocks()[b].range;
        // A highlight that crosses the edge of the claim and the quote.
        let start = block.start() + 8;
        w.create(crate::text::CharRange::new(start, start + 30).unwrap(), Tag::Claim, AnnotationId::new_v4([2; 16]), Timestamp(0)).unwrap();
        let html = w.block_html_with(b, None, &all);
        let mine: Vec<&Candidate> = all.iter().filter(|c| c.range.start() >= block.start() && c.range.end() <= block.end()).collect();
        assert!(mine.len() >= 3, "{all:?}");
        for c in &mine {
            assert_eq!(html.matches(&format!("data-candidate=\"{}\"", c.key())).count(), 1, "{html}");
        }
        assert_eq!(html.matches("<span").count(), html.matches("</span>").count());
        assert_eq!(html.matches("<span").count(), mine.len());
        let plain = w.block_html(b, None);
        let strip = |h: &str| h.split('<').map(|p| p.split_once('>').map_or(p, |x| x.1)).collect::<String>();
        assert_eq!(strip(&html), strip(&plain), "the text is unchanged");
        assert!(html.contains("data-suggestion=\"figure\" data-score=\""));
    }
}
