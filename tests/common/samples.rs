//! The small documents and pictures the tests write, built in one place:
//! two bodies of xã Vũ Quang (the People's Committee and the Party
//! committee), each signing as its collective (TM.), and the copy order of
//! the committee's office. A test starts from one of them and sets only the
//! keys its check is about, so what it changes stands out.

use std::path::Path;

use toml::{Table, Value};

/// A document as its TOML table; `toml()` gives the file's text.
#[derive(Debug, Clone)]
pub struct Doc(Table);

/// Parses a TOML snippet the tests write inline.
fn table(text: &str) -> Table {
    text.parse()
        .unwrap_or_else(|e| panic!("sample TOML: {e}\n{text}"))
}

impl Doc {
    /// Thông báo số 15/TB-UBND of 10/6/2026 "Về việc thành lập Tổ công tác",
    /// signed TM. Ủy ban nhân dân, Chủ tịch Nguyễn Văn A; Lưu: VT, VP.
    pub fn state_notice() -> Doc {
        Doc(table(
            r#"the_thuc = "nha-nuoc"
loai = "thong-bao"
co_quan_ban_hanh = "Ủy ban nhân dân xã Vũ Quang"
ma_co_quan = "UBND"
so = 15
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-06-10"
trich_yeu = ["Về việc thành lập Tổ công tác"]
mo_dau = ["Thành lập Tổ công tác chuyển đổi số của xã"]
ky = { hinh_thuc = "thay-mat", thay_mat = "Ủy ban nhân dân", chuc_vu = "Chủ tịch", ho_ten = "Nguyễn Văn A" }
noi_nhan = { luu = "VP" }
"#,
        ))
    }

    /// The same committee's tờ trình of 10/6/2026, without a number, with
    /// an opening and a closing sentence.
    pub fn state_submission() -> Doc {
        Doc::state_notice()
            .remove("so")
            .set("loai", "to-trinh")
            .set("trich_yeu", vec!["Về việc đề nghị phê duyệt kế hoạch"])
            .set("mo_dau", vec!["Ủy ban nhân dân xã kính trình như sau:"])
            .set("ket_luan", vec!["Kính trình Hội đồng nhân dân xã xem xét"])
    }

    /// Báo cáo "kết quả công tác quý II" of Đảng ủy xã Vũ Quang of 10/6/2026,
    /// without a number or a superior body, signed TM. Đảng ủy, Bí thư
    /// Nguyễn Văn A; Lưu: VPĐU.
    pub fn party_report() -> Doc {
        Doc(table(
            r#"the_thuc = "dang"
loai = "bao-cao"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-06-10"
trich_yeu = ["kết quả công tác quý II"]
mo_dau = ["Đảng ủy báo cáo như sau:"]
ky = { hinh_thuc = "thay-mat", thay_mat = "Đảng ủy", chuc_vu = "Bí thư", ho_ten = "Nguyễn Văn A" }
noi_nhan = { luu = "VPĐU" }
"#,
        ))
    }

    /// Kế hoạch liên tịch số 05 of 10/4/2026: the committee (`nha-nuoc`) or
    /// the Party committee (`dang`) with Hội Nông dân xã Vũ Quang (HND); the
    /// lead signs TM. its collective, Chủ tịch Lê Văn Thành, the association
    /// TM. Ban Chấp hành, Chủ tịch Trần Văn Cường.
    pub fn joint_plan(the_thuc: &str) -> Doc {
        let plan = Doc(table(
            r#"loai = "ke-hoach"
so = 5
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-04-10"
trich_yeu = ["Phối hợp tuyên truyền chuyển đổi số năm 2026"]
mo_dau = ["Hai cơ quan thống nhất ban hành kế hoạch phối hợp như sau"]
ky = { hinh_thuc = "thay-mat", chuc_vu = "Chủ tịch", ho_ten = "Lê Văn Thành" }
lien_tich = { ma_co_quan = "HND", ky = { hinh_thuc = "thay-mat", thay_mat = "Ban Chấp hành", chuc_vu = "Chủ tịch", ho_ten = "Trần Văn Cường" } }
"#,
        ));
        match the_thuc {
            "dang" => plan
                .set("the_thuc", "dang")
                .set("co_quan_cap_tren", "Đảng bộ tỉnh Hà Tĩnh")
                .set("co_quan_ban_hanh", "Đảng ủy xã Vũ Quang")
                .set("ma_co_quan", "ĐU")
                .set("ky.thay_mat", "Ban Thường vụ")
                .set("lien_tich.co_quan_ban_hanh", "Hội Nông dân xã Vũ Quang"),
            _ => plan
                .set("the_thuc", "nha-nuoc")
                .set("co_quan_ban_hanh", "Ủy ban nhân dân xã Vũ Quang")
                .set("ma_co_quan", "UBND")
                .set("ky.thay_mat", "Ủy ban nhân dân")
                .set("lien_tich.co_quan_ban_hanh", "Hội Nông dân\nxã Vũ Quang"),
        }
    }

