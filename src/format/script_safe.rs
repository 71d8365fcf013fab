//! JSON that is safe inside an HTML `<script type="application/ld+json">` element.
//!
//! Publishers paste JSON-LD exports into their pages. A value holding `</script>` (a speaker
//! or claim someone typed or imported) would end the element and run what follows, so `<`,
//! `>` and `&` are written as JSON escapes; the parsed JSON is the same. U+2028 and U+2029
//! are escaped too, for pages that embed the JSON in a JavaScript string.

/// The same JSON with `<`, `>`, `&`, U+2028 and U+2029 escaped. These characters only occur
/// inside JSON strings, so escaping them in the text never changes its meaning.
pub fn script_safe(json: String) -> String {
    if !json.contains(['<', '>', '&', '\u{2028}', '\u{2029}']) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn nothing_that_ends_a_script_element_survives_and_the_json_is_the_same() {
        let value = json!({"speaker": "</script><svg onload=alert(1)>", "a&b": ["<!--", "x\u{2028}y", "plain"]});
        let safe = script_safe(serde_json::to_string_pretty(&value).unwrap());
        assert!(!safe.contains(['<', '>', '&', '\u{2028}']), "{safe}");
        assert_eq!(serde_json::from_str::<Value>(&safe).unwrap(), value);
        assert_eq!(script_safe("{\"a\": 1}".into()), "{\"a\": 1}");
    }
}
