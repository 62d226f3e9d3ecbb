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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_load_little_endian() {
        assert_eq!(load(b"abcdefgh") & 0xFF, u64::from(b'a'));
        assert_eq!(load(b"abcdefgh") >> 56, u64::from(b'h'));
        assert_eq!(HIGHS, 0x8080_8080_8080_8080);
    }
}
