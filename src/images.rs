//! Signature and seal images of an electronically signed copy (NĐ 30 Phụ lục I
//! §II.7d, §II.8a): transparent PNGs only, since an opaque background would
//! hide the position line and the name under a white rectangle; bounded in
//! bytes and pixels ([`crate::limits`]); decoded whole here so a damaged file
//! is refused with its field before Typst sees it.

use std::path::Path;

use crate::error::{Error, ImageProblem};
use crate::limits::{MAX_IMAGE_BYTES, MAX_IMAGE_SIDE};
use crate::resolve::Role;

/// Where the layout finds the image a role names (the world serves it there).
pub fn virtual_path(role: Role) -> Option<&'static str> {
    match role {
        Role::AnhChuKy => Some("/anh/chu-ky.png"),
        Role::AnhDau => Some("/anh/dau.png"),
        _ => None,
    }
}

/// Refuses `bytes` (read from `file` for `field`) unless they are a whole PNG
/// with transparency, within the limits.
pub fn check_png(bytes: &[u8], file: &Path, field: &str) -> Result<(), Error> {
    let fail = |problem: ImageProblem| Error::Image {
        file: file.to_path_buf(),
        field: field.to_string(),
        problem,
    };
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(fail(ImageProblem::TooManyBytes {
            size: bytes.len() as u64,
            limit: MAX_IMAGE_BYTES,
        }));
    }
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(fail(ImageProblem::NotPng));
    }
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // Bounds the decoder's buffers before the sides are known.
    let side = MAX_IMAGE_SIDE as usize;
    decoder.set_limits(png::Limits {
        bytes: side * side * 8,
    });
    let mut reader = decoder
        .read_info()
        .map_err(|e| fail(ImageProblem::Damaged(e.to_string())))?;
    let info = reader.info();
    let (width, height) = (info.width, info.height);
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(fail(ImageProblem::TooManyPixels {
            width,
            height,
            limit: MAX_IMAGE_SIDE,
        }));
    }
    let alpha = matches!(
        info.color_type,
        png::ColorType::Rgba | png::ColorType::GrayscaleAlpha
    ) || info.trns.is_some();
    if !alpha {
        return Err(fail(ImageProblem::Opaque));
    }
    let size = reader.output_buffer_size().ok_or_else(|| {
        fail(ImageProblem::Damaged(
            "the image is too large to decode".into(),
        ))
    })?;
    let mut buf = vec![0; size];
    reader
        .next_frame(&mut buf)
        .map_err(|e| fail(ImageProblem::Damaged(e.to_string())))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(color: png::ColorType, w: u32, h: u32) -> Vec<u8> {
        let channels = match color {
            png::ColorType::Rgba => 4,
            png::ColorType::Rgb => 3,
            png::ColorType::GrayscaleAlpha => 2,
            _ => 1,
        };
        let mut out = Vec::new();
        {
            let mut e = png::Encoder::new(&mut out, w, h);
            e.set_color(color);
            e.set_depth(png::BitDepth::Eight);
            let mut writer = e.write_header().unwrap();
            writer
                .write_image_data(&vec![0; (channels * w * h) as usize])
                .unwrap();
        }
        out
    }

    fn problem(bytes: &[u8]) -> Option<String> {
        check_png(bytes, Path::new("a.png"), "ky.anh_dau")
            .err()
            .map(|e| e.to_string())
    }

    #[test]
    fn only_whole_transparent_pngs_within_the_limits_pass() {
        let ok = encode(png::ColorType::Rgba, 4, 3);
        assert_eq!(problem(&ok), None);
        assert_eq!(problem(&encode(png::ColorType::GrayscaleAlpha, 4, 3)), None);
        let opaque = encode(png::ColorType::Rgb, 4, 3);
        assert!(problem(&opaque).unwrap().contains("transparent"));
        assert!(problem(b"GIF89a").unwrap().contains("not a PNG"));
        let cut = &ok[..ok.len() - 20];
        assert!(problem(cut).is_some());
        let big = encode(png::ColorType::Rgba, MAX_IMAGE_SIDE + 1, 1);
        assert!(
            problem(&big).unwrap().contains("3001"),
            "{:?}",
            problem(&big)
        );
    }
}
