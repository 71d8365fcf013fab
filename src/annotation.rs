//! Annotations: a tagged span of the article with a note, and the set that indexes them.

mod check;
mod id;
mod progress;
mod set;
mod tally;

pub use check::{
    credibility_rating, typed_web_address, web_address, ArticleReview, Check, CheckerProfile, Evidence, FigureSource, FigureValue, Kind,
    LazyCheck, Link, Qualifier, Relation, SpeakerKind, Unit, UrlError, VerdictScale, SHORT_CLAIM_CHARS,
};
pub use id::AnnotationId;
pub use progress::{link_candidates, search, Progress};
pub use set::AnnotationSet;

use crate::text::CharRange;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Code points of context kept on each side of the quote, as the file format specifies.
pub const CONTEXT_CHARS: usize = 32;

/// What a span is, for the fact-checker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    Claim,
    Figure,
    Quote,
}

impl Tag {
    pub const ALL: [Tag; 3] = [Tag::Claim, Tag::Figure, Tag::Quote];

    /// The position of this tag in [`Tag::ALL`] (the order of per-tag counts).
    pub fn index(self) -> usize {
        Tag::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The lower-case word used in files and in `data-tags`.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Claim => "claim",
            Tag::Figure => "figure",
            Tag::Quote => "quote",
        }
    }

    /// The capitalised word shown to people ("Claim").
    pub fn label(self) -> &'static str {
        match self {
            Tag::Claim => "Claim",
            Tag::Figure => "Figure",
            Tag::Quote => "Quote",
        }
    }

    pub fn parse(s: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Where an annotation points: a position plus the quote and its context, so that it can be
/// found again when the position no longer fits (W3C TextPositionSelector + TextQuoteSelector).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub range: CharRange,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Whether the annotation currently sits on the text. Orphans are kept, never dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Anchored,
    Orphan,
}

/// One annotation. Plain data: the UI keeps it in a signal, never the other way round.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub id: AnnotationId,
    pub tag: Tag,
    pub target: Target,
    pub note: String,
    /// Who made it and how they labelled it, for an annotation imported from another tool.
    /// Boxed and absent for annotations made here, so that they cost one word for it.
    pub origin: Option<Box<Origin>>,
    pub created: Timestamp,
    pub modified: Timestamp,
    pub status: Status,
    /// The fact-check fields (verdict, evidence, speaker, figure, links); empty by default,
    /// and not allocated until one is filled in.
    pub check: LazyCheck,
    /// Fields this version does not know, kept so that a round trip loses nothing.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// What another tool said of an imported annotation besides its span, tag and note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Who made it, as that tool names them ("acct:ann@hypothes.is").
    pub creator: String,
    /// Free labels besides the tag (Hypothesis tags, Label Studio or doccano labels), kept so
    /// that an import loses nothing the checker may search by.
    pub labels: Vec<String>,
}

impl Origin {
    /// The origin to store: `None` when it says nothing.
    pub fn boxed(creator: String, labels: Vec<String>) -> Option<Box<Origin>> {
        (!creator.is_empty() || !labels.is_empty()).then(|| Box::new(Origin { creator, labels }))
    }
}

impl Annotation {
    /// Who made it in the tool it was imported from; empty for annotations made here.
    pub fn creator(&self) -> &str {
        self.origin.as_deref().map_or("", |o| o.creator.as_str())
    }

    /// Its labels besides the tag, from the tool it was imported from.
    pub fn labels(&self) -> &[String] {
        self.origin.as_deref().map_or(&[], |o| o.labels.as_slice())
    }

    pub fn range(&self) -> CharRange {
        self.target.range
    }

    pub fn is_orphan(&self) -> bool {
        self.status == Status::Orphan
    }
}
