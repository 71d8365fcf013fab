//! schema.org ClaimReview JSON-LD: one review per claim with a verdict, for search engines and fact-check aggregators.
//!
//! Each review carries the claim as checked (its short wording, else the span), the verdict
//! as a `Rating` (numbers from the verdict scale, see [`VerdictScale::rating`], with the label
//! as `alternateName` and `name`), the rationale as `reviewBody`, the evidence as `citation`,
//! who made the claim (a `Person` or `Organization`, with `sameAs`), where it appeared (the
//! article, as `appearance` and `firstAppearance`), who reviewed it (the checker profile) and
//! the fact-check page (`url`: the claim's own, else the profile's pattern, else the profile's
//! address with `#claim-N`). Notes are the checker's own and never leave in it. Fields with
//! nothing to say are left out rather than written empty, as Google's checks prefer.
//!
//! [`VerdictScale::rating`]: crate::annotation::VerdictScale::rating

use super::script_safe;
use crate::annotation::{Annotation, SpeakerKind, Tag};
use crate::slug::slugify;
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

/// The reviews as JSON values (for embedding in a page's `<script type="application/ld+json">`),
/// then the article's own `Review` when it has one ([`article_review`]).
pub fn reviews(ws: &Workspace, review_date: Timestamp) -> Vec<Value> {
    // Claims are numbered among all the article's claims, so a claim keeps its page address
    // when another one gets its verdict.
    let mut out: Vec<Value> = ws
        .annotations()
        .iter()
        .filter(|a| a.tag == Tag::Claim)
        .enumerate()
        .filter(|(_, a)| a.check.verdict.is_some())
        .map(|(i, a)| review(ws, a, i + 1, review_date))
        .collect();
    out.extend(article_review(ws, review_date));
    out
}

/// The review of the article as a whole, as a schema.org `Review` of the `NewsArticle`: the
/// credibility rating on the profile's scale, the key takeaway as `headline`, the summary as
/// `reviewBody`, the techniques found as `negativeNotes`. `None` when nothing is rated or said.
pub fn article_review(ws: &Workspace, review_date: Timestamp) -> Option<Value> {
    let r = ws.review();
    if !r.has_conclusion() {
        return None;
    }
    let scale = ws.profile().credibility_scale();
    let rating = r.rating.as_deref().map(|label| {
        let numbers = crate::annotation::credibility_rating(&scale, label);
        object(vec![
            ("@type", Some(json!("Rating"))),
            ("ratingValue", numbers.map(|(v, _)| json!(v))),
            ("bestRating", numbers.map(|(_, b)| json!(b))),
            ("worstRating", numbers.map(|_| json!(1))),
            ("alternateName", Some(json!(label))),
            ("name", Some(json!(label))),
        ])
    });
    let mut techniques: Vec<String> = r.techniques.clone();
    for t in ws.annotations().iter().flat_map(|a| a.check.techniques.iter()) {
        if !techniques.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            techniques.push(t.clone());
        }
    }
    Some(object(vec![
        ("@context", Some(json!(CONTEXT))),
        ("@type", Some(json!("Review"))),
        ("itemReviewed", news_article(ws)),
        ("reviewRating", rating),
        ("headline", non_empty(&r.takeaway)),
        ("reviewBody", non_empty(&r.summary)),
        ("negativeNotes", (!techniques.is_empty()).then(|| json!(techniques))),
        ("author", reviewer(ws)),
        ("datePublished", Some(json!(review_date.to_date()))),
    ]))
}

fn object(pairs: Vec<(&str, Option<Value>)>) -> Value {
    Value::Object(pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k.to_string(), v))).collect::<Map<_, _>>())
}

fn non_empty(s: &str) -> Option<Value> {
    let s = s.trim();
    (!s.is_empty()).then(|| json!(s))
}

