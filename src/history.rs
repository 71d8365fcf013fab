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
    /// The field a one-field edit changed ("note"), kept after the merge window closes so
    /// Undo can say what it will undo.
    field: Option<&'static str>,
}

/// What the step Undo (or Redo) would take back, for its button's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// Annotations added: how many.
    Added(usize),
    /// Annotations deleted: how many.
    Deleted(usize),
    /// One field of one annotation.
    FieldEdit(&'static str),
    /// Any other change (a retag, an import that updated some).
    Changed(usize),
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

impl Step {
    fn kind(&self) -> StepKind {
        let n = self.edits.len();
        // What the edits did when last applied (a step on the redo stack holds its reversal).
        if self.edits.iter().all(|d| matches!(d, Done::Inserted(_))) {
            StepKind::Added(n)
        } else if self.edits.iter().all(|d| matches!(d, Done::Removed(_))) {
            StepKind::Deleted(n)
        } else if let (1, Some(field)) = (n, self.field) {
            StepKind::FieldEdit(field)
        } else {
            StepKind::Changed(n)
        }
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
        let field = merge.as_ref().map(|m| m.field);
        self.undo.push(Step { edits, merge, field });
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

    /// What Undo would take back next, if anything.
    pub fn next_undo(&self) -> Option<StepKind> {
        self.undo.last().map(Step::kind)
    }

    /// What Redo would bring back next, if anything.
    pub fn next_redo(&self) -> Option<StepKind> {
        // The redo stack holds the reversals: an undone addition is held as a removal.
        self.redo.last().map(|s| match s.kind() {
            StepKind::Added(n) => StepKind::Deleted(n),
            StepKind::Deleted(n) => StepKind::Added(n),
            other => other,
        })
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
    to.push(Step { edits: step.edits.into_iter().rev().map(flip).collect(), merge: None, field: step.field });
    to.last().map(|s| s.edits.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Tag, Target};
    use crate::text::CharRange;

    fn ann(id: &AnnotationId, note: &str) -> Annotation {
        let target = Target { range: CharRange::new(0, 1).unwrap(), exact: String::new(), prefix: String::new(), suffix: String::new() };
        let mut a = crate::testing::annotation(id.clone(), Tag::Claim, target);
        a.note = note.into();
        a
    }

    #[test]
    fn the_next_step_says_what_it_is() {
        let mut h = History::default();
        assert_eq!(h.next_undo(), None);
        let id = AnnotationId::parse("a").unwrap();
        h.record(vec![Done::Inserted(id.clone())], None);
        assert_eq!(h.next_undo(), Some(StepKind::Added(1)));
        h.record(vec![Done::Updated { before: ann(&id, "x") }], Some(MergeKey { id: id.clone(), field: "note" }));
        h.seal();
        assert_eq!(h.next_undo(), Some(StepKind::FieldEdit("note")), "still a note edit after the merge window closed");
        h.undo(|d| d);
        assert_eq!(h.next_redo(), Some(StepKind::FieldEdit("note")));
        h.undo(|d| match d {
            Done::Inserted(_) => Done::Removed(ann(&id, "")),
            other => other,
        });
        assert_eq!(h.next_redo(), Some(StepKind::Added(1)), "Redo brings the annotation back");
        assert_eq!(h.next_undo(), None);
        h.record(vec![Done::Removed(ann(&id, "")), Done::Removed(ann(&id, ""))], None);
        assert_eq!(h.next_undo(), Some(StepKind::Deleted(2)));
    }
}
