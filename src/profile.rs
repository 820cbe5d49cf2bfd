//! Layout profiles: every value of a thể thức (margins, sizes, spacing,
//! punctuation, abbreviations) in one named, versioned file under
//! `templates/profiles/`. Rust reads the values it formats with (punctuation,
//! numbering); the Typst layout library receives the whole profile as one
//! dictionary.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::kinds::{Kind, KindDecl};
use crate::model::{self, Format, TheThuc};
use crate::problems::{Invalid, ProfileProblem};
use crate::templating::TemplateSource;

/// A length written with its unit ("20mm", "14pt"), checked when the profile is read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Length(String);

impl Length {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let unit_at = s.find(|c: char| c.is_ascii_alphabetic())?;
        let (num, unit) = s.split_at(unit_at);
        let ok_num = !num.is_empty() && num.parse::<f64>().is_ok_and(|v| v.is_finite());
        // "fr" is a share of the remaining width, for table columns.
        let ok_unit = matches!(unit, "mm" | "cm" | "pt" | "em" | "in" | "fr");
        (ok_num && ok_unit).then(|| Length(format!("{num}{unit}")))
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Length::parse(&s)
            .ok_or_else(|| crate::parsing::ValueProblem::NotALength { value: s }.raise())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub ten: String,
    pub the_thuc: TheThuc,
    pub mo_ta: String,
    pub chu: Font,
    pub trang: Page,
    pub dau: Header,
    pub ten_loai: TypeName,
    pub doan: Body,
    /// The kinds this profile lays out, by key (`[loai.nghi-quyet]`); see
    /// [`crate::kinds`]. A template set adds more with `loai/<profile>/<key>.toml`.
    #[serde(default)]
    pub loai: BTreeMap<String, KindDecl>,
    pub muc: Headings,
    pub ky: SignatureStyle,
    pub noi_nhan: RecipientStyle,
    /// How "Kính gửi:" and its addressees are printed (state documents, §4.7).
    /// A profile without it cannot print a document that has `kinh_gui`.
    #[serde(default)]
    pub kinh_gui: Option<AddresseeStyle>,
    /// The indicator table appendix (phụ lục) of reports.
    pub bang: TableStyle,
    /// The trích yếu of a kind that prints it under the number (công văn).
    #[serde(default)]
    pub trich_yeu_duoi_so: SummaryUnderNumber,
    /// Căn cứ lines and the deciding authority (quyết định).
    #[serde(default)]
    pub can_cu: BasisStyle,
    /// Dấu chỉ dẫn: độ mật, độ khẩn, circulation notes and the draft marker.
    /// A profile without it cannot print a document that has marks.
    #[serde(default)]
    pub chi_dan: Option<MarkStyles>,
    /// The copy block of a bản sao (SAO Y, SAO LỤC, TRÍCH SAO).
    #[serde(default)]
    pub ban_sao: Option<CopyStyle>,
    /// The words around the short forms' dedicated keys (biên bản, giấy
    /// mời, giấy giới thiệu); NĐ 30's models by default.
    #[serde(default)]
    pub phan_rieng: crate::forms::FormWords,
    /// How a joint document writes its symbol and header.
    #[serde(default)]
    pub lien_tich: crate::forms::JointStyle,
}

/// A công văn's trích yếu in the left column, under the number (the-thuc.md
/// §3.2 row 5c Party: 12 italic; §4.1 state: "V/v …" 12–13 upright, 6 pt below).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryUnderNumber {
    /// Put before the text unless typed ("V/v ").
    #[serde(default)]
    pub tien_to: String,
    pub co: Length,
    #[serde(default)]
    pub nghieng: bool,
    pub cach_tren: Length,
}

impl Default for SummaryUnderNumber {
    fn default() -> Self {
        SummaryUnderNumber {
            tien_to: "V/v ".into(),
            co: Length("12pt".into()),
            nghieng: false,
            cach_tren: Length("6pt".into()),
        }
    }
}

