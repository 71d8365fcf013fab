//! The bridge from a DOM selection (nodes and UTF-16 offsets) to code-point offsets in the
//! canonical text. Every segment element carries `data-o`, its start in code points.

use crate::text::convert::utf16_to_chars;
use crate::text::CharRange;
use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

/// The code-point offset stored on a segment element.
fn seg_start(el: &Element) -> Option<usize> {
    el.get_attribute("data-o")?.parse().ok()
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

/// The start of the first segment at or after `node` (inclusive), or `end` if none follows.
fn first_segment_from(node: Option<Node>, root: &Node, end: usize) -> usize {
    let mut cur = node;
    while let Some(n) = cur {
        if let Some(el) = n.dyn_ref::<Element>() {
            if let Some(o) = seg_start(el) {
                return o;
            }
            if let Ok(Some(inner)) = el.query_selector("[data-o]") {
                if let Some(o) = seg_start(&inner) {
                    return o;
                }
            }
        }
        cur = next_outside(&n, root);
    }
    end
}

/// Maps a DOM boundary point inside `root` to a code-point offset.
fn point_to_offset(node: &Node, offset: u32, root: &Node, text_len: usize) -> usize {
    if node.node_type() == Node::TEXT_NODE {
        if let Some(seg) = node.parent_element().filter(|p| p.has_attribute("data-o")) {
            let base = seg_start(&seg).unwrap_or(0);
            let text = node.text_content().unwrap_or_default();
            return base + utf16_to_chars(&text, offset as usize);
        }
        // Text outside any segment (the date line): the next segment starts here.
        return first_segment_from(next_outside(node, root), root, text_len);
    }
    let child = node.child_nodes().item(offset);
    match child {
        Some(c) => first_segment_from(Some(c), root, text_len),
        None => first_segment_from(next_outside(node, root), root, text_len),
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
