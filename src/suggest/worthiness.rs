//! Check-worthy claims: each sentence's claim, stripped of who said it, scored after Full
//! Fact's criteria (specific, measurable, about the public; not opinion, prediction or
//! personal experience).
//!
//! The score is a sum of evidence read from the words, clamped to 0–1. It is a rule model on
//! purpose: deterministic, explainable in a sentence, a few kilobytes, and not fitted to any
//! one corpus. The weights follow the published criteria: a figure is the strongest sign
//! that a claim can be checked, a comparison or trend the next; first-person, modal,
//! opinion and question forms are the signs that it cannot.

use super::sentence::{sentences, words, Word};
use crate::text::listed;
use std::ops::Range;

/// Verbs that report a claim ("X said that …", "…, the ministry said").
const REPORTING: &str = "said says say told tells stated states added adds argued argues claimed claims warned warns noted notes \
    estimated estimate estimates believe believes reported reports announced announces found finds showed show shows insisted \
    insists confirmed confirms wrote writes explained explains suggested suggests revealed reveals admitted admits concluded \
    заявив заявила заявили сказав сказала повідомив повідомила повідомило повідомили зазначив зазначила додав додала вважає \
    заявил заявила сказал сказала сообщил сообщила сообщило отметил добавил считает";

/// Words of change, comparison and rank: what makes a statement measurable against a record.
const COMPARISON: &str = "rose rise rises risen rising fell fall falls fallen falling up down increased increase increases \
    decreased decrease decreases grew grow grows growth dropped drop drops declined decline declines doubled tripled halved \
    higher highest lower lowest more most less least fewer fewest than record largest biggest smallest compared since \
    top worst best average median majority minority only first зросла зріс зросли збільшився більше менше вище нижче \
    найбільший найменший рекорд вырос выросла выросли больше меньше выше ниже рост снизился";

/// Signs of an opinion or a hope rather than a checkable statement.
const SUBJECTIVE: &str = "think thinks believe believes feel feels hope hopes wish should must ought plan plans aims \
    beautiful terrible wonderful awful great fantastic disgrace shameful fiction optimistic pessimistic fragile amazing \
    incredible outrageous ridiculous absurd love hate agree disagree deserve deserves \
    очікуємо вважаю думаю сподіваюся повинні ожидаем думаю надеюсь";

/// Signs of a forecast: checkable only when it cites a number ("will raise £2 billion").
const MODAL: &str = "might could would will may shall expect expects expected going буде будуть будет";

/// Personal life, feelings and thanks: what a speaker says of themselves, not of the public.
const PERSONAL: &str = "married wife husband born grew childhood remember remembered felt proud proudest honour honor \
    dreamed dream grateful thank thanks thanked applause congratulate congratulations welcome \
    дякую дякуємо пишаюся спасибо благодарю поблагодарил горжусь";

/// Events of the day that nobody would check: a meeting's start, a delay.
const PROCEDURAL: &str = "scheduled began lasted delayed postponed tonight weekend noon";

/// Acts on the public record: votes, laws, money spent, things built or cut. A claim that
/// someone did one can be checked against the record.
const ACTS: &str = "voted vote votes supported opposed signed passed cut cuts raised raise raises built build sent spent \
    lost created closed funded reduced stopped approved rejected blocked captured became killed kills cause causes caused \
    account accounts ranks ranked costs cost pays paid produces imports exports bans banned makes stopped took \
    голосував голосовал побудували построили скоротив сократил скорочує сокращает виїхали запрещает заборонив перевищив \
    превысил сократилось знизився імпортує импортирует";

/// Words of all, none and ever: a claim about a whole record ("never once", "every year").
const UNIVERSAL: &str = "never ever every all-time history historic nobody none single twice times straight \
    ніколи жодного кожен щороку вперше вдвічі двічі втричі никогда ни каждый ежегодно впервые вдвое дважды втрое исторического";

/// Quantities written in words, which the figure spotter leaves to the checker.
const QUANTITY_WORDS: &str = "half thousands millions billions hundreds dozens twice thrice quarter third majority \
    половина тисячі тисяч мільйонів мільйони тысячи тысяч миллионов миллиона полмиллиона";

const FIRST_PERSON: &str = "i me my mine we us our ours я мене мій ми нас наш мы нас наш";

/// A candidate claim: its range in the text and its check-worthiness, 0–1.
pub(super) struct Claim {
    pub range: Range<usize>,
    pub score: f32,
}

