//! CSV export of the annotation list (RFC 4180, UTF-8 with BOM), safe to open in a spreadsheet.
//!
//! Spreadsheets treat a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return as a formula, so a note such as `=HYPERLINK("http://evil", "click")` would run when
//! the file is opened (CSV/formula injection, OWASP); some also skip leading spaces, line
//! breaks, zero-width characters or a BOM, and read the full-width and small forms (`＝`,
//! `﹦`) and the minus sign `−` as the ASCII ones. Such fields are written with a leading
//! single quote `'`, which spreadsheets show as text; the value in the file then differs
//! from the note by that one character. A plain number (`-19`, `2.5`) is left as it is, so
//! the value column still sums. The BOM makes Excel read the file as UTF-8.
//!
//! One row per annotation, with the whole fact-check record: cells that hold a list
//! (evidence addresses, links, labels) put one item per line.

use crate::annotation::{Annotation, Unit};
use crate::workspace::Workspace;
#[cfg(test)]
use std::fmt;

/// The first nine columns are those of the first version, in the same order; the
/// fact-check columns come after them so that sheets reading by position keep working.
pub const HEADER: [&str; 28] = [
    "id",
    "tag",
    "text",
    "start",
    "end",
    "note",
    "created",
    "modified",
    "status",
    "verdict",
    "speaker",
    "rationale",
    "evidence",
    "figure",
    "value",
    "unit",
    "figure source",
    "year",
    "quote source",
    "verified",
    "links",
    "labels",
    "creator",
    "claim as checked",
    "speaker type",
    "speaker page",
    "review page",
    "techniques",
];

/// Writes every annotation (anchored ones in document order, then orphans) as one row.
pub fn serialize(ws: &Workspace) -> String {
    let mut out = String::from("\u{FEFF}");
    write_row(&mut out, HEADER.iter().map(|h| h.to_string()));
    for a in ws.annotations().iter() {
        write_row(&mut out, row(a).into_iter());
    }
    out
}

fn row(a: &Annotation) -> [String; 28] {
    let c = &a.check;
    let lines = |items: Vec<String>| items.join("\n");
    let number = |v: f64| if v.is_finite() { format!("{v}") } else { String::new() };
    let (figure, value, unit) = match &c.figure {
        Some(f) => (
            f.to_string(),
            match f.range_high {
                Some(high) => format!("{}–{}", number(f.value), number(high)),
                None => number(f.value),
            },
            match &f.unit {
                Unit::Currency(code) => code.clone(),
                Unit::Percent => "percent".into(),
                Unit::Year => "year".into(),
                Unit::Date(iso) => format!("date {iso}"),
                Unit::Count => "count".into(),
                Unit::Other(u) => u.clone(),
            },
        ),
        None => Default::default(),
    };
    let source = c.figure_source.as_ref();
    [
        a.id.to_string(),
        a.tag.as_str().to_string(),
        a.target.exact.clone(),
        a.range().start().to_string(),
        a.range().end().to_string(),
        a.note.clone(),
        a.created.to_rfc3339(),
        a.modified.to_rfc3339(),
        if a.is_orphan() { "orphan" } else { "anchored" }.to_string(),
        c.verdict.clone().unwrap_or_default(),
        c.speaker.clone(),
        c.rationale.clone(),
        lines(c.evidence.iter().map(|e| e.url.clone()).collect()),
        figure,
        value,
        unit,
        source.map(|s| s.name.clone()).unwrap_or_default(),
        source.and_then(|s| s.year).map(|y| y.to_string()).unwrap_or_default(),
        c.source_url.clone().unwrap_or_default(),
        if c.verified { "yes".into() } else { String::new() },
        lines(c.links.iter().map(|l| format!("{} {}", l.relation.as_str(), l.to)).collect()),
        lines(a.labels().to_vec()),
        a.creator().to_string(),
        c.claim_reviewed.clone(),
        c.speaker_kind.map(|k| k.schema_type().to_string()).unwrap_or_default(),
        c.speaker_same_as.clone().unwrap_or_default(),
        c.review_url.clone().unwrap_or_default(),
        lines(c.techniques.clone()),
    ]
}

fn write_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&escape(&field));
    }
    out.push_str("\r\n");
}

/// Characters a spreadsheet may skip before it looks for a formula sign.
fn skipped_first(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}')
}

/// Whether a spreadsheet could read the field as a formula.
fn is_formula(field: &str) -> bool {
    if field.starts_with(['\t', '\r']) {
        return true;
    }
    let rest = field.trim_start_matches(skipped_first);
    let plain_number = rest.len() == field.len() && is_plain_number(rest);
    !plain_number && rest.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '−'])
}

/// `-12`, `3.5`: digits, with a minus and a decimal point at most.
fn is_plain_number(s: &str) -> bool {
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    !int.is_empty() && !frac.is_empty() && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
}

