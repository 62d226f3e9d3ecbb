//! Furniture of kinds of pages the older rules had not met: a press-release wire's closing lines, a
//! podcast's credits and transcript cues, a comment thread's controls and prompts, a paywall box's
//! offers, link labels read out for screen readers, pagers and footer link rows.
//!
//! Each check looks at a short line only and first at its opening or closing bytes, so prose is let go
//! after a comparison or two (no search runs over a long line).

use super::layout::Verdict;
use super::line_shape::{Classes, Shape, any_of};
use super::rules::{AD_MARKER, COMMENT_COUNTER, COPYRIGHT_FOOTER, SHARE_SUBSCRIBE, TIMESTAMP};
use super::text::{Line, ends_sentence, labelled_quote, opens_ignoring_case, strip_prefix_ignoring_case};

/// The first four bytes of a line, ASCII-lowercased (zero-padded): each check compares them with the
/// openings it knows before it compares anything longer.
fn head(t: &str) -> [u8; 4] {
    let mut out = [0u8; 4];
    for (o, b) in out.iter_mut().zip(t.bytes()) {
        *o = b.to_ascii_lowercase();
    }
    out
}

/// Checks that look only at lines with certain openings, as bits of [`start_groups`].
const WIRE: u8 = 1;
/// See [`WIRE`]: the openings of the [`CREDIT_ROLES`].
const ROLE: u8 = 2;
/// See [`WIRE`]: the verbs of a comment thread's controls.
const CONTROL: u8 = 4;
/// See [`WIRE`]: a comment thread's rules.
const COMMENT_RULES: u8 = 8;
/// See [`WIRE`]: a paywall's offers and prompts.
const PAYWALL: u8 = 16;
/// See [`WIRE`]: calls for letters.
const LETTERS: u8 = 32;
/// See [`WIRE`]: a site's standing notices ([`NOTICES`]).
const NOTICE: u8 = 64;

/// The lower-cased first four bytes each group of checks looks for: the one list of them, read through
/// [`start_groups`].
const STARTS: [(&[u8; 4], u8); 54] = [
    (b"forw", WIRE),
    (b"caut", WIRE),
    (b"safe", WIRE),
    (b"this", WIRE | NOTICE),
    (b"we i", NOTICE),
    (b"our ", NOTICE),
    (b"pric", NOTICE),
    (b"you ", NOTICE),
    (b"you'", NOTICE),
    (b"you\xe2", NOTICE),
    (b"havi", NOTICE),
    (b"quot", NOTICE),
    (b"mark", NOTICE),
    (b"spor", NOTICE),
    (b"odds", NOTICE),
    (b"must", NOTICE),
    (b"new ", NOTICE),
    (b"bet ", NOTICE),
    (b"audi", NOTICE),
    (b"appe", NOTICE),
    (b"cert", WIRE),
    (b"sour", WIRE),
    (b"view", WIRE | CONTROL),
    (b"phot", WIRE),
    (b"prod", ROLE),
    (b"edit", ROLE),
    (b"mixe", ROLE),
    (b"engi", ROLE),
    (b"host", ROLE),
    (b"musi", ROLE),
    (b"soun", ROLE),
    (b"orig", ROLE),
    (b"exec", ROLE),
    (b"addi", ROLE),
    (b"fact", ROLE),
    (b"tran", ROLE),
    (b"load", CONTROL),
    (b"see ", CONTROL),
    (b"read", CONTROL),
    (b"comm", COMMENT_RULES),
    (b"all ", COMMENT_RULES),
    (b"plea", COMMENT_RULES),
    (b"get ", PAYWALL),
    (b"unli", PAYWALL),
    (b"want", PAYWALL),
    (b"alre", PAYWALL),
    (b"have", PAYWALL),
    (b"we w", LETTERS),
    (b"subm", LETTERS),
    (b"writ", LETTERS | NOTICE),
    (b"issu", NOTICE),
    (b"enjo", NOTICE),
    (b"tap ", NOTICE),
    (b"show", CONTROL | NOTICE),
];

/// Slots of [`START_TABLE`]: far more than [`STARTS`], so a look-up nearly always ends at its first slot.
const SLOTS: usize = 4096;

/// The first slot of [`START_TABLE`] to look at for a line's first four bytes (read as `key`).
fn start_slot(key: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> 20) as usize % SLOTS
}

/// [`STARTS`] as an open-addressed table: each opening (as a little-endian `u32`; 0, no opening, marks
/// an empty slot) in its [`start_slot`] or the next free one after it, with its groups.
static START_TABLE: std::sync::LazyLock<Box<[(u32, u8)]>> = std::sync::LazyLock::new(|| {
    let mut table = vec![(0u32, 0u8); SLOTS].into_boxed_slice();
    for (start, groups) in STARTS {
        let key = u32::from_le_bytes(*start);
        let mut slot = start_slot(key);
        while table[slot].0 != 0 && table[slot].0 != key {
            slot = (slot + 1) % SLOTS;
        }
        table[slot] = (key, table[slot].1 | groups);
    }
    table
});

/// The groups of checks that look at a line opening with `start` (exactly those of [`STARTS`]): one
/// look-up, where comparing the openings one by one mispredicted branches on most lines of a whole page.
#[inline]
fn start_groups(start: &[u8; 4]) -> u8 {
    let key = u32::from_le_bytes(*start);
    let mut slot = start_slot(key);
    let mut entry = START_TABLE[slot];
    // Nearly every look-up ends here: an empty slot (most lines) or the opening itself.
    while entry.0 != key && entry.0 != 0 {
        slot = (slot + 1) % SLOTS;
        entry = START_TABLE[slot];
    }
    if entry.0 == key { entry.1 } else { 0 }
}

/// The rule and the kind of furniture of a line, if a check here knows it (`words` counted up to 80 at
/// least). The ids are the rules' of [`rules`](super::rules): a wire footer or credit is a
/// `copyright-footer`, a paywall offer a `share-subscribe`, a comment thread's line a `comment-counter`,
/// any other widget an `ad-marker`.
pub fn judge(t: &str, words: usize, shape: &Shape) -> Option<(&'static str, &'static str)> {
    if words > MAX_DISCLAIMER_WORDS {
        return None;
    }
    let start = head(t);
    let groups = start_groups(&start);
    let wire = if groups & WIRE != 0 { wire_footer(t, words, &start) } else { None };
    if let Some(what) = wire.or_else(|| credit_line(t, words, &start, shape)) {
        return Some((COPYRIGHT_FOOTER, what));
    }
    if groups & NOTICE != 0
        && let Some(found) = standing_notice(t, words, &start)
    {
        return Some(found);
    }
    if words > MAX_WORDS {
        return None;
    }
    if groups & PAYWALL != 0 && is_paywall_offer(t, words) {
        return Some((SHARE_SUBSCRIBE, "paywall offer"));
    }
    if is_newsletter_pitch(t, words) {
        return Some((SHARE_SUBSCRIBE, "sign-up prompt"));
    }
    if matches!(start[0], b'j' | b'f' | b's') && is_channel_prompt(t, words) {
        return Some((SHARE_SUBSCRIBE, "channel prompt"));
    }
    if groups & LETTERS != 0 && is_letters_prompt(t, words) {
        return Some((SHARE_SUBSCRIBE, "letters prompt"));
    }
    if let Some(what) = comment_thread(t, words, &start) {
        return Some((COMMENT_COUNTER, what));
    }
    if is_betting_promo(t) {
        return Some((AD_MARKER, "betting promo"));
    }
    page_widget(t, words, &start, shape).map(|what| (AD_MARKER, what))
}

