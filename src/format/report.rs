//! The fact-check report: one model (the article, the checker, progress, then every claim, quote and figure, and the annotations that could not be placed), written as Markdown and as HTML.
//!
//! [`Report::of`] gathers what the report says; [`markdown`] (`report/markdown.rs`) and
//! [`html`] (`report/html.rs`, the printable report) only write it, so the two never
//! disagree. All user text is escaped by the writer (Markdown: `escape.rs`; HTML: entities),
//! so a note can turn into neither a link, an image nor markup; links are written only for
//! addresses checked to be http or https. Notes are the checker's own and are in the report
//! only when asked for.

mod escape;
mod html;
mod markdown;

pub use html::html;
pub use markdown::markdown;

use crate::annotation::web_address;
use crate::annotation::{Annotation, AnnotationId, Tag};
use crate::time::Timestamp;
use crate::workspace::Workspace;
use std::collections::HashMap;

/// What a verdict field shows when there is none.
pub const NOT_CHECKED: &str = "Not checked";

/// A field's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// One line of user text.
    Text(String),
    /// Several lines of user text, kept as lines.
    Lines(String),
    /// A link to a checked web address.
    Link { label: String, url: String },
    /// A list of links (evidence).
    Links(Vec<(String, String)>),
    /// A name with its address: "Ann, Truth Desk (https://desk.example)".
    Named { name: String, url: String },
}

/// "Verdict: Mostly true".
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub value: Value,
}

fn field(name: &str, value: Value) -> Field {
    Field { name: name.to_string(), value }
}

/// A link to `url` when it is a web address; its label as text otherwise.
fn link(label: &str, url: &str) -> Value {
    match web_address(url) {
        Ok(url) => Value::Link { label: label.to_string(), url },
        Err(_) => Value::Text(label.to_string()),
    }
}

/// One annotation: "Claim 2", its text, its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub heading: String,
    pub quote: String,
    pub fields: Vec<Field>,
}

/// "Claims", "Quotes", "Figures", "Could not place on the text".
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: &'static str,
    pub intro: Option<&'static str>,
    pub items: Vec<Item>,
}

/// Everything the report says.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub title: String,
    /// The article and the checker: "Outlet", "By", "Published", "Source", "Checked by", "Report date".
    pub facts: Vec<Field>,
    /// The review of the article as a whole: rating, takeaway, summary, techniques found
    /// (with the spans flagged with each); empty when there is none.
    pub review: Vec<Field>,
    pub checked: usize,
    pub claims: usize,
    /// Claims by verdict, then "Not checked" with its count when some are.
    pub by_verdict: Vec<(String, usize)>,
    pub sections: Vec<Section>,
}

/// A date-time as the article shows it: `2025-02-04 20:58` (no seconds, no `T`).
fn shown_date(s: &str) -> String {
    match s.split_once('T') {
        Some((date, time)) => format!("{date} {}", time.get(..5).unwrap_or(time)),
        None => s.to_string(),
    }
}

impl Report {
    /// The report of the workspace on `review_date`; with the internal notes when `notes`.
    pub fn of(ws: &Workspace, review_date: Timestamp, notes: bool) -> Report {
        let article = ws.article();
        let mut facts = Vec::new();
        if !article.title.is_empty() {
            facts.push(field("Article", Value::Text(article.title.clone())));
        }
        if let Some(outlet) = &article.outlet {
            facts.push(field("Outlet", Value::Text(outlet.clone())));
        }
        if !article.authors.is_empty() {
            facts.push(field("By", Value::Text(article.authors.join(", "))));
        }
        if let Some(date) = article.published.as_deref().or(article.date.as_deref()) {
            facts.push(field("Published", Value::Text(shown_date(date))));
        }
        if let Some(source) = &article.url {
            facts.push(field("Source", link(source, source)));
        }
        let profile = ws.profile();
        if !profile.is_empty() {
            let by = profile.byline();
            facts.push(field(
                "Checked by",
                match profile.web_url() {
                    Some(url) if by.is_empty() => link(url, url),
                    Some(url) => Value::Named { name: by, url: url.to_string() },
                    None => Value::Text(by),
                },
            ));
        }
        facts.push(field("Report date", Value::Text(review_date.to_date())));

        let progress = ws.progress();
        let mut by_verdict = progress.by_verdict.clone();
        if progress.unchecked() > 0 {
            by_verdict.push((NOT_CHECKED.to_string(), progress.unchecked()));
        }
        let labels = labels(ws);
        let anchored: Vec<&Annotation> = ws.annotations().anchored().collect();
        let mut sections = Vec::new();
        for (tag, heading) in [(Tag::Claim, "Claims"), (Tag::Quote, "Quotes"), (Tag::Figure, "Figures")] {
            let items: Vec<Item> = anchored.iter().filter(|a| a.tag == tag).map(|a| item(ws, &labels, a, notes)).collect();
            if !items.is_empty() {
                sections.push(Section { heading, intro: None, items });
            }
        }
        let orphans: Vec<Item> = ws.annotations().orphans().map(|a| item(ws, &labels, a, notes)).collect();
        if !orphans.is_empty() {
            let intro = Some("These annotations were made on another version of the article.");
            sections.push(Section { heading: "Could not place on the text", intro, items: orphans });
        }
        let review = review_fields(ws, &labels);
        Report { title: article.display_title(), facts, review, checked: progress.checked, claims: progress.claims, by_verdict, sections }
    }
}

