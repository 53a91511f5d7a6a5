//! QR codes for share links, made in the app (no QR service sees the link) and drawn as one
//! SVG path, so they print sharply at any size.

use qrcodegen::{QrCode, QrCodeEcc};

/// The white border around a code, in modules (the standard asks for four).
pub const QUIET_ZONE: usize = 4;

/// A QR code's dark modules, with its size in modules including the quiet zone.
pub struct Qr {
    pub size: usize,
    modules: Vec<bool>,
}

impl Qr {
    /// The code for `text`, with as much error correction as fits; `None` if it is too long
    /// for any QR code (about 2,900 characters).
    pub fn new(text: &str) -> Option<Qr> {
        let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
        let inner = code.size() as usize;
        let size = inner + 2 * QUIET_ZONE;
        let mut modules = vec![false; size * size];
        for y in 0..inner {
            for x in 0..inner {
                modules[(y + QUIET_ZONE) * size + x + QUIET_ZONE] = code.get_module(x as i32, y as i32);
            }
        }
        Some(Qr { size, modules })
    }

    pub fn dark(&self, x: usize, y: usize) -> bool {
        self.modules.get(y * self.size + x).copied().unwrap_or(false)
    }

    /// The dark modules as an SVG path (`viewBox="0 0 size size"`), one run per row segment.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if self.dark(x, y) {
                    let start = x;
                    while x < self.size && self.dark(x, y) {
                        x += 1;
                    }
                    d.push_str(&format!("M{start} {y}h{}v1H{start}z", x - start));
                } else {
                    x += 1;
                }
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a code back the way a camera app does, from pixels (4 per module).
    fn read_back(qr: &Qr) -> String {
        let scale = 4;
        let px = qr.size * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(px, px, |x, y| if qr.dark(x / scale, y / scale) { 0 } else { 255 });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        grids[0].decode().expect("a readable code").1
    }

    #[test]
    fn share_links_read_back_from_their_qr_code() {
        let short = "https://example.org/career-kit/open?lang=ar#AQL4nGNgYGBkYmZhZWNnYOTg5OLm4eXjFxAUEhYRFROXkJSSlpGVk1dQVFJWUVVT19DU0tbR1dM3MDQyNjE1M7ewtLK2sbWzd3B0cnZxdXP38PTy9vH18w8IDAoOCQ0Lj4iMio6JjYtPSExKTklNS8_IzMrOyc3LLygsKi4pLSuvqKyqrqmtq29obGpuaW1r7-js6u7p7esfGBwaHhkdG5-YnJqemZ2bX1hcWl5ZXVtfWNzY3NLa1t7R2dXd09vXPzA4NDwyOjY-MTk1PTM7N7-wuLS8srq2vrG5tb2zu7e_cHhkdG18Yn";
        for text in [short.to_string(), format!("https://example.org/career-kit/open#{}", "A".repeat(1500))] {
            let qr = Qr::new(&text).expect("fits a QR code");
            assert_eq!(read_back(&qr), text);
            assert!(qr.svg_path().starts_with('M'));
        }
        assert!(Qr::new(&"x".repeat(5000)).is_none(), "too long for any code");
    }
}
