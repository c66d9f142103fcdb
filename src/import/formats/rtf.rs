//! RTF: `rtf-grimoire` tokenizes; this file interprets the tokens (`rtf-parser` 0.4, used before,
//! lost paragraph breaks and left font sizes ("25") in LibreOffice's files).
//!
//! RTF is a flat stream of groups (`{…}`), control words (`\par`, `\u233`), control symbols
//! (`\'e9`, `\~`) and text. The reader keeps one state per open group (which destination the
//! text goes to, how many characters follow a `\uN`) and handles only what carries text:
//! `\par`, `\sect`, `\page` and `\row` end a paragraph; `\line` is a line break; `\tab` and
//! `\cell` a tab; `\'hh` is a byte in the current font's `\fcharset` or else the document's
//! code page (`\ansicpg`, Windows-1252 by default), decoded with `encoding_rs`; `\uN` is a
//! Unicode character whose `\ucN` fallback characters are skipped. Destinations that hold no
//! body text (font, colour and style tables, pictures, headers and footers, field instructions,
//! every `\*` destination) are skipped; the `\info` group gives the title, the author and the
//! creation date; footnotes are appended after the body, as for DOCX and ODT. The interpreter is
//! linear in the tokens and never recurses: a depth cap refuses absurdly nested files, a group
//! left open (a truncated file) is an error, and so is input the tokenizer cannot read.

use encoding_rs::{Encoding, WINDOWS_1252};
use rtf_grimoire::tokenizer::{self, Token};

use super::{Extracted, FormatError, non_empty};
use crate::model::DocDate;

const FORMAT: &str = "RTF";

/// Deepest group nesting accepted (real files stay under a few dozen).
pub const MAX_DEPTH: usize = 1_000;

/// Where the text of a group goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    Body,
    Footnote,
    /// Dropped (tables, pictures, headers, unknown `\*` destinations).
    Skip,
    /// Inside `\info`, outside a field we read.
    Info,
    Title,
    Author,
    /// `\creatim`: its `\yr`, `\mo`, `\dy` words.
    Created,
    /// `\fonttbl`: font numbers and their character sets.
    Fonts,
}

/// The state a group inherits from its parent and loses when it closes.
#[derive(Debug, Clone, Copy)]
struct Group {
    dest: Dest,
    /// Characters to skip after `\uN` (`\ucN`).
    uc: usize,
    /// The current font's character set, when it is not the document's code page.
    font_encoding: Option<&'static Encoding>,
}

/// Destinations whose text is never body text.
const SKIPPED: &[&str] = &[
    "colortbl",
    "stylesheet",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "filetbl",
    "pict",
    "object",
    "objdata",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "datafield",
    "xe",
    "tc",
    "txe",
    "pntext",
    "pntxta",
    "pntxtb",
    "listtext",
    "template",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "generator",
    "userprops",
    "docvar",
    "nonshppict",
    "shpinst",
    "bkmkstart",
    "bkmkend",
];

/// Text and metadata collected while reading.
struct Reader {
    groups: Vec<Group>,
    current: Group,
    encoding: &'static Encoding,
    /// `\'hh` bytes not yet decoded (a multi-byte character spans several).
    pending: Vec<u8>,
    /// `\ucN` characters still to skip after a `\uN`.
    skip: usize,
    out: Extracted,
    footnotes: Vec<String>,
    title: String,
    author: String,
    created: (i32, i32, i32),
    /// Font number → character set (`\fcharset`), from the font table.
    fonts: std::collections::HashMap<i64, &'static Encoding>,
    /// The font being described in the font table.
    font: i64,
}

/// Longest an RTF file may take to read.
pub const TIME_LIMIT: std::time::Duration = std::time::Duration::from_mins(2);

/// Extracts an RTF file, on a guarded thread: the tokenizer is a third-party parser, so a panic
/// in it becomes an error and a runaway read a time-out.
pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let owned: std::sync::Arc<[u8]> = std::sync::Arc::from(bytes);
    super::guard::run_guarded(FORMAT, TIME_LIMIT, move || extract_unguarded(&owned))
}

fn extract_unguarded(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if !bytes[start..].starts_with(b"{\\rtf") {
        return Err(FormatError::malformed(FORMAT, "does not start with {\\rtf"));
    }
    let mut r = Reader {
        groups: Vec::new(),
        current: Group {
            dest: Dest::Body,
            uc: 1,
            font_encoding: None,
        },
        encoding: WINDOWS_1252,
        pending: Vec::new(),
        skip: 0,
        out: Extracted::default(),
        footnotes: Vec::new(),
        title: String::new(),
        author: String::new(),
        created: (0, 0, 0),
        fonts: std::collections::HashMap::new(),
        font: 0,
    };
    r.read(&bytes[start..])?;
    Ok(r.finish())
}

