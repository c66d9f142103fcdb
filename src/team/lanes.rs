//! A document cut where any compared coder's annotation starts or ends, with what each coder has
//! on each piece: the "lanes" drawn under the text by the seminar page and the disagreement view.

use std::collections::BTreeMap;

use crate::model::{CodeId, CoderId, Document, Project};

/// `[start, end)` in characters, and per compared coder (same order) the codes covering it, in
/// codebook order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub codes: Vec<Vec<CodeId>>,
}

impl Segment {
    /// Whether the coders' code sets differ here.
    #[must_use]
    pub fn disagrees(&self) -> bool {
        self.codes.windows(2).any(|w| w[0] != w[1])
    }
}

/// The whole document as segments (uncoded stretches included), built by one sweep over the
/// annotations' boundaries.
#[must_use]
pub fn segments(project: &Project, doc: &Document, coders: &[CoderId]) -> Vec<Segment> {
    let order: BTreeMap<&CodeId, usize> = project
        .codebook()
        .codes()
        .iter()
        .enumerate()
        .map(|(i, c)| (&c.id, i))
        .collect();
    // (position, is_start, coder, code position)
    let mut events: Vec<(usize, bool, usize, usize)> = Vec::new();
    for ann in project.annotations_in(doc.id()) {
        let Some(i) = coders.iter().position(|c| c == ann.coder()) else {
            continue;
        };
        for code in ann.codes() {
            let pos = order.get(code).copied().unwrap_or(usize::MAX);
            events.push((ann.span().start(), true, i, pos));
            events.push((ann.span().end(), false, i, pos));
        }
    }
    events.sort_unstable();
    let mut active: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); coders.len()];
    let codes_by_pos: Vec<&CodeId> = project.codebook().codes().iter().map(|c| &c.id).collect();
    let snapshot = |active: &[BTreeMap<usize, usize>]| -> Vec<Vec<CodeId>> {
        active
            .iter()
            .map(|m| {
                m.keys()
                    .filter_map(|&p| codes_by_pos.get(p).map(|c| (*c).clone()))
                    .collect()
            })
            .collect()
    };
    let len = doc.char_len();
    let mut out = Vec::new();
    let mut at = 0;
    let mut k = 0;
    while at < len || k < events.len() {
        let next = events.get(k).map_or(len, |e| e.0.min(len));
        if next > at {
            out.push(Segment {
                start: at,
                end: next,
                codes: snapshot(&active),
            });
            at = next;
        }
        if k >= events.len() {
            break;
        }
        while k < events.len() && events[k].0.min(len) == next {
            let (_, start, i, pos) = events[k];
            let counter = active[i].entry(pos).or_default();
            if start {
                *counter += 1;
            } else {
                *counter = counter.saturating_sub(1);
                if *counter == 0 {
                    active[i].remove(&pos);
                }
            }
            k += 1;
        }
    }
    out
}
