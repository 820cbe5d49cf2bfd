//! The signature zone of an electronically signed copy, as the PDF's
//! `_anh-ky` draws it: an empty paragraph `khoang_ky` high between the
//! position and the name, holding the signature image centred in it and the
//! seal over its left `anh_dau_phu`, both floating over the text (anchored,
//! no wrapping) so the name stays where the paper copy has it. The bytes are
//! the ones the document's sources read, once, for the PDF too.

use docx_rs::{Paragraph, Pic, RelativeFromHType, RelativeFromVType, Run};

use super::{spaced, Writer};
use crate::context::SignatureLines;

/// English Metric Units per point (Word's drawing unit).
const EMU_PER_PT: f64 = 12700.0;

fn emu(points: f64) -> i32 {
    (points * EMU_PER_PT).round() as i32
}

/// A PNG's sides in pixels (the file was checked whole when it was read).
fn sides(bytes: &[u8]) -> Option<(u32, u32)> {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .ok()?;
    let info = reader.info();
    Some((info.width, info.height)).filter(|&(w, h)| w > 0 && h > 0)
}

impl Writer<'_> {
    /// The bytes read for the image the layout names `path`.
    fn image(&self, path: &str) -> Option<(Vec<u8>, (u32, u32))> {
        let s = self
            .r
            .sources
            .iter()
            .find(|s| crate::images::virtual_path(s.role) == Some(path))?;
        let bytes = (*s.input.bytes).clone();
        let px = sides(&bytes)?;
        Some((bytes, px))
    }

    /// The zone between position and name, `column` points wide, when the
    /// signature has an image or a seal.
    pub fn signature_zone(&self, s: &SignatureLines, column: f64) -> Option<Paragraph> {
        if s.image.is_none() && s.seal.is_none() {
            return None;
        }
        let k = &self.p.ky;
        let zone = self.pt(&k.khoang_ky);
        // (bytes, width, height) in points, as the template sizes them.
        let sig = s.image.and_then(|p| self.image(p)).map(|(b, (w, h))| {
            let height = self.pt(&k.anh_chu_ky_cao);
            (b, height * w as f64 / h as f64, height)
        });
        let seal = s.seal.and_then(|p| self.image(p)).map(|(b, (w, h))| {
            let width = self.pt(&k.anh_dau_rong);
            (b, width, width * h as f64 / w as f64)
        });
        let centre = column / 2.0;
        let mut run = Run::new();
        let mut id = 0;
        let mut place = |run: Run, (bytes, w, h): (Vec<u8>, f64, f64), dx: f64| {
            id += 1;
            let (pw, ph) = sides(&bytes).unwrap_or((1, 1));
            let mut pic = Pic::new_with_dimensions(bytes, pw, ph)
                .id(format!("rIdImage{id}"))
                .size(emu(w) as u32, emu(h) as u32)
                .floating()
                .overlapping()
                .relative_from_h(RelativeFromHType::Column)
                .relative_from_v(RelativeFromVType::Paragraph)
                .offset_x(emu(centre + dx - w / 2.0))
                // May be negative (a seal taller than the zone): package.rs
                // writes it back signed.
                .offset_y(emu((zone - h) / 2.0))
                .relative_height(id as u32);
            pic.layout_in_cell = true;
            run.add_image(pic)
        };
        let sig_w = sig.as_ref().map(|s| s.1);
        if let Some(sig) = sig {
            run = place(run, sig, 0.0);
        }
        if let Some(seal) = seal {
            // The seal's right edge at the share `anh_dau_phu` of the signature.
            let dx = sig_w.map_or(0.0, |sw| -sw / 2.0 + sw * k.anh_dau_phu - seal.1 / 2.0);
            run = place(run, seal, dx);
        }
        Some(spaced(zone, 0.0, 0.0).add_run(run))
    }
}
