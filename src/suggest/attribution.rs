//! Who said it: a speaker suggested for a quote (or a claim) from "said X", "X said", "according to X" nearby.
//!
//! Four places are searched, outside the quote itself: the rest of its sentence after it,
//! the start of its sentence before it, the sentence before and the sentence after. The
//! attribution nearest the quote wins, those in its own sentence before those in the
//! neighbouring ones. A pronoun ("he explained") names no one, so the search then goes on
//! to the other attributions and up to three more sentences back, where the person
//! usually was named ("Zelensky disclosed that he …").

use super::phrase::{backward, forward, text_of, Found};
use super::sentence::{sentences, words, Word};
use crate::text::listed;
use crate::text::CharRange;
use std::ops::Range;

/// Verbs that attribute speech or a claim.
const VERBS: &str = "said says say stated states told tells explained explains emphasized emphasised emphasizes emphasises stressed \
    stresses noted notes added adds claimed claims argued argues insisted warned warns announced declared asserted wrote writes tweeted \
    posted confirmed admitted revealed disclosed suggested acknowledged remarked replied responded asked urged promised recalled \
    commented concluded continued";

/// Verbs that may come before their speaker ("said Zelensky"); "told Reuters" names the
/// listener, so "told" is not among them.
const INVERTIBLE: &str = "said says added adds explained wrote writes noted continued insisted asked replied responded recalled warned \
    concluded argued stated emphasized stressed";

/// One attribution found in a stretch of text, with how far it is from the quote.
struct Candidate {
    tier: u8,
    distance: usize,
    found: Found,
}

/// Attributions in `text[range]`; `anchor` is the quote offset distances are measured to.
fn attributions(text: &[char], range: Range<usize>, tier: u8, anchor: usize) -> Vec<Candidate> {
    let ws: Vec<Word> = words(text, range);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let lower = w.lower();
        let found = if lower == "according" && ws.get(i + 1).is_some_and(|n| n.lower() == "to") {
            forward(&ws, i + 2).filter(|f| matches!(f, Found::Name { .. }))
        } else if listed(VERBS, &lower) && !(w.is_capitalized() && i > 0) {
            // A capitalised "States" after a name word is part of it ("the United States").
            let inverted = || if listed(INVERTIBLE, &lower) { forward(&ws, i + 1) } else { None };
            backward(&ws, i).or_else(inverted)
        } else {
            None
        };
        if let Some(found) = found {
            out.push(Candidate { tier, distance: w.start.abs_diff(anchor), found });
        }
    }
    out
}

/// The index of the sentence holding `offset` (or the last one starting before it).
fn sentence_at(list: &[Range<usize>], offset: usize) -> Option<usize> {
    list.iter().rposition(|s| s.start <= offset)
}

