//! Ids as the W3C model wants them, IRIs, and back: `urn:uuid:` for UUIDs, a Factmark URN for other ids, IRIs as they are.
//!
//! Factmark ids are UUIDs, or whatever another tool's file called its annotations (`rt-claim`,
//! `w3c-1`). The model says an id MUST be an IRI, so an id that is not one already (it has no
//! scheme) is written as `urn:factmark:annotation:` plus the id, percent-encoded; reading
//! undoes both forms, so a Factmark → W3C → Factmark round trip keeps every id.

const UUID_PREFIX: &str = "urn:uuid:";
const ID_PREFIX: &str = "urn:factmark:annotation:";

/// The IRI an annotation is written with.
pub fn annotation_iri(id: &str) -> String {
    if is_uuid(id) {
        format!("{UUID_PREFIX}{id}")
    } else if has_scheme(id) {
        id.to_string()
    } else {
        let mut out = String::from(ID_PREFIX);
        for b in id.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
}

/// The Factmark id of an IRI [`annotation_iri`] wrote; other ids as they are.
pub fn annotation_id(iri: &str) -> String {
    if let Some(id) = iri.strip_prefix(UUID_PREFIX) {
        return id.to_string();
    }
    let Some(encoded) = iri.strip_prefix(ID_PREFIX) else { return iri.to_string() };
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%').then(|| encoded.get(i + 1..i + 3)).flatten().and_then(|h| u8::from_str_radix(h, 16).ok());
        match hex {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| iri.to_string())
}

/// `8-4-4-4-12` hexadecimal digits.
fn is_uuid(s: &str) -> bool {
    s.len() == 36 && s.char_indices().all(|(i, c)| if matches!(i, 8 | 13 | 18 | 23) { c == '-' } else { c.is_ascii_hexdigit() })
}

/// `scheme:` as RFC 3987 has it: a letter, then letters, digits, `+`, `-` or `.`.
fn has_scheme(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once(':') else { return false };
    scheme.starts_with(|c: char| c.is_ascii_alphabetic()) && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// A UUID (version 8, RFC 9562: custom) made from the SHA-256 of `seed`: the same seed gives
/// the same id, so exports of one article name their collection alike.
pub fn derived_uuid(seed: &str) -> String {
    let hex = crate::sha256::sha256_hex(seed.as_bytes());
    let mut h: Vec<char> = hex[..32].chars().collect();
    h[12] = '8';
    h[16] = ['8', '9', 'a', 'b'][h[16].to_digit(16).unwrap_or(0) as usize % 4];
    let h: String = h.into_iter().collect();
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_becomes_an_iri_and_comes_back() {
        let cases = [
            ("07070707-0707-4707-8707-070707070707", "urn:uuid:07070707-0707-4707-8707-070707070707"),
            ("rt-claim", "urn:factmark:annotation:rt-claim"),
            ("w3c-1", "urn:factmark:annotation:w3c-1"),
            ("a/b#c?d%e😀", "urn:factmark:annotation:a%2Fb%23c%3Fd%25e%F0%9F%98%80"),
            ("https://hypothes.is/a/x1", "https://hypothes.is/a/x1"),
            ("1:2", "urn:factmark:annotation:1%3A2"),
        ];
        for (id, iri) in cases {
            assert_eq!(annotation_iri(id), iri);
            assert_eq!(annotation_id(iri), id);
        }
        assert_eq!(annotation_id("urn:factmark:annotation:bad%zz"), "bad%zz", "a stray % is kept");
        assert!(!is_uuid("07070707x0707-4707-8707-070707070707"));
    }

    #[test]
    fn derived_uuids_are_stable_and_well_formed() {
        let u = derived_uuid("collection abc");
        assert_eq!(u, derived_uuid("collection abc"));
        assert_ne!(u, derived_uuid("page 1 abc"));
        assert!(is_uuid(&u) && u.as_bytes()[14] == b'8' && "89ab".contains(u.as_bytes()[19] as char), "{u}");
    }
}
