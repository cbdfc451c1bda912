//! The QR code of a link, as SVG, for the printed briefing: a reader's phone opens the very
//! scenario on paper. Drawn locally; nothing is fetched.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The QR code of `link` as an SVG document `size` pixels square (at least), or `None` when the
/// link is too long for a QR code (about 2,300 characters at this error-correction level).
pub fn link_qr_svg(link: &str, size: u32) -> Option<String> {
    // Level M survives a crease or a smudge on paper and still holds any link we write.
    let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(size, size)
            .quiet_zone(true)
            .build(),
    )
}
