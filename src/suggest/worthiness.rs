//! Check-worthy claims: each sentence's claim, stripped of who said it, scored after Full
//! Fact's criteria (specific, measurable, about the public; not opinion, prediction or
//! personal experience).
//!
//! The score is a sum of evidence read from the words, clamped to 0–1. It is a rule model on
//! purpose: deterministic, explainable in a sentence, a few kilobytes, and not fitted to any
//! one corpus. The weights follow the published criteria (Full Fact's, ClaimBuster's): a
//! figure is the strongest sign that a claim can be checked, a comparison, trend or rank the
//! next, then what a law does, an act on the record, a cause of a public outcome, a public
//! body or measure named; first-person, modal, opinion, experience and question forms, ages
//! and judgements ("the worst idea") are the signs that it cannot.

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
    top average median majority minority only first faster slower cheaper unchanged зросла зріс зросли збільшився більше менше вище нижче \
    найбільший найменший рекорд досяг досягла вырос достиг достигла выросла выросли больше меньше выше ниже рост снизился";

/// Ranks that can be looked up: "the lowest", "an all-time high", "ranks last". Superlatives of
/// judgement ("the worst idea") are in [`EVALUATIVE`] instead.
const RANKS: &str = "highest lowest largest biggest smallest fastest slowest cheapest dearest richest poorest oldest youngest \
    longest shortest deadliest fastest-growing all-time record-breaking";

/// Judgements, including their comparatives and superlatives: "the worst idea", "more united".
const EVALUATIVE: &str = "best worst better worse greatest weakest strongest stronger weaker finest proudest saddest smartest \
    smarter dumbest toughest united dangerous important betrayal";

/// Signs of an opinion or a hope rather than a checkable statement.
const SUBJECTIVE: &str = "think thinks believe believes feel feels hope hopes hoped hoping wish should must ought plan plans aims \
    beautiful terrible wonderful awful great fantastic disgrace shameful fiction optimistic pessimistic fragile amazing \
    incredible outrageous ridiculous absurd love loves loved hate hates agree disagree deserve deserves joked deeply questions \
    очікуємо вважаю думаю сподіваюся повинні ожидаем думаю надеюсь найкраще найгірше лучший худший";

/// Signs of a forecast or a promise: checkable only when it cites a number ("will raise £2
/// billion", "pledged $50 billion").
const MODAL: &str = "might could would will may shall expect expects expected going vowed vows pledged pledges promised promises \
    буде будуть будет пообіцяв пообіцяла обіцяє пообещал пообещала обещает";

/// Personal life, feelings and thanks: what a speaker says of themselves, not of the public.
const PERSONAL: &str = "married wife husband father mother dad mum mom parents grandfather grandmother born grew childhood \
    remember remembered felt proud proudest honour honor dreamed dream grateful thank thanks thanked applause congratulate \
    congratulations welcome дякую дякуємо пишаюся спасибо благодарю поблагодарил горжусь дружина жена женат одружений батько \
    отец мати мать зрозумів зрозуміла понял поняла відчув відчула почувствовал почувствовала";

/// Events of the day that nobody would check: a meeting's start, a delay.
const PROCEDURAL: &str = "scheduled began lasted delayed postponed tonight weekend noon brief";

/// Acts on the public record: votes, laws, money spent, things built or cut. A claim that
/// someone did one can be checked against the record.
const ACTS: &str = "voted vote votes supported opposed signed passed cut cuts raised raise raises built build sent spent \
    lost created closed funded reduced stopped approved rejected blocked captured became killed kills cause causes caused \
    account accounts ranks ranked costs cost pays paid produces imports exports bans banned makes stopped took \
    require requires allow allows forbid forbids kept taken balanced vetoed opened";

/// The same acts in Ukrainian and Russian, as stems of their past and present forms
/// ("голосував", "голосовал", "сократили", "запрещает").
const ACT_STEMS: &str = "голосува голосова побудува построи скороти скороч сократи сокращ виїха перевищи превыси знизи \
    снизи імпорту импортиру підвищи повыси заборон запрет запрещ дозволя разреша вимага требу зобов'яз обязыва закри закры відкри \
    откры виділи выдели";

/// Causes and effects on the public ("has had no effect on the economy", "через війну"): a
/// causal claim can be checked against the record.
const CAUSAL: &str = "effect effects impact because due result resulted led blame blamed responsible вплив призвело призвели \
    спричинило через влияние привело привели из-за";

