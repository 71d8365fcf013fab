//! Tokens built into a tree, with the few implied end tags that shape real pages (`<p>`
//! closed by a block, `<li>` by the next item) and end tags without a start ignored.

use super::token::{tokenize, Token};
use super::{Document, Node, NodeId, NodeKind};

/// Elements that never have content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}
/// Start tags that close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
    )
}
/// Elements an implied end tag does not look past.
fn is_scope(name: &str) -> bool {
    matches!(name, "html" | "body" | "table" | "td" | "th" | "caption" | "template" | "object" | "marquee" | "applet" | "button")
}
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Parses `html` into a [`Document`]. Never fails: any input gives some tree.
pub fn parse(html: &str) -> Document {
    let mut doc = Document { nodes: vec![Node { kind: NodeKind::Root, parent: None, children: Vec::new() }] };
    let mut open: Vec<NodeId> = vec![NodeId(0)];
    for token in tokenize(html) {
        match token {
            Token::Text(text) => {
                let parent = *open.last().unwrap_or(&NodeId(0));
                // Adjacent text (split by a dropped comment) is one node.
                if let Some(&last) = doc.nodes[parent.0].children.last() {
                    if let NodeKind::Text(t) = &mut doc.nodes[last.0].kind {
                        t.push_str(&text);
                        continue;
                    }
                }
                doc.push(parent, NodeKind::Text(text));
            }
            Token::Start { name, attrs } => {
                if matches!(name.as_str(), "html" | "body" | "head") {
                    if let Some(existing) = doc.first_named(&name) {
                        if name == "body" {
                            pop_to(&mut open, &doc, "head");
                            open.retain(|&id| id != existing);
                            open.push(existing);
                        }
                        continue;
                    }
                    if name == "body" {
                        pop_to(&mut open, &doc, "head");
                    }
                }
                close_implied(&mut open, &doc, &name);
                let parent = *open.last().unwrap_or(&NodeId(0));
                let void = is_void(&name);
                let id = doc.push(parent, NodeKind::Element { name, attrs });
                if !void {
                    open.push(id);
                }
            }
            Token::End { name } => {
                if name == "br" {
                    let parent = *open.last().unwrap_or(&NodeId(0));
                    doc.push(parent, NodeKind::Element { name, attrs: Vec::new() });
                    continue;
                }
                if let Some(pos) = open.iter().rposition(|&id| doc.name(id) == Some(name.as_str())) {
                    if pos > 0 {
                        open.truncate(pos);
                    }
                }
            }
        }
    }
    doc
}

/// Pops the open elements that a start tag `name` ends implicitly.
fn close_implied(open: &mut Vec<NodeId>, doc: &Document, name: &str) {
    if closes_p(name) {
        close_in_scope(open, doc, |n| n == "p", is_scope);
    }
    match name {
        "li" => close_in_scope(open, doc, |n| n == "li", |n| matches!(n, "ul" | "ol" | "html" | "body" | "table" | "td" | "th")),
        "dd" | "dt" => {
            close_in_scope(open, doc, |n| n == "dd" || n == "dt", |n| matches!(n, "dl" | "html" | "body" | "table" | "td" | "th"))
        }
        "tr" => close_in_scope(open, doc, |n| n == "tr", |n| matches!(n, "table" | "html")),
        "td" | "th" => close_in_scope(open, doc, |n| n == "td" || n == "th", |n| matches!(n, "tr" | "table" | "html")),
        "option" => close_in_scope(open, doc, |n| n == "option", |n| matches!(n, "select" | "html" | "body")),
        // A heading never holds another: `<h2>a<h3>b` is two headings.
        h if is_heading(h) && open.last().and_then(|&id| doc.name(id)).is_some_and(is_heading) => {
            open.pop();
        }
        _ => {}
    }
}

/// Pops up to and including the innermost open element that `is_target`, unless an element
/// listed in `scope` comes first.
fn close_in_scope(open: &mut Vec<NodeId>, doc: &Document, is_target: impl Fn(&str) -> bool, scope: impl Fn(&str) -> bool) {
    for pos in (1..open.len()).rev() {
        let Some(n) = doc.name(open[pos]) else { continue };
        if is_target(n) {
            open.truncate(pos);
            return;
        }
        if scope(n) {
            return;
        }
    }
}

fn pop_to(open: &mut Vec<NodeId>, doc: &Document, name: &str) {
    if let Some(pos) = open.iter().rposition(|&id| doc.name(id) == Some(name)) {
        open.truncate(pos.max(1));
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// The tree as `name(child child)` with text in quotes, for readable assertions.
    fn shape(html: &str) -> String {
        let doc = parse(html);
        fn walk(doc: &super::Document, id: super::NodeId, out: &mut String) {
            for &c in doc.children(id) {
                match doc.name(c) {
                    Some(n) => {
                        out.push_str(n);
                        if !doc.children(c).is_empty() {
                            out.push('(');
                            walk(doc, c, out);
                            out.push(')');
                        }
                        out.push(' ');
                    }
                    None => {
                        out.push_str(&format!("{:?} ", doc.text(c).unwrap_or("")));
                    }
                }
            }
            if out.ends_with(' ') {
                out.pop();
            }
        }
        let mut out = String::new();
        walk(&doc, super::NodeId(0), &mut out);
        out
    }

    #[test]
    fn implied_end_tags_shape_the_tree_as_browsers_do() {
        assert_eq!(shape("<p>one<p>two<div>three</div>"), r#"p("one") p("two") div("three")"#);
        assert_eq!(shape("<ul><li>a<li>b</ul>"), r#"ul(li("a") li("b"))"#);
        assert_eq!(shape("<ul><li>a<ul><li>b</ul></ul>"), r#"ul(li("a" ul(li("b"))))"#);
        assert_eq!(shape("<table><tr><td>a<td>b<tr><td>c</table>"), r#"table(tr(td("a") td("b")) tr(td("c")))"#);
        assert_eq!(shape("<p>a<br>b</br>c<img src=x>d</p>"), r#"p("a" br "b" br "c" img "d")"#);
        assert_eq!(shape("<div>a</span>b</div>c"), r#"div("ab") "c""#);
    }

    #[test]
    fn head_and_body_are_found_whatever_the_markup() {
        let doc = parse("<html><head><title>T</title><meta name=a content=b><body><p>x");
        let body = doc.first_named("body").unwrap();
        assert_eq!(doc.text_content(body), "x");
        assert_eq!(doc.text_content(doc.first_named("title").unwrap()), "T");
        assert!(doc.first_named("head").is_some());
    }
}
