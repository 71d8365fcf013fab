//! The checker's profile: who signs the fact-check (the ClaimReview author and the report).

use super::url::{typed_web_address, web_address, UrlError};
use serde::{Deserialize, Serialize};

/// Who is checking. Plain data; all fields may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckerProfile {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// The organisation's (or the review's) web address; empty or http(s).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Where each claim's fact-check is published, with `{article}` (the article's slug) and
    /// `{claim}` (the claim's number in the article) filled in per claim:
    /// `https://desk.example/checks/{article}#claim-{claim}`. Empty: none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub review_url_pattern: String,
    /// The article review's credibility scale, best first; empty: the default one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<String>,
    /// The misleading techniques spans and articles can be flagged with; empty: the defaults.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub techniques: Vec<String>,
}

impl CheckerProfile {
    /// A profile from what was typed: fields trimmed, the address checked when given.
    pub fn new(name: &str, organisation: &str, url: &str) -> Result<CheckerProfile, UrlError> {
        let url = if url.trim().is_empty() { String::new() } else { typed_web_address(url)? };
        Ok(CheckerProfile { name: name.trim().to_string(), organisation: organisation.trim().to_string(), url, ..Default::default() })
    }

    /// The profile with a review page pattern, checked by filling it in once.
    pub fn with_review_pattern(mut self, pattern: &str) -> Result<CheckerProfile, UrlError> {
        let pattern = pattern.trim();
        if !pattern.is_empty() {
            web_address(&fill(pattern, "article", 1))?;
        }
        self.review_url_pattern = pattern.to_string();
        Ok(self)
    }

    /// Whether every claim gets a fact-check page address from the profile (a pattern, or at
    /// least the website, with `#claim-N`).
    pub fn gives_review_urls(&self) -> bool {
        self.web_url().is_some() || self.review_url("a", 1).is_some()
    }

    /// The fact-check page of claim number `claim` of the article whose slug is `article`.
    pub fn review_url(&self, article: &str, claim: usize) -> Option<String> {
        let url = fill(&self.review_url_pattern, article, claim);
        (!self.review_url_pattern.is_empty()).then_some(url).filter(|u| web_address(u).is_ok())
    }

    pub fn is_empty(&self) -> bool {
        *self == CheckerProfile::default()
    }

    /// The profile with its own credibility scale and technique list (one per line; blank
    /// lines skipped; a list that is the default, or empty, is stored as empty).
    pub fn with_lists(mut self, ratings: &str, techniques: &str) -> CheckerProfile {
        let lines = |s: &str, default: &[&str]| {
            let list: Vec<String> = s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
            if list.iter().map(String::as_str).eq(default.iter().copied()) {
                Vec::new()
            } else {
                list
            }
        };
        self.ratings = lines(ratings, &super::DEFAULT_RATINGS);
        self.techniques = lines(techniques, &super::DEFAULT_TECHNIQUES);
        self
    }

    /// The credibility scale in use, best first.
    pub fn credibility_scale(&self) -> Vec<String> {
        if self.ratings.is_empty() {
            super::DEFAULT_RATINGS.iter().map(|s| s.to_string()).collect()
        } else {
            self.ratings.clone()
        }
    }

    /// The technique list in use.
    pub fn technique_list(&self) -> Vec<String> {
        if self.techniques.is_empty() {
            super::DEFAULT_TECHNIQUES.iter().map(|s| s.to_string()).collect()
        } else {
            self.techniques.clone()
        }
    }

    /// The address, when it is a usable web address (a profile read from a file may not be).
    pub fn web_url(&self) -> Option<&str> {
        web_address(&self.url).is_ok().then_some(self.url.as_str())
    }

    /// "Name, Organisation", or whichever is given.
    pub fn byline(&self) -> String {
        [self.name.as_str(), self.organisation.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
    }
}

fn fill(pattern: &str, article: &str, claim: usize) -> String {
    pattern.replace("{article}", article).replace("{claim}", &claim.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn new_trims_and_checks_the_address() {
        let p = CheckerProfile::new(" Ann ", " Factcheck Desk ", " https://desk.example ").unwrap();
        assert_eq!(
            p,
            CheckerProfile {
                name: "Ann".into(),
                organisation: "Factcheck Desk".into(),
                url: "https://desk.example".into(),
                ..Default::default()
            }
        );
        assert_eq!(p.byline(), "Ann, Factcheck Desk");
        assert_eq!(CheckerProfile::new("Ann", "", "desk.example").unwrap().url, "https://desk.example", "typed without its scheme");
        assert!(CheckerProfile::new("Ann", "", "javascript:x").is_err());
        assert_eq!(CheckerProfile::new("", "Desk", "").unwrap().byline(), "Desk");
    }

    #[test]
    fn review_pages_follow_the_pattern() {
        let p = CheckerProfile::default().with_review_pattern(" https://desk.example/checks/{article}#claim-{claim} ").unwrap();
        assert_eq!(p.review_url("zelensky-minerals", 2).as_deref(), Some("https://desk.example/checks/zelensky-minerals#claim-2"));
        assert!(CheckerProfile::default().with_review_pattern("desk/{article}").is_err(), "not a web address");
        assert_eq!(CheckerProfile::default().review_url("a", 1), None);
        assert!(p.gives_review_urls() && !CheckerProfile::default().gives_review_urls());
    }

    #[test]
    fn lists_default_until_changed() {
        let p = CheckerProfile::default().with_lists(&super::super::DEFAULT_RATINGS.join("\n"), " A \n\n B ");
        assert!(p.ratings.is_empty(), "the default scale is not stored");
        assert_eq!(p.credibility_scale().len(), 5);
        assert_eq!(p.technique_list(), vec!["A", "B"]);
        assert!(!p.is_empty());
    }

    #[test]
    fn empty_fields_are_not_written() {
        assert!(CheckerProfile::default().is_empty());
        let p = CheckerProfile { organisation: "Desk".into(), ..Default::default() };
        assert_eq!(serde_json::to_value(&p).unwrap(), json!({"organisation": "Desk"}));
        assert_eq!(serde_json::from_value::<CheckerProfile>(json!({"organisation": "Desk"})).unwrap(), p);
        let odd = CheckerProfile { url: "javascript:x".into(), ..Default::default() };
        assert_eq!(odd.web_url(), None);
    }
}
