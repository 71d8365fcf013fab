//! Scores the suggesters on hand-labelled sets (`tests/fixtures/suggest/`): figure values,
//! speakers and check-worthiness. Shared by the native tests, which hold each score above a
//! floor, and by `examples/suggest_score.rs`, which prints them.

use super::{parse_figure, suggest_speaker, worthiness, CLAIM_THRESHOLD};
use crate::annotation::{Qualifier, Unit};
use crate::text::CharRange;

/// Right out of all, for one slice of a labelled set.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    pub right: usize,
    pub all: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.right += usize::from(ok);
        self.all += 1;
    }

    /// The share right, 0–1 (0 for an empty slice).
    pub fn rate(self) -> f64 {
        if self.all == 0 {
            0.0
        } else {
            self.right as f64 / self.all as f64
        }
    }
}

/// Figures: value and unit right, per language; `misses` says what was read instead.
#[derive(Debug, Default)]
pub struct FigureScore {
    pub by_lang: Vec<(String, Tally)>,
    /// Value, unit, qualifier and range all right, over every case.
    pub whole: Tally,
    pub misses: Vec<String>,
}

impl FigureScore {
    /// Value and unit right over the cases of these languages.
    pub fn rate_of(&self, langs: &[&str]) -> f64 {
        let mut t = Tally::default();
        for (_, x) in self.by_lang.iter().filter(|(l, _)| langs.contains(&l.as_str())) {
            t.right += x.right;
            t.all += x.all;
        }
        t.rate()
    }
}

/// The unit as the labels write it: an ISO currency code, `percent`, `year`,
/// `date:YYYY-MM-DD`, `count`, or the unit's own name.
fn unit_label(u: &Unit) -> String {
    match u {
        Unit::Currency(c) => c.to_uppercase(),
        Unit::Percent => "percent".into(),
        Unit::Year => "year".into(),
        Unit::Date(d) => format!("date:{d}"),
        Unit::Count => "count".into(),
        Unit::Other(o) => o.to_lowercase(),
    }
}

fn qualifier_label(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::LessThan => "less_than",
        Qualifier::AtMost => "at_most",
    }
}

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= want.abs() * 1e-6 + 1e-9
}

/// Scores `parse_figure` on a TSV of `lang span value unit qualifier high note` rows (a header
/// line first).
pub fn figures(tsv: &str) -> FigureScore {
    let mut score = FigureScore::default();
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (lang, span, unit, qualifier) = (f[0], f[1], f.get(3).copied().unwrap_or(""), f.get(4).copied().unwrap_or(""));
        let value: f64 = f.get(2).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
        let high: Option<f64> = f.get(5).and_then(|v| v.parse().ok());
        let got = parse_figure(span);
        let value_unit = got.as_ref().is_some_and(|g| close(g.value, value) && unit_label(&g.unit).eq_ignore_ascii_case(unit));
        let whole = value_unit
            && got.as_ref().is_some_and(|g| {
                qualifier_label(g.qualifier) == qualifier
                    && g.range_high.zip(high).map_or(g.range_high.is_none() && high.is_none(), |(a, b)| close(a, b))
            });
        match score.by_lang.iter_mut().find(|(l, _)| l == lang) {
            Some((_, t)) => t.add(value_unit),
            None => {
                let mut t = Tally::default();
                t.add(value_unit);
                score.by_lang.push((lang.to_string(), t));
            }
        }
        score.whole.add(whole);
        if !whole {
            let read = got.map(|g| format!("{} {} {} {:?}", g.value, unit_label(&g.unit), qualifier_label(g.qualifier), g.range_high));
            score.misses.push(format!("{lang} {span:?}: want {value} {unit} {qualifier} {high:?}, read {read:?}"));
        }
    }
    score
}

/// Speakers: right among those suggested (precision) and among the cases that have one
/// (recall); a case without a speaker counts against precision when one is suggested.
#[derive(Debug, Default)]
pub struct SpeakerScore {
    pub suggested: usize,
    pub right: usize,
    pub with_speaker: usize,
    pub misses: Vec<String>,
}

impl SpeakerScore {
    pub fn precision(&self) -> f64 {
        Tally { right: self.right, all: self.suggested }.rate()
    }

    pub fn recall(&self) -> f64 {
        Tally { right: self.right, all: self.with_speaker }.rate()
    }
}

