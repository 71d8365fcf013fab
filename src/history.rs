//! Undo and redo: a stack of steps, each a list of reversible edits to the annotation set.
//!
//! A step holds only what the set does not: an insertion keeps the id (the annotation is in
//! the set), a removal keeps the removed annotation, an update keeps the version it replaced.
//! Undoing moves each annotation between the set and the step instead of copying it, so
//! importing 5,000 annotations does not keep a second copy of all of them for undo.

use crate::annotation::{Annotation, AnnotationId};

/// One change to the annotation set, as an action asks for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Insert(Annotation),
    Remove(Annotation),
    Update { before: Annotation, after: Annotation },
}

/// An edit once applied, holding what the set no longer holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Done {
    /// The annotation with this id was added; it is in the set.
    Inserted(AnnotationId),
    /// This annotation was taken out of the set.
    Removed(Annotation),
    /// The annotation was replaced; this is the version it replaced.
    Updated { before: Annotation },
}

impl Done {
    /// The annotation that is in the set after this edit, if any.
    pub fn present(&self) -> Option<&AnnotationId> {
        match self {
            Done::Inserted(id) => Some(id),
            Done::Updated { before } => Some(&before.id),
            Done::Removed(_) => None,
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
    edits: Vec<Done>,
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
    pub fn record(&mut self, edits: Vec<Done>, merge: Option<MergeKey>) {
        if edits.is_empty() {
            return;
        }
        self.redo.clear();
        if let (Some(key), Some(top)) = (&merge, self.undo.last()) {
            let single_update = |e: &[Done]| matches!(e, [Done::Updated { .. }]);
            if top.merge.as_ref() == Some(key) && single_update(&top.edits) && single_update(&edits) {
                return;
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

    /// Undoes the last step: `flip` reverses one applied edit on the set and returns the
    /// applied form of its reversal. Returns the reversed edits in the order applied, or
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, flip: impl FnMut(Done) -> Done) -> Option<&[Done]> {
        move_step(&mut self.undo, &mut self.redo, flip)
    }

    /// Redoes the last undone step, as [`History::undo`] does in the other direction.
    pub fn redo(&mut self, flip: impl FnMut(Done) -> Done) -> Option<&[Done]> {
        move_step(&mut self.redo, &mut self.undo, flip)
    }

    /// Whether the last step is the creation of `id` alone: nothing happened since.
    pub fn last_is_creation_of(&self, id: &AnnotationId) -> bool {
        self.undo.last().is_some_and(|s| matches!(s.edits.as_slice(), [Done::Inserted(i)] if i == id))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// Takes the top step of `from`, flips its edits in reverse order and pushes the result onto
/// `to` (reversed again on the way back, so each direction applies them in the right order).
fn move_step<'a>(from: &mut Vec<Step>, to: &'a mut Vec<Step>, flip: impl FnMut(Done) -> Done) -> Option<&'a [Done]> {
    let step = from.pop()?;
    to.push(Step { edits: step.edits.into_iter().rev().map(flip).collect(), merge: None });
    to.last().map(|s| s.edits.as_slice())
}
