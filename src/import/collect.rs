//! Converting another tool's annotations as they are read, each with the label still to decide its tag; arrays element by element.

use super::annotations::{w3c_problem, AnnotationFile};
use super::labels::LabelQuestion;
use super::outcome::{Imported, Source};
use super::FileProblem;
use crate::format::json_array::each_element;
use crate::format::peer::{PeerRead, Skipped};
use crate::format::{doccano, hypothesis, label_studio, recogito, w3c};
use crate::time::Timestamp;

/// A top-level array, element by element; its first element says which tool wrote it.
pub(super) fn read_array(json: &str, chars: &[char], out: &mut Collector) -> Result<(), FileProblem> {
    let mut w3c_items = w3c::ArrayItems::default();
    let (mut n, mut failed) = (0, None);
    each_element(json, &mut |v| {
        n += 1;
        if failed.is_some() {
            return; // the file is refused anyway; the rest is only checked for JSON syntax
        }
        let source = *out.source.get_or_insert_with(|| {
            if hypothesis::is_row(&v) {
                Source::Hypothesis
            } else if label_studio::is_task(&v) {
                Source::LabelStudio
            } else if doccano::is_line(&v) {
                Source::Doccano
            } else if recogito::is_native(&v) {
                Source::Recogito
            } else {
                Source::W3c
            }
        });
        let mut read = PeerRead::default();
        let done = match source {
            Source::W3c => {
                if let Some(a) = w3c_items.push(&v) {
                    out.push(a, None);
                }
                Ok(())
            }
            Source::Hypothesis => hypothesis::push_row(&v, n, &mut read).map_err(FileProblem::Hypothesis),
            Source::LabelStudio => label_studio::push_task(&v, n, chars, &mut read).map_err(FileProblem::LabelStudio),
            Source::Doccano => doccano::push_line(&v, n, chars, &mut read).map_err(FileProblem::Doccano),
            Source::Recogito => recogito::push_item(&v, n, &mut read).map_err(FileProblem::Recogito),
        };
        match done {
            Ok(()) => out.take(source, read),
            Err(e) => failed = Some(e),
        }
    })
    .map_err(FileProblem::Json)?;
    if let Some(e) = failed {
        return Err(e);
    }
    if out.source == Some(Source::W3c) {
        out.skipped = w3c_items.finish().map_err(w3c_problem)?;
    }
    Ok(())
}

/// Converts annotations as they are read, keeping each one's waiting label alongside.
pub(super) struct Collector<'t> {
    pub(super) source: Option<Source>,
    resolver: w3c::Resolver<'t>,
    pending: Vec<Option<String>>,
    pub(super) skipped: Skipped,
}

impl<'t> Collector<'t> {
    pub(super) fn new(text: &'t [char], now: Timestamp) -> Collector<'t> {
        Collector { source: None, resolver: w3c::Resolver::new(text, now), pending: Vec::new(), skipped: Skipped::default() }
    }

    pub(super) fn push(&mut self, a: w3c::W3cAnnotation, label: Option<String>) {
        self.resolver.push(a);
        self.pending.push(label);
    }

    pub(super) fn take(&mut self, source: Source, read: PeerRead) {
        self.source = Some(source);
        self.skipped.merge(read.skipped);
        read.found.into_iter().for_each(|f| self.push(f.annotation, f.label));
    }

    pub(super) fn finish(self) -> AnnotationFile {
        let imported = Imported { source: self.source.unwrap_or(Source::W3c), annotations: self.resolver.finish(), skipped: self.skipped };
        match LabelQuestion::new(imported, self.pending) {
            Ok(question) => AnnotationFile::NeedsLabels(question),
            Err(imported) => AnnotationFile::Imported(imported),
        }
    }
}
