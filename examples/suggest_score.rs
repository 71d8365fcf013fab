//! Scores the suggestions on a labelled corpus (the shape of `../shared/corpus/suggestions-dev.json`):
//! figure values (value right, value and unit right) and quote speakers (right among those
//! suggested, and found among all); then the article-wide scan (`suggest::scan`): precision,
//! recall and F1 of the figures, quotes and claims it suggests. A figure or quote counts when
//! its text is the labelled one (surrounding punctuation aside); a claim when it shares at
//! least half of the words of a labelled claim and half of its own words are in it.
//!
//! First the project's own labelled sets (`tests/fixtures/suggest/`: figures, speakers,
//! check-worthiness with precision, recall, F1 and average precision).
//!
//! `cargo run --release --example suggest_score -- [-v] [../shared/corpus/suggestions-dev.json]`

use factmark::annotation::Tag;
use factmark::annotation::Unit;
use factmark::suggest::{eval, parse_figure, scan, suggest_speaker, DateOrder};
use factmark::text::CharRange;

fn unit_name(u: &Unit) -> String {
    match u {
        Unit::Currency(c) => c.to_lowercase(),
        Unit::Percent => "percent".into(),
        Unit::Year => "year".into(),
        Unit::Date(_) => "date".into(),
        Unit::Count => "count".into(),
        Unit::Other(o) => o.to_lowercase(),
    }
}

/// The project's own labelled sets (`tests/fixtures/suggest/`), scored as the native tests
/// score them; `-v` lists every miss.
fn own_sets(verbose: bool) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/suggest");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).unwrap_or_else(|e| panic!("{dir}/{name}: {e}"));
    let w = eval::check_worthiness(&read("worthiness.tsv"));
    println!(
        "own check-worthiness: {} sentences, precision {:.2}, recall {:.2}, F1 {:.2}; average precision {:.2} (base rate {:.2})",
        w.sentences, w.precision, w.recall, w.f1, w.average_precision, w.base_rate
    );
    if verbose {
        w.misses.iter().for_each(|m| eprintln!("miss {m}"));
    }
    // Written apart from the suggesters and never used to adjust them: the honest number.
    let h = eval::check_worthiness(&read("worthiness-holdout.tsv"));
    println!(
        "own check-worthiness, held out: {} sentences, precision {:.2}, recall {:.2}, F1 {:.2}; average precision {:.2} (base rate {:.2})",
        h.sentences, h.precision, h.recall, h.f1, h.average_precision, h.base_rate
    );
    let f = eval::figures(&read("figures.tsv"));
    for (lang, t) in &f.by_lang {
        println!("own figures {lang}: value and unit right {} of {} ({:.0} %)", t.right, t.all, t.rate() * 100.0);
    }
    println!(
        "own figures, all: value, unit, qualifier and range right {} of {} ({:.0} %)",
        f.whole.right,
        f.whole.all,
        f.whole.rate() * 100.0
    );
    if verbose {
        f.misses.iter().for_each(|m| eprintln!("miss {m}"));
    }
    let hf = eval::figures(&read("figures-holdout.tsv"));
    for (lang, t) in &hf.by_lang {
        println!("own figures, held out, {lang}: value and unit right {} of {} ({:.0} %)", t.right, t.all, t.rate() * 100.0);
    }
    let hs = eval::speakers(&read("attribution-holdout.json")).expect("attribution-holdout.json");
    print_speakers("own speakers, held out", &hs);
    if verbose {
        hf.misses.iter().chain(&hs.misses).for_each(|m| eprintln!("miss held out {m}"));
    }
    let s = eval::speakers(&read("attribution.json")).expect("attribution.json");
    print_speakers("own speakers", &s);
    if verbose {
        s.misses.iter().for_each(|m| eprintln!("miss {m}"));
    }
}

fn print_speakers(what: &str, s: &eval::SpeakerScore) {
    println!(
        "{what}: {} suggested, {} right (precision {:.0} %); {} with a speaker (recall {:.0} %)",
        s.suggested,
        s.right,
        s.precision() * 100.0,
        s.with_speaker,
        s.recall() * 100.0
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    own_sets(args.iter().any(|a| a == "-v"));
    let path = args.iter().find(|a| *a != "-v").cloned().unwrap_or_else(|| "../shared/corpus/suggestions-dev.json".into());
    let Ok(raw) = std::fs::read_to_string(&path) else {
        return println!("{path} is not here: the shared corpus is skipped");
    };
    let v: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
    let (mut figures, mut value_ok, mut unit_ok) = (0, 0, 0);
    let (mut quotes, mut suggested, mut right) = (0, 0, 0);
    // Per tag: (suggested, suggested and right, labelled, labelled and found).
    let mut tally = [(0usize, 0usize, 0usize, 0usize); 3];
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
            if close && got.as_ref().is_some_and(|g| unit_name(&g.unit) != unit) {
                eprintln!(
                    "unit    {:?}: want {unit}, got {:?}",
                    f["exact"].as_str().unwrap_or(""),
                    got.as_ref().map(|g| unit_name(&g.unit))
                );
            }
            if !close {
                eprintln!(
                    "figure  {:?}: want {want} {unit}, got {:?}",
                    f["exact"].as_str().unwrap_or(""),
                    got.map(|g| (g.value, unit_name(&g.unit)))
                );
            }
        }
        score_scan(&chars, a, &mut tally);
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
    for (k, (got, good, want, found)) in tally.iter().enumerate() {
        let (p, r) = (*good as f64 / (*got).max(1) as f64, *found as f64 / (*want).max(1) as f64);
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!(
            "scan {}: {got} suggested, {good} right (precision {:.0} %); {want} labelled, {found} found (recall {:.0} %); F1 {:.2}",
            Tag::ALL[k].as_str(),
            p * 100.0,
            r * 100.0,
            f1
        );
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

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// True when `got` and `want` share at least half of each one's words.
fn overlaps(got: &str, want: &str) -> bool {
    let (g, w) = (words(got), words(want));
    let shared = g.iter().filter(|x| w.contains(x)).count();
    shared * 2 >= w.len().max(1) && shared * 2 >= g.len().max(1)
}

fn score_scan(chars: &[char], article: &serde_json::Value, tally: &mut [(usize, usize, usize, usize); 3]) {
    let found = scan(chars, DateOrder::DayFirst);
    let labelled = |key: &str| -> Vec<String> {
        article[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().or_else(|| x["exact"].as_str()))
            .map(str::to_string)
            .collect()
    };
    let trim = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric() && !"$€£%".contains(c)).to_lowercase();
    for (k, key) in ["claims", "figures", "quotes"].into_iter().enumerate() {
        let tag = Tag::ALL[k];
        let want = labelled(key);
        let got: Vec<String> =
            found.iter().filter(|c| c.tag == tag).map(|c| chars[c.range.start()..c.range.end()].iter().collect()).collect();
        let same = |g: &str, w: &str| if tag == Tag::Claim { overlaps(g, w) } else { trim(g) == trim(w) };
        let good = got.iter().filter(|g| want.iter().any(|w| same(g, w))).count();
        let hit = want.iter().filter(|w| got.iter().any(|g| same(g, w))).count();
        for g in got.iter().filter(|g| !want.iter().any(|w| same(g, w))) {
            eprintln!("scan {key}: extra {g:?}");
        }
        for w in want.iter().filter(|w| !got.iter().any(|g| same(g, w))) {
            eprintln!("scan {key}: missed {w:?}");
        }
        let t = &mut tally[k];
        *t = (t.0 + got.len(), t.1 + good, t.2 + want.len(), t.3 + hit);
    }
}
