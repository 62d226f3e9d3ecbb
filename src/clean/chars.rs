//! Character repairs inside a kept line: mojibake, HTML entities, invisible characters, non-breaking
//! spaces, doubled and trailing spaces. One pass over the bytes; only bytes that can start a problem
//! (`&`, control bytes, and the lead bytes of U+0080–U+00FF and U+2000–U+206F) are looked at closely.

use std::borrow::Cow;

use super::rules::{HTML_ENTITY, INVISIBLE_CHARS, MOJIBAKE, NBSP, SPACES};
use super::swar::{self, CHUNK};
use super::text::Line;
use super::{EditKind, Proposal};

/// Windows-1252 bytes 0x80–0x9F as characters (`None` where the code page leaves a byte undefined).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte a character stands for when UTF-8 was wrongly decoded as Windows-1252 (or Latin-1,
/// whose C1 controls fill the holes of Windows-1252).
fn mis_decoded_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return u8::try_from(u).ok();
    }
    CP1252_HIGH.iter().position(|&h| h == Some(c)).and_then(|i| u8::try_from(0x80 + i).ok())
}

/// Named entities worth knowing in news text.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("apos", "'"),
    ("bull", "•"),
    ("copy", "©"),
    ("eacute", "é"),
    ("euro", "€"),
    ("gt", ">"),
    ("hellip", "…"),
    ("laquo", "«"),
    ("ldquo", "“"),
    ("lsquo", "‘"),
    ("lt", "<"),
    ("mdash", "—"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("pound", "£"),
    ("quot", "\""),
    ("raquo", "»"),
    ("rdquo", "”"),
    ("reg", "®"),
    ("rsquo", "’"),
    ("shy", ""),
    ("trade", "™"),
];

/// Which character rules are switched on: asked once a text, not once a line.
#[derive(Debug, Clone, Copy)]
pub struct CharRules([bool; 5]);

impl CharRules {
    /// The character rules `on` switches on.
    pub fn new(on: &dyn Fn(&str) -> bool) -> Self {
        Self([on(MOJIBAKE), on(HTML_ENTITY), on(INVISIBLE_CHARS), on(NBSP), on(SPACES)])
    }
}

/// Runs every character rule that is switched on (`rules`) over one kept line.
///
/// The bytes that can start a repair are marked a block at a time ([`repair_starts`]) and only they
/// are asked. Walking the quiet text between them byte by byte, or skipping it with a test whose
/// exit depends on where the next curly quote or doubled space happens to be, mispredicted a branch
/// several times a line; a mask has no such branch, and a block with no mark costs one test.
pub fn repair(line: &Line<'_>, rules: CharRules, out: &mut Vec<Proposal>) {
    let t = line.text;
    let bytes = t.as_bytes();
    // The first byte no repair covers yet (a repair may end in a later block than it starts in).
    let mut free = 0;
    let mut at = 0;
    while at < bytes.len() {
        let mut starts = match bytes[at..].first_chunk::<{ BLOCK + 1 }>() {
            // Most blocks of news text are plain ASCII: the cheaper test lets them go.
            Some(window) if is_quiet_block(window) => 0,
            Some(window) => repair_starts(window),
            None => tail_starts(&bytes[at..]),
        };
        while starts != 0 {
            let i = at + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if i >= free {
                // No repair starts where none was marked, so nothing is missed by asking only here.
                free = match repair_at(t, i, rules) {
                    Some(found) => push_repair(line, i, found, out),
                    None => i + 1,
                };
            }
        }
        at += BLOCK;
    }
}

/// The repair that starts at byte `i` of the line's text `t`, if any: what every character rule that
/// is switched on (`rules`) finds there.
fn repair_at(t: &str, i: usize, rules: CharRules) -> Option<Found> {
    let [mojibake, entities, invisible, nbsp, spaces] = rules.0;
    let bytes = t.as_bytes();
    match bytes[i] {
        b' ' | b'\t' if is_lone_space(bytes, i) => None,
        b' ' | b'\t' => space_run(t, i, spaces, nbsp),
        b'&' if entities => entity(t, i),
        b @ (0xC2 | 0xC3 | 0xE2 | 0xEF) => {
            let fix = if mojibake && matches!(b, 0xC3 | 0xC2) { mojibake_run(t, i) } else { None };
            let fix = fix.or_else(|| if t[i..].starts_with('\u{a0}') { space_run(t, i, spaces, nbsp) } else { None });
            fix.or_else(|| special_char(t, i, invisible, mojibake))
        }
        b @ (0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F) if invisible => {
            Some((i + 1, String::new(), INVISIBLE_CHARS, code_point_reason("control character", u32::from(b), "")))
        }
        _ => None,
    }
}

