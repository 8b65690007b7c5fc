//! Hostile inputs, built in memory: the attacks of issue 17 (deep nesting,
//! a YAML alias bomb, decompression bombs, oversized files). Shared by
//! `tests/hostile.rs` (which asserts what Clio does with them) and
//! `examples/resource_bench.rs` (which measures time and memory on a release build).
#![allow(dead_code)]

use std::io::Write;

/// `depth` nested `<tag>`s around a sentence; closed or left open.
pub fn html_nested(tag: &str, depth: usize, closed: bool) -> String {
    let mut page = format!("<{tag}>").repeat(depth);
    page.push_str("The deepest sentence of the page was written in 1848.");
    if closed {
        page.push_str(&format!("</{tag}>").repeat(depth));
    }
    page
}

/// `pairs` nested `<b><i>` pairs around a sentence, closed.
pub fn html_bold_italic(pairs: usize) -> String {
    let mut page = "<b><i>".repeat(pairs);
    page.push_str("The deepest sentence of the page was written in 1848.");
    page.push_str(&"</i></b>".repeat(pairs));
    page
}

/// A Markdown blockquote `depth` levels deep (`> > > …`) on one line.
pub fn markdown_quotes(depth: usize) -> String {
    ">".repeat(depth) + " The deepest sentence was written in 1848.\n"
}

/// A Markdown list `depth` levels deep (`- - - …`) on one line.
pub fn markdown_lists(depth: usize) -> String {
    "- ".repeat(depth) + "The deepest sentence was written in 1848.\n"
}

/// A bulk JSON file whose one record's body is an array nested `depth` deep.
pub fn json_nested(depth: usize) -> String {
    format!(
        "[{{\"title\": \"Deep\", \"body\": {}\"x\"{}}},\n {{\"title\": \"Plain\", \"body\": \"The Plain record was written in 1848.\"}}]",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

/// A Markdown file whose front matter is the "billion laughs" alias bomb:
/// nine levels of nine aliases, 9^9 strings if expanded.
pub fn yaml_alias_bomb() -> String {
    let mut yaml = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        yaml.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    yaml.push_str("title: Laughs\n---\nThe text under the bomb was written in 1848.\n");
    yaml
}

/// A zstd frame of RLE blocks that decodes to `bytes` zero bytes (rounded up
/// to 128 KiB blocks): four bytes per 128 KiB, built by hand.
pub fn zstd_zeros(bytes: u64) -> Vec<u8> {
    const BLOCK: u64 = 128 * 1024;
    let blocks = bytes.div_ceil(BLOCK).max(1);
    let mut frame = Vec::with_capacity(6 + 4 * blocks as usize);
    frame.extend_from_slice(&0xFD2F_B528u32.to_le_bytes());
    // Frame header: no content size, no checksum; window 128 KiB.
    frame.extend_from_slice(&[0x00, 0x38]);
    for n in 0..blocks {
        let last = u32::from(n + 1 == blocks);
        let header = ((BLOCK as u32) << 3) | (1 << 1) | last; // RLE block
        frame.extend_from_slice(&header.to_le_bytes()[..3]);
        frame.push(0);
    }
    frame
}

/// A zip holding `entries` (name, bytes), each deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// An `.apkg` of a few hundred bytes whose modern collection
/// (`collection.anki21b`, zstd) unpacks to `bytes` bytes.
pub fn zstd_bomb_apkg(bytes: u64) -> Vec<u8> {
    zip_of(&[
        ("collection.anki2", b"stub"),
        ("collection.anki21b", &zstd_zeros(bytes)),
    ])
}

/// A file of `bytes` bytes of plain prose.
pub fn big_text(bytes: usize) -> Vec<u8> {
    let line = b"The treaty was signed in 1848 and the war ended soon after that.\n";
    line.iter().copied().cycle().take(bytes).collect()
}

/// A CSV of cards of about `bytes` bytes.
pub fn big_csv(bytes: usize) -> Vec<u8> {
    let mut csv = String::from("prompt,answer,kind,tags,source,document,category,choices\n");
    let mut n = 0;
    while csv.len() < bytes {
        n += 1;
        csv.push_str(&format!(
            "In what year was treaty {n} signed?,1848,basic,,,Treaties,History,\n"
        ));
    }
    csv.into_bytes()
}