/// The article as a `NewsArticle`: where the claim appeared. `None` when nothing is known.
pub fn news_article(ws: &Workspace) -> Option<Value> {
    let article = ws.article();
    let authors: Vec<Value> = article.authors.iter().map(|n| json!({"@type": "Person", "name": n})).collect();
    let url = article.url.as_deref().and_then(non_empty);
    let headline = non_empty(&article.title);
    (url.is_some() || headline.is_some()).then(|| {
        object(vec![
            ("@type", Some(json!("NewsArticle"))),
            ("url", url),
            ("headline", headline),
            ("datePublished", article.published.as_deref().or(article.date.as_deref()).and_then(non_empty)),
            ("author", (!authors.is_empty()).then(|| json!(authors))),
            ("publisher", article.outlet.as_deref().and_then(non_empty).map(|o| json!({"@type": "Organization", "name": o}))),
            ("inLanguage", article.language.as_deref().and_then(non_empty)),
        ])
    })
}

/// The reviewer: the profile's organisation, else its person; with the profile's address.
pub fn reviewer(ws: &Workspace) -> Option<Value> {
    let profile = ws.profile();
    let url = profile.web_url().map(|u| json!(u));
    match (non_empty(&profile.organisation), non_empty(&profile.name)) {
        (Some(org), _) => Some(object(vec![("@type", Some(json!("Organization"))), ("name", Some(org)), ("url", url)])),
        (None, Some(name)) => Some(object(vec![("@type", Some(json!("Person"))), ("name", Some(name)), ("url", url)])),
        (None, None) => None,
    }
}

/// The claim's fact-check page (see the module documentation).
pub fn review_url(ws: &Workspace, a: &Annotation, n: usize) -> Option<String> {
    let profile = ws.profile();
    a.check
        .review_url
        .clone()
        .or_else(|| profile.review_url(&slugify(&ws.article().display_title()), n))
        .or_else(|| profile.web_url().map(|u| format!("{u}#claim-{n}")))
}

