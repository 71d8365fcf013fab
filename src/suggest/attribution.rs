//! Who said it: a speaker suggested for a quote (or a claim) from "said X", "X said", "according to X" nearby.
//!
//! Four places are searched, outside the quote itself: the rest of its sentence after it,
//! the start of its sentence before it, the sentence before and the sentence after. The
//! attribution nearest the quote wins, those in its own sentence before those in the
//! neighbouring ones. A pronoun ("he explained") names no one: it stands for the nearest
//! speaker named *before* the quote, up to four sentences back ("Zelensky disclosed that
//! he …"). English, Ukrainian and Russian cues are read ("заявив Зеленський", "за словами
//! міністра", "по словам Пескова").
//!
//! Each suggestion has a confidence: a cue in the quote's own sentence is surest, one in a
//! neighbouring sentence less, a pronoun's referent less again. A name found only further
//! back, with no cue near the quote, is below [`THRESHOLD`] and not suggested: the quote
//! may well be someone else's.

use super::nominative::{from_locative, nominative};
use super::phrase::{backward, forward, is_name_word, text_of, Found};
use super::sentence::{sentences, words, Word};
use crate::text::CharRange;
use crate::text::{is_cyrillic, listed};
use std::ops::Range;

/// Verbs that attribute speech or a claim.
const VERBS: &str = "said says say stated states told tells explained explains emphasized emphasised emphasizes emphasises stressed \
    stresses noted notes added adds claimed claims argued argues insisted warned warns announced declared asserted wrote writes tweeted \
    posted confirmed admitted revealed disclosed suggested acknowledged remarked replied responded asked urged promised recalled \
    commented concluded continued \
    заявив заявила заявили сказав сказала сказали зазначив зазначила зазначили повідомив повідомила повідомили наголосив \
    наголосила підкреслив підкреслила додав додала пояснив пояснила написав написала розповів розповіла відзначив відзначила \
    каже кажуть заявляє вважає стверджує стверджував визнав визнала попередив попередила зауважив зауважила нагадав нагадала \
    заявил заявила заявили сказал сказала сказали отметил отметила отметили сообщил сообщила сообщили подчеркнул подчеркнула \
    добавил добавила пояснил пояснила написал написала рассказал рассказала говорит считает утверждает признал признала \
    предупредил предупредила напомнил напомнила заметил заметила";

/// Verbs that may come before their speaker ("said Zelensky"); "told Reuters" names the
/// listener, so "told" is not among them.
const INVERTIBLE: &str = "said says added adds explained wrote writes noted continued insisted asked replied responded recalled warned \
    concluded argued stated emphasized stressed";

/// Ukrainian and Russian put the speaker after any of their verbs ("— заявив Зеленський").
fn invertible(lower: &str) -> bool {
    listed(INVERTIBLE, lower) || (is_cyrillic(lower) && listed(VERBS, lower))
}

/// The least confidence a suggestion needs to be made.
const THRESHOLD: f32 = 0.5;

/// How sure a suggestion is, by where its cue was found.
fn confidence(tier: u8, via_pronoun: bool) -> f32 {
    match (tier, via_pronoun) {
        (0, false) => 0.9,
        (1, false) => 0.7,
        (_, true) => 0.6,
        _ => 0.3,
    }
}

/// The grammatical case a Ukrainian or Russian speaker is named in, to be undone.
#[derive(Clone, Copy, PartialEq)]
enum Case {
    Nominative,
    /// After "за словами" or "по словам".
    Genitive,
    /// A body named by where it speaks: "У Генштабі ЗСУ заявили", "В Кремле заявили".
    Locative,
}

/// One attribution found in a stretch of text, with how far it is from the quote.
struct Candidate {
    tier: u8,
    distance: usize,
    /// The cue is before the quote (a pronoun can stand only for someone named earlier).
    before: bool,
    case: Case,
    found: Found,
}

/// A plural verb with no subject of its own ("заявили", "повідомляють", "сообщают"): who
/// speaks is the body named by the place ("у Генштабі", "в Кремле").
fn impersonal(lower: &str) -> bool {
    is_cyrillic(lower) && listed(VERBS, lower) && ["ли", "ють", "ют", "ять", "ят"].iter().any(|e| lower.ends_with(e))
}

