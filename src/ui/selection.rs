//! The bridge from a DOM selection (nodes and UTF-16 offsets) to code-point offsets in the
//! canonical text. Each block element (`[data-block]`) carries `data-o`, its start in code
//! points; inside a block, offsets are counted over its text in document order. Keeping the
//! offsets on blocks only (not on every segment) keeps the DOM small for long articles.

use crate::article::caret::Caret;
use crate::text::convert::{chars_to_utf16, utf16_to_chars};
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

/// The code-point offset of a DOM boundary point inside `article`.
pub fn point_offset(article: &Element, node: &Node, offset: u32, text_len: usize) -> usize {
    point_to_offset(node, offset, article.as_ref(), text_len)
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

/// The DOM point (a text node and a UTF-16 offset in it) of code-point `offset`, the inverse
/// of `point_to_offset`. Blocks are found by binary search over their `data-o`.
pub fn offset_to_point(article: &Element, offset: usize) -> Option<(Node, u32)> {
    let blocks = article.query_selector_all("[data-block]").ok()?;
    let (mut lo, mut hi) = (0u32, blocks.length());
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        let start = blocks.item(mid).and_then(|n| n.dyn_into::<Element>().ok()).and_then(|e| block_start(&e)).unwrap_or(0);
        if start <= offset {
            lo = mid
        } else {
            hi = mid
        }
    }
    let block = blocks.item(lo)?;
    let base = block.dyn_ref::<Element>().and_then(block_start)?;
    let mut left = offset.saturating_sub(base);
    let mut last = None;
    let mut cur = block.first_child();
    while let Some(n) = cur {
        if n.node_type() == Node::TEXT_NODE {
            let t = n.text_content().unwrap_or_default();
            let len = t.chars().count();
            if left <= len {
                return Some((n, chars_to_utf16(&t, left) as u32));
            }
            left -= len;
            last = Some(n.clone());
        }
        cur = match n.first_child() {
            Some(c) => Some(c),
            None => next_outside(&n, &block),
        };
    }
    // Past the block's text: the end of its last text node, or the block itself.
    match last {
        Some(n) => {
            let units = n.text_content().map(|t| t.encode_utf16().count()).unwrap_or(0) as u32;
            Some((n, units))
        }
        None => Some((block, 0)),
    }
}

thread_local! {
    static ENDS: std::cell::RefCell<Option<(Node, Node)>> = const { std::cell::RefCell::new(None) };
}

/// Notes the nodes the selection's ends are in (on `selectionchange`, once a frame), so that
/// a redraw can tell whether the selection is in its paragraph without asking the browser:
/// reading `anchorNode` forces a layout, which cost milliseconds per paragraph in an edit.
pub fn note_ends() {
    let ends = window().get_selection().ok().flatten().and_then(|s| Some((s.anchor_node()?, s.focus_node()?)));
    ENDS.with(|e| *e.borrow_mut() = ends);
}

/// True when an end of the selection, as last noted, is inside `el` (a node since replaced is
/// not inside anything).
pub fn noted_ends_in(el: &Node) -> bool {
    ENDS.with(|e| e.borrow().as_ref().is_some_and(|(a, f)| el.contains(Some(a)) || el.contains(Some(f))))
}

/// The DOM selection as a caret (anchor and focus in code points), when both ends are in
/// the article.
pub fn dom_caret(article: &Element, text_len: usize) -> Option<Caret> {
    let sel = window().get_selection().ok()??;
    let root: &Node = article.as_ref();
    let (an, fnode) = (sel.anchor_node()?, sel.focus_node()?);
    if !root.contains(Some(&an)) || !root.contains(Some(&fnode)) {
        return None;
    }
    let anchor = point_to_offset(&an, sel.anchor_offset(), root, text_len);
    let focus = point_to_offset(&fnode, sel.focus_offset(), root, text_len);
    Some(Caret { anchor, focus })
}

/// Makes the DOM selection show `caret` (backwards when the focus is before the anchor).
pub fn set_selection(article: &Element, caret: Caret) -> Option<()> {
    let (an, ao) = offset_to_point(article, caret.anchor)?;
    let (fnode, fo) = offset_to_point(article, caret.focus)?;
    window().get_selection().ok()??.set_base_and_extent(&an, ao, &fnode, fo).ok()
}

/// The viewport rectangle (zero width) of the position at code-point `offset`, for drawing
/// the caret, scrolling to it and probing the line above or below. Changes nothing.
pub fn caret_rect(article: &Element, offset: usize) -> Option<web_sys::DomRect> {
    let (node, o) = offset_to_point(article, offset)?;
    let r = document().create_range().ok()?;
    r.set_start(&node, o).ok()?;
    r.collapse_with_to_start(true);
    if let Some(rect) = r.get_client_rects()?.get(0) {
        return Some(rect);
    }
    // A collapsed range at a block edge can have no box: measure the glyph next to it.
    let len = node.text_content().map(|t| t.encode_utf16().count()).unwrap_or(0) as u32;
    if o < len {
        r.set_end(&node, o + 1).ok()?;
    } else if o > 0 {
        r.set_start(&node, o - 1).ok()?;
    }
    let rect = r.get_bounding_client_rect();
    if o >= len && o > 0 {
        rect.set_x(rect.right());
    }
    rect.set_width(0.0);
    Some(rect)
}

/// The code-point offset under a viewport point, for moving the caret a line up or down.
/// Uses `caretPositionFromPoint` (Firefox, newer Chromium) or `caretRangeFromPoint`
/// (WebKit, Chromium); `None` where neither exists.
pub fn offset_at_point(article: &Element, x: f64, y: f64, text_len: usize) -> Option<usize> {
    let doc = document();
    let (node, offset) = if let Some(pos) = call2(&doc, "caretPositionFromPoint", x, y) {
        let node: Node = js_sys::Reflect::get(&pos, &"offsetNode".into()).ok()?.dyn_into().ok()?;
        (node, js_sys::Reflect::get(&pos, &"offset".into()).ok()?.as_f64()? as u32)
    } else {
        let range: web_sys::Range = call2(&doc, "caretRangeFromPoint", x, y)?.dyn_into().ok()?;
        (range.start_container().ok()?, range.start_offset().ok()?)
    };
    let root: &Node = article.as_ref();
    root.contains(Some(&node)).then(|| point_to_offset(&node, offset, root, text_len))
}

fn call2(target: &web_sys::Document, name: &str, x: f64, y: f64) -> Option<wasm_bindgen::JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    let v = f.call2(target, &x.into(), &y.into()).ok()?;
    (!v.is_null() && !v.is_undefined()).then_some(v)
}