/// Suggests who said the text at `range` (a quote) or made it (a claim): "Zelensky", "the
/// Ukrainian President", "President Trump". `None` when no one is named nearby.
pub fn suggest_speaker(text: &[char], range: CharRange) -> Option<String> {
    let (start, end) = (range.start().min(text.len()), range.end().min(text.len()));
    let list = sentences(text);
    let first = sentence_at(&list, start).unwrap_or(0);
    let last = sentence_at(&list, end.saturating_sub(1).max(start)).unwrap_or(first);
    let mut found = Vec::new();
    if let Some(s) = list.get(last) {
        found.extend(attributions(text, end.max(s.start)..s.end.max(end), 0, end));
    }
    if let Some(s) = list.get(first).filter(|s| s.start < start) {
        found.extend(attributions(text, s.start..start, 0, start));
    }
    if let Some(s) = first.checked_sub(1).and_then(|p| list.get(p)) {
        found.extend(attributions(text, s.clone(), 1, start));
    }
    if let Some(s) = list.get(last + 1) {
        found.extend(attributions(text, s.clone(), 1, end));
    }
    // Further back, only to name the person a pronoun stands for.
    for back in 2..=4 {
        if let Some(s) = first.checked_sub(back).and_then(|p| list.get(p)) {
            found.extend(attributions(text, s.clone(), back as u8, start));
        }
    }
    found.sort_by_key(|c| (c.tier, c.distance));
    found.into_iter().find_map(|c| match c.found {
        Found::Name { start, end } => Some(text_of(text, start, end)),
        Found::Pronoun => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, ArticleText};

    fn suggest(text: &str, quote: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let byte = text.find(quote).unwrap_or_else(|| panic!("{quote:?} not in text"));
        let s = text[..byte].chars().count();
        suggest_speaker(&chars, CharRange::new(s, s + quote.chars().count()).unwrap())
    }

    #[test]
    fn names_that_look_like_verbs_dates_and_titles() {
        assert_eq!(
            suggest("“We will not pay,” the United States told its allies on Monday.", "We will not pay").as_deref(),
            Some("the United States")
        );
        assert_eq!(suggest("“The plan is ready,” said Friday the minister.", "The plan is ready"), None, "Friday names no one");
        assert_eq!(suggest("“It is time,” said Rep. Jim Clyburn.", "It is time").as_deref(), Some("Rep. Jim Clyburn"));
        assert_eq!(
            suggest("“Prices rose,” said Dr. Olena Shevchenko of the bank.", "Prices rose").as_deref(),
            Some("Dr. Olena Shevchenko")
        );
    }

    #[test]
    fn groups_and_unnamed_sources_are_speakers() {
        assert_eq!(suggest("“The bridge is closed,” officials said on Tuesday.", "The bridge is closed").as_deref(), Some("officials"));
        assert_eq!(suggest("“Talks have stalled,” a source said.", "Talks have stalled").as_deref(), Some("a source"));
        assert_eq!(suggest("“We heard two blasts,” residents told reporters.", "We heard two blasts").as_deref(), Some("residents"));
        assert_eq!(suggest("“Prices will rise,” economists warned.", "Prices will rise").as_deref(), Some("economists"));
    }

    #[test]
    fn the_default_article() {
        let text: String = ArticleText::new(&Article::default_article()).chars().iter().collect();
        let long = "\"We have a significant amount of rare earth metals, and as you know, Russia has been occupying our land since 2014. They control areas with large mineral deposits. We are open to developing these together with partners who help protect our land and push back the enemy with their weaponry, presence, and sanctions. That is entirely fair,\"";
        assert_eq!(suggest(&text, long).as_deref(), Some("Zelensky"));
        assert_eq!(suggest(&text, "That is entirely fair").as_deref(), Some("Zelensky"), "quotation marks left out of the selection");
        let business = "“I want the American businesses, which are eager to enter the Ukrainian market, to develop this sector with us,”";
        assert_eq!(suggest(&text, business).as_deref(), Some("the Ukrainian President"));
        assert_eq!(
            suggest(&text, "if Russia controls these deposits, other countries and companies might gain access").as_deref(),
            Some("Zelensky")
        );
        assert_eq!(
            suggest(&text, "the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion").as_deref(),
            Some("Forbes")
        );
        assert_eq!(suggest(&text, "his interest in signing an agreement with Ukraine").as_deref(), Some("President Trump"));
        assert_eq!(
            suggest(&text, "Ukraine welcomes U.S. business involvement").as_deref(),
            Some("Zelensky"),
            "“He explained”: the pronoun is resolved from the sentence before"
        );
    }

    #[test]
    fn attribution_patterns() {
        let cases: [(&str, &str, Option<&str>); 16] = [
            ("\"We will rebuild,\" said Zelensky.", "We will rebuild", Some("Zelensky")),
            ("\"We will rebuild,\" Zelensky said.", "We will rebuild", Some("Zelensky")),
            ("Zelensky said: \"We will rebuild.\"", "We will rebuild.", Some("Zelensky")),
            ("President Trump stated that tariffs work.", "tariffs work", Some("President Trump")),
            ("The foreign minister told journalists the talks failed.", "the talks failed", Some("the foreign minister")),
            ("According to the World Bank, growth slowed to 3%.", "growth slowed to 3%", Some("the World Bank")),
            (
                "Growth slowed, according to Olena Kovalenko of the National Bank.",
                "Growth slowed",
                Some("Olena Kovalenko of the National Bank"),
            ),
            ("Peskov explained that the offer stands.", "the offer stands", Some("Peskov")),
            ("Merkel emphasized that Europe must act.", "Europe must act", Some("Merkel")),
            ("“It is over,” the spokesperson for the ministry added.", "It is over", Some("the spokesperson for the ministry")),
            ("Zelensky has also said the front is stable.", "the front is stable", Some("Zelensky")),
            ("“No deal,” says Prime Minister Keir Starmer, who met him.", "No deal", Some("Prime Minister Keir Starmer")),
            ("Kyiv was calm. \"It was quiet,\" she said.", "It was quiet", None),
            ("The weather was cold in Kyiv.", "cold in Kyiv", None),
            ("Musk told Reuters the car is ready.", "the car is ready", Some("Musk")),
            ("\"We are ready.\" Mayor Vitali Klitschko said so on Monday.", "We are ready.", Some("Mayor Vitali Klitschko")),
        ];
        for (text, quote, want) in cases {
            assert_eq!(suggest(text, quote).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn nearest_attribution_wins() {
        let text = "Trump said the deal is close. \"We are far apart,\" said Zelensky. Macron said nothing.";
        assert_eq!(suggest(text, "We are far apart").as_deref(), Some("Zelensky"));
        let text = "Trump said the deal is close. \"We are far apart.\" Macron said it later.";
        assert_eq!(suggest(text, "We are far apart.").as_deref(), Some("Macron"), "neither in the quote's sentence: the nearer one");
    }

    #[test]
    fn any_range_of_the_default_article_is_safe() {
        let text = ArticleText::new(&Article::default_article());
        let mut rng = crate::testing::Rng::new(9);
        for _ in 0..300 {
            let s = rng.below(text.len() + 5);
            let _ = suggest_speaker(text.chars(), CharRange::new(s, s + rng.below(200)).unwrap());
        }
    }

    #[test]
    fn ranges_past_the_end_do_not_panic() {
        let chars: Vec<char> = "Zelensky said so.".chars().collect();
        assert_eq!(suggest_speaker(&chars, CharRange::new(40, 50).unwrap()), Some("Zelensky".into()));
        assert_eq!(suggest_speaker(&[], CharRange::new(0, 0).unwrap()), None);
    }
}