/// The body in "у"/"в" + name next to an impersonal verb at `ws[verb]`, before it ("У
/// Генштабі ЗСУ заявили", "В Минобороны России сообщили") or after it ("— повідомили в
/// «Укренерго»"): the name's words, quotation marks left out, as a range of word indices.
fn locative_body(ws: &[Word], verb: usize) -> Option<Range<usize>> {
    const MOST: usize = 4;
    let prep = |w: &Word| listed("у в во", &w.lower());
    let mark = |w: &Word| matches!(w.text.as_str(), "«" | "»" | "\"" | "“" | "”" | "„");
    let name = |w: &Word| is_name_word(w) && !prep(w);
    let mut k = verb + 1;
    if ws.get(k).is_some_and(prep) {
        k += 1;
        while ws.get(k).is_some_and(mark) {
            k += 1;
        }
        let start = k;
        // The first word names the body, capitalised; titles and the like may follow ("Офісі президента").
        while ws.get(k).is_some_and(|w| name(w) && (k > start || w.is_capitalized())) && k < start + MOST {
            k += 1;
        }
        return (k > start && !adjective(&ws[start])).then_some(start..k);
    }
    let mut k = verb;
    while k > 0 && mark(&ws[k - 1]) {
        k -= 1;
    }
    let end = k;
    while k > 0 && name(&ws[k - 1]) && end - k < MOST {
        k -= 1;
    }
    // Back to the capitalised word that starts the name.
    while k < end && !ws[k].is_capitalized() {
        k += 1;
    }
    let start = k;
    while k > 0 && mark(&ws[k - 1]) {
        k -= 1;
    }
    (start < end && k > 0 && prep(&ws[k - 1]) && !adjective(&ws[start])).then_some(start..end)
}

/// An adjective in the locative ("Державній", "Российских", "Центральном"): its noun
/// follows and both would need their nominative, which is not guessed.
fn adjective(w: &Word) -> bool {
    let l = w.lower();
    ["ій", "ому", "ой", "ом", "их", "ых"].iter().any(|e| l.ends_with(e))
}

