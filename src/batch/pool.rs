//! An ordered parallel map over std threads: items are worked on by every core and the results are
//! handed back in input order, with a bounded number in flight so memory stays flat on endless input.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, TryRecvError, channel, sync_channel};

/// Where the results of [`ordered_map`] go, on the calling thread, in input order.
pub trait Sink<O> {
    /// Takes the result of the next item (or the message of a panic while working on it).
    /// Returning `false` stops the run: no further item is started.
    fn emit(&mut self, result: Result<O, String>) -> bool;

    /// Called when no result is ready yet, before waiting: the moment to flush output.
    fn idle(&mut self) {}
}

/// Runs `work` on every item with `jobs` threads and hands each result to `sink` in input order.
/// At most `window` items are taken from `items` ahead of the oldest one not yet emitted, so a slow
/// item never lets results pile up. A panic inside `work` becomes that item's `Err`, the rest go on.
pub fn ordered_map<I, O>(
    items: impl Iterator<Item = I> + Send,
    jobs: usize,
    window: usize,
    work: impl Fn(I) -> O + Sync,
    sink: &mut impl Sink<O>,
) where
    I: Send,
    O: Send,
{
    let jobs = jobs.max(1);
    let window = window.max(jobs);
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).ok();
    }
    let (work_tx, work_rx) = sync_channel::<(u64, I)>(jobs);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = channel::<(u64, Result<O, String>)>();
    std::thread::scope(|scope| {
        scope.spawn(move || feed(items, &credit_rx, &work_tx));
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let (work_rx, work) = (&work_rx, &work);
            scope.spawn(move || {
                while let Some((seq, item)) = work_rx.lock().ok().and_then(|rx| rx.recv().ok()) {
                    let result = catch_unwind(AssertUnwindSafe(|| work(item))).map_err(|p| panic_message(&*p));
                    if done_tx.send((seq, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        reorder(&done_rx, Some(credit_tx), sink);
    });
}

/// Takes one credit per item from `credits` and passes the numbered item on to the workers.
fn feed<I>(mut items: impl Iterator<Item = I>, credits: &Receiver<()>, work: &std::sync::mpsc::SyncSender<(u64, I)>) {
    let mut seq = 0u64;
    while credits.recv().is_ok() {
        let Some(item) = items.next() else { break };
        if work.send((seq, item)).is_err() {
            break;
        }
        seq += 1;
    }
}

/// Emits results in sequence order, returning one credit per emitted result; dropping the credits
/// (when the sink says stop) ends the feeder, and results still arriving are discarded.
fn reorder<O>(
    done: &Receiver<(u64, Result<O, String>)>,
    mut credits: Option<std::sync::mpsc::SyncSender<()>>,
    sink: &mut impl Sink<O>,
) {
    let mut waiting = BTreeMap::new();
    let mut next = 0u64;
    loop {
        let (seq, result) = match done.try_recv() {
            Ok(message) => message,
            Err(TryRecvError::Disconnected) => break,
            Err(TryRecvError::Empty) => {
                if credits.is_some() {
                    sink.idle();
                }
                match done.recv() {
                    Ok(message) => message,
                    Err(_) => break,
                }
            }
        };
        waiting.insert(seq, result);
        while let Some(result) = waiting.remove(&next) {
            next += 1;
            let Some(tx) = &credits else { continue };
            if sink.emit(result) {
                tx.send(()).ok();
            } else {
                credits = None;
            }
        }
    }
}

/// The text of a panic payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects results and stops after `limit` of them.
    struct Collect {
        got: Vec<Result<u64, String>>,
        limit: usize,
    }

    impl Sink<u64> for Collect {
        fn emit(&mut self, result: Result<u64, String>) -> bool {
            self.got.push(result);
            self.got.len() < self.limit
        }
    }

    #[test]
    fn results_come_back_in_input_order_whatever_the_work_time() {
        let mut sink = Collect { got: Vec::new(), limit: usize::MAX };
        let work = |i: u64| {
            std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 300));
            i * 2
        };
        ordered_map(0..500u64, 4, 16, work, &mut sink);
        let want: Vec<Result<u64, String>> = (0..500).map(|i| Ok(i * 2)).collect();
        assert_eq!(sink.got, want);
    }

    #[test]
    fn a_panic_fails_only_its_item() {
        let mut sink = Collect { got: Vec::new(), limit: usize::MAX };
        let work = |i: u64| {
            assert!(i != 3, "item three is broken");
            i
        };
        ordered_map(0..6u64, 2, 4, work, &mut sink);
        assert_eq!(sink.got.len(), 6);
        assert!(matches!(&sink.got[3], Err(m) if m.contains("item three is broken")), "{:?}", sink.got[3]);
        assert!(sink.got.iter().enumerate().all(|(i, r)| i == 3 || r == &Ok(i as u64)));
    }

    #[test]
    fn stopping_early_starts_no_more_than_the_window() {
        let started = std::sync::atomic::AtomicU64::new(0);
        let mut sink = Collect { got: Vec::new(), limit: 3 };
        let work = |i: u64| {
            started.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            i
        };
        ordered_map(0..1_000_000u64, 2, 8, work, &mut sink);
        assert_eq!(sink.got.len(), 3);
        assert!(started.into_inner() <= 3 + 8, "the feeder stops once the sink says stop");
    }

    #[test]
    fn memory_stays_bounded_behind_a_slow_item() {
        let in_flight = std::sync::atomic::AtomicI64::new(0);
        let peak = std::sync::atomic::AtomicI64::new(0);
        struct Count<'a>(&'a std::sync::atomic::AtomicI64);
        impl Sink<u64> for Count<'_> {
            fn emit(&mut self, _: Result<u64, String>) -> bool {
                self.0.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                true
            }
        }
        let work = |i: u64| {
            let now = in_flight.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            peak.fetch_max(now, std::sync::atomic::Ordering::SeqCst);
            if i == 0 {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            i
        };
        ordered_map(0..200u64, 3, 10, work, &mut Count(&in_flight));
        assert!(peak.into_inner() <= 10, "never more than the window between start and emit");
    }
}