/// Words of all, none and ever: a claim about a whole record ("never once", "every year").
const UNIVERSAL: &str = "never ever every all-time history historic nobody none single twice times straight \
    ніколи жодного жодної жодних кожен щороку вперше вдвічі двічі втричі никогда ни каждый ежегодно впервые вдвое дважды втрое исторического";

/// Quantities written in words, which the figure spotter leaves to the checker.
const QUANTITY_WORDS: &str = "half thousands millions billions hundreds dozens twice thrice quarter third majority \
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen \
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety \
    hundred thousand million billion trillion dozen два дві три п'ять п'яти пять пяти двох двух трьох трех сто раза рази";

/// The same in Ukrainian and Russian, as stems for their cases ("третину", "пяти", "тисяч").
const QUANTITY_STEMS: &str = "чотир четыр шіст шест десят тисяч тысяч мільйон миллион мільярд миллиард половин трет чверт \
    четверт полмиллион півмільйон";

/// The starts of words for what a claim about the public is measured in or made about:
/// money, prices, jobs, health, crime, migration, energy, votes, and the laws and bodies
/// that decide them. Stems, so that "taxes", "податків" and "налога" count as "tax".
const PUBLIC: &str = "tax budget deficit debt spend econom gdp inflation unemploy wage income pension price cost rate poverty \
    crime murder prison migra immigra border asylum refugee vaccin hospital school pupil student teacher nurse patient death \
    emission energy electric coal export import sale job worker salar population turnout voter poll survey sanction aid \
    fund subsid welfare benefit medicare medicaid insur housing home rent council committee parliament congress senate \
    ministry government agency бюджет борг долг податк налог пенс зарплат безробіт безработ інфляц инфляц економ эконом \
    ціни цін цены тариф штраф фінанс финанс злочин преступ мігра мигра біженц беженц вакцин лікар больниц школ учител вчител смерт загибл погибл \
    викид выброс енерг энерг електр электр населен виборц избират опитув опрос уряд правительств міністерств министерств \
    парламент комітет комитет експорт экспорт імпорт импорт";

/// Laws, policies and their parts: a statement of what one does can be read against its text.
const LAW: &str = "law laws bill bills act regulation regulations rule rules treaty constitution ban policy court ruling \
    offence offense illegal criminal закон законопро указ постанов конституц заборон запрет суд";

/// The speaker as subject or object. "Our" is left out: "our schools", "our country" are
/// the public's.
const FIRST_PERSON: &str = "i me my mine we us i've i'm i'd i'll we've we're we'll я мене мій ми нас мы";

/// "My opponent voted …": a debater's claim about another candidate's record, not about
/// themselves.
const OPPONENT: &str = "opponent rival predecessor опонент оппонент суперник соперник попередник предшественник";

/// Seeing, hearing and knowing, after a person ("the worst idea I have ever heard", "the way
/// I see it"): experience, which nobody else can check. "The city has seen …" is not.
const PERCEPTION: &str = "seen heard see saw witnessed met known бачив бачила видел видела чув слышал";

/// Pronouns of a person, before a [`PERCEPTION`] verb.
const PERSON: &str = "i i've we we've he she you they я ми він вона мы он она";

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
        let Some((core, attributed)) = strip_attribution(&ws) else { continue };
        let (first, last) = (&ws[core.start], &ws[core.end - 1]);
        let span = first.start..last.end;
        let quoted: usize = quotes.iter().map(|q| overlap(q, &span)).sum();
        if quoted * 2 > span.len() {
            continue;
        }
        let inner = &ws[core.clone()];
        let figs = figures.iter().filter(|f| f.start >= span.start && f.end <= span.end).count();
        let question = text[s.clone()].iter().rev().find(|c| !matches!(c, '"' | '”' | '’' | '\'' | '»')) == Some(&'?');
        out.push(Claim { range: span, score: score(inner, figs, question, attributed) });
    }
    out
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The words of the claim itself: without "According to X," or "X said that" before it and
/// ", X said" or ", according to X" after it, and without closing punctuation. `None` when
/// nothing is left; with whether an attribution was found.
fn strip_attribution(ws: &[Word]) -> Option<(Range<usize>, bool)> {
    let lower: Vec<String> = ws.iter().map(Word::lower).collect();
    let is = |i: usize, w: &str| lower.get(i).is_some_and(|l| l == w);
    let mut start = 0;
    let mut end = ws.len();
    let mut attributed = false;
    // "According to the council's own estimates, …", "За даними …, …"
    let lead = (is(0, "according") && is(1, "to"))
        || ((is(0, "за") || is(0, "по")) && lower.get(1).is_some_and(|w| listed("даними словами данным словам оцінками", w)));
    if lead {
        if let Some(c) = lower.iter().take(16).position(|w| w == ",") {
            (start, attributed) = (c + 1, true);
        }
    }
    // "Mayor X told reporters that …", "He added that …", "Analysts … estimate that …"
    if let Some(v) = (start..lower.len().min(start + 14)).find(|&i| listed(REPORTING, &lower[i])) {
        let that = (v + 1..lower.len().min(v + 4)).find(|&i| listed("that що что", &lower[i]));
        if let Some(t) = that.filter(|&t| lower[v + 1..t].iter().all(|w| w != "," || listed("що что", &lower[t]))) {
            (start, attributed) = (t + 1, true);
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
            (end, attributed) = (c, true);
        }
    }
    while end > start && !ws[end - 1].is_word() && !matches!(ws[end - 1].text.as_str(), "%" | "‰" | ")") {
        end -= 1;
    }
    while start < end && !ws[start].is_word() && !matches!(ws[start].text.as_str(), "$" | "€" | "£" | "₴" | "(" | "-") {
        start += 1;
    }
    (start < end).then_some((start..end, attributed))
}

