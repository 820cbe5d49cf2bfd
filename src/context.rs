//! The template context: everything a template may print, already formatted in
//! Vietnamese (numbers, dates, upper case, punctuation), so templates only place
//! text and never compute it.

use serde::Serialize;

use crate::identity::Identity;
use crate::kinds::Kind;
use crate::locale::{date_line, upper_vi};
use crate::model::numbering::{self, ListStyle};
use crate::model::{
    Authority, Document, Inline, Marker, Paragraph, Recipient, Section, Signature, Style,
};
use crate::profile::Profile;
use crate::templating::Rich;

#[derive(Debug, Serialize)]
pub struct Context {
    /// The font family the document is set in (chosen from the profile's list).
    pub font: String,
    pub header: Header,
    pub title: Title,
    /// "Kính gửi:" and the addressees, when the document has any.
    pub addressees: Option<Addressees>,
    /// The deciding authority over the legal bases, in capitals
    /// ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ VŨ QUANG").
    pub authority: Option<String>,
    /// Căn cứ lines, with the profile's dash.
    pub bases: Vec<String>,
    /// The line that opens the decided text ("QUYẾT ĐỊNH:").
    pub decision: Option<String>,
    /// The body, flattened into headings and paragraphs in reading order.
    pub blocks: Vec<Block>,
    /// Where the body's closing paragraphs start (at most [`KEPT_WITH_SIGNATURE`],
    /// after the last heading): the layout keeps enough of them with the
    /// signature that its page never holds the signature alone.
    pub ending_from: usize,
    pub signature: SignatureLines,
    /// The second signature, left of `signature` (biên bản: the secretary).
    pub signature_left: Option<SignatureLines>,
    pub recipients: RecipientLines,
    /// Dấu chỉ dẫn (độ mật, độ khẩn, circulation, draft), in reading order.
    pub marks: Vec<MarkLine>,
    /// The copy block, when the document is printed as a bản sao.
    pub copy: Option<CopyBlock>,
    pub meta: Meta,
    /// Each body section's number as printed, in reading order: what the
    /// page's tree of sections shows, so it never numbers them a second way.
    /// Not a template's concern: the blocks already carry the numbers.
    #[serde(skip)]
    pub section_numbers: Vec<SectionNumber>,
}

/// The number a section of the body prints ("I.", "1.2.", "a)"; empty when
/// it has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionNumber {
    /// The section's field path: `noi_dung[1].muc[0]`.
    pub field: String,
    pub label: String,
}

/// The copy block of a bản sao, every line formatted.
#[derive(Debug, Serialize)]
pub struct CopyBlock {
    /// "SAO Y"
    pub form: String,
    pub superior: Option<String>,
    pub issuer: Vec<String>,
    /// "Số: 05/SY-UBND"
    pub number: String,
    pub date: String,
    pub signature: SignatureLines,
    pub recipients: RecipientLines,
}