/// A suggestion names the labelled speaker when either holds the other, case aside, and a
/// shorter suggestion is a whole word of it ("Clyburn" for "Jim Clyburn").
fn same_speaker(got: &str, want: &str) -> bool {
    let (g, w) = (got.to_lowercase(), want.to_lowercase());
    g == w || g.contains(&w) || w.split_whitespace().any(|part| part == g) || (g.split_whitespace().count() > 1 && w.contains(&g))
}

/// Scores `suggest_speaker` on a JSON array of `{paragraphs, quote, speaker}` cases.
pub fn speakers(json: &str) -> Result<SpeakerScore, String> {
    let cases: Vec<serde_json::Value> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut score = SpeakerScore::default();
    for c in &cases {
        let paragraphs: Vec<&str> = c["paragraphs"].as_array().into_iter().flatten().filter_map(|p| p.as_str()).collect();
        let text = paragraphs.join("\n\n");
        let quote = c["quote"].as_str().unwrap_or("");
        let Some(byte) = text.find(quote).filter(|_| !quote.is_empty()) else {
            return Err(format!("the quote {quote:?} is not in its paragraphs"));
        };
        let chars: Vec<char> = text.chars().collect();
        let start = text[..byte].chars().count();
        let range = CharRange::new(start, start + quote.chars().count()).map_err(|e| e.to_string())?;
        let want = c["speaker"].as_str();
        let got = suggest_speaker(&chars, range);
        score.with_speaker += usize::from(want.is_some());
        score.suggested += usize::from(got.is_some());
        let ok = match (&got, want) {
            (Some(g), Some(w)) => same_speaker(g, w),
            _ => false,
        };
        score.right += usize::from(ok);
        if !ok && (got.is_some() || want.is_some()) {
            score.misses.push(format!(
                "{} {}: {quote:?}: want {want:?}, got {got:?}",
                c["lang"].as_str().unwrap_or(""),
                c["class"].as_str().unwrap_or("")
            ));
        }
    }
    Ok(score)
}

/// Check-worthiness at the scan's threshold, and the ranking's average precision.
#[derive(Debug, Default)]
pub struct WorthinessScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub average_precision: f64,
    /// The share of check-worthy sentences: what a random ranking's average precision is.
    pub base_rate: f64,
    pub sentences: usize,
    /// Each sentence on the wrong side of the threshold, with its score.
    pub misses: Vec<String>,
}

/// Scores `worthiness` on a TSV of `label lang source sentence` rows (a header line first).
pub fn check_worthiness(tsv: &str) -> WorthinessScore {
    let mut scored: Vec<(f32, bool)> = Vec::new();
    let mut misses = Vec::new();
    for line in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.splitn(4, '\t').collect();
        let (Some(label), Some(sentence)) = (f.first(), f.get(3)) else { continue };
        let chars: Vec<char> = sentence.chars().collect();
        let (score, worthy) = (worthiness(&chars), label.trim() == "1");
        if (score >= CLAIM_THRESHOLD) != worthy {
            misses.push(format!("worthiness {score:.2}, labelled {}: {sentence}", u8::from(worthy)));
        }
        scored.push((score, worthy));
    }
    let positives = scored.iter().filter(|(_, y)| *y).count();
    let predicted: Vec<&(f32, bool)> = scored.iter().filter(|(s, _)| *s >= CLAIM_THRESHOLD).collect();
    let tp = predicted.iter().filter(|(_, y)| *y).count();
    let precision = Tally { right: tp, all: predicted.len() }.rate();
    let recall = Tally { right: tp, all: positives }.rate();
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    // Best first; ties in file order, so the number does not depend on the sort.
    let mut ranked: Vec<(usize, &(f32, bool))> = scored.iter().enumerate().collect();
    ranked.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    let (mut hits, mut sum) = (0usize, 0.0);
    for (k, (_, (_, y))) in ranked.iter().enumerate() {
        if *y {
            hits += 1;
            sum += hits as f64 / (k + 1) as f64;
        }
    }
    WorthinessScore {
        precision,
        recall,
        f1,
        average_precision: if positives == 0 { 0.0 } else { sum / positives as f64 },
        base_rate: Tally { right: positives, all: scored.len() }.rate(),
        sentences: scored.len(),
        misses,
    }
}
