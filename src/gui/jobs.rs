//! Long work off the UI thread (opening a big corpus, scanning saved annotations): a worker thread
//! with a progress counter and a cancel flag, polled once per frame.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// What a worker sees: where to report progress, whether to stop, and where to send partial results.
pub struct Worker<M> {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    out: Sender<M>,
    wake: Box<dyn Fn() + Send>,
}

impl<M> Worker<M> {
    /// Sets how many steps the work has.
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// Records that one more step is done.
    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Whether the person asked to stop.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Sends a (partial) result to the UI and wakes it.
    pub fn send(&self, message: M) {
        self.out.send(message).ok();
        (self.wake)();
    }
}

/// A running background job producing messages of type `M`.
pub struct Job<M> {
    /// What the job is doing, for the progress bar.
    pub title: String,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    inbox: Receiver<M>,
    finished: bool,
}

impl<M: Send + 'static> Job<M> {
    /// Starts `work` on a named thread; `wake` is called whenever it sends something (to repaint).
    pub fn spawn(
        title: impl Into<String>,
        wake: impl Fn() + Send + 'static,
        work: impl FnOnce(&Worker<M>) + Send + 'static,
    ) -> std::io::Result<Self> {
        let (out, inbox) = mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let worker =
            Worker { done: done.clone(), total: total.clone(), cancel: cancel.clone(), out, wake: Box::new(wake) };
        let title = title.into();
        std::thread::Builder::new().name(format!("redline: {title}")).spawn(move || {
            work(&worker);
            (worker.wake)();
        })?;
        Ok(Self { title, done, total, cancel, inbox, finished: false })
    }

    /// The messages sent since the last call.
    pub fn poll(&mut self) -> Vec<M> {
        let mut out = Vec::new();
        loop {
            match self.inbox.try_recv() {
                Ok(m) => out.push(m),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.finished = true;
                    break;
                }
            }
        }
        out
    }

    /// Whether the worker has ended and every message was taken.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Progress as (done, total); total is 0 while unknown.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }

    /// Asks the worker to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_progress_results_and_stops_when_cancelled() {
        let mut job = Job::spawn(
            "count",
            || {},
            |w: &Worker<usize>| {
                w.set_total(1_000_000);
                for i in 0..1_000_000 {
                    if w.cancelled() {
                        return;
                    }
                    w.step();
                    if i == 0 {
                        w.send(i);
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                }
            },
        )
        .expect("spawn");
        let mut got = Vec::new();
        while got.is_empty() {
            got.extend(job.poll());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        job.cancel();
        while !job.is_finished() {
            got.extend(job.poll());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(got, vec![0]);
        let (done, total) = job.progress();
        assert_eq!(total, 1_000_000);
        assert!(done < total, "cancelled before the end: {done}");
    }
}
