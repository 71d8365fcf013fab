//! A JSON syntax error with the line and column a person can look up.

use std::fmt;

/// Malformed JSON: where, and what serde_json said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        let full = e.to_string();
        // serde_json appends " at line L column C"; we report those separately.
        let message = full.split(" at line ").next().unwrap_or(&full).to_string();
        JsonError { line: e.line(), column: e.column(), message }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}
