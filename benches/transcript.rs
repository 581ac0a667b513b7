//! Parse time for a long (~1 MB) transcript; prints `bench: parse_1mb_ms X`,
//! the median of the runs.
//!
//! The sample's header is kept once and its time-marked body repeated, so
//! the input stays a valid transcript of realistic line mix.

use sessionpad::model::transcript::parse;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../tests/fixtures/session-14-of-24.txt");
const TARGET_BYTES: usize = 1 << 20;
const RUNS: usize = 100;

fn build_input() -> String {
    let body_start = SAMPLE.find("**[").expect("sample has time marks");
    let body_end = SAMPLE.find("(End of session)").unwrap_or(SAMPLE.len());
    let (header, body) = (&SAMPLE[..body_start], &SAMPLE[body_start..body_end]);
    let mut s = String::with_capacity(TARGET_BYTES + SAMPLE.len());
    s.push_str(header);
    while s.len() < TARGET_BYTES {
        s.push_str(body);
    }
    s.push_str("(End of session)\n");
    s
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let input = build_input();
    let turns = parse(&input).expect("valid transcript").turns().count();

    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t0 = Instant::now();
            let tr = parse(black_box(&input));
            let dt = t0.elapsed();
            black_box(tr).ok();
            dt
        })
        .collect();
    times.sort();
    let median = if RUNS.is_multiple_of(2) {
        (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2
    } else {
        times[RUNS / 2]
    };
    println!(
        "parse {:.1} MB ({} turns): median {:.1} ms, min {:.1} ms ({} runs)",
        input.len() as f64 / (1024.0 * 1024.0),
        turns,
        ms(median),
        ms(times[0]),
        RUNS
    );
    println!("bench: parse_1mb_ms {:.1}", ms(median));
}
