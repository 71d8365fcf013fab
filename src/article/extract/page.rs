//! A parsed page with what extraction asks of every node, counted once: whether it is
//! clutter, and how much text, link text and commas it holds.

use crate::html::{Document, NodeId};
use crate::text::listed;

/// Elements whose text is never article text.
fn is_dropped_name(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "form"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "nav"
            | "aside"
            | "footer"
            | "dialog"
            | "menu"
            | "head"
            | "title"
            | "link"
            | "meta"
            | "video"
            | "audio"
            | "picture"
            | "map"
    )
}
/// ARIA roles of page furniture.
const DROP_ROLES: &str = "navigation banner complementary contentinfo menu menubar alert alertdialog dialog search tablist toolbar";
/// Words in a class or id that mark page furniture (Readability's list)...
const UNLIKELY: &str = "-ad- ai2html banner breadcrumb combx comment community cover-wrap disqus extra footer gdpr header legends menu related remark replies rss shoutbox sidebar skyscraper social sponsor supplemental ad-break agegate pagination pager popup yom-remote";
/// ...and words of our own (share bars, sign-up boxes, screen-reader labels), which mark
/// furniture only on an element without much prose: widget scripts name the article's own
/// container after the share bar they put in it (`id="gigya-share-btns-2_gig_containerParent"`).
const UNLIKELY_SMALL: &str = "share newsletter subscribe subscription promo cookie video-player most-popular mostpopular trending recommend outbrain taboola signup sign-up login copyright visually-hidden visuallyhidden sr-only screen-reader screenreader";
/// Characters of text outside links that make an element more than furniture.
const MUCH_PROSE: u32 = 2000;
/// Class or id parts that mark furniture only as a whole part ("ad" is in "head", "toc" in
/// "stock").
const UNLIKELY_PARTS: &str = "ad ads advert advertisement adslot adunit toc credit credits";
/// ...unless it also has one of these.
const MAYBE: &str = "and article body column content main shadow";

/// Whether a class/id string has one of `words` in it.
pub fn mentions(class_and_id: &str, words: &str) -> bool {
    words.split(' ').any(|w| class_and_id.contains(w))
}

/// How aggressively clutter is removed; extraction retries with less when too little is left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strictness {
    /// Drop elements whose class or id says they are furniture.
    pub unlikely_names: bool,
    /// Let class and id words add to or take from a container's score.
    pub class_weights: bool,
    /// Drop link-heavy or list-heavy blocks inside the article.
    pub clean_blocks: bool,
}

impl Strictness {
    pub const ALL: [Strictness; 4] = [
        Strictness { unlikely_names: true, class_weights: true, clean_blocks: true },
        Strictness { unlikely_names: false, class_weights: true, clean_blocks: true },
        Strictness { unlikely_names: false, class_weights: false, clean_blocks: true },
        Strictness { unlikely_names: false, class_weights: false, clean_blocks: false },
    ];
}

pub struct Page<'a> {
    pub doc: &'a Document,
    /// The node or an ancestor is clutter.
    pub dropped: Vec<bool>,
    /// Characters of text under the node, whitespace runs counted once, clutter left out.
    pub text_len: Vec<u32>,
    /// The part of `text_len` inside links.
    pub link_len: Vec<u32>,
    pub commas: Vec<u32>,
}

