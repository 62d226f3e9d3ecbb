//! Byte tests on eight bytes at once, held in a `u64` (SIMD within a register): the fast paths of
//! the scans every line goes through. Chunks are read little-endian, so byte `k` of a chunk is
//! bits `8k..8k+8`, and a test marks a byte by setting its high bit (`0x80`).

/// Bytes in a chunk.
pub const CHUNK: usize = 8;
/// `0x01` in every byte of a chunk.
pub const ONES: u64 = u64::from_le_bytes([1; CHUNK]);
/// `0x80` in every byte of a chunk.
pub const HIGHS: u64 = ONES * 0x80;

/// The eight bytes of `chunk` (which must be [`CHUNK`] long) as one number.
pub fn load(chunk: &[u8]) -> u64 {
    let mut bytes = [0u8; CHUNK];
    bytes.copy_from_slice(chunk);
    u64::from_le_bytes(bytes)
}

/// `0x80` in every byte of `x` that equals `b`, nothing elsewhere (exact, unlike the borrow trick).
pub fn bytes_equal(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    !(((y & !HIGHS) + !HIGHS) | y | !HIGHS)
}

/// How many bytes of `marks` are marked (`0x80`; every other bit clear): the marks shifted to
/// ones and summed into the top byte by one multiplication (no `popcnt` on the baseline CPU).
pub fn count_marked(marks: u64) -> usize {
    ((marks >> 7).wrapping_mul(ONES) >> 56) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_equal_marks_exactly_the_equal_bytes() {
        for chunk in [*b"a b  c\x00 ", [b' '; 8], [0x20, 0xA0, 0x21, 0x1F, 0x60, 0x00, 0xFF, 0x20]] {
            let want =
                chunk.iter().enumerate().filter(|(_, b)| **b == b' ').fold(0u64, |m, (k, _)| m | 0x80 << (8 * k));
            assert_eq!(bytes_equal(load(&chunk), b' '), want, "{chunk:?}");
            assert_eq!(count_marked(want), chunk.iter().filter(|b| **b == b' ').count());
        }
    }
}
