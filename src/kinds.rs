//! Thể loại (kinds of document) as data. A profile declares each kind it
//! lays out in a `[loai.<key>]` table (templates/profiles/*.toml), and a
//! template set may add one with a file `loai/<profile>/<key>.toml`: the
//! printed name, the code in the symbol, the template, the blocks the kind
//! has, how it is numbered and its `vanban new` skeletons. The Rust code knows
//! no kind by name; rendering, `check`, `new`, the register and the help all
//! read these declarations.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::numbering::ListStyle;
use crate::model::Document;
use crate::problems::KindProblem;

/// One kind of document, as a profile declares it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KindDecl {
    /// The name in upper case, as the type line prints it ("QUYẾT ĐỊNH").
    /// A kind without a printed type line (công văn) still has one: sentences
    /// that quote the document use it ("Kèm theo Công văn số …").
    pub ten: String,
    /// The code in the symbol ("QĐ" of "Số: 15/QĐ-UBND"); empty for a kind
    /// whose symbol has none (the state công văn, "Số: 12/UBND-VP").
    #[serde(default)]
    pub ma: String,
    /// One line of explanation for `vanban new --help` and the error that
    /// lists the kinds.
    #[serde(default)]
    pub mo_ta: String,
    /// The template `kinds/<mau>.typ`; the generic one by default.
    #[serde(default = "default_template")]
    pub mau: String,
    /// The number line's pattern, when the kind's differs from the profile's
    /// `dau.mau_so` (the state công văn: `Số: {so}/{co_quan}-{don_vi}`).
    #[serde(default)]
    pub mau_so: Option<String>,
    /// Which blocks the kind prints.
    #[serde(default)]
    pub khoi: Blocks,
    #[serde(default)]
    pub danh_so: Numbering,
    /// The `vanban new` skeletons, `moi/<name>.<the-thuc>.toml`; by default
    /// one named as the kind. Several (báo cáo: quý, 6 tháng, năm) are asked
    /// for by name.
    #[serde(default)]
    pub mau_moi: Option<Vec<String>>,
}

fn default_template() -> String {
    "van-ban".into()
}

/// Whether a block may, must or must not be in a document of this kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Presence {
    Khong,
    #[default]
    CoThe,
    BatBuoc,
}

/// The blocks of a kind, each with its own place in the layout.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Blocks {
    /// The type line ("QUYẾT ĐỊNH") is printed; a công văn has none.
    #[serde(default = "yes")]
    pub ten_loai: bool,
    /// The trích yếu goes under the number in the left column (công văn),
    /// not under the type line.
    #[serde(default)]
    pub trich_yeu_duoi_so: bool,
    /// "Kính gửi:" and its addressees (`kinh_gui`).
    #[serde(default)]
    pub kinh_gui: Presence,
    /// The label instead of the profile's "Kính gửi:" (a guide that wants
    /// "Kính trình:" in a tờ trình).
    #[serde(default)]
    pub nhan_kinh_gui: Option<String>,
    /// The legal bases (`can_cu`) and the deciding authority (`tham_quyen`).
    #[serde(default = "no")]
    pub can_cu: bool,
    /// The line that opens the decided text ("QUYẾT ĐỊNH:"), centred, bold.
    #[serde(default)]
    pub dong_quyet: Option<String>,
    /// The body's top level is articles numbered by this scheme and style
    /// (`{ so = "Điều {n}.", in_hoa = false, dam = true }`), their number
    /// bold also where the article has no title.
    #[serde(default)]
    pub dieu: Option<ListStyle>,
    /// Signature blocks: 1, or 2 side by side (`ky_trai` on the left).
    #[serde(default = "one")]
    pub so_chu_ky: u8,
    /// The body must have at least one numbered section (article).
    #[serde(default)]
    pub can_muc: bool,
    /// The form whose dedicated keys the kind prints (`[bien_ban]`,
    /// `[giay_moi]`, `[giay_gioi_thieu]`); a document of another kind that
    /// fills them is refused.
    #[serde(default)]
    pub phan_rieng: Option<Form>,
}

/// A short form with dedicated keys (see [`crate::model::forms`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    BienBan,
    GiayMoi,
    GiayGioiThieu,
}

impl Form {
    /// The document key that fills it.
    pub fn field(self) -> &'static str {
        match self {
            Form::BienBan => "bien_ban",
            Form::GiayMoi => "giay_moi",
            Form::GiayGioiThieu => "giay_gioi_thieu",
        }
    }
}

impl Default for Blocks {
    fn default() -> Self {
        Blocks {
            ten_loai: true,
            trich_yeu_duoi_so: false,
            kinh_gui: Presence::CoThe,
            nhan_kinh_gui: None,
            can_cu: false,
            dong_quyet: None,
            dieu: None,
            so_chu_ky: 1,
            can_muc: false,
            phan_rieng: None,
        }
    }
}

/// `#[serde(default = "crate::kinds::yes")]`: a switch that is on unless
/// a file turns it off.
pub(crate) fn yes() -> bool {
    true
}
fn no() -> bool {
    false
}
fn one() -> u8 {
    1
}

