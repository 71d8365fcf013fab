//! What an import from another tool's file brought: its source, its annotations, what it left out, and the sentence that says so.

use crate::annotation::Annotation;
use crate::format::peer::Skipped;
use crate::workspace::ImportReport;
use std::fmt;

/// The tool whose file is imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    W3c,
    Hypothesis,
    LabelStudio,
    Doccano,
    Recogito,
}

impl Source {
    /// Every source, in a fixed order (the formats worker sends a source as its index).
    pub const ALL: [Source; 5] = [Source::W3c, Source::Hypothesis, Source::LabelStudio, Source::Doccano, Source::Recogito];
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::W3c => "W3C Web Annotation",
            Source::Hypothesis => "Hypothesis",
            Source::LabelStudio => "Label Studio",
            Source::Doccano => "doccano",
            Source::Recogito => "Recogito",
        })
    }
}

/// Annotations from another tool's file, converted for the article (offset units resolved)
/// and ready for [`Workspace::import`], which anchors them.
///
/// [`Workspace::import`]: crate::workspace::Workspace::import
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub source: Source,
    pub annotations: Vec<Annotation>,
    /// Items of the file that were not imported, by reason.
    pub skipped: Skipped,
}

impl Imported {
    /// The sentence for the UI once [`Workspace::import`] has placed them: "12 added from a
    /// Hypothesis file; 2 skipped: no text selector".
    ///
    /// [`Workspace::import`]: crate::workspace::Workspace::import
    pub fn summary(&self, report: &ImportReport) -> String {
        let mut s = report.describe(&format!(" from a {} file", self.source));
        if !self.skipped.is_empty() {
            s.push_str(&format!("; {}", self.skipped));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::peer::SkipReason;
    use crate::workspace::LoadReport;

    #[test]
    fn the_summary_says_what_happened() {
        let mut skipped = Skipped::default();
        skipped.add(SkipReason::NoTextSelector);
        skipped.add(SkipReason::NoTextSelector);
        let imported = Imported { source: Source::Hypothesis, annotations: Vec::new(), skipped };
        let report = ImportReport { added: 12, ..ImportReport::default() };
        assert_eq!(imported.summary(&report), "12 added from a Hypothesis file; 2 skipped: no text selector");
        let placed = LoadReport { anchored: 2, moved: 0, orphaned: 1 };
        let report = ImportReport { added: 3, updated: 1, placed, ..ImportReport::default() };
        let clean = Imported { source: Source::Doccano, annotations: Vec::new(), skipped: Skipped::default() };
        assert_eq!(
            clean.summary(&report),
            "3 added from a doccano file, 1 updated; 1 could not be placed on the text and are listed under “Could not place”"
        );
    }
}
