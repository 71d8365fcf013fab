//! Character references (`&amp;`, `&#8217;`, `&eacute;`) decoded in text and attribute values.

/// The named references that news pages use. The full HTML list has 2,231 names; the rest
/// are left as written, which costs a reader a stray `&name;` rather than a wrong letter.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("shy", '\u{ad}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("bull", '•'),
    ("middot", '·'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("minus", '−'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("micro", 'µ'),
    ("para", '¶'),
    ("sect", '§'),
    ("cent", '¢'),
    ("pound", '£'),
    ("yen", '¥'),
    ("euro", '€'),
    ("curren", '¤'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("acute", '´'),
    ("uml", '¨'),
    ("cedil", '¸'),
    ("macr", '¯'),
    ("not", '¬'),
    ("brvbar", '¦'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("szlig", 'ß'),
    ("AElig", 'Æ'),
    ("aelig", 'æ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Oslash", 'Ø'),
    ("oslash", 'ø'),
    ("ETH", 'Ð'),
    ("eth", 'ð'),
    ("THORN", 'Þ'),
    ("thorn", 'þ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("pi", 'π'),
    ("mu", 'μ'),
    ("sigma", 'σ'),
    ("omega", 'ω'),
    ("Delta", 'Δ'),
    ("Omega", 'Ω'),
];

/// Latin letters with a mark, as `&<letter><mark>;` (`&eacute;`, `&Ntilde;`): the mark names
/// and the letters that carry them, composed with the combining mark and normalised by hand.
const MARKS: &[(&str, &str, &str)] = &[
    ("acute", "aeiouyAEIOUY", "áéíóúýÁÉÍÓÚÝ"),
    ("grave", "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
    ("circ", "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
    ("uml", "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
    ("tilde", "anoANO", "ãñõÃÑÕ"),
    ("ring", "aA", "åÅ"),
    ("cedil", "cC", "çÇ"),
];

/// The character a reference's name stands for, if it is one this module knows.
fn named(name: &str) -> Option<char> {
    if let Some(&(_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let mut chars = name.chars();
    let letter = chars.next()?;
    let mark = chars.as_str();
    let (_, letters, composed) = MARKS.iter().find(|(m, _, _)| *m == mark)?;
    let i = letters.chars().position(|l| l == letter)?;
    composed.chars().nth(i)
}

/// A numeric reference's character. Code points the HTML standard replaces (NUL,
/// surrogates, out of range) become U+FFFD; C1 controls are read as Windows-1252, as
/// browsers do, because that is what the page's author typed.
fn numeric(digits: &str, hex: bool) -> Option<char> {
    let n = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
    const CP1252: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
    Some(match n {
        0x80..=0x9f => CP1252.chars().nth((n - 0x80) as usize)?,
        0 => '\u{fffd}',
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    })
}

/// `s` with its character references decoded. References that are not known, or not
/// terminated where they must be, are kept as written.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The reference at the start of `s` (which starts with `&`) and its length in bytes.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (hex, digits_from) = match num.as_bytes().first() {
            Some(b'x' | b'X') => (true, 1),
            _ => (false, 0),
        };
        let digits = &num[digits_from..];
        let len = digits.bytes().take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() }).count();
        if len == 0 {
            return None;
        }
        let c = numeric(&digits[..len], hex)?;
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((c, 2 + digits_from + len + semi));
    }
    let len = body.bytes().take(8).take_while(u8::is_ascii_alphanumeric).count();
    if len == 0 || !body[len..].starts_with(';') {
        // Without the `;` only a few legacy names are references; `&copy` in a URL's query
        // (`?a=1&copy=2`) must stay as written, so only the common ones are taken.
        let legacy = ["nbsp", "amp", "lt", "gt", "quot", "copy"];
        let name = legacy.iter().find(|n| body.starts_with(**n))?;
        let next = body[name.len()..].bytes().next();
        if next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=') {
            return None;
        }
        return Some((named(name)?, 1 + name.len()));
    }
    Some((named(&body[..len])?, 1 + len + 1))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn references_are_decoded_and_unknown_ones_kept() {
        assert_eq!(decode("Tom &amp; Jerry &lt;3"), "Tom & Jerry <3");
        assert_eq!(decode("it&#8217;s &#x2014; &#X41;"), "it’s — A");
        assert_eq!(decode("caf&eacute; &Ntilde; &ccedil;"), "café Ñ ç");
        assert_eq!(decode("&nbsp;&hellip;&euro;"), "\u{a0}…€");
        assert_eq!(decode("&bogus; & alone &"), "&bogus; & alone &");
        assert_eq!(decode("a&#0;b&#xD800;c&#99999999;"), "a\u{fffd}b\u{fffd}c\u{fffd}");
        assert_eq!(decode("&#150; &#147;x&#148;"), "– “x”");
    }

    #[test]
    fn legacy_names_without_semicolon_but_not_inside_queries() {
        assert_eq!(decode("a &amp b &nbspc"), "a & b &nbspc");
        assert_eq!(decode("?x=1&copy=2&lt=3"), "?x=1&copy=2&lt=3");
        assert_eq!(decode("&copy 2024"), "© 2024");
    }
}