/// Adds the repair `found` at byte `i` of `line` to `out`; returns its end byte in the line.
fn push_repair(line: &Line<'_>, i: usize, found: Found, out: &mut Vec<Proposal>) -> usize {
    let (end, replacement, rule, reason) = found;
    out.push(Proposal {
        start: line.start + i,
        end: line.start + end,
        kind: if replacement.is_empty() { EditKind::DeleteSpan } else { EditKind::ReplaceSpan },
        replacement,
        rule: Cow::Borrowed(rule),
        reason,
    });
    end
}

/// Bytes marked at once by [`repair_starts`].
const BLOCK: usize = 32;

/// Bit `k`: whether a repair can start at byte `k` of the block `window` holds (its last byte is
/// the byte after the block): a control byte or `&`, the lead byte of U+0080–U+00FF, U+2000–U+2FFF
/// or U+F000–U+FFFF (mojibake, no-break spaces, invisible characters), or a space that does not stand
/// alone ([`is_lone_space`]). Other bytes of other scripts start no repair, so they are not marked.
/// Written as one flag a byte over a fixed length, so the compiler marks the block with vector
/// compares, and the top bits of every eight flags are gathered by one multiplication.
fn repair_starts(window: &[u8; BLOCK + 1]) -> u32 {
    let mut flags = [[0u8; CHUNK]; BLOCK / CHUNK];
    for (k, flag) in flags.as_flattened_mut().iter_mut().enumerate() {
        let (b, n) = (window[k], window[k + 1]);
        let control = (b < b' ') | (b == 0x7F) | (b == b'&');
        let lead = (b & 0xFE == 0xC2) | (b == 0xE2) | (b == 0xEF);
        let crowded_space = (b == b' ') & ((n == b' ') | (n == b'\t') | (n == 0xC2));
        *flag = u8::from(control | lead | crowded_space) << 7;
    }
    swar::top_bits(&flags)
}

/// Whether [`repair_starts`] marks no byte of the block `window` holds, by a cheaper test that lets
/// most blocks of plain ASCII go: every byte is printable ASCII other than `&`, and no space is
/// followed by a byte that is not.
fn is_quiet_block(window: &[u8; BLOCK + 1]) -> bool {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        sse2_quiet_half(window, 0) && sse2_quiet_half(window, 16)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        portable_quiet_block(window)
    }
}

/// [`is_quiet_block`] for the sixteen bytes of `window` from `from` (0 or 16), by vector compares.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
fn sse2_quiet_half(window: &[u8; BLOCK + 1], from: usize) -> bool {
    use safe_arch::*;
    let load = |at: usize| window[at..].first_chunk::<16>().map(load_unaligned_m128i);
    let (Some(b), Some(n)) = (load(from), load(from + 1)) else { return false };
    // Bytes of `v` at most `limit` above `low` (wrapping): those equal to their minimum with `limit`.
    let within = |v: m128i, low: u8, limit: u8| {
        let shifted = sub_i8_m128i(v, set_splat_i8_m128i(low as i8));
        cmp_eq_mask_i8_m128i(min_u8_m128i(shifted, set_splat_i8_m128i(limit as i8)), shifted)
    };
    let is = |v: m128i, c: u8| cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(c as i8));
    // Printable (`' '..='~'`) and not `&`; a space only before a byte in `'!'..='~'`.
    let plain = bitandnot_m128i(is(b, b'&'), within(b, b' ', b'~' - b' '));
    let crowded_space = bitandnot_m128i(within(n, b'!', b'~' - b'!'), is(b, b' '));
    move_mask_i8_m128i(bitandnot_m128i(crowded_space, plain)) == 0xffff
}

/// [`is_quiet_block`] without vector instructions (the compiler vectorises what it can).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
fn portable_quiet_block(window: &[u8; BLOCK + 1]) -> bool {
    let mut noisy = false;
    for k in 0..BLOCK {
        let (b, n) = (window[k], window[k + 1]);
        let plain = (b.wrapping_sub(b' ') < b'\x7F' - b' ') & (b != b'&');
        let crowded_space = (b == b' ') & (n.wrapping_sub(b'!') >= b'\x7F' - b'!');
        noisy |= !plain | crowded_space;
    }
    !noisy
}

