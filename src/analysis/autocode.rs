//! Search across the corpus and auto-coding: every hit of a plain text or a regular expression
//! becomes an annotation, all of them in ONE [`Action::Batch`] (one undo step).
//!
//! Case- and accent-insensitive search folds the text with [`super::search::fold`] (NFD, marks
//! dropped) and maps hits back to the original characters exactly. For regular expressions the
//! pattern's own accents are dropped the same way and case is left to the `regex` crate's
//! case-insensitive mode, so escapes such as `\W` keep their meaning.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use unicode_normalization::UnicodeNormalization as _;

use super::AnalysisError;
use super::search::{SearchOptions, fold};
use crate::edit::Action;
use crate::model::{
    Annotation, AnnotationId, CharSpan, CodeId, Coder, CoderId, DocId, Document, Project,
};

/// What to look for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pattern {
    pub text: String,
    /// `text` is a regular expression (`regex` crate syntax), else plain text.
    pub regex: bool,
    pub options: SearchOptions,
}

impl Pattern {
    /// Plain text, case- and accent-insensitive.
    #[must_use]
    pub fn plain(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            ..Self::default()
        }
    }

    /// A regular expression with the given options.
    #[must_use]
    pub fn regex(text: &str, options: SearchOptions) -> Self {
        Self {
            text: text.to_owned(),
            regex: true,
            options,
        }
    }

    /// The compiled matcher, for the text folded with [`Pattern::fold_options`].
    pub fn compile(&self) -> Result<regex::Regex, AnalysisError> {
        let source = if self.regex {
            self.text.clone()
        } else {
            regex::escape(self.text.trim())
        };
        let source = if self.options.accent_sensitive {
            source
        } else {
            source
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .collect()
        };
        regex::RegexBuilder::new(&source)
            .case_insensitive(!self.options.case_sensitive)
            .build()
            .map_err(|e| AnalysisError::BadPattern(e.to_string()))
    }

    /// Folding keeps case (the regex handles it) and drops accents unless asked not to.
    fn fold_options(&self) -> SearchOptions {
        SearchOptions {
            case_sensitive: true,
            ..self.options
        }
    }

    /// Every non-empty, non-overlapping hit in one document's text.
    pub fn find_in(&self, text: &str) -> Result<Vec<CharSpan>, AnalysisError> {
        let re = self.compile()?;
        Ok(self.find_with(&re, text))
    }

    fn find_with(&self, re: &regex::Regex, text: &str) -> Vec<CharSpan> {
        let folded = fold(text, self.fold_options());
        let bytes: Vec<(usize, usize)> = re
            .find_iter(folded.text())
            .map(|m| (m.start(), m.end()))
            .filter(|&(a, b)| a < b && (!self.options.whole_word || folded.is_word_edge(a, b)))
            .collect();
        folded.spans_of_bytes(&bytes)
    }

    /// Hits in every document (or only `docs` when not empty), by document id then position.
    pub fn find_all(
        &self,
        project: &Project,
        docs: &BTreeSet<DocId>,
    ) -> Result<Vec<(DocId, CharSpan)>, AnalysisError> {
        let re = self.compile()?;
        if self.text.trim().is_empty() {
            return Ok(Vec::new());
        }
        Ok(project
            .documents()
            .filter(|d| docs.is_empty() || docs.contains(d.id()))
            .flat_map(|d| {
                self.find_with(&re, d.text())
                    .into_iter()
                    .map(|s| (d.id().clone(), s))
            })
            .collect())
    }
}

/// What auto-coding would do: for each hit, the codes it would add (empty: already coded).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    /// Hits that become new annotations, with the codes they get.
    pub new: Vec<(DocId, CharSpan, BTreeSet<CodeId>)>,
    /// Hits whose exact span already carries every chosen code.
    pub already: usize,
}