/// The claims of the sentences in `text[range]` (a paragraph). `figures` and `quotes` are
/// the spans found there: a sentence that is mostly quotation is the quote's, not a claim.
pub(super) fn claims(text: &[char], range: Range<usize>, figures: &[Range<usize>], quotes: &[Range<usize>]) -> Vec<Claim> {
    let mut out = Vec::new();
    for s in sentences(&text[range.clone()]) {
        let s = range.start + s.start..range.start + s.end;
        let ws = words(text, s.clone());
        let Some(core) = strip_attribution(&ws) else { continue };
        let (first, last) = (&ws[core.start], &ws[core.end - 1]);
        let span = first.start..last.end;
        let quoted: usize = quotes.iter().map(|q| overlap(q, &span)).sum();
        if quoted * 2 > span.len() {
            continue;
        }
        let inner = &ws[core.clone()];
        let figs = figures.iter().filter(|f| f.start >= span.start && f.end <= span.end).count();
        let question = text[s.clone()].iter().rev().find(|c| !matches!(c, '"' | '”' | '’' | '\'' | '»')) == Some(&'?');
        out.push(Claim { range: span, score: score(inner, figs, question) });
    }
    out
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The words of the claim itself: without "According to X," or "X said that" before it and
/// ", X said" or ", according to X" after it, and without closing punctuation. `None` when
/// nothing is left.
fn strip_attribution(ws: &[Word]) -> Option<Range<usize>> {
    let lower: Vec<String> = ws.iter().map(Word::lower).collect();
    let is = |i: usize, w: &str| lower.get(i).is_some_and(|l| l == w);
    let mut start = 0;
    let mut end = ws.len();
    // "According to the council's own estimates, …", "За даними …, …"
    let lead = (is(0, "according") && is(1, "to"))
        || ((is(0, "за") || is(0, "по")) && lower.get(1).is_some_and(|w| listed("даними словами данным словам оцінками", w)));
    if lead {
        if let Some(c) = lower.iter().take(16).position(|w| w == ",") {
            start = c + 1;
        }
    }
    // "Mayor X told reporters that …", "He added that …", "Analysts … estimate that …"
    if let Some(v) = (start..lower.len().min(start + 14)).find(|&i| listed(REPORTING, &lower[i])) {
        let that = (v + 1..lower.len().min(v + 4)).find(|&i| listed("that що что", &lower[i]));
        if let Some(t) = that.filter(|&t| lower[v + 1..t].iter().all(|w| w != "," || listed("що что", &lower[t]))) {
            start = t + 1;
        }
    }
    // Trailing ", the ministry said …", ", according to …", ", NHS England figures show", ", and said …"
    for c in (start..end).rev() {
        if lower[c] != "," && lower[c] != "—" && lower[c] != "–" {
            continue;
        }
        let tail = &lower[c + 1..end];
        // A tail with a number is more claim ("In 2020, the survey found 30% …"), not attribution.
        let plain = !tail.iter().any(|w| w.chars().any(|ch| ch.is_ascii_digit()));
        let attribution =
            tail.len() <= 12 && (tail.first().is_some_and(|w| w == "according") || tail.iter().take(6).any(|w| listed(REPORTING, w)));
        let and_said = tail.len() >= 2 && tail[0] == "and" && listed(REPORTING, &tail[1]);
        if plain && c >= start + 3 && (attribution || and_said) {
            end = c;
        }
    }
    while end > start && !ws[end - 1].is_word() && !matches!(ws[end - 1].text.as_str(), "%" | "‰" | ")") {
        end -= 1;
    }
    while start < end && !ws[start].is_word() && !matches!(ws[start].text.as_str(), "$" | "€" | "£" | "₴" | "(" | "-") {
        start += 1;
    }
    (start < end).then_some(start..end)
}

/// How worth checking a claim of these words is, 0–1; `figures` counts the figures in it.
fn score(ws: &[Word], figures: usize, question: bool) -> f32 {
    let lower: Vec<String> = ws.iter().filter(|w| w.is_word()).map(Word::lower).collect();
    let n = lower.len();
    let has = |list: &str| lower.iter().any(|w| listed(list, w));
    let mut s: f32 = 0.2;
    if figures > 0 {
        s += 0.35;
    }
    if figures > 1 {
        s += 0.1;
    }
    if has(COMPARISON) {
        s += 0.15;
        // "more … than any other", "higher than", "быстрее, чем": a comparison with its
        // measure named is the most checkable kind.
        if has("than ніж чем") {
            s += 0.1;
        }
    }
    // Superlatives: "the cheapest", "the fastest-growing", "найнижчий", "наибольший".
    let superlative =
        lower.windows(2).any(|p| p[0] == "the" && p[1].len() > 5 && p[1].split('-').next().is_some_and(|w| w.ends_with("est")))
            || lower.iter().any(|w| crate::text::is_cyrillic(w) && (w.starts_with("най") || w.starts_with("наи")) && w.chars().count() > 6);
    if superlative {
        s += 0.15;
    }
    // Quantities in words: "half of all", "thousands of", "three times", "шість мільйонів".
    if has(QUANTITY_WORDS) && figures == 0 {
        s += 0.15;
    }
    // Names of the public actors a claim is about: capitalised words after the first.
    if ws.iter().filter(|w| w.is_word()).skip(1).any(|w| w.is_capitalized() && !listed("i", &w.lower())) {
        s += 0.1;
    }
    if has("percent cent rate budget spending exports imports deaths cases unemployment inflation tax taxes debt gdp \
        population crime prices wages income emissions votes poll survey figures data statistics")
    {
        s += 0.05;
    }
    if has(ACTS) {
        s += 0.2;
    }
    if has(UNIVERSAL) {
        s += 0.15;
    }
    // A speaker's own record ("I cut taxes", "we built 40 hospitals") is checkable; their
    // life and feelings are not.
    if has(FIRST_PERSON) {
        s -= 0.1;
    }
    if has(PERSONAL) {
        s -= 0.35;
    }
    if has(PROCEDURAL) {
        s -= 0.2;
    }
    if has(SUBJECTIVE) {
        s -= 0.2;
    }
    if has(MODAL) {
        s -= if figures > 0 { 0.05 } else { 0.2 };
    }
    if question {
        s -= 0.4;
    }
    if n < 5 {
        s -= 0.3;
    } else if n > 60 {
        s -= 0.1;
    }
    s.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::super::spot::{figures, quotes};
    use super::*;

    fn claims_of(s: &str) -> Vec<(String, f32)> {
        let t: Vec<char> = s.chars().collect();
        let r = 0..t.len();
        let (f, q) = (figures(&t, r.clone()), quotes(&t, r.clone()));
        claims(&t, r, &f, &q).into_iter().map(|c| (t[c.range].iter().collect(), c.score)).collect()
    }

    fn text_of(s: &str) -> Vec<String> {
        claims_of(s).into_iter().map(|c| c.0).collect()
    }

    #[test]
    fn attribution_is_not_part_of_the_claim() {
        assert_eq!(
            text_of("He added that insurance costs had fallen by a third since the spring."),
            ["insurance costs had fallen by a third since the spring"]
        );
        assert_eq!(text_of("According to the council's estimates, 1.2m residents use buses."), ["1.2m residents use buses"]);
        assert_eq!(text_of("Exports rose 18 per cent, the ministry said in a statement on Monday."), ["Exports rose 18 per cent"]);
        assert_eq!(text_of("Unemployment fell to 4%, official figures show."), ["Unemployment fell to 4%"]);
        assert_eq!(text_of("Crime rose 5% in 2023, and said the police were stretched."), ["Crime rose 5% in 2023"]);
        assert_eq!(text_of("Тарифи зросли на 12%, повідомило міністерство."), ["Тарифи зросли на 12%"]);
        assert_eq!(text_of("In 2020, the survey found 30% of adults smoked."), ["In 2020, the survey found 30% of adults smoked"]);
    }

    #[test]
    fn checkable_claims_outrank_opinions_and_quotes() {
        let all = claims_of(
            "The unemployment rate fell to 3.9% in March, the lowest since 2019. I think the plan is wonderful. \
             Will prices rise? “We will win this fight, whatever they say,” she said. The bridge opened in 1932.",
        );
        let score = |t: &str| all.iter().find(|c| c.0.starts_with(t)).map(|c| c.1);
        assert!(score("The unemployment rate").unwrap() >= 0.8, "{all:?}");
        assert!(score("I think").unwrap() < 0.3, "{all:?}");
        assert!(score("Will prices").unwrap() < 0.3, "{all:?}");
        assert!(score("We will").is_none(), "a sentence that is a quote is the quote's: {all:?}");
        assert!(score("The bridge").unwrap() > score("I think").unwrap());
    }

    #[test]
    fn a_record_is_checkable_a_life_is_not() {
        let all = claims_of(
            "My opponent voted against the defence budget three times. Ukraine has never been a member of NATO,              and no other country was as close. Thank you to the 5,000 people who came out tonight.              I have been married for 30 years. This country has more people in prison than any other nation.",
        );
        let score = |t: &str| all.iter().find(|c| c.0.starts_with(t)).map_or(0.0, |c| c.1);
        // Ranked above them, whatever the numbers in the thanks and the life story.
        let worthy = ["My opponent", "Ukraine has", "This country"].map(score);
        let not = ["Thank you", "I have been"].map(score);
        assert!(worthy.iter().fold(1.0f32, |a, &b| a.min(b)) > not.iter().fold(0.0f32, |a, &b| a.max(b)) + 0.2, "{all:?}");
        assert!(not.iter().all(|&s| s < super::super::CLAIM_THRESHOLD), "{all:?}");
    }
}