/// The marks of [`repair_starts`] for the last bytes of a line (`rest`, at most [`BLOCK`]): they are
/// copied before spaces, so a space at the end of the line is followed by one (as a trailing space
/// must be, to be marked), and the marks of the filling are dropped.
fn tail_starts(rest: &[u8]) -> u32 {
    let mut window = [b' '; BLOCK + 1];
    window[..rest.len()].copy_from_slice(rest);
    repair_starts(&window) & u32::MAX >> (BLOCK - rest.len())
}

/// Whether the space or tab at byte `i` stands alone inside the line (the common case between
/// words): no space rule can fire on it, so the run is not measured.
fn is_lone_space(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1).is_some_and(|b| !matches!(b, b' ' | b'\t' | 0xC2))
}

/// A repair found at a position: end byte, replacement, rule and reason.
type Found = (usize, String, &'static str, String);

/// A run of spaces, tabs and non-breaking spaces: at the end of a line it goes; inside a line it
/// becomes one plain space when it is doubled or holds a non-breaking space; leading indentation stays.
fn space_run(t: &str, i: usize, spaces: bool, nbsp: bool) -> Option<Found> {
    let rest = &t[i..];
    let len = rest.find(|c: char| !matches!(c, ' ' | '\t' | '\u{a0}')).unwrap_or(rest.len());
    let run = &rest[..len];
    let end = i + len;
    let has_nbsp = run.contains('\u{a0}');
    if end == t.len() && spaces && (nbsp || !has_nbsp) {
        return Some((end, String::new(), SPACES, format!("{} trailing space(s)", run.chars().count())));
    }
    if has_nbsp && nbsp {
        return Some((end, " ".into(), NBSP, "non-breaking space".into()));
    }
    let leading = t[..i].bytes().all(|b| b == b' ' || b == b'\t');
    (spaces && run.len() >= 2 && !has_nbsp && !leading)
        .then(|| (end, " ".to_string(), SPACES, format!("{} spaces in a row", run.len())))
}

/// `&amp;`, `&#39;`, `&#x2019;` and the named entities of [`ENTITIES`]; an entity encoded twice
/// (`&amp;quot;`, common in feeds) is decoded in one repair.
fn entity(t: &str, i: usize) -> Option<Found> {
    let (name, mut end) = entity_name(t, i + 1)?;
    let mut value = entity_value(name)?;
    let mut reason = String::with_capacity(ENTITY_LABEL.len() + name.len() + 1);
    reason.push_str(ENTITY_LABEL);
    reason.push_str(name);
    reason.push(';');
    // `&amp;` before a name or `#` (not before a space, as in `R&amp;D &amp; more`).
    let named_next = t.as_bytes().get(end).is_some_and(|&b| b.is_ascii_alphabetic() || b == b'#');
    if value == "&"
        && named_next
        && let Some((inner, inner_end)) = entity_name(t, end)
        && let Some(inner_value) = entity_value(inner)
    {
        (value, end) = (inner_value, inner_end);
        reason.push_str(inner);
        reason.push(';');
    }
    Some((end, value, HTML_ENTITY, reason))
}

/// The name of an entity whose name starts at byte `at` (after its `&`) and the byte after its `;`.
fn entity_name(t: &str, at: usize) -> Option<(&str, usize)> {
    let rest = t.get(at..)?;
    let semi = rest.as_bytes().iter().take(10).position(|&b| b == b';')?;
    Some((&rest[..semi], at + semi + 1))
}

/// The text an entity's name stands for, if it is one.
fn entity_value(name: &str) -> Option<String> {
    let value: String = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code).filter(|&c| c != '\0')?;
        match c {
            '\u{a0}' => " ".into(),
            c if is_invisible(c) => String::new(),
            c => c.to_string(),
        }
    } else {
        // Every entry is lower-case ASCII: equal ignoring ASCII case is equal once lower-cased.
        let (_, v) = ENTITIES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))?;
        (*v).to_string()
    };
    Some(value)
}

/// What an entity's reason starts with, before its name and `;`.
const ENTITY_LABEL: &str = "HTML entity &";

/// `{label} U+{code:04X}{suffix}`, written without the formatter (character repairs are many).
fn code_point_reason(label: &str, code: u32, suffix: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut reason = String::with_capacity(label.len() + 9 + suffix.len());
    reason.push_str(label);
    reason.push_str(" U+");
    // At least four digits, as `{:04X}` writes.
    let digits = (8 - code.leading_zeros() as usize / 4).max(4);
    for k in (0..digits).rev() {
        reason.push(char::from(HEX[(code >> (4 * k)) as usize & 0xF]));
    }
    reason.push_str(suffix);
    reason
}

