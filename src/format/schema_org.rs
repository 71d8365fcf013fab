//! A schema.org checker for tests: every property of every typed object exists on its type and holds a value of an allowed type.

use serde_json::Value;

const CREATIVE_WORKS: [&str; 5] = ["CreativeWork", "NewsArticle", "Article", "Claim", "WebPage"];
const AGENTS: [&str; 2] = ["Person", "Organization"];

/// The property names a type has, from the extract of schema.org in `../shared`.
fn properties(schema: &Value, t: &str) -> Option<Vec<String>> {
    // A list of names, or an object keyed by them (properties with what they expect).
    let list = |v: &Value| match v {
        Value::Object(o) => Some(o.keys().cloned().collect::<Vec<_>>()),
        _ => v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect::<Vec<_>>()),
    };
    let class = |c: &str, key: &str| list(&schema["classes"][c][key]).unwrap_or_default();
    let thing = class("Thing", "all_own_property_names");
    let work = [class("CreativeWork", "all_own_property_names"), thing.clone()].concat();
    match t {
        "ClaimReview" => list(&schema["ClaimReview_all_valid_property_names_including_inherited"]),
        "Claim" => list(&schema["Claim_all_valid_property_names_including_inherited"]),
        "Rating" => list(&schema["Rating_all_valid_property_names_including_inherited"]),
        "Review" => Some([class("Review", "own_properties"), work].concat()),
        "NewsArticle" | "CreativeWork" => Some(work),
        "Person" | "Organization" => Some([class(t, "own_properties_subset"), thing].concat()),
        _ => None,
    }
}

fn typed(v: &Value, types: &[&str]) -> bool {
    v.get("@type").and_then(Value::as_str).is_some_and(|t| types.contains(&t))
}

fn is_url(v: &Value) -> bool {
    v.as_str().is_some_and(|s| s.starts_with("https://") || s.starts_with("http://"))
}

/// Whether `v` is an allowed value of `key`, as far as this checker knows the property.
fn allowed_value(key: &str, v: &Value) -> bool {
    match key {
        "url" | "sameAs" => is_url(v),
        "claimReviewed" | "reviewBody" | "name" | "alternateName" | "headline" | "inLanguage" | "datePublished" | "description" => {
            v.is_string()
        }
        "ratingValue" | "bestRating" | "worstRating" => v.is_number() || v.is_string(),
        "reviewRating" => typed(v, &["Rating"]),
        "itemReviewed" => v.get("@type").is_some(),
        "author" | "publisher" => typed(v, &AGENTS),
        "appearance" | "firstAppearance" => typed(v, &CREATIVE_WORKS) || is_url(v),
        "citation" => typed(v, &CREATIVE_WORKS) || v.is_string(),
        "negativeNotes" | "positiveNotes" => v.is_string() || typed(v, &["ItemList", "ListItem", "WebContent"]),
        _ => true,
    }
}

/// Every violation in `doc` and the objects it holds.
pub fn violations(doc: &Value, schema: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(doc, schema, &mut out);
    out
}

fn walk(v: &Value, schema: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk(i, schema, out)),
        Value::Object(o) => {
            let Some(t) = o.get("@type").and_then(Value::as_str) else {
                return out.push(format!("an object without @type: {v}"));
            };
            let Some(props) = properties(schema, t) else { return out.push(format!("{t}: a type this checker does not know")) };
            for (key, value) in o {
                if key.starts_with('@') {
                    continue;
                }
                if !props.iter().any(|p| p == key) {
                    out.push(format!("{t}.{key}: not a property of {t}"));
                }
                let values: Vec<&Value> = match value {
                    Value::Array(a) => a.iter().collect(),
                    one => vec![one],
                };
                for one in values {
                    if !allowed_value(key, one) {
                        out.push(format!("{t}.{key}: {one} is not an allowed value"));
                    }
                    if one.is_object() {
                        walk(one, schema, out);
                    }
                }
            }
        }
        _ => {}
    }
}
