//! The review of the article as a whole: an overall credibility rating, a key takeaway, a summary, and the misleading techniques found in it.

use serde::{Deserialize, Serialize};

/// The default credibility scale, best first.
pub const DEFAULT_RATINGS: [&str; 5] = ["Very high credibility", "High credibility", "Neutral", "Low credibility", "Very low credibility"];

/// The default misleading techniques a span (and the article) can be flagged with.
pub const DEFAULT_TECHNIQUES: [&str; 6] =
    ["Cherry-picking", "Missing context", "Exaggeration", "False precision", "Misleading headline", "Unsupported causal claim"];

/// What the checker concludes about the article. Empty by default; every empty field is left
/// out of the file. Read leniently (see the `Deserialize` impl).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ArticleReview {
    /// A label of the credibility scale; `None`: not rated yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// One line: what a reader should take away.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub takeaway: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Misleading techniques found in the article, as the technique list names them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub techniques: Vec<String>,
}

impl ArticleReview {
    /// A review from what was typed: text trimmed, a blank rating none, techniques once each.
    pub fn new(rating: Option<&str>, takeaway: &str, summary: &str, techniques: &[String]) -> ArticleReview {
        let mut unique: Vec<String> = Vec::new();
        for t in techniques.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !unique.iter().any(|u| u.eq_ignore_ascii_case(t)) {
                unique.push(t.to_string());
            }
        }
        ArticleReview {
            rating: rating.map(str::trim).filter(|r| !r.is_empty()).map(str::to_string),
            takeaway: takeaway.split_whitespace().collect::<Vec<_>>().join(" "),
            summary: summary.trim().to_string(),
            techniques: unique,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == ArticleReview::default()
    }

    /// Whether it says something to publish: a rating, a takeaway or a summary (techniques
    /// alone are findings without a conclusion).
    pub fn has_conclusion(&self) -> bool {
        self.rating.is_some() || !self.takeaway.is_empty() || !self.summary.is_empty()
    }
}

/// Read through a JSON value, leniently (a field of the wrong type is left empty, as a
/// review is advice and never a reason to refuse a file), and tidied like a typed one. Going
/// through the value the file reader already builds keeps a derived reader out of the page.
impl<'de> Deserialize<'de> for ArticleReview {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ArticleReview, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let text = |k: &str| v.get(k).and_then(serde_json::Value::as_str).unwrap_or_default();
        let list: Vec<String> = v
            .get("techniques")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect();
        Ok(ArticleReview::new(v.get("rating").and_then(serde_json::Value::as_str), text("takeaway"), text("summary"), &list))
    }
}

/// The rating numbers of `label` on `scale` (best first): (value, best), worst being 1.
pub fn credibility_rating(scale: &[String], label: &str) -> Option<(u32, u32)> {
    let best = u32::try_from(scale.len()).ok().filter(|&n| n > 0)?;
    let i = scale.iter().position(|l| l.eq_ignore_ascii_case(label.trim()))?;
    Some((best - i as u32, best))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_reviews_are_tidied_and_empty_ones_write_nothing() {
        let r = ArticleReview::new(
            Some(" Low credibility "),
            " Overstates\nthe figure ",
            " Long summary. ",
            &["Cherry-picking".into(), " cherry-picking ".into(), "".into()],
        );
        assert_eq!(r.rating.as_deref(), Some("Low credibility"));
        assert_eq!(r.takeaway, "Overstates the figure");
        assert_eq!(r.techniques, vec!["Cherry-picking"]);
        assert_eq!(serde_json::to_value(ArticleReview::default()).unwrap(), json!({}));
        assert!(ArticleReview::new(Some(" "), "", "", &[]).is_empty());
        let back: ArticleReview = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
        assert_eq!(back, r);
        let odd: ArticleReview = serde_json::from_value(json!({"rating": 3, "takeaway": " a\nb ", "techniques": ["x", 1, "X"]})).unwrap();
        assert_eq!(odd, ArticleReview::new(None, "a b", "", &["x".into()]), "read leniently and tidied");
    }

    #[test]
    fn ratings_follow_the_scale() {
        let scale: Vec<String> = DEFAULT_RATINGS.iter().map(|s| s.to_string()).collect();
        assert_eq!(credibility_rating(&scale, "very high credibility"), Some((5, 5)));
        assert_eq!(credibility_rating(&scale, "Very low credibility"), Some((1, 5)));
        assert_eq!(credibility_rating(&scale, "Great"), None);
    }
}