/// Attributions in `text[range]`; `anchor` is the quote offset distances are measured to.
fn attributions(text: &[char], range: Range<usize>, tier: u8, anchor: usize) -> Vec<Candidate> {
    let ws: Vec<Word> = words(text, range);
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let lower = w.lower();
        let next = ws.get(i + 1).map(Word::lower);
        let slavic_according =
            matches!(lower.as_str(), "за" | "по") && matches!(next.as_deref(), Some("словами" | "словам" | "даними" | "данным"));
        let body = impersonal(&lower).then(|| locative_body(&ws, i)).flatten();
        let found = if let Some(b) = &body {
            Some(Found::Name { start: ws[b.start].start, end: ws[b.end - 1].end })
        } else if (lower == "according" && next.as_deref() == Some("to")) || slavic_according {
            forward(&ws, i + 2).filter(|f| matches!(f, Found::Name { .. }))
        } else if listed(VERBS, &lower) && !(w.is_capitalized() && i > 0) {
            // A capitalised "States" after a name word is part of it ("the United States").
            let inverted = || if invertible(&lower) { forward(&ws, i + 1) } else { None };
            backward(&ws, i).or_else(inverted)
        } else {
            None
        };
        if let Some(found) = found {
            let case = match (body.is_some(), slavic_according) {
                (true, _) => Case::Locative,
                (false, true) => Case::Genitive,
                (false, false) => Case::Nominative,
            };
            out.push(Candidate { tier, distance: w.start.abs_diff(anchor), before: w.start < anchor, case, found });
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
    // The sentence after, in the same paragraph only: a new paragraph is someone's new turn.
    if let Some(s) = list.get(last + 1).filter(|s| !text[end.min(s.start)..s.start].contains(&'\n')) {
        found.extend(attributions(text, s.clone(), 1, end));
    }
    // Further back, to name the person a pronoun stands for.
    for back in 2..=4 {
        if let Some(s) = first.checked_sub(back).and_then(|p| list.get(p)) {
            found.extend(attributions(text, s.clone(), back as u8, start));
        }
    }
    found.sort_by_key(|c| (c.tier, c.distance));
    let (name, case, sure) = match found.first()?.found {
        Found::Name { start, end } => ((start, end), found[0].case, confidence(found[0].tier, false)),
        // The nearest name before the quote; the sentence after is not where "he" was named.
        Found::Pronoun => {
            let (named, case) = found.iter().find_map(|c| match c.found {
                Found::Name { start, end } if c.before => Some(((start, end), c.case)),
                _ => None,
            })?;
            (named, case, confidence(found[0].tier, true))
        }
    };
    let written = text_of(text, name.0, name.1);
    (sure >= THRESHOLD).then(|| match case {
        Case::Nominative => written,
        Case::Genitive => nominative(&written),
        Case::Locative => from_locative(&written),
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

    /// Each case: the text, the quote in it, and the speaker wanted.
    fn table(cases: &[(&str, &str, Option<&str>)]) {
        for &(text, quote, want) in cases {
            assert_eq!(suggest(text, quote).as_deref(), want, "{text}");
        }
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
        table(&cases);
    }

    #[test]
    fn ukrainian_and_russian_cues() {
        let cases: [(&str, &str, Option<&str>); 9] = [
            (
                "«Ми очікуємо зростання», — сказала міністерка економіки Олена Мельник.",
                "Ми очікуємо зростання",
                Some("міністерка економіки Олена Мельник"),
            ),
            ("«Ми відбудуємо країну», — заявив Зеленський.", "Ми відбудуємо країну", Some("Зеленський")),
            ("Зеленський заявив, що фронт стабільний.", "фронт стабільний", Some("Зеленський")),
            ("За словами міністра оборони, втрати зросли.", "втрати зросли", Some("міністра оборони")),
            ("«Переговоры зашли в тупик», — сказал Песков журналистам.", "Переговоры зашли в тупик", Some("Песков")),
            ("По словам Пескова, переговоры продолжатся.", "переговоры продолжатся", Some("Песков")),
            ("Речник Ігнат повідомив, що ракети збито.", "ракети збито", Some("Речник Ігнат")),
            ("Шмигаль заявив про нові кроки. «Ми готові», — сказав він.", "Ми готові", Some("Шмигаль")),
            ("Погода була холодна.", "холодна", None),
        ];
        table(&cases);
    }

    #[test]
    fn bodies_named_by_where_they_speak() {
        let cases: [(&str, &str, Option<&str>); 5] = [
            ("У Генштабі ЗСУ заявили, що «ворог відступив».", "«ворог відступив»", Some("Генштаб ЗСУ")),
            ("В Кремле заявили, что «оснований для паники нет».", "«оснований для паники нет»", Some("Кремль")),
            ("«Світло повернули», — повідомили в «Укренерго».", "«Світло повернули»", Some("Укренерго")),
            ("В Минобороны России сообщили, что «атака отражена».", "«атака отражена»", Some("Минобороны России")),
            // An adjective's nominative is not guessed: no "Державн".
            ("«Черги скоротилися», — повідомили в Державній прикордонній службі.", "«Черги скоротилися»", None),
        ];
        table(&cases);
    }

    #[test]
    fn a_quote_after_a_named_one_and_an_appositive() {
        let text = "'This is a turning point,' the health secretary, James Whitfield, said on Thursday. 'We promised to act.'\n\nBut the Royal College of Surgeons warned that the gains were fragile.";
        assert_eq!(suggest(text, "This is a turning point,").as_deref(), Some("James Whitfield"));
        assert_eq!(suggest(text, "We promised to act.").as_deref(), Some("James Whitfield"), "not the next paragraph's speaker");
    }

    #[test]
    fn pronouns_stand_for_someone_named_before() {
        let text = "Trump said the deal is close. “We will win,” he said. Macron said it was fine.";
        assert_eq!(suggest(text, "We will win").as_deref(), Some("Trump"), "not Macron, named after the quote");
        let text = "The talks ended. “We will win,” he said. Macron said it was fine.";
        assert_eq!(suggest(text, "We will win"), None, "no one named before the pronoun");
    }

    #[test]
    fn no_cue_near_the_quote_is_no_suggestion() {
        let text = "Zelensky said the talks went well. Snow fell overnight. Roads were closed. “We are ready.”";
        assert_eq!(suggest(text, "We are ready."), None, "a name three sentences back, with no cue near the quote");
        let text = "Zelensky said the talks went well. Snow fell overnight. “We are ready,” he added.";
        assert_eq!(suggest(text, "We are ready").as_deref(), Some("Zelensky"), "unless a pronoun points back to it");
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