/// The openings of a site's standing notices (lower case), each with its rule and kind: affiliate and
/// review policies, a newsletter's note on why the reader gets it, a quote box's data credit, a
/// bookmaker's small print and offers, an audio player's note, a print-edition note.
const NOTICES: [(&str, &str, &str); 26] = [
    ("this issue is brought to you by ", AD_MARKER, "sponsor message"),
    ("this newsletter is brought to you by ", AD_MARKER, "sponsor message"),
    ("this email is brought to you by ", AD_MARKER, "sponsor message"),
    ("tap to enable a layout", AD_MARKER, "page control"),
    ("our articles are based on ", COPYRIGHT_FOOTER, "review policy"),
    ("this article contains affiliate links", COPYRIGHT_FOOTER, "affiliate notice"),
    ("this page contains affiliate links", COPYRIGHT_FOOTER, "affiliate notice"),
    ("this story contains affiliate links", COPYRIGHT_FOOTER, "affiliate notice"),
    ("this guide contains affiliate links", COPYRIGHT_FOOTER, "affiliate notice"),
    ("we include products we think are useful", COPYRIGHT_FOOTER, "affiliate notice"),
    ("our editors independently select", COPYRIGHT_FOOTER, "affiliate notice"),
    ("our experts continually monitor", COPYRIGHT_FOOTER, "review policy"),
    ("prices and availability are subject to change", COPYRIGHT_FOOTER, "affiliate notice"),
    ("you are receiving this email because", SHARE_SUBSCRIBE, "newsletter notice"),
    ("you received this email because", SHARE_SUBSCRIBE, "newsletter notice"),
    ("you're receiving this email because", SHARE_SUBSCRIBE, "newsletter notice"),
    ("you’re receiving this email because", SHARE_SUBSCRIBE, "newsletter notice"),
    ("having trouble viewing this email", SHARE_SUBSCRIBE, "newsletter notice"),
    ("quotes delayed", COPYRIGHT_FOOTER, "market data notice"),
    ("market data provided by", COPYRIGHT_FOOTER, "market data notice"),
    ("sports betting content is intended for", AD_MARKER, "betting notice"),
    ("odds provided by", AD_MARKER, "betting notice"),
    ("must be 21+", AD_MARKER, "betting notice"),
    ("new users: bet ", AD_MARKER, "betting promo"),
    ("bet now at ", AD_MARKER, "betting promo"),
    ("audio generated by", AD_MARKER, "audio player note"),
];

/// The rule and kind of a site's standing notice: one of the [`NOTICES`] openings, or a short notice
/// ([`short_notice`]), in a line that quotes or reports nobody (`"Prices and availability are subject
/// to change," the airline said.` reads on). Only the openings that share the line's first four bytes
/// (`start`) are compared.
fn standing_notice(t: &str, words: usize, start: &[u8; 4]) -> Option<(&'static str, &'static str)> {
    if words > 60 {
        return None;
    }
    let found = short_notice(t, words, start).or_else(|| {
        NOTICES
            .iter()
            .find(|(o, _, _)| o.as_bytes().get(..4) == Some(start.as_slice()) && opens_ignoring_case(t, o))
            .map(|&(_, rule, what)| (rule, what))
    });
    found.filter(|_| !t.contains(['"', '“', '”']) && !t.contains(" said"))
}

/// Most words of a newsletter's issue label (`Issue #214 · Thursday, April 3, 2025`).
const MAX_ISSUE_WORDS: usize = 8;

/// The rule and kind of a short notice known by its opening (`start`, the first four bytes) and one
/// more feature: a print-edition note (`Appeared in the May 2, 2025, print edition as '…'.`), a writer's
/// address (`Write to Ann Lee at ann.lee@example.com`), a newsletter's issue label with its date, a
/// referral prompt (`Enjoying The Morning Tide? Share it with a friend…`) or a list's counter
/// (`Showing 1 - 2 of 14`).
fn short_notice(t: &str, words: usize, start: &[u8; 4]) -> Option<(&'static str, &'static str)> {
    match start {
        b"appe" if words <= 30 && opens_ignoring_case(t, "appeared in the ") && t.contains(" print edition") => {
            Some((COPYRIGHT_FOOTER, "print edition note"))
        }
        b"writ" if words <= 12 && opens_ignoring_case(t, "write to ") && t.contains('@') && !t.ends_with('?') => {
            Some((COPYRIGHT_FOOTER, "writer's address"))
        }
        b"issu" if words <= MAX_ISSUE_WORDS && is_issue_label(t) => Some((TIMESTAMP, "newsletter issue label")),
        b"enjo" if words <= 20 && is_referral_prompt(t) => Some((SHARE_SUBSCRIBE, "referral prompt")),
        b"show" if words <= 6 && is_list_counter(t) => Some((AD_MARKER, "list counter")),
        _ => None,
    }
}

/// Whether `t` is a newsletter's issue label: `Issue #214` or `Issue No. 12`, then a date with a year.
fn is_issue_label(t: &str) -> bool {
    let Some(rest) = strip_prefix_ignoring_case(t, "issue #").or_else(|| strip_prefix_ignoring_case(t, "issue no. "))
    else {
        return false;
    };
    rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
        && !ends_sentence(t)
}

/// Whether `t` asks the reader to pass a newsletter on: `Enjoying …?` then an ask to share or forward it.
fn is_referral_prompt(t: &str) -> bool {
    let Some((_, ask)) = t.split_once("? ") else { return false };
    opens_ignoring_case(t, "enjoying ")
        && ["share it", "share this", "forward it", "forward this", "refer a friend"]
            .iter()
            .any(|a| opens_ignoring_case(ask, a))
}

/// Whether `t` is a list's counter: `Showing 1 - 2 of 14`, `Showing 11-20 of 58`.
fn is_list_counter(t: &str) -> bool {
    let Some(rest) = strip_prefix_ignoring_case(t, "showing ") else { return false };
    rest.contains(" of ")
        && rest
            .split([' ', '-', '–'])
            .filter(|w| !w.is_empty())
            .all(|w| w == "of" || w.bytes().all(|b| b.is_ascii_digit()))
}

/// Headers of a table of contents (compared ignoring ASCII case, a closing colon aside).
const CONTENTS_HEADERS: [&str; 8] = [
    "jump to",
    "jump to section",
    "table of contents",
    "contents",
    "in this article",
    "on this page",
    "in this guide",
    "in this story",
];
/// Most entries of a table of contents.
const MAX_CONTENTS_ENTRIES: usize = 20;
/// Most words of a table of contents' entry.
const MAX_ENTRY_WORDS: usize = 12;