/// Over what a kind's numbers run (the-thuc.md §3.5, §4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// From 01 within the Party committee's term (nhiệm kỳ).
    NhiemKy,
    /// From 01 on 1 January.
    Nam,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Numbering {
    /// The period; by default the thể thức's (Party per term, state per year).
    #[serde(default)]
    pub theo: Option<Period>,
    /// A sequence shared by several kinds, by name; by default the kind has
    /// its own, named by its code.
    #[serde(default)]
    pub day: Option<String>,
}

/// A kind with its key (`loai = "quyet-dinh"`).
#[derive(Debug, Clone, Serialize)]
pub struct Kind {
    pub key: String,
    #[serde(flatten)]
    pub decl: KindDecl,
}

impl Kind {
    /// The name in sentence case, as a sentence quotes it ("Quyết định").
    pub fn sentence_name(&self) -> String {
        crate::locale::sentence_vi(&self.decl.ten)
    }

    /// The skeleton names of this kind.
    pub fn skeletons(&self) -> Vec<String> {
        self.decl
            .mau_moi
            .clone()
            .unwrap_or_else(|| vec![self.key.clone()])
    }

    /// The sequence name: the shared one, else the kind's code (else its key).
    pub fn sequence_name(&self) -> &str {
        match &self.decl.danh_so.day {
            Some(d) => d,
            None if !self.decl.ma.is_empty() => &self.decl.ma,
            None => &self.key,
        }
    }

    /// Refuses a document that lacks a block its kind needs, or has one its
    /// kind does not print (it would silently be left out of the PDF).
    pub fn check_document(&self, doc: &Document, file: &Path) -> Result<(), Error> {
        let b = &self.decl.khoi;
        let fail = |field: &str, problem: BlockProblem| Error::KindBlock {
            file: file.to_path_buf(),
            field: field.to_string(),
            kind: self.key.clone(),
            problem,
        };
        let has_addressees = !doc.kinh_gui.0.is_empty();
        match b.kinh_gui {
            Presence::BatBuoc if !has_addressees => {
                return Err(fail("kinh_gui", BlockProblem::Missing))
            }
            Presence::Khong if has_addressees => {
                return Err(fail("kinh_gui", BlockProblem::NotPrinted))
            }
            _ => {}
        }
        if !b.can_cu {
            if !doc.can_cu.0.is_empty() {
                return Err(fail("can_cu", BlockProblem::NotPrinted));
            }
            if doc.tham_quyen.is_some() {
                return Err(fail("tham_quyen", BlockProblem::NotPrinted));
            }
        }
        match (b.so_chu_ky, &doc.ky_trai) {
            (2, None) => return Err(fail("ky_trai", BlockProblem::Missing)),
            (n, Some(_)) if n < 2 => return Err(fail("ky_trai", BlockProblem::NotPrinted)),
            _ => {}
        }
        let filled = [
            (Form::BienBan, doc.bien_ban.is_some()),
            (Form::GiayMoi, doc.giay_moi.is_some()),
            (Form::GiayGioiThieu, doc.giay_gioi_thieu.is_some()),
        ];
        for (form, present) in filled {
            if present && b.phan_rieng != Some(form) {
                return Err(fail(form.field(), BlockProblem::NotPrinted));
            }
        }
        // The co-issuer signs on the left: a kind with two signatures of
        // its own (biên bản) has no room for it.
        if doc.lien_tich.is_some() && b.so_chu_ky == 2 {
            return Err(fail("lien_tich", BlockProblem::NotPrinted));
        }
        if b.can_muc && doc.noi_dung.is_empty() {
            return Err(fail("noi_dung", BlockProblem::Missing));
        }
        if doc.ma_don_vi.is_some() && !self.number_pattern_has_unit() {
            return Err(fail("ma_don_vi", BlockProblem::NotPrinted));
        }
        Ok(())
    }

    fn number_pattern_has_unit(&self) -> bool {
        self.decl
            .mau_so
            .as_deref()
            .is_some_and(|m| m.contains("{don_vi}"))
    }
}

/// What is wrong with a block of a document of some kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockProblem {
    /// The kind needs it and the document has none.
    Missing,
    /// The document has it and the kind does not print it.
    NotPrinted,
}

impl KindDecl {
    /// Checks what serde cannot: called when the profile is read.
    pub fn validate(&self) -> Result<(), KindProblem> {
        if self.ten.trim().is_empty() {
            return Err(KindProblem::EmptyName);
        }
        if !(1..=2).contains(&self.khoi.so_chu_ky) {
            return Err(KindProblem::Signatures {
                got: self.khoi.so_chu_ky,
            });
        }
        if self.khoi.dieu.as_ref().is_some_and(|d| d.scheme.is_none()) {
            return Err(KindProblem::ArticleScheme);
        }
        if self.mau.is_empty() || self.mau.contains(['/', '\\', '.']) {
            return Err(KindProblem::Template {
                got: self.mau.clone(),
            });
        }
        if let Some(m) = &self.mau_so {
            if !m.contains("{so}") {
                return Err(KindProblem::PatternWithoutNumber);
            }
        }
        Ok(())
    }
}