    /// Sets `key` (dotted for a nested one: "ky.anh_dau", "ban_sao.so").
    pub fn set(mut self, key: &str, value: impl Into<Value>) -> Doc {
        let (table, last) = self.parent(key);
        table.insert(last.to_string(), value.into());
        self
    }

    /// Removes `key` (dotted for a nested one).
    pub fn remove(mut self, key: &str) -> Doc {
        let (table, last) = self.parent(key);
        table.remove(last);
        self
    }

    /// Adds the top-level keys of a TOML snippet ("do_mat = \"mat\"\n…").
    pub fn with(mut self, snippet: &str) -> Doc {
        self.0.extend(table(snippet));
        self
    }

    /// Prints the document as a copy (`[ban_sao]`) in `form` (sao-y,
    /// sao-luc, trich-sao): copy number 3 of 2/7/2026 by the committee's
    /// office (`COPY_ORDER`).
    pub fn copied_as(self, form: &str) -> Doc {
        let mut order = copy_order();
        order.insert("hinh_thuc".into(), form.into());
        order.insert("so".into(), 3.into());
        order.insert("ngay".into(), "2026-07-02".into());
        self.set("ban_sao", order)
    }

    /// The document file's text.
    pub fn toml(&self) -> String {
        toml::to_string(&self.0).unwrap()
    }

    /// Writes the document file.
    pub fn write(&self, path: &Path) {
        std::fs::write(path, self.toml()).unwrap();
    }

    fn parent<'k>(&mut self, key: &'k str) -> (&mut Table, &'k str) {
        let mut parts: Vec<&str> = key.split('.').collect();
        let last = parts.pop().unwrap();
        let mut table = &mut self.0;
        for p in parts {
            table = table
                .entry(p)
                .or_insert_with(|| Value::Table(Table::new()))
                .as_table_mut()
                .unwrap_or_else(|| panic!("{p} is not a table"));
        }
        (table, last)
    }
}

/// The keys of the copy order of Văn phòng HĐND và UBND xã Vũ Quang (code
/// VP) without a form, number or date: TL. Chủ tịch, Chánh Văn phòng Trần
/// Thị Bình; Nơi nhận: Các thôn; Lưu: VT, VP. Text, for the tests that point
/// at a line of the order file.
pub const COPY_ORDER: &str = r#"co_quan_ban_hanh = "Văn phòng HĐND và UBND xã Vũ Quang"
ma_co_quan = "VP"
dia_danh = "Vũ Quang"
ky = { hinh_thuc = "thua-lenh", thay_mat = "Chủ tịch", chuc_vu = "Chánh Văn phòng", ho_ten = "Trần Thị Bình" }
noi_nhan = { danh_sach = ["Các thôn"], luu = "VP" }
"#;

/// `COPY_ORDER` as a table.
pub fn copy_order() -> Table {
    table(COPY_ORDER)
}

/// A `w`×`h` PNG filled with `rgb`: with `alpha`, transparent round a filled
/// middle (as a scanned signature or seal must be); without, opaque.
pub fn png(w: u32, h: u32, rgb: [u8; 3], alpha: bool) -> Vec<u8> {
    let mut data = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let inside = x > w / 8 && x < w - w / 8 && y > h / 8 && y < h - h / 8;
            data.extend_from_slice(&rgb);
            if alpha {
                data.push(if inside { 255 } else { 0 });
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(if alpha {
            png::ColorType::Rgba
        } else {
            png::ColorType::Rgb
        });
        e.set_depth(png::BitDepth::Eight);
        let mut writer = e.write_header().unwrap();
        writer.write_image_data(&data).unwrap();
    }
    out
}

/// Writes the sample signature (240×90, blue) and seal (200×200, red), both
/// transparent round the middle, as `chu-ky.png` and `dau.png` in `dir`.
pub fn signature_and_seal(dir: &Path) {
    std::fs::write(dir.join("chu-ky.png"), png(240, 90, [0, 0, 200], true)).unwrap();
    std::fs::write(dir.join("dau.png"), png(200, 200, [200, 0, 0], true)).unwrap();
}
