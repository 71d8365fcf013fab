//! Finding the article's content: every long paragraph scores its containers, the best
//! container (weighed down by its link text) is the article, and siblings that look like
//! more of it (a body split into several `div`s) join it. After Mozilla's Readability.

use super::page::{mentions, Page, Strictness};
use crate::html::NodeId;
use crate::text::listed;

/// Elements that flow inside a paragraph; any other element starts a block.
pub fn is_inline_name(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "br"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "img"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}
/// Elements whose own text runs are paragraphs (the rest hold paragraphs).
const PARAGRAPHS: &str = "p pre td h2 h3 h4 h5 h6 blockquote dd";
const POSITIVE: &str = "article body content entry hentry h-entry main page post text blog story";
const NEGATIVE: &str = "-ad- hidden banner combx comment com- contact footer gdpr masthead media meta outbrain promo related scroll share shoutbox sidebar skyscraper sponsor shopping tags widget byline";

/// A run of a container's inline children that is long enough to be a paragraph.
const MIN_PARAGRAPH: u32 = 25;

/// The score that class and id words give an element.
pub fn class_weight(page: &Page, id: NodeId, strict: Strictness) -> f64 {
    if !strict.class_weights {
        return 0.0;
    }
    let words = page.class_and_id(id);
    let mut w = 0.0;
    if mentions(&words, NEGATIVE) {
        w -= 25.0;
    }
    if mentions(&words, POSITIVE) {
        w += 25.0;
    }
    w
}

fn initial_score(page: &Page, id: NodeId, strict: Strictness) -> f64 {
    let by_tag = match page.doc.name(id).unwrap_or("") {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    by_tag + class_weight(page, id, strict)
}

/// Whether a child node flows inline (text, or an inline element).
pub fn is_inline(page: &Page, id: NodeId) -> bool {
    match page.doc.name(id) {
        None => true,
        Some(n) => is_inline_name(n),
    }
}

/// The inline runs of `id`'s children: (text length, commas) per run.
fn runs(page: &Page, id: NodeId) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut cur = (0u32, 0u32);
    for &c in page.doc.children(id) {
        if page.dropped[c.0] {
            continue;
        }
        if is_inline(page, c) {
            cur.0 += page.text_len[c.0];
            cur.1 += page.commas[c.0];
        } else {
            out.push(cur);
            cur = (0, 0);
        }
    }
    out.push(cur);
    out.retain(|r| r.0 >= MIN_PARAGRAPH);
    out
}