/// One mark as printed: the profile's group (`chi_dan.<nhom>` gives its
/// place and type), its key, and the words.
#[derive(Debug, Serialize)]
pub struct MarkLine {
    pub nhom: &'static str,
    pub khoa: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Header {
    pub superior: Option<String>,
    /// The issuing body's printed lines: "ĐẢNG ỦY XÃ VŨ QUANG", or "ỦY BAN NHÂN DÂN" /
    /// "XÃ VŨ QUANG" (see [`issuer_lines`]).
    pub issuer: Vec<String>,
    /// "Số 07-NQ/ĐU"
    pub number: String,
    /// "Vũ Quang, ngày 30 tháng 12 năm 2025"
    pub date: String,
    /// The trích yếu of a kind that prints it under the number (công văn):
    /// "V/v tổ chức …", one entry per line.
    pub summary: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Title {
    /// "NGHỊ QUYẾT"; none for a kind without a type line (công văn).
    pub kind: Option<String>,
    pub extra: Vec<String>,
    /// Trích yếu lines; empty when they go under the number.
    pub summary: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Addressees {
    /// "Kính gửi:"
    pub label: String,
    /// One addressee as typed ("Ban Thường vụ Đảng ủy xã"), on the label's line; several
    /// as "- Bộ Nội vụ;" … "- Bộ Tài chính." under it.
    pub lines: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Block {
    /// "heading", "paragraph" or "table" (then `text` is the table's name).
    pub kind: &'static str,
    /// The input field the text comes from (`noi_dung[0].doan[1]`), written
    /// into the Typst source so an error there can name it.
    pub field: String,
    /// Heading depth, 1 for parts (I., II.); 0 for paragraphs.
    pub level: usize,
    /// Inline notation (bold, italic, underline, footnotes) already parsed:
    /// it prints as Typst markup whose every span is escaped.
    pub text: Rich,
    /// A heading's weight, slant and alignment, from its list's scheme (see
    /// [`numbering::list_format`]); false for paragraphs.
    pub dam: bool,
    pub nghieng: bool,
    pub can_giua: bool,
}

#[derive(Debug, Serialize)]
pub struct SignatureLines {
    /// "T/M ĐẢNG ỦY"
    pub authority: Option<String>,
    /// "BÍ THƯ"
    pub position: String,
    pub name: String,
    /// The virtual paths of the signature and seal images, when given.
    pub image: Option<&'static str>,
    pub seal: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct RecipientLines {
    pub label: String,
    /// Recipients in groups; a lone recipient is a group of one without a note.
    pub groups: Vec<RecipientGroup>,
    pub trailing: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RecipientGroup {
    pub lines: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// The identity the PDF identifier is derived from: number, symbol and date.
    pub ident: String,
}

/// Formats `doc` under `profile` in `font`; the number line and the PDF
/// identifier are the `identity`'s.
pub fn build(
    doc: &Document,
    profile: &Profile,
    kind: &Kind,
    font: &str,
    identity: &Identity,
) -> Context {
    use chrono::Datelike;
    let date = doc.ngay_ban_hanh.0;
    let draft = doc.so.is_none();
    let number = identity.printed.clone();
    let mut issuer = issuer_lines(&doc.co_quan_ban_hanh, &profile.dau.ban_hanh_ngat_sau);
    if let Some(co) = &doc.lien_tich {
        let co_lines = issuer_lines(&co.co_quan_ban_hanh, &profile.dau.ban_hanh_ngat_sau);
        issuer = crate::forms::joint_issuer(issuer, co_lines, &profile.lien_tich);
    }
    let blocks_of_kind = &kind.decl.khoi;
    let summary: Vec<String> = doc.trich_yeu.0.iter().map(|t| t.to_string()).collect();
    let under_number = blocks_of_kind.trich_yeu_duoi_so;
    let header = Header {
        superior: doc.co_quan_cap_tren.as_deref().map(upper_vi),
        issuer: issuer.clone(),
        number: number.clone(),
        date: date_line(&doc.dia_danh, date, draft),
        summary: if under_number {
            with_prefix(&summary, &profile.trich_yeu_duoi_so.tien_to)
        } else {
            Vec::new()
        },
    };
    let title = Title {
        kind: blocks_of_kind.ten_loai.then(|| kind.decl.ten.clone()),
        extra: doc.ten_loai_phu.0.iter().map(|t| upper_vi(t)).collect(),
        summary: if under_number { Vec::new() } else { summary },
    };
    let authority = doc.tham_quyen.as_deref().map(upper_vi);
    let bases = doc
        .can_cu
        .0
        .iter()
        .map(|t| {
            let stem = t.trim_start_matches(['-', '–', ' ']);
            match profile.can_cu.dau_dong.as_str() {
                "" => stem.to_string(),
                dash => format!("{dash} {stem}"),
            }
        })
        .collect();
    let decision = blocks_of_kind.dong_quyet.clone();

    let addressees = profile.kinh_gui.as_ref().and_then(|style| {
        let names = &doc.kinh_gui.0;
        let lines = match names.as_slice() {
            [] => return None,
            [one] => vec![recipient_stem(one).to_string()],
            many => punctuated(
                many.iter().map(|t| recipient_stem(t)),
                &profile.noi_nhan.dau_dong,
                &profile.noi_nhan.phan_cach,
                &profile.noi_nhan.dau_cuoi,
            ),
        };
        Some(Addressees {
            // The kind's own label wins; then the profile's per-kind one.
            label: blocks_of_kind
                .nhan_kinh_gui
                .clone()
                .unwrap_or_else(|| style.label(doc.loai.as_str()).to_string()),
            lines,
        })
    });

    let form = crate::forms::blocks(doc, profile);
    let mut blocks = form.before;
    push_paragraphs(&mut blocks, "mo_dau", &doc.mo_dau, profile, None);
    // A kind of articles numbers its top level "Điều 1.", "Điều 2." unless
    // the document chooses otherwise.
    let mut kieu_so = doc.kieu_so.clone();
    let article = blocks_of_kind.dieu.as_ref();
    if let Some(declared) = article {
        match kieu_so.first_mut() {
            None => kieu_so.push(declared.clone()),
            Some(first) if first.scheme.is_none() => {
                first.scheme = declared.scheme.clone();
                first.style = first.style.over(declared.style);
            }
            Some(_) => {}
        }
    }
    let mut sections = Sections {
        numbers: Vec::new(),
        profile,
        document: &kieu_so,
        article: article
            .and_then(|d| d.scheme.as_ref())
            .map(|s| s.name.as_str()),
    };
    sections.push_list(&mut blocks, "noi_dung", &doc.noi_dung, 0, None, "");
    // A trích sao prints only its kept parts, numbered as in the original:
    // they are numbered with all the others, then the rest is left out.
    if let Some(order) = doc.ban_sao.as_ref().filter(|o| !o.giu.is_empty()) {
        blocks.retain(|b| match part_of(&b.field) {
            Some(i) => order.keeps(i),
            None => true,
        });
    }
    push_paragraphs(&mut blocks, "ket_luan", &doc.ket_luan, profile, None);
    blocks.extend(form.after);
    if let Some(last) = blocks.iter_mut().rev().find(|b| b.kind == "paragraph") {
        let mark = doc
            .dau_ket_thuc
            .map(|m| m.as_str())
            .unwrap_or(&profile.doan.dau_ket_thuc);
        last.text = Rich(std::mem::take(&mut last.text.0).with_final_mark(mark));
    }

    let signature = signature_lines(&doc.ky, profile);
    // A joint document's co-issuer signs on the left (the lead on the right).
    let signature_left = doc
        .ky_trai
        .as_ref()
        .or(doc.lien_tich.as_ref().map(|j| &j.ky))
        .map(|k| signature_lines(k, profile));

    let copy = doc.ban_sao.as_ref().and_then(|order| {
        let style = profile.ban_sao.as_ref()?;
        let key = order.hinh_thuc.key();
        Some(CopyBlock {
            form: style.ten.get(key).cloned().unwrap_or_default(),
            superior: order.co_quan_cap_tren.as_deref().map(upper_vi),
            issuer: issuer_lines(&order.co_quan_ban_hanh, &profile.dau.ban_hanh_ngat_sau),
            number: crate::identity::fill(
                &profile.dau.mau_so,
                &crate::locale::doc_number(order.so),
                style.ma.get(key).map(String::as_str).unwrap_or_default(),
                &order.ma_co_quan,
                "",
            ),
            date: date_line(&order.dia_danh, order.ngay.0, order.so.is_none()),
            signature: signature_lines(&order.ky, profile),
            recipients: recipients_of(&order.noi_nhan, false, profile),
        })
    });
    let recipients = recipient_lines(doc, profile);
    let summary = doc
        .trich_yeu
        .0
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let meta = Meta {
        title: format!("{} {}", kind.decl.ten, summary),
        author: issuer.join(" "),
        year: date.year(),
        month: date.month(),
        day: date.day(),
        ident: identity.ident.clone(),
    };
    let ending_from = ending_from(&blocks);
    let marks = match &profile.chi_dan {
        Some(styles) => doc
            .marks()
            .list()
            .into_iter()
            .map(|m| MarkLine {
                text: styles.words(&m, doc.du_thao),
                nhom: m.nhom,
                khoa: m.khoa,
            })
            .collect(),
        // Refused when the document was checked against the profile.
        None => Vec::new(),
    };
    Context {
        font: font.to_string(),
        header,
        title,
        addressees,
        authority,
        bases,
        decision,
        ending_from,
        blocks,
        signature,
        signature_left,
        recipients,
        marks,
        copy,
        meta,
        section_numbers: sections.numbers,
    }
}

/// The authority, position and name of one signature block.
fn signature_lines(ky: &Signature, profile: &Profile) -> SignatureLines {
    SignatureLines {
        authority: ky.hinh_thuc.map(|a| {
            let abbr = match a {
                Authority::ThayMat => &profile.ky.thay_mat,
                Authority::KyThay => &profile.ky.ky_thay,
                Authority::ThuaLenh => &profile.ky.thua_lenh,
                Authority::Quyen => &profile.ky.quyen,
            };
            match &ky.thay_mat {
                Some(body) => format!("{abbr} {}", upper_vi(body)),
                None => abbr.clone(),
            }
        }),
        position: upper_vi(&ky.chuc_vu),
        name: ky.ho_ten.to_string(),
        image: ky
            .anh_chu_ky
            .as_ref()
            .and(crate::images::virtual_path(crate::resolve::Role::AnhChuKy)),
        seal: ky
            .anh_dau
            .as_ref()
            .and(crate::images::virtual_path(crate::resolve::Role::AnhDau)),
    }
}

/// The trích yếu lines with `prefix` ("V/v ") before the first, unless the
/// writer typed it.
fn with_prefix(lines: &[String], prefix: &str) -> Vec<String> {
    let mut out = lines.to_vec();
    let stem = prefix.trim();
    if let Some(first) = out.first_mut() {
        if !stem.is_empty() && !first.trim_start().starts_with(stem) {
            *first = format!("{prefix}{}", first.trim_start());
        }
    }
    out
}

/// Offices never issue a page with the signature and no body text above it;
/// two closing paragraphs are enough to carry two lines even when the last one
/// is a single line ("Nơi nhận" is measured in the layout, which decides).
pub const KEPT_WITH_SIGNATURE: usize = 2;

fn ending_from(blocks: &[Block]) -> usize {
    let trailing = blocks
        .iter()
        .rev()
        .take(KEPT_WITH_SIGNATURE)
        .take_while(|b| b.kind == "paragraph")
        .count();
    blocks.len() - trailing
}

/// The issuing body's name in upper case, as printed lines. A name typed with
/// line breaks keeps them. Otherwise a name that starts with one of the profile's
/// `ban_hanh_ngat_sau` ("Ủy ban nhân dân") breaks after it, so the official full
/// name "Ủy ban nhân dân xã Vũ Quang" prints "ỦY BAN NHÂN DÂN" / "XÃ VŨ QUANG".
fn issuer_lines(name: &str, break_after: &[String]) -> Vec<String> {
    let upper = upper_vi(name);
    let typed: Vec<String> = upper
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if typed.len() > 1 {
        return typed;
    }
    let Some(one) = typed.first() else {
        return vec![upper];
    };
    for head in break_after {
        let head = upper_vi(head.trim());
        if let Some(rest) = one.strip_prefix(head.as_str()) {
            if rest.starts_with(' ') && !rest.trim().is_empty() {
                return vec![head, rest.trim().to_string()];
            }
        }
    }
    typed
}

/// "- A," … "- Z." : a dash before each item, `sep` after each, `last` after the last.
fn punctuated<'a>(
    items: impl Iterator<Item = &'a str>,
    dash: &str,
    sep: &str,
    last: &str,
) -> Vec<String> {
    let mut lines: Vec<String> = items.map(|t| format!("{dash} {t}{sep}")).collect();
    if let Some(l) = lines.last_mut() {
        if let Some(stem) = l.strip_suffix(sep) {
            *l = format!("{stem}{last}");
        }
    }
    lines
}

/// Body text in inline notation; the document was checked, so a text that
/// does not parse cannot reach here (it would print literally).
fn notation(text: &str) -> Inline {
    Inline::parse(text).unwrap_or_else(|_| Inline::literal(text))
}

fn paragraph_text(p: &Paragraph, profile: &Profile) -> Inline {
    let bullet = match p.marker {
        Marker::None => return notation(&p.text),
        Marker::Dash => &profile.doan.gach,
        Marker::Plus => &profile.doan.cong,
    };
    let mut text = Inline::literal(&format!("{bullet} "));
    text.append(notation(&p.text));
    text
}

/// Appends paragraphs; `lead` (a section number, or a run-in heading) starts
/// the first one, followed by a space. A table placed among them
/// (`{ bang = "ten" }`) is a block of kind "table": the template finds the
/// table by the block's field.
pub(crate) fn push_paragraphs(
    blocks: &mut Vec<Block>,
    base: &str,
    list: &[Paragraph],
    profile: &Profile,
    mut lead: Option<Inline>,
) {
    for (i, p) in list.iter().enumerate() {
        if p.table.is_some() {
            blocks.push(Block {
                kind: "table",
                field: format!("{base}[{i}]"),
                level: 0,
                text: Rich::default(),
                dam: false,
                nghieng: false,
                can_giua: false,
            });
            continue;
        }
        let body = paragraph_text(p, profile);
        let text = match lead.take() {
            Some(mut l) => {
                l.push(" ", Style::default());
                l.append(body);
                l
            }
            None => body,
        };
        blocks.push(Block {
            kind: "paragraph",
            field: format!("{base}[{i}]"),
            level: 0,
            text: Rich(text),
            dam: false,
            nghieng: false,
            can_giua: false,
        });
    }
}

/// Whether a section's heading runs into its first paragraph
/// ("**1.1. Về chính trị, tư tưởng:** Đảng ủy chỉ đạo …"): as `chay_lien` says,
/// else when the heading ends with ":" and a plain paragraph follows (a
/// heading with ":" over bullets stays on its own line).
fn runs_in(s: &Section, title: &Inline) -> bool {
    let first_plain = s.doan.first().is_some_and(|p| p.marker == Marker::None);
    match s.chay_lien {
        Some(run) => run && !s.doan.is_empty(),
        None => first_plain && title.plain().trim_end().ends_with(':'),
    }
}

/// The part of `noi_dung` a block's field is in: `noi_dung[2].doan[0]` → 2.
fn part_of(field: &str) -> Option<usize> {
    let rest = field.strip_prefix("noi_dung[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// Numbers and styles the body's sections, list by list.
struct Sections<'a> {
    /// Filled as the sections are numbered.
    numbers: Vec<SectionNumber>,
    profile: &'a Profile,
    /// The document's `kieu_so`, by depth.
    document: &'a [ListStyle],
    /// The kind's article scheme ("Điều {n}."): an article's number is bold
    /// also when the article has no title.
    article: Option<&'a str>,
}

impl Sections<'_> {
    /// Appends a list of sections at `depth`, numbered by the scheme `chosen`
    /// by its parent (or the depth's); `parent` is the parent's bare number.
    fn push_list(
        &mut self,
        blocks: &mut Vec<Block>,
        base: &str,
        list: &[Section],
        depth: usize,
        chosen: Option<&ListStyle>,
        parent: &str,
    ) {
        let (scheme, style) =
            numbering::list_format(&self.profile.muc, self.document, chosen, depth);
        // An unnumbered section ("QUYẾT NGHỊ") is not counted: the next one is "I.".
        let mut counted = 0;
        for (i, s) in list.iter().enumerate() {
            let label = match &s.so {
                Some(so) => so.to_string(),
                None => scheme.label(counted, parent),
            };
            if !(label.is_empty() && s.so.is_some()) {
                counted += 1;
            }
            let bare = match &s.so {
                Some(so) => numbering::bare(so).to_string(),
                None => scheme.bare(&label),
            };
            let heading = Heading {
                label: &label,
                bold_label: depth == 0 && self.article == Some(scheme.name.as_str()),
                own_line: scheme.own_line() && s.so.is_none(),
                style: s.own_style().over(style).resolve(),
                depth,
            };
            let field = format!("{base}[{i}]");
            self.numbers.push(SectionNumber {
                field: field.clone(),
                label: label.clone(),
            });
            self.push_section(blocks, &field, s, &heading, &bare);
        }
    }

    fn push_section(
        &mut self,
        blocks: &mut Vec<Block>,
        base: &str,
        s: &Section,
        h: &Heading,
        bare: &str,
    ) {
        let profile = self.profile;
        let label = h.label;
        let heading = |field: String, text: Inline| Block {
            kind: "heading",
            field,
            level: h.depth + 1,
            text: Rich(text),
            dam: h.style.dam,
            nghieng: h.style.nghieng,
            can_giua: h.style.can_giua,
        };
        match &s.tieu_de {
            Some(title) => {
                let mut title = notation(title);
                if h.style.in_hoa {
                    title = title.map_text(upper_vi);
                }
                let heading_text = match (label.is_empty(), h.own_line) {
                    (true, _) => title,
                    (false, own_line) => {
                        // "Phần thứ nhất" on its line, the title under it.
                        let gap = if own_line { "\n" } else { " " };
                        let mut t = Inline::literal(&format!("{label}{gap}"));
                        t.append(title);
                        t
                    }
                };
                if runs_in(s, &heading_text) {
                    // The heading keeps its scheme's style inside the paragraph.
                    let style = Style {
                        bold: h.style.dam,
                        italic: h.style.nghieng,
                        underline: false,
                    };
                    let lead = heading_text.styled(style);
                    push_paragraphs(
                        blocks,
                        &format!("{base}.doan"),
                        &s.doan,
                        profile,
                        Some(lead),
                    );
                } else {
                    blocks.push(heading(format!("{base}.tieu_de"), heading_text));
                    push_paragraphs(blocks, &format!("{base}.doan"), &s.doan, profile, None);
                }
            }
            None if s.doan.is_empty() => {
                if !label.is_empty() {
                    blocks.push(heading(base.to_string(), Inline::literal(label)));
                }
            }
            None => {
                let lead = Some(label).filter(|l| !l.is_empty()).map(|l| {
                    let number = Inline::literal(l);
                    if h.bold_label {
                        number.styled(Style {
                            bold: true,
                            italic: false,
                            underline: false,
                        })
                    } else {
                        number
                    }
                });
                push_paragraphs(blocks, &format!("{base}.doan"), &s.doan, profile, lead)
            }
        }
        self.push_list(
            blocks,
            &format!("{base}.muc"),
            &s.muc,
            h.depth + 1,
            s.kieu_muc.as_ref(),
            bare,
        );
        push_paragraphs(
            blocks,
            &format!("{base}.doan_cuoi"),
            &s.doan_cuoi,
            profile,
            None,
        );
    }
}

/// A section's number and how its heading is printed.
struct Heading<'a> {
    label: &'a str,
    /// An article's number, bold before an untitled article's text.
    bold_label: bool,
    /// The title goes under the number ("Phần thứ nhất").
    own_line: bool,
    style: numbering::Resolved,
    depth: usize,
}

/// Ends the text with `mark` (the document's or the profile's) unless the
/// writer ended it with "." or "./." already: both occur in real documents,
/// and what was typed wins. A trailing ",", ";" or ":" is not an ending and
/// gives way to the mark.
#[cfg(test)]
fn with_final_mark(text: &str, mark: &str) -> String {
    notation(text).with_final_mark(mark).plain()
}

/// Strips the punctuation a writer may have typed after a recipient; the
/// profile decides it.
fn recipient_stem(text: &str) -> &str {
    text.trim_end_matches(|c: char| matches!(c, ',' | ';' | '.') || c.is_whitespace())
        .trim_start_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())
}

fn recipient_lines(doc: &Document, profile: &Profile) -> RecipientLines {
    // The invitees of a giấy mời are its addressees: "- Như trên;" too.
    let addressed = !doc.kinh_gui.0.is_empty() || doc.giay_moi.is_some();
    recipients_of(&doc.noi_nhan, addressed, profile)
}

/// The Nơi nhận lines of `list`; `addressed`: the document has "Kính gửi:".
fn recipients_of(
    list: &crate::model::Recipients,
    addressed: bool,
    profile: &Profile,
) -> RecipientLines {
    let style = &profile.noi_nhan;
    let mut groups: Vec<RecipientGroup> = Vec::new();
    // With "Kính gửi:" addressees the list opens with "- Như trên;" (them), unless typed.
    if let (Some(as_above), true) = (&style.nhu_tren, addressed) {
        let typed = list.danh_sach.first().is_some_and(|r| match r {
            Recipient::One(t) => upper_vi(recipient_stem(t)) == upper_vi(as_above),
            Recipient::Group { .. } => false,
        });
        if !typed {
            groups.push(RecipientGroup {
                lines: vec![format!(
                    "{} {}{}",
                    style.dau_dong, as_above, style.phan_cach
                )],
                note: None,
            });
        }
    }
    for r in &list.danh_sach {
        let (names, note) = match r {
            Recipient::One(t) => (std::slice::from_ref(t), None),
            Recipient::Group { nhom, ghi_chu } => (nhom.as_slice(), ghi_chu.as_ref()),
        };
        groups.push(RecipientGroup {
            lines: names
                .iter()
                .map(|n| {
                    format!(
                        "{} {}{}",
                        style.dau_dong,
                        recipient_stem(n),
                        style.phan_cach
                    )
                })
                .collect(),
            note: note.map(|t| t.to_string()),
        });
    }
    if let Some(luu) = &list.luu {
        let line = style.mau_luu.replace("{}", recipient_stem(luu));
        groups.push(RecipientGroup {
            lines: vec![format!("{} {}{}", style.dau_dong, line, style.phan_cach)],
            note: None,
        });
    }
    // The very last line ends with the closing mark instead of the separator.
    if let Some(last) = groups.last_mut().and_then(|g| g.lines.last_mut()) {
        if let Some(stem) = last.strip_suffix(style.phan_cach.as_str()) {
            *last = format!("{stem}{}", style.dau_cuoi);
        }
    }
    RecipientLines {
        label: style.nhan.clone(),
        groups,
        trailing: list.dong_cuoi.0.iter().map(|t| t.to_string()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_final_mark_wins_over_the_default() {
        assert_eq!(with_final_mark("Hết", "."), "Hết.");
        assert_eq!(with_final_mark("Hết", "./."), "Hết./.");
        assert_eq!(with_final_mark("Hết.", "./."), "Hết.");
        assert_eq!(with_final_mark("Hết./.", "."), "Hết./.");
        assert_eq!(with_final_mark("Hết./. ", "./."), "Hết./.");
        assert_eq!(with_final_mark("Hết;", "."), "Hết.");
        assert_eq!(with_final_mark("Hết:", "./."), "Hết./.");
    }

    #[test]
    fn recipient_punctuation_is_the_profiles() {
        assert_eq!(
            recipient_stem("- Thường trực Tỉnh ủy,"),
            "Thường trực Tỉnh ủy"
        );
        assert_eq!(recipient_stem("Lưu VPĐU."), "Lưu VPĐU");
    }

    #[test]
    fn a_peoples_committee_prints_on_two_lines() {
        let breaks = vec!["Ủy ban nhân dân".to_string(), "Uỷ ban nhân dân".to_string()];
        assert_eq!(
            issuer_lines("Ủy ban nhân dân xã Vũ Quang", &breaks),
            ["ỦY BAN NHÂN DÂN", "XÃ VŨ QUANG"]
        );
        assert_eq!(
            issuer_lines("Uỷ ban nhân dân xã Vũ Quang", &breaks),
            ["UỶ BAN NHÂN DÂN", "XÃ VŨ QUANG"]
        );
        // Typed lines win; other names stay on one line; no break without a rest.
        assert_eq!(
            issuer_lines("Văn phòng HĐND và UBND\nxã Vũ Quang", &breaks),
            ["VĂN PHÒNG HĐND VÀ UBND", "XÃ VŨ QUANG"]
        );
        assert_eq!(
            issuer_lines("Đảng ủy xã Vũ Quang", &breaks),
            ["ĐẢNG ỦY XÃ VŨ QUANG"]
        );
        assert_eq!(
            issuer_lines("Ủy ban nhân dân", &breaks),
            ["ỦY BAN NHÂN DÂN"]
        );
        assert_eq!(issuer_lines("Đảng ủy xã", &[]), ["ĐẢNG ỦY XÃ"]);
    }

    #[test]
    fn several_addressees_are_dashed_and_punctuated() {
        let got = punctuated(["Bộ Nội vụ", "Bộ Tài chính"].into_iter(), "-", ";", ".");
        assert_eq!(got, ["- Bộ Nội vụ;", "- Bộ Tài chính."]);
    }
}
