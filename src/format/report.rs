//! The fact-check report in Markdown: the article, the checker, progress, then every claim, quote and figure.
//!
//! All user text (notes, rationales, speakers, titles, the article itself) is escaped (see
//! `escape`), so the report can be pasted into any Markdown renderer without a note
//! turning into a link, an image or HTML. Links are written only for addresses checked to
//! be http or https.

mod escape;

use crate::annotation::web_address;
use crate::annotation::{Annotation, AnnotationId, Tag};
use crate::time::Timestamp;
use crate::workspace::Workspace;
use escape::{block, inline};
use std::collections::HashMap;
use std::fmt::Write;

/// What a verdict field shows when there is none.
pub const NOT_CHECKED: &str = "Not checked";

/// A Markdown link to a checked web address; plain (escaped) text otherwise.
fn link(label: &str, url: &str) -> String {
    match web_address(url) {
        Ok(url) => format!("[{}](<{url}>)", inline(label)),
        Err(_) => inline(label),
    }
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
fn mention(ws: &Workspace, labels: &HashMap<AnnotationId, String>, id: &AnnotationId) -> String {
    match (ws.annotations().get(id), labels.get(id)) {
        (Some(a), Some(label)) => format!("{label} (“{}”)", inline(&short(&a.target.exact))),
        _ => "an annotation that no longer exists".to_string(),
    }
}

/// At most 80 characters of a quote.
fn short(s: &str) -> String {
    crate::text::shorten(s, 80)
}

/// Writes the report. `review_date` is the date printed as the report's date. Notes are the
/// checker's own: they are in the report only when `notes` says so.
pub fn markdown(ws: &Workspace, review_date: Timestamp, notes: bool) -> String {
    let mut out = String::new();
    let article = ws.article();
    let _ = writeln!(out, "# Fact-check report: {}\n", inline(&article.display_title()));
    if !article.title.is_empty() {
        let _ = writeln!(out, "- **Article:** {}", inline(&article.title));
    }
    if let Some(outlet) = &article.outlet {
        let _ = writeln!(out, "- **Outlet:** {}", inline(outlet));
    }
    if !article.authors.is_empty() {
        let _ = writeln!(out, "- **By:** {}", inline(&article.authors.join(", ")));
    }
    if let Some(date) = article.published.as_deref().or(article.date.as_deref()) {
        let _ = writeln!(out, "- **Published:** {}", inline(date));
    }
    if let Some(source) = &article.url {
        let _ = writeln!(out, "- **Source:** {}", link(source, source));
    }
    let profile = ws.profile();
    if !profile.is_empty() {
        let by = inline(&profile.byline());
        let by = match profile.web_url() {
            Some(url) if by.is_empty() => link(url, url),
            Some(url) => format!("{by} ({})", link(url, url)),
            None => by,
        };
        let _ = writeln!(out, "- **Checked by:** {by}");
    }
    let _ = writeln!(out, "- **Report date:** {}\n", review_date.to_date());

    let progress = ws.progress();
    let _ = writeln!(out, "## Progress\n\nClaims checked: {} of {}\n", progress.checked, progress.claims);
    for (verdict, n) in &progress.by_verdict {
        let _ = writeln!(out, "- {}: {n}", inline(verdict));
    }
    if progress.unchecked() > 0 {
        let _ = writeln!(out, "- {NOT_CHECKED}: {}", progress.unchecked());
    }
    if progress.claims > 0 {
        out.push('\n');
    }

    let labels = labels(ws);
    let anchored: Vec<&Annotation> = ws.annotations().anchored().collect();
    for (tag, heading) in [(Tag::Claim, "Claims"), (Tag::Quote, "Quotes"), (Tag::Figure, "Figures")] {
        let items: Vec<&&Annotation> = anchored.iter().filter(|a| a.tag == tag).collect();
        if !items.is_empty() {
            let _ = writeln!(out, "## {heading}\n");
            for a in items {
                item(&mut out, ws, &labels, a, notes);
            }
        }
    }
    let orphans: Vec<&Annotation> = ws.annotations().orphans().collect();
    if !orphans.is_empty() {
        let _ = writeln!(out, "## Could not place on the text\n\nThese annotations were made on another version of the article.\n");
        for a in orphans {
            item(&mut out, ws, &labels, a, notes);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// One annotation: its heading, its quoted text, and the fields that fit its tag.
fn item(out: &mut String, ws: &Workspace, labels: &HashMap<AnnotationId, String>, a: &Annotation, notes: bool) {
    let c = &a.check;
    let _ = writeln!(out, "### {}\n\n> {}\n", labels[&a.id], block(&a.target.exact, "> "));
    let mut field = |name: &str, value: String| {
        let sep = if value.starts_with('\n') { "" } else { " " };
        let _ = writeln!(out, "- **{name}:**{sep}{value}");
    };
    let verdict = || c.verdict.as_deref().map_or(NOT_CHECKED.to_string(), inline);
    match a.tag {
        Tag::Claim => {
            if !c.claim_reviewed.trim().is_empty() {
                field("Claim as checked", inline(c.claim_reviewed.trim()));
            }
            field("Verdict", verdict())
        }
        Tag::Figure => {
            field("Value", c.figure.as_ref().map_or("not set".to_string(), |f| inline(&f.to_string())));
            if let Some(s) = &c.figure_source {
                let year = s.year.map(|y| format!(" ({y})")).unwrap_or_default();
                field("Source", format!("{}{year}", inline(&s.name)));
            }
            field("Status", verdict());
        }
        Tag::Quote => {
            field("Verified", if c.verified { "Yes" } else { "No" }.to_string());
            if let Some(url) = &c.source_url {
                field("Source", link(url, url));
            }
        }
    }
    if !c.speaker.trim().is_empty() {
        field("Speaker", inline(&c.speaker));
    }
    if !c.rationale.trim().is_empty() {
        field("Rationale", block(&c.rationale, "  "));
    }
    if !c.evidence.is_empty() {
        let list: Vec<String> = c.evidence.iter().map(|e| format!("  - {}", link(e.label(), &e.url))).collect();
        field("Evidence", format!("\n{}", list.join("\n")));
    }
    for l in &c.links {
        field(&l.relation.to_string(), mention(ws, labels, &l.to));
    }
    for (from, relation) in ws.annotations().backlinks(&a.id) {
        field(relation.passive_label(), mention(ws, labels, &from.id));
    }
    if notes && !a.note.trim().is_empty() {
        field("Note (internal)", block(&a.note, "  "));
    }
    out.push('\n');
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
        assert!(md.contains("- **Published:** 2025-02-04T20:58:00\n"));
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
