//! schema.org ClaimReview JSON-LD: one review per claim with a verdict, for search engines and fact-check aggregators.
//!
//! Each review carries the claim's exact text, the verdict as a `Rating` (numbers from the
//! verdict scale, see [`VerdictScale::rating`]; a label without a number is written as
//! `alternateName` alone), who made the claim, where and when it appeared, and who reviewed
//! it (the checker profile). Fields with nothing to say are left out rather than written
//! empty, as Google's structured-data checks prefer.
//!
//! [`VerdictScale::rating`]: crate::annotation::VerdictScale::rating

use super::script_safe;
use crate::annotation::{Annotation, Tag};
use crate::time::Timestamp;
use crate::workspace::Workspace;
use serde_json::{json, Map, Value};

pub const CONTEXT: &str = "https://schema.org";

/// Writes a JSON array of `ClaimReview` objects, one per claim with a verdict, in document
/// order (orphans last). `review_date` is when the review is published (today, usually).
/// Safe to paste into a page's `<script>` element ([`script_safe`]).
pub fn serialize(ws: &Workspace, review_date: Timestamp) -> String {
    script_safe(serde_json::to_string_pretty(&Value::Array(reviews(ws, review_date))).expect("plain data always serialises"))
}

/// The reviews as JSON values (for embedding in a page's `<script type="application/ld+json">`).
pub fn reviews(ws: &Workspace, review_date: Timestamp) -> Vec<Value> {
    ws.annotations().iter().filter(|a| a.tag == Tag::Claim && a.check.verdict.is_some()).map(|a| review(ws, a, review_date)).collect()
}

fn object(pairs: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))).collect::<Map<_, _>>())
}

fn non_empty(s: &str) -> Option<Value> {
    let s = s.trim();
    (!s.is_empty()).then(|| json!(s))
}

