//! PNG charts for reports: the influence map and the figures around it.
//!
//! Every chart is a function from a plain input struct (no dataset types: the caller maps its
//! data into it) and a [`Size`] to PNG bytes, drawn with plotters into memory so the caller can
//! write the file atomically. Colours, fonts and margins come from [`theme`], so the same entity
//! type or relation sign looks the same in every chart. Output is deterministic: the same input
//! gives byte-identical PNGs.

mod axis;
pub mod bars;
pub mod bump;
mod canvas;
pub mod communities;
pub mod degrees;
mod frame;
mod hbar;
pub mod heatmap;
mod labels;
pub mod network;
pub mod theme;
pub mod timeline;

pub use bars::{render_bars, BarItem, BarPanel, BarsChart};
pub use bump::{render_bump, BumpChart, BumpSeries};
pub use canvas::register_fonts;
pub use communities::{render_communities, CommunitiesChart, CommunityBar};
pub use degrees::{render_degrees, DegreeSeries, DegreesChart};
pub use frame::thousands;
pub use heatmap::{render_heatmap, HeatmapChart};
pub use network::{render_network, NetArc, NetNode, NetworkChart, NetworkImage, NodeGroup};
pub use timeline::{render_timeline, Date, Granularity, Period, TimelineChart, TimelineEvent};

/// Errors raised while drawing or encoding a chart.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The requested image size is outside the supported range.
    #[error("image size {width}x{height} is not supported (each side 200..=8000 pixels, at most 16 megapixels)")]
    InvalidSize {
        /// Requested width in pixels.
        width: u32,
        /// Requested height in pixels.
        height: u32,
    },
    /// The embedded font could not be registered.
    #[error("font error: {0}")]
    Font(String),
    /// The drawing backend failed.
    #[error("drawing failed: {0}")]
    Draw(String),
    /// PNG encoding failed.
    #[error("PNG encoding failed: {0}")]
    Encode(String),
}

/// Pixel size of a chart. The default is 1600 x 1200.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            width: 1600,
            height: 1200,
        }
    }
}

impl Size {
    /// A `width` x `height` size.
    pub fn new(width: u32, height: u32) -> Size {
        Size { width, height }
    }

    /// Checks the size is drawable: each side 200..=8000 pixels and at most 16 megapixels.
    pub fn check(self) -> Result<(), RenderError> {
        let ok = (200..=8000).contains(&self.width)
            && (200..=8000).contains(&self.height)
            && self.width as u64 * self.height as u64 <= 16_000_000;
        if ok {
            Ok(())
        } else {
            Err(RenderError::InvalidSize {
                width: self.width,
                height: self.height,
            })
        }
    }
}
