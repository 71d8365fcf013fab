//! Undo and redo: a stack of steps, each a list of reversible edits to the annotation set.

use crate::annotation::{Annotation, AnnotationId};

/// One reversible change to the annotation set.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Insert(Annotation),
    Remove(Annotation),
    Update { before: Annotation, after: Annotation },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Insert(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Insert(a.clone()),
            Edit::Update { before, after } => Edit::Update { before: after.clone(), after: before.clone() },
        }
    }
}

/// What a step may be merged with: typing in a note is one undo step, not one per keystroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeKey {
    pub id: AnnotationId,
    pub field: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
struct Step {
    edits: Vec<Edit>,
    merge: Option<MergeKey>,
}

/// The undo and redo stacks. The oldest steps are dropped beyond `limit`.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History { undo: Vec::new(), redo: Vec::new(), limit: 500 }
    }
}

impl History {
    /// Records a step. A step with the same merge key as the open top step folds into it
    /// (keeping the top step's first `before`), so a burst of typing undoes at once.
    pub fn record(&mut self, edits: Vec<Edit>, merge: Option<MergeKey>) {
        if edits.is_empty() {
            return;
        }
        self.redo.clear();
        if let (Some(key), Some(top)) = (&merge, self.undo.last_mut()) {
            if top.merge.as_ref() == Some(key) {
                if let ([Edit::Update { after, .. }], [Edit::Update { after: new_after, .. }]) =
                    (top.edits.as_mut_slice(), edits.as_slice())
                {
                    *after = new_after.clone();
                    return;
                }
            }
        }
        self.undo.push(Step { edits, merge });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// Closes the open step, so the next edit starts a new one (on blur, or any other action).
    pub fn seal(&mut self) {
        if let Some(top) = self.undo.last_mut() {
            top.merge = None;
        }
    }

    /// The edits that undo the last step, in the order to apply them.
    pub fn undo(&mut self) -> Option<Vec<Edit>> {
        let step = self.undo.pop()?;
        let inverse = step.edits.iter().rev().map(Edit::inverse).collect();
        self.redo.push(Step { merge: None, ..step });
        Some(inverse)
    }

    /// The edits that redo the last undone step.
    pub fn redo(&mut self) -> Option<Vec<Edit>> {
        let step = self.redo.pop()?;
        let edits = step.edits.clone();
        self.undo.push(step);
        Some(edits)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
