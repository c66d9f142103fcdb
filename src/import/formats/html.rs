//! HTML pages: the main text without navigation, scripts or styles; block elements become
//! paragraphs, table cells are separated by tabs; `<title>`, `<meta>` and `lang` → metadata.
//! Navigation is recognised by its element (`nav`, `header`, `footer`, `aside`…), its ARIA role,
//! `hidden`/`aria-hidden`, and, for pages built of bare `div`s, by `class`/`id` names such as
//! `menu`, `breadcrumb`, `footer` or `cookies` (whole names only).
//! `scraper` (html5ever) parses and decodes entities; this file only walks the tree, without
//! recursion.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::core_props::{language_code, parse_date};
use super::{Extracted, FormatError, non_empty};

/// Deepest element nesting walked; deeper markup is refused (real pages stay below 100).
pub const MAX_DEPTH: usize = 1_000;

/// Elements whose content is never text of the document.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "head", "form",
    "button", "select", "svg", "iframe", "object",
];

/// ARIA landmarks that are never the document's text (site banner, menus, search, footer).
const SKIPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Whole `class` or `id` tokens that name page furniture on sites without semantic markup
/// (compared whole and case-insensitively, so `article-header` is kept while `header` is not).
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "main-menu",
    "mainmenu",
    "breadcrumb",
    "breadcrumbs",
    "ariane",
    "fil-ariane",
    "sidebar",
    "header",
    "site-header",
    "footer",
    "site-footer",
    "cookie",
    "cookies",
    "cookie-banner",
    "bandeau-cookies",
    "share",
    "sharing",
    "social",
    "partage",
    "skip-link",
    "skiplinks",
    "evitement",
    "pagination",
    "pager",
];

/// Whether an element is hidden or page furniture rather than text of the document.
fn is_furniture(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| SKIPPED_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let named = |v: Option<&str>| {
        v.is_some_and(|v| {
            v.split_ascii_whitespace()
                .any(|t| FURNITURE.contains(&t.to_ascii_lowercase().as_str()))
        })
    };
    named(el.attr("class")) || named(el.attr("id"))
}

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "table",
    "figure",
    "figcaption",
    "address",
    "hr",
    "body",
    "caption",
];

/// Extracts an HTML page (already decoded to text).
pub fn extract(source: &str) -> Result<Extracted, FormatError> {
    let page = Html::parse_document(source);
    let mut out = Extracted::default();
    read_meta(&page, &mut out);
    let root = main_element(&page).unwrap_or_else(|| page.root_element());
    walk(root, &mut out)?;
    out.break_paragraph();
    Ok(out)
}

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// `<main>`, else the only `<article>`, else `<body>`.
fn main_element(page: &Html) -> Option<ElementRef<'_>> {
    if let Some(main) = selector("main").and_then(|s| page.select(&s).next()) {
        return Some(main);
    }
    if let Some(s) = selector("article") {
        let mut articles = page.select(&s);
        if let (Some(only), None) = (articles.next(), articles.next()) {
            return Some(only);
        }
    }
    selector("body").and_then(|s| page.select(&s).next())
}

