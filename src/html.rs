//! Web pages read into an inert tree in Rust: no browser parser touches a file's markup,
//! so nothing in it can load or run, whatever the page holds.

mod entity;
mod token;
mod tree;

pub use tree::parse;

/// A node's index in its [`Document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub usize);

/// What a node is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Root,
    /// An element: lowercase name and its attributes (lowercase names, decoded values).
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
}

/// A parsed page: nodes in document order, the root first.
#[derive(Clone, Debug)]
pub struct Document {
    nodes: Vec<Node>,
}

impl Document {
    pub const ROOT: NodeId = NodeId(0);

    fn push(&mut self, parent: NodeId, kind: NodeKind) -> NodeId {
        let id = NodeId(self.nodes.len());
        self.nodes.push(Node { kind, parent: Some(parent), children: Vec::new() });
        self.nodes[parent.0].children.push(id);
        id
    }

    /// Every node id, in document order (a parent before its children).
    pub fn ids(&self) -> impl Iterator<Item = NodeId> {
        (0..self.nodes.len()).map(NodeId)
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// An element's name; `None` for text and the root.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.0].kind {
            NodeKind::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// A text node's text.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.0].kind {
            NodeKind::Text(t) => Some(t),
            _ => None,
        }
    }

    /// An attribute's value, if the element has it.
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.nodes[id.0].kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|(n, _)| n == attr).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    pub fn children(&self, id: NodeId) -> &[NodeId] {
        &self.nodes[id.0].children
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id.0].parent
    }

    /// `id` and everything under it, in document order.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants { doc: self, stack: vec![id] }
    }

    /// The first element called `name`, in document order.
    pub fn first_named(&self, name: &str) -> Option<NodeId> {
        self.ids().find(|&id| self.name(id) == Some(name))
    }

    /// Every element called `name`, in document order.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.ids().filter(move |&id| self.name(id) == Some(name))
    }

    /// All the text under `id`, as written (whitespace not collapsed).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for d in self.descendants(id) {
            if let Some(t) = self.text(d) {
                out.push_str(t);
            }
        }
        out
    }
}

/// Depth-first walk under a node.
pub struct Descendants<'a> {
    doc: &'a Document,
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        let id = self.stack.pop()?;
        self.stack.extend(self.doc.children(id).iter().rev());
        Some(id)
    }
}
