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

/// The high bit of every byte of `chunk` strictly between `low` and `high` (both at most 128), for
/// ASCII bytes only: each byte is computed on its own, with no carry or borrow into its neighbour.
#[inline(always)]
const fn between(chunk: u64, low: u8, high: u8) -> u64 {
    let seven = chunk & (ONES * 0x7f);
    let below_high = ONES * (127 + high as u64) - seven;
    let above_low = seven + ONES * (127 - low as u64);
    below_high & above_low & !chunk & HIGHS
}

/// The high bit of every byte of `chunk` that is an ASCII letter or digit, with no branch per byte
/// (the tokenizer's word scan: the length of a word is then where the first unmarked byte is, and the
/// loop that looked at one byte after another mispredicted its exit at about every word).
#[inline(always)]
pub const fn ascii_alphanumeric(chunk: u64) -> u64 {
    // Setting bit 5 lower-cases the letters and sends no other byte into `a..=z`.
    between(chunk | (ONES * 0x20), b'a' - 1, b'z' + 1) | between(chunk, b'0' - 1, b'9' + 1)
}

/// Bit `j` of the result: whether byte `j` of `block` is an ASCII letter or digit ([`ascii_alphanumeric`]
/// on sixteen bytes, as a bit a byte): the tokenizer's word scan reads a word's length from the first
/// clear bit.
#[inline(always)]
pub fn ascii_alphanumeric_bits(block: &[u8; 16]) -> u32 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        use safe_arch::*;
        let x = load_unaligned_m128i(block);
        // The bytes of `v` at most `limit` above `low` (wrapping): those equal to their minimum with `limit`.
        let within = |v: m128i, low: u8, limit: u8| {
            let shifted = sub_i8_m128i(v, set_splat_i8_m128i(low as i8));
            cmp_eq_mask_i8_m128i(min_u8_m128i(shifted, set_splat_i8_m128i(limit as i8)), shifted)
        };
        // Setting bit 5 lower-cases the letters and sends no other byte into `a..=z`.
        let letters = within(bitor_m128i(x, set_splat_i8_m128i(0x20)), b'a', 25);
        let digits = within(x, b'0', 9);
        move_mask_i8_m128i(bitor_m128i(letters, digits)) as u32 & 0xffff
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        portable_alphanumeric_bits(block)
    }
}

/// [`ascii_alphanumeric_bits`] by two SWAR chunks.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
fn portable_alphanumeric_bits(block: &[u8; 16]) -> u32 {
    let mut flags = [[0u8; CHUNK]; 4];
    for k in 0..2 {
        let chunk = u64::from_le_bytes(std::array::from_fn(|j| block[CHUNK * k + j]));
        flags[k] = ascii_alphanumeric(chunk).to_le_bytes();
    }
    top_bits(&flags) & 0xffff
}

/// Bit `j` of the result: the top bit of flag byte `j` of 32 flag bytes (8 per group), each group's
/// top bits gathered into one byte by one multiplication. Scans that write one flag a byte into such
/// an array and then call this are turned into vector instructions by the compiler (the DATE
/// matcher's word starts, the character repair's noisy bytes, the person rules' cue marks).
#[inline(always)]
pub fn top_bits(flags: &[[u8; CHUNK]; 4]) -> u32 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        sse2_top_bits(flags)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        portable_top_bits(flags)
    }
}

/// [`top_bits`] by two `pmovmskb`, each gathering the top bits of sixteen bytes.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn sse2_top_bits(flags: &[[u8; CHUNK]; 4]) -> u32 {
    use safe_arch::{load_unaligned_m128i, move_mask_i8_m128i};
    let mask =
        |half: Option<&[u8; 16]>| half.map_or(0, |h| move_mask_i8_m128i(load_unaligned_m128i(h)) as u32 & 0xffff);
    let bytes = flags.as_flattened();
    mask(bytes.first_chunk::<16>()) | mask(bytes.last_chunk::<16>()) << 16
}

/// [`top_bits`] without vector instructions: each group's top bits gathered by one multiplication.
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
#[inline(always)]
fn portable_top_bits(flags: &[[u8; CHUNK]; 4]) -> u32 {
    flags.iter().enumerate().fold(0, |mask, (k, group)| {
        let gathered = u64::from_le_bytes(*group).wrapping_mul(0x0002_0408_1020_4081) >> 56;
        mask | (gathered as u32) << (8 * k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_bits_gathers_each_flags_top_bit_in_order() {
        for seed in 0u64..2000 {
            let mut flags = [[0u8; CHUNK]; 4];
            let mut want = 0u32;
            for (j, flag) in flags.as_flattened_mut().iter_mut().enumerate() {
                let x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(j as u32 * 7);
                let set = x >> 63 == 1;
                *flag = if set { 0x80 } else { 0 };
                want |= u32::from(set) << j;
            }
            assert_eq!(top_bits(&flags), want, "seed {seed}");
            assert_eq!(portable_top_bits(&flags), want, "seed {seed}");
        }
    }

    #[test]
    fn ascii_alphanumeric_bits_marks_exactly_the_ascii_letters_and_digits() {
        // Every byte value in every position, beside neighbours of every kind.
        for b in 0..=255u8 {
            for k in 0..16 {
                for filler in [0u8, b' ', b'z', b'0', b'@', b'[', 0x7f, 0x80, 0xff] {
                    let mut block = [filler; 16];
                    block[k] = b;
                    let want =
                        block.iter().enumerate().fold(0u32, |m, (j, c)| m | u32::from(c.is_ascii_alphanumeric()) << j);
                    assert_eq!(ascii_alphanumeric_bits(&block), want, "byte {b:#x} at {k} among {filler:#x}");
                    assert_eq!(portable_alphanumeric_bits(&block), want, "byte {b:#x} at {k} among {filler:#x}");
                }
            }
        }
    }

    #[test]
    fn ascii_alphanumeric_marks_exactly_the_ascii_letters_and_digits() {
        // Every byte value, in every position, beside neighbours that could carry or borrow.
        for b in 0..=255u8 {
            for k in 0..CHUNK {
                for filler in [0u8, b'z', b'0', 0x7f, 0x80, 0xff] {
                    let mut bytes = [filler; CHUNK];
                    bytes[k] = b;
                    let mask = ascii_alphanumeric(u64::from_le_bytes(bytes));
                    for (j, &byte) in bytes.iter().enumerate() {
                        let marked = mask >> (8 * j) & 0xff;
                        let want = if byte.is_ascii_alphanumeric() { 0x80 } else { 0 };
                        assert_eq!(marked, want, "byte {byte:#x} at {j} in {bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn chunks_load_little_endian() {
        assert_eq!(load(b"abcdefgh") & 0xFF, u64::from(b'a'));
        assert_eq!(load(b"abcdefgh") >> 56, u64::from(b'h'));
        assert_eq!(HIGHS, 0x8080_8080_8080_8080);
    }
}
