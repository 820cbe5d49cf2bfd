//! The dedicated keys of the short forms a commune office fills most: the
//! biên bản (minutes), the giấy mời (invitation), the giấy giới thiệu (letter
//! of introduction), and the co-issuer of a văn bản liên tịch (a document two
//! bodies issue together). A clerk fills what the form asks; the words
//! around ("Thời gian bắt đầu:", "… trân trọng kính mời:") are the profile's
//! (`[phan_rieng]`), and the order is the guide's (NĐ 30 Phụ lục III).

use serde::{Deserialize, Serialize};

use super::Signature;
use crate::fields::{IssueDate, Lines, Text};

/// `[bien_ban]`: the meeting a biên bản records, printed in the guide's
/// order: time, place, participants, chair, secretary, the content (the
/// document's body), then the closing time.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    /// When the meeting began: "08 giờ 00 phút, ngày 28 tháng 01 năm 2026".
    pub thoi_gian: Text,
    /// Where: "Hội trường Đảng ủy xã Vũ Quang".
    pub dia_diem: Text,
    /// Who attended (thành phần tham dự), one entry per line.
    #[serde(default)]
    pub thanh_phan: Lines,
    /// Who was absent (vắng mặt), with the reason, one entry per line.
    #[serde(default)]
    pub vang_mat: Lines,
    /// Chủ trì (chủ tọa): "đồng chí Nguyễn Văn Hùng, Bí thư Đảng ủy xã".
    pub chu_tri: Text,
    /// Thư ký (người ghi biên bản).
    pub thu_ky: Text,
    /// What the closing sentence calls the meeting ("Hội nghị"); the
    /// profile's word ("Cuộc họp") by default.
    #[serde(default)]
    pub ten_cuoc_hop: Option<Text>,
    /// When it ended: "11 giờ 30 phút cùng ngày".
    pub ket_thuc: Text,
    /// Sentences after the closing time, in the same paragraph ("Biên bản
    /// đã được đọc lại cho hội nghị nghe và nhất trí thông qua").
    #[serde(default)]
    pub ghi_them: Option<Text>,
}

/// `[giay_moi]`: who is invited, to what, when, where; what to bring and
/// whom to call.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    /// Who is invited: one on the "kính mời:" line, several one per line.
    pub kinh_moi: Lines,
    /// What to attend: "Hội nghị sơ kết công tác quý I năm 2026".
    pub toi_du: Text,
    /// "08 giờ 00 phút, thứ Ba, ngày 07 tháng 4 năm 2026".
    pub thoi_gian: Text,
    pub dia_diem: Text,
    /// The content or programme, one entry per line.
    #[serde(default)]
    pub noi_dung: Lines,
    /// What to prepare or bring ("Báo cáo kết quả thực hiện …").
    #[serde(default)]
    pub chuan_bi: Option<Text>,
    /// Whom to call: "đồng chí Phan Thị Mai, Văn phòng, điện thoại 0239 3 …".
    #[serde(default)]
    pub lien_he: Option<Text>,
}

/// `[giay_gioi_thieu]`: the person introduced, to whom, for what, until when.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Introduction {
    /// "Trần Văn Bình" (the profile puts "Ông (bà):" or "Đồng chí:" before it).
    pub ho_ten: Text,
    pub chuc_vu: Text,
    /// The body the person is sent to.
    pub duoc_cu_den: Text,
    /// The purpose: "liên hệ công tác về …".
    pub ve_viec: Text,
    /// The last day the letter is valid: "2026-04-30" or "30/04/2026".
    pub co_gia_tri_den: IssueDate,
}

/// `[lien_tich]`: the body that issues the document together with
/// `co_quan_ban_hanh` (which leads, chủ trì). Its name prints under the
/// lead's in the header, its code joins the symbol ("Số: 05/KHLT-UBND-MTTQ"),
/// and its signature goes on the left, the lead's on the right.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoIssuer {
    /// The official full name: "Ủy ban Mặt trận Tổ quốc Việt Nam xã Vũ Quang".
    pub co_quan_ban_hanh: Text,
    /// Its code in the symbol: "MTTQ".
    pub ma_co_quan: Text,
    /// Who signs for it, on the left.
    pub ky: Signature,
}

