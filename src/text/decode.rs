//! Decoding an opened file's bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else Windows-1252.

use std::fmt;

/// The encoding a file was read with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// A decoded file. `lossy_note` tells the person when the text may not be what they saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without its byte order mark.
    pub text: String,
    pub encoding: Encoding,
    pub lossy_note: Option<String>,
}

/// Why the bytes were not read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("it looks like a binary file, not text"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Windows-1252 for 0x80–0x9F; the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90,
/// 0x9D) map to the C1 controls of the same value, as browsers' decoders do. Every other
/// byte is the code point of the same value (Latin-1).
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}',
    '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}',
    '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// More than one character in this many being a control character means binary.
const CONTROL_SHARE: usize = 10;

/// Reads bytes as text. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is
/// UTF-8, and anything else is read as Windows-1252, the likeliest encoding of a text file
/// that is not UTF-8, with a note saying so.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (text, encoding, note) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_string(), Encoding::Utf8Bom, None),
            Err(_) => (
                String::from_utf8_lossy(rest).into_owned(),
                Encoding::Utf8Bom,
                Some("The file is marked as UTF-8 but has bytes that are not; they are shown as \u{FFFD}.".to_string()),
            ),
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, note) = utf16(rest, u16::from_le_bytes);
        (text, Encoding::Utf16Le, note)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, note) = utf16(rest, u16::from_be_bytes);
        (text, Encoding::Utf16Be, note)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), Encoding::Utf8, None)
    } else {
        let text =
            bytes.iter().map(|&b| if (0x80..0xA0).contains(&b) { CP1252_HIGH[usize::from(b - 0x80)] } else { char::from(b) }).collect();
        let note = "The file is not UTF-8, so it was read as Windows-1252 (Western European). If letters look wrong, save it as UTF-8 and open it again.";
        (text, Encoding::Windows1252, Some(note.to_string()))
    };
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    Ok(Decoded { text, encoding, lossy_note: note })
}

/// Decodes UTF-16 code units; unpaired surrogates and a dangling odd byte become U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, Option<String>) {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut bad = 0;
    let mut text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    let mut problems = Vec::new();
    if bad > 0 {
        problems.push(format!("{bad} broken character{} (unpaired surrogates)", if bad == 1 { "" } else { "s" }));
    }
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        problems.push("a cut-off last byte".to_string());
    }
    let note = (!problems.is_empty()).then(|| format!("The UTF-16 file has {}; shown as \u{FFFD}.", problems.join(" and ")));
    (text, note)
}

/// How much of a text the control-character share is measured on.
const BINARY_SAMPLE_BYTES: usize = 64 * 1024;

