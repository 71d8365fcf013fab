//! Annotation ids: new ones are UUID v4; imported ones may be any token without whitespace.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Longest id accepted from a file, in bytes.
const MAX_ID_LEN: usize = 256;

/// An annotation's identity. Never empty and never contains whitespace, because the DOM
/// contract lists ids space-separated in `data-annotation-ids`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct AnnotationId(String);

/// Why a string is not a usable annotation id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    Empty,
    Whitespace(String),
    TooLong(usize),
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => f.write_str("an annotation has an empty id"),
            IdError::Whitespace(id) => write!(f, "the annotation id {id:?} contains whitespace"),
            IdError::TooLong(n) => write!(f, "an annotation id is {n} bytes long (at most {MAX_ID_LEN})"),
        }
    }
}

impl std::error::Error for IdError {}

impl AnnotationId {
    pub fn parse(s: &str) -> Result<AnnotationId, IdError> {
        if s.is_empty() {
            Err(IdError::Empty)
        } else if s.len() > MAX_ID_LEN {
            Err(IdError::TooLong(s.len()))
        } else if s.chars().any(char::is_whitespace) {
            Err(IdError::Whitespace(s.to_string()))
        } else {
            Ok(AnnotationId(s.to_string()))
        }
    }

    /// A random UUID v4 from 16 random bytes (the UI draws them from `crypto.getRandomValues`).
    pub fn new_v4(mut bytes: [u8; 16]) -> AnnotationId {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let h: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        AnnotationId(format!("{}-{}-{}-{}-{}", &h[0..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32]))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for AnnotationId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        AnnotationId::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_layout() {
        let id = AnnotationId::new_v4([0xff; 16]);
        assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = AnnotationId::new_v4([0; 16]);
        assert_eq!(id.as_str(), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn parse_rules() {
        assert_eq!(AnnotationId::parse(""), Err(IdError::Empty));
        assert!(matches!(AnnotationId::parse("a b"), Err(IdError::Whitespace(_))));
        assert!(matches!(AnnotationId::parse(&"x".repeat(300)), Err(IdError::TooLong(300))));
        assert_eq!(AnnotationId::parse("anno-1000-0001").unwrap().as_str(), "anno-1000-0001");
        assert!(serde_json::from_str::<AnnotationId>("\"has space\"").is_err());
    }
}
