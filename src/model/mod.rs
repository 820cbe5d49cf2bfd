//! The document model: what a clerk writes in a document file (TOML, JSON or
//! YAML), as serde types. Keys are Vietnamese without diacritics because the
//! people who write them are Vietnamese clerks.

mod body;
pub mod copy;
pub mod forms;
pub mod inline;
mod load;
pub mod marks;
pub mod numbering;
pub mod schema;
mod signature;
mod table;

pub use crate::fields::{legacy_encoding, IssueDate, Lines, Text};
pub use body::{walk, Marker, Paragraph, Section, Step, Walk};
pub use copy::{CopyForm, CopyOrder};
pub use forms::{CoIssuer, Introduction, Invitation, Minutes};
pub use inline::{Inline, NotationError, Piece, Style};
pub use load::{
    check_document_size, check_size, load, load_bytes, load_document, load_document_bytes, parse,
    Format, MAX_INPUT_BYTES,
};
pub use marks::{Circulation, Draft, Mark, Marks, Secrecy, Urgency};
pub use signature::{Authority, Signature};
pub use table::{Align, Appendices, Appendix, Cell, Merge, Table, Width};

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Thể thức: the prescribed layout family of a document.
/// Party documents follow Hướng dẫn 36-HD/VPTW; state documents Nghị định 30/2020/NĐ-CP.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum TheThuc {
    Dang,
    NhaNuoc,
}

impl TheThuc {
    /// The spelling in document files and the register: "dang", "nha-nuoc".
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The layout profile used when the document names none.
    pub fn default_profile(self) -> &'static str {
        match self {
            TheThuc::Dang => "dang-hd36",
            TheThuc::NhaNuoc => "nha-nuoc-nd30",
        }
    }
}