/// Which hits need which codes: a code is skipped on a hit whose exact span already carries it
/// (on any annotation, by any coder); a hit with nothing left to add counts as already coded.
pub fn plan(
    project: &Project,
    hits: &[(DocId, CharSpan)],
    codes: &BTreeSet<CodeId>,
) -> Result<Plan, AnalysisError> {
    if codes.is_empty() {
        return Err(AnalysisError::NoCode);
    }
    for code in codes {
        if project.codebook().code(code).is_none() {
            return Err(AnalysisError::UnknownCode(code.to_string()));
        }
    }
    let mut existing: HashMap<(&DocId, CharSpan), BTreeSet<&CodeId>> = HashMap::new();
    for doc in hits.iter().map(|(d, _)| d).collect::<BTreeSet<_>>() {
        for ann in project.annotations_in(doc) {
            existing
                .entry((ann.doc(), ann.span()))
                .or_default()
                .extend(ann.codes());
        }
    }
    let mut out = Plan::default();
    let mut seen = BTreeSet::new();
    for (doc, span) in hits {
        if !seen.insert((doc, *span)) {
            continue;
        }
        let have = existing.get(&(doc, *span));
        let missing: BTreeSet<CodeId> = codes
            .iter()
            .filter(|c| !have.is_some_and(|h| h.contains(c)))
            .cloned()
            .collect();
        if missing.is_empty() {
            out.already += 1;
        } else {
            out.new.push((doc.clone(), *span, missing));
        }
    }
    Ok(out)
}

impl Plan {
    /// The one undoable action that adds every planned annotation (and the coder, if the
    /// project does not know them yet); `None` when there is nothing to add.
    #[must_use]
    pub fn action(&self, project: &Project, coder: &Coder, at: DateTime<Utc>) -> Option<Action> {
        if self.new.is_empty() {
            return None;
        }
        let mut actions = Vec::with_capacity(self.new.len() + 1);
        if project.coder(&coder.id).is_none() {
            actions.push(Action::AddCoder(coder.clone()));
        }
        for (doc, span, codes) in &self.new {
            if let Ok(ann) = Annotation::new(
                AnnotationId::random(),
                doc.clone(),
                *span,
                codes.clone(),
                coder.id.clone(),
                "",
                at,
            ) {
                actions.push(Action::AddAnnotation(ann));
            }
        }
        Some(Action::Batch(actions))
    }
}

/// The coder to auto-code as: the named one if the project has them, else one made from the
/// name (`None` when the name has nothing usable).
#[must_use]
pub fn coder_named(project: &Project, name: &str) -> Option<Coder> {
    if let Ok(id) = CoderId::new(name)
        && let Some(c) = project.coder(&id)
    {
        return Some(c.clone());
    }
    let id = CoderId::from_name(name)?;
    Some(project.coder(&id).cloned().unwrap_or_else(|| Coder {
        id,
        name: name.trim().to_owned(),
    }))
}

/// The aliases of a code as ready-made searches (plain text, case- and accent-insensitive).
#[must_use]
pub fn alias_searches(project: &Project, code: &CodeId) -> Vec<Pattern> {
    project
        .codebook()
        .code(code)
        .map(|c| c.aliases.iter().map(|a| Pattern::plain(a)).collect())
        .unwrap_or_default()
}

/// All aliases of a code joined into one regular expression (whole words), for "search every
/// alias at once"; `None` when the code has no alias.
#[must_use]
pub fn alias_regex(project: &Project, code: &CodeId) -> Option<Pattern> {
    let aliases = &project.codebook().code(code)?.aliases;
    if aliases.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = aliases.iter().map(|a| regex::escape(a.trim())).collect();
    Some(Pattern::regex(
        &alternatives.join("|"),
        SearchOptions {
            whole_word: true,
            ..SearchOptions::default()
        },
    ))
}

