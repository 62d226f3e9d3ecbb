//! Synthetic news articles for benchmarks and scale tests: deterministic, any amount, in our own
//! words, with the kinds of web junk scraped pages carry (menus, share buttons, cookie notices,
//! photo credits, runs of blank lines, trailing spaces, entities, zero-width characters).

/// A small deterministic random number generator (SplitMix64): same seed, same corpus.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 48] = [
    "the",
    "council",
    "said",
    "on",
    "a",
    "plan",
    "to",
    "build",
    "new",
    "homes",
    "near",
    "river",
    "after",
    "years",
    "of",
    "debate",
    "over",
    "cost",
    "and",
    "traffic",
    "residents",
    "asked",
    "for",
    "more",
    "time",
    "while",
    "officials",
    "argued",
    "that",
    "delays",
    "would",
    "raise",
    "prices",
    "budget",
    "vote",
    "week",
    "local",
    "schools",
    "water",
    "energy",
    "report",
    "found",
    "growth",
    "slowed",
    "in",
    "spring",
    "workers",
    "market",
];
const FIRST: [&str; 12] =
    ["Elena", "Marcus", "Aiko", "Tomasz", "Priya", "Jonas", "Fatima", "Diego", "Grace", "Kwame", "Ingrid", "Omar"];
const LAST: [&str; 12] =
    ["Ruiz", "Okafor", "Tanaka", "Nowak", "Sharma", "Berg", "Haddad", "Silva", "Chen", "Mensah", "Larsen", "Khan"];
const PLACES: [&str; 10] =
    ["Lisbon", "Nairobi", "Osaka", "Krakow", "Toronto", "Valparaiso", "Bergen", "Accra", "Pune", "Halifax"];
const ORGS: [&str; 8] = [
    "the Harbor Authority",
    "the Ministry of Transport",
    "Northwind Energy",
    "the City Council",
    "the National Weather Service",
    "Atlas Bank",
    "the Teachers Union",
    "Riverside University",
];
const MONTHS: [&str; 6] = ["January", "March", "May", "July", "September", "November"];
const JUNK: [&str; 12] = [
    "Share this article\nFacebook\nTwitter\nEmail",
    "Advertisement",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Photo: Staff Photographer / Example Wire",
    "Click here to subscribe to our newsletter!",
    "Related: Ten things to know about the housing market",
    "Home | News | Sport | Business | Opinion | Weather",
    "© 2026 Example News Group. All rights reserved.",
    "Sign up for breaking news alerts",
    "Read more:",
    "Comments (12)",
    "Skip to main content",
];

/// One synthetic article of roughly `target` bytes, with junk around and between its paragraphs.
pub fn article(rng: &mut Rng, target: usize) -> String {
    let mut out = String::with_capacity(target + 256);
    push_junk(rng, &mut out);
    let place = rng.pick(&PLACES);
    out.push_str(&format!("{} {} {}\n\n", capitalise(rng.pick(&WORDS)), rng.pick(&WORDS), place));
    out.push_str(&format!(
        "By {} {}  \n{} {}, 2026\n\n",
        rng.pick(&FIRST),
        rng.pick(&LAST),
        rng.pick(&MONTHS),
        1 + rng.below(28)
    ));
    while out.len() < target {
        paragraph(rng, &mut out, place);
        match rng.below(10) {
            0 => out.push_str("\n\n\n\n"),
            1 => push_junk(rng, &mut out),
            2 => out.push_str(" \t\n\n"),
            _ => out.push_str("\n\n"),
        }
    }
    push_junk(rng, &mut out);
    out
}

/// A paragraph of a few sentences naming people, places, organisations and dates.
fn paragraph(rng: &mut Rng, out: &mut String, place: &str) {
    for _ in 0..2 + rng.below(4) {
        let (first, last) = (rng.pick(&FIRST), rng.pick(&LAST));
        out.push_str(&format!("{first} {last}, a spokesperson for {}, said ", rng.pick(&ORGS)));
        for _ in 0..8 + rng.below(14) {
            out.push_str(rng.pick(&WORDS));
            out.push(' ');
        }
        match rng.below(8) {
            0 => out.push_str(&format!("in {place} last {}", rng.pick(&MONTHS))),
            1 => out.push_str("&amp; more \u{201c}soon\u{201d}"),
            2 => out.push_str("caf\u{e9} owners\u{200b}"),
            _ => out.push_str(rng.pick(&WORDS)),
        }
        out.push_str(". ");
    }
    out.pop();
}

/// One junk block on its own lines.
fn push_junk(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(&JUNK));
    out.push_str("\n\n");
}

/// The word with its first letter upper-case.
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Articles of about `size` bytes each until `total` bytes are reached.
pub fn articles(seed: u64, size: usize, total: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < total {
        let jitter = size / 2 + rng.below(size.max(1));
        let a = article(&mut rng, jitter);
        bytes += a.len();
        out.push(a);
    }
    out
}

/// One JSONL corpus line for an article: `{"id": ..., "text": ..., "meta": {...}}`.
pub fn corpus_line(n: u64, text: &str) -> String {
    serde_json::json!({"id": format!("syn-{n:07}"), "text": text, "meta": {"source": "synthetic", "n": n}}).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_deterministic_and_near_their_size() {
        let a = articles(7, 4000, 40_000);
        assert_eq!(a, articles(7, 4000, 40_000));
        assert!(
            a.iter().all(|t| t.len() > 1000 && t.len() < 9000),
            "{:?}",
            a.iter().map(String::len).collect::<Vec<_>>()
        );
        assert!(a.iter().map(String::len).sum::<usize>() >= 40_000);
        assert_ne!(a[0], a[1]);
    }

    #[test]
    fn articles_carry_junk_for_the_cleaner() {
        let text = articles(1, 20_000, 20_000).concat();
        assert!(text.contains("\n\n\n\n"), "runs of blank lines");
        assert!(JUNK.iter().filter(|j| text.contains(*j)).count() >= 3, "several kinds of boilerplate");
    }

    #[test]
    fn corpus_lines_are_one_json_object_each() {
        let line = corpus_line(3, "a\nb \"q\"");
        assert!(!line.contains('\n'));
        let record = crate::input::corpus::parse_record(line.as_bytes()).expect("parses");
        assert_eq!((record.id.as_deref(), record.text.as_str()), (Some("syn-0000003"), "a\nb \"q\""));
    }
}