/// Whether `c` is an invisible character that the text is better without (zero-width space and
/// joiner-less breaks, byte-order mark, soft hyphen, direction marks).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{200e}' | '\u{200f}')
}

/// Invisible characters and stray C1 controls at a multi-byte character.
fn special_char(t: &str, i: usize, invisible: bool, mojibake: bool) -> Option<Found> {
    let c = t[i..].chars().next()?;
    let end = i + c.len_utf8();
    match c {
        c if invisible && is_invisible(c) => {
            Some((end, String::new(), INVISIBLE_CHARS, code_point_reason("invisible character", c as u32, "")))
        }
        '\u{80}'..='\u{9f}' if mojibake => {
            let fixed = CP1252_HIGH[(c as usize) - 0x80].map(String::from).unwrap_or_default();
            Some((end, fixed, MOJIBAKE, code_point_reason("C1 control", c as u32, " read from Windows-1252")))
        }
        _ => None,
    }
}

/// A run of mojibake starting at byte `i`: characters that, turned back into the bytes they were
/// mis-decoded from, form valid multi-byte UTF-8 (`â€™` → `’`, `Ã©` → `é`). Correct text such as
/// `café` or `Ãlvaro` does not re-decode, so it stays.
fn mojibake_run(t: &str, i: usize) -> Option<Found> {
    let mut at = i;
    let mut fixed = String::new();
    while let Some((len, c)) = one_mojibake_char(&t[at..]).or_else(|| lost_closing_quote(&t[at..])) {
        fixed.push(c);
        at += len;
    }
    if at == i && is_lost_nbsp(t, i) {
        at += 'Â'.len_utf8();
    }
    (at > i).then(|| {
        let reason = format!("mojibake {:?} → {:?}", &t[i..at], fixed);
        (at, fixed, MOJIBAKE, reason)
    })
}

/// Whether the `Â` at byte `i` is what is left of a mis-decoded no-break space (bytes C2 A0) whose
/// second half became a plain space: glued to the end of a word, a number or a sentence mark and
/// followed by a space (`spaceÂ here`, `end.Â Next`). As a letter, `Â` starts a word (also after a
/// quote or a bracket: `"Â la carte"`) or follows a capital.
fn is_lost_nbsp(t: &str, i: usize) -> bool {
    let before = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b".,;:!?".contains(&b);
    t[i..].starts_with("Â ") && i > 0 && before(t.as_bytes()[i - 1])
}

/// The closing quote `”` (bytes E2 80 9D) whose last byte was lost at the start of `s`: Windows-1252
/// leaves 0x9D undefined, so many pages print only `â€`, or `â€` and a replacement character. No word
/// is spelt `â€`; a third character that completes another sequence (`â€™`) is left to
/// [`one_mojibake_char`].
fn lost_closing_quote(s: &str) -> Option<(usize, char)> {
    let rest = s.strip_prefix("â€")?;
    let next = rest.chars().next();
    if next.and_then(mis_decoded_byte).is_some_and(|b| (0x80..=0xBF).contains(&b)) {
        return None;
    }
    let lost = if next == Some('\u{fffd}') { '\u{fffd}'.len_utf8() } else { 0 };
    Some((s.len() - rest.len() + lost, '”'))
}