/// The article review's fields; each technique found lists the spans flagged with it.
fn review_fields(ws: &Workspace, labels: &HashMap<AnnotationId, String>) -> Vec<Field> {
    let r = ws.review();
    let mut fields = Vec::new();
    if let Some(rating) = &r.rating {
        fields.push(field("Rating", Value::Text(rating.clone())));
    }
    if !r.takeaway.is_empty() {
        fields.push(field("Key takeaway", Value::Text(r.takeaway.clone())));
    }
    if !r.summary.is_empty() {
        fields.push(field("Summary", Value::Lines(r.summary.clone())));
    }
    let mut techniques: Vec<String> = r.techniques.clone();
    for a in ws.annotations().iter() {
        for t in &a.check.techniques {
            if !techniques.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                techniques.push(t.clone());
            }
        }
    }
    for t in techniques {
        let spans: Vec<&str> = ws
            .annotations()
            .iter()
            .filter(|a| a.check.techniques.iter().any(|x| x.eq_ignore_ascii_case(&t)))
            .filter_map(|a| labels.get(&a.id).map(String::as_str))
            .collect();
        let value = if spans.is_empty() { "found in the article".to_string() } else { format!("in {}", spans.join(", ")) };
        fields.push(field(&t, Value::Text(value)));
    }
    fields
}

/// "Claim 2" for every annotation: numbered per tag, in document order, orphans last.
fn labels(ws: &Workspace) -> HashMap<AnnotationId, String> {
    let mut counts: HashMap<Tag, usize> = HashMap::new();
    ws.annotations()
        .iter()
        .map(|a| {
            let n = counts.entry(a.tag).or_default();
            *n += 1;
            (a.id.clone(), format!("{} {n}", a.tag.label()))
        })
        .collect()
}

/// "Figure 1 (“$14.8 trillion”)", or a note that the other annotation is gone.
fn mention(ws: &Workspace, labels: &HashMap<AnnotationId, String>, id: &AnnotationId) -> Value {
    Value::Text(match (ws.annotations().get(id), labels.get(id)) {
        (Some(a), Some(label)) => format!("{label} (“{}”)", crate::text::shorten(&a.target.exact, 80)),
        _ => "an annotation that no longer exists".to_string(),
    })
}

