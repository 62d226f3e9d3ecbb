//! Colours and fonts of the workbench, legible in light and dark themes. Suggestion states and
//! labels are always paired with a second cue (strike-through, outline, a label tag) so nobody
//! depends on colour alone.

use eframe::egui::{self, Color32, FontId};

use crate::labels::{LabelDef, parse_hex_color};

/// Colours and fonts for one frame, derived from the current theme.
#[derive(Debug, Clone)]
pub struct Palette {
    /// Normal text.
    pub text: Color32,
    /// De-emphasised text (applied deletions, rejected replacements).
    pub weak: Color32,
    /// Background of undecided suggestions.
    pub pending: Color32,
    /// Background of deletions that are applied.
    pub removed: Color32,
    /// Background of replacement text.
    pub inserted: Color32,
    /// Strike-through and alarm colour.
    pub alarm: Color32,
    /// Outline of the focused suggestion or entity.
    pub focus: Color32,
    /// Background of the text selection.
    pub selection: Color32,
    /// The text font.
    pub font: FontId,
    /// The font of label tags and whitespace marks.
    pub small: FontId,
    dark: bool,
}

impl Palette {
    /// The palette for the current theme.
    pub fn new(style: &egui::Style) -> Self {
        let dark = style.visuals.dark_mode;
        let alpha = |r, g, b, a| Color32::from_rgba_unmultiplied(r, g, b, a);
        let body = egui::TextStyle::Body.resolve(style);
        Self {
            text: style.visuals.text_color(),
            weak: style.visuals.weak_text_color(),
            pending: if dark { alpha(255, 176, 0, 70) } else { alpha(255, 176, 0, 90) },
            removed: alpha(220, 40, 40, if dark { 60 } else { 40 }),
            inserted: alpha(0, 170, 90, if dark { 80 } else { 70 }),
            alarm: if dark { Color32::from_rgb(255, 110, 100) } else { Color32::from_rgb(200, 30, 30) },
            focus: if dark { Color32::from_rgb(120, 170, 255) } else { Color32::from_rgb(20, 80, 220) },
            selection: style.visuals.selection.bg_fill.gamma_multiply(0.6),
            font: FontId::new(body.size + 1.0, egui::FontFamily::Proportional),
            small: FontId::new((body.size - 2.0).max(9.0), egui::FontFamily::Monospace),
            dark,
        }
    }

    /// A label's colour from the project's label definitions (a stable fallback for unknown labels).
    pub fn label_color(labels: &[LabelDef], name: &str) -> Color32 {
        const FALLBACK: [[u8; 3]; 5] = [[230, 159, 0], [86, 180, 233], [0, 158, 115], [204, 121, 167], [213, 94, 0]];
        let rgb = labels.iter().find(|l| l.name == name).and_then(|l| parse_hex_color(&l.color)).unwrap_or_else(|| {
            let sum: usize = name.bytes().map(usize::from).sum();
            FALLBACK[sum % FALLBACK.len()]
        });
        Color32::from_rgb(rgb[0], rgb[1], rgb[2])
    }

    /// The background an entity of this colour gets (faint enough for the theme's text to stay
    /// legible on it): lighter still when it is only a suggestion.
    pub fn entity_fill(&self, color: Color32, suggestion: bool) -> Color32 {
        let a = match (suggestion, self.dark) {
            (true, true) => 22,
            (true, false) => 35,
            (false, true) => 55,
            (false, false) => 90,
        };
        Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), a)
    }

    /// Black or white, whichever reads better on `fill`.
    pub fn ink_on(fill: Color32) -> Color32 {
        let lum = 0.2126 * f32::from(fill.r()) + 0.7152 * f32::from(fill.g()) + 0.0722 * f32::from(fill.b());
        if lum > 110.0 { Color32::BLACK } else { Color32::WHITE }
    }
}

/// The fonts of both windows: egui's defaults, with the monospace face (Hack) as the proportional family's
/// last fallback: the proportional faces have no arrows, so a reason such as `mojibake "â€œ" → "“"` drew a box.
pub(super) fn fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    let monospace = fonts.families.get(&egui::FontFamily::Monospace).and_then(|f| f.first()).cloned();
    if let (Some(face), Some(proportional)) = (monospace, fonts.families.get_mut(&egui::FontFamily::Proportional))
        && !proportional.contains(&face)
    {
        proportional.push(face);
    }
    fonts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DocStatus;

    /// Symbols the workbench draws besides those of the help table, the status icons and the marks (the
    /// arrows come in the cleaning rules' reasons).
    const OTHER_SYMBOLS: &str = "✔✖○⚠ℹ▶…—·→←";

    #[test]
    fn every_symbol_the_workbench_draws_has_a_glyph() {
        let ctx = egui::Context::default();
        ctx.set_fonts(fonts());
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        let mut text = String::from(OTHER_SYMBOLS);
        text.push_str(super::super::render::LINE_BREAK_MARK);
        for (keys, what) in super::super::keys::HELP {
            text.push_str(keys);
            text.push_str(what);
        }
        for status in DocStatus::ALL.map(Some).into_iter().chain([None]) {
            text.push_str(super::super::layout::status_icon(status));
        }
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            let font = FontId::new(14.0, family);
            let missing: String = text.chars().filter(|&c| !ctx.fonts_mut(|f| f.has_glyph(&font, c))).collect();
            assert!(missing.is_empty(), "no glyph in {font:?} for {missing:?}");
        }
    }

    #[test]
    fn ink_is_readable_on_label_colours() {
        for def in crate::labels::default_label_defs() {
            let fill = Palette::label_color(std::slice::from_ref(&def), &def.name);
            let ink = Palette::ink_on(fill);
            let lum = |c: Color32| 0.2126 * f32::from(c.r()) + 0.7152 * f32::from(c.g()) + 0.0722 * f32::from(c.b());
            assert!((lum(fill) - lum(ink)).abs() > 90.0, "{} on {fill:?}", def.name);
        }
    }
}