impl<'a> Page<'a> {
    pub fn new(doc: &'a Document, strict: Strictness) -> Page<'a> {
        let n = doc.len();
        let mut dropped = vec![false; n];
        let in_article = article_ancestors(doc);
        let prose = if strict.unlikely_names { prose_lengths(doc) } else { Vec::new() };
        for id in doc.ids() {
            let parent_dropped = doc.parent(id).is_some_and(|p| dropped[p.0]);
            dropped[id.0] = parent_dropped || is_clutter(doc, id, strict, in_article[id.0], prose.get(id.0).copied().unwrap_or(0));
        }
        let (mut text_len, mut link_len, mut commas) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
        for id in doc.ids().collect::<Vec<_>>().into_iter().rev() {
            if dropped[id.0] {
                continue;
            }
            if let Some(t) = doc.text(id) {
                text_len[id.0] = collapsed_len(t);
                commas[id.0] = t.chars().filter(|c| matches!(c, ',' | '，' | '、' | '،')).count() as u32;
            }
            if doc.name(id) == Some("a") {
                link_len[id.0] = text_len[id.0];
            }
            if let Some(p) = doc.parent(id) {
                text_len[p.0] += text_len[id.0];
                link_len[p.0] += link_len[id.0];
                commas[p.0] += commas[id.0];
            }
        }
        Page { doc, dropped, text_len, link_len, commas }
    }

    /// The share of the node's text that is link text.
    pub fn link_density(&self, id: NodeId) -> f64 {
        let t = self.text_len[id.0];
        if t == 0 {
            0.0
        } else {
            f64::from(self.link_len[id.0]) / f64::from(t)
        }
    }

    /// The element's class and id, lowercase, for word matching.
    pub fn class_and_id(&self, id: NodeId) -> String {
        names_of(self.doc, id)
    }
}

/// What an element is called by its page: class, id and the component names that
/// frameworks write (`data-component`, `data-testid`), lowercase.
pub fn names_of(doc: &Document, id: NodeId) -> String {
    ["class", "id", "data-component", "data-testid"].iter().filter_map(|a| doc.attr(id, a)).collect::<Vec<_>>().join(" ").to_lowercase()
}

/// For each node, whether it sits inside an `<article>` or `<main>` (a site's `<header>` is
/// clutter, an article's own is not).
fn article_ancestors(doc: &Document) -> Vec<bool> {
    let mut inside = vec![false; doc.len()];
    for id in doc.ids() {
        let parent_inside = doc.parent(id).is_some_and(|p| inside[p.0]);
        inside[id.0] = parent_inside || matches!(doc.name(id), Some("article" | "main"));
    }
    inside
}

/// Characters of text outside links under each node, leaving out elements that never hold
/// article text (scripts, forms…).
fn prose_lengths(doc: &Document) -> Vec<u32> {
    let mut prose = vec![0u32; doc.len()];
    for id in doc.ids().collect::<Vec<_>>().into_iter().rev() {
        match (doc.name(id), doc.text(id)) {
            (Some(name), _) if is_dropped_name(name) || name == "a" => prose[id.0] = 0,
            (None, Some(t)) => prose[id.0] = collapsed_len(t),
            _ => {}
        }
        if let Some(p) = doc.parent(id) {
            prose[p.0] += prose[id.0];
        }
    }
    prose
}

fn is_clutter(doc: &Document, id: NodeId, strict: Strictness, in_article: bool, prose: u32) -> bool {
    let Some(name) = doc.name(id) else { return false };
    if is_dropped_name(name) || (name == "header" && !in_article) {
        return true;
    }
    if doc.attr(id, "hidden").is_some() || doc.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = doc.attr(id, "style") {
        let style: String = style.to_ascii_lowercase().split_whitespace().collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if doc.attr(id, "role").is_some_and(|r| r.split_whitespace().any(|r| listed(DROP_ROLES, &r.to_ascii_lowercase()))) {
        return true;
    }
    if strict.unlikely_names && !matches!(name, "body" | "html" | "article" | "main" | "a" | "table" | "tbody" | "tr" | "td" | "th") {
        let words = names_of(doc, id);
        if !mentions(&words, MAYBE) && (mentions(&words, UNLIKELY) || (prose < MUCH_PROSE && mentions(&words, UNLIKELY_SMALL))) {
            return true;
        }
        // "ad" is too short to look for inside words: only a whole class or id part counts.
        if words.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| listed(UNLIKELY_PARTS, w)) {
            return true;
        }
    }
    false
}

/// An absolute http(s) link's host (without "www.") and the rest (its path, "/" when bare);
/// `None` for a relative link.
pub fn host_and_path(href: &str) -> Option<(&str, &str)> {
    let rest = href.strip_prefix("https://").or_else(|| href.strip_prefix("http://"))?;
    let (host, path) = rest.find(['/', '?', '#']).map_or((rest, "/"), |i| (&rest[..i], &rest[i..]));
    Some((host.strip_prefix("www.").unwrap_or(host), path))
}

/// Characters in `t` with each whitespace run counted as one.
pub fn collapsed_len(t: &str) -> u32 {
    let mut n = 0u32;
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n
}