/// The hit's text, for previews and tests.
#[must_use]
pub fn hit_text(doc: &Document, span: CharSpan) -> &str {
    doc.slice(span).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::{at, code, coder, small};
    use crate::session::Session;
    use proptest::prelude::*;

    fn texts(project: &Project, pattern: &Pattern) -> Vec<String> {
        pattern
            .find_all(project, &BTreeSet::new())
            .unwrap()
            .into_iter()
            .map(|(d, s)| hit_text(project.document(&d).unwrap(), s).to_owned())
            .collect()
    }

    #[test]
    fn plain_text_folds_case_and_accents_and_maps_back() {
        let p = small();
        assert_eq!(texts(&p, &Pattern::plain("ALPHA")), ["Alpha"]);
        let hits = Pattern::plain("securite")
            .find_in("La Sécurité, la SÉCURITÉ.")
            .unwrap();
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[1].start(), hits[1].end()), (16, 24));
    }

    #[test]
    fn regex_whole_word_and_case() {
        let text = "Hack back, hack-back, hackback and HACK BACK.";
        let re = Pattern::regex(r"hack[ -]?back", SearchOptions::default());
        assert_eq!(re.find_in(text).unwrap().len(), 4);
        let case = Pattern::regex(
            r"hack back",
            SearchOptions {
                case_sensitive: true,
                ..SearchOptions::default()
            },
        );
        assert_eq!(case.find_in(text).unwrap().len(), 0);
        let word = Pattern::regex(
            r"hack",
            SearchOptions {
                whole_word: true,
                ..SearchOptions::default()
            },
        );
        // "hackback" is one word.
        assert_eq!(word.find_in(text).unwrap().len(), 3);
        let accents = Pattern::regex(r"\bcyber-ripostes?\b", SearchOptions::default());
        assert_eq!(accents.find_in("des cyber-ripostes").unwrap().len(), 1);
        assert!(matches!(
            Pattern::regex("(", SearchOptions::default()).compile(),
            Err(AnalysisError::BadPattern(_))
        ));
        // Empty matches are never hits.
        assert!(
            Pattern::regex("x*", SearchOptions::default())
                .find_in("abc")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn plan_skips_exact_spans_that_have_the_code() {
        let p = small();
        let hits = Pattern::plain("alpha")
            .find_all(&p, &BTreeSet::new())
            .unwrap();
        let plan8 = plan(&p, &hits, &[code("pc.8")].into()).unwrap();
        assert_eq!((plan8.new.len(), plan8.already), (0, 1));
        assert!(
            plan8
                .action(&p, &p.coder(&coder("alice")).unwrap().clone(), at())
                .is_none()
        );
        let both = plan(&p, &hits, &[code("pc.8"), code("pc.1")].into()).unwrap();
        assert_eq!(
            both.new,
            vec![(hits[0].0.clone(), hits[0].1, [code("pc.1")].into())]
        );
        assert!(matches!(
            plan(&p, &hits, &BTreeSet::new()),
            Err(AnalysisError::NoCode)
        ));
        assert!(plan(&p, &hits, &[code("zz.1")].into()).is_err());
    }

    #[test]
    fn a_new_coder_joins_in_the_same_undo_step() {
        let p = small();
        let hits = Pattern::plain("gamma")
            .find_all(&p, &BTreeSet::new())
            .unwrap();
        let plan = plan(&p, &hits, &[code("pc.5")].into()).unwrap();
        assert_eq!(plan.new.len(), 2);
        let who = coder_named(&p, "Chloé Martin").unwrap();
        assert_eq!(who.id.as_str(), "chloe-martin");
        let mut s = Session::new(p.clone());
        s.apply(plan.action(&p, &who, at()).unwrap()).unwrap();
        assert_eq!(s.project().annotation_count(), p.annotation_count() + 2);
        assert!(s.project().coder(&who.id).is_some());
        s.undo().unwrap();
        assert_eq!(s.project(), &p);
    }

    #[test]
    fn aliases_are_ready_searches() {
        let p = small();
        assert!(!alias_searches(&p, &code("pc.8")).is_empty());
        let re = alias_regex(&p, &code("pc.8")).unwrap();
        assert!(re.compile().is_ok());
        assert!(alias_regex(&p, &code("zz")).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn autocoded_quotes_match_and_undo_restores(
            words in proptest::collection::vec("(sécurité|Securite|cyber|riposte|état|Etat|é|e|[a-c]{1,3})", 1..40),
            pattern in "(securite|etat|cyber-?riposte|[a-c]{1,2}|e)",
            whole_word in any::<bool>(),
        ) {
            let options = SearchOptions { whole_word, ..SearchOptions::default() };
            let pat = Pattern::regex(&pattern, options);
            let mut project = small();
            let doc = Document::new(
                DocId::new("prop").unwrap(),
                crate::model::DocumentMeta::default(),
                words.join(" "),
            ).unwrap();
            crate::edit::apply(&mut project, Action::AddDocument(doc)).unwrap();
            let before = project.clone();
            let hits = pat.find_all(&project, &BTreeSet::new()).unwrap();
            let plan = plan(&project, &hits, &[code("pc.6")].into()).unwrap();
            let who = coder_named(&project, "tester").unwrap();
            let mut session = Session::new(project);
            if let Some(action) = plan.action(session.project(), &who, at()) {
                session.apply(action).unwrap();
            }
            // Every new annotation's quote matches the whole pattern under the same folding.
            let anchored = Pattern::regex(&format!("^(?:{pattern})$"), options);
            let re = anchored.compile().unwrap();
            let mut added = 0;
            for ann in session.project().annotations().filter(|a| a.coder() == &who.id) {
                added += 1;
                let quote = session.project().quote(ann);
                prop_assert!(re.is_match(fold(quote, anchored.fold_options()).text()), "{quote:?} vs {pattern}");
            }
            prop_assert_eq!(added, plan.new.len());
            session.undo().unwrap();
            prop_assert_eq!(session.project(), &before);
        }
    }
}