/// Marks the entries of a table of contents (`Jump to:` or `Table of Contents` and the subheads listed
/// under it): each short line after the header that the text prints again further down as a line of
/// its own. The subheads themselves, further down, stay; so does a list after such a header whose
/// lines are not repeated (it is no table of contents). Lines judged before are passed over.
pub fn judge_contents(lines: &[Line<'_>], words: &[usize], verdicts: &mut [Option<Verdict>]) {
    for header in lines.iter().filter(|l| words[l.index] <= 4 && is_contents_header(l.trimmed())) {
        let mut entries = 0;
        for l in &lines[header.index + 1..] {
            if l.is_blank() || verdicts[l.index].is_some() {
                continue;
            }
            let t = l.trimmed();
            let entry = entries < MAX_CONTENTS_ENTRIES
                && words[l.index] <= MAX_ENTRY_WORDS
                && (!ends_sentence(t) || t.ends_with('?'))
                && lines[l.index + 1..].iter().any(|later| later.trimmed() == t);
            if !entry {
                break;
            }
            entries += 1;
            verdicts[l.index] = Some(Verdict::builtin(AD_MARKER, labelled_quote("contents entry", t, 60)));
        }
    }
}

/// The verdicts of fact-checkers' rating scales (compared ignoring ASCII case).
const RATINGS: [&str; 16] = [
    "true",
    "mostly true",
    "half true",
    "mostly false",
    "false",
    "pants on fire",
    "pants on fire!",
    "mixture",
    "unproven",
    "misleading",
    "partly false",
    "missing context",
    "altered",
    "satire",
    "correct attribution",
    "miscaptioned",
];

/// Fewest lines of a rating scale printed as a widget.
const MIN_SCALE_LINES: usize = 4;

/// Marks a fact-check page's rating scale: a run of at least [`MIN_SCALE_LINES`] consecutive lines, each
/// one of the [`RATINGS`] (`Pants on Fire`, `False`, `Mostly False`, `Half True` …), which the widget
/// prints around the verdict. One verdict alone (`False`, `Our rating: False`) is the story's and stays.
pub fn judge_rating_scales(lines: &[Line<'_>], words: &[usize], verdicts: &mut [Option<Verdict>]) {
    let rating = |l: &Line<'_>| words[l.index] <= 3 && RATINGS.iter().any(|r| l.trimmed().eq_ignore_ascii_case(r));
    // The current run of rating lines (blank lines between them do not break it); most texts have none.
    let mut run: Vec<usize> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_blank()) {
        if rating(l) {
            run.push(l.index);
        } else {
            mark_scale(lines, &mut run, verdicts);
        }
    }
    mark_scale(lines, &mut run, verdicts);
}

/// Marks the lines of `run` (indices of rating lines in a row) as a rating scale when there are at least
/// [`MIN_SCALE_LINES`] of them, and empties it.
fn mark_scale(lines: &[Line<'_>], run: &mut Vec<usize>, verdicts: &mut [Option<Verdict>]) {
    if run.len() >= MIN_SCALE_LINES {
        for &i in run.iter() {
            if verdicts[i].is_none() {
                verdicts[i] = Some(Verdict::builtin(AD_MARKER, labelled_quote("rating scale", lines[i].trimmed(), 60)));
            }
        }
    }
    run.clear();
}

/// Whether `t` is one of the [`CONTENTS_HEADERS`].
fn is_contents_header(t: &str) -> bool {
    let first = t.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    b"jtcio".contains(&first) && CONTENTS_HEADERS.iter().any(|h| t.trim_end_matches(':').eq_ignore_ascii_case(h))
}

/// Most words of a line any check here looks at (a forward-looking disclaimer runs longer, see
/// [`MAX_DISCLAIMER_WORDS`]).
const MAX_WORDS: usize = 30;
/// Most words of a press release's forward-looking-statement disclaimer paragraph.
const MAX_DISCLAIMER_WORDS: usize = 120;

/// A colon somewhere in a line (a [`Shape`] knows without a search).
const COLON: Classes = any_of(b":");
/// A vertical bar somewhere in a line: footer link rows are separated by them.
const BAR: Classes = any_of(b"|");

/// Headers of a press release's legal notes, alone on a line (compared ignoring ASCII case).
const DISCLAIMER_HEADERS: [&str; 6] = [
    "forward-looking statements",
    "forward looking statements",
    "cautionary note regarding forward-looking statements",
    "cautionary statement regarding forward-looking statements",
    "safe harbor statement",
    "safe harbour statement",
];

/// Openings of a press release's forward-looking-statement disclaimer.
const DISCLAIMER_OPENINGS: [&str; 7] = [
    "this press release contains ",
    "this news release contains ",
    "this release contains ",
    "this press release may contain ",
    "this announcement contains ",
    "certain statements in this press release ",
    "certain statements in this news release ",
];

/// Openings of a wire service's link to the release on its own site.
const WIRE_LINK_OPENINGS: [&str; 3] =
    ["View original content", "View source version on ", "Photos accompanying this announcement are available at "];

/// What a press-release wire's closing line is: the forward-looking-statement disclaimer or its header,
/// `SOURCE Acme Robotics, Inc.`, or `View original content…` with the release's address.
fn wire_footer(t: &str, words: usize, start: &[u8; 4]) -> Option<&'static str> {
    match start {
        b"forw" | b"caut" | b"safe" => {
            let core = t.trim_end_matches([':', '.', ' ']);
            let header = words <= 6 && DISCLAIMER_HEADERS.iter().any(|h| core.eq_ignore_ascii_case(h));
            header.then_some("forward-looking statements header")
        }
        // Prose opens `This` often: the word after it (`press`, `news`, `release`, `announcement`) first.
        b"this" | b"cert" => {
            let next = t.as_bytes().get(5..9).unwrap_or_default();
            let words_after = [b"pres", b"news", b"rele", b"anno"];
            let known = start == b"cert" || words_after.iter().any(|w| next.eq_ignore_ascii_case(*w));
            let disclaimer =
                known && DISCLAIMER_OPENINGS.iter().any(|o| opens_ignoring_case(t, o)) && t.contains("forward-looking");
            disclaimer.then_some("forward-looking statements disclaimer")
        }
        b"sour" => (words <= MAX_WORDS && is_source_line(t, words)).then_some("press release source"),
        b"view" | b"phot" => {
            let link = words <= MAX_WORDS && WIRE_LINK_OPENINGS.iter().any(|o| t.starts_with(o));
            link.then_some("press release link")
        }
        _ => None,
    }
}

/// Whether `t` is a wire's `SOURCE Acme Robotics, Inc.`: the capitalised label, then a company name
/// whose words open with capitals (`SOURCE CODE of the app leaked, he said.` reads on).
fn is_source_line(t: &str, words: usize) -> bool {
    let Some(name) = t.strip_prefix("SOURCE ") else {
        return false;
    };
    words <= 8 && name.split(' ').all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '&'))
}

/// Roles a production credit names (`Produced by …`, `Music by …`), compared ignoring ASCII case.
const CREDIT_ROLES: [&str; 12] = [
    "produced",
    "edited",
    "mixed",
    "engineered",
    "hosted",
    "music",
    "sound design",
    "original music",
    "executive produced",
    "additional production",
    "fact-checking",
    "translated",
];

/// Labels of a one-name credit (`Editor: Zhou Min`, `[Editor: JS]`, `Source: Xinhua`).
const CREDIT_LABELS: [&str; 8] =
    ["editor", "editors", "edited by", "source", "translator", "producer", "reporter", "reporters"];

