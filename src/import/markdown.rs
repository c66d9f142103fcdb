//! Markdown → readable plain text, with `pulldown-cmark` doing the parsing.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Renders Markdown as plain text: one paragraph per block (headings, paragraphs, list items,
/// table rows with tab-separated cells), emphasis and link markup dropped (the link text stays),
/// raw HTML dropped. Also returns the first heading, a good default title.
pub fn to_plain_text(markdown: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(markdown.len());
    let mut first_heading: Option<String> = None;
    let mut heading: Option<String> = None;
    let new_block = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\t']).len();
        out.truncate(trimmed);
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
    };
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                new_block(&mut out);
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                if first_heading.is_none() {
                    first_heading = heading.take().map(|h| h.trim().to_owned());
                }
                heading = None;
                new_block(&mut out);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::TableRow
                | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::List(_),
            )
            | Event::Rule => new_block(&mut out),
            Event::Start(Tag::Item) => {
                new_block(&mut out);
                out.push_str("• ");
            }
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::Text(t) | Event::Code(t) => {
                out.push_str(&t);
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    (out, first_heading.filter(|h| !h.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_text_stays() {
        let (text, title) = to_plain_text(
            "\n\n# ASSEMBLÉE NATIONALE\n\n**M. le président.** La parole est à [Laure de La Raudière](#), pour le groupe.\n\n- un\n- deux\n",
        );
        assert_eq!(title.as_deref(), Some("ASSEMBLÉE NATIONALE"));
        assert_eq!(
            text.trim_end(),
            "ASSEMBLÉE NATIONALE\n\nM. le président. La parole est à Laure de La Raudière, pour le groupe.\n\n• un\n\n• deux"
        );
    }
}
