//! The fact-check actions of the workspace: verdicts, evidence, speakers, figures and links, each one undoable.
//!
//! Every action builds the updated annotation and goes through [`Workspace::update`], as
//! notes and tags do, so undo, redo and the modified time work the same. Text typed into a
//! field (rationale, speaker, figure source) merges into one undo step per field, like the
//! note; choosing from a list or clicking a button is a step of its own.

use super::{Change, Workspace};
use crate::annotation::{
    typed_web_address, ArticleReview, CheckerProfile, Evidence, FigureSource, FigureValue, Link, Progress, Relation, SpeakerKind, UrlError,
    VerdictScale,
};
use crate::annotation::{AnnotationId, Tag};
use crate::suggest;
use crate::text::CharRange;
use crate::time::Timestamp;

/// A typed address for an optional field: blank clears it, anything else must be a web address.
fn optional_address(url: &str) -> Result<Option<String>, UrlError> {
    if url.trim().is_empty() {
        Ok(None)
    } else {
        typed_web_address(url).map(Some)
    }
}

impl Workspace {
    pub fn profile(&self) -> &CheckerProfile {
        &self.profile
    }

    /// Replaces the checker's profile (a setting: not part of undo).
    pub fn set_profile(&mut self, profile: CheckerProfile) {
        self.profile = profile;
    }

    pub fn review(&self) -> &ArticleReview {
        &self.review
    }

    /// Replaces the article review (saved with the article; not part of undo, as the details).
    pub fn set_review(&mut self, review: ArticleReview) {
        self.review = review;
    }

    /// Sets the misleading techniques found in a span, once each.
    pub fn set_techniques(&mut self, id: &AnnotationId, techniques: &[String], now: Timestamp) -> Change {
        let list = ArticleReview::new(None, "", "", techniques).techniques;
        self.history.seal();
        self.update(id, now, None, |a| a.check.techniques = list)
    }

    pub fn scale(&self) -> &VerdictScale {
        &self.scale
    }

    /// Replaces the verdict scale (a setting: not part of undo). Verdicts already given keep
    /// their label even when the new scale lacks it.
    pub fn set_scale(&mut self, scale: VerdictScale) {
        self.scale = scale;
    }

    /// Sets a claim's verdict (or a figure's status); `None` or a blank label is "Not
    /// checked". A label of the scale is stored in the scale's spelling.
    pub fn set_verdict(&mut self, id: &AnnotationId, verdict: Option<&str>, now: Timestamp) -> Change {
        let verdict = verdict.map(str::trim).filter(|v| !v.is_empty()).map(|v| self.scale.find(v).unwrap_or(v).to_string());
        self.history.seal();
        self.update(id, now, None, |a| a.check.verdict = verdict)
    }

    /// Replaces the rationale; typing merges into one undo step, as for the note.
    pub fn set_rationale(&mut self, id: &AnnotationId, rationale: &str, now: Timestamp) -> Change {
        self.update(id, now, Some("rationale"), |a| a.check.rationale = rationale.to_string())
    }

    /// Adds a piece of evidence after checking its address. The same address twice is
    /// added once.
    pub fn add_evidence(&mut self, id: &AnnotationId, url: &str, title: &str, now: Timestamp) -> Result<Change, UrlError> {
        let e = Evidence::new(&typed_web_address(url)?, title)?;
        self.history.seal();
        Ok(self.update(id, now, None, |a| {
            if !a.check.evidence.iter().any(|x| x.url == e.url) {
                a.check.evidence.push(e);
            }
        }))
    }

    /// Removes the evidence at `index` (as listed in `check.evidence`); nothing past the end.
    pub fn remove_evidence(&mut self, id: &AnnotationId, index: usize, now: Timestamp) -> Change {
        self.history.seal();
        self.update(id, now, None, |a| {
            if index < a.check.evidence.len() {
                a.check.evidence.remove(index);
            }
        })
    }

