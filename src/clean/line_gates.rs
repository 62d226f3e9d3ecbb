//! Necessary conditions of the line rules' regexes (`line_rules.rs`), tested on a line's [`Shape`]
//! before the regexes run: a gate that says no means the regex cannot match, so the rule is skipped
//! without a search. A gate that says yes proves nothing; the regex decides as before.
//!
//! How each gate is derived (a reader can check it against the pattern beside the regex):
//! - A literal ASCII character a branch requires (`(`, `:`, `/`…) must occur in the line; `(?i)` does
//!   not change punctuation.
//! - A branch anchored at `^` fixes the line's first bytes: the gate lists their lowercase forms (at
//!   most four bytes). The lines are trimmed, so `^\s*` matches nothing.
//! - A literal word (in any case under `(?i)`) can only occur if all its letters do.
//! - Unicode is handled by the [`Shape`] methods, not by each gate: under `(?i)` only `ſ` and the
//!   Kelvin sign match ASCII letters (`s`, `k`), so letter tests drop those two on lines with
//!   non-ASCII bytes and start tests read those two as the letters (any other character matches no
//!   ASCII literal); `\d` also matches non-ASCII digits, so the digit test passes any line with
//!   non-ASCII bytes, and a branch starting with `\d` passes a line that starts with one; `©` and `Ⓒ`
//!   are looked for in the text.
//! - A branch anchored at `$` fixes the line's last byte: a literal ASCII one, or for `\d` an ASCII
//!   digit or the last byte of a non-ASCII character.
//!
//! A pattern change must keep its gate sound; `line_rules.rs` tests every gate against its regexes on
//! lines each branch matches.

use super::line_rules::{COMMENT_FORM_CUE_WORDS, COOKIE_CUE_WORDS};
use super::line_shape::{Classes, Shape, Start, any_of, letters_of, start, starts};

