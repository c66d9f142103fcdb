//! Bytes → text, whatever the encoding.

use encoding_rs::{Encoding, UTF_8};

use super::ImportWarning;

/// Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is taken as
/// is; otherwise the encoding is guessed (`chardetng`, as Firefox does) and the user is warned.
/// A NUL byte in a file without a UTF-16 BOM means binary: `Err(offset)`.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<ImportWarning>), usize> {
    let mut warnings = Vec::new();
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if encoding != UTF_8 {
            warnings.push(ImportWarning(format!(
                "decoded as {} (byte-order mark)",
                encoding.name()
            )));
        }
        if had_errors {
            warnings.push(replaced_warning(encoding));
        }
        return Ok((text.into_owned(), warnings));
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(offset);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), warnings));
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    warnings.push(ImportWarning(format!(
        "the file is not UTF-8; decoded as {} (guessed): check that accents look right",
        encoding.name()
    )));
    if had_errors {
        warnings.push(replaced_warning(encoding));
    }
    Ok((text.into_owned(), warnings))
}

fn replaced_warning(encoding: &'static Encoding) -> ImportWarning {
    ImportWarning(format!(
        "some bytes are not valid {}; they were replaced by U+FFFD (�)",
        encoding.name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_is_guessed_with_a_warning() {
        let bytes = b"La s\xe9curit\xe9 du cyberespace est l'affaire de tous les \xc9tats.";
        let (text, warnings) = decode(bytes).expect("text");
        assert_eq!(
            text,
            "La sécurité du cyberespace est l'affaire de tous les États."
        );
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].0.contains("windows-1252"), "{warnings:?}");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Sécurité".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (text, _) = decode(&bytes).expect("text");
        assert_eq!(text, "Sécurité");
    }

    #[test]
    fn utf8_bom_is_dropped_silently() {
        let (text, warnings) = decode(b"\xEF\xBB\xBFabc").expect("text");
        assert_eq!(text, "abc");
        assert!(warnings.is_empty());
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(4));
    }
}
