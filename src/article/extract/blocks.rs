//! The article's paragraphs read out of its content: each block's inline text is one
//! paragraph (text loose in a `div` too), and blocks that are mostly links, lists of links,
//! forms or images are left out.

use super::page::{Page, Strictness};
use super::score::{class_weight, is_inline};
use crate::html::NodeId;
use crate::text::listed;

/// Containers that are weighed before their text is taken.
const WEIGHED: &str = "div section table ul ol form fieldset figure";
const HEADINGS: &str = "h1 h2 h3 h4 h5 h6";

/// The paragraphs under `roots`, whitespace folded, empty ones left out.
pub fn paragraphs(page: &Page, roots: &[NodeId], strict: Strictness) -> Vec<String> {
    let mut out = Vec::new();
    for &root in roots {
        walk(page, root, strict, &mut out);
    }
    out
}

/// The paragraph being read: its text, and how much of it is links.
#[derive(Default)]
struct Run {
    text: String,
    link_chars: u32,
    links: usize,
    /// Links to a social network's page or a newsletter sign-up.
    follow_links: usize,
}

fn walk(page: &Page, id: NodeId, strict: Strictness, out: &mut Vec<String>) {
    let doc = page.doc;
    let mut run = Run::default();
    let mut breaks = 0;
    for &c in doc.children(id) {
        if page.dropped[c.0] {
            continue;
        }
        if doc.name(c) == Some("br") {
            breaks += 1;
            // Two line breaks in a row end a paragraph, as they do on the page.
            if breaks == 2 {
                flush(&mut run, out);
            } else {
                run.text.push(' ');
            }
            continue;
        }
        // A date standing on its own line (not inside a sentence) is the date line.
        let in_sentence = matches!(doc.name(id), Some("p" | "li" | "td" | "dd" | "blockquote" | "figcaption"));
        if is_byline(page, c) || (doc.name(c) == Some("time") && !in_sentence) {
            continue;
        }
        if is_inline(page, c) {
            if page.text_len[c.0] > 0 {
                breaks = 0;
            }
            run.link_chars += page.link_len[c.0];
            for a in doc.descendants(c).filter(|&d| doc.name(d) == Some("a")) {
                run.links += 1;
                run.follow_links += usize::from(doc.attr(a, "href").is_some_and(is_follow_link));
            }
            inline_text(page, c, &mut run.text);
            continue;
        }
        breaks = 0;
        flush(&mut run, out);
        if strict.clean_blocks && unwanted(page, c, strict) {
            continue;
        }
        walk(page, c, strict, out);
    }
    flush(&mut run, out);
}

/// Words in a class or id of the byline and the author's box: the headline's details, read
/// into the article's details instead of its text.
pub const BYLINE: &str = "byline author contributor writtenby dateline";

/// A short element naming the author (or the date line), not part of the article's text.
fn is_byline(page: &Page, id: NodeId) -> bool {
    page.doc.name(id).is_some()
        && page.text_len[id.0] < 150
        && (super::page::mentions(&page.class_and_id(id), BYLINE)
            || page.doc.attr(id, "rel") == Some("author")
            || page.doc.attr(id, "itemprop") == Some("author"))
}

/// Appends the text of an inline node, line breaks as spaces, clutter left out.
fn inline_text(page: &Page, id: NodeId, out: &mut String) {
    for d in page.doc.descendants(id) {
        if page.dropped[d.0] {
            continue;
        }
        if let Some(t) = page.doc.text(d) {
            out.push_str(t);
        } else if page.doc.name(d) == Some("br") {
            out.push(' ');
        }
    }
}

/// Lines that label page furniture rather than say anything: dropped when they are a whole
/// block on their own, in the languages of the pages we read.
const LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "skip advertisement",
    "continue reading",
    "read more",
    "share",
    "share this article",
    "copy link",
    "subscribe now",
    "sign up",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "реклама",
    "реклама.",
    "إعلان",
    "広告",
    "广告",
    "pubblicità",
];

/// How "read this too" teasers start, which sit between an article's paragraphs.
const TEASERS: &str = "read more:|read also:|see also:|related:|more:|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lee también|leer más|читайте також|читайте также|також читайте|дивіться також|اقرأ أيضا";

