//! What the publisher says while it works. On a terminal a large archive
//! takes a minute or two, so it shows the stage it is in and how far along
//! (reading, checking, rendering, writing, with counts); in CI and when
//! piped it stays quiet and only the summary line is printed. With
//! `PORTAL_PUBLISHER_TIMINGS` set it also prints how long each stage took
//! (the publish benchmark reads these).

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The environment variable that asks for per-stage timings on stderr.
pub const TIMINGS_VAR: &str = "PORTAL_PUBLISHER_TIMINGS";

pub struct Progress {
    bar: Option<ProgressBar>,
    timings: bool,
    /// The stage under way and when it started.
    stage: Mutex<Option<(String, Instant)>>,
}

impl Progress {
    /// Says nothing (tests, library callers).
    pub fn hidden() -> Self {
        Self {
            bar: None,
            timings: false,
            stage: Mutex::new(None),
        }
    }

    /// A bar on stderr when it is a terminal; stage timings when
    /// [`TIMINGS_VAR`] is set.
    pub fn on_stderr() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {msg:<24} {human_pos:>9}/{human_len:9} {wide_bar} {elapsed}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self {
            bar,
            timings: std::env::var_os(TIMINGS_VAR).is_some(),
            stage: Mutex::new(None),
        }
    }

    /// Ends the stage under way and starts `name`, which has `total` steps
    /// (0 when it is not counted).
    pub fn stage(&self, name: impl Into<String>, total: usize) {
        let name = name.into();
        self.end_stage();
        if let Some(bar) = &self.bar {
            // Count first, then name: a redraw between them never shows the
            // new stage with the old stage's count.
            bar.set_length(total as u64);
            bar.set_position(0);
            bar.set_message(name.clone());
        }
        if let Ok(mut stage) = self.stage.lock() {
            *stage = Some((name, Instant::now()));
        }
    }

    /// One more step of the stage done.
    pub fn step(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// One of the stage's jobs (run side by side, see
    /// [`crate::parallel`]) is done after `took`.
    pub fn job_done(&self, name: &str, took: Duration) {
        self.step();
        self.timing(4, name, took);
    }

    /// A part of a job done: its time, with the timings only (the bar
    /// counts jobs), under the job's.
    pub fn part_done(&self, name: &str, took: Duration) {
        self.timing(6, name, took);
    }

    fn timing(&self, indent: usize, name: &str, took: Duration) {
        if self.timings {
            self.say(format!("{:>8.2} s{:indent$}{name}", took.as_secs_f64(), ""));
        }
    }

    /// Ends the last stage and clears the bar.
    pub fn finish(&self) {
        self.end_stage();
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn end_stage(&self) {
        let Ok(mut stage) = self.stage.lock() else {
            return;
        };
        if let (Some((name, started)), true) = (stage.take(), self.timings) {
            self.say(format!(
                "{:>8.2} s  {name}{}",
                started.elapsed().as_secs_f64(),
                peak_memory().map_or(String::new(), |mb| format!(" (peak so far {mb} MB)"))
            ));
        }
    }

    /// A line on stderr, above the bar when there is one (not through it).
    fn say(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
}

/// The process's peak resident memory in MB, where the system tells
/// (`VmHWM` in Linux's `/proc/self/status`).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hidden_progress_takes_any_sequence_of_calls() {
        let progress = Progress::hidden();
        progress.step();
        progress.stage("reading", 3);
        progress.step();
        progress.stage("writing", 0);
        progress.finish();
        progress.finish();
        assert!(progress.stage.lock().unwrap().is_none());
    }
}