    /// Replaces who made the claim or said the quote; typing merges into one undo step. What
    /// the checker sets is theirs: no longer marked as suggested.
    pub fn set_speaker(&mut self, id: &AnnotationId, speaker: &str, now: Timestamp) -> Change {
        self.update(id, now, Some("speaker"), |a| {
            a.check.speaker = speaker.to_string();
            a.check.speaker_suggested = false;
        })
    }

    /// The checker accepts the suggested speaker as it is.
    pub fn accept_speaker(&mut self, id: &AnnotationId, now: Timestamp) -> Change {
        if !self.set.get(id).is_some_and(|a| a.check.speaker_suggested) {
            return Change::default();
        }
        self.history.seal();
        self.update(id, now, None, |a| a.check.speaker_suggested = false)
    }

    /// Fills what the text suggests into the fields the checker has left empty: a figure's
    /// value and source; a quote's or claim's speaker, marked as suggested. Nothing already
    /// set is overwritten; no change when there is nothing to fill. Arriving right after the
    /// annotation was made, it is an undo step of its own (Undo takes it back); after the
    /// checker has done something else, it joins the state it arrived in, so that Undo never
    /// undoes what the checker did not just do.
    pub fn apply_suggestions(&mut self, id: &AnnotationId, found: &suggest::Suggestions, now: Timestamp) -> Change {
        let Some(a) = self.set.get(id) else { return Change::default() };
        let c = &a.check;
        let figure = (a.tag == Tag::Figure && c.figure.is_none()).then(|| found.figure.clone()).flatten();
        let source = (a.tag == Tag::Figure && c.figure_source.is_none()).then(|| found.source.clone()).flatten();
        let speaker = (a.tag != Tag::Figure && c.speaker.trim().is_empty()).then(|| found.speaker.clone()).flatten();
        // Named for Undo's button: "Undo suggested value", not a bare "Undo change".
        let step = if a.tag == Tag::Figure { "suggested_value" } else { "suggested_speaker" };
        if figure.is_none() && source.is_none() && speaker.is_none() {
            return Change::default();
        }
        let fill = |a: &mut crate::annotation::Annotation| {
            if let Some(f) = figure {
                a.check.figure = Some(f);
            }
            if let Some((name, year)) = source {
                a.check.figure_source = Some(FigureSource { name, year });
            }
            if let Some(s) = speaker {
                a.check.speaker = s;
                a.check.speaker_suggested = true;
            }
        };
        if self.history.last_is_creation_of(id) {
            self.history.seal();
            self.update(id, now, Some(step), fill);
        } else {
            self.update_untracked(id, fill);
        }
        // The article's markup shows no fact-check field: its blocks stay as they are, so a
        // selection the checker is making meanwhile is not lost to a repaint; and nothing is
        // focused, so the selection in the panel stays where the checker put it.
        Change::default()
    }

    pub fn set_quote_verified(&mut self, id: &AnnotationId, verified: bool, now: Timestamp) -> Change {
        self.history.seal();
        self.update(id, now, None, |a| a.check.verified = verified)
    }

    /// Sets where a quote can be checked; a blank address clears it.
    pub fn set_quote_source(&mut self, id: &AnnotationId, url: &str, now: Timestamp) -> Result<Change, UrlError> {
        let url = optional_address(url)?;
        self.history.seal();
        Ok(self.update(id, now, None, |a| a.check.source_url = url))
    }

    /// Sets (or clears) a figure's value. A value that is not finite is refused (no change):
    /// it could not be written to the file.
    pub fn set_figure_value(&mut self, id: &AnnotationId, value: Option<FigureValue>, now: Timestamp) -> Change {
        if value.as_ref().is_some_and(|v| !v.is_finite()) {
            return Change::default();
        }
        self.history.seal();
        self.update(id, now, None, |a| a.check.figure = value)
    }

