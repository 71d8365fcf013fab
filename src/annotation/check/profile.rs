//! The checker's profile: who signs the fact-check (the ClaimReview author and the report).

use super::url::{web_address, UrlError};
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
}

impl CheckerProfile {
    /// A profile from what was typed: fields trimmed, the address checked when given.
    pub fn new(name: &str, organisation: &str, url: &str) -> Result<CheckerProfile, UrlError> {
        let url = if url.trim().is_empty() { String::new() } else { web_address(url)? };
        Ok(CheckerProfile { name: name.trim().to_string(), organisation: organisation.trim().to_string(), url })
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.organisation.is_empty() && self.url.is_empty()
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn new_trims_and_checks_the_address() {
        let p = CheckerProfile::new(" Ann ", " Factcheck Desk ", " https://desk.example ").unwrap();
        assert_eq!(p, CheckerProfile { name: "Ann".into(), organisation: "Factcheck Desk".into(), url: "https://desk.example".into() });
        assert_eq!(p.byline(), "Ann, Factcheck Desk");
        assert!(CheckerProfile::new("Ann", "", "desk.example").is_err());
        assert_eq!(CheckerProfile::new("", "Desk", "").unwrap().byline(), "Desk");
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
