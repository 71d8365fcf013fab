//! Web addresses given as evidence or sources: only http and https, with a site name.
//!
//! The addresses are shown as links, in the panel and in the Markdown report, so anything
//! else (`javascript:`, `data:`, `file:`) is refused when it is typed and when it is read
//! from a file. Characters RFC 3986 never allows unescaped (spaces, `<>"\^`{|}`) are
//! refused too: they would also let an address break out of a Markdown link.

use serde::{Deserialize, Deserializer};
use std::fmt;

/// Why a text is not a usable web address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    Empty,
    /// Not `http://` or `https://`.
    NotWeb(String),
    /// `http://` with no site name after it.
    NoHost(String),
    /// A space or another character that must be percent-encoded.
    BadCharacter {
        url: String,
        ch: char,
    },
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => f.write_str("Enter a web address (starting with http:// or https://)."),
            UrlError::NotWeb(u) => write!(f, "“{u}” is not a web address (it must start with http:// or https://)"),
            UrlError::NoHost(u) => write!(f, "“{u}” has no site name after the “//” (for example https://example.org/page)"),
            UrlError::BadCharacter { url, ch } if ch.is_whitespace() => {
                write!(f, "“{url}” contains a space; copy the address from the browser’s address bar")
            }
            UrlError::BadCharacter { url, ch } => {
                write!(f, "“{url}” contains “{ch}”, which a web address cannot hold; copy it from the browser’s address bar")
            }
        }
    }
}

impl std::error::Error for UrlError {}

/// Checks a web address and returns it trimmed: `http` or `https` (any case), `//`, then
/// a site name (after optional `user@`, before an optional `:port`).
pub fn web_address(raw: &str) -> Result<String, UrlError> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(UrlError::Empty);
    }
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| url.get(..scheme.len()).filter(|s| s.eq_ignore_ascii_case(scheme)).map(|_| &url[scheme.len()..]))
        .ok_or_else(|| UrlError::NotWeb(url.to_string()))?;
    if let Some(ch) = url.chars().find(|&c| c.is_whitespace() || c.is_control() || "<>\"\\^`{|}".contains(c)) {
        return Err(UrlError::BadCharacter { url: url.to_string(), ch });
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    if host.is_empty() || host.starts_with('.') || host.chars().all(|c| c == '.') {
        return Err(UrlError::NoHost(url.to_string()));
    }
    Ok(url.to_string())
}

/// An address as a person types it: one without its scheme ("www.bbc.co.uk/news/1") gets
/// `https://`, as a browser's address bar would do; then checked as [`web_address`].
pub fn typed_web_address(raw: &str) -> Result<String, UrlError> {
    let t = raw.trim();
    let host = t.split('/').next().unwrap_or("");
    let bare = !t.contains("://") && host.contains('.') && !host.starts_with('.');
    if bare && host.chars().all(|c| c.is_alphanumeric() || ".-:".contains(c)) {
        web_address(&format!("https://{t}"))
    } else {
        web_address(t)
    }
}

/// Reads an optional address from a file, refusing one that is not a web address.
pub(super) fn deserialize_optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => web_address(&s).map(Some).map_err(serde::de::Error::custom),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_addresses_get_their_scheme() {
        assert_eq!(typed_web_address(" www.bbc.co.uk/news/1 ").as_deref(), Ok("https://www.bbc.co.uk/news/1"));
        assert_eq!(typed_web_address("example.org").as_deref(), Ok("https://example.org"));
        assert_eq!(typed_web_address("http://a.example/x").as_deref(), Ok("http://a.example/x"));
        assert!(typed_web_address("javascript:alert(1)").is_err());
        assert!(typed_web_address("not an address").is_err());
        assert!(web_address("www.bbc.co.uk").is_err(), "files are read strictly");
    }

    #[test]
    fn web_addresses_are_accepted_and_trimmed() {
        for ok in [
            "https://example.org",
            "http://example.org/a?b=c#d",
            "HTTPS://Example.org/Path",
            "https://user@example.org:8080/x",
            "https://[2001:db8::1]/",
            "https://президент.укр/новини",
            "https://localhost",
        ] {
            assert_eq!(web_address(ok).as_deref(), Ok(ok), "{ok}");
        }
        assert_eq!(web_address("  https://example.org/x \n").as_deref(), Ok("https://example.org/x"));
    }

    #[test]
    fn everything_else_is_refused_with_a_reason() {
        assert_eq!(web_address("  "), Err(UrlError::Empty));
        for bad in ["javascript:alert(1)", "data:text/html,x", "ftp://example.org", "example.org", "file:///etc/passwd", "//example.org"] {
            assert_eq!(web_address(bad), Err(UrlError::NotWeb(bad.to_string())), "{bad}");
        }
        for bad in ["https://", "http:///path", "https://:80/", "https://user@/x", "https://.../"] {
            assert_eq!(web_address(bad), Err(UrlError::NoHost(bad.to_string())), "{bad}");
        }
        assert!(matches!(web_address("https://a.org/x y"), Err(UrlError::BadCharacter { ch: ' ', .. })));
        assert!(matches!(web_address("https://a.org/<script>"), Err(UrlError::BadCharacter { ch: '<', .. })));
        assert!(matches!(web_address("https://a.org/a)b\\c"), Err(UrlError::BadCharacter { ch: '\\', .. })));
    }

    #[test]
    fn messages_say_what_to_do() {
        assert_eq!(UrlError::NotWeb("x".into()).to_string(), "“x” is not a web address (it must start with http:// or https://)");
        assert!(UrlError::BadCharacter { url: "u".into(), ch: ' ' }.to_string().contains("contains a space"));
        assert!(UrlError::NoHost("https://".into()).to_string().contains("no site name"));
        assert!(UrlError::Empty.to_string().contains("http://"));
    }
}