/// A document as written in its input file.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub the_thuc: TheThuc,
    /// Layout profile name; defaults to the thể thức's current one.
    #[serde(default)]
    pub ho_so: Option<Text>,
    /// The kind (thể loại), a key the profile declares (`[loai.bao-cao]`):
    /// its printed name, code, blocks and numbering are the declaration's.
    pub loai: Text,
    /// Extra lines under the type name ("của Ban Chấp hành Đảng bộ xã").
    #[serde(default)]
    pub ten_loai_phu: Lines,
    #[serde(default)]
    pub co_quan_cap_tren: Option<Text>,
    pub co_quan_ban_hanh: Text,
    /// The issuing body's code in the symbol ("ĐU").
    pub ma_co_quan: Text,
    /// The drafting unit's or field's code, for a kind whose number pattern
    /// has `{don_vi}` (the state công văn "Số: 12/UBND-VP").
    #[serde(default)]
    pub ma_don_vi: Option<Text>,
    /// The document number; absent for a draft.
    #[serde(default)]
    pub so: Option<u32>,
    /// Địa danh: the place name of the date line.
    pub dia_danh: Text,
    pub ngay_ban_hanh: IssueDate,
    /// Trích yếu: the summary under the type name, one entry per printed line.
    pub trich_yeu: Lines,
    /// The deciding authority, printed in capitals over the legal bases
    /// ("Chủ tịch Ủy ban nhân dân xã Vũ Quang"), for kinds that have `can_cu`.
    #[serde(default)]
    pub tham_quyen: Option<Text>,
    /// Căn cứ: the legal bases, one line each, as written ("Căn cứ Luật …;").
    #[serde(default)]
    pub can_cu: Lines,
    #[serde(default)]
    pub mo_dau: Vec<Paragraph>,
    #[serde(default)]
    pub noi_dung: Vec<Section>,
    /// The numbering scheme and style of each depth, from the top ("Phần thứ
    /// nhất", "I.", "1.", "1.1."); a depth not listed keeps the profile's.
    #[serde(default)]
    pub kieu_so: Vec<numbering::ListStyle>,
    #[serde(default)]
    pub ket_luan: Vec<Paragraph>,
    /// The mark that ends the text when the last paragraph does not end with
    /// one already; absent, the profile's. A typed "." or "./." always stays.
    #[serde(default)]
    pub dau_ket_thuc: Option<FinalMark>,
    pub ky: Signature,
    /// The second signature, left of `ky`, for kinds with two (biên bản:
    /// the secretary left, the chair right).
    #[serde(default)]
    pub ky_trai: Option<Signature>,
    /// `[lien_tich]`: the second body of a joint document (văn bản liên
    /// tịch), its name under the lead's, its signature on the left.
    #[serde(default)]
    pub lien_tich: Option<CoIssuer>,
    /// `[bien_ban]`: time, place, participants and closing of a biên bản.
    #[serde(default)]
    pub bien_ban: Option<Minutes>,
    /// `[giay_moi]`: who is invited, to what, when and where.
    #[serde(default)]
    pub giay_moi: Option<Invitation>,
    /// `[giay_gioi_thieu]`: who is introduced, to whom, for what, until when.
    #[serde(default)]
    pub giay_gioi_thieu: Option<Introduction>,
    #[serde(default)]
    pub noi_nhan: Recipients,
    /// "Kính gửi:" addressees, for a document sent upward (state reports, công văn).
    #[serde(default)]
    pub kinh_gui: Lines,
    /// The indicator data a report quotes: catalogue and period figures.
    #[serde(default)]
    pub so_lieu: Option<DataSources>,
    /// Named narrative fragments (minijinja text quoting the data), usable as
    /// paragraphs `{ manh = "ten" }` or inside other fragments.
    #[serde(default)]
    pub manh_van: BTreeMap<String, Text>,
    /// Files of further named fragments (TOML tables of `ten = "…"`), relative to the document.
    #[serde(default)]
    pub tep_manh_van: Vec<PathBuf>,
    /// The appendices (phụ lục), after the signature: `[phu_luc]` or `[[phu_luc]]`.
    #[serde(default)]
    pub phu_luc: Appendices,
    /// Named tables, placed among paragraphs with `{ bang = "ten" }`.
    #[serde(default)]
    pub bang: BTreeMap<String, Table>,
    /// "ngang" sets the whole document landscape (a body that is one wide table).
    #[serde(default)]
    pub huong: Orientation,
    /// Độ mật (ô 10a): "mat", "toi-mat" or "tuyet-mat".
    #[serde(default)]
    pub do_mat: Option<Secrecy>,
    /// Độ khẩn (ô 10b): "khan", "thuong-khan" or "hoa-toc".
    #[serde(default)]
    pub do_khan: Option<Urgency>,
    /// The draft marker: `true` ("Dự thảo") or the round (`2`: "Dự thảo lần 2").
    #[serde(default)]
    pub du_thao: Draft,
    /// Circulation notes (ô 11): "xem-xong-tra-lai", "tai-lieu-hoi-nghi", …
    #[serde(default)]
    pub luu_hanh: Vec<Circulation>,
    /// `[ban_sao]`: this document printed as a copy (SAO Y, SAO LỤC, TRÍCH
    /// SAO), the copy block after its content.
    #[serde(default)]
    pub ban_sao: Option<CopyOrder>,
    /// Fields (paths as errors name them, `ky.ho_ten`, `mo_dau[2]`) whose text
    /// is right although it looks like a legacy TCVN3/VNI paste.
    #[serde(default)]
    pub bo_qua_kiem_tra_bang_ma: Vec<String>,
}

/// Where a report's figures come from, relative to the document file.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataSources {
    /// The catalogue of targets (chỉ tiêu) of the year.
    pub chi_tieu: PathBuf,
    /// The period figures (TOML, CSV or XLSX).
    pub thuc_hien: PathBuf,
    /// The sheet to read in an Excel file (default: the first).
    #[serde(default)]
    pub trang_tinh: Option<String>,
    /// The period reported (needed when the figures file does not say it: CSV, Excel).
    #[serde(default)]
    pub ky: Option<crate::fields::Period>,
    /// The year reported (default: the figures file's, else the catalogue's).
    #[serde(default)]
    pub nam: Option<i32>,
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
pub enum Orientation {
    #[default]
    #[serde(rename = "doc")]
    Portrait,
    #[serde(rename = "ngang")]
    Landscape,
}