/// One mis-decoded UTF-8 sequence at the start of `s`: its length in `s` and the character it meant.
/// Three- and four-byte results must be punctuation, symbols or emoji: `café…”` must not turn into CJK.
fn one_mojibake_char(s: &str) -> Option<(usize, char)> {
    let mut chars = s.char_indices();
    let (_, lead) = chars.next()?;
    let lead_byte = mis_decoded_byte(lead)?;
    let need = match lead_byte {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut buf = [lead_byte, 0, 0, 0];
    for slot in buf.iter_mut().skip(1).take(need) {
        let (_, c) = chars.next()?;
        let b = mis_decoded_byte(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let decoded = std::str::from_utf8(&buf[..=need]).ok()?.chars().next()?;
    let plausible = need == 1 || matches!(decoded as u32, 0x2000..=0x2BFF | 0x1F000..=0x1FAFF);
    if !plausible {
        return None;
    }
    let len = chars.next().map_or(s.len(), |(k, _)| k);
    Some((len, decoded))
}

#[cfg(test)]
mod tests {
    use super::super::text::{lines, random_texts};
    use super::*;

    fn fix(text: &str) -> String {
        let mut out = Vec::new();
        for l in lines(text) {
            repair(&l, CharRules::new(&|_| true), &mut out);
        }
        let mut s = text.to_string();
        for p in out.iter().rev() {
            s.replace_range(p.start..p.end, &p.replacement);
        }
        s
    }

    #[test]
    fn code_point_reasons_are_written_as_the_formatter_writes_them() {
        for code in [0, 1, 0x1F, 0x7F, 0x9D, 0xAD, 0xFFF, 0x200B, 0xFEFF, 0x1_0000, 0x1F600, 0x10_FFFF] {
            assert_eq!(code_point_reason("C1 control", code, " read"), format!("C1 control U+{code:04X} read"));
            assert_eq!(code_point_reason("x", code, ""), format!("x U+{code:04X}"));
        }
    }

    /// [`repair`] without skipping: every byte asked in turn, past each repair found.
    fn repair_byte_by_byte(line: &Line<'_>, rules: CharRules) -> Vec<Proposal> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < line.text.len() {
            i = match repair_at(line.text, i, rules) {
                Some(found) => push_repair(line, i, found, &mut out),
                None => i + 1,
            };
        }
        out
    }

    #[test]
    fn repairs_equal_the_byte_by_byte_walk() {
        const PIECES: &[&str] = &[
            " ",
            "  ",
            "\t",
            "&amp;",
            "&#39;",
            "&x;",
            "&",
            "\u{a0}",
            "a",
            "Word",
            ".",
            "é",
            "Ã©",
            "â€™",
            "â€",
            "\u{9d}",
            "\u{92}",
            "\u{200b}",
            "\u{feff}",
            "\u{ad}",
            "\u{7f}",
            "\u{1}",
            "\r",
            "“",
            "’",
            "Привет",
            "北京",
            "👍",
            "Ã",
            "Â",
        ];
        let all = CharRules::new(&|_| true);
        let some = CharRules::new(&|id| id != SPACES && id != MOJIBAKE);
        let mut repairs = 0;
        for (k, text) in random_texts(PIECES, 29, 3000, |i| i % 70).iter().enumerate() {
            let rules = if k % 3 == 0 { some } else { all };
            for line in lines(text) {
                let mut got = Vec::new();
                repair(&line, rules, &mut got);
                let want = repair_byte_by_byte(&line, rules);
                assert_eq!(got, want, "{:?}", line.text);
                repairs += want.len();
            }
        }
        assert!(repairs > 5000, "repairs are found: {repairs}");
    }

    #[test]
    fn switched_off_rules_repair_nothing() {
        let mut out = Vec::new();
        let off = CharRules::new(&|id| id != SPACES);
        repair(&lines("two  spaces")[0], off, &mut out);
        assert!(out.is_empty());
        repair(&lines("two  spaces")[0], CharRules::new(&|_| true), &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn mojibake_is_repaired() {
        assert_eq!(fix("It doesnâ€™t matter"), "It doesn’t matter");
        assert_eq!(fix("A cafÃ© in ZÃ¼rich"), "A café in Zürich");
        assert_eq!(fix("â€œQuotedâ€\u{9d} text"), "“Quoted” text");
        assert_eq!(fix("price \u{92}s"), "price ’s");
        // The closing quote's last byte is undefined in Windows-1252 and often lost.
        assert_eq!(fix("â€œQuotedâ€ text"), "“Quoted” text");
        assert_eq!(fix("she said â€œnoâ€\u{fffd}."), "she said “no”.");
        assert_eq!(fix("â€œEndâ€"), "“End”");
        // A no-break space read as Windows-1252, its second byte turned into a plain space.
        assert_eq!(fix("a spaceÂ here and 5Â km"), "a space here and 5 km");
        assert_eq!(fix("It ended.Â Then"), "It ended. Then");
    }

    #[test]
    fn correct_text_is_not_mojibake() {
        for ok in [
            "café…” she said",
            "A café in Zürich",
            "Ãlvaro and Â are letters",
            "São Paulo — “quoted” ’s",
            "naïve façade",
            "â and € are signs",
            "Â la carte, ÂME and Â b",
            "He ordered \"Â la carte\" (Â bientôt)",
            "👍🇫🇮",
        ] {
            assert_eq!(fix(ok), ok);
        }
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(fix("AT&amp;T said &quot;yes&quot; &#39;now&#39; &#x2019;&nbsp;x"), "AT&T said \"yes\" 'now' ’ x");
        // Encoded twice, as feeds often are.
        assert_eq!(fix("&amp;quot;Yes&amp;quot; &amp;#8217; &amp;amp;"), "\"Yes\" ’ &");
        assert_eq!(fix("R&amp;D &amp; more"), "R&D & more");
        // An entity for an invisible character leaves nothing behind.
        assert_eq!(fix("a&#65279;b &amp;#8203;c"), "ab c");
        for ok in ["AT&T and R&D", "a & b; c", "&unknown; stays", "&ampx; &am; &amp"] {
            assert_eq!(fix(ok), ok);
        }
        // Names are matched in any case, as lower-cased: every entry is lower-case ASCII.
        for (name, value) in ENTITIES {
            assert!(name.bytes().all(|b| b.is_ascii_lowercase()), "{name}");
            for written in [name.to_string(), name.to_ascii_uppercase(), name[..1].to_ascii_uppercase() + &name[1..]] {
                let text = format!("a &{written}; b");
                assert_eq!(entity(&text, 2).map(|(_, v, _, _)| v), Some(value.to_string()), "{text}");
            }
        }
    }

    /// The byte-by-byte meaning of a mark of [`repair_starts`]: a byte on which [`repair_at`] does
    /// not pass at once.
    fn may_start(bytes: &[u8], j: usize) -> bool {
        matches!(bytes[j], 0x00..=0x1F | 0x7F | b'&' | 0xC2 | 0xC3 | 0xE2 | 0xEF)
            || (bytes[j] == b' ' && !is_lone_space(bytes, j))
    }

    #[test]
    fn the_marks_of_a_block_are_the_bytes_that_may_start_a_repair() {
        const PIECES: &[&str] = &[
            " ",
            "  ",
            "\t",
            "&",
            "\u{a0}",
            "a",
            "é",
            "’",
            "\u{7f}",
            "\u{1}",
            "~",
            "said ",
            "x",
            "Привет",
            "👍",
            "\u{feff}",
            "Ã",
            "the council said ",
            "harbour ",
            "ferry timetable ",
            "Monday, ",
            "x ",
            "(AP) ",
            "\r",
        ];
        let (mut marked, mut quiet) = (0, 0);
        for text in random_texts(PIECES, 3, 2000, |i| 1 + i % 80) {
            let bytes = text.as_bytes();
            for at in 0..bytes.len() {
                let got = match bytes[at..].first_chunk::<{ BLOCK + 1 }>() {
                    Some(window) => {
                        let starts = repair_starts(window);
                        assert!(!is_quiet_block(window) || starts == 0, "{text:?} at {at}");
                        assert_eq!(is_quiet_block(window), portable_quiet_block(window), "{text:?} at {at}");
                        quiet += usize::from(is_quiet_block(window));
                        starts
                    }
                    None => tail_starts(&bytes[at..]),
                };
                let want =
                    (at..bytes.len().min(at + BLOCK)).fold(0u32, |m, j| m | u32::from(may_start(bytes, j)) << (j - at));
                assert_eq!(got, want, "{text:?} at {at}");
                marked += want.count_ones();
            }
        }
        assert!(marked > 10_000, "bytes are marked: {marked}");
        assert!(quiet > 1000, "quiet blocks are found: {quiet}");
    }

    #[test]
    fn no_repair_starts_on_a_byte_left_unmarked() {
        let all = CharRules::new(&|_| true);
        let text = "a  b\t c&amp; d\u{a0}e Ã© â€™ \u{200b} \u{1} end  ";
        for line in lines(text) {
            let bytes = line.text.as_bytes();
            for j in (0..bytes.len()).filter(|&j| !may_start(bytes, j)) {
                assert!(repair_at(line.text, j, all).is_none(), "{:?} at {j}", line.text);
            }
        }
    }

    #[test]
    fn invisible_characters_and_spaces() {
        assert_eq!(fix("zero\u{200b}width\u{feff} soft\u{ad}hyphen\u{7}"), "zerowidth softhyphen");
        assert_eq!(fix("non\u{a0}breaking and trailing.\u{a0} \nnext"), "non breaking and trailing.\nnext");
        assert_eq!(fix("two  spaces and trailing  \nnext"), "two spaces and trailing\nnext");
        assert_eq!(fix("    indented code stays"), "    indented code stays");
        let joined = "family 👨\u{200d}👩\u{200d}👧 and می\u{200c}خواهم";
        assert_eq!(fix(joined), joined);
    }
}
