//! Search over 1,000 sessions, each with a written SOAP note and every fifth
//! with the sample transcript kept whole: the time one query takes once the
//! sessions are indexed (which happens once, on the first search).

use sessionpad::model::note::NoteFormat;
use sessionpad::model::search::{Filters, Query, index_session, search};
use sessionpad::model::transcript::parse;
use sessionpad::model::{Client, Session};
use std::time::Instant;

const SAMPLE: &str = include_str!("../tests/fixtures/session-14-of-24.txt");
const SESSIONS: usize = 1000;
const QUERIES: [&str; 6] = [
    "sleep",
    "\"thought record\"",
    "perfectionism work",
    "grounding",
    "zzz-not-there",
    "deadline anxiety",
];

fn main() {
    let transcript = parse(SAMPLE).expect("the sample parses");
    let lines: Vec<&str> = SAMPLE.lines().filter(|l| l.len() > 40).collect();
    let index: Vec<_> = (0..SESSIONS)
        .map(|i| {
            let mut s = Session::next(
                format!("s{i}"),
                "c1",
                &[],
                Default::default(),
                NoteFormat::Soap,
                0,
            );
            for (n, &section) in NoteFormat::Soap.sections().iter().enumerate() {
                let text: Vec<&str> = lines
                    .iter()
                    .skip((i + n * 7) % lines.len())
                    .take(6)
                    .copied()
                    .collect();
                s.note.set_text(section, text.join("\n"));
            }
            if i % 5 == 0 {
                s.transcript = Some(transcript.clone());
            }
            let client = Client::new(format!("c{}", i % 40), &format!("Client {}", i % 40), 0)
                .expect("a valid name");
            index_session(&s, &client)
        })
        .collect();

    let mut times = Vec::new();
    for round in 0..20 {
        for q in QUERIES {
            let query = Query::parse(q).expect("a query");
            let started = Instant::now();
            let found = search(&index, Some(&query), &Filters::default());
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            if round > 0 {
                times.push(ms);
            }
            std::hint::black_box(found);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "bench: search_ms n={SESSIONS} median {:.1} p95 {:.1}",
        at(0.5),
        at(0.95)
    );
}
