//! A block's highlighted text as one escaped HTML string, so the UI renders a paragraph with
//! one `innerHTML` instead of one DOM call per text run, mark and attribute.
//!
//! The markup is the DOM contract of the article (README): plain runs are bare text, each
//! highlighted run is `<mark data-annotation-ids data-tags aria-describedby>`, ids outermost
//! first. Everything that comes from the article or a file is escaped, so no text can ever
//! become markup.

use super::Workspace;
use crate::annotation::{AnnotationId, Tag};
use crate::suggest::Candidate;

use crate::segment::segment;

/// Appends `chars` as HTML text (or a double-quoted attribute value): `&`, `<`, `>` and `"`
/// become entities. Carriage returns and NUL are written as character references, because the
/// HTML parser would turn them into a line feed and U+FFFD and the offsets would shift.
pub fn push_escaped(out: &mut String, chars: impl IntoIterator<Item = char>) {
    for c in chars {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\0' => out.push_str("&#65533;"),
            c => out.push(c),
        }
    }
}

impl Workspace {
    /// The blocks that annotation `id`'s highlights are in (none for an orphan or unknown id).
    pub fn blocks_of(&self, id: &AnnotationId) -> std::ops::Range<usize> {
        match self.set.get(id) {
            Some(a) if !a.is_orphan() => self.text.blocks_overlapping(a.range()),
            _ => 0..0,
        }
    }

    /// Block `b`'s bare text, as its element shows it without highlights: the same characters
    /// `block_html` yields once parsed (NUL is U+FFFD there, so here too), written with
    /// `textContent`, which costs no HTML parsing.
    pub fn block_text(&self, b: usize) -> String {
        let Some(block) = self.text.blocks().get(b) else { return String::new() };
        self.text.chars()[block.range.start()..block.range.end()].iter().map(|&c| if c == '\0' { '\u{fffd}' } else { c }).collect()
    }

    /// Block `b`'s text with its highlights, as HTML (see the module doc). Marks of the
    /// `selected` annotation carry `data-selected`: styling the selection through the markup
    /// of one or two paragraphs is far cheaper than a stylesheet rule that makes the browser
    /// restyle every mark of a long document.
    pub fn block_html(&self, b: usize, selected: Option<&AnnotationId>) -> String {
        self.block_html_with(b, selected, &[])
    }

    /// The same, with the suggested annotations of `candidates` that lie in the block drawn
    /// as `<span data-suggestion data-score data-candidate>` around their text (and around
    /// any highlights inside): one element per candidate, as candidates nest or are apart.
    pub fn block_html_with(&self, b: usize, selected: Option<&AnnotationId>, candidates: &[Candidate]) -> String {
        let Some(block) = self.text.blocks().get(b) else { return String::new() };
        let anns = self.block_annotations(b);
        let mut ranges: Vec<_> = anns.iter().map(|a| a.range()).collect();
        let mine: Vec<&Candidate> =
            candidates.iter().filter(|c| c.range.start() >= block.range.start() && c.range.end() <= block.range.end()).collect();
        ranges.extend(mine.iter().map(|c| c.range));
        let chars = self.text.chars();
        let mut out = String::with_capacity(block.range.len() + block.range.len() / 8 + anns.len() * 120);
        let mut open: Vec<usize> = Vec::new();
        for mut run in segment(block.range, &ranges) {
            let text = chars[run.range.start()..run.range.end()].iter().copied();
            let covering_candidates: Vec<usize> = run.covering.iter().filter(|&&i| i >= anns.len()).map(|&i| i - anns.len()).collect();
            run.covering.retain(|&i| i < anns.len());
            suggestion_edges(&mut out, &mut open, &covering_candidates, &mine);
            if run.covering.is_empty() {
                push_escaped(&mut out, text);
                continue;
            }
            out.push_str("<mark data-annotation-ids=\"");
            for (k, &i) in run.covering.iter().enumerate() {
                if k > 0 {
                    out.push(' ');
                }
                push_escaped(&mut out, anns[i].id.as_str().chars());
            }
            let tags = || Tag::ALL.into_iter().filter(|t| run.covering.iter().any(|&i| anns[i].tag == *t));
            out.push_str("\" data-tags=\"");
            for (k, t) in tags().enumerate() {
                out.push_str(if k > 0 { " " } else { "" });
                out.push_str(t.as_str());
            }
            // Screen readers read the tags as the highlight's description (hidden labels
            // rendered once by the UI).
            out.push_str("\" aria-describedby=\"");
            for (k, t) in tags().enumerate() {
                out.push_str(if k > 0 { " tag-desc-" } else { "tag-desc-" });
                out.push_str(t.as_str());
            }
            out.push('"');
            if selected.is_some_and(|id| run.covering.iter().any(|&i| anns[i].id == *id)) {
                out.push_str(" data-selected");
            }
            out.push('>');
            push_escaped(&mut out, text);
            out.push_str("</mark>");
        }
        suggestion_edges(&mut out, &mut open, &[], &mine);
        out
    }
}