/// Ends a paragraph: kept unless it is a teaser or a label.
fn flush(run: &mut Run, out: &mut Vec<String>) {
    let folded = run.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let len = super::page::collapsed_len(&folded);
    let lower = folded.to_lowercase();
    // Mostly a link, or a short line of several links with little else ("Follow us on
    // Facebook and X"; not "It is streaming on Hulu and for rent on YouTube and Google Play").
    let teaser = (len >= 40 && run.link_chars * 2 > len)
        || (len < 160 && run.link_chars * 4 > len && run.links >= 2 && len - run.link_chars.min(len) < 50)
        // "Follow all our climate news on Facebook and X, or in our weekly newsletter."
        || (len < 250 && run.follow_links >= 2)
        || (len < 200 && TEASERS.split('|').any(|t| lower.starts_with(t)));
    let label = folded.len() <= 40 && LABELS.contains(&lower.trim_end_matches([':', '.']));
    if !(folded.is_empty() || teaser || label) {
        out.push(folded);
    }
    *run = Run::default();
}

/// A link to follow the outlet elsewhere: its page on a social network, or a newsletter.
fn is_follow_link(href: &str) -> bool {
    const NETWORKS: &str = "facebook.com fb.me twitter.com x.com instagram.com t.me telegram.me line.me linkedin.com tiktok.com threads.net bsky.app wa.me whatsapp.com vk.com";
    let href = href.trim().to_ascii_lowercase();
    super::page::host_and_path(&href).is_some_and(|(host, _)| listed(NETWORKS, host)) || href.contains("newsletter")
}

/// Readability's conditional cleaning: whether a container inside the article is furniture
/// (a link list, a gallery, a form, a related-stories box) rather than more of the article.
fn unwanted(page: &Page, id: NodeId, strict: Strictness) -> bool {
    let doc = page.doc;
    let Some(name) = doc.name(id) else { return false };
    if !listed(WEIGHED, name) {
        return false;
    }
    if name == "table" && is_data_table(page, id) {
        return false;
    }
    let weight = class_weight(page, id, strict);
    if weight < 0.0 {
        return true;
    }
    if page.commas[id.0] >= 10 {
        return false;
    }
    let (mut p, mut img, mut li, mut input, mut embed, mut heading_len) = (0usize, 0usize, 0isize, 0usize, 0usize, 0u32);
    for d in doc.descendants(id).skip(1) {
        if page.dropped[d.0] {
            continue;
        }
        match doc.name(d) {
            Some("p") => p += 1,
            Some("img") => img += 1,
            Some("li") => li += 1,
            Some("input") => input += 1,
            Some("object" | "embed" | "iframe") => embed += 1,
            Some(h) if listed(HEADINGS, h) => heading_len += page.text_len[d.0],
            _ => {}
        }
    }
    let text_len = page.text_len[id.0];
    let link_density = page.link_density(id);
    let heading_density = if text_len == 0 { 0.0 } else { f64::from(heading_len) / f64::from(text_len) };
    let is_list = matches!(name, "ul" | "ol") || list_share(page, id) > 0.9;
    let li_over_p = li - 100 > p as isize;
    let in_figure = name == "figure" || ancestors(page, id).any(|a| doc.name(a) == Some("figure"));
    (img > 1 && (p as f64) / (img as f64) < 0.5 && !in_figure)
        || (!is_list && li_over_p)
        || input > p / 3
        || (!is_list && heading_density < 0.9 && text_len < 25 && (img == 0 || img > 2) && link_density > 0.0)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || (embed == 1 && text_len < 75)
        || embed > 1
        // A list that is all links is a menu or a "read more" box, never article text.
        || (is_list && link_density > 0.6 && li >= 2)
}

/// The share of a container's text that sits in list items.
fn list_share(page: &Page, id: NodeId) -> f64 {
    let total = page.text_len[id.0];
    if total == 0 {
        return 0.0;
    }
    let in_lists: u32 =
        page.doc.descendants(id).filter(|&d| matches!(page.doc.name(d), Some("ul" | "ol"))).map(|d| page.text_len[d.0]).sum();
    f64::from(in_lists.min(total)) / f64::from(total)
}

fn ancestors<'a>(page: &'a Page, id: NodeId) -> impl Iterator<Item = NodeId> + 'a {
    std::iter::successors(page.doc.parent(id), |&p| page.doc.parent(p))
}

/// A table of data (headings, a caption, or many cells) rather than one laying out the page.
fn is_data_table(page: &Page, id: NodeId) -> bool {
    let doc = page.doc;
    if doc.attr(id, "role") == Some("presentation") {
        return false;
    }
    let mut cells = 0;
    for d in doc.descendants(id).skip(1) {
        match doc.name(d) {
            Some("th" | "caption" | "thead" | "tfoot" | "colgroup") => return true,
            Some("table") => return false,
            Some("td") => cells += 1,
            _ => {}
        }
    }
    cells >= 10
}