/// True for a NUL anywhere, or a high share of control characters other than the tab, line
/// feed, carriage return and form feed that text files do contain.
///
/// Works on bytes, not chars: every import of a multi-megabyte file runs it, and the control
/// characters (U+0000–U+001F, U+007F, and U+0080–U+009F, which UTF-8 writes as C2 80–C2 9F)
/// are easy to spot in UTF-8 without decoding.
pub fn looks_binary(text: &str) -> bool {
    let all = text.as_bytes();
    if all.contains(&0) {
        return true;
    }
    // The share of control characters is taken from the start: a binary file shows itself in
    // its first kilobytes, and a multi-megabyte import need not be read twice in full.
    let b = &all[..all.len().min(BINARY_SAMPLE_BYTES)];
    let mut total = 0usize;
    let mut controls = 0usize;
    for (i, &c) in b.iter().enumerate() {
        // One char per byte that is not a UTF-8 continuation byte.
        total += usize::from(c & 0xC0 != 0x80);
        let c0 = (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C)) || c == 0x7F;
        let c1 = c == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n));
        controls += usize::from(c0 || c1);
    }
    controls * CONTROL_SHARE > total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes).unwrap()
    }

    #[test]
    fn plain_utf8_and_utf8_with_bom() {
        let d = ok("Привет 😀 e\u{301}".as_bytes());
        assert_eq!((d.text.as_str(), d.encoding, d.lossy_note), ("Привет 😀 e\u{301}", Encoding::Utf8, None));
        let d = ok(b"\xEF\xBB\xBFhello");
        assert_eq!((d.text.as_str(), d.encoding, d.lossy_note), ("hello", Encoding::Utf8Bom, None));
        let d = ok(b"\xEF\xBB\xBFbad \xFF byte");
        assert_eq!((d.text.as_str(), d.encoding), ("bad \u{FFFD} byte", Encoding::Utf8Bom));
        assert!(d.lossy_note.unwrap().contains("UTF-8"));
        assert_eq!(ok(b"").text, "");
    }

    #[test]
    fn utf16_by_byte_order_mark() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a😀Ж".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let d = ok(&le);
        assert_eq!((d.text.as_str(), d.encoding, d.lossy_note), ("a😀Ж", Encoding::Utf16Le, None));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("a😀Ж".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        let d = ok(&be);
        assert_eq!((d.text.as_str(), d.encoding), ("a😀Ж", Encoding::Utf16Be));
    }

    #[test]
    fn broken_utf16_is_repaired_with_a_note() {
        // A lone high surrogate, a lone low surrogate, then an odd trailing byte.
        let d = ok(&[0xFF, 0xFE, b'a', 0, 0x3D, 0xD8, b'b', 0, 0x00, 0xDE, b'c', 0, b'd']);
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
        let note = d.lossy_note.unwrap();
        assert!(note.contains("2 broken characters") && note.contains("cut-off last byte"), "{note}");
        assert_eq!(ok(&[0xFE, 0xFF, 0, b'x', 0]).text, "x\u{FFFD}");
    }

    #[test]
    fn non_utf8_is_read_as_windows_1252() {
        let d = ok(b"caf\xE9 \x93quoted\x94 \x80 5 \x96 \x9F \x81");
        assert_eq!(d.text, "café \u{201C}quoted\u{201D} € 5 – Ÿ \u{81}");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert!(d.lossy_note.unwrap().contains("Windows-1252"));
        let all: Vec<u8> = (0x80..=0x9F).collect();
        let table: String = CP1252_HIGH.iter().collect();
        assert_eq!(decode(&[b"x\xFF".as_slice(), &all, &[b' '; 40]].concat()).unwrap().text, format!("xÿ{table}{}", " ".repeat(40)));
    }

    /// The byte-wise check agrees with the obvious one over chars.
    #[test]
    fn looks_binary_matches_the_char_definition() {
        fn by_chars(text: &str) -> bool {
            let total = text.chars().count();
            let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')).count();
            text.contains('\0') || controls * CONTROL_SHARE > total
        }
        let pool =
            ['a', ' ', '\n', '\t', '\u{1}', '\u{7F}', '\u{80}', '\u{9F}', '\u{A0}', 'é', 'Ж', '😀', '\u{C2}', '\u{0C}', '\u{1B}', '\0'];
        let mut rng = Rng::new(7);
        for _ in 0..3000 {
            let len = rng.below(40);
            let s: String = (0..len).map(|_| pool[rng.below(pool.len())]).collect();
            assert_eq!(looks_binary(&s), by_chars(&s), "{s:?}");
        }
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"PK\x03\x04\x14\x00\x00\x00"), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Err(DecodeError::Binary));
        assert_eq!(decode(b"text\x01\x02\x03\x04"), Err(DecodeError::Binary));
        // A UTF-16 file holds NUL bytes, but not NUL characters.
        assert_eq!(decode(&[0xFF, 0xFE, b'a', 0, 0, 0]), Err(DecodeError::Binary));
        assert!(decode(b"tabs\tand\r\nform\x0Cfeeds with one \x1B escape").is_ok());
        assert_eq!(DecodeError::Binary.to_string(), "it looks like a binary file, not text");
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut rng = Rng::new(8);
        for _ in 0..2000 {
            let len = rng.below(64);
            let bom: &[u8] = [&[0xFF, 0xFE][..], &[0xFE, 0xFF], &[0xEF, 0xBB, 0xBF], &[]][rng.below(4)];
            let mut bytes = bom.to_vec();
            bytes.extend((0..len).map(|_| rng.next_u64() as u8));
            if let Ok(d) = decode(&bytes) {
                assert!(!d.text.contains('\0'));
            }
        }
    }
}