/// The mark after the last sentence of the text: "." or "./." (the state
/// decree's models and many Party offices write "./.", meaning "nothing
/// follows").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
pub enum FinalMark {
    #[serde(rename = ".")]
    Dot,
    #[serde(rename = "./.")]
    DotSlashDot,
}

impl FinalMark {
    pub fn as_str(self) -> &'static str {
        match self {
            FinalMark::Dot => ".",
            FinalMark::DotSlashDot => "./.",
        }
    }
}

/// Nơi nhận: who receives the document, printed bottom left.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    #[serde(default)]
    pub danh_sach: Vec<Recipient>,
    /// The file copy: "Văn phòng Đảng ủy" prints "- Lưu Văn phòng Đảng ủy.".
    #[serde(default)]
    pub luu: Option<Text>,
    /// Lines after the list, printed as written ("Đăng tải cổng thông tin điện tử xã").
    #[serde(default)]
    pub dong_cuoi: Lines,
}

/// One recipient, or a group of recipients sharing a note such as "(Để báo cáo)".
#[derive(Debug, Clone, Serialize)]
pub enum Recipient {
    One(Text),
    Group {
        nhom: Vec<Text>,
        ghi_chu: Option<Text>,
    },
}

#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "RecipientGroup")]
struct GroupRepr {
    nhom: Vec<Text>,
    #[serde(default)]
    ghi_chu: Option<Text>,
}

impl schemars::JsonSchema for Recipient {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Recipient".into()
    }
    fn json_schema(gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schema::any_of(
            "A recipient: a string, or a group sharing a note { nhom = [\"…\"], ghi_chu = \"(Để báo cáo)\" }",
            vec![schema::string("One recipient"), gen.subschema_for::<GroupRepr>()],
        )
    }
}

