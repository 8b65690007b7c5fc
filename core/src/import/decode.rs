//! Bytes to text: the size limit, binary files, and text encodings.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The largest file Clio imports: 10 MiB. A history answer, or a bulk file of
/// thousands of them, is far smaller; anything bigger is almost surely not a
/// document (or needs splitting first).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Text read from a file, with a note when it was not UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Reads a whole file of at most [`MAX_FILE_BYTES`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    // A pipe or device would block the open or never end (/dev/zero): only
    // regular files are read.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return Err(NOT_A_FILE.into());
    }
    let file = File::open(path).map_err(|e| {
        format!("could not be opened ({e}). Check that it exists and that you may read it.")
    })?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("could not be read ({e}). Check the file and try again."))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

pub(super) const NOT_A_FILE: &str =
    "is not a regular file (a pipe, socket or device), so it was not read. Import the file it stands for.";

fn too_large(len: u64) -> String {
    format!(
        "is too large to import ({:.1} MB; the limit is {} MB). Split it into smaller files \
         (a bulk JSON file into several), or save only the article you want.",
        len as f64 / 1_048_576.0,
        MAX_FILE_BYTES / 1_048_576
    )
}

/// Turns bytes into text: UTF-8 (with or without a byte-order mark), UTF-16
/// with a byte-order mark, the encoding an HTML page declares, or else
/// Windows-1252 (which covers Latin-1) with a warning. Refuses empty and
/// binary files with a reason.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, String> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(format!(
            "is {kind}, not text. Clio imports text, HTML, Markdown and JSON files; \
             save or export the document in one of those first."
        ));
    }
    let (text, warning) = if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        (text.into_owned(), None)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), None)
    } else {
        let declared = if html { declared_encoding(bytes) } else { None };
        let encoding = declared.filter(|e| *e != UTF_8).unwrap_or(WINDOWS_1252);
        let (text, _, _) = encoding.decode(bytes);
        let warning = if declared.is_some_and(|e| e == encoding) {
            None
        } else {
            Some(format!(
                "is not UTF-8; it was read as {} (Western European). If some letters look wrong, \
                 save the file as UTF-8 and import it again.",
                encoding.name()
            ))
        };
        (text.into_owned(), warning)
    };
    if text.contains('\0') || control_ratio(&text) > 0.02 {
        return Err("looks like a binary file, not text. Clio imports text, HTML, Markdown and JSON files; \
                    save or export the document in one of those first."
            .to_owned());
    }
    if text.trim().is_empty() {
        return Err(
            "is empty. Check that it is the file you meant, or that it was saved completely."
                .to_owned(),
        );
    }
    Ok(Decoded { text, warning })
}

/// Recognises common binary formats (and anything with NUL bytes outside a
/// UTF-16 byte-order mark) from the first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7FELF", "a program"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office file"),
        (b"\x1F\x8B", "a gzip archive"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let is_utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !is_utf16 && bytes.iter().take(8192).any(|&b| b == 0) {
        return Some("a binary file");
    }
    None
}

/// Share of control characters other than tab, newline, carriage return and
/// form feed: text has almost none, binary data many.
fn control_ratio(text: &str) -> f64 {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        control as f64 / total as f64
    }
}

/// The `<meta charset>` (or `http-equiv` content type) of a page's first KiB.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Ünter".as_bytes(), false).unwrap().text, "Ünter");
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("Ünter".as_bytes());
        let d = decode(&bom, false).unwrap();
        assert_eq!(d.text, "Ünter");
        assert!(d.warning.is_none());
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Yalta 1945".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes, false).unwrap().text, "Yalta 1945");
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let d = decode(b"G\xFCnter said \x93no\x94.", false).unwrap();
        assert_eq!(d.text, "Günter said “no”.");
        assert!(d.warning.unwrap().contains("windows-1252"));
    }

    #[test]
    fn a_declared_page_encoding_is_used_silently() {
        let d = decode(b"<meta charset=\"iso-8859-2\"><p>\xB3\xF3d\xBC</p>", true).unwrap();
        assert!(d.text.contains("łódź"), "{}", d.text);
        assert!(d.warning.is_none());
    }

    #[test]
    fn empty_and_binary_are_refused() {
        assert!(decode(b"", false).unwrap_err().contains("is empty"));
        assert!(decode(b"  \n\t\n", false).unwrap_err().contains("is empty"));
        assert!(decode(b"%PDF-1.7\n...", false).unwrap_err().contains("PDF"));
        assert!(decode(b"abc\0\x01\x02def", false)
            .unwrap_err()
            .contains("binary"));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 32) as u8 + 1).collect();
        assert!(decode(&noise, false).unwrap_err().contains("binary"));
    }
}