impl Reader {
    /// Interprets the token stream of `rtf-grimoire`'s tokenizer.
    fn read(&mut self, bytes: &[u8]) -> Result<(), FormatError> {
        // The tokenizer stops at the first thing it cannot read and returns the rest.
        let (rest, tokens) = tokenizer::parse(bytes)
            .map_err(|e| FormatError::malformed(FORMAT, format!("unreadable RTF: {e}")))?;
        if !rest.is_empty() {
            return Err(FormatError::malformed(
                FORMAT,
                format!(
                    "unreadable RTF at byte {} of {}",
                    bytes.len() - rest.len(),
                    bytes.len()
                ),
            ));
        }
        for token in tokens {
            match token {
                Token::StartGroup => {
                    self.flush();
                    if self.groups.len() >= MAX_DEPTH {
                        return Err(FormatError::Limit(format!(
                            "RTF groups nested more than {MAX_DEPTH} deep"
                        )));
                    }
                    self.groups.push(self.current);
                }
                Token::EndGroup => {
                    self.flush();
                    if let Some(parent) = self.groups.pop() {
                        self.current = parent;
                    }
                    self.skip = 0;
                }
                // `\'hh`: one byte in the current character set.
                Token::ControlWord { name, arg } if name == "'" => {
                    if let Some(byte) = arg.and_then(|a| u8::try_from(a).ok()) {
                        self.byte(byte);
                    }
                }
                Token::ControlWord { name, arg } => self.word(&name, arg.map(i64::from)),
                Token::ControlSymbol(c) => self.symbol(c),
                Token::Text(text) => {
                    for byte in text {
                        self.byte(byte);
                    }
                }
                // Raw binary data (pictures) and line ends of the file carry no text.
                Token::ControlBin(_) | Token::Newline(_) => {}
            }
        }
        self.flush();
        if !self.groups.is_empty() {
            return Err(FormatError::malformed(
                FORMAT,
                format!("{} group(s) not closed at the end", self.groups.len()),
            ));
        }
        Ok(())
    }

    /// A byte of text, unless it is a fallback character of a `\uN` still to skip.
    fn byte(&mut self, byte: u8) {
        if self.skip > 0 {
            self.skip -= 1;
        } else {
            self.pending.push(byte);
        }
    }

    /// Acts on a control symbol (a backslash and one character that is not a letter).
    fn symbol(&mut self, c: char) {
        match c {
            '*' => {
                self.flush();
                self.current.dest = Dest::Skip;
            }
            '\\' | '{' | '}' => self.text_char(c),
            '~' => self.text_char('\u{a0}'),
            '_' => self.text_char('\u{2011}'),
            '\r' | '\n' => self.paragraph(),
            // `\-` (optional hyphen), `\|`, `\:` and unknown symbols carry no text.
            _ => {}
        }
    }

