//! The article's details as the checker edits them: where it was published, by whom and
//! when. They never change the text, so annotations stay where they are.

use super::Workspace;
use crate::annotation::{typed_web_address, UrlError};
use crate::article::published::is_iso_date;
use crate::article::Article;
use std::fmt;

/// The details form, field by field, as typed (authors separated by commas or semicolons).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailsForm {
    pub url: String,
    pub outlet: String,
    pub authors: String,
    /// `YYYY-MM-DD`, or a date-time `YYYY-MM-DDTHH:MM[:SS]`.
    pub published: String,
    pub language: String,
}

/// Which field is wrong and why; shown next to that field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DetailsError {
    Url(UrlError),
    Published(String),
    Language(String),
}

impl DetailsError {
    /// The form field the error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            DetailsError::Url(_) => "url",
            DetailsError::Published(_) => "published",
            DetailsError::Language(_) => "language",
        }
    }
}

impl fmt::Display for DetailsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DetailsError::Url(e) => write!(f, "{e}"),
            DetailsError::Published(v) => write!(f, "“{v}” is not a date; write it as 2025-02-04 (or 2025-02-04T20:58)"),
            DetailsError::Language(v) => write!(f, "“{v}” is not a language code; use one like en, uk, ar or pt-BR"),
        }
    }
}

impl std::error::Error for DetailsError {}

/// `YYYY-MM-DD` alone, or with a time `HH:MM` or `HH:MM:SS`: (date, date-time).
fn parse_published(v: &str) -> Option<(String, Option<String>)> {
    let (date, time) = v.split_once(['T', ' ']).map_or((v, None), |(d, t)| (d, Some(t)));
    if !is_iso_date(date) {
        return None;
    }
    let Some(time) = time else { return Some((date.to_string(), None)) };
    let time = if time.len() == 5 { format!("{time}:00") } else { time.to_string() };
    let b = time.as_bytes();
    let ok = b.len() == 8 && b[2] == b':' && b[5] == b':' && b.iter().enumerate().all(|(i, c)| i == 2 || i == 5 || c.is_ascii_digit());
    let (h, m, s) = (time.get(..2)?.parse::<u32>().ok()?, time.get(3..5)?.parse::<u32>().ok()?, time.get(6..)?.parse::<u32>().ok()?);
    (ok && h < 24 && m < 60 && s < 60).then(|| (date.to_string(), Some(format!("{date}T{time}"))))
}

/// A BCP 47 tag in its usual shape: letters, digits and hyphens, a 2–3 letter language first.
fn is_language_tag(v: &str) -> bool {
    let mut parts = v.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl DetailsForm {
    /// An article's details as the form shows them.
    pub fn of(a: &Article) -> DetailsForm {
        DetailsForm {
            url: a.url.clone().unwrap_or_default(),
            outlet: a.outlet.clone().unwrap_or_default(),
            authors: a.authors.join(", "),
            published: a.published.clone().or_else(|| a.date.clone()).unwrap_or_default(),
            language: a.language.clone().unwrap_or_default(),
        }
    }
}

impl Workspace {
    pub fn details_form(&self) -> DetailsForm {
        DetailsForm::of(&self.article)
    }

    /// Checks every field and, only when all are right, sets them. Empty fields clear.
    pub fn set_details(&mut self, form: &DetailsForm) -> Result<(), DetailsError> {
        let url = match form.url.trim() {
            "" => None,
            raw => Some(typed_web_address(raw).map_err(DetailsError::Url)?),
        };
        let (date, published) = match form.published.trim() {
            "" => (None, None),
            v => {
                let (d, t) = parse_published(v).ok_or_else(|| DetailsError::Published(v.to_string()))?;
                (Some(d), t)
            }
        };
        let language = match form.language.trim() {
            "" => None,
            v if is_language_tag(v) => Some(v.to_string()),
            v => return Err(DetailsError::Language(v.to_string())),
        };
        let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let a = &mut self.article;
        a.url = url;
        a.outlet = Some(fold(&form.outlet)).filter(|o| !o.is_empty());
        a.authors = form.authors.split([',', ';']).map(fold).filter(|s| !s.is_empty()).collect();
        (a.date, a.published) = (date, published);
        a.language = language;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(url: &str, published: &str, language: &str) -> DetailsForm {
        DetailsForm {
            url: url.into(),
            outlet: " The  Daily ".into(),
            authors: "Ann Lee, Bo Chen;".into(),
            published: published.into(),
            language: language.into(),
        }
    }

    #[test]
    fn details_are_checked_then_set_and_the_text_never_changes() {
        let mut w = Workspace::new(Article::default_article());
        let sha = w.sha256().to_string();
        w.set_details(&form("www.bbc.co.uk/news/1", "2025-02-04T20:58", "en-GB")).unwrap();
        let a = w.article();
        assert_eq!(a.url.as_deref(), Some("https://www.bbc.co.uk/news/1"), "the missing scheme is added");
        assert_eq!(a.outlet.as_deref(), Some("The Daily"));
        assert_eq!(a.authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!((a.date.as_deref(), a.published.as_deref()), (Some("2025-02-04"), Some("2025-02-04T20:58:00")));
        assert_eq!(w.sha256(), sha);
        assert_eq!(w.details_form().published, "2025-02-04T20:58:00");

        let before = w.article().clone();
        for (bad, field) in [
            (form("javascript:alert(1)", "", ""), "url"),
            (form("", "4 Feb", ""), "published"),
            (form("", "2025-02-04T25:00", ""), "published"),
            (form("", "", "English!"), "language"),
        ] {
            assert_eq!(w.set_details(&bad).unwrap_err().field(), field);
            assert_eq!(w.article(), &before, "a wrong field changes nothing");
        }
        w.set_details(&DetailsForm::default()).unwrap();
        assert_eq!((w.article().url.clone(), w.article().date.clone(), w.article().authors.len()), (None, None, 0));
    }
}
