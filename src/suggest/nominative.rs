//! Ukrainian and Russian names back in the nominative: "за словами Олени Зеленської" names
//! Олена Зеленська, "по словам Сергея Лаврова" Сергей Лавров. Only names after such a cue
//! are read in the genitive, so only they are changed.

/// Genitive endings of names and their nominative, longest first (a surname's "-ського"
/// before a first name's "-а"). Ukrainian and Russian share most of them; where they differ
/// (Ігоря → Ігор, Игоря → Игорь) the word's letters tell which it is.
const ENDINGS: [(&str, &str); 31] = [
    ("ського", "ський"),
    ("цького", "цький"),
    ("ської", "ська"),
    ("цької", "цька"),
    ("ского", "ский"),
    ("цкого", "цкий"),
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("ової", "ова"),
    ("евої", "ева"),
    ("іної", "іна"),
    ("иної", "ина"),
    ("овой", "ова"),
    ("евой", "ева"),
    ("иной", "ина"),
    ("ства", "ство"),
    ("енка", "енко"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ёва", "ёв"),
    ("ина", "ин"),
    ("іна", "ін"),
    ("ына", "ын"),
    ("ія", "ій"),
    ("ия", "ий"),
    ("ея", "ей"),
    ("ії", "ія"),
    ("ии", "ия"),
    ("ы", "а"),
    ("и", "а"),
    ("а", ""),
];

/// True for a word written with a letter Russian does not have.
fn ukrainian(word: &str) -> bool {
    word.chars().any(|c| "іїєґІЇЄҐ".contains(c))
}

/// One capitalised name word from the genitive ("Лаврова" → "Лавров"); other words as written.
fn word(w: &str) -> String {
    if !w.starts_with(|c: char| c.is_uppercase()) || !crate::text::is_cyrillic(w) || w.chars().count() < 3 {
        return w.to_string();
    }
    // A consonant stem's "-я": Ігоря → Ігор, Игоря → Игорь.
    if let Some(stem) = w.strip_suffix('я').filter(|s| !s.ends_with(['і', 'и', 'е', 'а', 'о', 'у'])) {
        return if ukrainian(w) { stem.to_string() } else { format!("{stem}ь") };
    }
    match ENDINGS.iter().find(|(g, _)| w.ends_with(g)) {
        Some((g, n)) => format!("{}{n}", &w[..w.len() - g.len()]),
        None => w.to_string(),
    }
}

/// The speaker named after "за словами", "по словам", "за даними" or "по данным": a person's
/// name without the title before it, in the nominative ("министра иностранных дел Сергея
/// Лаврова" → "Сергей Лавров"); a body's first word in the nominative ("Міністерства
/// охорони здоров'я" → "Міністерство охорони здоров'я").
pub(super) fn nominative(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let run = words.iter().rev().take_while(|w| w.starts_with(char::is_uppercase)).count();
    if run > 0 && run < words.len() {
        // A title before the name: the name alone.
        return words[words.len() - run..].iter().map(|w| word(w)).collect::<Vec<_>>().join(" ");
    }
    if run == words.len() {
        return words.iter().map(|w| word(w)).collect::<Vec<_>>().join(" ");
    }
    // A body: its first word names it, the rest depend on it and stay as written.
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
    if let Some(first) = out.first_mut() {
        *first = word(first);
    }
    out.join(" ")
}

/// Feminine stems of bodies, whose locative "-і"/"-е" stands for a nominative "-а" ("у Раді",
/// "в Думе", "у Службі безпеки"); other stems are masculine ("у Генштабі", "в Кремле").
const FEMININE: &str = "рад дум госдум служб прокуратур палат";

/// A body's name from the locative it is named in after "у"/"в" ("Генштабі ЗСУ" → "Генштаб
/// ЗСУ", "Кремле" → "Кремль", "Міністерстві" → "Міністерство"): its first word only, the
/// rest depending on it; abbreviations and indeclinable names ("МВС", "Минобороны России",
/// "Укренерго") as written. Conservative: a word with no locative ending is left alone.
pub(super) fn from_locative(phrase: &str) -> String {
    let mut words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
    if let Some(first) = words.first_mut() {
        *first = locative_word(first);
    }
    words.join(" ")
}

fn locative_word(w: &str) -> String {
    let letters = w.chars().count();
    if !crate::text::is_cyrillic(w) || letters < 4 || w.chars().skip(1).all(char::is_uppercase) {
        return w.to_string();
    }
    for (loc, nom) in [("стві", "ство"), ("стве", "ство"), ("ії", "ія"), ("ии", "ия")] {
        if let Some(stem) = w.strip_suffix(loc) {
            return format!("{stem}{nom}");
        }
    }
    // Ukrainian "-і", "-у", Russian "-е": a hard stem's ending, or a soft one's after "л"
    // ("Кремлі", "Кремле" → "Кремль").
    let Some(stem) = w.strip_suffix('і').or_else(|| w.strip_suffix('е')).or_else(|| w.strip_suffix('у')) else {
        return w.to_string();
    };
    if crate::text::listed(FEMININE, &stem.to_lowercase()) {
        format!("{stem}а")
    } else if stem.ends_with('л') && !w.ends_with('у') {
        format!("{stem}ь")
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::{from_locative, nominative};

    #[test]
    fn bodies_named_where_they_speak() {
        for (locative, want) in [
            ("Генштабі ЗСУ", "Генштаб ЗСУ"),
            ("Кремле", "Кремль"),
            ("Кремлі", "Кремль"),
            ("МВС", "МВС"),
            ("Минобороны России", "Минобороны России"),
            ("Укренерго", "Укренерго"),
            ("Аэрофлоте", "Аэрофлот"),
            ("Міністерстві оборони", "Міністерство оборони"),
            ("Адміністрації президента", "Адміністрація президента"),
            ("Раді", "Рада"),
            ("Госдуме", "Госдума"),
            ("Мінфіні", "Мінфін"),
            ("Офісі президента", "Офіс президента"),
        ] {
            assert_eq!(from_locative(locative), want, "{locative}");
        }
    }

    #[test]
    fn names_and_bodies_in_the_nominative() {
        for (genitive, want) in [
            ("Олени Зеленської", "Олена Зеленська"),
            ("Зеленського", "Зеленський"),
            ("Володимира Зеленського", "Володимир Зеленський"),
            ("міністра оборони Олексія Резнікова", "Олексій Резніков"),
            ("Марії Гнатюк", "Марія Гнатюк"),
            ("Ігоря Терехова", "Ігор Терехов"),
            ("Андрія Шевченка", "Андрій Шевченко"),
            ("Сергея Лаврова", "Сергей Лавров"),
            ("министра иностранных дел Сергея Лаврова", "Сергей Лавров"),
            ("Пескова", "Песков"),
            ("Игоря Васильева", "Игорь Васильев"),
            ("Елены Кузнецовой", "Елена Кузнецова"),
            ("Дмитрия Медведева", "Дмитрий Медведев"),
            ("Ольги Стефанішиної", "Ольга Стефанішина"),
            ("Олега Синєгубова", "Олег Синєгубов"),
            ("Міністерства охорони здоров'я", "Міністерство охорони здоров'я"),
            ("Министерства обороны", "Министерство обороны"),
            ("ООН", "ООН"),
            ("Шевчук", "Шевчук"),
            ("Forbes", "Forbes"),
        ] {
            assert_eq!(nominative(genitive), want, "{genitive}");
        }
    }
}
