//! The printed lines of the short forms (biên bản, giấy mời, giấy giới
//! thiệu) and of a joint document's header, from the document's dedicated
//! keys ([`crate::model::forms`]) and the profile's words (`[phan_rieng]`,
//! `[lien_tich]`). The lines are body blocks like any paragraph, so the PDF
//! and the DOCX print them alike.

use serde::{Deserialize, Serialize};

use crate::context::Block;
use crate::model::{Document, Inline, Style};
use crate::profile::Profile;
use crate::templating::Rich;

/// The words around the dedicated keys, by form. The defaults are NĐ 30
/// Phụ lục III's (the state models); a Party profile gives its own.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FormWords {
    #[serde(default)]
    pub bien_ban: MinutesWords,
    #[serde(default)]
    pub giay_moi: InvitationWords,
    #[serde(default)]
    pub giay_gioi_thieu: IntroductionWords,
    /// The labels are bold ("**Thời gian:** …").
    #[serde(default = "crate::kinds::yes")]
    pub nhan_dam: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MinutesWords {
    pub thoi_gian: String,
    pub dia_diem: String,
    pub thanh_phan: String,
    pub vang_mat: String,
    pub chu_tri: String,
    pub thu_ky: String,
    /// Over the body: "Nội dung (theo diễn biến cuộc họp):"; empty, none.
    pub noi_dung: String,
    /// The closing sentence without its final mark: `{ten}` the meeting's
    /// name, `{gio}` the time.
    pub ket_thuc: String,
    /// The meeting's name when the document gives none.
    pub ten_cuoc_hop: String,
}

