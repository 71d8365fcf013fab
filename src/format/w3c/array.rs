//! Reading a top-level array of W3C annotations one element at a time, so that a large file is never held as one tree.

use super::read::{item, looks_like_annotation};
use super::{W3cAnnotation, W3cError};
use crate::format::peer::Skipped;
use serde_json::Value;

/// The elements of a top-level array read as W3C annotations, one at a time.
#[derive(Default)]
pub struct ArrayItems {
    n: usize,
    any: bool,
    first_bad: Option<usize>,
    skipped: Skipped,
}

impl ArrayItems {
    /// The next element: its annotation, or `None` when it is skipped or malformed.
    pub fn push(&mut self, v: &Value) -> Option<W3cAnnotation> {
        self.n += 1;
        self.any |= looks_like_annotation(v);
        match item(v) {
            // After a malformed one the rest are only checked: the import fails anyway.
            Some(Ok(a)) if self.first_bad.is_none() => Some(a),
            Some(Ok(_)) => None,
            Some(Err(reason)) => {
                self.skipped.add(reason);
                None
            }
            None => {
                self.first_bad = self.first_bad.or(Some(self.n));
                None
            }
        }
    }

    /// What was skipped, or why the array is not W3C annotations.
    pub fn finish(self) -> Result<Skipped, W3cError> {
        match (self.n, self.any, self.first_bad) {
            (0, _, _) => Ok(self.skipped),
            (_, false, _) => Err(W3cError::NotW3c),
            (_, true, Some(i)) => Err(W3cError::NoTarget(i)),
            (_, true, None) => Ok(self.skipped),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, W3cFile};
    use super::*;
    use crate::format::json_array::each_element;

    /// The array read element by element, as the import reads it, each annotation handed to `sink`.
    fn read_array_into(json: &str, sink: &mut dyn FnMut(W3cAnnotation)) -> Result<Skipped, W3cError> {
        let mut items = ArrayItems::default();
        each_element(json, &mut |v| {
            if let Some(a) = items.push(&v) {
                sink(a)
            }
        })
        .map_err(W3cError::Json)?;
        items.finish()
    }

    #[test]
    fn array_reader_agrees_with_the_tree_reader() {
        let one = r#"{"type":"Annotation","id":"a","body":{"type":"TextualBody","purpose":"tagging","value":"figure"},"target":{"selector":{"type":"TextQuoteSelector","exact":"x"}}}"#;
        for doc in [
            format!("[{one},{one}]"),
            "[]".to_string(),
            "[1, 2]".to_string(),
            format!("[{one}, {{\"type\":\"Annotation\"}}]"),
            format!("[{one}, {{\"type\":\"Annotation\",\"target\":\"http://x\"}}]"),
            "[{\"a\":1}".to_string(),
        ] {
            let mut read = Vec::new();
            let streamed = read_array_into(&doc, &mut |a| read.push(a)).map(|skipped| W3cFile { annotations: read, skipped });
            assert_eq!(streamed, parse(&doc), "{doc}");
        }
    }

    #[test]
    fn skipped_elements_are_counted_not_handed_over() {
        let good = r#"{"target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}"#;
        let page_note = r#"{"type": "Annotation", "target": "http://example.org/page"}"#;
        let image = r#"{"type": "Annotation", "target": {"selector": {"type": "SvgSelector", "value": "<svg/>"}}}"#;
        let mut streamed = 0;
        let list = format!("[{good}, {page_note}, {image}]");
        assert_eq!(read_array_into(&list, &mut |_| streamed += 1).map(|s| s.total()), Ok(2));
        assert_eq!(streamed, 1);
    }
}