/// Closes the candidate spans in `open` that do not cover the next run and opens those of
/// `covering` not open yet, outermost first. Should two ever cross, the inner one is closed
/// and opened again, so the markup stays well formed.
fn suggestion_edges(out: &mut String, open: &mut Vec<usize>, covering: &[usize], mine: &[&Candidate]) {
    while let Some(k) = open.iter().position(|i| !covering.contains(i)) {
        for _ in k..open.len() {
            out.push_str("</span>");
        }
        open.truncate(k);
    }
    let mut new: Vec<usize> = covering.iter().copied().filter(|i| !open.contains(i)).collect();
    crate::sort::sort_by_key(&mut new, |&i| (mine[i].range.start(), std::cmp::Reverse(mine[i].range.end()), mine[i].tag.index()));
    for i in new {
        let c = mine[i];
        out.push_str("<span class=\"suggestion\" data-suggestion=\"");
        out.push_str(c.tag.as_str());
        out.push_str(&format!("\" data-score=\"{:.2}\" data-candidate=\"", c.score));
        push_escaped(out, c.key().chars());
        out.push_str("\">");
        open.push(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::text::CharRange;
    use crate::time::Timestamp;

    fn ws(paras: &[&str]) -> Workspace {
        Workspace::new(Article { title: "T".into(), paragraphs: paras.iter().map(|p| p.to_string()).collect(), ..Article::default() })
    }

    fn add(w: &mut Workspace, s: usize, e: usize, tag: Tag, id: &str) {
        w.create(CharRange::new(s, e).unwrap(), tag, AnnotationId::parse(id).unwrap(), Timestamp(0)).unwrap();
    }

    /// Strips the tags and decodes the entities, as a browser's textContent would.
    fn text_content(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#13;", "\r").replace("&amp;", "&")
    }

    #[test]
    fn plain_runs_and_overlapping_marks() {
        let mut w = ws(&["Prices rose 5% in May."]);
        let p = w.text().blocks()[1].range.start();
        add(&mut w, p, p + 14, Tag::Claim, "c1");
        add(&mut w, p + 12, p + 14, Tag::Figure, "f1");
        assert_eq!(
            w.block_html(1, None),
            "<mark data-annotation-ids=\"c1\" data-tags=\"claim\" aria-describedby=\"tag-desc-claim\">Prices rose </mark>\
             <mark data-annotation-ids=\"c1 f1\" data-tags=\"claim figure\" aria-describedby=\"tag-desc-claim tag-desc-figure\">5%</mark> in May."
        );
        assert_eq!(w.block_html(0, None), "T");
        assert_eq!(w.block_html(9, None), "");
        // Bare text: what the marked markup shows once parsed.
        assert_eq!(w.block_text(1), text_content(&w.block_html(1, None)));
        assert_eq!(w.block_text(1), "Prices rose 5% in May.");
        assert_eq!(w.block_text(9), "");
        // The selected annotation's marks say so; the others do not.
        let f1 = AnnotationId::parse("f1").unwrap();
        let html = w.block_html(1, Some(&f1));
        assert_eq!(html.matches(" data-selected").count(), 1);
        assert!(html.contains("data-tags=\"claim figure\" aria-describedby=\"tag-desc-claim tag-desc-figure\" data-selected>5%"));
        assert_eq!(w.blocks_of(&f1), 1..2);
        assert_eq!(w.blocks_of(&AnnotationId::parse("nope").unwrap()), 0..0);
    }

    /// The marks of `html` as (text, number of ids, tags), in order.
    fn marks(html: &str) -> Vec<(String, usize, String)> {
        html.split("<mark ")
            .skip(1)
            .map(|m| {
                let attr = |name: &str| m.split(&format!("{name}=\"")).nth(1).and_then(|r| r.split('"').next()).unwrap_or("").to_string();
                let text = m.split_once('>').map(|(_, r)| r.split("</mark>").next().unwrap_or("")).unwrap_or("");
                (text_content(text), attr("data-annotation-ids").split(' ').count(), attr("data-tags"))
            })
            .collect()
    }

    #[test]
    fn nested_annotations_on_the_default_article() {
        let mut w = Workspace::new(Article::default_article());
        let text: String = w.text().chars().iter().collect();
        let range_of = |needle: &str| {
            let s = text[..text.find(needle).unwrap()].chars().count();
            CharRange::new(s, s + needle.chars().count()).unwrap()
        };
        let outer = range_of("the total value of Ukraine’s mineral resources");
        let inner = range_of("mineral resources is estimated");
        w.create(outer, Tag::Claim, AnnotationId::new_v4([1; 16]), Timestamp(1)).unwrap();
        w.create(inner, Tag::Figure, AnnotationId::new_v4([2; 16]), Timestamp(1)).unwrap();
        let html = w.block_html(5, None);
        let found = marks(&html);
        let marked: Vec<(&str, usize)> = found.iter().map(|(t, n, _)| (t.as_str(), *n)).collect();
        assert_eq!(marked, vec![("the total value of Ukraine’s ", 1), ("mineral resources", 2), (" is estimated", 1)]);
        assert_eq!(text_content(&html), w.text().slice(w.text().blocks()[5].range));
        assert_eq!(found.iter().find(|m| m.1 == 2).unwrap().2, "claim figure");
    }

    #[test]
    fn text_and_ids_can_never_become_markup() {
        let evil = "<script>alert(1)</script> & \"quoted\" <img src=x onerror=alert(2)>\r😀";
        let mut w = ws(&[evil]);
        let p = w.text().blocks()[1].range.start();
        add(&mut w, p, p + 8, Tag::Quote, "\"><script>x</script>");
        let html = w.block_html(1, None);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert_eq!(html.matches('<').count(), 2, "only the mark's own tags: {html}");
        assert_eq!(text_content(&html), evil);
    }

    #[test]
    fn text_content_is_the_block_text_for_random_overlaps() {
        let mut rng = crate::testing::Rng::new(11);
        let text = "Ünïcödé 😀👨‍👩‍👧 текст 中文 e\u{301} <b>&amp;</b> and more words here.";
        for _ in 0..200 {
            let mut w = ws(&[text]);
            let b = w.text().blocks()[1].range;
            for k in 0..rng.below(6) {
                let s = b.start() + rng.below(b.len());
                let e = (s + 1 + rng.below(12)).min(b.end());
                let _ =
                    w.create(CharRange::new(s, e).unwrap(), Tag::ALL[k % 3], AnnotationId::parse(&format!("a{k}")).unwrap(), Timestamp(0));
            }
            let html = w.block_html(1, None);
            assert_eq!(text_content(&html), text);
            assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
        }
    }
}