/// Whether [`GALLERY_COUNTER`](super::line_rules) (`image 3 of 12`) can match: it starts `image`,
/// `photo`, `slide` or `\d`, needs `of` or `/`, and ends with `\d`.
pub fn gallery_counter(s: &Shape, t: &str) -> bool {
    const STARTS: [Start; 13] = starts(["ima", "pho", "sli", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    const SLASH: Classes = any_of(b"/");
    const OF: Classes = letters_of("of");
    ends_with_digit(t) && (s.starts_with_any(&STARTS) || s.starts_non_ascii()) && (s.has_any(SLASH) || s.has_all(OF))
}

/// Whether `\d$` can match `t`: its last byte is an ASCII digit or ends a non-ASCII character.
fn ends_with_digit(t: &str) -> bool {
    t.as_bytes().last().is_some_and(|&b| b.is_ascii_digit() || !b.is_ascii())
}

/// Whether `t` ends `)` or `).`, as `\)\.?$` needs.
fn ends_with_paren(t: &str) -> bool {
    t.strip_suffix('.').unwrap_or(t).ends_with(')')
}

/// Whether a photo-credit pattern can match. By pattern: a start `(c)` (0) or `(` (1); `[/|]` and an
/// end `[A-Za-z]\)?\.?` (4); an end `\)\.?` (6, 7); `(c)` needs `(` before `c` (8); the anchored words
/// start `pho ima pic ill fot vid` (1), `ima med pho get ap afp reu` (2), `cre cap` (3) and `get ap reu afp
/// shu ist fil` (5); `above:`… needs `:` and a start `abo pic top mai ins lef rig bel hea fea pho fil`
/// (9); `(left)`… needs `(` before `l`, `r`, `c` or `f`, `[File:` a `[`, `/ AP file` a `/` and an end
/// letter, and the case-sensitive `, left`, `, right`, `, center`, `, pictured` need `, ` before `l`,
/// `r`, `c` or `p` (10).
pub fn photo_credit(s: &Shape, t: &str) -> bool {
    const OPEN: [Start; 1] = starts(["("]);
    const OPEN_ANYWHERE: Classes = any_of(b"(");
    const SLASHES: Classes = any_of(b"/|");
    const BRACKET: Classes = any_of(b"[");
    const COLON: Classes = any_of(b":");
    const COMMA: Classes = any_of(b",");
    const STARTS: [Start; 15] = starts([
        "pho", "ima", "pic", "fot", "vid", "med", "get", "ap", "afp", "reu", "cre", "cap", "shu", "ist", "fil",
    ]);
    const PLACED: [Start; 12] =
        starts(["abo", "pic", "top", "mai", "ins", "lef", "rig", "bel", "hea", "fea", "pho", "fil"]);
    s.starts_with_any(&OPEN)
        || s.starts_with_any(&STARTS)
        || (s.has_any(SLASHES) && ends_like_agency(t))
        || (s.has_any(OPEN_ANYWHERE) && (ends_with_paren(t) || byte_before(t, b'(', b"lrcf")))
        || s.has_any(BRACKET)
        || (s.has_any(COLON) && s.starts_with_any(&PLACED))
        || (s.has_any(COMMA) && comma_before(t, b"lrcp"))
        || has_copyright_sign(s, t)
}

/// Whether `t` can end as an agency name after `[/|]` (photo pattern 4) or `/ AP file` (10): an
/// ASCII letter, optionally followed by `)`, then optionally by `.`.
fn ends_like_agency(t: &str) -> bool {
    let t = t.strip_suffix('.').unwrap_or(t);
    let t = t.strip_suffix(')').unwrap_or(t);
    t.as_bytes().last().is_some_and(u8::is_ascii_alphabetic)
}

/// Whether `t` holds `©` or `Ⓒ` (only looked for when it has non-ASCII bytes). Their UTF-8 bytes are
/// looked for from their lead bytes (a lead byte starts only its own character): searching for the
/// characters decoded every character of the line, and curly quotes make most prose non-ASCII.
fn has_copyright_sign(s: &Shape, t: &str) -> bool {
    const SIGNS: [&[u8]; 2] = ["©".as_bytes(), "Ⓒ".as_bytes()];
    let bytes = t.as_bytes();
    s.non_ascii()
        && memchr::memchr2_iter(SIGNS[0][0], SIGNS[1][0], bytes)
            .any(|i| SIGNS.iter().any(|sign| bytes[i..].starts_with(sign)))
}

/// Whether `, ` followed by one of `next` occurs in `t`.
fn comma_before(t: &str, next: &[u8]) -> bool {
    let bytes = t.as_bytes();
    memchr::memchr_iter(b',', bytes)
        .any(|i| bytes.get(i + 1) == Some(&b' ') && bytes.get(i + 2).is_some_and(|b| next.contains(b)))
}

/// Whether `mark` followed by one of `next` occurs in `t`.
fn byte_before(t: &str, mark: u8, next: &[u8]) -> bool {
    let bytes = t.as_bytes();
    memchr::memchr_iter(mark, bytes).any(|i| bytes.get(i + 1).is_some_and(|b| next.contains(b)))
}

/// Whether a copyright or syndication pattern can match. By pattern: a start `(c)` or `copyright` (0);
/// the letters of `all rights reserved` (1); those of `this material may not be published, broadcast`
/// (2); a start `*_([` or `this`, `a ve(rsion)`, `orig(inally)`, `exce(pt)`, `repu(blished)` (3); an
/// end `\)\.?` (4); `/`, a first byte `[A-Z]` and a last ASCII letter (5); a start `dis(claimer)` (6);
/// `;` and a start `Add(itional)`, `Rep(orting)` or `Wri(ting)` (7); the letters of `contributed` (8);
/// a start `dis(tributed)` or `syn(dicated)` (9); a start `our ` (10); a start `this` or `tra(nscript)` (11).
pub fn copyright_footer(s: &Shape, t: &str) -> bool {
    const OPENERS: [Start; 4] = starts(["*", "_", "(", "["]);
    const SLASH: Classes = any_of(b"/");
    const SEMICOLON: Classes = any_of(b";");
    const CREDITS: [Start; 3] = starts(["add", "rep", "wri"]);
    const STARTS: [Start; 10] = starts(["cop", "this", "a ve", "orig", "exce", "repu", "dis", "syn", "our ", "tra"]);
    const WORDS: [Classes; 3] = [
        letters_of("all rights reserved"),
        letters_of("this material may not be published, broadcast"),
        letters_of("contributed"),
    ];
    s.starts_with_any(&OPENERS)
        || s.starts_with_any(&STARTS)
        || ends_with_paren(t)
        || (s.has_any(SLASH) && is_capitalised_path(t))
        || (s.has_any(SEMICOLON) && s.starts_with_any(&CREDITS))
        || WORDS.iter().any(|&w| s.has_all(w))
        || has_copyright_sign(s, t)
}

/// Whether `t` starts with an ASCII capital and ends with an ASCII letter, as `^[A-Z]…/[A-Za-z]+$` needs.
fn is_capitalised_path(t: &str) -> bool {
    let bytes = t.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_uppercase) && bytes.last().is_some_and(u8::is_ascii_alphabetic)
}

/// Whether `FOLLOW` can match: it starts `follow`, `like`, `join`, `connect with` or `find`.
pub fn follow(s: &Shape) -> bool {
    const STARTS: [Start; 5] = starts(["fol", "lik", "joi", "con", "fin"]);
    s.starts_with_any(&STARTS)
}

/// Whether `SUBSCRIBE_START` or `SUBSCRIBE_ANY` can match. The anchored branches of the first start
/// `sign (up|in)`, `subscribe`, `never`, `download`, `click`, `tap`, `already`, `support`, `become`,
/// `log`, `create`, `thank(s)`, `like` or `for ` (`for the latest news …`); `enter your email` also needs the letters of `your email`
/// and `get the … app` those of `the app`, `get the … by email` those of `by email`; `get our … newsletter`, `newsletter` and its other branches
/// need the letters of `newsletter`, `click here` or `follow … on`; the second pattern needs those of
/// `sign up`, `subscri`, `inbox` or `newsletter`.
pub fn sign_up(s: &Shape) -> bool {
    const STARTS: [Start; 14] = starts([
        "sign", "subs", "neve", "down", "clic", "tap ", "alre", "supp", "beco", "log", "crea", "than", "like", "for ",
    ]);
    const STARTS_WITH_WORDS: [(Start, Classes); 3] = [
        (start("ente"), letters_of("your email")),
        (start("get "), letters_of("the app")),
        (start("get "), letters_of("by email")),
    ];
    const WORDS: [Classes; 6] = [
        letters_of("click here"),
        letters_of("follow on"),
        letters_of("sign up"),
        letters_of("subscri"),
        letters_of("inbox"),
        letters_of("newsletter"),
    ];
    s.starts_with_any(&STARTS)
        || STARTS_WITH_WORDS.iter().any(|&(st, w)| s.starts_with(st) && s.has_all(w))
        || WORDS.iter().any(|&w| s.has_all(w))
}

/// Whether `READ_MORE_LINE`, `READ_MORE_CAPS` or `READ_LABEL` can match: an opening `[` or `(`, or one of the
/// anchored phrases, by their first three bytes (`up next`, `in case` and `go deeper` by two and a space).
pub fn read_more(s: &Shape) -> bool {
    const MARKS: Classes = any_of(b"[(");
    const STARTS: [Start; 25] = starts([
        "rea", "als", "see", "rel", "mor", "rec", "mos", "you", "don", "tre", "edi", "top", "wha", "wat", "up ", "pop",
        "lat", "fur", "in ", "tag", "fil", "cat", "lis", "pos", "go ",
    ]);
    s.has_any(MARKS) || s.starts_with_any(&STARTS)
}

/// Whether `PLAYER_WIDGET` can match: the letters of `autoplay` or of `this code`.
pub fn player_widget(s: &Shape) -> bool {
    const WORDS: [Classes; 2] = [letters_of("autoplay"), letters_of("this code")];
    WORDS.iter().any(|&w| s.has_all(w))
}

/// Whether `JAVASCRIPT_NOTICE` can match: each branch names `javascript`, whose letters the line
/// must then hold.
pub fn javascript_notice(s: &Shape) -> bool {
    const WORD: Classes = letters_of("javascript");
    s.has_all(WORD)
}

/// Whether `COUNTER` can match: its numeric branches need `\d`; the others start `comment`,
/// `no comments`, `view`, `show`, `leave`, `add`, `post` or `join`.
pub fn counter(s: &Shape) -> bool {
    const STARTS: [Start; 8] = starts(["com", "no ", "vie", "sho", "lea", "add", "pos", "joi"]);
    s.may_have_digit() || s.starts_with_any(&STARTS)
}

/// Whether a byline pattern can match. By pattern: a start `By`/`BY` (0) or `written`, `author`,
/// `posted`, `story`, `words`, `interview` (5); `,` (1); an end `Associated Press`, `Reuters` or `AFP` (2);
/// `@` (3, 4); a start `by` (6); `/` (7, 8).
pub fn byline(s: &Shape, t: &str) -> bool {
    const MARKS: Classes = any_of(b",@/");
    const STARTS: [Start; 7] = starts(["by", "wri", "aut", "pos", "sto", "wor", "int"]);
    s.has_any(MARKS)
        || s.starts_with_any(&STARTS)
        || t.ends_with("Press")
        || t.ends_with("Reuters")
        || t.ends_with("AFP")
}

/// Whether `TIMESTAMP_LINE` can match the line without its leading `|`, bullets and spaces: its
/// branches start `published`, `updated`, `posted`, `last updated`, `first published`, `last
/// modified`, `modified`, `date`, `last reviewed`, `page last`, `this` (an age banner) or `\d`. A line with `|` or starting outside
/// ASCII (a bullet, a Unicode digit) passes.
pub fn timestamp_line(s: &Shape) -> bool {
    const BAR: Classes = any_of(b"|");
    const STARTS: [Start; 19] = starts([
        "pub", "upd", "pos", "las", "fir", "mod", "dat", "thi", "pag", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ]);
    s.has_any(BAR) || s.starts_with_any(&STARTS) || s.starts_non_ascii()
}

/// Whether a cookie cue ([`COOKIE_CUE_WORDS`]: literal, so their letters are needed whatever else
/// the line holds) can occur.
pub fn cookie_cues(s: &Shape) -> bool {
    const CUES: [Classes; 8] = letters_of_each(COOKIE_CUE_WORDS);
    CUES.iter().any(|&c| s.has_all(c))
}

/// Whether a comment-form cue ([`COMMENT_FORM_CUE_WORDS`]: literal, so their letters are needed
/// whatever else the line holds) can occur.
pub fn comment_form_cues(s: &Shape) -> bool {
    const CUES: [Classes; 9] = letters_of_each(COMMENT_FORM_CUE_WORDS);
    CUES.iter().any(|&c| s.has_all(c))
}

/// [`letters_of`] each cue: the gate is built from the very list the cue finder searches for.
const fn letters_of_each<const N: usize>(words: [&str; N]) -> [Classes; N] {
    let mut out = [letters_of(""); N];
    let mut i = 0;
    while i < N {
        out[i] = letters_of(words[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_signs_are_found_as_by_characters() {
        for t in
            ["© Lena Park", "Photo Ⓒ AP", "“quoted” — ’s", "Ⓑ Ⓓ ©", "x\u{a9}", "\u{2492}", "¢ â ©", "é", "plain", ""]
        {
            assert_eq!(has_copyright_sign(&Shape::of(t), t), t.contains(['©', 'Ⓒ']), "{t:?}");
        }
    }

    #[test]
    fn menu_entries_pass_no_gate() {
        for l in ["Home", "Local News", "Sports", "Opinion", "Culture", "Business", "Weather"] {
            let s = Shape::of(l);
            let gates = [
                gallery_counter(&s, l),
                photo_credit(&s, l),
                copyright_footer(&s, l),
                follow(&s),
                sign_up(&s),
                read_more(&s),
                counter(&s),
                byline(&s, l),
                timestamp_line(&s),
                comment_form_cues(&s),
            ];
            assert!(gates.iter().all(|g| !g), "{l}: {gates:?}");
        }
    }

    #[test]
    fn unicode_passes_only_where_it_could_match() {
        let s = Shape::of("ſign up for our newſletter");
        assert!(sign_up(&s) && read_more(&Shape::of("ſee also")) && counter(&Shape::of("١٢")));
        assert!(timestamp_line(&Shape::of("• Updated 2 hours ago")) && timestamp_line(&Shape::of("٥ min read")));
        for l in ["«Read more»", "Что почитать", "이만수 칼럼", "Фото:"] {
            let s = Shape::of(l);
            let gates = [read_more(&s), byline(&s, l), follow(&s), sign_up(&s), photo_credit(&s, l)];
            assert!(gates.iter().all(|g| !g), "{l}: {gates:?}");
        }
        let credit = "© Lena Park";
        assert!(photo_credit(&Shape::of(credit), credit) && copyright_footer(&Shape::of(credit), credit));
        for l in ["Home – News", "Local · Sport"] {
            let s = Shape::of(l);
            let gates = [photo_credit(&s, l), copyright_footer(&s, l), follow(&s), read_more(&s), byline(&s, l)];
            assert!(gates.iter().all(|g| !g), "{l}: {gates:?}");
        }
    }

    #[test]
    fn gates_open_on_their_cues() {
        let gallery = |l: &str| gallery_counter(&Shape::of(l), l);
        assert!(gallery("3 of 12") && gallery("Image 3/12") && gallery("٣ of ١٢"));
        assert!(
            !gallery("three of twelve") && !gallery("3 of twelve") && !gallery("Page 3 of 12") && !gallery("3 to 12")
        );
        assert!(photo_credit(&Shape::of("Getty"), "Getty") && photo_credit(&Shape::of("Lena Park/AP"), "Lena Park/AP"));
        let placed = "Ann Lee, right, at the harbour";
        assert!(
            photo_credit(&Shape::of(placed), placed) && !photo_credit(&Shape::of("Lee, who left"), "Lee, who left")
        );
        assert!(photo_credit(&Shape::of("Above: x"), "Above: x") && !photo_credit(&Shape::of("Home: x"), "Home: x"));
        let rights = "ALL RIGHTS RESERVED";
        assert!(copyright_footer(&Shape::of(rights), rights) && copyright_footer(&Shape::of("Copyright"), "Copyright"));
        assert!(follow(&Shape::of("Follow us on X")) && !follow(&Shape::of("Us on X")));
        assert!(sign_up(&Shape::of("Get the app")) && sign_up(&Shape::of("Our newsletters")));
        assert!(
            !sign_up(&Shape::of("News")) && !sign_up(&Shape::of("Entertainment")) && !sign_up(&Shape::of("Get out"))
        );
        assert!(read_more(&Shape::of("Up next")) && !read_more(&Shape::of("Upnext")));
        assert!(counter(&Shape::of("Comments")) && counter(&Shape::of("12")));
        assert!(byline(&Shape::of("Lena Park Associated Press"), "Lena Park Associated Press"));
        assert!(timestamp_line(&Shape::of("Updated an hour ago")) && timestamp_line(&Shape::of("5 min read")));
        assert!(timestamp_line(&Shape::of("| 5 min")) && !timestamp_line(&Shape::of("Read in 5 min")));
        assert!(cookie_cues(&Shape::of("Privacy")) && !cookie_cues(&Shape::of("Home")));
        assert!(comment_form_cues(&Shape::of("REPLY")) && !comment_form_cues(&Shape::of("Home")));
    }
}
