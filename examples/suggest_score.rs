//! Scores the suggestions on a labelled corpus (the shape of `../shared/corpus/suggestions-dev.json`):
//! figure values (value right, value and unit right) and quote speakers (right among those
//! suggested, and found among all).
//!
//! `cargo run --release --example suggest_score -- ../shared/corpus/suggestions-dev.json`

use factmark::annotation::Unit;
use factmark::suggest::{parse_figure, suggest_speaker};
use factmark::text::CharRange;

fn unit_name(u: &Unit) -> String {
    match u {
        Unit::Currency(c) => c.clone(),
        Unit::Percent => "percent".into(),
        Unit::Year => "year".into(),
        Unit::Count => "count".into(),
        Unit::Other(o) => o.to_lowercase(),
    }
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/suggestions-dev.json".into());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let v: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
    let (mut figures, mut value_ok, mut unit_ok) = (0, 0, 0);
    let (mut quotes, mut suggested, mut right) = (0, 0, 0);
    for a in v["articles"].as_array().into_iter().flatten() {
        let text: String = a["paragraphs"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).collect::<Vec<_>>().join("\n\n");
        let chars: Vec<char> = text.chars().collect();
        for f in a["figures"].as_array().into_iter().flatten() {
            figures += 1;
            let want = f["value"].as_f64().unwrap_or(f64::NAN);
            let got = parse_figure(f["exact"].as_str().unwrap_or(""));
            let close = got.as_ref().is_some_and(|g| (g.value - want).abs() <= want.abs() * 1e-3 + 1e-9);
            value_ok += usize::from(close);
            let unit = f["unit"].as_str().unwrap_or("").to_lowercase();
            unit_ok += usize::from(close && got.as_ref().is_some_and(|g| unit_name(&g.unit) == unit));
            if !close {
                eprintln!(
                    "figure  {:?}: want {want} {unit}, got {:?}",
                    f["exact"].as_str().unwrap_or(""),
                    got.map(|g| (g.value, unit_name(&g.unit)))
                );
            }
        }
        for q in a["quotes"].as_array().into_iter().flatten() {
            let exact = q["exact"].as_str().unwrap_or("");
            let Some(byte) = text.find(exact) else { continue };
            quotes += 1;
            let s = text[..byte].chars().count();
            let range = CharRange::new(s, s + exact.chars().count()).expect("a range");
            let want = q["speaker"].as_str().unwrap_or("").to_lowercase();
            if let Some(got) = suggest_speaker(&chars, range) {
                suggested += 1;
                let g = got.to_lowercase();
                let ok = g.contains(&want) || (!g.is_empty() && want.contains(&g) && g.split_whitespace().count() > 1);
                right += usize::from(ok);
                if !ok {
                    eprintln!("speaker {exact:?}: want {want:?}, got {got:?}");
                }
            } else {
                eprintln!("speaker {exact:?}: want {want:?}, got nothing");
            }
        }
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    println!(
        "figures: {figures}; value right {value_ok} ({:.0} %), value and unit right {unit_ok} ({:.0} %)",
        pct(value_ok, figures),
        pct(unit_ok, figures)
    );
    println!(
        "quotes: {quotes}; a speaker suggested for {suggested}, right {right} ({:.0} % of suggestions, {:.0} % of quotes)",
        pct(right, suggested),
        pct(right, quotes)
    );
}