/// What a credit line is: a podcast's or a video's production credits (`Produced by Sam Lee. Edited by
/// Ana Ruiz.`), a translation credit, or a one-name credit under a wire story (`Editor: Zhou Min`,
/// `[Editor: JS]`, `Source: Xinhua`).
fn credit_line(t: &str, words: usize, start: &[u8; 4], shape: &Shape) -> Option<&'static str> {
    if words > 20 {
        return None;
    }
    let first = t.as_bytes().first()?.to_ascii_lowercase();
    // A credit's label ends within its first bytes (`[Translator:`): most lines have no colon there.
    let label_bytes = &t.as_bytes()[..t.len().min(13)];
    let labelled = matches!(first, b'e' | b's' | b't' | b'p' | b'r' | b'[' | b'(')
        && shape.has_any(COLON)
        && memchr::memchr(b':', label_bytes).is_some();
    if labelled && is_labelled_credit(t) {
        return Some("credit");
    }
    let credits = start_groups(start) & ROLE != 0
        && CREDIT_ROLES.iter().any(|r| opens_ignoring_case(t, r))
        && !t.contains(", ")
        && t.trim_end_matches('.').split(". ").all(is_role_credit);
    credits.then_some("production credits")
}

/// Whether `t` is `Label: Name` or the same in brackets, with a [`CREDIT_LABELS`] label and a name of at
/// most five words that open with capitals (connecting `of`, `and`, `for`, `the` aside: `Source:
/// Bureau of Labor Statistics`); `Source: a person close to the talks said …` reads on.
fn is_labelled_credit(t: &str) -> bool {
    let inner = match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(b'['), Some(b']')) | (Some(b'('), Some(b')')) if t.len() > 1 => &t[1..t.len() - 1],
        _ => t,
    };
    let Some((label, name)) = inner.split_once(": ") else {
        return false;
    };
    let connector = |w: &str| matches!(w, "of" | "and" | "for" | "the" | "&");
    let names = name.trim_end_matches('.').split([' ', ',']).filter(|w| !w.is_empty());
    CREDIT_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
        && name.split(' ').count() <= 5
        && name.starts_with(|c: char| c.is_uppercase())
        && names.clone().all(|w| connector(w) || w.starts_with(|c: char| c.is_uppercase()))
        && !name.contains(['"', '“', '?', '!'])
}

/// Whether a sentence of a credit line is one credit: a [`CREDIT_ROLES`] role, `by`, and a name of one
/// to four capitalised words (`Produced by the council in 1998` is not: `the` opens no name).
fn is_role_credit(part: &str) -> bool {
    let Some(role) = CREDIT_ROLES.iter().find(|r| opens_ignoring_case(part, r)) else {
        return false;
    };
    let Some(name) = strip_prefix_ignoring_case(&part[role.len()..], " by ") else {
        return false;
    };
    let count = name.split(' ').count();
    // A translation credit may name a desk rather than people (`Translated by Xinhua editors from the
    // Chinese original`).
    if role == &"translated" && count <= 8 && name.starts_with(|c: char| c.is_uppercase()) {
        return true;
    }
    (1..=4).contains(&count)
        && name.split(' ').all(|w| w.starts_with(|c: char| c.is_uppercase()) || w == "and" || w == "&")
}

/// What a comment thread's line is: a control (`View 3 more replies`, `Replying to sandy_k`), a note on
/// the rules (`Commenting is subject to our community guidelines.`) or a prompt to the reader (`What do
/// you think? Share your thoughts in the comments below.`).
fn comment_thread(t: &str, words: usize, start: &[u8; 4]) -> Option<&'static str> {
    let first = t.as_bytes().first()?.to_ascii_lowercase();
    // The first letters of every control, rule and prompt below (`View…`, `Replying…`, `What do you…?`).
    if words > 25 || !b"vslrcapiwtjdhgy".contains(&first) {
        return None;
    }
    let groups = start_groups(start);
    if words <= 6 && groups & CONTROL != 0 && is_replies_control(t) {
        return Some("comment control");
    }
    if words <= 5 && (t.starts_with("Replying to ") || t.starts_with("In reply to ")) && !ends_sentence(t) {
        return Some("comment control");
    }
    const RULES: [&str; 5] = [
        "commenting is subject to ",
        "comments are subject to ",
        "all comments are moderated",
        "comments are moderated",
        "please read our community guidelines",
    ];
    if groups & COMMENT_RULES != 0 && RULES.iter().any(|r| opens_ignoring_case(t, r)) {
        return Some("comment rules");
    }
    if matches!(first, b'y' | b'r') && FORM_NOTICES.iter().any(|n| opens_ignoring_case(t, n)) {
        return Some("comment form");
    }
    is_comment_prompt(t, words).then_some("comment prompt")
}

/// The notices of a blog's comment form (`Your email address will not be published. Required fields are
/// marked *`), told by their opening: a sentence about an address that was published opens otherwise.
const FORM_NOTICES: [&str; 2] = ["your email address will not be published", "required fields are marked"];

/// Whether `t` is `View 3 more replies`, `Show replies`, `Load 12 more comments`, `See all 40 comments`:
/// a verb, then `all`, a number, `more` or `previous` in any order, then `replies` or `comments` (or a
/// guest book's `entries`: `Show all 14 entries`).
fn is_replies_control(t: &str) -> bool {
    let mut words = t.split(' ');
    let verb = words.next().unwrap_or_default();
    if !["view", "show", "load", "see", "read"].iter().any(|v| verb.eq_ignore_ascii_case(v)) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    let Some((last, middle)) = rest.split_last() else {
        return false;
    };
    let filler = |w: &&str| {
        ["all", "more", "previous", "older", "earlier"].iter().any(|f| w.eq_ignore_ascii_case(f))
            || w.bytes().all(|b| b.is_ascii_digit())
    };
    ["replies", "reply", "comments", "comment", "entries"].iter().any(|n| last.eq_ignore_ascii_case(n))
        && middle.iter().all(filler)
}

/// Closing words of a prompt to comment (after any closing `.` or `!`).
const COMMENT_PROMPT_ENDS: [&str; 4] =
    ["in the comments below", "in the comments section below", "in the comment section below", "in the comments"];

/// Whether `t` asks the reader to comment: it ends with one of [`COMMENT_PROMPT_ENDS`], holds no
/// quotation marks, and asks a question or opens with an imperative (`Share`, `Tell us`, `Let us
/// know`); `Many readers left angry notes in the comments.` reports.
fn is_comment_prompt(t: &str, words: usize) -> bool {
    let body = t.trim_end_matches(['.', '!']);
    if words > 20
        || !body.ends_with("comments below") && !body.ends_with("section below") && !body.ends_with("comments")
    {
        return false;
    }
    const ASKS: [&str; 6] = ["share ", "tell us", "let us know", "leave ", "sound off", "join "];
    COMMENT_PROMPT_ENDS.iter().any(|e| body.ends_with(e))
        && !t.contains(['"', '“', '”'])
        && (t.contains('?') || ASKS.iter().any(|a| opens_ignoring_case(t, a)))
}

/// Openings of a paywall box's offer or prompt to log in (compared ignoring ASCII case).
const PAYWALL_OPENINGS: [&str; 8] = [
    "get unlimited access",
    "get unlimited digital access",
    "unlimited digital access for",
    "want to keep reading?",
    "want to read more?",
    "already have an account?",
    "already registered?",
    "have feedback on this article?",
];

