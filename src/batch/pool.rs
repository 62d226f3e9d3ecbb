//! An ordered parallel map over std threads: items are worked on by every core and the results are
//! handed back in input order, with a bounded number in flight so memory stays flat on endless input.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

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
///
/// Workers take items straight from the iterator (there is no feeder thread to wake for every
/// item) and leave results for the calling thread, which emits them in order. The calling thread
/// is woken when half the window waits to be emitted, when the workers are done, or after
/// [`EMIT_EVERY`]; not for every result, since on a busy machine each wake-up pre-empts a worker.
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
    let queue = Queue::new(items, window.max(jobs) as u64);
    let results = Results::new(jobs, window.max(jobs) / 2);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (queue, results, work) = (&queue, &results, &work);
            scope.spawn(move || {
                let _leaving = Leaving(results);
                while let Some((seq, item)) = queue.take() {
                    let result = catch_unwind(AssertUnwindSafe(|| work(item))).map_err(|p| panic_message(&*p));
                    results.put(seq, result);
                }
            });
        }
        let _stop = StopOnDrop(&queue);
        reorder(&results, &queue, sink);
    });
}

/// Stops the queue when the calling thread leaves [`reorder`], also by a panic in the sink, so no
/// worker waits for room that would never come.
struct StopOnDrop<'a, It: Iterator>(&'a Queue<It>);

impl<It: Iterator> Drop for StopOnDrop<'_, It> {
    fn drop(&mut self) {
        self.0.emitted(0, true);
    }
}

/// How long the calling thread lets finished results wait at most before it emits them.
const EMIT_EVERY: Duration = Duration::from_millis(5);

/// Finished results waiting to be emitted, and how many workers still run.
struct Results<O> {
    state: Mutex<Finished<O>>,
    /// Signalled when the calling thread should emit: enough results wait, or a worker left.
    ready: Condvar,
    /// Results waiting that make the calling thread come at once.
    batch: usize,
}

/// The part of [`Results`] behind its lock.
struct Finished<O> {
    done: BTreeMap<u64, Result<O, String>>,
    workers: usize,
}

impl<O> Results<O> {
    /// Results of `workers` workers; the calling thread is woken once `batch` wait.
    fn new(workers: usize, batch: usize) -> Self {
        let state = Mutex::new(Finished { done: BTreeMap::new(), workers });
        Self { state, ready: Condvar::new(), batch: batch.max(1) }
    }

    /// Leaves the result of item `seq`.
    fn put(&self, seq: u64, result: Result<O, String>) {
        let Ok(mut state) = self.state.lock() else { return };
        state.done.insert(seq, result);
        if state.done.len() >= self.batch {
            self.ready.notify_one();
        }
    }

    /// The results from `next` on that are ready, in order, and whether every worker has left.
    /// Waits (up to [`EMIT_EVERY`]) first when none is ready and `wait` is set.
    fn take_ready(&self, next: u64, wait: bool) -> (Vec<Result<O, String>>, bool) {
        let Ok(mut state) = self.state.lock() else { return (Vec::new(), true) };
        if wait && state.workers > 0 && !state.done.contains_key(&next) {
            state = match self.ready.wait_timeout(state, EMIT_EVERY) {
                Ok((state, _)) => state,
                Err(_) => return (Vec::new(), true),
            };
        }
        let mut ready = Vec::new();
        while let Some(result) = state.done.remove(&(next + ready.len() as u64)) {
            ready.push(result);
        }
        (ready, state.workers == 0 && state.done.is_empty())
    }
}

/// Counts a worker out when it ends, even by a panic outside `work`, and wakes the calling thread.
struct Leaving<'a, O>(&'a Results<O>);

impl<O> Drop for Leaving<'_, O> {
    fn drop(&mut self) {
        if let Ok(mut state) = self.0.state.lock() {
            state.workers -= 1;
        }
        self.0.ready.notify_one();
    }
}

/// The items not yet taken, numbered as they are taken, and how far ahead of the emitted ones
/// workers may run. The iterator has a lock of its own: a worker waiting for the next line of
/// stdin never keeps the calling thread from recording (and flushing) what it emitted.
struct Queue<It> {
    items: Mutex<Numbered<It>>,
    window: Mutex<Window>,
    /// Signalled when results are emitted (room in the window) or the run stops.
    room: Condvar,
    /// Items that may be taken ahead of the oldest one not yet emitted.
    size: u64,
}

/// The iterator and the number the next item it yields gets.
struct Numbered<It> {
    items: It,
    next: u64,
    /// Whether the iterator has ended (it is not asked again).
    ended: bool,
}

