//! Where a figure comes from: "According to Forbes data released in 2023, …" → Forbes, 2023.

use super::phrase::{backward, forward, Found};
use super::sentence::{words, Word};
use crate::text::listed;

/// Nouns for published numbers, between a source and its verb ("Forbes data show").
const DATA_NOUNS: &str = "data figures statistics stats estimates estimate report survey study analysis research census poll calculations";

/// Verbs a source publishes a figure with.
const VERBS: &str = "show shows showed shown estimates estimated estimate said says reported reports found finds calculated calculates \
    published suggest suggests suggested indicate indicates indicated puts put";

/// The name as a citation: no leading "the", no possessive ("IMF’s" → "IMF").
fn citation(ws: &[Word], found: Option<Found>) -> Option<String> {
    let Some(Found::Name { start, end }) = found else { return None };
    let parts: Vec<&str> = ws.iter().filter(|w| w.start >= start && w.end <= end).map(|w| w.text.as_str()).collect();
    let joined = parts.join(" ");
    let name = joined.strip_prefix("the ").or_else(|| joined.strip_prefix("The ")).unwrap_or(&joined);
    let name = name.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches(['’', '\'']);
    (!name.is_empty()).then(|| name.to_string())
}

/// The clause around word `i`: from the comma (or sentence start) before it to the one after.
fn clause(ws: &[Word], i: usize) -> &[Word] {
    let is_break = |w: &Word| matches!(w.text.as_str(), "," | ";" | ":" | "." | "(" | ")");
    let start = ws[..i].iter().rposition(is_break).map_or(0, |p| p + 1);
    let end = ws[i..].iter().position(is_break).map_or(ws.len(), |p| i + p);
    &ws[start..end]
}

/// Finds the source of a figure in its sentence:
/// * "according to X" (also "according to a 2023 report by X");
/// * "X data show", "X figures showed", "X estimates", "X said", "X reported";
/// * "data from X", "a report by X".
///
/// The year (1800–2100) is the first in the "according to" clause ("released in 2023"), or
/// before the verb ("Statista’s 2021 survey found", "In 2023, the IMF reported"); a year
/// after the verb is usually what the figure is about, not when it was published. Returns
/// the name without "the" ("World Bank") and the year.
pub fn figure_source(sentence: &str) -> Option<(String, Option<i32>)> {
    let text: Vec<char> = sentence.chars().collect();
    let ws = words(&text, 0..text.len());
    let lower: Vec<String> = ws.iter().map(Word::lower).collect();
    let year_in = |words: &[Word]| words.iter().find_map(Word::year);
    for i in 0..ws.len() {
        let found = if lower[i] == "according" && lower.get(i + 1).is_some_and(|w| w == "to") {
            let name = citation(&ws, forward(&ws, i + 2)).or_else(|| by_or_from(&ws, &lower, i + 2));
            name.map(|n| (n, year_in(clause(&ws, i))))
        } else if matches!(lower[i].as_str(), "from" | "by") && i > 0 && listed(DATA_NOUNS, &lower[i - 1]) {
            citation(&ws, forward(&ws, i + 1)).map(|n| (n, year_in(clause(&ws, i))))
        } else if listed(VERBS, &lower[i]) && i > 0 {
            // Skip "data" and a year between the name and the verb: "Forbes 2023 data show".
            let mut k = i;
            while k > 0 && (listed(DATA_NOUNS, &lower[k - 1]) || ws[k - 1].year().is_some()) {
                k -= 1;
            }
            // After the verb a year is usually what the figure is about ("refugees in 2023").
            citation(&ws, backward(&ws, k)).map(|n| (n, year_in(&ws[..i])))
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// "according to a 2023 report by X": the name after "by" or "from" in the same clause.
fn by_or_from(ws: &[Word], lower: &[String], from: usize) -> Option<String> {
    let end = from + clause(ws, from.min(ws.len().saturating_sub(1))).len();
    (from..end.min(ws.len()))
        .find_map(|k| matches!(lower[k].as_str(), "by" | "from" | "of").then(|| citation(ws, forward(ws, k + 1))).flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_table() {
        type Want<'a> = Option<(&'a str, Option<i32>)>;
        let cases: [(&str, Want); 15] = [
            (
                "According to Forbes data released in 2023, the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion.",
                Some(("Forbes", Some(2023))),
            ),
            ("According to the World Bank, growth was 3%.", Some(("World Bank", None))),
            ("Growth was 3%, according to the IMF’s 2024 outlook.", Some(("IMF", Some(2024)))),
            ("According to a 2022 report by the Kyiv School of Economics, damage reached $138bn.", Some(("Kyiv School of Economics", Some(2022)))),
            ("Eurostat data show that 4.2 million people fled.", Some(("Eurostat", None))),
            ("UNHCR figures showed 6 million refugees in 2023.", Some(("UNHCR", None))),
            ("The IMF estimates growth at 3% for 2025.", Some(("IMF", None))),
            ("Naftogaz said output rose 5%.", Some(("Naftogaz", None))),
            ("Statista’s 2021 survey found that 40% agree.", Some(("Statista", Some(2021)))),
            ("In 2023, the National Bank of Ukraine reported inflation of 5.1%.", Some(("National Bank of Ukraine", Some(2023)))),
            ("Inflation was 5%, based on data from the State Statistics Service.", Some(("State Statistics Service", None))),
            ("The total value is estimated to be $5bn.", None),
            ("More than 70% of these resources are in three regions.", None),
            ("He said it was 5%.", None),
            ("", None),
        ];
        for (sentence, want) in cases {
            let got = figure_source(sentence);
            assert_eq!(got.as_ref().map(|(n, y)| (n.as_str(), *y)), want, "{sentence}");
        }
    }
}
