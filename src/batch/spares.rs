//! The buffers of output lines already written, handed back so the next lines are written into them:
//! a line then costs no allocation, and none is freed by a thread other than the one that made it
//! (the thread that writes a line out is often not the one that wrote its text, and a free across
//! threads takes the other thread's allocator lock).

use std::sync::Mutex;

/// Buffers larger than this are let go once written: a few megabyte documents must not keep a
/// window's worth of megabytes alive for the small ones after them.
const LARGEST_KEPT: usize = 256 * 1024;

/// Written lines' buffers waiting for the next lines.
#[derive(Debug)]
pub struct Spares {
    free: Mutex<Vec<String>>,
    /// The most buffers kept (a batch never has more lines in flight than its window).
    limit: usize,
}

impl Spares {
    /// No buffers yet; at most `limit` will be kept.
    pub fn new(limit: usize) -> Self {
        Self { free: Mutex::new(Vec::with_capacity(limit)), limit }
    }

    /// A buffer to write a line into: one handed back, or a new empty one.
    pub fn take(&self) -> String {
        self.free.lock().ok().and_then(|mut free| free.pop()).unwrap_or_default()
    }

    /// Hands back the buffer of a line that has been written out.
    pub fn give(&self, line: String) {
        if line.capacity() > LARGEST_KEPT {
            return;
        }
        if let Ok(mut free) = self.free.lock()
            && free.len() < self.limit
        {
            free.push(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_handed_back_is_taken_again_with_its_memory() {
        let spares = Spares::new(2);
        assert_eq!(spares.take().capacity(), 0, "nothing handed back yet");
        spares.give(String::with_capacity(1000));
        let again = spares.take();
        assert!(again.capacity() >= 1000);
        assert_eq!(spares.take().capacity(), 0, "taken once only");
    }

    #[test]
    fn only_a_limited_number_of_small_buffers_is_kept() {
        let spares = Spares::new(2);
        spares.give(String::with_capacity(LARGEST_KEPT + 1));
        assert_eq!(spares.take().capacity(), 0, "a large buffer is let go");
        for _ in 0..3 {
            spares.give(String::with_capacity(10));
        }
        let kept = (0..3).filter(|_| spares.take().capacity() > 0).count();
        assert_eq!(kept, 2);
    }
}