/// Places in the window: reserved by workers about to take an item, freed as results are emitted.
struct Window {
    reserved: u64,
    emitted: u64,
    /// Workers waiting for room.
    waiting: usize,
    /// Whether no further item is to be started (the sink said stop, or the items ran out).
    stopped: bool,
}

impl<I, It: Iterator<Item = I>> Queue<It> {
    /// A queue over `items` letting workers run up to `size` items ahead.
    fn new(items: It, size: u64) -> Self {
        Self {
            items: Mutex::new(Numbered { items, next: 0, ended: false }),
            window: Mutex::new(Window { reserved: 0, emitted: 0, waiting: 0, stopped: false }),
            room: Condvar::new(),
            size,
        }
    }

    /// The next item and its number, once the window has room for it; `None` when the items ran
    /// out or the run stopped (or another worker panicked inside the iterator).
    fn take(&self) -> Option<(u64, I)> {
        self.reserve()?;
        let mut numbered = self.items.lock().ok()?;
        let item = if numbered.ended { None } else { numbered.items.next() };
        let Some(item) = item else {
            numbered.ended = true;
            drop(numbered);
            self.emitted(0, true);
            return None;
        };
        numbered.next += 1;
        Some((numbered.next - 1, item))
    }

    /// Waits for room in the window and takes a place in it; `None` once the run stopped.
    fn reserve(&self) -> Option<()> {
        let mut window = self.window.lock().ok()?;
        while !window.stopped && window.reserved >= window.emitted + self.size {
            window.waiting += 1;
            window = self.room.wait(window).ok()?;
            window.waiting -= 1;
        }
        if window.stopped {
            return None;
        }
        window.reserved += 1;
        Some(())
    }

    /// Records `count` more emitted results (`stop`: start no further item) and wakes the workers
    /// waiting for room, if any (a notification costs a system call).
    fn emitted(&self, count: u64, stop: bool) {
        let Some(mut window) = self.window.lock().ok() else { return };
        window.emitted += count;
        window.stopped |= stop;
        if window.waiting > 0 {
            self.room.notify_all();
        }
    }
}

/// Emits results in sequence order and tells the queue how many went out; when the sink says stop,
/// no further item is started and results still arriving are discarded.
fn reorder<It, O>(results: &Results<O>, queue: &Queue<It>, sink: &mut impl Sink<O>)
where
    It: Iterator,
{
    let mut next = 0u64;
    let mut running = true;
    let mut idle = false;
    loop {
        let (ready, finished) = results.take_ready(next, idle);
        if ready.is_empty() {
            if finished {
                break;
            }
            if running && !idle {
                sink.idle();
            }
            idle = true;
            continue;
        }
        idle = false;
        let mut emitted = 0u64;
        for result in ready {
            next += 1;
            if running {
                running = sink.emit(result);
                emitted += 1;
            }
        }
        queue.emitted(emitted, !running);
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
    fn output_is_flushed_while_a_worker_waits_for_input() {
        // Like a client that sends the next line of stdin only after reading the previous result.
        let flushed = std::sync::atomic::AtomicBool::new(false);
        struct Flush<'a>(&'a std::sync::atomic::AtomicBool, Vec<u64>);
        impl Sink<u64> for Flush<'_> {
            fn emit(&mut self, result: Result<u64, String>) -> bool {
                self.1.extend(result.ok());
                true
            }
            fn idle(&mut self) {
                if !self.1.is_empty() {
                    self.0.store(true, std::sync::atomic::Ordering::SeqCst);
                }
            }
        }
        let in_time = std::sync::atomic::AtomicBool::new(false);
        let items = (0..2u64).inspect(|&i| {
            let start = std::time::Instant::now();
            while i == 1 && start.elapsed().as_secs() < 5 {
                if flushed.load(std::sync::atomic::Ordering::SeqCst) {
                    in_time.store(true, std::sync::atomic::Ordering::SeqCst);
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        });
        let mut sink = Flush(&flushed, Vec::new());
        ordered_map(items, 2, 8, |i| i, &mut sink);
        assert_eq!(sink.1, vec![0, 1]);
        assert!(in_time.load(std::sync::atomic::Ordering::SeqCst), "flushed before the second item arrived");
    }

    #[test]
    fn a_panicking_sink_does_not_leave_workers_waiting() {
        struct Panics;
        impl Sink<u64> for Panics {
            fn emit(&mut self, _: Result<u64, String>) -> bool {
                panic!("sink bug");
            }
        }
        let run = std::panic::catch_unwind(|| ordered_map(0..1_000u64, 2, 4, |i| i, &mut Panics));
        assert!(run.is_err(), "the panic reaches the caller instead of hanging");
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
