//! Name phrases next to a verb ("said the Ukrainian President", "President Trump stated"), read forwards or backwards.

use super::sentence::Word;
use crate::text::listed;

/// Lower-case words that can make up a speaker's description ("the minister", "officials").
const TITLES: &str = "president minister spokesperson spokesman spokeswoman official officials adviser advisor analyst analysts expert \
    experts head chief leader ambassador governor mayor secretary director chairman chairwoman commander office ministry government \
    representative senator general prime deputy foreign defence defense state press service agency army source sources witness \
    witnesses resident residents investigators prosecutors police researchers scientists economists diplomats lawmakers critics \
    authorities spokespeople \
    президент президента президентка міністр міністра міністерка міністерки речник речниця голова мер посол генерал депутат уряд офіс радник радниця експерт експертка експерти депутатка \
    аналітик аналітики командувач представник представники джерело джерела джерел оборони закордонних справ фінансів економіки \
    министр министра пресс-секретарь глава мэр правительство представитель представители советник эксперт эксперты аналитик \
    источник источники обороны иностранных дел финансов экономики міністерство министерство";

/// Capitalised words that start sentences, or follow a verb, without naming anyone ("said
/// Friday", "said in March").
const NOT_NAMES: &str =
    "earlier later however but and then meanwhile also yesterday today tomorrow tonight previously in on at when while \
    after before as this that so still now monday tuesday wednesday thursday friday saturday sunday january february march april may \
    june july august september october november december";

/// Words between a speaker and the verb ("Zelensky has also said").
const AUXILIARIES: &str = "has had have also later earlier then again previously once reportedly repeatedly recently further";

pub(super) const PRONOUNS: [&str; 15] =
    ["he", "she", "they", "i", "we", "it", "you", "він", "вона", "вони", "ми", "он", "она", "они", "мы"];

const DETERMINERS: [&str; 3] = ["the", "a", "an"];

pub(super) fn is_name_word(w: &Word) -> bool {
    w.is_word() && ((w.is_capitalized() && !listed(NOT_NAMES, &w.lower())) || listed(TITLES, &w.lower()))
}

fn is_connector(w: &Word) -> bool {
    matches!(w.lower().as_str(), "of" | "for")
}

/// At `words[k]`, "of" or "for" (and "the") leading to another name word ("Minister of
/// Defence", "spokesperson for the ministry"): how many words it takes.
fn connector_forward(words: &[Word], k: usize) -> Option<usize> {
    let n = if words.get(k + 1).is_some_and(|w| w.lower() == "the") { 2 } else { 1 };
    (words.get(k).is_some_and(is_connector) && words.get(k + n).is_some_and(is_name_word)).then_some(n)
}

/// The same, read backwards from just before `words[j]`.
fn connector_backward(words: &[Word], j: usize) -> Option<usize> {
    let n = if words[j - 1].lower() == "the" { 2 } else { 1 };
    (j > n && is_connector(&words[j - n]) && is_name_word(&words[j - n - 1])).then_some(n)
}

/// What a phrase search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Found {
    Name { start: usize, end: usize },
    Pronoun,
}

/// The name phrase starting at `words[i]`: an optional determiner, then name words (with
/// "of" or "for" between them: "Minister of Defence"), at most eight words.
pub(super) fn forward(words: &[Word], i: usize) -> Option<Found> {
    let first = words.get(i)?;
    if PRONOUNS.contains(&first.lower().as_str()) {
        return Some(Found::Pronoun);
    }
    let det = DETERMINERS.contains(&first.lower().as_str());
    let mut k = i + usize::from(det);
    let mut last = None;
    while k < words.len() && k < i + 8 {
        if is_name_word(&words[k]) {
            last = Some(k);
            k += 1;
            // "Rep. Jim Clyburn": a title's full stop is part of the name.
            let title = super::sentence::ABBREVIATIONS.contains(&words[k - 1].lower().as_str());
            if title && words.get(k).is_some_and(|w| w.text == ".") && words.get(k + 1).is_some_and(is_name_word) {
                k += 1;
            }
        } else if let Some(n) = last.and(connector_forward(words, k)) {
            k += n;
        } else {
            break;
        }
    }
    last.map(|l| Found::Name { start: words[i].start, end: words[l].end })
}