fn walk(root: ElementRef<'_>, out: &mut Extracted) -> Result<(), FormatError> {
    let mut depth = 0usize;
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(FormatError::Limit(format!(
                            "HTML markup nested more than {MAX_DEPTH} levels deep"
                        )));
                    }
                    let name = el.name();
                    if skip_depth > 0 || SKIPPED.contains(&name) || is_furniture(el) {
                        skip_depth += 1;
                        continue;
                    }
                    match name {
                        "br" => out.text.push('\n'),
                        "pre" => {
                            pre_depth += 1;
                            out.break_paragraph();
                        }
                        "td" | "th" => {}
                        n if BLOCKS.contains(&n) => out.break_paragraph(),
                        _ => {}
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    if pre_depth > 0 {
                        out.text.push_str(t);
                    } else {
                        push_collapsed(&mut out.text, t);
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    depth = depth.saturating_sub(1);
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    match el.name() {
                        "td" | "th" => {
                            let trimmed = out.text.trim_end_matches(' ').len();
                            out.text.truncate(trimmed);
                            out.text.push('\t');
                        }
                        "tr" => {
                            let trimmed = out.text.trim_end_matches(['\t', ' ']).len();
                            out.text.truncate(trimmed);
                            out.text.push('\n');
                        }
                        "pre" => {
                            pre_depth = pre_depth.saturating_sub(1);
                            out.break_paragraph();
                        }
                        n if BLOCKS.contains(&n) => out.break_paragraph(),
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(())
}

/// HTML whitespace rules: runs of spaces and newlines are one space, none at a line start.
fn push_collapsed(out: &mut String, text: &str) {
    for (i, word) in text.split_ascii_whitespace().enumerate() {
        let starts_with_space = text.starts_with(|c: char| c.is_ascii_whitespace());
        if (i > 0 || starts_with_space) && !out.is_empty() && !out.ends_with(['\n', ' ', '\t']) {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(|c: char| c.is_ascii_whitespace())
        && !text.trim().is_empty()
        && !out.ends_with(['\n', ' ', '\t'])
    {
        out.push(' ');
    }
}

fn read_meta(page: &Html, out: &mut Extracted) {
    let meta = &mut out.meta;
    if let Some(title) = selector("title")
        .and_then(|s| page.select(&s).next())
        .and_then(|t| non_empty(&t.text().collect::<String>()))
    {
        meta.title = title;
    }
    if let Some(lang) = page
        .root_element()
        .attr("lang")
        .or_else(|| page.root_element().attr("xml:lang"))
    {
        meta.language = language_code(lang);
    }
    let Some(metas) = selector("meta") else {
        return;
    };
    for m in page.select(&metas) {
        let el = m.value();
        let key = el
            .attr("name")
            .or_else(|| el.attr("property"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let Some(value) = el.attr("content").and_then(non_empty) else {
            continue;
        };
        match key.as_str() {
            "author" | "dc.creator" | "dcterms.creator" | "article:author" => {
                meta.author.get_or_insert(value);
            }
            "date"
            | "dc.date"
            | "dcterms.date"
            | "dcterms.created"
            | "article:published_time"
            | "datepublished"
                if meta.date.is_none() =>
            {
                meta.date = parse_date(&value);
            }
            "description" | "dc.description" | "og:description" => {
                meta.attributes
                    .entry("description".to_owned())
                    .or_insert(value);
            }
            "dc.publisher" | "og:site_name" | "publisher" => {
                meta.institution.get_or_insert(value);
            }
            "dc.language" | "language" if meta.language.is_none() => {
                meta.language = language_code(&value);
            }
            "og:title" | "dc.title" if meta.title.is_empty() => meta.title = value,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_without_navigation_with_metadata() {
        let page = r#"<!DOCTYPE html><html lang="fr-FR"><head><title>Appel de Paris</title>
<meta name="author" content="Élysée"><meta name="date" content="2018-11-12">
<meta name="description" content="Texte intégral"><style>p{}</style><script>var x = 1;</script></head>
<body><nav><a href="/">Accueil</a></nav><h1>L’Appel</h1><p>Le cyberespace joue&nbsp;un rôle
 <b>capital</b> &amp; croissant.</p><ul><li>un</li><li>deux</li></ul>
<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table><footer>Mentions</footer></body></html>"#;
        let out = extract(page).expect("html");
        assert_eq!(
            out.text,
            "L’Appel\n\nLe cyberespace joue\u{a0}un rôle capital & croissant.\n\nun\n\ndeux\n\na\tb\nc\td\n\n"
        );
        assert_eq!(out.meta.title, "Appel de Paris");
        assert_eq!(out.meta.language.as_deref(), Some("fr"));
        assert_eq!(out.meta.author.as_deref(), Some("Élysée"));
        assert_eq!(
            out.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2018-11-12")
        );
        assert_eq!(out.meta.attributes["description"], "Texte intégral");
    }

    #[test]
    fn page_furniture_without_semantic_markup_is_left_out() {
        let page = r#"<html><body><div id="header"><a href="/">Assemblée nationale</a></div>
<div class="menu principal"><ul><li>Députés</li><li>Travaux</li></ul></div>
<div role="navigation">Plan du site</div><div class="fil-ariane">Accueil &gt; Questions</div>
<div id="contenu"><div class="article-header"><h1>Question n° 1400</h1></div>
<p>Texte de la question.</p><p aria-hidden="true">Imprimer</p></div>
<div class="Footer">Mentions légales</div><div id="bandeau-cookies">Nous utilisons des cookies</div>
</body></html>"#;
        let out = extract(page).expect("html");
        assert_eq!(out.text, "Question n° 1400\n\nTexte de la question.\n\n");
    }
}
