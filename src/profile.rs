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
use crate::model::{self, Format, TheThuc};
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
        Length::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{s}` is not a length; write a number and a unit: 20mm, 1.5cm, 14pt"
            ))
        })
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
    /// Document-type codes by kind (`nghi-quyet = "NQ"`): the symbol's middle part.
    pub ma_loai: BTreeMap<String, String>,
    pub muc: Headings,
    pub ky: SignatureStyle,
    pub noi_nhan: RecipientStyle,
    /// How "Kính gửi:" and its addressees are printed (state documents, §4.7).
    /// A profile without it cannot print a document that has `kinh_gui`.
    #[serde(default)]
    pub kinh_gui: Option<AddresseeStyle>,
    /// The indicator table appendix (phụ lục) of reports.
    pub bang: TableStyle,
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
    #[serde(default = "default_true")]
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

fn default_true() -> bool {
    true
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
}

impl Profile {
    /// Loads profile `name` from the template set.
    pub fn load(name: &str, templates: &TemplateSource) -> Result<Profile, Error> {
        let file = format!("profiles/{name}.toml");
        let text = templates.get(&file).ok_or_else(|| Error::Profile {
            name: name.to_string(),
            message: format!(
                "no such profile (looked for templates/{file}); known profiles: {}",
                templates.profile_names().join(", ")
            ),
        })?;
        let profile: Profile =
            model::parse(Path::new(&format!("templates/{file}")), &text, Format::Toml).map_err(
                |e| Error::Profile {
                    name: name.to_string(),
                    message: e.to_string(),
                },
            )?;
        profile.validate()?;
        Ok(profile)
    }

    fn validate(&self) -> Result<(), Error> {
        let fail = |message: String| Error::Profile {
            name: self.ten.clone(),
            message,
        };
        let d = &self.dau;
        if d.tieu_ngu.is_some() != d.tieu_ngu_co.is_some() {
            return Err(fail(
                "`dau.tieu_ngu` and `dau.tieu_ngu_co` go together: give both or neither".into(),
            ));
        }
        if d.dau_sao.is_some() != d.dau_sao_co.is_some() {
            return Err(fail(
                "`dau.dau_sao` and `dau.dau_sao_co` go together: give both or neither".into(),
            ));
        }
        if d.dau_sao.is_some() && d.ke_ban_hanh.is_some() {
            return Err(fail(
                "under the issuing body there is either a mark (`dau.dau_sao`) or a rule (`dau.ke_ban_hanh`), not both".into(),
            ));
        }
        if self.ten_loai.phan_cach.is_some() && self.ten_loai.ke_trich_yeu.is_some() {
            return Err(fail(
                "under the trích yếu there is either a separator (`ten_loai.phan_cach`) or a rule (`ten_loai.ke_trich_yeu`), not both".into(),
            ));
        }
        for (key, fraction) in [
            ("dau.ke_ban_hanh", d.ke_ban_hanh),
            ("ten_loai.ke_trich_yeu", self.ten_loai.ke_trich_yeu),
        ] {
            if let Some(f) = fraction {
                if !(f > 0.0 && f <= 1.0) {
                    return Err(fail(format!(
                        "`{key}` is a fraction of the text's length, above 0 and at most 1 (0.4 is 2/5); got {f}"
                    )));
                }
            }
        }
        if self.chu.ho_phong.is_empty() {
            return Err(fail("`chu.ho_phong` needs at least one font family".into()));
        }
        let depth = self.muc.so.len();
        if depth == 0
            || self.muc.in_hoa.len() != depth
            || self.muc.dam.len() != depth
            || self.muc.nghieng.len() != depth
        {
            return Err(fail(
                "`muc.so`, `muc.in_hoa`, `muc.dam` and `muc.nghieng` need one entry per heading level, the same number each".into(),
            ));
        }
        if let Some(bad) = self
            .muc
            .kieu
            .keys()
            .find(|k| model::numbering::Scheme::parse(k).is_none())
        {
            return Err(fail(format!(
                "`muc.kieu`: `{bad}` is not a numbering scheme; expected {}",
                model::numbering::EXPECTED
            )));
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
                message: format!(
                    "profile `{}` has no layout for \"Kính gửi:\" (no `[kinh_gui]` table), so the addressees would not be printed; remove `kinh_gui` or use a profile that has one",
                    self.ten
                ),
            });
        }
        Ok(())
    }

    /// The symbol code of a document kind ("nghi-quyet" → "NQ").
    pub fn type_code(&self, kind: &str) -> Result<&str, Error> {
        self.ma_loai
            .get(kind)
            .map(String::as_str)
            .ok_or_else(|| Error::Profile {
                name: self.ten.clone(),
                message: format!("`ma_loai` has no code for the document kind `{kind}`"),
            })
    }

    /// The profile as a Typst dictionary literal, for `#let profile = …`.
    pub fn to_typst(&self) -> String {
        let value = serde_json::to_value(self).expect("a profile always serialises");
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
        assert_eq!(p.type_code("nghi-quyet").unwrap(), "NQ");
    }

    #[test]
    fn the_state_profile_reads_and_codes_every_party_kind() {
        let templates = TemplateSource::embedded();
        let state = Profile::load("nha-nuoc-nd30", &templates).unwrap();
        let party = Profile::load("dang-hd36", &templates).unwrap();
        assert_eq!(state.the_thuc, TheThuc::NhaNuoc);
        for kind in party.ma_loai.keys() {
            assert!(state.type_code(kind).is_ok(), "no state code for {kind}");
        }
        assert_eq!(state.type_code("quy-dinh").unwrap(), "QyĐ");
        let t = state.to_typst();
        assert!(t.contains("\"ke_ban_hanh\": 0.4"), "{t}");
        assert!(t.contains("\"dau_sao\": none"), "{t}");
        assert!(party.to_typst().contains("\"kinh_gui\": none"));
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