/// Guards a field against formula injection, then quotes it if it needs quoting.
fn escape(field: &str) -> String {
    let guarded = if is_formula(field) { format!("'{field}") } else { field.to_string() };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Why a CSV text could not be read (the reader checks the writer's round trip).
#[cfg(test)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field runs to the end of the file; `line` is where it opened.
    UnclosedQuote { line: usize },
    /// Something other than a comma or line end follows a closing quote.
    TextAfterQuote { line: usize },
}

#[cfg(test)]
impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::UnclosedQuote { line } => write!(f, "line {line}: a quoted field is never closed (add the missing \")"),
            CsvError::TextAfterQuote { line } => {
                write!(f, "line {line}: text follows a closing quote (write a quote inside a quoted field as \"\")")
            }
        }
    }
}

#[cfg(test)]
impl std::error::Error for CsvError {}

/// Reads RFC 4180 CSV into records of fields. A leading BOM is skipped; CRLF and bare LF
/// both end a record; the line break after the last record is optional.
#[cfg(test)]
pub fn parse(src: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = src.chars().peekable();
    let mut line = 1;
    while let Some(c) = chars.next() {
        match c {
            '"' if field.is_empty() => {
                let opened = line;
                loop {
                    match chars.next() {
                        None => return Err(CsvError::UnclosedQuote { line: opened }),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            line += usize::from(c == '\n');
                            field.push(c);
                        }
                    }
                }
                if !matches!(chars.peek(), None | Some(',' | '\r' | '\n')) {
                    return Err(CsvError::TextAfterQuote { line });
                }
                // An empty quoted field ("") must still count as a field.
                record.push(std::mem::take(&mut field));
                if chars.peek() == Some(&',') {
                    chars.next();
                    if matches!(chars.peek(), None | Some('\r' | '\n')) {
                        record.push(String::new());
                    }
                }
            }
            ',' => {
                record.push(std::mem::take(&mut field));
                if matches!(chars.peek(), None | Some('\r' | '\n')) {
                    record.push(String::new());
                }
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {
                if !field.is_empty() || record.is_empty() {
                    record.push(std::mem::take(&mut field));
                }
                records.push(std::mem::take(&mut record));
                line += 1;
            }
            c => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        if !field.is_empty() {
            record.push(field);
        }
        records.push(record);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{AnnotationId, Tag};
    use crate::article::Article;
    use crate::text::CharRange;
    use crate::time::Timestamp;

    fn id(n: u8) -> AnnotationId {
        AnnotationId::new_v4([n; 16])
    }

    fn sample_ws() -> Workspace {
        let mut w = Workspace::new(Article {
            title: "Head 😀".into(),
            paragraphs: vec!["He said \"no, never\" and left.".into(), "=1+1 is a formula".into()],
            ..Article::default()
        });
        w.create(CharRange::new(11, 36).unwrap(), Tag::Quote, id(1), Timestamp(1_738_702_680_000)).unwrap();
        w.set_note(&id(1), "Line one,\nline \"two\" 👩\u{200d}👩\u{200d}👧", Timestamp(1_738_702_690_000));
        w.create(CharRange::new(39, 43).unwrap(), Tag::Figure, id(2), Timestamp(1)).unwrap();
        w.set_note(&id(2), "@mention -minus +plus", Timestamp(2));
        w
    }

    #[test]
    fn layout_bom_crlf_and_header() {
        let csv = serialize(&sample_ws());
        assert!(csv.starts_with(&format!("\u{FEFF}{}\r\n", HEADER.join(","))));
        assert!(csv.starts_with("\u{FEFF}id,tag,text,start,end,note,created,modified,status,verdict,speaker,rationale,evidence,"));
        assert!(csv.ends_with(&format!("anchored{}\r\n", ",".repeat(HEADER.len() - 9))));
        assert_eq!(csv.matches("\r\n").count(), 3, "one CRLF per record; the LF inside a note stays in its quoted field");
        assert!(csv.contains("\"Line one,\nline \"\"two\"\" 👩\u{200d}👩\u{200d}👧\""));
    }

    #[test]
    fn round_trip_gives_back_every_field() {
        let w = sample_ws();
        let rows = parse(&serialize(&w)).unwrap();
        assert_eq!(rows[0], HEADER);
        assert_eq!(rows.len(), 3);
        let a = w.annotations().get(&id(1)).unwrap();
        assert_eq!(rows[1], row(a).to_vec());
        assert_eq!(rows[1][2], "said \"no, never\" and left");
        // Guarded fields come back with their leading quote, as a spreadsheet would show them.
        assert_eq!(rows[2][2], "'=1+1");
        assert_eq!(rows[2][5], "'@mention -minus +plus");
        assert_eq!((rows[2][3].as_str(), rows[2][4].as_str(), rows[2][8].as_str()), ("39", "43", "anchored"));
    }

    #[test]
    fn verdict_and_speaker_columns() {
        let mut w = sample_ws();
        w.set_verdict(&id(1), Some("Mostly false"), Timestamp(3));
        w.set_speaker(&id(1), "=cmd|' /C calc'!A0", Timestamp(4));
        let rows = parse(&serialize(&w)).unwrap();
        assert_eq!(
            &rows[0][..9],
            &["id", "tag", "text", "start", "end", "note", "created", "modified", "status"],
            "the old columns stay first"
        );
        assert_eq!((rows[1][9].as_str(), rows[1][10].as_str()), ("Mostly false", "'=cmd|' /C calc'!A0"), "the speaker is guarded too");
        assert_eq!((rows[2][9].as_str(), rows[2][10].as_str()), ("", ""));
    }

    #[test]
    fn every_field_of_random_annotations_comes_back_from_the_file() {
        let mut rng = crate::testing::Rng::new(3);
        for _ in 0..10 {
            let w = crate::testing::filled_workspace(&mut rng, 12);
            let rows = parse(&serialize(&w)).unwrap();
            assert_eq!(rows.len(), w.annotations().len() + 1);
            for (a, cells) in w.annotations().iter().zip(&rows[1..]) {
                for ((field, cell), name) in row(a).iter().zip(cells).zip(HEADER) {
                    let written = if is_formula(field) { format!("'{field}") } else { field.clone() };
                    assert_eq!(cell, &written, "{name} of {}", a.id);
                }
                assert_eq!(cells[12].lines().count(), a.check.evidence.len(), "one address per line");
                assert!(!a.check.rationale.is_empty() && cells[11].ends_with(a.check.rationale.as_str()));
            }
        }
    }

    #[test]
    fn figure_and_source_columns() {
        let mut w = sample_ws();
        w.set_figure_value(&id(2), crate::suggest::parse_figure("more than $14.8 trillion"), Timestamp(3));
        w.set_figure_source(&id(2), "Forbes", Some(2023), Timestamp(3));
        let rows = parse(&serialize(&w)).unwrap();
        let col = |name: &str| rows[2][HEADER.iter().position(|h| *h == name).unwrap()].clone();
        assert_eq!(
            (col("value"), col("unit"), col("figure source"), col("year")),
            ("14800000000000".into(), "USD".into(), "Forbes".into(), "2023".into())
        );
        assert!(col("figure").contains("14.8 trillion"), "{}", col("figure"));
    }

    #[test]
    fn orphans_are_listed_last_with_their_status() {
        let mut w = sample_ws();
        let mut lost = w.annotations().get(&id(2)).unwrap().clone();
        (lost.id, lost.target.exact) = (id(3), "vanished words".into());
        assert_eq!(w.load(vec![lost]).orphaned, 1);
        let rows = parse(&serialize(&w)).unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!((rows[3][0].as_str(), rows[3][2].as_str(), rows[3][8].as_str()), (id(3).as_str(), "vanished words", "orphan"));
    }

    #[test]
    fn formula_guard_covers_each_trigger() {
        let triggers = ["=A1", "+1+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "-x", "-", "-1.", "--1"];
        let hidden = [" =A1", "\u{A0}=A1", "\n=A1", "\u{200B}=A1", "\u{FEFF}=A1", " \u{2060}\n+A1", "\u{3000}@A1"];
        let wide = ["＝A1", "＋A1", "－A1", "＠A1", "﹦A1", "﹢A1", "﹣A1", "−A1"];
        for s in triggers.iter().chain(&hidden).chain(&wide) {
            assert!(escape(s).trim_start_matches('"').starts_with('\''), "{s:?}");
        }
        for number in ["-19", "2.5", "-0.75", "1994", "14800000000000"] {
            assert_eq!(escape(number), number, "a plain number stays a number");
        }
        assert_eq!(escape(" -19"), "' -19", "not plain once it has a leading space");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("a=b"), "a=b", "only a leading trigger is a formula");
        assert_eq!(escape("\rx"), "\"'\rx\"");
    }

    #[test]
    fn reader_handles_quotes_commas_newlines_and_emoji() {
        let src = "a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,😀\n\"\",x,\r\nlast";
        let rows = parse(src).unwrap();
        assert_eq!(rows, vec![vec!["a", "b,c", "d\"e"], vec!["multi\nline", "", "😀"], vec!["", "x", ""], vec!["last"],]);
        assert_eq!(parse("").unwrap(), Vec::<Vec<String>>::new());
        assert_eq!(parse("\u{FEFF}x\r\n").unwrap(), vec![vec!["x"]]);
        assert_eq!(parse("a\n\nb").unwrap(), vec![vec!["a"], vec![""], vec!["b"]]);
    }

    #[test]
    fn reader_reports_malformed_quotes_by_line() {
        assert_eq!(parse("a\n\"open\nstill"), Err(CsvError::UnclosedQuote { line: 2 }));
        assert_eq!(parse("a\n\"x\"y"), Err(CsvError::TextAfterQuote { line: 2 }));
        assert!(CsvError::UnclosedQuote { line: 2 }.to_string().contains("line 2"));
    }
}