fn review(ws: &Workspace, a: &Annotation, n: usize, review_date: Timestamp) -> Value {
    let verdict = a.check.verdict.as_deref().unwrap_or_default();
    let rating = ws.scale().rating(verdict);
    let c = &a.check;
    let speaker = c.speaker.trim();
    let claimant = (!speaker.is_empty()).then(|| {
        let kind = c.speaker_kind.unwrap_or_else(|| SpeakerKind::guess(speaker));
        object(vec![
            ("@type", Some(json!(kind.schema_type()))),
            ("name", Some(json!(speaker))),
            ("sameAs", c.speaker_same_as.as_deref().map(|u| json!(u))),
        ])
    });
    let appearance = news_article(ws);
    let claim = object(vec![
        ("@type", Some(json!("Claim"))),
        ("author", claimant),
        ("datePublished", ws.article().date.as_deref().and_then(non_empty)),
        ("appearance", appearance.clone()),
        ("firstAppearance", appearance),
    ]);
    let citations: Vec<Value> = c
        .evidence
        .iter()
        .map(|e| object(vec![("@type", Some(json!("CreativeWork"))), ("url", Some(json!(e.url))), ("name", non_empty(&e.title))]))
        .collect();
    let wording = non_empty(&c.claim_reviewed).unwrap_or_else(|| json!(a.target.exact));
    object(vec![
        ("@context", Some(json!(CONTEXT))),
        ("@type", Some(json!("ClaimReview"))),
        ("url", review_url(ws, a, n).map(|u| json!(u))),
        ("claimReviewed", Some(wording)),
        ("reviewBody", non_empty(&c.rationale)),
        (
            "reviewRating",
            Some(object(vec![
                ("@type", Some(json!("Rating"))),
                ("ratingValue", rating.map(|r| json!(r.value))),
                ("bestRating", rating.map(|r| json!(r.best))),
                ("worstRating", rating.map(|r| json!(r.worst))),
                ("alternateName", Some(json!(verdict))),
                ("name", Some(json!(verdict))),
            ])),
        ),
        ("citation", (!citations.is_empty()).then(|| json!(citations))),
        ("itemReviewed", Some(claim)),
        ("author", reviewer(ws)),
        ("datePublished", Some(json!(review_date.to_date()))),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::AnnotationId;
    use crate::annotation::{CheckerProfile, SpeakerKind, VerdictScale};
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
        w.set_rationale(&id(1), "Forbes’ own estimate, not a survey.", Timestamp(2));
        w.add_evidence(&id(1), "https://forbes.example/minerals", "Forbes, 2023", Timestamp(2)).unwrap();
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
            json!({"@type": "Rating", "ratingValue": 5, "bestRating": 6, "worstRating": 1, "alternateName": "Mostly true", "name": "Mostly true"})
        );
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        assert_eq!(r["itemReviewed"]["author"], json!({"@type": "Organization", "name": "Forbes"}), "a publication is an organisation");
        assert_eq!(r["itemReviewed"]["firstAppearance"], r["itemReviewed"]["appearance"]);
        assert_eq!(r["reviewBody"], "Forbes’ own estimate, not a survey.");
        assert_eq!(r["citation"], json!([{"@type": "CreativeWork", "url": "https://forbes.example/minerals", "name": "Forbes, 2023"}]));
        assert_eq!(r["itemReviewed"]["datePublished"], "2025-02-04");
        // The article's details, as the checker entered them, describe where the claim appeared.
        assert_eq!(r["itemReviewed"]["appearance"]["@type"], "NewsArticle");
        assert_eq!(r["itemReviewed"]["appearance"]["publisher"], json!({"@type": "Organization", "name": "News Example"}));
        assert_eq!(r["itemReviewed"]["appearance"]["author"], json!([{"@type": "Person", "name": "Ann Lee"}]));
        assert_eq!(r["itemReviewed"]["appearance"]["url"], "https://news.example/zelensky-minerals");
        assert_eq!(r["author"], json!({"@type": "Organization", "name": "Truth Desk", "url": "https://desk.example/"}));
        assert_eq!(r["datePublished"], "2025-11-27");
        // “Zelensky emphasized” is the article's first claim; this one its second.
        assert_eq!(r["url"], "https://desk.example/#claim-2", "one address per claim, even without a pattern");
        assert_eq!(all[1]["url"], "https://desk.example/#claim-3", "numbered among all the article's claims");
    }

    #[test]
    fn wording_claimant_and_review_pages() {
        let mut w = ws();
        w.set_claim_reviewed(&id(1), " Ukraine’s minerals are worth $14.8 trillion ", Timestamp(3));
        w.set_speaker(&id(1), "Volodymyr Zelensky", Timestamp(3));
        w.set_speaker_kind(&id(1), Some(SpeakerKind::Person), Timestamp(3));
        w.set_speaker_same_as(&id(1), "https://www.wikidata.org/wiki/Q3881", Timestamp(3)).unwrap();
        let profile = CheckerProfile::new("Ann", "Truth Desk", "https://desk.example/").unwrap();
        w.set_profile(profile.with_review_pattern("https://desk.example/checks/{article}#claim-{claim}").unwrap());
        w.set_review_url(&id(3), "https://desk.example/checks/regions", Timestamp(3)).unwrap();
        let all = parsed(&w);
        assert_eq!(all[0]["claimReviewed"], "Ukraine’s minerals are worth $14.8 trillion");
        assert_eq!(
            all[0]["itemReviewed"]["author"],
            json!({"@type": "Person", "name": "Volodymyr Zelensky", "sameAs": "https://www.wikidata.org/wiki/Q3881"})
        );
        assert_eq!(
            all[0]["url"],
            "https://desk.example/checks/zelensky-signals-willingness-for-u-s-ukraine-partnerships-in-rare-earth-mining#claim-2"
        );
        assert_eq!(all[1]["url"], "https://desk.example/checks/regions", "the claim's own page comes first");
    }

    /// schema.org 30.0: every property of every typed object exists on its type (with what it
    /// inherits), with a value of an allowed type; Google's required fields are present.
    #[test]
    fn every_property_exists_on_its_schema_org_type() {
        let Some(path) = crate::testing::shared("conformance/schemaorg/claimreview-schema-extract.json") else { return };
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut w = ws();
        w.set_claim_reviewed(&id(1), "Minerals worth $14.8tn", Timestamp(3));
        w.set_speaker_same_as(&id(1), "https://www.wikidata.org/wiki/Q3881", Timestamp(3)).unwrap();
        let all = parsed(&w);
        assert!(!all.is_empty());
        for r in &all {
            for key in ["claimReviewed", "reviewRating", "url"] {
                assert!(r.get(key).is_some(), "Google requires {key}");
            }
            assert!(r["reviewRating"].get("alternateName").is_some(), "Google requires Rating.alternateName");
            assert_eq!(super::super::schema_org::violations(r, &schema), Vec::<String>::new());
        }
        // The checker can fail: a property that is not on its type, or a wrong value type.
        let mut bad = all[0].clone();
        bad["itemReviewed"]["reviewBody"] = json!("x");
        bad["reviewRating"]["ratingValue"] = json!(true);
        assert_eq!(super::super::schema_org::violations(&bad, &schema).len(), 2);
    }

    #[test]
    fn unknowns_are_left_out() {
        let mut w = ws();
        w.set_profile(CheckerProfile::new("Ann", "", "").unwrap());
        let r = &parsed(&w)[1];
        assert_eq!(
            r["reviewRating"],
            json!({"@type": "Rating", "alternateName": "Unverifiable", "name": "Unverifiable"}),
            "no number for Unverifiable"
        );
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
        assert!(r["itemReviewed"].get("appearance").is_none() && r["itemReviewed"].get("datePublished").is_none(), "no date, no source");
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
    fn the_article_review_is_a_review_of_the_news_article() {
        let Some(path) = crate::testing::shared("conformance/schemaorg/claimreview-schema-extract.json") else { return };
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut w = ws();
        assert_eq!(parsed(&w).len(), 2, "no review yet: claims only");
        w.set_review(crate::annotation::ArticleReview::new(
            Some("Low credibility"),
            "Overstates the figure",
            "Long.",
            &["Misleading headline".into()],
        ));
        w.set_techniques(&id(1), &["Cherry-picking".into()], Timestamp(3));
        let all = parsed(&w);
        let r = all.last().unwrap();
        assert_eq!(r["@type"], "Review");
        assert_eq!(r["itemReviewed"]["@type"], "NewsArticle");
        assert_eq!(r["itemReviewed"]["url"], "https://news.example/zelensky-minerals");
        assert_eq!(
            r["reviewRating"],
            json!({"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Low credibility", "name": "Low credibility"})
        );
        assert_eq!((r["headline"].as_str(), r["reviewBody"].as_str()), (Some("Overstates the figure"), Some("Long.")));
        assert_eq!(r["negativeNotes"], json!(["Misleading headline", "Cherry-picking"]));
        assert_eq!(super::super::schema_org::violations(r, &schema), Vec::<String>::new());
    }

    #[test]
    fn custom_scales_and_labels_off_the_scale() {
        let mut w = ws();
        w.set_scale(VerdictScale::from_lines("Correct\nPartly correct\nWrong").unwrap());
        w.set_verdict(&id(2), Some("wrong"), Timestamp(3));
        let all = parsed(&w);
        assert_eq!(all.len(), 3);
        let rating = |i: usize| all[i]["reviewRating"].clone();
        assert_eq!(
            rating(0),
            json!({"@type": "Rating", "ratingValue": 1, "bestRating": 3, "worstRating": 1, "alternateName": "Wrong", "name": "Wrong"})
        );
        assert_eq!(
            rating(1),
            json!({"@type": "Rating", "alternateName": "Mostly true", "name": "Mostly true"}),
            "kept from the old scale: no number"
        );
        assert_eq!(serialize(&Workspace::new(Article::default()), Timestamp(0)), "[]");
    }
}
