//! The corpus search tab: plain text or regular expression over every document, whole word,
//! case- and accent-insensitive by option; hits with context, ticks, codebook aliases as ready
//! searches, and "code all / ticked hits" as one undoable action with its preview.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::analysis::autocode::{Pattern, Plan, alias_regex, plan};
use crate::analysis::query::{CONTEXT_CHARS, kwic};
use crate::model::{CharSpan, CodeId, DocId, Project};
use crate::ui::command::{AnalysisCommand, UiCommand};
use crate::ui::context::Cx;
use crate::ui::panels::code_checkboxes;

/// One hit with its context and tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub doc: DocId,
    pub span: CharSpan,
    pub before: String,
    pub text: String,
    pub after: String,
    pub ticked: bool,
}

/// The tab's pattern, options, hits and chosen codes.
#[derive(Debug, Default)]
pub struct SearchPanel {
    pub pattern: Pattern,
    pub hits: Vec<SearchHit>,
    /// Codes to apply to the hits.
    pub codes: BTreeSet<CodeId>,
    /// A bad regular expression, said under the pattern.
    pub error: Option<String>,
    computed_for: Option<(Pattern, u64)>,
}

impl SearchPanel {
    /// The hits to code: the ticked ones, or all.
    fn chosen(&self, ticked_only: bool) -> Vec<(DocId, CharSpan)> {
        self.hits
            .iter()
            .filter(|h| h.ticked || !ticked_only)
            .map(|h| (h.doc.clone(), h.span))
            .collect()
    }

    /// What coding the hits would do; `None` without a code.
    #[must_use]
    pub fn preview(&self, project: &Project, ticked_only: bool) -> Option<Plan> {
        plan(project, &self.chosen(ticked_only), &self.codes).ok()
    }
}

impl SearchPanel {
    /// Recomputes the hits when the pattern, options or project changed (ticks are kept for hits
    /// that are still there).
    pub fn refresh(&mut self, project: &Project, state: u64) {
        let panel = self;
        let key = (panel.pattern.clone(), state);
        if panel.computed_for.as_ref() == Some(&key) {
            return;
        }
        let ticked: BTreeSet<(DocId, CharSpan)> = panel
            .hits
            .iter()
            .filter(|h| h.ticked)
            .map(|h| (h.doc.clone(), h.span))
            .collect();
        panel.error = None;
        panel.hits = if panel.pattern.text.trim().is_empty() {
            Vec::new()
        } else {
            match panel.pattern.find_all(project, &BTreeSet::new()) {
                Ok(found) => found
                    .into_iter()
                    .filter_map(|(doc, span)| {
                        let d = project.document(&doc)?;
                        let (before, text, after) = kwic(d, span, CONTEXT_CHARS);
                        let ticked = ticked.contains(&(doc.clone(), span));
                        Some(SearchHit {
                            doc,
                            span,
                            before,
                            text,
                            after,
                            ticked,
                        })
                    })
                    .collect(),
                Err(e) => {
                    panel.error = Some(e.to_string());
                    Vec::new()
                }
            }
        };
        panel.computed_for = Some(key);
    }
}

/// The pattern, its options, the alias searches and the codes to apply.
fn controls(panel: &mut SearchPanel, ui: &mut Ui, cx: &Cx<'_>) {
    let t = cx.tr();
    let lang = cx.lang;
    let Some(project) = cx.project() else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(t.pattern);
        ui.add(
            egui::TextEdit::singleline(&mut panel.pattern.text)
                .id_salt("corpus-pattern")
                .desired_width(260.0)
                .hint_text(t.pattern),
        )
        .labelled_by(label.id);
        ui.checkbox(&mut panel.pattern.regex, t.regular_expression);
    });
    ui.horizontal(|ui| {
        ui.checkbox(&mut panel.pattern.options.whole_word, t.whole_word);
        ui.checkbox(&mut panel.pattern.options.case_sensitive, t.match_case);
        ui.checkbox(&mut panel.pattern.options.accent_sensitive, t.match_accents);
        let with_aliases: Vec<_> = project
            .codebook()
            .codes()
            .iter()
            .filter(|c| !c.aliases.is_empty())
            .collect();
        egui::ComboBox::new("alias-search", t.aliases_of)
            .selected_text("…")
            .show_ui(ui, |ui| {
                for code in with_aliases {
                    let text = format!("{} · {}", code.id, code.label.get(lang));
                    if ui
                        .selectable_label(false, text)
                        .on_hover_text(code.aliases.join(" · "))
                        .clicked()
                        && let Some(p) = alias_regex(project, &code.id)
                    {
                        panel.pattern = p;
                        panel.codes = BTreeSet::from([code.id.clone()]);
                    }
                }
            });
    });
    if let Some(e) = &panel.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(t.code_with);
        code_checkboxes(ui, project, lang, &mut panel.codes);
    });
}

pub(super) fn show(panel: &mut SearchPanel, ui: &mut Ui, cx: &Cx<'_>, cmds: &mut Vec<UiCommand>) {
    controls(panel, ui, cx);
    let t = cx.tr();
    let Some(project) = cx.project() else {
        return;
    };
    panel.refresh(project, cx.state());
    let mut command = None;
    ui.horizontal(|ui| {
        ui.label(format!("{} {}", panel.hits.len(), t.hits));
        let ticked = panel.hits.iter().any(|h| h.ticked);
        // Without a code there is nothing to preview: one hint, and both buttons under their own
        // names, disabled (not two identical "tick a code" buttons).
        let no_code = panel.codes.is_empty();
        for (ticked_only, label) in [(false, t.code_all_hits), (true, t.code_ticked_hits)] {
            let preview = if no_code {
                None
            } else {
                panel.preview(project, ticked_only)
            };
            let summary = preview.as_ref().map_or_else(
                || label.to_owned(),
                |p| {
                    format!(
                        "{label} ({} {}, {} {})",
                        p.new.len(),
                        t.new_annotations,
                        p.already,
                        t.already_coded
                    )
                },
            );
            let enabled =
                preview.as_ref().is_some_and(|p| !p.new.is_empty()) && (ticked || !ticked_only);
            if ui
                .add_enabled(enabled, egui::Button::new(summary))
                .clicked()
            {
                command = Some(AnalysisCommand::Autocode(ticked_only));
            }
        }
        if no_code {
            ui.weak(t.choose_codes);
        }
    });
    ui.separator();
    let mut reveal = None;
    egui::ScrollArea::vertical()
        .id_salt("corpus-hits")
        .auto_shrink([false, false])
        .show_rows(ui, 22.0, panel.hits.len(), |ui, rows| {
            for i in rows {
                let Some(h) = panel.hits.get_mut(i) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    ui.checkbox(&mut h.ticked, format!("{}", i + 1));
                    ui.label(RichText::new(h.doc.as_str()).small().weak());
                    let text = super::kwic_line(&h.before, &h.text, &h.after);
                    if ui.selectable_label(false, text).clicked() {
                        reveal = Some((h.doc.clone(), h.span));
                    }
                });
            }
        });
    if let Some(c) = command {
        cmds.push(UiCommand::Analysis(c));
    }
    if let Some((doc, span)) = reveal {
        cmds.push(UiCommand::Reveal(doc, span));
    }
}