/// Whether `t` is a paywall box's offer or log-in prompt (`Get unlimited digital access for just $1 a
/// week`, `Already have an account? Log in`, `Want to keep reading? Create a free account.`) or a
/// feedback prompt to the reader.
fn is_paywall_offer(t: &str, words: usize) -> bool {
    words <= 20 && PAYWALL_OPENINGS.iter().any(|o| opens_ignoring_case(t, o))
}

/// Whether `t` pitches a newsletter to the reader: it opens with `Get`, ends with `newsletter` or `inbox`
/// and says how it comes (`Get a look at the day ahead with the Morning Bid newsletter.`, `Get football
/// news sent straight to your inbox`), with no colon after a first clause; `Get ready, the mayor wrote in
/// her newsletter.` reads on. How often it comes may close the line (`… sent to your inbox every morning`).
fn is_newsletter_pitch(t: &str, words: usize) -> bool {
    let body = t.trim_end_matches(['.', '!']);
    let body = FREQUENCIES.iter().find_map(|f| body.strip_suffix(f)).unwrap_or(body);
    words <= 25
        && (body.ends_with("newsletter") || body.ends_with("inbox"))
        && t.starts_with("Get ")
        && !t.contains(": ")
        && [" with the ", " with our ", " sent ", " delivered "].iter().any(|w| t.contains(w))
}

/// The openings of a prompt to follow a site on a messaging app.
const CHANNEL_ASKS: [&str; 3] = ["join ", "follow ", "subscribe to "];

/// The channels such a prompt names (compared ignoring ASCII case).
const CHANNELS: [&str; 2] = ["telegram channel", "whatsapp channel"];

/// Whether `t` asks the reader to follow the site on a messaging app (`Join our Telegram channel for the
/// latest updates.`, `Join ST's WhatsApp Channel and get the latest news`): one of the [`CHANNEL_ASKS`],
/// one of the [`CHANNELS`] within its first words, owned by the site (`our`, a possessive or a name before
/// it: `Follow the money, not the Telegram channel.` reads on), nothing quoted and nobody said to say it.
fn is_channel_prompt(t: &str, words: usize) -> bool {
    if words > 20 || !CHANNEL_ASKS.iter().any(|a| opens_ignoring_case(t, a)) {
        return false;
    }
    let head = t.get(..t.len().min(60)).unwrap_or(t).to_ascii_lowercase();
    let Some(at) = CHANNELS.iter().find_map(|c| head.find(c)) else {
        return false;
    };
    let owner = t[..at].trim_end().rsplit(' ').next().unwrap_or_default();
    let sites = owner == "our"
        || owner.ends_with("'s")
        || owner.ends_with("’s")
        || owner.starts_with(|c: char| c.is_uppercase())
            && !CHANNEL_ASKS.iter().any(|a| a.trim_end().eq_ignore_ascii_case(owner));
    sites && !t.contains(['"', '“', '”']) && !t.contains(" said")
}

/// How often a newsletter comes, closing its pitch (each with the space before it).
const FREQUENCIES: [&str; 6] = [" every morning", " every day", " each morning", " each day", " every week", " daily"];

/// Openings of an opinion page's call for letters (compared ignoring ASCII case).
const LETTERS_OPENINGS: [&str; 5] = [
    "we welcome letters to the editor",
    "we welcome your letters",
    "submit a letter to the editor",
    "write a letter to the editor",
    "submit your letter",
];

/// Whether `t` calls for letters to the editor (`We welcome letters to the editor. Submit yours here.`):
/// one of the [`LETTERS_OPENINGS`] in a short line without quotation marks or `said` (a quoted or
/// reported editor stays).
fn is_letters_prompt(t: &str, words: usize) -> bool {
    words <= 20
        && LETTERS_OPENINGS.iter().any(|o| opens_ignoring_case(t, o))
        && !t.contains(['"', '“', '”'])
        && !t.contains(" said")
}

/// Whether `t` is a bookmaker's promotion: it ends with its small print (`T&Cs apply`, `gamble
/// responsibly`, `BeGambleAware.org`) and names the age limit (`18+`); a story about such adverts quotes
/// no age limit.
fn is_betting_promo(t: &str) -> bool {
    let body = t.trim_end_matches(['.', ' ']);
    // Every piece of small print ends `y` or `g`: most lines stop at their last byte.
    if !body.ends_with(['y', 'g']) {
        return false;
    }
    let small_print = ["T&Cs apply", "Ts&Cs apply", "T&C apply", "gamble responsibly", "BeGambleAware.org"];
    small_print.iter().any(|p| body.ends_with(p)) && t.contains("18+")
}

/// Labels beside a forecast's temperatures (compared ignoring ASCII case, a closing colon aside).
const READING_LABELS: [&str; 7] = ["high", "low", "hi", "lo", "now", "feels", "like"];

/// Whether `t` is a forecast box's reading: temperatures (`101°`, `78°F`) with at most the labels of
/// [`READING_LABELS`] and slashes (`High: 104° Low: 78°`, `105° / 79°`); `Paris hits 40°C` is a headline.
fn is_weather_reading(t: &str) -> bool {
    if !(t.ends_with('°') || t.ends_with("°F") || t.ends_with("°C")) {
        return false;
    }
    t.split(' ').filter(|w| !w.is_empty()).all(|w| {
        let degrees = w.trim_end_matches(['F', 'C']).strip_suffix('°');
        let label = w.trim_end_matches(':');
        degrees.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
            || w == "/"
            || READING_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
    })
}

/// What a page widget's line is: a transcript's time code or sound cue (`[00:12:04]`, `[MUSIC]`), a
/// link label read out for screen readers (`Our Standards: …, opens new tab`), a pager (`Previous 1 2 3
/// Next`), a footer's row of links (`Terms | Privacy | Feedback`), `Powered by OpenWeb`, or a player's
/// `Video duration 02:14`.
fn page_widget(t: &str, words: usize, start: &[u8; 4], shape: &Shape) -> Option<&'static str> {
    if words > 15 {
        return None;
    }
    let (Some(&first), Some(&last)) = (t.as_bytes().first(), t.as_bytes().last()) else {
        return None;
    };
    if t.len() > 1 && matches!((first, last), (b'[', b']') | (b'(', b')')) && is_transcript_cue(&t[1..t.len() - 1]) {
        return Some("transcript cue");
    }
    if last == b'b' && (t.ends_with(", opens new tab") || t.ends_with("(opens in new tab)")) {
        return Some("link label");
    }
    let pager_start = first.is_ascii_digit() || !first.is_ascii() || b"PpNnFfLl<".contains(&first);
    if words <= 12 && pager_start && is_pager(t) {
        return Some("pager");
    }
    if words <= 12 && shape.has_any(BAR) && is_link_row(t) {
        return Some("footer links");
    }
    if words <= 6 && is_weather_reading(t) {
        return Some("weather reading");
    }
    if words <= 4 && start == b"powe" && is_powered_by(t) {
        return Some("widget credit");
    }
    if words == 2 && first.is_ascii_digit() && is_photo_count(t) {
        return Some("gallery counter");
    }
    if first == b'A' && last == b')' && is_embed_credit(t) {
        return Some("embedded post credit");
    }
    if (start == b"home" || start == b"you ") && is_breadcrumb(t) {
        return Some("breadcrumb");
    }
    if matches!(last, b'.' | b'!' | b'e') && is_tip_jar(t) {
        return Some("tip jar");
    }
    (words <= 4 && start == b"vide" && opens_ignoring_case(t, "video duration ")).then_some("player label")
}

