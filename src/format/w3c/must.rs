//! The W3C Web Annotation Data Model's MUST rules, as a checker for tests: exports are held to it, and it is held to the W3C test suite's samples.

use serde_json::Value;

const MOTIVATIONS: [&str; 13] = [
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
];

/// Every violation in a document: an annotation, or a collection with its embedded pages.
pub fn violations(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    check_context(doc, &mut out);
    if has_type(doc, "AnnotationCollection") {
        collection(doc, &mut out);
    } else if has_type(doc, "AnnotationPage") {
        page(doc, &mut out);
    } else {
        annotation(doc, &mut out);
    }
    out
}

fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    many(v.get("type")).iter().any(|x| x.as_str() == Some(t))
}

fn is_iri(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    let Some((scheme, rest)) = s.split_once(':') else { return false };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || "<>\"{}|\\^`".contains(c))
}

fn is_date_time(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() < 19 || !digits(0..4) || b[4] != b'-' || !digits(5..7) || b[7] != b'-' || !digits(8..10) || b[10] != b'T' {
        return false;
    }
    if !digits(11..13) || b[13] != b':' || !digits(14..16) || b[16] != b':' || !digits(17..19) {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    rest.is_empty() || rest == "Z" || (rest.len() == 6 && rest.as_bytes()[3] == b':' && rest.starts_with(['+', '-']))
}

fn check_context(doc: &Value, out: &mut Vec<String>) {
    const ANNO: &str = "http://www.w3.org/ns/anno.jsonld";
    match doc.get("@context") {
        Some(Value::String(s)) if s == ANNO => {}
        Some(Value::Array(a)) if a.len() > 1 && a.iter().any(|c| c.as_str() == Some(ANNO)) => {}
        Some(Value::Array(a)) if a.len() == 1 => out.push("a single @context MUST be a string".into()),
        _ => out.push(format!("@context MUST include {ANNO}")),
    }
}

fn one_iri_id(v: &Value, what: &str, out: &mut Vec<String>) {
    match v.get("id") {
        Some(id) if is_iri(id) => {}
        Some(Value::Array(_)) => out.push(format!("{what}: MUST have exactly one id")),
        Some(_) => out.push(format!("{what}: its id MUST be an IRI")),
        None => out.push(format!("{what}: MUST have an id")),
    }
}

fn collection(v: &Value, out: &mut Vec<String>) {
    one_iri_id(v, "AnnotationCollection", out);
    if let Some(total) = v.get("total") {
        if !total.is_u64() {
            out.push("AnnotationCollection: total MUST be a non-negative integer".into());
        }
    }
    match v.get("first") {
        Some(p @ Value::Object(_)) => page(p, out),
        Some(p) if is_iri(p) => {}
        Some(_) => out.push("AnnotationCollection: first MUST be a page or its IRI".into()),
        None if v.get("total").and_then(Value::as_u64).unwrap_or(0) > 0 => out.push("AnnotationCollection: first is missing".into()),
        None => {}
    }
}

fn page(v: &Value, out: &mut Vec<String>) {
    one_iri_id(v, "AnnotationPage", out);
    if !has_type(v, "AnnotationPage") {
        out.push("AnnotationPage: MUST have the type AnnotationPage".into());
    }
    match v.get("items") {
        Some(Value::Array(items)) => items.iter().for_each(|a| annotation(a, out)),
        _ => out.push("AnnotationPage: MUST have items".into()),
    }
    if v.get("startIndex").is_some_and(|s| !s.is_u64()) {
        out.push("AnnotationPage: startIndex MUST be a non-negative integer".into());
    }
    match v.get("next") {
        Some(n @ Value::Object(_)) => page(n, out),
        Some(n) if !is_iri(n) => out.push("AnnotationPage: next MUST be a page or its IRI".into()),
        _ => {}
    }
}

fn annotation(v: &Value, out: &mut Vec<String>) {
    let Some(o) = v.as_object() else { return out.push("an annotation MUST be an object".into()) };
    one_iri_id(v, "Annotation", out);
    if !has_type(v, "Annotation") {
        out.push("Annotation: MUST have the type Annotation".into());
    }
    let targets = many(o.get("target"));
    if targets.is_empty() {
        out.push("Annotation: MUST have a target".into());
    }
    for t in targets {
        resource(t, "target", out);
    }
    for b in many(o.get("body")) {
        resource(b, "body", out);
    }
    for m in many(o.get("motivation")) {
        if !m.as_str().is_some_and(|m| MOTIVATIONS.contains(&m)) && !is_iri(m) {
            out.push(format!("Annotation: {m} is not a motivation"));
        }
    }
    for key in ["created", "modified", "generated"] {
        if o.get(key).is_some_and(|d| !is_date_time(d)) {
            out.push(format!("Annotation: {key} MUST be an xsd:dateTime"));
        }
    }
    for key in ["creator", "generator"] {
        for agent in many(o.get(key)) {
            if !(agent.is_object() || is_iri(agent)) {
                out.push(format!("Annotation: {key} MUST be an agent or its IRI"));
            }
        }
    }
    for key in ["rights", "via", "canonical"] {
        if many(o.get(key)).iter().any(|r| !is_iri(r)) {
            out.push(format!("Annotation: {key} MUST be an IRI"));
        }
    }
}

/// A body or target: an IRI, a textual body, a specific resource or an external resource.
fn resource(v: &Value, what: &str, out: &mut Vec<String>) {
    match v {
        Value::String(_) if is_iri(v) => {}
        Value::Object(o) => {
            if has_type(v, "TextualBody") && !o.get("value").is_some_and(Value::is_string) {
                out.push(format!("{what}: a TextualBody MUST have a value"));
            }
            if has_type(v, "Choice") || has_type(v, "List") || has_type(v, "Composite") || has_type(v, "Independents") {
                many(o.get("items")).into_iter().for_each(|i| resource(i, what, out));
                return;
            }
            if has_type(v, "SpecificResource") && o.get("source").is_none() {
                out.push(format!("{what}: a SpecificResource MUST have a source"));
            }
            if let Some(s) = o.get("source") {
                if !(is_iri(s) || s.is_object()) {
                    out.push(format!("{what}: its source MUST be an IRI"));
                }
            }
            if !has_type(v, "TextualBody") && o.get("source").is_none() && o.get("id").is_some_and(|id| !is_iri(id)) {
                out.push(format!("{what}: its id MUST be an IRI"));
            }
            for p in many(o.get("purpose")) {
                if !p.as_str().is_some_and(|p| MOTIVATIONS.contains(&p)) && !is_iri(p) {
                    out.push(format!("{what}: {p} is not a purpose"));
                }
            }
            for s in many(o.get("selector")) {
                selector(s, out);
            }
        }
        _ => out.push(format!("{what}: MUST be an IRI or a resource")),
    }
}

fn selector(s: &Value, out: &mut Vec<String>) {
    if is_iri(s) {
        return;
    }
    let Some(o) = s.as_object() else { return out.push("a selector MUST be an object or its IRI".into()) };
    let string = |k: &str| o.get(k).is_some_and(Value::is_string);
    let ok = if has_type(s, "FragmentSelector") || has_type(s, "CssSelector") || has_type(s, "XPathSelector") || has_type(s, "SvgSelector")
    {
        string("value") || (has_type(s, "SvgSelector") && o.contains_key("id"))
    } else if has_type(s, "TextQuoteSelector") {
        string("exact") && ["prefix", "suffix"].iter().all(|k| o.get(*k).is_none_or(Value::is_string))
    } else if has_type(s, "TextPositionSelector") || has_type(s, "DataPositionSelector") {
        o.get("start").is_some_and(Value::is_u64) && o.get("end").is_some_and(Value::is_u64)
    } else if has_type(s, "RangeSelector") {
        o.contains_key("startSelector") && o.contains_key("endSelector")
    } else {
        true
    };
    if !ok {
        out.push(format!("{} is missing what it MUST have", o.get("type").map(Value::to_string).unwrap_or_default()));
    }
    if let Some(r) = o.get("refinedBy") {
        many(Some(r)).into_iter().for_each(|r| selector(r, out));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_w3c_test_suite_agrees_with_the_checker() {
        let Some(dir) = crate::testing::shared("conformance/w3c-annotation/test-samples") else { return };
        let mut seen = (0, 0);
        for (folder, valid) in [("correct", true), ("incorrect", false)] {
            for entry in std::fs::read_dir(dir.join(folder)).unwrap() {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap();
                let found = match serde_json::from_str::<Value>(&text) {
                    Ok(doc) => violations(&doc),
                    Err(e) => vec![format!("not JSON: {e}")],
                };
                assert_eq!(found.is_empty(), valid, "{}: {found:?}", path.display());
                if valid {
                    seen.0 += 1
                } else {
                    seen.1 += 1
                }
            }
        }
        assert!(seen.0 >= 40 && seen.1 >= 35, "{seen:?}");
    }
}