/// The containers that hold the article, in document order, or `None` when the page has no
/// paragraph long enough to tell.
pub fn content_roots(page: &Page, body: NodeId, strict: Strictness) -> Option<Vec<NodeId>> {
    let n = page.doc.len();
    let mut score: Vec<Option<f64>> = vec![None; n];
    let add = |node: NodeId, s: f64, score: &mut Vec<Option<f64>>| {
        let cur = score[node.0].get_or_insert_with(|| initial_score(page, node, strict));
        *cur += s;
    };
    for id in page.doc.descendants(body) {
        let Some(name) = page.doc.name(id) else { continue };
        if page.dropped[id.0] || name == "li" {
            continue;
        }
        // A paragraph element scores its ancestors; a container's loose text scores the
        // container itself, as if it were wrapped in a <p>.
        let first_ancestor = if listed(PARAGRAPHS, name) { page.doc.parent(id) } else { Some(id) };
        for (len, commas) in runs(page, id) {
            let s = 1.0 + f64::from(commas) + f64::from((len / 100).min(3));
            let mut anc = first_ancestor;
            for level in 0..5 {
                let Some(a) = anc else { break };
                if page.doc.name(a).is_none() {
                    break;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    l => f64::from(l * 3),
                };
                add(a, s / divider, &mut score);
                if a == body {
                    break;
                }
                anc = page.doc.parent(a);
            }
        }
    }
    let final_score = |id: NodeId, score: &[Option<f64>]| score[id.0].map(|s| s * (1.0 - page.link_density(id)));
    let mut ranked: Vec<(NodeId, f64)> = page.doc.ids().filter_map(|id| final_score(id, &score).map(|s| (id, s))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(mut top, mut top_score) = ranked.first()?;
    // An article split into parts (chunks between ad slots) gives several near-equal
    // candidates: when three of the next four share an ancestor with the best, that
    // ancestor is the article (as Readability does).
    let rivals: Vec<NodeId> = ranked[1..].iter().take(4).filter(|(_, s)| *s >= top_score * 0.75).map(|(id, _)| *id).collect();
    if rivals.len() >= 3 {
        let mut anc = page.doc.parent(top);
        while let Some(a) = anc.filter(|&a| a != body && page.doc.name(a).is_some()) {
            let inside = rivals.iter().filter(|&&r| is_within(page, r, a)).count();
            if inside >= 3 {
                top = a;
                top_score = final_score(a, &score).unwrap_or(top_score).max(top_score);
                break;
            }
            anc = page.doc.parent(a);
        }
    }
    // A container whose parent scores nearly as well is usually one part of the article:
    // climb while the parent keeps a third of the score, and take it if it scores higher.
    let threshold = top_score / 3.0;
    let mut last = top_score;
    let mut parent = page.doc.parent(top);
    while let Some(p) = parent {
        if p == body || page.doc.name(p).is_none() {
            break;
        }
        if let Some(ps) = final_score(p, &score) {
            if ps < threshold {
                break;
            }
            if ps > last {
                top = p;
                top_score = ps;
                break;
            }
            last = ps;
        }
        parent = page.doc.parent(p);
    }
    // A short best block inside the page's <main> or <article>, which holds far more prose
    // (a page of many short sections: features, Q&As), is one part of it: take the whole.
    if page.text_len[top.0] < 500 {
        let outer = std::iter::successors(page.doc.parent(top), |&a| page.doc.parent(a))
            .take_while(|&a| a != body)
            .find(|&a| matches!(page.doc.name(a), Some("main" | "article")) || page.doc.attr(a, "role") == Some("main"));
        if let Some(o) = outer.filter(|&o| page.text_len[o.0] >= 3 * page.text_len[top.0] && page.link_density(o) < 0.3) {
            top = o;
            top_score = final_score(o, &score).unwrap_or(top_score).max(top_score);
        }
    }
    // A lone child is its parent's whole content.
    while let Some(p) = page.doc.parent(top) {
        if p == body || page.doc.name(p).is_none() {
            break;
        }
        // Whitespace between tags is not content: pretty-printed markup has it around every child.
        let live: Vec<_> = page
            .doc
            .children(p)
            .iter()
            .filter(|c| !page.dropped[c.0] && page.text_len[c.0] > 0 && page.doc.text(**c).is_none_or(|t| !t.trim().is_empty()))
            .collect();
        if live.len() != 1 {
            break;
        }
        top = p;
    }
    let Some(parent) = page.doc.parent(top).filter(|&p| page.doc.name(p).is_some()) else { return Some(vec![top]) };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = page.doc.attr(top, "class").unwrap_or("");
    let mut roots = Vec::new();
    for &sib in page.doc.children(parent) {
        if page.dropped[sib.0] || page.doc.name(sib).is_none() {
            continue;
        }
        if sib == top {
            roots.push(sib);
            continue;
        }
        if is_article_header(page, sib) {
            continue;
        }
        let same_class = !top_class.is_empty() && page.doc.attr(sib, "class") == Some(top_class);
        let bonus = if same_class { top_score * 0.2 } else { 0.0 };
        // A part of the article nested deeper than the best one (in a container of the same
        // class) has its paragraphs' score in a descendant: scores reach only five levels up.
        let inner = || best_inside(page, sib, &|d| final_score(d, &score)).filter(|_| same_class && page.link_density(sib) < 0.25);
        let joins = match final_score(sib, &score).or_else(inner) {
            Some(s) if s + bonus >= threshold => true,
            _ if page.doc.name(sib) == Some("p") => {
                let (len, ld) = (page.text_len[sib.0], page.link_density(sib));
                let text = page.doc.text_content(sib);
                (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0.0 && text.trim_end().ends_with(['.', '!', '?', '"', '”']))
            }
            _ => false,
        };
        if joins {
            roots.push(sib);
        }
    }
    Some(roots)
}

/// The article's own header beside its body (headline, standfirst, byline, share bar): read
/// into the article's details, not its text, though its class can say "content".
fn is_article_header(page: &Page, id: NodeId) -> bool {
    let named = page.doc.name(id) == Some("header")
        || page.class_and_id(id).split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == "head" || w == "header");
    named && page.doc.descendants(id).any(|d| page.doc.name(d) == Some("h1") && !page.dropped[d.0])
}

/// The best score of an element inside `id`.
fn best_inside(page: &Page, id: NodeId, score: &dyn Fn(NodeId) -> Option<f64>) -> Option<f64> {
    page.doc.descendants(id).filter(|d| !page.dropped[d.0]).filter_map(score).reduce(f64::max)
}

/// Whether `id` is `ancestor` or inside it.
fn is_within(page: &Page, id: NodeId, ancestor: NodeId) -> bool {
    std::iter::successors(Some(id), |&n| page.doc.parent(n)).any(|n| n == ancestor)
}
