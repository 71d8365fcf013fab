//! The bridge from a DOM selection (nodes and UTF-16 offsets) to code-point offsets in the
//! canonical text. Each block element (`[data-block]`) carries `data-o`, its start in code
//! points; inside a block, offsets are counted over its text in document order. Keeping the
//! offsets on blocks only (not on every segment) keeps the DOM small for long articles.

use crate::text::convert::utf16_to_chars;
use crate::text::CharRange;
use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

fn block_start(el: &Element) -> Option<usize> {
    el.get_attribute("data-o")?.parse().ok()
}

fn chars_of(node: &Node) -> usize {
    node.text_content().map(|t| t.chars().count()).unwrap_or(0)
}

/// Code points of `block`'s text that come before `target` (a node inside it).
fn chars_before(block: &Node, target: &Node) -> usize {
    let mut acc = 0;
    let mut cur = block.first_child();
    while let Some(c) = cur {
        if c.is_same_node(Some(target)) {
            return acc;
        }
        if c.contains(Some(target)) {
            return acc + chars_before(&c, target);
        }
        acc += chars_of(&c);
        cur = c.next_sibling();
    }
    acc
}

/// The next node after `node` in document order, skipping its subtree, inside `root`.
fn next_outside(node: &Node, root: &Node) -> Option<Node> {
    let mut cur = node.clone();
    loop {
        if cur.is_same_node(Some(root)) {
            return None;
        }
        if let Some(sib) = cur.next_sibling() {
            return Some(sib);
        }
        cur = cur.parent_node()?;
    }
}

/// The start of the first block at or after `node` (inclusive), or `end` if none follows.
fn first_block_from(node: Option<Node>, root: &Node, end: usize) -> usize {
    let mut cur = node;
    while let Some(n) = cur {
        if let Some(el) = n.dyn_ref::<Element>() {
            if let Some(o) = block_start(el) {
                return o;
            }
            if let Some(o) = el.query_selector("[data-block]").ok().flatten().and_then(|b| block_start(&b)) {
                return o;
            }
        }
        cur = next_outside(&n, root);
    }
    end
}

/// Maps a DOM boundary point inside `root` to a code-point offset.
fn point_to_offset(node: &Node, offset: u32, root: &Node, text_len: usize) -> usize {
    let el = if node.node_type() == Node::ELEMENT_NODE { node.dyn_ref::<Element>().cloned() } else { node.parent_element() };
    let block = el.and_then(|e| e.closest("[data-block]").ok().flatten());
    let Some(block) = block else {
        // Outside the text (the date line, the article element itself): the next block.
        let after = if node.node_type() == Node::TEXT_NODE { None } else { node.child_nodes().item(offset) };
        return first_block_from(after.or_else(|| next_outside(node, root)), root, text_len);
    };
    let base = block_start(&block).unwrap_or(0);
    let block: &Node = block.as_ref();
    if node.node_type() == Node::TEXT_NODE {
        let text = node.text_content().unwrap_or_default();
        return base + chars_before(block, node) + utf16_to_chars(&text, offset as usize);
    }
    match node.child_nodes().item(offset) {
        Some(child) => base + chars_before(block, &child),
        None if node.is_same_node(Some(block)) => base + chars_of(block),
        None => base + chars_before(block, node) + chars_of(node),
    }
}

/// The current selection as a raw code-point range, clipped to `article`, with its
/// bounding rectangle. `None` when nothing of the article is selected.
pub fn article_selection(article: &Element, text_len: usize) -> Option<(CharRange, web_sys::DomRect)> {
    let sel = window().get_selection().ok()??;
    if sel.range_count() == 0 || sel.is_collapsed() {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let root: &Node = article.as_ref();
    if !range.intersects_node(root).unwrap_or(false) {
        return None;
    }
    let whole = document().create_range().ok()?;
    whole.select_node_contents(root).ok()?;
    let (sc, so) = (range.start_container().ok()?, range.start_offset().ok()?);
    let (ec, eo) = (range.end_container().ok()?, range.end_offset().ok()?);
    let start = match whole.compare_point(&sc, so) {
        Ok(-1) => 0,
        Ok(1) => return None,
        _ => point_to_offset(&sc, so, root, text_len),
    };
    let end = match whole.compare_point(&ec, eo) {
        Ok(1) => text_len,
        Ok(-1) => return None,
        _ => point_to_offset(&ec, eo, root, text_len),
    };
    let r = CharRange::new(start, end.max(start)).ok()?;
    if r.is_empty() {
        return None;
    }
    Some((r, range.get_bounding_client_rect()))
}