    /// Sets who published a figure and when; a blank name with no year clears it. Typing the
    /// name merges into one undo step.
    pub fn set_figure_source(&mut self, id: &AnnotationId, name: &str, year: Option<i32>, now: Timestamp) -> Change {
        let source = (!name.trim().is_empty() || year.is_some()).then(|| FigureSource { name: name.to_string(), year });
        self.update(id, now, Some("figure_source"), |a| a.check.figure_source = source)
    }

    /// Replaces the claim as checked (its short wording); typing merges into one undo step.
    pub fn set_claim_reviewed(&mut self, id: &AnnotationId, wording: &str, now: Timestamp) -> Change {
        self.update(id, now, Some("claim_reviewed"), |a| a.check.claim_reviewed = wording.to_string())
    }

    /// Says whether the speaker is a person or an organisation; `None`: not said.
    pub fn set_speaker_kind(&mut self, id: &AnnotationId, kind: Option<SpeakerKind>, now: Timestamp) -> Change {
        self.history.seal();
        self.update(id, now, None, |a| a.check.speaker_kind = kind)
    }

    /// Sets the page that identifies the speaker; a blank address clears it.
    pub fn set_speaker_same_as(&mut self, id: &AnnotationId, url: &str, now: Timestamp) -> Result<Change, UrlError> {
        let url = optional_address(url)?;
        self.history.seal();
        Ok(self.update(id, now, None, |a| a.check.speaker_same_as = url))
    }

    /// Sets the claim's published fact-check page; a blank address clears it.
    pub fn set_review_url(&mut self, id: &AnnotationId, url: &str, now: Timestamp) -> Result<Change, UrlError> {
        let url = optional_address(url)?;
        self.history.seal();
        Ok(self.update(id, now, None, |a| a.check.review_url = url))
    }

    /// Links a figure or quote to the claim `to`; a second link to the same claim replaces
    /// the first. Refused (no change) when `to` is not a claim of this article, or is `id`.
    pub fn add_link(&mut self, id: &AnnotationId, to: &AnnotationId, relation: Relation, now: Timestamp) -> Change {
        if id == to || self.set.get(to).is_none_or(|c| c.tag != Tag::Claim) {
            return Change::default();
        }
        self.history.seal();
        self.update(id, now, None, |a| match a.check.links.iter_mut().find(|l| &l.to == to) {
            Some(l) => l.relation = relation,
            None => a.check.links.push(Link { to: to.clone(), relation }),
        })
    }

    pub fn remove_link(&mut self, id: &AnnotationId, to: &AnnotationId, now: Timestamp) -> Change {
        self.history.seal();
        self.update(id, now, None, |a| a.check.links.retain(|l| &l.to != to))
    }

    /// Claims checked so far, by verdict (see [`Progress`]).
    pub fn progress(&self) -> Progress {
        self.set.progress(&self.scale)
    }

    /// Annotations whose quote, note, rationale or speaker contains `query` (any case), in
    /// panel order (document order, then orphans).
    pub fn search(&self, query: &str) -> Vec<AnnotationId> {
        crate::annotation::search(self.set.iter(), query)
    }

    /// The text the suggestions for an anchored annotation read ([`suggest::window`]) and
    /// the annotation's range in it: what the page sends to the formats worker.
    pub fn suggestion_window(&self, id: &AnnotationId) -> Option<(String, CharRange)> {
        let a = self.set.get(id).filter(|a| !a.is_orphan())?;
        let chars = self.text.chars();
        let (start, end) = suggest::window(chars, a.range());
        let local = CharRange::new(a.range().start() - start, a.range().end() - start).ok()?;
        Some((chars[start..end].iter().collect(), local))
    }