/// The name phrase ending just before `words[verb]` (skipping "has", "also" and the like).
pub(super) fn backward(words: &[Word], verb: usize) -> Option<Found> {
    let mut k = verb;
    while k > 0 && listed(AUXILIARIES, &words[k - 1].lower()) {
        k -= 1;
    }
    // An appositive: "the health secretary, James Whitfield, said" names James Whitfield.
    if k >= 3 && words[k - 1].text == "," && words[k - 2].is_capitalized() && is_name_word(&words[k - 2]) {
        if let Some(Found::Name { start, end }) = backward(words, k - 1) {
            let first = words.iter().position(|w| w.start == start).unwrap_or(0);
            if first > 0 && words[first - 1].text == "," {
                return Some(Found::Name { start, end });
            }
        }
    }
    let end_word = k.checked_sub(1)?;
    if PRONOUNS.contains(&words[end_word].lower().as_str()) {
        return Some(Found::Pronoun);
    }
    let mut first = None;
    let mut j = end_word + 1;
    while j > 0 && end_word + 1 - j < 8 {
        if is_name_word(&words[j - 1]) {
            first = Some(j - 1);
            j -= 1;
        } else if let Some(n) = first.and(connector_backward(words, j)) {
            j -= n;
        } else {
            break;
        }
    }
    let mut first = first?;
    if first > 0 && DETERMINERS.contains(&words[first - 1].lower().as_str()) {
        first -= 1;
    }
    Some(Found::Name { start: words[first].start, end: words[end_word].end })
}

/// The text of a found name, whitespace folded and a leading "The" written "the".
pub(super) fn text_of(text: &[char], start: usize, end: usize) -> String {
    let s: String = text[start..end].iter().collect();
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::super::sentence::words;
    use super::*;

    fn run(s: &str, at: &str, back: bool) -> Option<String> {
        let text: Vec<char> = s.chars().collect();
        let ws = words(&text, 0..text.len());
        let i = ws.iter().position(|w| w.text == at).unwrap();
        match if back { backward(&ws, i) } else { forward(&ws, i + 1) }? {
            Found::Name { start, end } => Some(text_of(&text, start, end)),
            Found::Pronoun => Some("<pronoun>".into()),
        }
    }

    #[test]
    fn forwards_from_the_verb() {
        assert_eq!(run("said the Ukrainian President.", "said", false).as_deref(), Some("the Ukrainian President"));
        assert_eq!(run("said Zelensky in response", "said", false).as_deref(), Some("Zelensky"));
        assert_eq!(
            run("said the Minister of Defence of Ukraine, who", "said", false).as_deref(),
            Some("the Minister of Defence of Ukraine")
        );
        assert_eq!(run("said he", "said", false).as_deref(), Some("<pronoun>"));
        assert_eq!(run("said that it", "said", false), None);
        assert_eq!(run("said of", "said", false), None);
    }

    #[test]
    fn backwards_from_the_verb() {
        assert_eq!(run("Earlier, President Trump stated", "stated", true).as_deref(), Some("President Trump"));
        assert_eq!(run("Earlier President Trump stated", "stated", true).as_deref(), Some("President Trump"));
        assert_eq!(run("The foreign minister has also said", "said", true).as_deref(), Some("the foreign minister"));
        assert_eq!(run("Zelensky’s office said", "said", true).as_deref(), Some("Zelensky’s office"));
        assert_eq!(run("He explained", "explained", true).as_deref(), Some("<pronoun>"));
        assert_eq!(run("the health secretary, James Whitfield, said", "said", true).as_deref(), Some("James Whitfield"));
        assert_eq!(run("In Kyiv, Zelensky said", "said", true).as_deref(), Some("Zelensky"));
        assert_eq!(run(", said", "said", true), None);
        assert_eq!(run("said", "said", true), None);
    }
}