/// True when `w` is `stem` or `stem` with an ending: at most three letters more for Latin
/// script ("taxes", "rates", "economy"), four for Cyrillic, whose cases are longer
/// ("податків", "бюджетного").
fn stem_of(stem: &str, w: &str) -> bool {
    let most = if crate::text::is_cyrillic(stem) { 4 } else { 3 };
    w.strip_prefix(stem).is_some_and(|rest| rest.chars().count() <= most)
}

/// An age or a clock time, "at 16", "at the age of 15", "у віці 30 років", "at 9 p.m.":
/// a number of a person's life or of the day's schedule, not of the public.
fn is_age_at(ws: &[Word], i: usize) -> bool {
    let l = |k: usize| ws.get(k).map(Word::lower).unwrap_or_default();
    let small = |k: usize| ws.get(k).is_some_and(|w| w.text.parse::<u32>().is_ok_and(|n| n <= 120));
    let after_ok = |k: usize| ws.get(k).is_none_or(|w| !w.is_word() || listed("and than but or p.m a.m pm am years", &w.lower()));
    (l(i) == "at" && small(i + 1) && after_ok(i + 2) && ws.get(i + 2).is_none_or(|w| w.text != "%"))
        || (l(i) == "age" && l(i + 1) == "of" && small(i + 2))
        || (listed("віці возрасте", &l(i)) && small(i + 1))
        // "When I was 19, …": an age, unless a unit follows ("the rate was 19 percent").
        || (listed("was був була был была", &l(i)) && small(i + 1) && after_ok(i + 2) && ws.get(i + 2).is_none_or(|w| w.text != "%"))
}

