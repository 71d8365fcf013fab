//! Reading a document whose top level is an array one element at a time, so a large file is never held as one tree.

use super::JsonError;
use serde::de::{Deserializer as _, SeqAccess, Visitor};
use serde_json::Value;

/// Hands each element of the top-level array in `json` to `f` as soon as it is read: a 20 MB
/// file needs about one element's worth of tree at a time. A document that is not an array,
/// or not valid JSON, is an error (after `f` may have seen some elements).
pub fn each_element(json: &str, f: &mut dyn FnMut(Value)) -> Result<(), JsonError> {
    struct Items<'s>(&'s mut dyn FnMut(Value));
    impl<'de> Visitor<'de> for Items<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while let Some(v) = seq.next_element::<Value>()? {
                (self.0)(v);
            }
            Ok(())
        }
    }
    let mut de = serde_json::Deserializer::from_str(json);
    de.deserialize_seq(Items(f))?;
    de.end()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_come_one_by_one_and_errors_say_where() {
        let mut seen = Vec::new();
        each_element(" [1, {\"a\": 2}, [3]] ", &mut |v| seen.push(v)).unwrap();
        assert_eq!(seen, vec![serde_json::json!(1), serde_json::json!({"a": 2}), serde_json::json!([3])]);
        assert!(each_element("[1, 2] x", &mut |_| {}).is_err(), "trailing characters");
        assert!(each_element("{\"a\": 1}", &mut |_| {}).is_err(), "not an array");
        let e = each_element("[1,\n oops]", &mut |_| {}).unwrap_err();
        assert_eq!(e.line, 2);
    }
}