impl Minutes {
    pub(crate) fn texts(&self) -> Vec<(String, &str)> {
        let mut out = vec![
            ("bien_ban.thoi_gian".to_string(), self.thoi_gian.as_str()),
            ("bien_ban.dia_diem".into(), self.dia_diem.as_str()),
        ];
        lines(&mut out, "bien_ban.thanh_phan", &self.thanh_phan);
        lines(&mut out, "bien_ban.vang_mat", &self.vang_mat);
        out.push(("bien_ban.chu_tri".into(), self.chu_tri.as_str()));
        out.push(("bien_ban.thu_ky".into(), self.thu_ky.as_str()));
        if let Some(t) = &self.ten_cuoc_hop {
            out.push(("bien_ban.ten_cuoc_hop".into(), t.as_str()));
        }
        out.push(("bien_ban.ket_thuc".into(), self.ket_thuc.as_str()));
        if let Some(t) = &self.ghi_them {
            out.push(("bien_ban.ghi_them".into(), t.as_str()));
        }
        out
    }
}

impl Invitation {
    pub(crate) fn texts(&self) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        lines(&mut out, "giay_moi.kinh_moi", &self.kinh_moi);
        out.push(("giay_moi.toi_du".into(), self.toi_du.as_str()));
        out.push(("giay_moi.thoi_gian".into(), self.thoi_gian.as_str()));
        out.push(("giay_moi.dia_diem".into(), self.dia_diem.as_str()));
        lines(&mut out, "giay_moi.noi_dung", &self.noi_dung);
        if let Some(t) = &self.chuan_bi {
            out.push(("giay_moi.chuan_bi".into(), t.as_str()));
        }
        if let Some(t) = &self.lien_he {
            out.push(("giay_moi.lien_he".into(), t.as_str()));
        }
        out
    }
}

impl Introduction {
    pub(crate) fn texts(&self) -> Vec<(String, &str)> {
        vec![
            ("giay_gioi_thieu.ho_ten".to_string(), self.ho_ten.as_str()),
            ("giay_gioi_thieu.chuc_vu".into(), self.chuc_vu.as_str()),
            (
                "giay_gioi_thieu.duoc_cu_den".into(),
                self.duoc_cu_den.as_str(),
            ),
            ("giay_gioi_thieu.ve_viec".into(), self.ve_viec.as_str()),
        ]
    }
}

impl CoIssuer {
    pub(crate) fn texts(&self) -> Vec<(String, &str)> {
        let mut out = vec![
            (
                "lien_tich.co_quan_ban_hanh".to_string(),
                self.co_quan_ban_hanh.as_str(),
            ),
            ("lien_tich.ma_co_quan".into(), self.ma_co_quan.as_str()),
        ];
        if let Some(t) = &self.ky.thay_mat {
            out.push(("lien_tich.ky.thay_mat".into(), t.as_str()));
        }
        out.push(("lien_tich.ky.chuc_vu".into(), self.ky.chuc_vu.as_str()));
        out.push(("lien_tich.ky.ho_ten".into(), self.ky.ho_ten.as_str()));
        out
    }
}

fn lines<'a>(out: &mut Vec<(String, &'a str)>, base: &str, l: &'a Lines) {
    for (i, t) in l.0.iter().enumerate() {
        out.push((format!("{base}[{i}]"), t.as_str()));
    }
}

/// The texts of whichever forms `doc` has, by field.
pub(crate) fn texts(doc: &super::Document) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    if let Some(b) = &doc.bien_ban {
        out.extend(b.texts());
    }
    if let Some(g) = &doc.giay_moi {
        out.extend(g.texts());
    }
    if let Some(g) = &doc.giay_gioi_thieu {
        out.extend(g.texts());
    }
    if let Some(j) = &doc.lien_tich {
        out.extend(j.texts());
    }
    out
}
