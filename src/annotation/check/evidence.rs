//! Evidence: a web page that supports a verdict, with an optional title.

use super::url::{web_address, UrlError};
use serde::{Deserialize, Serialize};

/// One piece of evidence. Build it with [`Evidence::new`], which checks the address; a file
/// with an address that is not http or https is refused when read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawEvidence")]
pub struct Evidence {
    pub url: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
}

#[derive(Deserialize)]
struct RawEvidence {
    url: String,
    #[serde(default)]
    title: String,
}

impl TryFrom<RawEvidence> for Evidence {
    type Error = UrlError;

    fn try_from(raw: RawEvidence) -> Result<Self, UrlError> {
        Evidence::new(&raw.url, &raw.title)
    }
}

impl Evidence {
    /// Checks the address (see [`web_address`]) and trims both fields; the title may be empty.
    pub fn new(url: &str, title: &str) -> Result<Evidence, UrlError> {
        Ok(Evidence { url: web_address(url)?, title: title.split_whitespace().collect::<Vec<_>>().join(" ") })
    }

    /// What to show for the link: the title, or the address when there is none.
    pub fn label(&self) -> &str {
        if self.title.is_empty() {
            &self.url
        } else {
            &self.title
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn new_checks_the_address_and_tidies_the_title() {
        let e = Evidence::new(" https://example.org/report ", "  Annual\n report ").unwrap();
        assert_eq!((e.url.as_str(), e.title.as_str(), e.label()), ("https://example.org/report", "Annual report", "Annual report"));
        assert_eq!(Evidence::new("https://example.org", "").unwrap().label(), "https://example.org");
        let err = Evidence::new("x", "t").unwrap_err();
        assert_eq!(err.to_string(), "“x” is not a web address (it must start with http:// or https://)");
    }

    #[test]
    fn json_shape_and_validation_on_read() {
        let e = Evidence::new("https://example.org", "").unwrap();
        assert_eq!(serde_json::to_value(&e).unwrap(), json!({"url": "https://example.org"}));
        let back: Evidence = serde_json::from_value(json!({"url": "https://a.org", "title": "T"})).unwrap();
        assert_eq!(back.title, "T");
        assert!(serde_json::from_value::<Evidence>(json!({"url": "javascript:alert(1)"})).is_err());
        assert!(serde_json::from_value::<Evidence>(json!({"title": "no url"})).is_err());
    }
}
