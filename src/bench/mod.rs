//! `redline bench`: measured figures for the speed targets (pipeline throughput, batch scaling,
//! opening huge corpora, saving, model commands on a megabyte document), printed as a table.

pub mod model;
pub mod open;
pub mod save;
pub mod synth;
pub mod throughput;

use std::time::{Duration, Instant};

/// One measured figure with the target it is held to.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What was measured.
    pub name: String,
    /// The measured value.
    pub value: f64,
    /// Unit of the value (`ms`, `MB/s`, `MB`, `x`).
    pub unit: &'static str,
    /// The target, if there is one.
    pub target: Option<Target>,
}

/// A bound a figure must stay within.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// The value must be at most this.
    AtMost(f64),
    /// The value must be at least this.
    AtLeast(f64),
}

impl Figure {
    /// A figure held to a target.
    pub fn new(name: impl Into<String>, value: f64, unit: &'static str, target: Option<Target>) -> Self {
        Self { name: name.into(), value, unit, target }
    }

    /// Whether the figure meets its target (`None` without one).
    pub fn met(&self) -> Option<bool> {
        self.target.map(|t| match t {
            Target::AtMost(limit) => self.value <= limit,
            Target::AtLeast(limit) => self.value >= limit,
        })
    }
}

/// The figures as a Markdown table: name, value, target, verdict.
pub fn table(figures: &[Figure]) -> String {
    let mut out = String::from("| figure | measured | target | |\n|---|---:|---:|---|\n");
    for f in figures {
        let target = match f.target {
            Some(Target::AtMost(t)) => format!("≤ {} {}", number(t), f.unit),
            Some(Target::AtLeast(t)) => format!("≥ {} {}", number(t), f.unit),
            None => String::new(),
        };
        let verdict = match f.met() {
            Some(true) => "met",
            Some(false) => "MISSED",
            None => "",
        };
        out.push_str(&format!("| {} | {} {} | {target} | {verdict} |\n", f.name, number(f.value), f.unit));
    }
    out
}

/// A number with as many decimals as its size deserves.
fn number(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// Milliseconds of a duration.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Runs `f` `runs` times and returns the median and worst duration.
pub fn repeat(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

/// Resident memory now and at its peak, in MB, from `/proc/self/status` (Linux only).
pub fn resident_mb() -> Option<(f64, f64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse::<f64>()
            .ok()
            .map(|kb| kb / 1024.0)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_judged_against_their_targets() {
        assert_eq!(Figure::new("a", 3.0, "ms", Some(Target::AtMost(4.0))).met(), Some(true));
        assert_eq!(Figure::new("b", 90.0, "MB/s", Some(Target::AtLeast(100.0))).met(), Some(false));
        let t = table(&[Figure::new("b", 90.0, "MB/s", Some(Target::AtLeast(100.0)))]);
        assert!(t.contains("| b | 90.0 MB/s | ≥ 100 MB/s | MISSED |"), "{t}");
    }

    #[test]
    fn resident_memory_is_read_on_linux() {
        if cfg!(target_os = "linux") {
            let (now, peak) = resident_mb().expect("/proc/self/status");
            assert!(now > 0.0 && peak >= now);
        }
    }
}
