//! An ordered parallel map over std threads: items are worked on by every core and the results are
//! handed back in input order, with a bounded number in flight so memory stays flat on endless input.
//!
//! `jobs` threads do everything (the calling thread is one of them): each takes the next item,
//! works on it, and the thread that finishes the oldest outstanding item hands it, and every later
//! one already finished, to the sink. There is no reader, feeder or writer thread beside them, so
//! on N cores `-j N` keeps N threads busy and nothing else competes with them (the output's
//! `write(2)` copy into the page cache is a tenth of the per-document work; done by an extra
//! thread it was taken from the workers on 2 cores, and given free to `-j 1`).

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, TryLockError};

/// Where the results of [`ordered_map`] go, in input order, from whichever thread finished them
/// (one at a time).
pub trait Sink<O> {
    /// Takes the result of the next item (or the message of a panic while working on it).
    /// Returning `false` stops the run: no further item is started.
    fn emit(&mut self, result: Result<O, String>) -> bool;

    /// Called when every item taken so far has been emitted, before the next one is waited for:
    /// the moment to flush output a reader may be waiting for.
    fn idle(&mut self) {}
}

/// Runs `work` on every item with `jobs` threads (the calling thread and `jobs - 1` more) and
/// hands each result to `sink` in input order. At most `window` items are taken from `items` ahead
/// of the oldest one not yet emitted, so a slow item never lets results pile up. A panic inside
/// `work` becomes that item's `Err`, the rest go on.
pub fn ordered_map<I, O, S>(
    items: impl Iterator<Item = I> + Send,
    jobs: usize,
    window: usize,
    work: impl Fn(I) -> O + Sync,
    sink: &mut S,
) where
    I: Send,
    O: Send,
    S: Sink<O> + Send,
{
    let jobs = jobs.max(1);
    let queue = Queue::new(items, window.max(jobs) as u64);
    let order = Order::new(sink);
    let worker = || {
        let _stop = StopOnDrop(&queue);
        while let Some((seq, item)) = queue.take() {
            let result = catch_unwind(AssertUnwindSafe(|| work(item))).map_err(|p| panic_message(&*p));
            order.put(seq, result, &queue);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..jobs {
            scope.spawn(worker);
        }
        worker();
    });
}

/// Stops the queue when a worker leaves, also by a panic in the sink or the iterator, so no other
/// worker waits for room that would never come.
struct StopOnDrop<'a, It: Iterator>(&'a Queue<It>);

impl<It: Iterator> Drop for StopOnDrop<'_, It> {
    fn drop(&mut self) {
        self.0.emitted(0, true);
    }
}

/// Finished results waiting for their turn, and the sink they go to.
struct Order<'s, O, S> {
    /// Results not yet emitted; a short lock, never held while emitting.
    pending: Mutex<Pending<O>>,
    /// The sink, held by the one thread emitting; others leave their results in `pending` and go on.
    sink: Mutex<Emitting<'s, S>>,
}

/// The part of [`Order`] behind the `pending` lock.
struct Pending<O> {
    done: BTreeMap<u64, Result<O, String>>,
    /// The number of the next result to emit (all before it are out).
    next: u64,
}

/// The part of [`Order`] behind the `sink` lock.
struct Emitting<'s, S> {
    sink: &'s mut S,
    /// Whether the sink still takes results (once it says stop, the rest are dropped).
    running: bool,
}

impl<'s, O, S: Sink<O>> Order<'s, O, S> {
    /// Nothing finished yet, results to go to `sink`.
    fn new(sink: &'s mut S) -> Self {
        Self {
            pending: Mutex::new(Pending { done: BTreeMap::new(), next: 0 }),
            sink: Mutex::new(Emitting { sink, running: true }),
        }
    }

    /// Leaves the result of item `seq` and, when it is the next one due, emits it and every
    /// later one already finished.
    fn put<It: Iterator>(&self, seq: u64, result: Result<O, String>, queue: &Queue<It>) {
        let Ok(mut pending) = self.pending.lock() else { return };
        pending.done.insert(seq, result);
        let due = seq == pending.next;
        drop(pending);
        if due {
            self.emit_ready(queue);
        }
    }