    /// What the text suggests for an annotation (natively; the page asks the formats worker).
    #[cfg(test)]
    pub fn suggest(&self, id: &AnnotationId) -> Option<suggest::Suggestions> {
        let (text, range) = self.suggestion_window(id)?;
        Some(suggest::suggestions(&text.chars().collect::<Vec<_>>(), range, self.date_order()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotation::{Qualifier, Unit};
    use crate::article::Article;
    use crate::text::CharRange;

    fn id(n: u8) -> AnnotationId {
        AnnotationId::new_v4([n; 16])
    }

    fn ws_with(tags: &[(u8, &str, Tag)]) -> Workspace {
        let mut w = Workspace::new(Article::default_article());
        for &(n, needle, tag) in tags {
            let text: String = w.text().chars().iter().collect();
            let s = text[..text.find(needle).unwrap()].chars().count();
            w.create(CharRange::new(s, s + needle.chars().count()).unwrap(), tag, id(n), Timestamp(1)).unwrap();
        }
        w
    }

    fn check(w: &Workspace, n: u8) -> &crate::annotation::Check {
        &w.annotations().get(&id(n)).unwrap().check
    }

    #[test]
    fn verdicts_use_the_scale_spelling_and_undo() {
        let mut w = ws_with(&[(1, "the total value of Ukraine’s mineral resources", Tag::Claim)]);
        let c = w.set_verdict(&id(1), Some(" mostly FALSE "), Timestamp(2));
        assert_eq!(c.focus, Some(id(1)));
        assert_eq!(check(&w, 1).verdict.as_deref(), Some("Mostly false"));
        assert_eq!(w.annotations().get(&id(1)).unwrap().modified, Timestamp(2));
        w.set_verdict(&id(1), Some("Pants on fire"), Timestamp(3));
        assert_eq!(check(&w, 1).verdict.as_deref(), Some("Pants on fire"), "a label off the scale is kept as typed");
        w.undo().unwrap();
        assert_eq!(check(&w, 1).verdict.as_deref(), Some("Mostly false"));
        w.set_verdict(&id(1), Some("  "), Timestamp(4));
        assert_eq!(check(&w, 1).verdict, None);
        assert_eq!(w.set_verdict(&id(9), Some("True"), Timestamp(4)), Change::default(), "no such annotation");
    }

    #[test]
    fn typing_merges_per_field() {
        let mut w = ws_with(&[(1, "Zelensky", Tag::Quote)]);
        for (i, s) in ["Z", "Ze", "Zel"].iter().enumerate() {
            w.set_speaker(&id(1), s, Timestamp(2 + i as i64));
        }
        w.set_rationale(&id(1), "a", Timestamp(10));
        w.set_rationale(&id(1), "ab\ncd", Timestamp(11));
        w.set_figure_source(&id(1), "Forbes", Some(2023), Timestamp(12));
        assert_eq!(check(&w, 1).figure_source, Some(FigureSource { name: "Forbes".into(), year: Some(2023) }));
        w.undo().unwrap();
        assert_eq!(check(&w, 1).figure_source, None);
        w.undo().unwrap();
        assert_eq!((check(&w, 1).rationale.as_str(), check(&w, 1).speaker.as_str()), ("", "Zel"), "the rationale undoes at once");
        w.undo().unwrap();
        assert_eq!(check(&w, 1).speaker, "", "so does the speaker");
        w.redo().unwrap();
        w.redo().unwrap();
        assert_eq!(check(&w, 1).rationale, "ab\ncd");
    }

    #[test]
    fn evidence_and_quote_sources_are_checked() {
        let mut w = ws_with(&[(1, "Zelensky", Tag::Quote)]);
        assert!(w.add_evidence(&id(1), "javascript:alert(1)", "x", Timestamp(2)).is_err());
        assert!(w.annotations().get(&id(1)).unwrap().check.is_empty());
        w.add_evidence(&id(1), "https://a.example/1", "One", Timestamp(2)).unwrap();
        w.add_evidence(&id(1), "https://a.example/2", "", Timestamp(3)).unwrap();
        assert_eq!(w.add_evidence(&id(1), "https://a.example/1", "again", Timestamp(4)), Ok(Change::default()));
        w.remove_evidence(&id(1), 0, Timestamp(5));
        assert_eq!(check(&w, 1).evidence, vec![Evidence::new("https://a.example/2", "").unwrap()]);
        assert_eq!(w.remove_evidence(&id(1), 7, Timestamp(6)), Change::default());
        w.undo().unwrap();
        assert_eq!(check(&w, 1).evidence.len(), 2);
        assert_eq!(w.set_quote_source(&id(1), "ftp://x", Timestamp(7)), Err(UrlError::NotWeb("ftp://x".into())));
        w.set_quote_source(&id(1), " https://video.example/1 ", Timestamp(7)).unwrap();
        w.set_quote_verified(&id(1), true, Timestamp(8));
        assert_eq!((check(&w, 1).source_url.as_deref(), check(&w, 1).verified), (Some("https://video.example/1"), true));
        w.set_quote_source(&id(1), "", Timestamp(9)).unwrap();
        assert_eq!(check(&w, 1).source_url, None);
    }

    #[test]
    fn suggestions_fill_only_empty_fields_in_one_undo_step() {
        let mut w = ws_with(&[
            (1, "$14.8 trillion", Tag::Figure),
            (3, "That is entirely fair", Tag::Quote),
            (4, "Zelensky emphasized", Tag::Claim),
        ]);
        for n in [1, 3] {
            let found = w.suggest(&id(n)).unwrap();
            let change = w.apply_suggestions(&id(n), &found, Timestamp(5));
            assert!(change.blocks.is_empty(), "no repaint");
        }
        assert_eq!(check(&w, 1).figure.as_ref().map(|f| f.value), Some(14.8e12));
        assert_eq!(check(&w, 1).figure_source, Some(FigureSource { name: "Forbes".into(), year: Some(2023) }));
        assert_eq!((check(&w, 3).speaker.as_str(), check(&w, 3).speaker_suggested), ("Zelensky", true));
        // Nothing the checker set is overwritten.
        w.set_speaker(&id(4), "Someone else", Timestamp(6));
        let found = w.suggest(&id(4)).unwrap();
        assert_eq!(w.apply_suggestions(&id(4), &found, Timestamp(7)), Change::default());
        assert_eq!((check(&w, 4).speaker.as_str(), check(&w, 4).speaker_suggested), ("Someone else", false));
        // Accepting or editing clears the mark; undo takes a suggestion back in one step.
        w.accept_speaker(&id(3), Timestamp(8));
        assert!(!check(&w, 3).speaker_suggested);
        w.undo().unwrap();
        assert!(check(&w, 3).speaker_suggested);
        // The figure's suggestion came after the checker had moved on: no step of its own,
        // so the next undo is the checker's last edit (the speaker typed for the claim).
        assert_eq!(check(&w, 1).figure.as_ref().map(|f| f.value), Some(14.8e12));
        w.undo().unwrap();
        assert_eq!(check(&w, 4).speaker, "");
        assert!(check(&w, 1).figure.is_some(), "the figure's suggestion stays");
    }

    #[test]
    fn a_fill_right_after_tagging_is_named_for_undo() {
        for (needle, tag, label) in
            [("$14.8 trillion", Tag::Figure, "Undo suggested value"), ("That is entirely fair", Tag::Quote, "Undo suggested speaker")]
        {
            let mut w = ws_with(&[(1, needle, tag)]);
            let found = w.suggest(&id(1)).unwrap();
            w.apply_suggestions(&id(1), &found, Timestamp(2));
            assert_eq!(w.undo_label().as_deref(), Some(label));
            w.undo().unwrap();
            assert_eq!(w.undo_label().as_deref(), Some("Undo new annotation"), "{needle}: the tag is the step before");
        }
    }

    #[test]
    fn figure_values_and_suggestions() {
        let mut w = ws_with(&[(1, "$14.8 trillion", Tag::Figure), (2, "More than 70%", Tag::Figure), (3, "three regions", Tag::Figure)]);
        let v = w.suggest(&id(1)).unwrap().figure.unwrap();
        assert_eq!((v.value, &v.unit), (14.8e12, &Unit::Currency("USD".into())));
        w.set_figure_value(&id(1), Some(v.clone()), Timestamp(2));
        assert_eq!(check(&w, 1).figure, Some(v));
        assert_eq!(w.set_figure_value(&id(1), Some(FigureValue::new(f64::INFINITY, Unit::Count)), Timestamp(3)), Change::default());
        assert_eq!(w.suggest(&id(2)).unwrap().figure.unwrap().qualifier, Qualifier::MoreThan);
        assert_eq!(w.suggest(&id(1)).unwrap().source, Some(("Forbes".into(), Some(2023))));
        assert_eq!(w.suggest(&id(2)).unwrap().source, Some(("Forbes".into(), Some(2023))), "from the sentence before");
        assert_eq!(w.suggest(&id(3)).unwrap().figure.unwrap().value, 3.0);
        w.set_figure_value(&id(1), None, Timestamp(4));
        assert_eq!(check(&w, 1).figure, None);
    }

    #[test]
    fn links_point_at_claims_and_show_on_both_sides() {
        let mut w = ws_with(&[
            (1, "the total value of Ukraine’s mineral resources is estimated to be $14.8 trillion", Tag::Claim),
            (2, "$14.8 trillion", Tag::Figure),
            (3, "More than 70%", Tag::Figure),
        ]);
        w.add_link(&id(2), &id(1), Relation::Supports, Timestamp(2));
        w.add_link(&id(3), &id(1), Relation::Supports, Timestamp(3));
        w.add_link(&id(3), &id(1), Relation::Contradicts, Timestamp(4));
        assert_eq!(check(&w, 3).links, vec![Link { to: id(1), relation: Relation::Contradicts }], "one link per claim");
        assert_eq!(w.add_link(&id(2), &id(3), Relation::Supports, Timestamp(5)), Change::default(), "only claims are linked to");
        assert_eq!(w.add_link(&id(1), &id(1), Relation::Supports, Timestamp(5)), Change::default());
        assert_eq!(w.add_link(&id(2), &id(9), Relation::Supports, Timestamp(5)), Change::default());
        let back: Vec<(AnnotationId, Relation)> = w.annotations().backlinks(&id(1)).into_iter().map(|(a, r)| (a.id.clone(), r)).collect();
        assert_eq!(back.len(), 2);
        assert!(back.contains(&(id(2), Relation::Supports)) && back.contains(&(id(3), Relation::Contradicts)));
        w.remove_link(&id(3), &id(1), Timestamp(6));
        assert_eq!(w.annotations().backlinks(&id(1)).len(), 1);
        w.undo().unwrap();
        assert_eq!(w.annotations().backlinks(&id(1)).len(), 2);
    }

    #[test]
    fn progress_search_and_speakers() {
        let mut w = ws_with(&[
            (1, "the total value of Ukraine’s mineral resources", Tag::Claim),
            (2, "if Russia controls these deposits", Tag::Claim),
            (3, "That is entirely fair", Tag::Quote),
        ]);
        w.set_verdict(&id(1), Some("True"), Timestamp(2));
        let p = w.progress();
        assert_eq!((p.claims, p.checked, p.by_verdict.clone()), (2, 1, vec![("True".to_string(), 1)]));
        w.set_rationale(&id(2), "Deposits in DONETSK region", Timestamp(3));
        assert_eq!(w.search("donetsk"), vec![id(2)]);
        assert_eq!(w.search("ENTIRELY"), vec![id(3)]);
        assert_eq!(w.suggest(&id(3)).unwrap().speaker.as_deref(), Some("Zelensky"));
        assert_eq!(w.suggest(&id(1)).unwrap().speaker.as_deref(), Some("Forbes"));
        let mut p = CheckerProfile::new("Ann", "Desk", "").unwrap();
        w.set_profile(p.clone());
        p.name = "Bo".into();
        assert_eq!(w.profile().name, "Ann");
        w.set_scale(VerdictScale::from_lines("Correct\nWrong").unwrap());
        assert_eq!(w.progress().by_verdict, vec![("True".to_string(), 1)], "a verdict off the new scale is still counted");
    }
}
