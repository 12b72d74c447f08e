//! The drawing surface shared by every chart: plotters' bitmap backend at twice the requested
//! resolution (for anti-aliased shapes), box-filtered down and encoded as PNG in memory.
//!
//! Coordinates are logical pixels of the final image (`f64`, origin top-left). Text uses the
//! embedded DejaVu Sans, registered once per process, so output never depends on system fonts.

use super::theme::Rgb;
use super::{RenderError, Size};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, RGBAColor};
use std::sync::OnceLock;

/// Supersampling factor: shapes are drawn at `SS` times the size and averaged down.
const SS: u32 = 2;
const SSF: f64 = SS as f64;
/// Name under which the embedded font is registered with plotters.
pub(crate) const FAMILY: &str = "powermap-sans";
/// plotters sizes ab_glyph text by ascent - descent; DejaVu Sans has (1901 + 483) / 2048 em.
const EM_TO_PX: f64 = 2384.0 / 2048.0;
/// Cap height and descender of DejaVu Sans, in em.
const CAP: f64 = 0.729;
const DESC: f64 = 0.236;
/// Top of accented capitals, in em, used for text boxes.
const ASCENT: f64 = 0.80;

/// Registers the embedded DejaVu Sans (regular and bold) with plotters. Charts call it
/// themselves; the CLI may call it at start-up to fail early. Idempotent and thread-safe.
pub fn register_fonts() -> Result<(), RenderError> {
    static DONE: OnceLock<Result<(), String>> = OnceLock::new();
    DONE.get_or_init(|| {
        let fonts = [
            (FontStyle::Normal, dejavu::sans::regular()),
            (FontStyle::Bold, dejavu::sans::bold()),
        ];
        for (style, bytes) in fonts {
            plotters::style::register_font(FAMILY, style, bytes).map_err(|_| {
                format!(
                    "embedded font {FAMILY} ({}) is not a valid font",
                    style.as_str()
                )
            })?;
        }
        Ok(())
    })
    .clone()
    .map_err(RenderError::Font)
}

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum HAlign {
    Left,
    Center,
    Right,
}

/// Vertical anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum VAlign {
    /// `y` is the baseline.
    Baseline,
    /// `y` is the middle of the capital letters.
    Middle,
    /// `y` is the top of the capitals.
    Top,
    /// `y` is the bottom of the descenders.
    Bottom,
}

/// Font and placement of a text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: Rgb,
    pub h: HAlign,
    pub v: VAlign,
}

impl Font {
    pub fn new(size: f64, color: Rgb) -> Font {
        Font {
            size,
            bold: false,
            color,
            h: HAlign::Left,
            v: VAlign::Baseline,
        }
    }
    pub fn bold(mut self) -> Font {
        self.bold = true;
        self
    }
    pub fn align(mut self, h: HAlign, v: VAlign) -> Font {
        self.h = h;
        self.v = v;
        self
    }
    pub fn color(mut self, c: Rgb) -> Font {
        self.color = c;
        self
    }
    /// Distance from the baseline up to the top of the text box.
    pub fn ascent(&self) -> f64 {
        ASCENT * self.size
    }
    /// Distance from the baseline down to the bottom of the text box.
    pub fn descent(&self) -> f64 {
        DESC * self.size
    }
    /// Height of the text box (ascent + descent).
    pub fn line_height(&self) -> f64 {
        (ASCENT + DESC) * self.size
    }
    /// Baseline for an anchor `y` given the vertical alignment.
    fn baseline(&self, y: f64) -> f64 {
        match self.v {
            VAlign::Baseline => y,
            VAlign::Middle => y + CAP * self.size / 2.0,
            VAlign::Top => y + CAP * self.size,
            VAlign::Bottom => y - DESC * self.size,
        }
    }
    fn desc(&self, transform: FontTransform) -> FontDesc<'static> {
        let style = if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FAMILY), self.size * EM_TO_PX * SSF, style)
            .transform(transform)
    }
}

/// An axis-aligned box `(x0, y0, x1, y1)`.
pub(crate) type BoxF = (f64, f64, f64, f64);

/// Whether two boxes intersect (touching counts as apart).
pub(crate) fn overlaps(a: BoxF, b: BoxF) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A drawing surface in logical pixels.
pub(crate) struct Painter<'a> {
    area: DrawingArea<BitMapBackend<'a>, Shift>,
    /// Width and height of the image in logical pixels.
    pub w: f64,
    pub h: f64,
}

fn px(v: f64) -> i32 {
    (v * SSF).round() as i32
}

fn rgba(c: Rgb, alpha: f64) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, alpha.clamp(0.0, 1.0))
}

fn draw_err<E: std::fmt::Display>(e: E) -> RenderError {
    RenderError::Draw(e.to_string())
}

