//! The house style: one colour per entity type and per relation sign, a colour-blind-friendly
//! categorical palette, sequential ramps, font sizes and margins.
//!
//! Every chart takes its colours from here, so an outlet is the same orange in the influence map,
//! the bar charts and the community chart, and hostile is the same red on arcs and in heatmaps.

/// An opaque sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour `0xRRGGBB`.
    pub const fn hex(v: u32) -> Rgb {
        Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
    }

    /// Linear blend towards `other`: `t = 0` is `self`, `t = 1` is `other`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let f = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Rgb(f(self.0, other.0), f(self.1, other.1), f(self.2, other.2))
    }

    /// Relative luminance (WCAG 2.x), 0 for black to 1 for white: decides whether text drawn on
    /// this colour should be dark or light.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// `#rrggbb`.
    pub fn to_hex_string(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The kinds of entity an influence dataset describes. Callers map their own type strings with
/// [`EntityKind::parse`]; anything unrecognised is [`EntityKind::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A country or its government.
    State,
    /// A media outlet (newspaper, broadcaster, website, channel).
    Outlet,
    /// A candidate for office.
    Candidate,
    /// A public official or politician in office.
    Official,
    /// A government agency or service.
    Agency,
    /// A political party.
    Party,
    /// An electoral or influence campaign.
    Campaign,
    /// A company, NGO, foundation or other organisation.
    Organization,
    /// A private person.
    Person,
    /// An informal group, movement or network.
    Group,
    /// Unknown or any other kind.
    Other,
}

impl EntityKind {
    /// Every kind, in legend order.
    pub const ALL: [EntityKind; 11] = [
        EntityKind::State,
        EntityKind::Outlet,
        EntityKind::Candidate,
        EntityKind::Official,
        EntityKind::Agency,
        EntityKind::Party,
        EntityKind::Campaign,
        EntityKind::Organization,
        EntityKind::Person,
        EntityKind::Group,
        EntityKind::Other,
    ];

    /// The fixed colour of this kind (Tableau 10/20 hues; red and green are left to signs).
    pub fn color(self) -> Rgb {
        match self {
            EntityKind::State => Rgb::hex(0x4E79A7),
            EntityKind::Outlet => Rgb::hex(0xF28E2B),
            EntityKind::Candidate => Rgb::hex(0xB07AA1),
            EntityKind::Official => Rgb::hex(0x76B7B2),
            EntityKind::Agency => Rgb::hex(0x9C755F),
            EntityKind::Party => Rgb::hex(0xEDC948),
            EntityKind::Campaign => Rgb::hex(0xFF9DA7),
            EntityKind::Organization => Rgb::hex(0xB6992D),
            EntityKind::Person => Rgb::hex(0xD37295),
            EntityKind::Group => Rgb::hex(0x2F4B7C),
            EntityKind::Other => Rgb::hex(0xBAB0AC),
        }
    }

    /// The legend label of this kind.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::State => "State",
            EntityKind::Outlet => "Media outlet",
            EntityKind::Candidate => "Candidate",
            EntityKind::Official => "Official",
            EntityKind::Agency => "Agency",
            EntityKind::Party => "Party",
            EntityKind::Campaign => "Campaign",
            EntityKind::Organization => "Organization",
            EntityKind::Person => "Person",
            EntityKind::Group => "Group",
            EntityKind::Other => "Other",
        }
    }

    /// Maps a free-form type name (case-insensitive, common synonyms) to a kind.
    pub fn parse(name: &str) -> EntityKind {
        match name.trim().to_ascii_lowercase().as_str() {
            "state" | "country" | "government" | "nation" => EntityKind::State,
            "outlet" | "media" | "media outlet" | "newspaper" | "broadcaster" | "channel" => {
                EntityKind::Outlet
            }
            "candidate" => EntityKind::Candidate,
            "official" | "politician" | "minister" => EntityKind::Official,
            "agency" | "ministry" | "service" => EntityKind::Agency,
            "party" | "political party" => EntityKind::Party,
            "campaign" | "operation" => EntityKind::Campaign,
            "organization" | "organisation" | "company" | "ngo" | "foundation" => {
                EntityKind::Organization
            }
            "person" | "individual" => EntityKind::Person,
            "group" | "movement" | "network" => EntityKind::Group,
            _ => EntityKind::Other,
        }
    }
}

/// The sign of an influence relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sign {
    /// Attacks, sanctions, criticism.
    Hostile,
    /// Funding, endorsement, amplification.
    Supportive,
    /// Contact, membership, coverage without a clear sign.
    Neutral,
}

impl Sign {
    /// Every sign, in legend order.
    pub const ALL: [Sign; 3] = [Sign::Hostile, Sign::Supportive, Sign::Neutral];

    /// The fixed colour of this sign: a red and a blue-leaning green that stay apart in
    /// lightness and hue for red-green colour-blind readers, and a neutral grey.
    pub fn color(self) -> Rgb {
        match self {
            Sign::Hostile => Rgb::hex(0xD7301F),
            Sign::Supportive => Rgb::hex(0x1A9E77),
            Sign::Neutral => Rgb::hex(0x9A9A9A),
        }
    }

    /// The legend label of this sign.
    pub fn label(self) -> &'static str {
        match self {
            Sign::Hostile => "Hostile",
            Sign::Supportive => "Supportive",
            Sign::Neutral => "Neutral",
        }
    }
}

