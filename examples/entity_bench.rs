//! Times entity suggestion on a 1 MB news-like text (issue 5: under 100 ms).
//! Run: `cargo run --release --example entity_bench` (or with `CARGO_PROFILE_DEV_OPT_LEVEL=3`
//! to reuse the debug dependency build).

use std::time::{Duration, Instant};

use redline::suggest::Suggester;

/// Paragraphs in the style of wire copy, with names, places, groups, organisations and dates.
const PARAGRAPHS: [&str; 4] = [
    "Defense Minister Amara Nwosu said on Tuesday that the Lagos Port Authority would reopen next week, \
     after talks with Reuters and officials from the European Union in Brussels.",
    "Nwosu told reporters in Abuja that Nigerian and Ghanaian traders had lost money over the past decade. \
     \"We will not wait,\" said Kofi Mensah, a trader from Accra, on March 3, 2019.",
    "The World Bank and the Ministry of Finance of Nigeria agreed a loan in 2021; Democrats and Republicans \
     in Washington criticised the plan two years ago, and President Hale's office declined to comment.",
    "Heavy rain fell across West Africa in the coming weeks, flooding farms near the Niger River, while \
     Acme Shipping Corp. said its 15-year-old vessels were safe.",
];

fn main() {
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    let built = Instant::now();
    let suggester = Suggester::builtin();
    let build_time = built.elapsed();
    let mut times: Vec<Duration> = Vec::new();
    let mut count = 0;
    for _ in 0..7 {
        let start = Instant::now();
        count = suggester.suggest(&text).len();
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "entity suggestions on {:.2} MB: median {:.1} ms, best {:.1} ms, worst {:.1} ms ({count} entities); \
         suggester built in {:.1} ms (gazetteers parsed once per process)",
        text.len() as f64 / 1_048_576.0,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
        build_time.as_secs_f64() * 1e3,
    );
}
