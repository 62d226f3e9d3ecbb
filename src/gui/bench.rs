//! Frame times of the real workbench, headless: a document is opened, then frames are run through
//! egui and tessellated with no window, while scrolling and right after hand edits (keystrokes).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{self, Event, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase, vec2};

use super::{NativePicker, Options, Workbench};
use crate::model::Command;

/// How long opening the document may take before the measurement gives up.
const OPEN_TIMEOUT: Duration = Duration::from_secs(120);

/// CPU time of each measured frame (egui run + tessellation; a keystroke's command included).
#[derive(Debug, Clone, Default)]
pub struct FrameTimes {
    /// Frames while the wheel scrolls the text.
    pub scrolling: Vec<Duration>,
    /// Frames each right after a one-character hand edit in the cleaned text.
    pub typing: Vec<Duration>,
}

/// Opens `path` in a headless workbench (1400×900 points) and measures `frames` frames of each kind.
pub fn measure(path: &Path, frames: usize) -> crate::Result<FrameTimes> {
    let options = Options { picker: Arc::new(NativePicker), recent_file: None };
    let mut app = Workbench::new(options, &[path.to_path_buf()]);
    let ctx = egui::Context::default();
    let mut clock = 0.0;
    let mut frame = |app: &mut Workbench, events: Vec<Event>| -> Duration {
        clock += 1.0 / 60.0;
        let screen = Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 900.0));
        let input = RawInput { screen_rect: Some(screen), time: Some(clock), events, ..Default::default() };
        let start = Instant::now();
        let mut out = ctx.run_ui(input, |ui| app.ui(ui));
        // No GPU here: the font atlas updates a renderer would upload are dropped on purpose.
        out.textures_delta.clear();
        let _triangles = ctx.tessellate(out.shapes, out.pixels_per_point);
        start.elapsed()
    };
    let opened_by = Instant::now() + OPEN_TIMEOUT;
    while app.project.as_ref().is_none_or(|p| p.session.is_none()) {
        if Instant::now() > opened_by {
            return Err(crate::Error::file(path, "the workbench did not open the document in time"));
        }
        frame(&mut app, Vec::new());
        std::thread::sleep(Duration::from_millis(5));
    }
    for _ in 0..5 {
        frame(&mut app, vec![Event::PointerMoved(Pos2::new(1000.0, 450.0))]);
    }
    let wheel = || Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, -120.0),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Unknown,
        modifiers: Modifiers::default(),
    };
    let scrolling = (0..frames).map(|_| frame(&mut app, vec![wheel()])).collect();
    let typing = (0..frames)
        .map(|_| {
            let start = Instant::now();
            if let Some(session) = app.project.as_mut().and_then(|p| p.session.as_mut()) {
                let text = session.doc.cleaned();
                let at = (text.len() / 2..text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(0);
                session.apply(Command::ManualEdit { start: at, end: at, text: "x".into() }).ok();
            }
            start.elapsed() + frame(&mut app, Vec::new())
        })
        .collect();
    Ok(FrameTimes { scrolling, typing })
}