impl Default for MinutesWords {
    fn default() -> Self {
        MinutesWords {
            thoi_gian: "Thời gian bắt đầu:".into(),
            dia_diem: "Địa điểm:".into(),
            thanh_phan: "Thành phần tham dự:".into(),
            vang_mat: "Vắng mặt:".into(),
            chu_tri: "Chủ trì (chủ tọa):".into(),
            thu_ky: "Thư ký (người ghi biên bản):".into(),
            noi_dung: "Nội dung (theo diễn biến cuộc họp):".into(),
            ket_thuc: "{ten} kết thúc vào {gio}".into(),
            ten_cuoc_hop: "Cuộc họp".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct InvitationWords {
    /// `{co_quan}` the issuing body as written.
    pub kinh_moi: String,
    pub toi_du: String,
    pub thoi_gian: String,
    pub dia_diem: String,
    pub noi_dung: String,
    pub chuan_bi: String,
    pub lien_he: String,
}

impl Default for InvitationWords {
    fn default() -> Self {
        InvitationWords {
            kinh_moi: "{co_quan} trân trọng kính mời:".into(),
            toi_du: "Tới dự:".into(),
            thoi_gian: "Thời gian:".into(),
            dia_diem: "Địa điểm:".into(),
            noi_dung: "Nội dung:".into(),
            chuan_bi: "Đề nghị chuẩn bị:".into(),
            lien_he: "Liên hệ:".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct IntroductionWords {
    /// `{co_quan}` the issuing body as written.
    pub gioi_thieu: String,
    pub ho_ten: String,
    pub chuc_vu: String,
    pub duoc_cu_den: String,
    pub ve_viec: String,
    /// The request after the details, as printed.
    pub de_nghi: String,
    /// `{ngay}`: "30 tháng 4 năm 2026".
    pub co_gia_tri: String,
}

impl Default for IntroductionWords {
    fn default() -> Self {
        IntroductionWords {
            gioi_thieu: "{co_quan} trân trọng giới thiệu:".into(),
            ho_ten: "Ông (bà):".into(),
            chuc_vu: "Chức vụ:".into(),
            duoc_cu_den: "Được cử đến:".into(),
            ve_viec: "Về việc:".into(),
            de_nghi:
                "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ."
                    .into(),
            co_gia_tri: "Giấy này có giá trị đến hết ngày {ngay}".into(),
        }
    }
}

/// How a joint document (văn bản liên tịch) writes its symbol: the kind's
/// code takes `hau_to_ma` ("KH" → "KHLT"), the bodies' codes are joined by
/// `noi_ma` ("UBND-MTTQ").
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct JointStyle {
    pub hau_to_ma: String,
    pub noi_ma: String,
    /// Put after each body's name but the last in the header ("-").
    pub noi_ten: String,
    /// The header's left column for two names, when wider than `dau.cot_trai`.
    pub cot_trai: Option<crate::profile::Length>,
}

impl Default for JointStyle {
    fn default() -> Self {
        JointStyle {
            hau_to_ma: "LT".into(),
            noi_ma: "-".into(),
            noi_ten: "-".into(),
            cot_trai: None,
        }
    }
}

/// The blocks a form prints before the document's own body, and after it.
#[derive(Default)]
pub struct FormBlocks {
    pub before: Vec<Block>,
    pub after: Vec<Block>,
}

/// The form lines of `doc`, if it has a form.
pub fn blocks(doc: &Document, profile: &Profile) -> FormBlocks {
    let w = &profile.phan_rieng;
    let mut out = FormBlocks::default();
    let line = |field: &str, label: &str, value: &str| labelled(field, label, value, w.nhan_dam);
    let dashed = |field: String, value: &str| {
        paragraph(
            field,
            Inline::literal(&format!("{} {}", profile.doan.gach, value.trim())),
        )
    };
    // One entry on the label's line; several under it, one a line.
    let listed = |out: &mut Vec<Block>, field: &str, label: &str, items: &[crate::model::Text]| {
        match items {
            [] => {}
            [one] => out.push(line(&format!("{field}[0]"), label, one)),
            many => {
                out.push(line(field, label, ""));
                for (i, t) in many.iter().enumerate() {
                    out.push(dashed(format!("{field}[{i}]"), t));
                }
            }
        }
    };
    let co_quan = doc.co_quan_ban_hanh.as_str();
    if let Some(b) = &doc.bien_ban {
        let m = &w.bien_ban;
        out.before
            .push(line("bien_ban.thoi_gian", &m.thoi_gian, &b.thoi_gian));
        out.before
            .push(line("bien_ban.dia_diem", &m.dia_diem, &b.dia_diem));
        listed(
            &mut out.before,
            "bien_ban.thanh_phan",
            &m.thanh_phan,
            &b.thanh_phan.0,
        );
        listed(
            &mut out.before,
            "bien_ban.vang_mat",
            &m.vang_mat,
            &b.vang_mat.0,
        );
        out.before
            .push(line("bien_ban.chu_tri", &m.chu_tri, &b.chu_tri));
        out.before
            .push(line("bien_ban.thu_ky", &m.thu_ky, &b.thu_ky));
        let has_body = !(doc.mo_dau.is_empty() && doc.noi_dung.is_empty());
        if has_body && !m.noi_dung.is_empty() {
            out.before.push(line("bien_ban", &m.noi_dung, ""));
        }
        let name = b.ten_cuoc_hop.as_deref().unwrap_or(m.ten_cuoc_hop.as_str());
        // The text's final mark ends the last sentence; a sentence after the
        // closing time gets its own full stop.
        let mut closing = m
            .ket_thuc
            .replace("{ten}", name.trim())
            .replace("{gio}", b.ket_thuc.trim().trim_end_matches('.'));
        if let Some(more) = &b.ghi_them {
            closing = format!("{closing}. {}", more.trim());
        }
        out.after.push(paragraph(
            "bien_ban.ket_thuc".into(),
            Inline::literal(&closing),
        ));
    }
    if let Some(g) = &doc.giay_moi {
        let m = &w.giay_moi;
        let opening = m.kinh_moi.replace("{co_quan}", co_quan.trim());
        match g.kinh_moi.0.as_slice() {
            [one] => out.before.push(paragraph(
                "giay_moi.kinh_moi[0]".into(),
                Inline::literal(&format!("{opening} {}", one.trim())),
            )),
            many => {
                out.before.push(paragraph(
                    "giay_moi.kinh_moi".into(),
                    Inline::literal(&opening),
                ));
                let last = many.len().saturating_sub(1);
                for (i, t) in many.iter().enumerate() {
                    // Punctuated as the Kính gửi list: ";" (or ",") and "." last.
                    let end = if i == last {
                        profile.noi_nhan.dau_cuoi.as_str()
                    } else {
                        profile.noi_nhan.phan_cach.as_str()
                    };
                    let stem = t.trim().trim_end_matches([',', ';', '.']);
                    out.before.push(dashed(
                        format!("giay_moi.kinh_moi[{i}]"),
                        &format!("{stem}{end}"),
                    ));
                }
            }
        }
        out.before
            .push(line("giay_moi.toi_du", &m.toi_du, &g.toi_du));
        out.before
            .push(line("giay_moi.thoi_gian", &m.thoi_gian, &g.thoi_gian));
        out.before
            .push(line("giay_moi.dia_diem", &m.dia_diem, &g.dia_diem));
        listed(
            &mut out.before,
            "giay_moi.noi_dung",
            &m.noi_dung,
            &g.noi_dung.0,
        );
        if let Some(t) = &g.chuan_bi {
            out.after.push(line("giay_moi.chuan_bi", &m.chuan_bi, t));
        }
        if let Some(t) = &g.lien_he {
            out.after.push(line("giay_moi.lien_he", &m.lien_he, t));
        }
    }
    if let Some(g) = &doc.giay_gioi_thieu {
        let m = &w.giay_gioi_thieu;
        out.before.push(paragraph(
            "giay_gioi_thieu".into(),
            Inline::literal(&m.gioi_thieu.replace("{co_quan}", co_quan.trim())),
        ));
        out.before
            .push(line("giay_gioi_thieu.ho_ten", &m.ho_ten, &g.ho_ten));
        out.before
            .push(line("giay_gioi_thieu.chuc_vu", &m.chuc_vu, &g.chuc_vu));
        out.before.push(line(
            "giay_gioi_thieu.duoc_cu_den",
            &m.duoc_cu_den,
            &g.duoc_cu_den,
        ));
        out.before
            .push(line("giay_gioi_thieu.ve_viec", &m.ve_viec, &g.ve_viec));
        if !m.de_nghi.is_empty() {
            out.after.push(paragraph(
                "giay_gioi_thieu.de_nghi".into(),
                Inline::literal(&m.de_nghi),
            ));
        }
        let until = m
            .co_gia_tri
            .replace("{ngay}", &crate::locale::date_words(g.co_gia_tri_den.0));
        out.after.push(paragraph(
            "giay_gioi_thieu.co_gia_tri_den".into(),
            Inline::literal(&until),
        ));
    }
    out
}

/// The joint document's issuer lines: the lead's, then the co-issuer's,
/// each body but the last ending with the profile's joining mark.
pub fn joint_issuer(lead: Vec<String>, co: Vec<String>, style: &JointStyle) -> Vec<String> {
    let mut out = lead;
    if let Some(last) = out.last_mut() {
        if !style.noi_ten.is_empty() {
            *last = format!("{last} {}", style.noi_ten);
        }
    }
    out.extend(co);
    out
}

/// The joint symbol's codes: the kind's with the suffix ("KHLT"), the
/// bodies' joined ("UBND-MTTQ").
pub fn joint_codes(type_code: &str, lead: &str, co: &str, style: &JointStyle) -> (String, String) {
    let t = if type_code.is_empty() {
        String::new()
    } else {
        format!("{type_code}{}", style.hau_to_ma)
    };
    (t, format!("{lead}{}{co}", style.noi_ma))
}

/// "Label: value" with the label in the profile's weight; a value-less
/// label ends its line.
fn labelled(field: &str, label: &str, value: &str, bold: bool) -> Block {
    let mut t = Inline::literal(label).styled(Style {
        bold,
        italic: false,
        underline: false,
    });
    if !value.trim().is_empty() {
        t.push(" ", Style::default());
        t.append(Inline::literal(value.trim()));
    }
    paragraph(field.to_string(), t)
}

fn paragraph(field: String, text: Inline) -> Block {
    Block {
        kind: "paragraph",
        field,
        level: 0,
        text: Rich(text),
        dam: false,
        nghieng: false,
        can_giua: false,
    }
}