/// One annotation: its heading, its quoted text, and the fields that fit its tag.
fn item(ws: &Workspace, labels: &HashMap<AnnotationId, String>, a: &Annotation, notes: bool) -> Item {
    let c = &a.check;
    let mut fields = Vec::new();
    let verdict = || Value::Text(c.verdict.clone().unwrap_or_else(|| NOT_CHECKED.to_string()));
    match a.tag {
        Tag::Claim => {
            if !c.claim_reviewed.trim().is_empty() {
                fields.push(field("Claim as checked", Value::Text(c.claim_reviewed.trim().to_string())));
            }
            fields.push(field("Verdict", verdict()));
        }
        Tag::Figure => {
            fields.push(field("Value", Value::Text(c.figure.as_ref().map_or("not set".to_string(), |f| f.to_string()))));
            if let Some(s) = &c.figure_source {
                let year = s.year.map(|y| format!(" ({y})")).unwrap_or_default();
                fields.push(field("Source", Value::Text(format!("{}{year}", s.name))));
            }
            fields.push(field("Status", verdict()));
        }
        Tag::Quote => {
            fields.push(field("Verified", Value::Text(if c.verified { "Yes" } else { "No" }.to_string())));
            if let Some(url) = &c.source_url {
                fields.push(field("Source", link(url, url)));
            }
        }
    }
    if !c.speaker.trim().is_empty() {
        fields.push(field("Speaker", Value::Text(c.speaker.clone())));
    }
    if !c.rationale.trim().is_empty() {
        fields.push(field("Rationale", Value::Lines(c.rationale.clone())));
    }
    if !c.evidence.is_empty() {
        fields.push(field("Evidence", Value::Links(c.evidence.iter().map(|e| (e.label().to_string(), e.url.clone())).collect())));
    }
    for l in &c.links {
        fields.push(field(&l.relation.to_string(), mention(ws, labels, &l.to)));
    }
    for (from, relation) in ws.annotations().backlinks(&a.id) {
        fields.push(field(relation.passive_label(), mention(ws, labels, &from.id)));
    }
    if !c.techniques.is_empty() {
        fields.push(field("Misleading techniques", Value::Text(c.techniques.join(", "))));
    }
    if notes && !a.note.trim().is_empty() {
        fields.push(field("Note (internal)", Value::Lines(a.note.clone())));
    }
    Item { heading: labels[&a.id].clone(), quote: a.target.exact.clone(), fields }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{CheckerProfile, Relation};
    use crate::article::Article;
    use crate::suggest::parse_figure;
    use crate::text::CharRange;

    fn id(n: u8) -> AnnotationId {
        AnnotationId::new_v4([n; 16])
    }

    fn ws() -> Workspace {
        let mut article = Article::default_article();
        article.url = Some("https://news.example/a".into());
        let mut w = Workspace::new(article);
        for (n, needle, tag) in [
            (1, "the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion", Tag::Claim),
            (2, "$14.8 trillion", Tag::Figure),
            (3, "That is entirely fair", Tag::Quote),
            (4, "Zelensky emphasized", Tag::Claim),
            (5, "three regions", Tag::Claim),
        ] {
            let text: String = w.text().chars().iter().collect();
            let s = text[..text.find(needle).unwrap()].chars().count();
            w.create(CharRange::new(s, s + needle.chars().count()).unwrap(), tag, id(n), Timestamp(1)).unwrap();
        }
        let t = Timestamp(2);
        w.set_verdict(&id(1), Some("Mostly true"), t);
        w.set_speaker(&id(1), "Forbes", t);
        w.set_rationale(&id(1), "Forbes said so.\n- but see the *IMF*", t);
        w.add_evidence(&id(1), "https://forbes.example/x_(y)", "Forbes [2023]", t).unwrap();
        w.set_verdict(&id(5), Some("False"), t);
        w.set_figure_value(&id(2), parse_figure("$14.8 trillion"), t);
        w.set_figure_source(&id(2), "Forbes", Some(2023), t);
        w.add_link(&id(2), &id(1), Relation::Supports, t);
        w.set_speaker(&id(3), "Zelensky", t);
        w.set_quote_verified(&id(3), true, t);
        w.set_profile(CheckerProfile::new("Ann", "Truth Desk", "https://desk.example").unwrap());
        w
    }

    #[test]
    fn header_and_progress() {
        let md = markdown(&ws(), Timestamp(1_764_255_600_000), true);
        assert!(md.starts_with("# Fact-check report: Zelensky signals willingness for U.S.-Ukraine partnerships in rare earth mining\n\n"));
        assert!(md.contains("- **Published:** 2025-02-04 20:58\n"), "as the article shows it");
        assert!(md.contains("- **Source:** [https://news.example/a](<https://news.example/a>)\n"));
        assert!(md.contains("- **Checked by:** Ann, Truth Desk ([https://desk.example](<https://desk.example>))\n"));
        assert!(md.contains("- **Report date:** 2025-11-27\n"));
        assert!(md.contains("## Progress\n\nClaims checked: 2 of 3\n\n- Mostly true: 1\n- False: 1\n- Not checked: 1\n"));
    }

    #[test]
    fn items_with_their_fields_and_links() {
        let md = markdown(&ws(), Timestamp(0), true);
        let claims = md.find("## Claims").unwrap();
        let (quotes, figures) = (md.find("## Quotes").unwrap(), md.find("## Figures").unwrap());
        assert!(claims < quotes && quotes < figures);
        assert!(md.contains("### Claim 1\n\n> Zelensky emphasized\n\n- **Verdict:** Not checked\n"), "document order");
        assert!(md.contains("### Claim 2\n\n> the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion\n\n- **Verdict:** Mostly true\n- **Speaker:** Forbes\n"));
        assert!(md.contains("- **Rationale:** Forbes said so.\\\n  \\- but see the \\*IMF\\*\n"));
        assert!(md.contains("- **Evidence:**\n  - [Forbes \\[2023\\]](<https://forbes.example/x_(y)>)\n"));
        assert!(md.contains("- **Supported by:** Figure 1 (“$14.8 trillion”)\n"));
        assert!(md.contains("### Quote 1\n\n> That is entirely fair\n\n- **Verified:** Yes\n- **Speaker:** Zelensky\n"));
        assert!(md.contains("### Figure 1\n\n> $14.8 trillion\n\n- **Value:** $14.8 trillion\n- **Source:** Forbes (2023)\n- **Status:** Not checked\n- **Supports:** Claim 2 (“the total value"));
        assert!(md.ends_with("\n") && !md.ends_with("\n\n"));
    }

    #[test]
    fn user_text_cannot_inject_markup() {
        let mut w = ws();
        w.set_note(&id(4), "<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://t/p.png)\n# Heading", Timestamp(3));
        w.set_speaker(&id(4), "<img src=x onerror=alert(1)>", Timestamp(3));
        let md = markdown(&w, Timestamp(0), true);
        // Every `<` and `[` of the user's text is escaped (the only bare ones are our links).
        let user = &md[md.find("### Claim 1").unwrap()..md.find("### Claim 2").unwrap()];
        let bare = user.char_indices().filter(|&(i, c)| matches!(c, '<' | '[') && !user[..i].ends_with('\\')).count();
        assert_eq!(bare, 0, "{user}");
        assert!(md.contains(
            "- **Note (internal):** \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1)) \\!\\[i\\](http://t/p.png)\\\n  \\# Heading\n"
        ));
        assert!(md.contains("- **Speaker:** \\<img src=x onerror=alert(1)\\>\n"));
    }

    #[test]
    fn notes_stay_private_unless_asked_for() {
        let mut w = ws();
        w.set_note(&id(4), "Needs second source", Timestamp(3));
        w.set_claim_reviewed(&id(4), "Minerals worth $14.8tn", Timestamp(3));
        let public = markdown(&w, Timestamp(0), false);
        assert!(!public.contains("Needs second source") && !public.contains("Note"), "{public}");
        assert!(public.contains("- **Claim as checked:** Minerals worth $14.8tn\n"));
        assert!(markdown(&w, Timestamp(0), true).contains("- **Note (internal):** Needs second source"));
    }

    #[test]
    fn the_article_review_comes_first_with_the_flagged_spans() {
        let mut w = ws();
        w.set_review(crate::annotation::ArticleReview::new(
            Some("Low credibility"),
            "Overstates the figure",
            "Two lines\nof summary",
            &["Misleading headline".into()],
        ));
        w.set_techniques(&id(1), &["Cherry-picking".into()], Timestamp(3));
        let md = markdown(&w, Timestamp(0), false);
        let review = md.find("## Article review").unwrap();
        assert!(review < md.find("## Progress").unwrap());
        assert!(md.contains("## Article review\n\n- **Rating:** Low credibility\n- **Key takeaway:** Overstates the figure\n"));
        assert!(md.contains("- **Misleading headline:** found in the article\n- **Cherry-picking:** in Claim 2\n"), "{md}");
        assert!(md.contains("- **Misleading techniques:** Cherry-picking\n"));
        let page = html(&w, Timestamp(0), false);
        assert!(page.contains("<h2>Article review</h2>") && page.contains("Overstates the figure"));
        assert!(!markdown(&ws(), Timestamp(0), false).contains("Article review"), "none: no section");
    }

    #[test]
    fn orphans_and_empty_workspaces() {
        let mut w = ws();
        let mut lost = w.annotations().get(&id(5)).unwrap().clone();
        (lost.id, lost.target.exact) = (id(9), "a sentence that was removed".into());
        w.load(vec![lost]);
        let md = markdown(&w, Timestamp(0), true);
        assert!(md.contains("## Could not place on the text\n\n"));
        assert!(md.contains("### Claim 4\n\n> a sentence that was removed\n\n- **Verdict:** False\n"));
        assert!(md.contains("Claims checked: 3 of 4"));
        let empty = markdown(&Workspace::new(Article::default()), Timestamp(0), true);
        assert_eq!(
            empty,
            "# Fact-check report: Untitled article\n\n- **Report date:** 1970-01-01\n\n## Progress\n\nClaims checked: 0 of 0\n"
        );
    }

    #[test]
    fn links_to_deleted_claims_say_so() {
        let mut w = ws();
        w.delete(&id(1));
        let md = markdown(&w, Timestamp(0), true);
        assert!(md.contains("- **Supports:** an annotation that no longer exists\n"));
    }
}