fn review(ws: &Workspace, a: &Annotation, review_date: Timestamp) -> Value {
    let verdict = a.check.verdict.as_deref().unwrap_or_default();
    let rating = ws.scale().rating(verdict);
    let article = ws.article();
    let profile = ws.profile();
    let url = profile.web_url().map(|u| json!(u));
    let appearance = article.url.as_deref().and_then(non_empty).map(|source| {
        let authors: Vec<Value> = article.authors.iter().map(|n| json!({"@type": "Person", "name": n})).collect();
        object(vec![
            ("@type", Some(json!("NewsArticle"))),
            ("url", Some(source)),
            ("headline", non_empty(&article.title)),
            ("datePublished", article.published.as_deref().or(article.date.as_deref()).and_then(non_empty)),
            ("author", (!authors.is_empty()).then(|| json!(authors))),
            ("publisher", article.outlet.as_deref().and_then(non_empty).map(|o| json!({"@type": "Organization", "name": o}))),
            ("inLanguage", article.language.as_deref().and_then(non_empty)),
        ])
    });
    let claim = object(vec![
        ("@type", Some(json!("Claim"))),
        ("author", non_empty(&a.check.speaker).map(|name| json!({"@type": "Person", "name": name}))),
        ("datePublished", article.date.as_deref().and_then(non_empty)),
        ("appearance", appearance),
    ]);
    let author = match (non_empty(&profile.organisation), non_empty(&profile.name)) {
        (Some(org), _) => Some(object(vec![("@type", Some(json!("Organization"))), ("name", Some(org)), ("url", url.clone())])),
        (None, Some(name)) => Some(object(vec![("@type", Some(json!("Person"))), ("name", Some(name)), ("url", url.clone())])),
        (None, None) => None,
    };
    object(vec![
        ("@context", Some(json!(CONTEXT))),
        ("@type", Some(json!("ClaimReview"))),
        ("claimReviewed", Some(json!(a.target.exact))),
        (
            "reviewRating",
            Some(object(vec![
                ("@type", Some(json!("Rating"))),
                ("ratingValue", rating.map(|r| json!(r.value))),
                ("bestRating", rating.map(|r| json!(r.best))),
                ("worstRating", rating.map(|r| json!(r.worst))),
                ("alternateName", Some(json!(verdict))),
            ])),
        ),
        ("itemReviewed", Some(claim)),
        ("author", author),
        ("datePublished", Some(json!(review_date.to_date()))),
        ("url", url),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::AnnotationId;
    use crate::annotation::{CheckerProfile, VerdictScale};
    use crate::article::Article;
    use crate::text::CharRange;

    const CLAIM: &str = "the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion";

    fn id(n: u8) -> AnnotationId {
        AnnotationId::new_v4([n; 16])
    }

    fn ws() -> Workspace {
        let mut article = Article::default_article();
        article.url = Some("https://news.example/zelensky-minerals".into());
        article.outlet = Some("News Example".into());
        article.authors = vec!["Ann Lee".into()];
        let mut w = Workspace::new(article);
        for (n, needle) in [(1, CLAIM), (2, "Zelensky emphasized"), (3, "three regions")] {
            let text: String = w.text().chars().iter().collect();
            let s = text[..text.find(needle).unwrap()].chars().count();
            w.create(CharRange::new(s, s + needle.chars().count()).unwrap(), Tag::Claim, id(n), Timestamp(1)).unwrap();
        }
        w.set_verdict(&id(1), Some("Mostly true"), Timestamp(2));
        w.set_speaker(&id(1), "Forbes", Timestamp(2));
        w.set_verdict(&id(3), Some("Unverifiable"), Timestamp(2));
        w.set_profile(CheckerProfile::new("Ann", "Truth Desk", "https://desk.example/").unwrap());
        w
    }

    fn parsed(w: &Workspace) -> Vec<Value> {
        serde_json::from_str::<Vec<Value>>(&serialize(w, Timestamp(1_764_255_600_000))).unwrap()
    }

    #[test]
    fn one_review_per_claim_with_a_verdict() {
        let all = parsed(&ws());
        assert_eq!(all.len(), 2, "the claim without a verdict is not reviewed");
        let r = &all[0];
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], CLAIM);
        assert_eq!(
            r["reviewRating"],
            json!({"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly true"})
        );
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(r["itemReviewed"]["author"], json!({"@type": "Person", "name": "Forbes"}));
        assert_eq!(r["itemReviewed"]["datePublished"], "2025-02-04");
        // The article's details, as the checker entered them, describe where the claim appeared.
        assert_eq!(r["itemReviewed"]["appearance"]["@type"], "NewsArticle");
        assert_eq!(r["itemReviewed"]["appearance"]["publisher"], json!({"@type": "Organization", "name": "News Example"}));
        assert_eq!(r["itemReviewed"]["appearance"]["author"], json!([{"@type": "Person", "name": "Ann Lee"}]));
        assert_eq!(r["itemReviewed"]["appearance"]["url"], "https://news.example/zelensky-minerals");
        assert_eq!(r["author"], json!({"@type": "Organization", "name": "Truth Desk", "url": "https://desk.example/"}));
        assert_eq!(r["datePublished"], "2025-11-27");
        assert_eq!(r["url"], "https://desk.example/");
    }

    #[test]
    fn unknowns_are_left_out() {
        let mut w = ws();
        w.set_profile(CheckerProfile::new("Ann", "", "").unwrap());
        let r = &parsed(&w)[1];
        assert_eq!(r["reviewRating"], json!({"@type": "Rating", "alternateName": "Unverifiable"}), "no number for Unverifiable");
        assert!(r["itemReviewed"].get("author").is_none(), "no speaker given");
        assert_eq!(r["author"], json!({"@type": "Person", "name": "Ann"}));
        assert!(r.get("url").is_none());
        w.set_profile(CheckerProfile::default());
        let r = &parsed(&w)[0];
        assert!(r.get("author").is_none());
        let mut bare = Workspace::new(Article { paragraphs: vec!["It is cold.".into()], ..Article::default() });
        bare.create(CharRange::new(0, 10).unwrap(), Tag::Claim, id(1), Timestamp(0)).unwrap();
        bare.set_verdict(&id(1), Some("False"), Timestamp(0));
        let r = &parsed(&bare)[0];
        assert_eq!(r["itemReviewed"], json!({"@type": "Claim"}), "no date, no source");
    }

    #[test]
    fn every_public_xss_payload_stays_inside_the_script_element() {
        let Some(path) = crate::testing::shared("conformance/xss/xss-payload-list.txt") else { return };
        let list = std::fs::read_to_string(path).unwrap();
        let payloads: Vec<&str> = list.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(payloads.len() > 6000, "{}", payloads.len());
        let base = ws();
        for p in payloads {
            let mut w = base.clone();
            w.set_speaker(&id(1), p, Timestamp(3));
            w.set_verdict(&id(1), Some(p), Timestamp(3));
            w.set_profile(CheckerProfile::new(p, p, "https://desk.example/").unwrap());
            for out in [serialize(&w, Timestamp(3)), crate::format::w3c::serialize(&w)] {
                assert!(!out.contains('<') && !out.contains('>'), "{p}");
                let value: Value = serde_json::from_str(&out).unwrap();
                assert!(value.to_string().contains(serde_json::to_string(p.trim()).unwrap()[1..].trim_end_matches('"')), "{p} is kept");
            }
        }
    }

    #[test]
    fn custom_scales_and_labels_off_the_scale() {
        let mut w = ws();
        w.set_scale(VerdictScale::from_lines("Correct\nPartly correct\nWrong").unwrap());
        w.set_verdict(&id(2), Some("wrong"), Timestamp(3));
        let all = parsed(&w);
        assert_eq!(all.len(), 3);
        let rating = |i: usize| all[i]["reviewRating"].clone();
        assert_eq!(rating(0), json!({"@type": "Rating", "ratingValue": 1, "bestRating": 3, "worstRating": 1, "alternateName": "Wrong"}));
        assert_eq!(rating(1), json!({"@type": "Rating", "alternateName": "Mostly true"}), "kept from the old scale: no number");
        assert_eq!(serialize(&Workspace::new(Article::default()), Timestamp(0)), "[]");
    }
}