/// How worth checking a claim of these words is, 0–1; `figures` counts the figures in it,
/// `attributed` says whether the sentence named a source for it.
fn score(ws: &[Word], figures: usize, question: bool, attributed: bool) -> f32 {
    let all: Vec<&Word> = ws.iter().filter(|w| w.is_word()).collect();
    let lower: Vec<String> = all.iter().map(|w| w.lower().replace('’', "'")).collect();
    let n = lower.len();
    let has = |list: &str| lower.iter().any(|w| listed(list, w));
    let has_stem = |list: &str| lower.iter().any(|w| list.split(' ').any(|s| stem_of(s, w)));
    // Judgements are read in lower-case words only: "Great Britain" and "the United Nations"
    // are names.
    let judges = |list: &str| all.iter().zip(&lower).enumerate().any(|(k, (w, l))| (k == 0 || !w.is_capitalized()) && listed(list, l));
    // Ages and clock times are numbers, but not the public's.
    let ages = (0..ws.len()).filter(|&i| is_age_at(ws, i)).count();
    let figures = figures.saturating_sub(ages);
    let quantities = figures == 0 && (has(QUANTITY_WORDS) || has_stem(QUANTITY_STEMS));
    let mut s: f32 = 0.2;
    if figures > 0 {
        s += 0.35;
    }
    if figures > 1 {
        s += 0.1;
    }
    // Quantities in words: "half of all", "thousands of", "three times", "fourteen years".
    if quantities {
        s += 0.15;
    }
    let public = has_stem(PUBLIC);
    if has(COMPARISON) {
        s += 0.15;
        // "more … than any other", "higher than", "быстрее, чем": a comparison with its
        // measure named is the most checkable kind.
        if has("than ніж чем") {
            s += 0.1;
        }
        // A change in a public measure ("crime is down", "rents have risen") is the plainest
        // claim a record can settle.
        if public {
            s += 0.05;
        }
    }
    // A rank can be looked up ("the cheapest", "an all-time high", "ranks last", "найнижчий",
    // "исторического минимума"); a judgement's superlative cannot ("the worst idea").
    let superlative = has(RANKS)
        || lower.windows(2).any(|p| {
            (listed("the its their our his her", &p[0]) && p[1].len() > 5 && p[1].split('-').next().is_some_and(|w| w.ends_with("est")))
                || (listed("ranks ranked", &p[0]) && listed("first last top bottom", &p[1]))
                || (listed("first перше першому первое первом", &p[0]) && listed("place місце місці место", &p[1]))
                || (listed("on історичного исторического", &p[0]) && listed("record мінімуму максимуму минимума максимума", &p[1]))
        })
        || lower.iter().any(|w| {
            crate::text::is_cyrillic(w)
                && (((w.starts_with("най") || w.starts_with("наи")) && w.chars().count() > 6) || w.starts_with("рекорд"))
        });
    let evaluative = judges(EVALUATIVE);
    if superlative && !evaluative {
        s += 0.25;
    }
    if evaluative {
        s -= 0.15;
    }
    // Names of the public actors a claim is about: capitalised words after the first; more
    // when one is an acronym, nearly always an institution, a law or a measure ("NATO", "ЗСУ").
    let names: Vec<&&Word> =
        all.iter().skip(1).filter(|w| w.is_capitalized() && !listed(FIRST_PERSON, &w.lower().replace('’', "'"))).collect();
    if !names.is_empty() {
        s += 0.1;
    }
    let acronym = all.iter().any(|w| {
        w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    if acronym {
        s += 0.1;
    }
    if public {
        s += 0.1;
    }
    if has(LAW) || has_stem("закон законопро конституц") {
        s += 0.1;
    }
    if has(ACTS) || has_stem(ACT_STEMS) {
        s += 0.2;
    }
    // A statement the reporter puts to a source ("…, the ministry said", "According to the
    // ONS, …") is one the reader may want checked; an opinion so reported loses more below.
    if attributed {
        s += 0.05;
    }
    // Only of public outcomes: "delayed because of technical problems" is not one.
    if has(CAUSAL) && (public || !names.is_empty()) {
        s += 0.15;
    }
    if has(UNIVERSAL) || lower.windows(2).any(|p| p[0] == "first" && p[1] == "time") {
        s += 0.15;
    }
    // A speaker's own record ("I cut taxes", "we built 40 hospitals") is checkable; their
    // life and feelings are not. "My opponent" is another's record.
    let opponent = has(OPPONENT);
    if opponent {
        s += 0.1;
    } else if has(FIRST_PERSON) && figures == 0 {
        s -= 0.1;
    }
    if has(PERSONAL) {
        s -= 0.35;
    }
    let perceived = (0..n).any(|i| listed(PERSON, &lower[i]) && lower[i + 1..n.min(i + 4)].iter().any(|w| listed(PERCEPTION, w)));
    if perceived {
        s -= 0.2;
    }
    // "Let me tell you", "let me be clear": a debater's turn of speech.
    if has(PROCEDURAL) || lower.windows(2).any(|p| p[0] == "let" && p[1] == "me") {
        s -= 0.2;
    }
    if judges(SUBJECTIVE) {
        s -= 0.2;
    }
    if has(MODAL) {
        s -= if figures > 0 || quantities { 0.05 } else { 0.2 };
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

    #[test]
    fn ranks_laws_and_records_count_ages_and_judgements_do_not() {
        let worthy = |t: &str| {
            let c: Vec<char> = t.chars().collect();
            super::super::worthiness(&c) >= super::super::CLAIM_THRESHOLD
        };
        for t in [
            "Illegal crossings at the southern border are at an all-time high.",
            "The new law makes it a criminal offence to sleep in a tent on public land.",
            "Western sanctions have had no effect on the Russian economy.",
            "Violent crime in our cities is down, not up.",
            "Україна посідає перше місце в Європі за площею орних земель.",
            "При нынешнем губернаторе в области закрыли половину сельских больниц.",
        ] {
            assert!(worthy(t), "{t}");
        }
        for t in [
            "My first job was flipping burgers at 16, and I loved every minute of it.",
            "When I was 19, I joined the army and served two tours overseas.",
            "The governor said the proposal was the worst idea he had ever heard.",
            "The press conference was delayed by 20 minutes because of technical problems.",
            "В 2012 году я почувствовал, что больше не могу оставаться в стороне.",
        ] {
            assert!(!worthy(t), "{t}");
        }
    }
}