/// Whether `t` is a gallery's size on its button (`12 Photos`, `8 images`): a number and the pictures'
/// word, nothing else.
fn is_photo_count(t: &str) -> bool {
    let Some((count, noun)) = t.split_once(' ') else {
        return false;
    };
    count.bytes().all(|b| b.is_ascii_digit())
        && ["photos", "images", "pictures", "slides"].iter().any(|n| noun.eq_ignore_ascii_case(n))
}

/// Whether `t` is the credit under an embedded social post (`A post shared by Dax Whitford
/// (@daxwhitford)`): the platform's words, then a name and the handle in brackets closing the line; a
/// sentence about a post shared by someone goes on past a handle.
fn is_embed_credit(t: &str) -> bool {
    t.strip_prefix("A post shared by ").is_some_and(|rest| {
        rest.split_once(" (@").is_some_and(|(name, handle)| {
            !name.is_empty() && name.split(' ').count() <= 6 && !handle.contains([' ', '('])
        })
    })
}

/// Separators between the links of a breadcrumb trail.
const CRUMB_SEPARATORS: [&str; 5] = [" › ", " » ", " > ", " / ", " → "];

/// Whether `t` is a breadcrumb trail (`Home › Newsroom › Press Releases`, `You are here: Home > News`):
/// after an optional `You are here:`, `Home` and at least two more links of at most five words each,
/// parted by one kind of separator, none a sentence.
fn is_breadcrumb(t: &str) -> bool {
    let trail = strip_prefix_ignoring_case(t, "you are here:").map_or(t, str::trim_start);
    if !trail.starts_with("Home") {
        return false;
    }
    CRUMB_SEPARATORS.iter().any(|sep| {
        let links: Vec<&str> = trail.split(sep).collect();
        links.len() >= 3
            && links[0] == "Home"
            && links.iter().all(|l| !l.is_empty() && l.split(' ').count() <= 5 && !ends_sentence(l))
    })
}

/// Whether `t` asks the reader for a tip to the writer (`If you found this useful, consider buying me a
/// coffee.`, `Buy me a coffee`): read from its last bytes first, then the phrase, with no quotation in it,
/// said to the reader (`you`, `consider`) unless it is the button itself (`She never offered to buy me a
/// coffee.` reads on).
fn is_tip_jar(t: &str) -> bool {
    let body = t.trim_end_matches(['.', '!']);
    let ask = ["buy me a coffee", "buying me a coffee"];
    // The ending first: most lines that reach here end otherwise, and cost no search.
    let asks = body.len() <= 120
        && ask.iter().any(|a| {
            let end = body.len().checked_sub(a.len()).and_then(|at| body.get(at..));
            end.is_some_and(|e| e.eq_ignore_ascii_case(a))
        });
    let to_reader =
        || t.starts_with("Buy me a coffee") || ["you", "You", "consider", "Consider"].iter().any(|w| t.contains(w));
    asks && to_reader() && !t.contains(['"', '“', '”'])
}

/// Sound and clip cues of a transcript (compared ignoring ASCII case).
const SOUND_CUES: [&str; 12] = [
    "music",
    "laughter",
    "applause",
    "crosstalk",
    "inaudible",
    "silence",
    "music playing",
    "begin video clip",
    "end video clip",
    "begin audio clip",
    "end audio clip",
    "commercial break",
];

/// Whether the inside of a bracket is a time code (`00:12:04`, `12:04`) or a sound cue (`MUSIC`, `BEGIN
/// VIDEO CLIP`, `laughter`); a source named in brackets (`[ CNET ]`) is part of the story.
fn is_transcript_cue(inner: &str) -> bool {
    let time = inner.contains(':') && inner.bytes().all(|b| b.is_ascii_digit() || b == b':');
    time || SOUND_CUES.iter().any(|c| inner.eq_ignore_ascii_case(c))
}

/// Whether `t` is a pager: page numbers and `Previous`, `Next`, `Page`, `of` or arrows only, with at
/// least one number and one word (`Previous 1 2 3 Next`, `Page 2 of 5`; `Next 24 hours` reads on).
fn is_pager(t: &str) -> bool {
    const WORDS: [&str; 7] = ["previous", "prev", "next", "page", "of", "first", "last"];
    let (mut number, mut word) = (false, false);
    for w in t.split(' ').filter(|w| !w.is_empty()) {
        if w.bytes().all(|b| b.is_ascii_digit()) {
            number = true;
        } else if WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)) {
            word = true;
        } else if !matches!(w, "«" | "»" | "‹" | "›" | "…" | "..." | "←" | "→" | "<" | ">") {
            return false;
        }
    }
    number && word
}

/// Whether `t` is a row of at least three links parted by ` | `, each one to three capitalised words
/// without digits or sentence marks (`Terms | Privacy | Feedback`).
fn is_link_row(t: &str) -> bool {
    let mut links = 0;
    for link in t.split(" | ") {
        let link = link.trim();
        let words = link.split(' ').count();
        let plain = !link.bytes().any(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'?' | b'!' | b':'));
        if link.is_empty() || words > 3 || !plain || !link.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
        links += 1;
    }
    links >= 3
}