impl Painter<'_> {
    /// Fills the box with `c` at opacity `alpha`.
    pub fn rect(&self, b: BoxF, c: Rgb, alpha: f64) -> Result<(), RenderError> {
        let style = ShapeStyle::from(rgba(c, alpha)).filled();
        self.area
            .draw(&Rectangle::new(
                [(px(b.0), px(b.1)), (px(b.2), px(b.3))],
                style,
            ))
            .map_err(draw_err)
    }

    /// Fills a polygon.
    pub fn polygon(&self, pts: &[(f64, f64)], c: Rgb, alpha: f64) -> Result<(), RenderError> {
        let v: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area
            .draw(&Polygon::new(v, ShapeStyle::from(rgba(c, alpha)).filled()))
            .map_err(draw_err)
    }

    /// Strokes a polyline of the given width.
    pub fn line(
        &self,
        pts: &[(f64, f64)],
        c: Rgb,
        alpha: f64,
        width: f64,
    ) -> Result<(), RenderError> {
        if pts.len() < 2 {
            return Ok(());
        }
        let v: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| (px(x), px(y))).collect();
        let style = ShapeStyle {
            color: rgba(c, alpha),
            filled: false,
            stroke_width: (width * SSF).round().max(1.0) as u32,
        };
        self.area
            .draw(&PathElement::new(v, style))
            .map_err(draw_err)
    }

    /// A dashed straight line.
    pub fn dashed(
        &self,
        a: (f64, f64),
        b: (f64, f64),
        c: Rgb,
        width: f64,
        dash: f64,
    ) -> Result<(), RenderError> {
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if len <= 0.0 {
            return Ok(());
        }
        let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let mut t = 0.0;
        while t < len {
            let e = (t + dash).min(len);
            self.line(
                &[(a.0 + ux * t, a.1 + uy * t), (a.0 + ux * e, a.1 + uy * e)],
                c,
                1.0,
                width,
            )?;
            t += 2.0 * dash;
        }
        Ok(())
    }

    /// A filled circle, optionally outlined, drawn as a polygon (exact under transparency).
    pub fn circle(
        &self,
        c: (f64, f64),
        r: f64,
        fill: Rgb,
        alpha: f64,
        outline: Option<(Rgb, f64)>,
    ) -> Result<(), RenderError> {
        let ring = |r: f64| -> Vec<(f64, f64)> {
            let n = ((r * SSF * 1.2).ceil() as usize).clamp(12, 160);
            (0..n)
                .map(|k| {
                    let a = k as f64 / n as f64 * std::f64::consts::TAU;
                    (c.0 + r * a.cos(), c.1 + r * a.sin())
                })
                .collect()
        };
        if let Some((oc, ow)) = outline {
            self.polygon(&ring(r + ow), oc, 1.0)?;
        }
        self.polygon(&ring(r), fill, alpha)
    }

    /// Width of `text` in `font`.
    pub fn text_width(&self, text: &str, font: &Font) -> f64 {
        if text.is_empty() {
            return 0.0;
        }
        let style = TextStyle::from(font.desc(FontTransform::None));
        self.area
            .estimate_text_size(text, &style)
            .map(|(w, _)| w as f64 / SSF)
            .unwrap_or(text.chars().count() as f64 * font.size * 0.6)
    }

    /// The box `text` occupies when drawn at `(x, y)` with `font`.
    pub fn text_box(&self, text: &str, x: f64, y: f64, font: &Font) -> BoxF {
        let w = self.text_width(text, font);
        let x0 = match font.h {
            HAlign::Left => x,
            HAlign::Center => x - w / 2.0,
            HAlign::Right => x - w,
        };
        let base = font.baseline(y);
        (x0, base - font.ascent(), x0 + w, base + font.descent())
    }

    /// Draws `text` anchored at `(x, y)`.
    pub fn text(&self, text: &str, x: f64, y: f64, font: &Font) -> Result<(), RenderError> {
        let b = self.text_box(text, x, y, font);
        self.text_at(text, b.0, font.baseline(y), font, font.color)
    }

    /// Draws `text` with a halo of `halo` colour around the glyphs, for labels over a busy
    /// background.
    pub fn text_halo(
        &self,
        text: &str,
        x: f64,
        y: f64,
        font: &Font,
        halo: Rgb,
        radius: f64,
    ) -> Result<(), RenderError> {
        let b = self.text_box(text, x, y, font);
        let base = font.baseline(y);
        for k in 0..12 {
            let a = k as f64 / 12.0 * std::f64::consts::TAU;
            self.text_at(
                text,
                b.0 + radius * a.cos(),
                base + radius * a.sin(),
                font,
                halo,
            )?;
        }
        self.text_at(text, b.0, base, font, font.color)
    }

    /// Draws `text` rotated a quarter turn counter-clockwise (reading upwards); `(x, y)` is the
    /// anchor, with `font.h` along the text direction and `font.v` across it.
    pub fn text_up(&self, text: &str, x: f64, y: f64, font: &Font) -> Result<(), RenderError> {
        let w = self.text_width(text, font);
        // Along the (upward) text direction, the text starts at y_start and ends at y_start - w.
        let y_start = match font.h {
            HAlign::Left => y,
            HAlign::Center => y + w / 2.0,
            HAlign::Right => y + w,
        };
        // Across, the baseline is a vertical line at x_base; glyphs extend to its left.
        let x_base = match font.v {
            VAlign::Baseline => x,
            VAlign::Middle => x + CAP * font.size / 2.0,
            VAlign::Top => x + CAP * font.size,
            VAlign::Bottom => x - DESC * font.size,
        };
        // plotters puts the baseline half a font size below the anchor; rotated, to its right.
        let half = font.size * EM_TO_PX / 2.0;
        let color = rgba(font.color, 1.0);
        let style = TextStyle::from(font.desc(FontTransform::Rotate270))
            .color(&color)
            .pos(Pos::new(HPos::Left, VPos::Top));
        self.area
            .draw_text(text, &style, (px(x_base - half), px(y_start)))
            .map_err(draw_err)
    }

    /// Draws text whose box starts at `x` with its baseline at `base`.
    fn text_at(
        &self,
        text: &str,
        x: f64,
        base: f64,
        font: &Font,
        c: Rgb,
    ) -> Result<(), RenderError> {
        let half = font.size * EM_TO_PX / 2.0;
        let color = rgba(c, 1.0);
        let style = TextStyle::from(font.desc(FontTransform::None))
            .color(&color)
            .pos(Pos::new(HPos::Left, VPos::Top));
        self.area
            .draw_text(text, &style, (px(x), px(base - half)))
            .map_err(draw_err)
    }

    /// Shortens `text` with an ellipsis until it fits in `max_width`.
    pub fn fit_text(&self, text: &str, font: &Font, max_width: f64) -> String {
        if self.text_width(text, font) <= max_width {
            return text.to_string();
        }
        let chars: Vec<char> = text.chars().collect();
        let (mut lo, mut hi) = (0usize, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let s: String = chars[..mid]
                .iter()
                .collect::<String>()
                .trim_end()
                .to_string()
                + "…";
            if self.text_width(&s, font) <= max_width {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if lo == 0 {
            return "…".to_string();
        }
        chars[..lo]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…"
    }
}

/// Runs `draw` on a white canvas of `size` and returns the PNG bytes with whatever `draw`
/// returned. The PNG holds no timestamp or text chunk, so equal drawings give equal bytes.
pub(crate) fn render<T>(
    size: Size,
    draw: impl FnOnce(&mut Painter) -> Result<T, RenderError>,
) -> Result<(Vec<u8>, T), RenderError> {
    size.check()?;
    register_fonts()?;
    let (pw, ph) = (size.width * SS, size.height * SS);
    let mut buf = vec![255u8; pw as usize * ph as usize * 3];
    let out = {
        let backend = BitMapBackend::with_buffer(&mut buf, (pw, ph));
        let area = backend.into_drawing_area();
        let mut painter = Painter {
            area,
            w: size.width as f64,
            h: size.height as f64,
        };
        let out = draw(&mut painter)?;
        painter.area.present().map_err(draw_err)?;
        out
    };
    let small = downsample(&buf, pw as usize, ph as usize);
    Ok((encode_png(&small, size.width, size.height)?, out))
}

/// Averages each `SS x SS` block of an RGB buffer into one pixel.
fn downsample(buf: &[u8], pw: usize, ph: usize) -> Vec<u8> {
    let s = SS as usize;
    let (w, h) = (pw / s, ph / s);
    let mut out = vec![0u8; w * h * 3];
    let n = (s * s) as u32;
    for y in 0..h {
        for x in 0..w {
            for ch in 0..3 {
                let mut sum = 0u32;
                for dy in 0..s {
                    let row = (y * s + dy) * pw;
                    for dx in 0..s {
                        sum += buf[(row + x * s + dx) * 3 + ch] as u32;
                    }
                }
                out[(y * w + x) * 3 + ch] = ((sum + n / 2) / n) as u8;
            }
        }
    }
    out
}

/// Encodes an 8-bit RGB buffer as PNG.
fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, RenderError> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Balanced);
    let mut writer = enc
        .write_header()
        .map_err(|e| RenderError::Encode(e.to_string()))?;
    writer
        .write_image_data(rgb)
        .map_err(|e| RenderError::Encode(e.to_string()))?;
    writer
        .finish()
        .map_err(|e| RenderError::Encode(e.to_string()))?;
    Ok(out)
}