    /// Emits the results that are due unless another thread is at it; that thread looks again for
    /// results left meanwhile once it lets go of the sink, so none is left behind.
    fn emit_ready<It: Iterator>(&self, queue: &Queue<It>) {
        loop {
            let mut emitting = match self.sink.try_lock() {
                Ok(emitting) => emitting,
                Err(TryLockError::WouldBlock) => return,
                Err(TryLockError::Poisoned(_)) => return queue.emitted(0, true),
            };
            loop {
                let ready = self.take_due();
                if ready.is_empty() {
                    break;
                }
                let emitted = emitting.emit_all(ready);
                queue.emitted(emitted, !emitting.running);
            }
            if emitting.running && queue.taken() == self.next() {
                emitting.sink.idle();
            }
            drop(emitting);
            if !self.is_due() {
                return;
            }
        }
    }

    /// Takes out the finished results from the next one due on, in order.
    fn take_due(&self) -> Vec<Result<O, String>> {
        let Ok(mut pending) = self.pending.lock() else { return Vec::new() };
        let Pending { done, next } = &mut *pending;
        let mut ready = Vec::new();
        while let Some(result) = done.remove(next) {
            ready.push(result);
            *next += 1;
        }
        ready
    }

    /// The number of results taken out for emitting so far.
    fn next(&self) -> u64 {
        self.pending.lock().map_or(u64::MAX, |pending| pending.next)
    }

    /// Whether the next result due has been finished.
    fn is_due(&self) -> bool {
        self.pending.lock().is_ok_and(|pending| pending.done.contains_key(&pending.next))
    }
}

impl<S> Emitting<'_, S> {
    /// Hands `ready` to the sink while it takes them; returns how many it took.
    fn emit_all<O>(&mut self, ready: Vec<Result<O, String>>) -> u64
    where
        S: Sink<O>,
    {
        let mut emitted = 0;
        for result in ready {
            if !self.running {
                break;
            }
            self.running = self.sink.emit(result);
            emitted += 1;
        }
        emitted
    }
}

/// The items not yet taken, numbered as they are taken, and how far ahead of the emitted ones
/// workers may run. The iterator has a lock of its own: a worker waiting for the next line of
/// stdin never keeps another from emitting (and flushing) what it finished.
struct Queue<It> {
    items: Mutex<Numbered<It>>,
    /// How many items have been taken (numbered) so far; read without the `items` lock.
    taken: AtomicU64,
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
            taken: AtomicU64::new(0),
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
        self.taken.store(numbered.next, Ordering::Release);
        Some((numbered.next - 1, item))
    }

    /// How many items have been taken so far.
    fn taken(&self) -> u64 {
        self.taken.load(Ordering::Acquire)
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
        for jobs in [1, 2] {
            let (got, in_time) = flushed_before_second_item(jobs);
            assert_eq!(got, vec![0, 1], "{jobs} jobs");
            assert!(in_time, "{jobs} jobs: flushed before the second item arrived");
        }
    }

    /// Runs two items, the second of which arrives only once the first was flushed (or after 5 s):
    /// the results, and whether the flush came in time.
    fn flushed_before_second_item(jobs: usize) -> (Vec<u64>, bool) {
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
        ordered_map(items, jobs, 8, |i| i, &mut sink);
        (sink.1, in_time.into_inner())
    }

    #[test]
    fn one_job_runs_everything_on_the_calling_thread() {
        struct Threads(Vec<std::thread::ThreadId>);
        impl Sink<std::thread::ThreadId> for Threads {
            fn emit(&mut self, result: Result<std::thread::ThreadId, String>) -> bool {
                self.0.extend(result.ok());
                self.0.push(std::thread::current().id());
                true
            }
        }
        let mut sink = Threads(Vec::new());
        ordered_map(0..20u64, 1, 4, |_| std::thread::current().id(), &mut sink);
        assert_eq!(sink.0.len(), 40);
        assert!(sink.0.iter().all(|&id| id == std::thread::current().id()), "no thread beside the caller");
    }

    #[test]
    fn results_finished_while_the_sink_is_busy_are_emitted_in_order() {
        // A sink as slow as a write to a full pipe: workers finish meanwhile, leave their results
        // and go on; the emitting one picks them up before it lets go.
        struct Slow(Vec<u64>);
        impl Sink<u64> for Slow {
            fn emit(&mut self, result: Result<u64, String>) -> bool {
                if result.as_ref().is_ok_and(|i| i % 50 == 0) {
                    std::thread::sleep(std::time::Duration::from_millis(3));
                }
                self.0.extend(result.ok());
                true
            }
        }
        let work = |i: u64| {
            std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 200));
            i
        };
        let mut sink = Slow(Vec::new());
        ordered_map(0..1_000u64, 3, 12, work, &mut sink);
        assert_eq!(sink.0, (0..1_000).collect::<Vec<u64>>());
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
