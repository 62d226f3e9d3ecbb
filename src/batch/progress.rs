//! A one-line progress bar with rate and ETA for long batches, drawn on stderr when it is a terminal.

use std::io::Write as _;
use std::time::{Duration, Instant};

/// How often the bar is redrawn at most.
const REDRAW: Duration = Duration::from_millis(100);
/// Width of the bar itself, in cells.
const BAR_WIDTH: usize = 24;

/// Counts finished documents and bytes, and draws them as a bar when asked to.
#[derive(Debug)]
pub struct Progress {
    total: Option<u64>,
    done: u64,
    failed: u64,
    bytes: u64,
    start: Instant,
    last_draw: Option<Instant>,
    visible: bool,
}

impl Progress {
    /// A progress counter over `total` documents (unknown for a stream); drawn only when `visible`.
    pub fn new(total: Option<u64>, visible: bool) -> Self {
        Self { total, done: 0, failed: 0, bytes: 0, start: Instant::now(), last_draw: None, visible }
    }

    /// Records one finished document of `bytes` raw bytes, failed or not, and redraws if due.
    pub fn record(&mut self, bytes: u64, ok: bool) {
        self.done += 1;
        self.bytes += bytes;
        if !ok {
            self.failed += 1;
        }
        self.draw(false);
    }

    /// Documents finished so far (failed ones included).
    pub fn done(&self) -> u64 {
        self.done
    }

    /// Documents that failed so far.
    pub fn failed(&self) -> u64 {
        self.failed
    }

    /// Raw bytes of the documents finished so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Time since the batch started.
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Redraws the bar if it is visible and the last draw is old enough (or `force`).
    pub fn draw(&mut self, force: bool) {
        if !self.visible || (!force && self.last_draw.is_some_and(|t| t.elapsed() < REDRAW)) {
            return;
        }
        self.last_draw = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        write!(err, "\r{}\x1b[K", self.line()).ok();
        err.flush().ok();
    }

    /// Erases the bar so the next message starts on a clean line.
    pub fn clear(&mut self) {
        if self.visible && self.last_draw.is_some() {
            let mut err = std::io::stderr().lock();
            write!(err, "\r\x1b[K").ok();
            err.flush().ok();
            self.last_draw = None;
        }
    }

    /// The text of the bar: `[####----] 120/480 25% 3.1 MB/s ETA 0:42 (2 failed)`.
    pub fn line(&self) -> String {
        let secs = self.elapsed().as_secs_f64().max(1e-9);
        let rate = format!("{:.1} MB/s", self.bytes as f64 / 1e6 / secs);
        let failed = if self.failed > 0 { format!(" ({} failed)", self.failed) } else { String::new() };
        match self.total {
            Some(total) if total > 0 => {
                let fraction = (self.done as f64 / total as f64).min(1.0);
                let filled = (fraction * BAR_WIDTH as f64).round() as usize;
                let bar = format!("{}{}", "#".repeat(filled), "-".repeat(BAR_WIDTH - filled));
                let eta = if self.done == 0 {
                    "--:--".to_string()
                } else {
                    clock(secs * (total.saturating_sub(self.done)) as f64 / self.done as f64)
                };
                format!("[{bar}] {}/{total} {:.0}% {rate} ETA {eta}{failed}", self.done, fraction * 100.0)
            }
            _ => format!("{} documents {rate} {}{failed}", self.done, clock(secs)),
        }
    }
}

/// Seconds as `m:ss` or `h:mm:ss`.
fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_shows_count_percentage_and_failures() {
        let mut p = Progress::new(Some(4), false);
        assert!(p.line().contains("ETA --:--"), "{}", p.line());
        p.record(1000, true);
        p.record(1000, false);
        let line = p.line();
        assert!(line.starts_with("[############------------] 2/4 50%"), "{line}");
        assert!(line.contains("(1 failed)") && line.contains("ETA "), "{line}");
    }

    #[test]
    fn streams_without_a_total_show_a_count() {
        let mut p = Progress::new(None, false);
        p.record(10, true);
        assert!(p.line().starts_with("1 documents"), "{}", p.line());
    }

    #[test]
    fn clock_formats_minutes_and_hours() {
        assert_eq!(clock(42.4), "0:42");
        assert_eq!(clock(3725.0), "1:02:05");
    }
}