/// Categorical palette for communities and other unordered series: Tableau 10 followed by its
/// lighter Tableau 20 companions.
pub const CATEGORICAL: [Rgb; 20] = [
    Rgb::hex(0x4E79A7),
    Rgb::hex(0xF28E2B),
    Rgb::hex(0xE15759),
    Rgb::hex(0x76B7B2),
    Rgb::hex(0x59A14F),
    Rgb::hex(0xEDC948),
    Rgb::hex(0xB07AA1),
    Rgb::hex(0xFF9DA7),
    Rgb::hex(0x9C755F),
    Rgb::hex(0xBAB0AC),
    Rgb::hex(0xA0CBE8),
    Rgb::hex(0xFFBE7D),
    Rgb::hex(0xFF9D9A),
    Rgb::hex(0x86BCB6),
    Rgb::hex(0x8CD17D),
    Rgb::hex(0xF1CE63),
    Rgb::hex(0xD4A6C8),
    Rgb::hex(0xFABFD2),
    Rgb::hex(0xD7B5A6),
    Rgb::hex(0x79706E),
];

/// Colour of the `i`-th community (or series); beyond the palette every index gets
/// [`OVERFLOW`], so callers should merge small communities into an "other" group.
pub fn community_color(i: usize) -> Rgb {
    CATEGORICAL.get(i).copied().unwrap_or(OVERFLOW)
}

/// Colour for items beyond the categorical palette.
pub const OVERFLOW: Rgb = Rgb::hex(0xD0D0D0);
/// Body text.
pub const INK: Rgb = Rgb::hex(0x222222);
/// Secondary text: subtitles, notes, tick labels.
pub const MUTED: Rgb = Rgb::hex(0x5F5F5F);
/// Axis lines and ticks.
pub const AXIS: Rgb = Rgb::hex(0x8A8A8A);
/// Grid lines.
pub const GRID: Rgb = Rgb::hex(0xE8E8E8);
/// Page background.
pub const BACKGROUND: Rgb = Rgb(255, 255, 255);

/// The text colour, [`INK`] or white, with the higher WCAG contrast ratio on `background`.
pub fn text_on(background: Rgb) -> Rgb {
    let l = background.luminance();
    let contrast_white = 1.05 / (l + 0.05);
    let contrast_ink = (l + 0.05) / (INK.luminance() + 0.05);
    if contrast_ink >= contrast_white {
        INK
    } else {
        BACKGROUND
    }
}

/// A sequential ramp for magnitudes of one sign: near-white at `t = 0`, the sign's colour at
/// `t = 0.65`, a darker shade at `t = 1`.
pub fn ramp(sign: Sign, t: f64) -> Rgb {
    let base = sign.color();
    let light = BACKGROUND.mix(base, 0.07);
    let dark = base.mix(Rgb(0, 0, 0), 0.45);
    let t = t.clamp(0.0, 1.0);
    if t <= 0.65 {
        light.mix(base, t / 0.65)
    } else {
        base.mix(dark, (t - 0.65) / 0.35)
    }
}

/// Font sizes in pixels (em size) for a 1600-pixel-wide figure; charts scale them with the
/// figure via [`scale_for`].
pub mod font {
    /// Figure title.
    pub const TITLE: f64 = 26.0;
    /// Subtitle under the title.
    pub const SUBTITLE: f64 = 16.0;
    /// Panel titles.
    pub const PANEL: f64 = 17.0;
    /// Axis titles and legend headers.
    pub const AXIS_TITLE: f64 = 15.0;
    /// Tick labels, category names, legend entries.
    pub const LABEL: f64 = 14.0;
    /// Value annotations, node labels.
    pub const SMALL: f64 = 13.0;
    /// Notes at the foot of a figure.
    pub const NOTE: f64 = 13.0;
}

/// Outer margin of every figure, in pixels at 1600 wide.
pub const MARGIN: f64 = 32.0;

/// Scale factor of fonts and margins for a figure of `width` x `height` pixels: 1 at the default
/// 1600 x 1200; for other sizes it follows the smaller of the two ratios, damped (power 0.7) so
/// that text in small figures stays legible, and clamped to 0.7..2.5.
pub fn scale_for(width: u32, height: u32) -> f64 {
    let s = (width as f64 / 1600.0).min(height as f64 / 1200.0);
    s.powf(0.7).clamp(0.7, 2.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_distinct_colours() {
        let mut seen = std::collections::HashSet::new();
        for k in EntityKind::ALL {
            assert!(seen.insert(k.color()), "{k:?} shares a colour");
        }
        for s in Sign::ALL {
            assert!(seen.insert(s.color()), "{s:?} shares a colour with a kind");
        }
    }

    #[test]
    fn parse_is_lenient() {
        assert_eq!(EntityKind::parse(" Media "), EntityKind::Outlet);
        assert_eq!(EntityKind::parse("STATE"), EntityKind::State);
        assert_eq!(EntityKind::parse("bot farm"), EntityKind::Other);
    }

    #[test]
    fn ramp_runs_light_to_dark() {
        let l = |t| ramp(Sign::Hostile, t).luminance();
        assert!(l(0.0) > l(0.5) && l(0.5) > l(1.0));
        assert_eq!(ramp(Sign::Supportive, 0.65), Sign::Supportive.color());
    }
}