/// Căn cứ (legal bases) under the trích yếu: state italic without a dash
/// (§4.3), Party upright with "- " (§3.3).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BasisStyle {
    #[serde(default)]
    pub nghieng: bool,
    /// Put before each basis ("-"), replacing a dash typed there.
    #[serde(default)]
    pub dau_dong: String,
    /// The deciding authority line: bold, in capitals, centred.
    #[serde(default = "crate::kinds::yes")]
    pub tham_quyen_dam: bool,
    /// The line that opens the decided text ("QUYẾT ĐỊNH:"): bold, centred.
    #[serde(default = "crate::kinds::yes")]
    pub dong_quyet_dam: bool,
}

impl Default for BasisStyle {
    fn default() -> Self {
        BasisStyle {
            nghieng: true,
            dau_dong: String::new(),
            tham_quyen_dam: true,
            dong_quyet_dam: true,
        }
    }
}

/// The copy block: its form's words and code, its type, the rule above it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CopyStyle {
    /// Printed form by key: "sao-y" → "SAO Y".
    pub ten: BTreeMap<String, String>,
    /// Code in the copy's symbol by key: "sao-y" → "SY" (state), "BS" (Party).
    pub ma: BTreeMap<String, String>,
    pub ten_co: Length,
    pub ten_dam: bool,
    /// Space between the copied content and the rule, and under the rule.
    pub cach_tren: Length,
    pub cach_duoi: Length,
    pub net: Length,
}

/// The marks' words, by the key a document writes (`"toi-mat"` → "TỐI MẬT";
/// `"du-thao-lan"` → "Dự thảo lần {n}"), and how each group prints.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MarkStyles {
    pub chu: BTreeMap<String, String>,
    pub do_mat: MarkStyle,
    pub do_khan: MarkStyle,
    pub luu_hanh: MarkStyle,
    pub du_thao: MarkStyle,
}

/// Where a mark goes on page 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkPlace {
    /// In the left column, under the number (and a công văn's trích yếu).
    DuoiSo,
    /// In the right column, under the place and date.
    DuoiNgay,
    /// In the top margin, right-aligned, `cach_mep_tren` below the page's edge.
    GocPhai,
}

/// One group of marks: place, type and frame.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MarkStyle {
    pub vi_tri: MarkPlace,
    pub co: Length,
    pub dam: bool,
    #[serde(default)]
    pub nghieng: bool,
    /// Ink colour, "#rrggbb"; black when absent.
    #[serde(default)]
    pub mau: Option<String>,
    /// A single-line rectangular frame around the words.
    #[serde(default)]
    pub khung: bool,
    #[serde(default)]
    pub khung_cao: Option<Length>,
    /// Fixed frame widths by key (the urgency stamps are 20, 30 and 40 mm
    /// wide); a key not listed gets a frame as wide as its words.
    #[serde(default)]
    pub khung_rong: BTreeMap<String, Length>,
    #[serde(default)]
    pub net: Option<Length>,
    /// For `goc-phai`: the distance from the page's top edge.
    #[serde(default)]
    pub cach_mep_tren: Option<Length>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TableStyle {
    /// The appendix label ("Phụ lục").
    pub nhan: String,
    pub tieu_de_co: Length,
    pub co: Length,
    pub cach_tren: Length,
    /// Column widths, in table order (TT, chỉ tiêu, ĐVT, KH, TH, % KH, CK, % CK, đánh giá).
    pub cot: Vec<Length>,
    /// Cell padding and rule thickness.
    pub dem: Length,
    pub net: Length,
    /// Indent of component and sub-target rows.
    pub thut_thanh_phan: Length,
    /// Free tables (`[bang.ten]`): font size, width of the "TT" column.
    #[serde(default = "default_free_size")]
    pub tu_do_co: Length,
    #[serde(default = "default_tt_width")]
    pub rong_tt: Length,
    /// The number of each appendix when there are several: "{roman}" (I, II)
    /// or "{n}" (1, 2). One appendix is "Phụ lục" alone.
    #[serde(default = "default_appendix_number")]
    pub so_phu_luc: String,
    /// Whether each appendix carries the issuing body's header block.
    #[serde(default)]
    pub phu_luc_dau: bool,
    /// Whether each appendix is paginated on its own (from 1).
    #[serde(default = "crate::kinds::yes")]
    pub phu_luc_trang_rieng: bool,
}