impl<'de> Deserialize<'de> for Recipient {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, value::MapAccessDeserializer, MapAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Recipient;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                crate::parsing::Described::Recipient.write(f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Recipient, E> {
                Ok(Recipient::One(Text::new(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Recipient, A::Error> {
                let g = GroupRepr::deserialize(MapAccessDeserializer::new(map))?;
                if g.nhom.is_empty() {
                    return Err(crate::parsing::ValueProblem::EmptyGroup.raise());
                }
                Ok(Recipient::Group {
                    nhom: g.nhom,
                    ghi_chu: g.ghi_chu,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Document {
    /// The marks the document carries, in one value.
    pub fn marks(&self) -> Marks {
        Marks {
            do_mat: self.do_mat,
            do_khan: self.do_khan,
            du_thao: self.du_thao,
            luu_hanh: self.luu_hanh.clone(),
        }
    }

    /// Checks what the types cannot say; `file` names the document in errors.
    pub fn validate(&self, file: &std::path::Path) -> Result<(), crate::Error> {
        use crate::problems::Invalid;
        let invalid = |field: &str, problem: Invalid| crate::Error::Invalid {
            file: file.to_path_buf(),
            field: field.to_string(),
            problem,
        };
        if self.so == Some(0) {
            return Err(invalid("so", Invalid::NumberZero));
        }
        let required = [
            ("co_quan_ban_hanh", &self.co_quan_ban_hanh),
            ("ma_co_quan", &self.ma_co_quan),
            ("dia_danh", &self.dia_danh),
            ("ky.chuc_vu", &self.ky.chuc_vu),
            ("ky.ho_ten", &self.ky.ho_ten),
            ("loai", &self.loai),
        ];
        for (name, text) in required {
            if text.is_empty() {
                return Err(invalid(name, Invalid::Empty));
            }
        }
        for (i, r) in self.noi_nhan.danh_sach.iter().enumerate() {
            let names = match r {
                Recipient::One(t) => std::slice::from_ref(t),
                Recipient::Group { nhom, .. } => nhom.as_slice(),
            };
            if names
                .iter()
                .any(|t| t.trim_matches(['-', '–', ',', ';', '.', ' ']).is_empty())
            {
                return Err(invalid(
                    &format!("noi_nhan.danh_sach[{i}]"),
                    Invalid::EmptyRecipient,
                ));
            }
        }
        let texts = self.texts();
        for (i, path) in self.bo_qua_kiem_tra_bang_ma.iter().enumerate() {
            if !texts.iter().any(|(field, _)| field == path) {
                return Err(invalid(
                    &format!("bo_qua_kiem_tra_bang_ma[{i}]"),
                    Invalid::NoSuchText { path: path.clone() },
                ));
            }
        }
        for (field, text) in texts {
            // After NFC every Vietnamese letter is one code point; an accent
            // left on its own sits on a letter that has no such form, and
            // would print (and extract) wrongly.
            if let Some(c) = text.chars().find(|c| {
                matches!(*c as u32, 0x0300..=0x036F | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
            }) {
                return Err(invalid(
                    &field,
                    Invalid::LoneAccent {
                        code_point: c as u32,
                    },
                ));
            }
            if let Some(encoding) =
                legacy_encoding(text).filter(|_| !self.bo_qua_kiem_tra_bang_ma.contains(&field))
            {
                return Err(crate::Error::LegacyEncoding {
                    file: file.to_path_buf(),
                    field,
                    encoding,
                    sample: text.chars().take(40).collect(),
                });
            }
        }
        for (field, text) in self.texts() {
            if is_notation_field(&field) {
                if let Err(e) = Inline::parse(text) {
                    return Err(invalid(&field, Invalid::Notation(e)));
                }
            }
        }
        if let Some(k) = &self.ky_trai {
            for (name, text) in [
                ("ky_trai.chuc_vu", &k.chuc_vu),
                ("ky_trai.ho_ten", &k.ho_ten),
            ] {
                if text.is_empty() {
                    return Err(invalid(name, Invalid::Empty));
                }
            }
        }
        for (field, text) in forms::texts(self) {
            if text.trim().is_empty() {
                return Err(invalid(&field, Invalid::Empty));
            }
        }
        if self
            .giay_moi
            .as_ref()
            .is_some_and(|g| g.kinh_moi.0.is_empty())
        {
            // The invitees are the point of the form (the phrase is translated).
            return Err(invalid("giay_moi.kinh_moi", Invalid::Empty));
        }
        if let Some(b) = &self.ban_sao {
            if b.so == Some(0) {
                return Err(invalid("ban_sao.so", Invalid::NumberZero));
            }
            for (name, text) in [
                ("ban_sao.co_quan_ban_hanh", &b.co_quan_ban_hanh),
                ("ban_sao.ma_co_quan", &b.ma_co_quan),
                ("ban_sao.dia_danh", &b.dia_danh),
                ("ban_sao.ky.chuc_vu", &b.ky.chuc_vu),
                ("ban_sao.ky.ho_ten", &b.ky.ho_ten),
            ] {
                if text.is_empty() {
                    return Err(invalid(name, Invalid::Empty));
                }
            }
            if b.ky.anh_chu_ky.is_some() || b.ky.anh_dau.is_some() {
                return Err(invalid("ban_sao.ky", Invalid::CopyImages));
            }
        }
        for (i, c) in self.luu_hanh.iter().enumerate() {
            if self.luu_hanh[..i].contains(c) {
                return Err(invalid(
                    &format!("luu_hanh[{i}]"),
                    Invalid::CirculationTwice,
                ));
            }
        }
        if self.ky.thay_mat.is_some() && self.ky.hinh_thuc.is_none() {
            return Err(invalid("ky.thay_mat", Invalid::ForWithoutForm));
        }
        Ok(())
    }

    /// Every piece of user text with its field path (`noi_dung[2].muc[1].doan[0]`),
    /// in document order: for checks that must name the field they reject.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut c = Collector(Vec::new());
        if let Some(t) = &self.ho_so {
            c.add("ho_so".into(), t);
        }
        for (i, t) in self.ten_loai_phu.0.iter().enumerate() {
            c.add(format!("ten_loai_phu[{i}]"), t);
        }
        if let Some(t) = &self.co_quan_cap_tren {
            c.add("co_quan_cap_tren".into(), t);
        }
        c.add("co_quan_ban_hanh".into(), &self.co_quan_ban_hanh);
        c.add("ma_co_quan".into(), &self.ma_co_quan);
        if let Some(t) = &self.ma_don_vi {
            c.add("ma_don_vi".into(), t);
        }
        c.add("dia_danh".into(), &self.dia_danh);
        for (i, t) in self.trich_yeu.0.iter().enumerate() {
            c.add(format!("trich_yeu[{i}]"), t);
        }
        if let Some(t) = &self.tham_quyen {
            c.add("tham_quyen".into(), t);
        }
        for (i, t) in self.can_cu.0.iter().enumerate() {
            c.add(format!("can_cu[{i}]"), t);
        }
        c.paragraphs("mo_dau", &self.mo_dau);
        // A scheme's words ("Phần thứ", "Điều") are printed too.
        for (i, l) in self.kieu_so.iter().enumerate() {
            if let Some(scheme) = &l.scheme {
                c.add_str(format!("kieu_so[{i}]"), &scheme.name);
            }
        }
        let mut body = walk("noi_dung", &self.noi_dung);
        while let Some(step) = body.next() {
            let base = body.path();
            match step {
                Step::Open { section: s, .. } => {
                    if let Some(t) = &s.so {
                        c.add(format!("{base}.so"), t);
                    }
                    if let Some(t) = &s.tieu_de {
                        c.add(format!("{base}.tieu_de"), t);
                    }
                    if let Some(scheme) = s.kieu_muc.as_ref().and_then(|l| l.scheme.as_ref()) {
                        c.add_str(format!("{base}.kieu_muc"), &scheme.name);
                    }
                    c.paragraphs(&format!("{base}.doan"), &s.doan);
                }
                Step::Close { section: s, .. } => {
                    c.paragraphs(&format!("{base}.doan_cuoi"), &s.doan_cuoi)
                }
            }
        }
        c.paragraphs("ket_luan", &self.ket_luan);
        if let Some(t) = &self.ky.thay_mat {
            c.add("ky.thay_mat".into(), t);
        }
        c.add("ky.chuc_vu".into(), &self.ky.chuc_vu);
        c.add("ky.ho_ten".into(), &self.ky.ho_ten);
        if let Some(k) = &self.ky_trai {
            if let Some(t) = &k.thay_mat {
                c.add("ky_trai.thay_mat".into(), t);
            }
            c.add("ky_trai.chuc_vu".into(), &k.chuc_vu);
            c.add("ky_trai.ho_ten".into(), &k.ho_ten);
        }
        c.0.extend(forms::texts(self));
        for (i, r) in self.noi_nhan.danh_sach.iter().enumerate() {
            match r {
                Recipient::One(t) => c.add(format!("noi_nhan.danh_sach[{i}]"), t),
                Recipient::Group { nhom, ghi_chu } => {
                    for (j, t) in nhom.iter().enumerate() {
                        c.add(format!("noi_nhan.danh_sach[{i}].nhom[{j}]"), t);
                    }
                    if let Some(t) = ghi_chu {
                        c.add(format!("noi_nhan.danh_sach[{i}].ghi_chu"), t);
                    }
                }
            }
        }
        if let Some(t) = &self.noi_nhan.luu {
            c.add("noi_nhan.luu".into(), t);
        }
        for (i, t) in self.noi_nhan.dong_cuoi.0.iter().enumerate() {
            c.add(format!("noi_nhan.dong_cuoi[{i}]"), t);
        }
        for (i, t) in self.kinh_gui.0.iter().enumerate() {
            c.add(format!("kinh_gui[{i}]"), t);
        }
        if let Some(b) = &self.ban_sao {
            if let Some(t) = &b.co_quan_cap_tren {
                c.add("ban_sao.co_quan_cap_tren".into(), t);
            }
            c.add("ban_sao.co_quan_ban_hanh".into(), &b.co_quan_ban_hanh);
            c.add("ban_sao.ma_co_quan".into(), &b.ma_co_quan);
            c.add("ban_sao.dia_danh".into(), &b.dia_danh);
            if let Some(t) = &b.ky.thay_mat {
                c.add("ban_sao.ky.thay_mat".into(), t);
            }
            c.add("ban_sao.ky.chuc_vu".into(), &b.ky.chuc_vu);
            c.add("ban_sao.ky.ho_ten".into(), &b.ky.ho_ten);
            for (i, r) in b.noi_nhan.danh_sach.iter().enumerate() {
                match r {
                    Recipient::One(t) => c.add(format!("ban_sao.noi_nhan.danh_sach[{i}]"), t),
                    Recipient::Group { nhom, ghi_chu } => {
                        for (j, t) in nhom.iter().enumerate() {
                            c.add(format!("ban_sao.noi_nhan.danh_sach[{i}].nhom[{j}]"), t);
                        }
                        if let Some(t) = ghi_chu {
                            c.add(format!("ban_sao.noi_nhan.danh_sach[{i}].ghi_chu"), t);
                        }
                    }
                }
            }
            if let Some(t) = &b.noi_nhan.luu {
                c.add("ban_sao.noi_nhan.luu".into(), t);
            }
        }
        for (name, t) in &self.manh_van {
            c.add(format!("manh_van.{name}"), t);
        }
        for (n, a) in self.phu_luc.list.iter().enumerate() {
            let base = self.phu_luc.field(n);
            for (i, t) in a.tieu_de.0.iter().enumerate() {
                c.add(format!("{base}.tieu_de[{i}]"), t);
            }
            for (i, t) in a.ghi_chu.0.iter().enumerate() {
                c.add(format!("{base}.ghi_chu[{i}]"), t);
            }
            if let Some(list) = &a.noi_dung {
                c.paragraphs(&format!("{base}.noi_dung"), list);
            }
        }
        for (name, t) in &self.bang {
            for (part, rows) in [("tieu_de", &t.tieu_de), ("hang", &t.hang)] {
                for (r, row) in rows.iter().enumerate() {
                    for (k, cell) in row.iter().enumerate() {
                        c.0.push((format!("bang.{name}.{part}[{r}][{k}]"), cell.text()));
                    }
                }
            }
        }
        c.0
    }
}

/// Whether a field holds inline notation (bold, italic, underline, footnotes):
/// the body's paragraphs and headings, an appendix's paragraphs and the cells
/// of tables typed in the document; other
/// fields (table cells among them) print every character.
pub fn is_notation_field(field: &str) -> bool {
    // An appendix's paragraphs (`phu_luc[0].noi_dung[1]`) are body text too.
    let appendix = field.starts_with("phu_luc") && field.contains(".noi_dung[");
    (["mo_dau", "noi_dung", "ket_luan", "bang."]
        .iter()
        .any(|body| field.starts_with(body))
        || appendix)
        && !field.ends_with(".so")
}

/// Gathers texts with their field paths for [`Document::texts`].
struct Collector<'a>(Vec<(String, &'a str)>);

impl<'a> Collector<'a> {
    fn add(&mut self, path: String, t: &'a Text) {
        self.0.push((path, t.as_str()));
    }

    fn add_str(&mut self, path: String, t: &'a str) {
        self.0.push((path, t));
    }

    fn paragraphs(&mut self, base: &str, list: &'a [Paragraph]) {
        for (i, p) in list.iter().enumerate() {
            self.add(format!("{base}[{i}]"), &p.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    /// The names code uses are the names files use.
    #[test]
    fn enum_keys_are_their_serde_names() {
        let serde_name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for t in TheThuc::VARIANTS {
            assert_eq!(t.key(), serde_name(serde_json::to_value(t).unwrap()));
        }
        assert_eq!(TheThuc::NhaNuoc.key(), "nha-nuoc");
    }
}