    /// Acts on one control word.
    fn word(&mut self, word: &str, param: Option<i64>) {
        // Any control word counts as one fallback character after `\uN`.
        if self.skip > 0 && word != "u" {
            self.skip -= 1;
            return;
        }
        self.flush();
        match word {
            "par" | "sect" | "page" | "row" => self.paragraph(),
            "line" => self.text_char('\n'),
            "tab" | "cell" => self.text_char('\t'),
            "emdash" => self.text_char('—'),
            "endash" => self.text_char('–'),
            "bullet" => self.text_char('•'),
            "lquote" => self.text_char('‘'),
            "rquote" => self.text_char('’'),
            "ldblquote" => self.text_char('“'),
            "rdblquote" => self.text_char('”'),
            "emspace" | "enspace" | "qmspace" => self.text_char(' '),
            "u" => {
                if let Some(n) = param {
                    // Values above 32767 are written as negative numbers.
                    let n = if n < 0 { n + 65_536 } else { n };
                    let ch = u32::try_from(n)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}');
                    self.text_char(ch);
                    self.skip = self.current.uc;
                }
            }
            "uc" => {
                self.current.uc = usize::try_from(param.unwrap_or(1).clamp(0, 16)).unwrap_or(1);
            }
            "ansicpg" => {
                if let Some(enc) = param.and_then(code_page) {
                    self.encoding = enc;
                }
            }
            "mac" => self.encoding = encoding_rs::MACINTOSH,
            "fonttbl" => self.current.dest = Dest::Fonts,
            "f" if self.current.dest == Dest::Fonts => self.font = param.unwrap_or(0),
            "fcharset" if self.current.dest == Dest::Fonts => {
                if let Some(enc) = param.and_then(charset) {
                    self.fonts.insert(self.font, enc);
                }
            }
            "f" => self.current.font_encoding = self.fonts.get(&param.unwrap_or(0)).copied(),
            "info" => self.current.dest = Dest::Info,
            "title" if self.current.dest == Dest::Info => self.current.dest = Dest::Title,
            "author" if self.current.dest == Dest::Info => self.current.dest = Dest::Author,
            "creatim" if self.current.dest == Dest::Info => self.current.dest = Dest::Created,
            "yr" | "mo" | "dy" if self.current.dest == Dest::Created => {
                let v = i32::try_from(param.unwrap_or(0)).unwrap_or(0);
                match word {
                    "yr" => self.created.0 = v,
                    "mo" => self.created.1 = v,
                    _ => self.created.2 = v,
                }
            }
            "footnote" => {
                self.flush();
                if self.current.dest == Dest::Body {
                    self.footnotes.push(String::new());
                    self.current.dest = Dest::Footnote;
                } else {
                    self.current.dest = Dest::Skip;
                }
            }
            w if SKIPPED.contains(&w) => self.current.dest = Dest::Skip,
            // Inside `\info`, any other field (subject, keywords, operator…) is dropped.
            _ if self.current.dest == Dest::Info => {}
            _ => {}
        }
    }

    /// Decodes the pending code-page bytes into the current destination.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let encoding = self.current.font_encoding.unwrap_or(self.encoding);
        let (text, _) = encoding.decode_without_bom_handling(&bytes);
        self.push_str(&text);
    }

    fn text_char(&mut self, c: char) {
        self.flush();
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        self.push_str(s);
    }

    fn push_str(&mut self, s: &str) {
        match self.current.dest {
            Dest::Body => self.out.text.push_str(s),
            Dest::Footnote => {
                if let Some(f) = self.footnotes.last_mut() {
                    f.push_str(s);
                }
            }
            Dest::Title => self.title.push_str(s),
            Dest::Author => self.author.push_str(s),
            Dest::Skip | Dest::Info | Dest::Created | Dest::Fonts => {}
        }
    }

    fn paragraph(&mut self) {
        self.flush();
        match self.current.dest {
            Dest::Body => self.out.break_paragraph(),
            Dest::Footnote => {
                if let Some(f) = self.footnotes.last_mut() {
                    f.push(' ');
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Extracted {
        for note in std::mem::take(&mut self.footnotes) {
            let note = note.trim();
            if !note.is_empty() {
                self.out.break_paragraph();
                self.out.text.push_str(note);
            }
        }
        self.out.meta.title = non_empty(&self.title).unwrap_or_default();
        self.out.meta.author = non_empty(&self.author);
        let (y, m, d) = self.created;
        if y > 0 {
            let text = if m > 0 && d > 0 {
                format!("{y:04}-{m:02}-{d:02}")
            } else if m > 0 {
                format!("{y:04}-{m:02}")
            } else {
                format!("{y:04}")
            };
            self.out.meta.date = DocDate::parse(&text).ok();
            self.out.warn_file_date("creation date (\\creatim)");
        }
        self.out
    }
}

/// The encoding of a font's character set (`\fcharsetN`); `None` for the document's code page
/// (0, 1) and for sets that have no text encoding (2, symbol).
fn charset(n: i64) -> Option<&'static Encoding> {
    let label: &[u8] = match n {
        77 => b"macintosh",
        128 => b"shift_jis",
        129 => b"euc-kr",
        134 => b"gbk",
        136 => b"big5",
        161 => b"windows-1253",
        162 => b"windows-1254",
        163 => b"windows-1258",
        177 => b"windows-1255",
        178 => b"windows-1256",
        186 => b"windows-1257",
        204 => b"windows-1251",
        222 => b"windows-874",
        238 => b"windows-1250",
        _ => return None,
    };
    Encoding::for_label(label)
}

/// The encoding of a Windows code page number (`\ansicpg`).
fn code_page(n: i64) -> Option<&'static Encoding> {
    let label: &[u8] = match n {
        437 | 850 | 1252 => b"windows-1252",
        874 => b"windows-874",
        932 => b"shift_jis",
        936 => b"gbk",
        949 => b"euc-kr",
        950 => b"big5",
        1250 => b"windows-1250",
        1251 => b"windows-1251",
        1253 => b"windows-1253",
        1254 => b"windows-1254",
        1255 => b"windows-1255",
        1256 => b"windows-1256",
        1257 => b"windows-1257",
        1258 => b"windows-1258",
        10000 => b"macintosh",
        65001 => b"utf-8",
        _ => return None,
    };
    Encoding::for_label(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rtf: &str) -> String {
        extract(rtf.as_bytes()).expect("reads").text
    }

    proptest::proptest! {
        /// Any soup of RTF pieces reads to text or an error, never a panic, in the reader itself
        /// (not only behind the guard).
        #[test]
        fn any_token_soup_reads_or_errs(pieces in proptest::collection::vec(0..PIECES.len(), 0..200)) {
            let mut rtf = String::from("{\\rtf1 ");
            for i in pieces {
                rtf.push_str(PIECES[i]);
            }
            let _ = extract_unguarded(rtf.as_bytes());
        }
    }

    const PIECES: &[&str] = &[
        "{",
        "}",
        "\\par ",
        "\\u-5",
        "\\u233 ",
        "\\'e9",
        "\\'",
        "\\bin3 ",
        "\\bin-4 ",
        "text ",
        "\\*",
        "\\uc2 ",
        "\\uc0",
        "{\\fonttbl",
        "\\f1 ",
        "\\fcharset204 ",
        "\\info",
        "{\\title ",
        "\\yr2018",
        "\\",
        "\\~",
        "\\_",
        "\\\n",
        "é",
        "\\footnote ",
        "\\ansicpg1251 ",
        "\\u99999999999 ",
    ];

    #[test]
    fn paragraphs_lines_and_tabs() {
        assert_eq!(
            text(r"{\rtf1\ansi {\fonttbl{\f0 Times;}}\f0\fs24 One\par Two\line two\tab b\par}"),
            "One\n\nTwo\ntwo\tb\n\n"
        );
    }

    #[test]
    fn hex_escapes_use_the_code_page_and_unicode_skips_its_fallback() {
        assert_eq!(text(r"{\rtf1\ansi s\'e9curit\'e9}"), "sécurité");
        assert_eq!(text(r"{\rtf1\ansi\ansicpg1251 \'c4\'e0}"), "Да");
        assert_eq!(text(r"{\rtf1\uc1 s\u233\'e9curit\u233 e}"), "sécurité");
        assert_eq!(text(r"{\rtf1\uc2 a\u8364\'80\'80 b}"), "a€ b");
        assert_eq!(text(r"{\rtf1 \u-4064?}"), "\u{f020}");
        // A font's character set wins over the document's code page while it is in use.
        assert_eq!(
            text(
                r"{\rtf1\ansi{\fonttbl{\f0\fcharset0 Times;}{\f1\fcharset204 Arial Cyr;}}\f0 \'e9 {\f1 \'c4\'e0} \'e9}"
            ),
            "é Да é"
        );
    }

    #[test]
    fn ignorable_destinations_and_tables_are_skipped() {
        let rtf = r"{\rtf1{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\*\generator LibreOffice;}{\header Page head\par}{\pict 0123abcd}Body {\field{\*\fldinst HYPERLINK x}{\fldrslt link}} end\par}";
        assert_eq!(text(rtf), "Body link end\n\n");
    }

    #[test]
    fn info_gives_metadata_and_footnotes_come_last() {
        let rtf = r"{\rtf1{\info{\title Appel de Paris}{\author Minist\'e8re}{\creatim\yr2018\mo11\dy12\hr10}}Text{\footnote\pard Note one.}\par More\par}";
        let out = extract(rtf.as_bytes()).expect("reads");
        assert_eq!(out.meta.title, "Appel de Paris");
        assert_eq!(out.meta.author.as_deref(), Some("Ministère"));
        assert_eq!(
            out.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2018-11-12")
        );
        assert_eq!(out.text, "Text\n\nMore\n\nNote one.");
    }

    #[test]
    fn escaped_braces_and_binary_data() {
        assert_eq!(text(r"{\rtf1 a\{b\}c\\d}"), r"a{b}c\d");
        let mut bytes = br"{\rtf1 x{\pict\bin4 ".to_vec();
        bytes.extend_from_slice(b"}}{{");
        bytes.extend_from_slice(br"} y}");
        assert_eq!(extract(&bytes).expect("reads").text, "x y");
    }

    #[test]
    fn not_rtf_and_deep_nesting_are_errors() {
        assert!(extract(b"hello").is_err());
        assert!(extract(br"{\rtf1 {\b cut").is_err());
        // What the tokenizer cannot read is an error that says where, not text silently lost.
        let broken = extract(br"{\rtf1 ok \'zz rest}").expect_err("bad hex escape");
        assert!(broken.to_string().contains("at byte 10"), "{broken}");
        let deep = format!("{{\\rtf1 {}x{}}}", "{".repeat(5_000), "}".repeat(5_000));
        assert!(matches!(
            extract(deep.as_bytes()),
            Err(FormatError::Limit(_))
        ));
    }
}
