//! The report as HTML, for the printable report: user text as escaped text, links only to checked web addresses.

use super::{Report, Value};
use crate::time::Timestamp;
use crate::workspace::{push_escaped, Workspace};

/// The printable report's content (no document around it): headings, lists and block
/// quotes, every piece of user text escaped.
pub fn html(ws: &Workspace, review_date: Timestamp, notes: bool) -> String {
    write(&Report::of(ws, review_date, notes))
}

fn text(out: &mut String, s: &str) {
    push_escaped(out, s.chars());
}

fn link(out: &mut String, label: &str, url: &str) {
    out.push_str("<a href=\"");
    text(out, url);
    out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
    text(out, label);
    out.push_str("</a>");
}

fn value(out: &mut String, v: &Value) {
    match v {
        Value::Text(t) => text(out, t),
        Value::Lines(t) => {
            out.push_str("<span class=\"pre\">");
            text(out, t.trim());
            out.push_str("</span>");
        }
        Value::Link { label, url } => link(out, label, url),
        Value::Named { name, url } => {
            text(out, name);
            out.push_str(" (");
            link(out, url, url);
            out.push(')');
        }
        Value::Links(list) => {
            out.push_str("<ul>");
            for (label, url) in list {
                out.push_str("<li>");
                link(out, label, url);
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
    }
}

fn fields(out: &mut String, list: &[super::Field]) {
    out.push_str("<ul class=\"report-fields\">");
    for f in list {
        out.push_str("<li><strong>");
        text(out, &f.name);
        out.push_str(":</strong> ");
        value(out, &f.value);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn write(r: &Report) -> String {
    let mut out = String::from("<h1>Fact-check report: ");
    text(&mut out, &r.title);
    out.push_str("</h1>");
    fields(&mut out, &r.facts);
    if !r.review.is_empty() {
        out.push_str("<h2>Article review</h2>");
        fields(&mut out, &r.review);
    }
    out.push_str(&format!("<h2>Progress</h2><p><strong>Claims checked: {} of {}</strong></p>", r.checked, r.claims));
    if !r.by_verdict.is_empty() {
        out.push_str("<ul>");
        for (verdict, n) in &r.by_verdict {
            out.push_str("<li>");
            text(&mut out, verdict);
            out.push_str(&format!(": {n}</li>"));
        }
        out.push_str("</ul>");
    }
    for s in &r.sections {
        out.push_str(&format!("<h2>{}</h2>", s.heading));
        if let Some(intro) = s.intro {
            out.push_str(&format!("<p class=\"hint\">{intro}</p>"));
        }
        for item in &s.items {
            out.push_str("<section class=\"report-item\"><h3>");
            text(&mut out, &item.heading);
            out.push_str("</h3><blockquote class=\"report-quote\">");
            text(&mut out, &item.quote);
            out.push_str("</blockquote>");
            fields(&mut out, &item.fields);
            out.push_str("</section>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationId, Tag};
    use crate::article::Article;
    use crate::text::CharRange;

    fn ws() -> Workspace {
        let mut w = Workspace::new(Article::default_article());
        let id = AnnotationId::new_v4([1; 16]);
        w.create(CharRange::new(0, 8).unwrap(), Tag::Claim, id.clone(), Timestamp(1)).unwrap();
        w.set_speaker(&id, "<img src=x onerror=alert(1)>", Timestamp(2));
        w.set_rationale(&id, "line one\n<b>two</b>", Timestamp(2));
        w.add_evidence(&id, "https://example.org/a?b=1&c=2", "", Timestamp(2)).unwrap();
        w.set_note(&id, "INTERNAL", Timestamp(2));
        w
    }

    #[test]
    fn user_text_is_escaped_and_notes_need_asking() {
        let page = html(&ws(), Timestamp(0), false);
        assert!(!page.contains("<img") && !page.contains("<b>"), "{page}");
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(page.contains("<span class=\"pre\">line one\n&lt;b&gt;two&lt;/b&gt;</span>"));
        assert!(page.contains("<a href=\"https://example.org/a?b=1&amp;c=2\""), "{page}");
        assert!(!page.contains("INTERNAL"));
        assert!(html(&ws(), Timestamp(0), true).contains("<strong>Note (internal):</strong> <span class=\"pre\">INTERNAL</span>"));
    }

    #[test]
    fn the_quote_is_shown_once_and_untitled_evidence_once() {
        let page = html(&ws(), Timestamp(0), false);
        assert!(page.contains("<blockquote class=\"report-quote\">Zelensky</blockquote>"), "no added quotation marks: {page}");
        assert_eq!(page.matches("https://example.org/a?b=1&amp;c=2").count(), 2, "the address once as href, once as text");
        assert!(page.contains("<strong>Published:</strong> 2025-02-04 20:58<"), "no seconds");
    }
}
