//! The DOCX file: docx-rs writes the parts; four gaps are patched here, in
//! the parts' XML, before everything is zipped again with fixed timestamps.
//!
//! - docx-rs has no repeated table header row: rows marked with
//!   [`HEADER_ROW_MARK`] get `<w:tblHeader/>`.
//! - Its footnotes lack the number at the start of their text
//!   (`<w:footnoteRef/>`) and the separator line Word draws above them.
//! - It writes a floating picture's negative offset unsigned and gives
//!   every drawing the id 1.
//! - Its core properties have no title and no author, and it numbers
//!   paragraphs (`w14:paraId`) from a per-thread counter, so the same
//!   document would not give the same bytes twice in one process.
//!
//! Entries are stored in docx-rs's order, dated 1980-01-01 (the zip epoch):
//! the same document gives the same bytes.

use std::io::{Cursor, Read, Write};

use docx_rs::Docx;
use docx_zip::write::SimpleFileOptions;

use super::tables::HEADER_ROW_MARK;
use crate::error::Error;
use crate::resolve::Resolved;

fn failed(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Docx {
        source: Box::new(e),
    }
}

pub fn pack(docx: Docx, r: &Resolved) -> Result<Vec<u8>, Error> {
    let mut raw = Cursor::new(Vec::new());
    docx.build().pack(&mut raw).map_err(failed)?;
    let mut archive = docx_zip::ZipArchive::new(Cursor::new(raw.into_inner())).map_err(failed)?;
    let mut out = docx_zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::DEFAULT
        .compression_method(docx_zip::CompressionMethod::Stored)
        .last_modified_time(docx_zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(failed)?;
        let name = entry.name().to_string();
        if entry.is_dir() {
            out.add_directory(name.as_str(), options).map_err(failed)?;
            continue;
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(failed)?;
        let bytes = patch(&name, bytes, r);
        out.start_file(name.as_str(), options).map_err(failed)?;
        out.write_all(&bytes).map_err(failed)?;
    }
    Ok(out.finish().map_err(failed)?.into_inner())
}

fn patch(name: &str, bytes: Vec<u8>, r: &Resolved) -> Vec<u8> {
    if name == "docProps/core.xml" {
        return core(r).into_bytes();
    }
    if !name.ends_with(".xml") {
        return bytes;
    }
    let Ok(xml) = String::from_utf8(bytes.clone()) else {
        return bytes;
    };
    let mut xml = strip_para_ids(&xml);
    if name == "word/document.xml" {
        xml = header_rows(&xml);
        xml = drawings(&xml);
    }
    if name == "word/footnotes.xml" {
        xml = footnote_marks(&xml);
    }
    xml.into_bytes()
}

fn strip_para_ids(xml: &str) -> String {
    let re = regex::Regex::new(r#" w14:paraId="[0-9A-Fa-f]*""#).expect("a fixed pattern");
    re.replace_all(xml, "").into_owned()
}

fn header_rows(xml: &str) -> String {
    let mark = format!(
        r#"<w:trHeight w:val="{}" w:hRule="auto" />"#,
        HEADER_ROW_MARK
    );
    xml.replace(&mark, "<w:tblHeader />")
}

/// Floating pictures: docx-rs writes a negative offset as its unsigned
/// 32-bit pattern (`y as u32`), always writes `allowOverlap="0"`, and numbers
/// every drawing 1; Word wants the signed offset, overlap where asked, and one
/// id per drawing.
fn drawings(xml: &str) -> String {
    let offset =
        regex::Regex::new(r"<wp:posOffset>([0-9]+)</wp:posOffset>").expect("a fixed pattern");
    let xml = offset.replace_all(xml, |c: &regex::Captures| {
        let v: u64 = c[1].parse().unwrap_or(0);
        let signed = if v > i32::MAX as u64 {
            (v as u32) as i32 as i64
        } else {
            v as i64
        };
        format!("<wp:posOffset>{signed}</wp:posOffset>")
    });
    // `overlapping()` sets a field docx-rs does not write: the seal must be
    // free to lie over the signature.
    let xml = xml.replace(r#"allowOverlap="0""#, r#"allowOverlap="1""#);
    let mut n = 0;
    let ids = regex::Regex::new(r#"<wp:docPr id="1" name="Figure""#).expect("a fixed pattern");
    ids.replace_all(&xml, |_: &regex::Captures| {
        n += 1;
        format!(r#"<wp:docPr id="{n}" name="Figure {n}""#)
    })
    .into_owned()
}

/// The footnote's number before its text, and the separators.
fn footnote_marks(xml: &str) -> String {
    let separators = concat!(
        r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:separator /></w:r></w:p></w:footnote>"#,
        r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:continuationSeparator /></w:r></w:p></w:footnote>"#,
    );
    let mark =
        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteRef /></w:r>"#;
    let re =
        regex::Regex::new(r#"(<w:footnote w:id="[0-9]+">\s*<w:p[^>]*>(?:<w:pPr>.*?</w:pPr>)?)"#)
            .expect("a fixed pattern");
    let xml = re.replace_all(xml, |c: &regex::Captures| format!("{}{mark}", &c[1]));
    match xml.find("<w:footnote ") {
        Some(at) => format!("{}{separators}{}", &xml[..at], &xml[at..]),
        None => xml.into_owned(),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Title, author and date as the PDF's metadata has them.
fn core(r: &Resolved) -> String {
    let m = &r.context.meta;
    let date = format!("{:04}-{:02}-{:02}T00:00:00Z", m.year, m.month, m.day);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>"#,
            r#"<dc:identifier>{ident}</dc:identifier><dc:language>vi-VN</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#,
            r#"<cp:revision>1</cp:revision></cp:coreProperties>"#
        ),
        title = escape(&m.title),
        author = escape(&m.author),
        ident = escape(&m.ident),
        date = date,
    )
}