/// Whether `t` credits a widget's vendor: `Powered by` and one or two capitalised words, nothing more
/// (`Powered by the sun, the ferry …` reads on).
fn is_powered_by(t: &str) -> bool {
    strip_prefix_ignoring_case(t, "powered by ").is_some_and(|name| {
        !name.is_empty()
            && name.split(' ').count() <= 2
            && name.split(' ').all(|w| w.starts_with(|c: char| c.is_uppercase()))
            && !ends_sentence(name)
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::word_count;
    use super::*;

    fn words(t: &str) -> usize {
        word_count(t)
    }

    #[test]
    fn every_listed_opening_lets_its_checks_look() {
        for (start, groups) in STARTS {
            assert_eq!(start_groups(start), groups, "{}", String::from_utf8_lossy(start));
        }
        let opens = |phrases: &[&str], group: u8| phrases.iter().all(|p| start_groups(&head(p)) & group != 0);
        assert!(opens(&CREDIT_ROLES, ROLE));
        assert!(opens(&PAYWALL_OPENINGS, PAYWALL));
        assert!(opens(&LETTERS_OPENINGS, LETTERS));
        assert!(
            opens(&DISCLAIMER_OPENINGS, WIRE) && opens(&DISCLAIMER_HEADERS, WIRE) && opens(&WIRE_LINK_OPENINGS, WIRE)
        );
        assert!(opens(
            &["View 3 more replies", "Show replies", "Load more", "See all 4 comments", "Read 9 replies"],
            CONTROL
        ));
        assert!(opens(
            &["Comments are moderated", "All comments are moderated", "Please read our rules"],
            COMMENT_RULES
        ));
    }

    #[test]
    fn openings_of_prose_reach_no_group() {
        let prose = ["The ", "A co", "In a", "He s", "She ", "It w", "But ", "And ", "Thou", "Mayo", "\0\0\0\0"];
        assert!(prose.iter().all(|p| start_groups(&head(p)) == 0));
    }

    #[test]
    fn a_wire_releases_closing_lines_go() {
        for t in [
            "Forward-Looking Statements",
            "Safe Harbor Statement:",
            "This press release contains forward-looking statements within the meaning of federal securities law, \
             which involve risks; actual results may differ.",
            "Certain statements in this news release are forward-looking statements.",
            "SOURCE Harbour Pumps, Inc.",
            "View original content to download multimedia:https://www.example.com/release-1234.html",
            "View source version on example.com: https://www.example.com/news/5678/",
        ] {
            assert!(wire_footer(t, words(t), &head(t)).is_some(), "{t}");
        }
        for t in [
            "The ferry firm's press release contains forward-looking statements that analysts doubted.",
            "This press release contains a photo of the new ferry.",
            "SOURCE CODE of the booking app was leaked, the company said.",
            "Source code for the app is on the council's website.",
            "Forward-looking statements are common in company filings, the regulator said.",
            "View original documents at the town archive on weekdays.",
        ] {
            assert_eq!(wire_footer(t, words(t), &head(t)), None, "{t}");
        }
    }

    #[test]
    fn credit_lines_go_and_sentences_about_production_stay() {
        for t in [
            "Produced by Sam Whitcombe. Edited by Laila Hassan. Music by Trevor Lind.",
            "Edited by Ana Ruiz",
            "Editor: Zhou Min",
            "[Editor: JS]",
            "Source: Xinhua",
            "Source: Bureau of Labor Statistics",
            "(Translator: Mei Tan)",
            "Translated by Harbour News editors from the Tern original.",
        ] {
            assert!(credit_line(t, words(t), &head(t), &Shape::of(t)).is_some(), "{t}");
        }
        for t in [
            "Produced by the council in 1998, the map shows every berth.",
            "Edited by hand, the photos looked older.",
            "Source: a person close to the talks said the deal was near.",
            "Editor: \"We got this one wrong.\"",
            "Music by local bands filled the square.",
            "Editors of the paper met on Monday.",
            "Translated by volunteers, the guide sold out.",
        ] {
            assert_eq!(credit_line(t, words(t), &head(t), &Shape::of(t)), None, "{t}");
        }
    }

    #[test]
    fn comment_thread_controls_and_prompts_go() {
        for t in [
            "View 3 more replies",
            "Show replies",
            "Load 12 more comments",
            "Replying to sandy_k",
            "Commenting is subject to our community guidelines.",
            "What do you think? Share your thoughts in the comments below.",
            "Tell us in the comments!",
        ] {
            assert!(comment_thread(t, words(t), &head(t)).is_some(), "{t}");
        }
        for t in [
            "View more of the harbour from the new ferry deck.",
            "Many readers left angry notes in the comments.",
            "Readers shared their thoughts in the comments below the video, and the council replied.",
            "\"Share your thoughts in the comments,\" the mayor wrote.",
            "Replying to the council, the harbour master said fees would rise.",
            "Comments are welcome at the council meeting on Monday.",
        ] {
            assert_eq!(comment_thread(t, words(t), &head(t)), None, "{t}");
        }
    }

    #[test]
    fn paywall_offers_go_and_reports_of_them_stay() {
        for t in [
            "Get unlimited digital access for just $1 a week",
            "Already have an account? Log in",
            "Want to keep reading? Create a free account or subscribe.",
            "Have feedback on this article? Let us know",
        ] {
            assert!(is_paywall_offer(t, words(t)), "{t}");
        }
        for t in [
            "Getting unlimited access to the harbour costs $40 a year.",
            "Already, the council has spent $2 million on the quay.",
            "Unlimited access to the beach was promised in 1990.",
        ] {
            assert!(!is_paywall_offer(t, words(t)), "{t}");
        }
    }

    /// [`judge`] on `t`, whose word count is given, with its shape.
    fn judged(t: &str, words: usize) -> Option<(&'static str, &'static str)> {
        judge(t, words, &Shape::of(t))
    }

    #[test]
    fn standing_notices_go_and_reports_of_them_stay() {
        for (t, rule) in [
            ("This article contains affiliate links. If you book through them we may be paid.", COPYRIGHT_FOOTER),
            ("Prices and availability are subject to change. We may be paid for clicks.", COPYRIGHT_FOOTER),
            ("You are receiving this email because you signed up at tideline.news.", SHARE_SUBSCRIBE),
            ("Quotes delayed at least 15 minutes. Market data provided by FactStream.", COPYRIGHT_FOOTER),
            ("Must be 21+ to wager. Gambling problem? Call 1-800-GAMBLER.", AD_MARKER),
            ("Appeared in the May 2, 2025, print edition as 'Ferries Late Again.'", COPYRIGHT_FOOTER),
            ("Write to Ann Lee at ann.lee@harbor.example", COPYRIGHT_FOOTER),
            ("Issue #214 · Thursday, April 3, 2025", TIMESTAMP),
            ("Enjoying The Morning Tide? Share it with a friend and earn rewards.", SHARE_SUBSCRIBE),
            ("Showing 1 - 2 of 14", AD_MARKER),
            ("This issue is brought to you by Harbor Credit Union.", AD_MARKER),
        ] {
            assert_eq!(judged(t, words(t)).map(|(r, _)| r), Some(rule), "{t}");
        }
        for t in [
            "\"Prices and availability are subject to change,\" the airline said.",
            "Our editors independently selected the winners, the jury said.",
            "‘You are receiving this email because of a fault,’ the city said in a second message.",
            "Write to the council before Friday to object.",
            "Issue #3 of the zine sold out in a day.",
            "Issue 214 was the last one.",
            "Enjoying the sun? Many residents were, until the storm.",
            "Showing 12 films over four nights, the festival opens Friday.",
            "Must be a slow news day, the mayor joked.",
            "Appeared in the crowd at the print works, a group of students sang.",
        ] {
            assert_eq!(judged(t, words(t)), None, "{t}");
        }
    }

    #[test]
    fn each_kind_goes_under_its_rule() {
        assert_eq!(judged("SOURCE Harbour Pumps", 3), Some((COPYRIGHT_FOOTER, "press release source")));
        assert_eq!(judged("Already have an account? Log in", 6), Some((SHARE_SUBSCRIBE, "paywall offer")));
        assert_eq!(judged("View 2 more replies", 4), Some((COMMENT_COUNTER, "comment control")));
        assert_eq!(judged("[MUSIC]", 1), Some((AD_MARKER, "transcript cue")));
        assert_eq!(judged("The ferry left at noon.", 5), None);
    }

    #[test]
    fn embeds_breadcrumbs_tip_jars_and_gallery_sizes_go() {
        for t in [
            "A post shared by Dax Whitford (@daxwhitford)",
            "Home › Newsroom › Press Releases › 2025",
            "You are here: Home > News > Local",
            "Home / Sport / Football",
            "If you found this useful, consider buying me a coffee.",
            "Buy me a coffee",
            "12 Photos",
            "8 images",
        ] {
            assert!(page_widget(t, words(t), &head(t), &Shape::of(t)).is_some(), "{t}");
        }
        for t in [
            "A post shared by the mayor (@harbourmayor) drew 4,000 replies",
            "A post shared by Ann Lee (at the quay)",
            "Home / Away",
            "Home › The ferry sank. › Later",
            "Home is where the ferry is / said my gran / every day",
            "She never once offered to buy me a coffee.",
            "\"Buy me a coffee,\" she told the stranger.",
            "12 Photographers",
            "2 pictures.",
        ] {
            assert_eq!(page_widget(t, words(t), &head(t), &Shape::of(t)), None, "{t}");
        }
    }

    #[test]
    fn comment_forms_guest_books_editor_credits_and_daily_pitches_go() {
        let cases = [
            ("Your email address will not be published. Required fields are marked *", COMMENT_COUNTER),
            ("Required fields are marked *", COMMENT_COUNTER),
            ("Show all 14 entries", COMMENT_COUNTER),
            ("Edited By: Anjali Menon", COPYRIGHT_FOOTER),
            ("Get the biggest stories from across the region sent to your inbox every morning", SHARE_SUBSCRIBE),
            ("Join our Telegram channel for the latest updates.", SHARE_SUBSCRIBE),
            ("Join ST's WhatsApp Channel and get the latest news and must-reads.", SHARE_SUBSCRIBE),
            ("Follow the Harbour Times WhatsApp channel", SHARE_SUBSCRIBE),
        ];
        for (t, rule) in cases {
            assert_eq!(judged(t, words(t)).map(|(r, _)| r), Some(rule), "{t}");
        }
        for t in [
            "Your email address will be printed in the directory unless you opt out.",
            "Show all entries to the judges before noon.",
            "Edited by: the whole team, over a year.",
            "Get ready: the newsletter lands in your inbox every morning",
            "Join the Telegram channel of the protest group, she said, and you will see the threats.",
            "Follow the money, not the Telegram channel.",
            "Subscribers to the WhatsApp channel rose to 2 million in a year.",
        ] {
            assert_eq!(judged(t, words(t)), None, "{t}");
        }
    }

    fn scale_flags(text: &str) -> Vec<bool> {
        super::super::layout::flagged_lines(text, |lines, verdicts| {
            judge_rating_scales(lines, &super::super::text::line_words(lines), verdicts);
        })
    }

    #[test]
    fn a_rating_scale_goes_and_a_verdict_alone_stays() {
        let text = "Fact check: the ferry fare\nPants on Fire\nFalse\nMostly False\nHalf True\nMostly True\nTrue\n\
                    The claim is false.\n";
        assert_eq!(scale_flags(text), [false, true, true, true, true, true, true, false]);
        let spaced = "Fact check\n\nFalse\n\nMostly False\n\nHalf True\n\nTrue\n";
        assert_eq!(scale_flags(spaced).iter().filter(|d| **d).count(), 4);
        let verdict = "Fact check: the ferry fare\nOur rating: False\nFalse\nThe claim is false.\nTrue\nMostly true\n";
        assert!(scale_flags(verdict).iter().all(|d| !d));
    }

    #[test]
    fn calls_for_letters_go() {
        for t in ["We welcome letters to the editor. Submit yours here.", "Submit a letter to the editor"] {
            assert!(is_letters_prompt(t, words(t)), "{t}");
        }
        for t in [
            "We welcome letters from the harbour's schoolchildren, the mayor said.",
            "We welcome letters to the editor from every island, the mayor said.",
            "\"We welcome letters to the editor,\" the new editor wrote in 1990.",
            "Writers of the letters were fined.",
        ] {
            assert!(!is_letters_prompt(t, words(t)), "{t}");
        }
    }

    fn contents_flags(text: &str) -> Vec<bool> {
        super::super::layout::flagged_lines(text, |lines, verdicts| {
            judge_contents(lines, &super::super::text::line_words(lines), verdicts);
        })
    }

    #[test]
    fn a_table_of_contents_goes_and_its_subheads_stay() {
        let text = "Ferry guide\nJump to:\nWhen to go\nWhat it costs?\nThe island has two ferries.\nWhen to go\n\
                    Summer is busy.\nWhat it costs?\nTen pounds.\n";
        let flags = contents_flags(text);
        let deleted: Vec<&str> = text.lines().zip(&flags).filter(|(_, d)| **d).map(|(l, _)| l).collect();
        assert_eq!(deleted, ["When to go", "What it costs?"]);
        // A list under such a header whose lines are not printed again is no table of contents.
        let list = "Ferry guide\nContents\nA map of the quay\nA timetable\nThe island has two ferries.\n";
        assert!(contents_flags(list).iter().all(|d| !d));
        let guide =
            "Amalfi\nIn this guide\nGetting there\nWhere to stay\nGetting there\nBy bus.\nWhere to stay\nUp high.\n";
        let deleted: Vec<bool> = contents_flags(guide);
        assert_eq!(deleted, [false, false, true, true, false, false, false, false]);
    }

    #[test]
    fn betting_promos_and_forecast_readings_go() {
        let promo = "Bet on the harbour derby: new customers get £20 in free bets. 18+ BeGambleAware.org. T&Cs apply.";
        assert!(is_betting_promo(promo));
        assert!(!is_betting_promo("The regulator said adverts ending T&Cs apply were misleading."));
        for t in ["High: 101°", "Low: 76°F", "High: 104° Low: 78°", "105° / 79°"] {
            assert!(is_weather_reading(t), "{t}");
        }
        for t in ["Paris hits 40°C", "Temperatures rose to 41°", "Highs near 101°", "101"] {
            assert!(!is_weather_reading(t), "{t}");
        }
    }

    #[test]
    fn newsletter_pitches_go() {
        let pitch = "Get a look at the day ahead in the harbour towns with the Morning Tide newsletter.";
        assert!(is_newsletter_pitch(pitch, words(pitch)));
        assert!(is_newsletter_pitch("Get ferry news sent straight to your inbox", 7));
        let told = "Get ready, the mayor wrote in her newsletter.";
        assert!(!is_newsletter_pitch(told, words(told)));
        let long = "Get this: the council sent every resident a letter with the new fees, and few read the newsletter.";
        assert!(!is_newsletter_pitch(long, words(long)));
    }

    #[test]
    fn page_widgets_go_and_look_alikes_stay() {
        for t in [
            "[00:00:04]",
            "(12:41)",
            "[MUSIC]",
            "[BEGIN VIDEO CLIP]",
            "[laughter]",
            "Our Standards: The Trust Principles., opens new tab",
            "Previous 1 2 3 Next",
            "Page 2 of 5",
            "« Prev 1 2 Next »",
            "Terms | Privacy | Feedback",
            "Home | News | Sport | Weather",
            "Powered by OpenWeb",
            "Video duration 02:14",
        ] {
            assert!(page_widget(t, words(t), &head(t), &Shape::of(t)).is_some(), "{t}");
        }
        for t in [
            "[The mayor later withdrew the remark.]",
            "[ HARBOUR NEWS ]",
            "[AP]",
            "(The ferry was late again.)",
            "Next 24 hours",
            "Page 3 of the report lists every berth.",
            "Storm Freya | live updates from the coast | 12 March",
            "Powered by the sun, the ferry crossed in an hour.",
            "Powered by wind",
            "The data, opens new tab in the report, show delays.",
        ] {
            assert_eq!(page_widget(t, words(t), &head(t), &Shape::of(t)), None, "{t}");
        }
    }
}