fn default_free_size() -> Length {
    Length("12pt".into())
}

fn default_tt_width() -> Length {
    Length("10mm".into())
}

fn default_appendix_number() -> String {
    "{roman}".into()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Font {
    pub ho_phong: Vec<String>,
    pub co: Length,
    /// Footnote text (chú thích ở chân trang); not regulated, Word's 12 pt.
    /// Profiles written before footnotes existed get that default.
    #[serde(default = "footnote_size")]
    pub chu_thich_co: Length,
}

fn footnote_size() -> Length {
    Length("12pt".into())
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub le_tren: Length,
    pub le_duoi: Length,
    pub le_trai: Length,
    pub le_phai: Length,
    pub so_trang_co: Length,
    pub so_trang_cach_mep_tren: Length,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub cot_trai: Length,
    /// The first line of the right column: "ĐẢNG CỘNG SẢN VIỆT NAM", or the
    /// state Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
    pub tieu_de: String,
    pub tieu_de_co: Length,
    pub tieu_de_dam: bool,
    /// A second line under the title (the state Tiêu ngữ). The rule goes under
    /// the last of the two lines and is as long as it.
    #[serde(default)]
    pub tieu_ngu: Option<String>,
    #[serde(default)]
    pub tieu_ngu_co: Option<Length>,
    #[serde(default)]
    pub tieu_ngu_dam: bool,
    pub duong_ke_day: Length,
    pub cap_tren_co: Length,
    pub cap_tren_dam: bool,
    pub ban_hanh_co: Length,
    pub ban_hanh_dam: bool,
    /// Where the issuing body's name breaks onto a second line when the
    /// document gives it on one: after a leading "Ủy ban nhân dân" the rest
    /// ("xã Vũ Quang") goes on line 2. Compared in upper case.
    #[serde(default)]
    pub ban_hanh_ngat_sau: Vec<String>,
    /// The mark under the issuing body (Party "*")…
    #[serde(default)]
    pub dau_sao: Option<String>,
    #[serde(default)]
    pub dau_sao_co: Option<Length>,
    /// … or a rule under it, this fraction of the name's widest line (state, 1/3–1/2).
    #[serde(default)]
    pub ke_ban_hanh: Option<f64>,
    pub so_co: Length,
    /// How the number and symbol are written: `{so}`, `{loai}`, `{co_quan}`.
    pub mau_so: String,
    pub ngay_co: Length,
    pub ngay_nghieng: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TypeName {
    pub co: Length,
    pub dam: bool,
    pub trich_yeu_co: Length,
    pub trich_yeu_dam: bool,
    /// The separator printed under the trích yếu (Party "-----")…
    #[serde(default)]
    pub phan_cach: Option<String>,
    /// … or a rule, this fraction of the trích yếu's widest line (state, 1/3–1/2).
    #[serde(default)]
    pub ke_trich_yeu: Option<f64>,
    pub cach_tren: Length,
    pub cach_duoi: Length,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub dan_dong: Length,
    pub cach_doan: Length,
    pub thut_dau_dong: Length,
    pub dau_ket_thuc: String,
    pub gach: String,
    pub cong: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    /// Number patterns by depth: `{roman}`, `{n}`, `{cha}`, `{chu}`.
    pub so: Vec<String>,
    pub in_hoa: Vec<bool>,
    pub dam: Vec<bool>,
    pub nghieng: Vec<bool>,
    /// The style of a scheme a document chooses (`kieu_so`, `kieu_muc`), by
    /// its name ("(1)", "Phần thứ nhất"); a scheme not here takes the style
    /// of the depth whose pattern it is, else of its own depth.
    #[serde(default)]
    pub kieu: std::collections::BTreeMap<String, crate::model::numbering::Style>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureStyle {
    pub thay_mat: String,
    pub ky_thay: String,
    pub thua_lenh: String,
    pub quyen: String,
    pub co: Length,
    pub quyen_dam: bool,
    pub chuc_vu_dam: bool,
    pub ho_ten_dam: bool,
    pub khoang_ky: Length,
    pub cot_trai: Length,
    /// The signature image's height, centred in `khoang_ky` (not regulated).
    #[serde(default = "default_signature_height")]
    pub anh_chu_ky_cao: Length,
    /// The seal image's width: "đúng kích thước thực tế" (NĐ 30 §II.8a).
    #[serde(default = "default_seal_width")]
    pub anh_dau_rong: Length,
    /// How much of the signature, from its left, the seal covers ("khoảng 1/3").
    #[serde(default = "default_seal_overlap")]
    pub anh_dau_phu: f64,
}

fn default_signature_height() -> Length {
    Length("18mm".into())
}

fn default_seal_width() -> Length {
    Length("36mm".into())
}

fn default_seal_overlap() -> f64 {
    1.0 / 3.0
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientStyle {
    pub nhan: String,
    pub nhan_co: Length,
    pub nhan_gach_chan: bool,
    pub nhan_dam: bool,
    pub nhan_nghieng: bool,
    pub co: Length,
    pub dau_dong: String,
    pub phan_cach: String,
    pub dau_cuoi: String,
    pub mau_luu: String,
    pub dan_dong: Length,
    /// The first recipient when the document has "Kính gửi:" addressees (state
    /// "Như trên": the addressees, "as above"), added unless typed.
    #[serde(default)]
    pub nhu_tren: Option<String>,
}

/// "Kính gửi:" and the addressees, centred under the trích yếu. Their dash and
/// punctuation are the recipient list's (`noi_nhan.dau_dong`, `phan_cach`, `dau_cuoi`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AddresseeStyle {
    pub nhan: String,
    pub co: Length,
    pub nhan_nghieng: bool,
    /// Space between the addressees and the text.
    pub cach_duoi: Length,
    /// A label of its own for a kind (`"to-trinh" = "Kính trình:"`, as the
    /// reported HD 05 has it); other kinds print `nhan`.
    #[serde(default)]
    pub nhan_theo_loai: BTreeMap<String, String>,
}

impl AddresseeStyle {
    /// The label a document of `kind` prints before its addressees.
    pub fn label(&self, kind: &str) -> &str {
        self.nhan_theo_loai.get(kind).unwrap_or(&self.nhan)
    }
}

impl MarkStyles {
    /// Every key a document may write has words, and every colour is one.
    fn validate(&self) -> Result<(), ProfileProblem> {
        use crate::model::{Circulation, Secrecy, Urgency};
        use strum::VariantArray;
        let keys = Secrecy::VARIANTS
            .iter()
            .map(|v| <&str>::from(*v))
            .chain(Urgency::VARIANTS.iter().map(|v| <&str>::from(*v)))
            .chain(Circulation::VARIANTS.iter().map(|v| <&str>::from(*v)))
            .chain(["du-thao", "du-thao-lan"]);
        for key in keys {
            if !self.chu.contains_key(key) {
                return Err(ProfileProblem::MarkWords { mark: key.into() });
            }
        }
        if !self.chu["du-thao-lan"].contains("{n}") {
            return Err(ProfileProblem::DraftRoundWords);
        }
        for (group, style) in [
            ("do_mat", &self.do_mat),
            ("do_khan", &self.do_khan),
            ("luu_hanh", &self.luu_hanh),
            ("du_thao", &self.du_thao),
        ] {
            if let Some(c) = &style.mau {
                let hex = c.strip_prefix('#').unwrap_or("");
                if hex.len() != 6 || !hex.chars().all(|d| d.is_ascii_hexdigit()) {
                    return Err(ProfileProblem::Colour {
                        group,
                        value: c.clone(),
                    });
                }
            }
            if style.vi_tri == MarkPlace::GocPhai && style.cach_mep_tren.is_none() {
                return Err(ProfileProblem::CornerNeedsTop { group });
            }
        }
        Ok(())
    }

    /// The printed words of `mark` (the round put in for "du-thao-lan").
    pub fn words(&self, mark: &crate::model::Mark, draft: crate::model::Draft) -> String {
        let words = self.chu.get(&mark.khoa).cloned().unwrap_or_default();
        match draft {
            crate::model::Draft::Round(n) if mark.nhom == "du_thao" => {
                words.replace("{n}", &n.to_string())
            }
            _ => words,
        }
    }
}

impl Profile {
    /// Loads profile `name` from the template set.
    pub fn load(name: &str, templates: &TemplateSource) -> Result<Profile, Error> {
        let file = format!("profiles/{name}.toml");
        let text = templates.get(&file).ok_or_else(|| Error::Profile {
            name: name.to_string(),
            problem: ProfileProblem::NoSuchProfile {
                looked_for: format!("templates/{file}"),
                known: templates.profile_names(),
            },
        })?;
        let mut profile: Profile =
            model::parse(Path::new(&format!("templates/{file}")), &text, Format::Toml).map_err(
                |e| Error::Profile {
                    name: name.to_string(),
                    problem: ProfileProblem::Unreadable(Box::new(e)),
                },
            )?;
        // Kinds added by the template set: a file each, over the profile's own.
        for (key, path) in templates.kind_files(name) {
            let text = templates.get(&path).unwrap_or_default();
            let decl: KindDecl =
                model::parse(Path::new(&format!("templates/{path}")), &text, Format::Toml)
                    .map_err(|e| Error::Profile {
                        name: name.to_string(),
                        problem: ProfileProblem::Unreadable(Box::new(e)),
                    })?;
            profile.loai.insert(key, decl);
        }
        profile.validate()?;
        Ok(profile)
    }

    fn validate(&self) -> Result<(), Error> {
        let fail = |problem: ProfileProblem| Error::Profile {
            name: self.ten.clone(),
            problem,
        };
        let d = &self.dau;
        if d.tieu_ngu.is_some() != d.tieu_ngu_co.is_some() {
            return Err(fail(ProfileProblem::Together {
                first: "dau.tieu_ngu",
                second: "dau.tieu_ngu_co",
            }));
        }
        if d.dau_sao.is_some() != d.dau_sao_co.is_some() {
            return Err(fail(ProfileProblem::Together {
                first: "dau.dau_sao",
                second: "dau.dau_sao_co",
            }));
        }
        if d.dau_sao.is_some() && d.ke_ban_hanh.is_some() {
            return Err(fail(ProfileProblem::MarkOrRule));
        }
        if self.ten_loai.phan_cach.is_some() && self.ten_loai.ke_trich_yeu.is_some() {
            return Err(fail(ProfileProblem::SeparatorOrRule));
        }
        for (key, fraction) in [
            ("dau.ke_ban_hanh", d.ke_ban_hanh),
            ("ten_loai.ke_trich_yeu", self.ten_loai.ke_trich_yeu),
        ] {
            if let Some(f) = fraction {
                if !(f > 0.0 && f <= 1.0) {
                    return Err(fail(ProfileProblem::Fraction { key, got: f }));
                }
            }
        }
        if self.loai.is_empty() {
            return Err(fail(ProfileProblem::NoKinds));
        }
        for (key, decl) in &self.loai {
            decl.validate().map_err(|problem| {
                fail(ProfileProblem::Kind {
                    key: key.clone(),
                    problem,
                })
            })?;
        }
        if let Some(marks) = &self.chi_dan {
            marks.validate().map_err(fail)?;
        }
        if !(self.ky.anh_dau_phu >= 0.0 && self.ky.anh_dau_phu <= 1.0) {
            return Err(fail(ProfileProblem::SealShare {
                got: self.ky.anh_dau_phu,
            }));
        }
        if self.chu.ho_phong.is_empty() {
            return Err(fail(ProfileProblem::NoFontFamily));
        }
        let depth = self.muc.so.len();
        if depth == 0
            || self.muc.in_hoa.len() != depth
            || self.muc.dam.len() != depth
            || self.muc.nghieng.len() != depth
        {
            return Err(fail(ProfileProblem::HeadingLevels));
        }
        if let Some(bad) = self
            .muc
            .kieu
            .keys()
            .find(|k| model::numbering::Scheme::parse(k).is_none())
        {
            return Err(fail(ProfileProblem::Scheme { key: bad.clone() }));
        }
        Ok(())
    }

    /// Refuses a document that needs a part of the layout this profile lacks,
    /// rather than leaving that part out of the PDF.
    pub fn check_document(&self, doc: &model::Document, file: &Path) -> Result<(), Error> {
        if !doc.kinh_gui.0.is_empty() && self.kinh_gui.is_none() {
            return Err(Error::Invalid {
                file: file.to_path_buf(),
                field: "kinh_gui".into(),
                problem: Invalid::NoAddresseeLayout {
                    profile: self.ten.clone(),
                },
            });
        }
        if doc.ban_sao.is_some() && self.ban_sao.is_none() {
            return Err(Error::Invalid {
                file: file.to_path_buf(),
                field: "ban_sao".into(),
                problem: Invalid::NoCopyLayout {
                    profile: self.ten.clone(),
                },
            });
        }
        if let Some(order) = &doc.ban_sao {
            let problem = |problem| Error::Copy {
                file: file.to_path_buf(),
                field: "ban_sao.giu".into(),
                problem,
            };
            if !order.giu.is_empty() && order.hinh_thuc != crate::model::CopyForm::TrichSao {
                return Err(problem(crate::error::CopyProblem::PartsNotExtract));
            }
            let parts = doc.noi_dung.len();
            if let Some(&part) = order.giu.iter().find(|&&p| p == 0 || p as usize > parts) {
                return Err(problem(crate::error::CopyProblem::NoSuchPart {
                    part,
                    parts,
                }));
            }
        }
        if let (Some(order), Some(style)) = (&doc.ban_sao, &self.ban_sao) {
            let key = order.hinh_thuc.key();
            if !style.ten.contains_key(key) || !style.ma.contains_key(key) {
                return Err(Error::Profile {
                    name: self.ten.clone(),
                    problem: ProfileProblem::CopyWords { key: key.into() },
                });
            }
        }
        if let Some(first) = doc.marks().list().first() {
            if self.chi_dan.is_none() {
                return Err(Error::Invalid {
                    file: file.to_path_buf(),
                    field: first.nhom.into(),
                    problem: Invalid::NoMarkLayout {
                        profile: self.ten.clone(),
                        mark: first.nhom.into(),
                    },
                });
            }
        }
        Ok(())
    }

    /// The declared kind `key`, or an error naming the nearest declared one.
    pub fn kind(&self, key: &str, file: &Path) -> Result<Kind, Error> {
        match self.loai.get(key) {
            Some(decl) => Ok(Kind {
                key: key.to_string(),
                decl: decl.clone(),
            }),
            None => Err(Error::UnknownKind {
                loc: crate::error::Location::file_only(file),
                kind: key.to_string(),
                profile: self.ten.clone(),
                suggestion: crate::suggest::typo_of(key, self.loai.keys().map(String::as_str))
                    .map(Into::into),
                known: self.loai.keys().cloned().collect(),
            }),
        }
    }

    /// Every declared kind, by key.
    pub fn kinds(&self) -> impl Iterator<Item = Kind> + '_ {
        self.loai.iter().map(|(key, decl)| Kind {
            key: key.clone(),
            decl: decl.clone(),
        })
    }

    /// The profile as a Typst dictionary literal, for `#let profile = …`.
    pub fn to_typst(&self) -> String {
        let mut value = serde_json::to_value(self).expect("a profile always serialises");
        // The layout reads the document's own kind from the context, not the list.
        if let Some(map) = value.as_object_mut() {
            map.remove("loai");
        }
        let mut out = String::new();
        json_to_typst(&value, &mut out);
        out
    }
}

/// Writes a JSON value as a Typst literal. Strings that are lengths become Typst
/// lengths (they were validated as `Length` when the profile was read); every
/// other string becomes an escaped Typst string literal.
fn json_to_typst(value: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match value {
        Value::Null => out.push_str("none"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => match Length::parse(s) {
            Some(len) => out.push_str(&len.0),
            None => out.push_str(&crate::templating::typst_string_literal(s)),
        },
        Value::Array(items) => {
            out.push('(');
            for item in items {
                json_to_typst(item, out);
                out.push_str(", ");
            }
            out.push(')');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("(:)");
                return;
            }
            out.push('(');
            for (k, v) in map {
                // Keys such as "nghi-quyet" are not identifiers: quote them.
                let _ = write!(out, "{}: ", crate::templating::typst_string_literal(k));
                json_to_typst(v, out);
                out.push_str(", ");
            }
            out.push(')');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_need_a_number_and_a_unit() {
        assert!(Length::parse("20mm").is_some());
        assert!(Length::parse("1.5cm").is_some());
        assert!(Length::parse("14pt").is_some());
        assert!(Length::parse("20").is_none());
        assert!(Length::parse("mm").is_none());
        assert!(Length::parse("20 furlongs").is_none());
        assert!(Length::parse("-----").is_none());
    }

    #[test]
    fn the_bundled_profile_reads_and_becomes_a_typst_dictionary() {
        let p = Profile::load("dang-hd36", &TemplateSource::embedded()).unwrap();
        let t = p.to_typst();
        assert!(t.contains("\"le_trai\": 30mm"), "{t}");
        assert!(t.contains("\"phan_cach\": \"-----\""), "{t}");
        assert!(t.contains("\"so\": (\"{roman}.\", "), "{t}");
        let file = Path::new("x.toml");
        assert_eq!(p.kind("nghi-quyet", file).unwrap().decl.ma, "NQ");
        assert!(!t.contains("\"loai\""), "the kinds stay out of the layout");
    }

    #[test]
    fn the_state_profile_reads_and_codes_every_party_kind() {
        let templates = TemplateSource::embedded();
        let state = Profile::load("nha-nuoc-nd30", &templates).unwrap();
        let party = Profile::load("dang-hd36", &templates).unwrap();
        assert_eq!(state.the_thuc, TheThuc::NhaNuoc);
        let file = Path::new("x.toml");
        assert_eq!(state.kind("quy-dinh", file).unwrap().decl.ma, "QyĐ");
        assert_eq!(party.kind("quy-dinh", file).unwrap().decl.ma, "QĐi");
        // QĐ 399 kinds are the Party's; a UBND xã issues none of them under these names.
        for key in ["quy-hoach", "phuong-an", "du-an", "thu-cong"] {
            assert!(party.kind(key, file).is_ok(), "{key}");
        }
        let e = state.kind("cong-vna", file).unwrap_err().to_string();
        assert!(e.contains("did you mean `cong-van`"), "{e}");
        let t = state.to_typst();
        assert!(t.contains("\"ke_ban_hanh\": 0.4"), "{t}");
        assert!(t.contains("\"dau_sao\": none"), "{t}");
    }

    #[test]
    fn fractions_and_paired_keys_are_checked() {
        let templates = TemplateSource::embedded();
        let mut p = Profile::load("nha-nuoc-nd30", &templates).unwrap();
        p.dau.ke_ban_hanh = Some(1.5);
        assert!(p.validate().unwrap_err().to_string().contains("fraction"));
        p.dau.ke_ban_hanh = Some(0.4);
        p.dau.dau_sao = Some("*".into());
        p.dau.dau_sao_co = Length::parse("14pt");
        assert!(p.validate().unwrap_err().to_string().contains("not both"));
    }
}
