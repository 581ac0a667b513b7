//! How the import's suggestions compare with what a clinician expects of the
//! labelled transcripts in `tests/fixtures/labelled/`, per set and per
//! practice area, and how long a 1 MB transcript takes to parse and suggest.
//!
//! `dev/` is for tuning the rules, so its misses are listed. `test/` is never
//! tuned on: its figures are the ones `make bench` holds to budget, and its
//! misses are not listed, so they cannot be tuned against by reading them.
//! `cargo bench --bench suggest -- dev` reads `dev/` alone.

use sessionpad::model::suggest::score::{Counts, KINDS, Labels, Tally};
use sessionpad::model::suggest::{Suggestions, TagSuggestion, suggest};
use sessionpad::model::transcript::parse;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Instant;

fn main() {
    // Cargo passes "--bench"; a word after `--` names one set.
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/labelled");
    let mut test = None;
    for set in ["dev", "test"] {
        if only.as_ref().is_none_or(|o| o == set) {
            let tally = report(set, &root.join(set), set == "dev");
            if set == "test" {
                test = Some(tally);
            }
        }
    }
    let ms = time_a_long_transcript();
    if let Some(t) = test {
        let all = t.all();
        println!("bench: suggest_precision {:.3}", all.precision());
        println!("bench: suggest_recall {:.3}", all.recall());
        println!("bench: mi_recall {:.3}", t.mi_recall());
        println!("bench: topic_top1 {:.3}", t.topic_top1());
    }
    println!("bench: suggest_1mb_ms {ms:.1}");
}

/// Scores every transcript of a set, prints the figures per transcript, kind
/// and practice area, and returns the set's tally.
fn report(set: &str, dir: &Path, list_misses: bool) -> Tally {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".labels.json").map(str::to_owned))
        .collect();
    names.sort();
    let mut total = Tally::default();
    let mut areas: BTreeMap<String, (usize, Tally)> = BTreeMap::new();
    for name in &names {
        let text = fs::read_to_string(dir.join(format!("{name}.txt"))).expect("transcript");
        let labels: Labels = serde_json::from_str(
            &fs::read_to_string(dir.join(format!("{name}.labels.json"))).expect("labels"),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let s = suggest(&parse(&text).expect("a transcript"));
        let mut one = Tally::default();
        one.add(&s, &labels);
        total.merge(&one);
        if let Some(area) = &labels.area {
            let (n, tally) = areas.entry(area.clone()).or_default();
            *n += 1;
            tally.merge(&one);
        }
        let all = one.all();
        let first = s.themes.first().map_or("none", |t| t.tag.as_str());
        println!(
            "{set} {name}: precision {:.2}, recall {:.2}, first theme {first}{}",
            all.precision(),
            all.recall(),
            if one.mi.0 > one.mi.1 {
                ", MI missed"
            } else {
                ""
            }
        );
        let missed = all.right < all.suggested || all.found < all.expected;
        if list_misses && (missed || one.topic.0 > one.topic.1 || one.mi.0 > one.mi.1) {
            print_beside(&s, &labels);
        }
    }
    for (kind, c) in KINDS.iter().zip(total.kinds) {
        println!("{set} {kind}: {}", figures(c));
    }
    for (area, (n, t)) in &areas {
        println!(
            "{set} area {area} ({n}): {}, MI {}/{}, main topic first {}/{}",
            figures(t.all()),
            t.mi.1,
            t.mi.0,
            t.topic.1,
            t.topic.0
        );
    }
    let all = total.all();
    println!(
        "{set}: {} labelled transcripts, precision {:.3}, recall {:.3}, MI {}/{}, main topic first {}/{}",
        names.len(),
        all.precision(),
        all.recall(),
        total.mi.1,
        total.mi.0,
        total.topic.1,
        total.topic.0
    );
    total
}

fn figures(c: Counts) -> String {
    format!(
        "precision {:.2} ({}/{}), recall {:.2} ({}/{})",
        c.precision(),
        c.right,
        c.suggested,
        c.recall(),
        c.found,
        c.expected
    )
}

/// What was suggested, beside the labels.
fn print_beside(s: &Suggestions, labels: &Labels) {
    let tags = |v: &[TagSuggestion]| {
        v.iter()
            .map(|t| format!("{} ({})", t.tag, t.evidence))
            .collect::<Vec<_>>()
    };
    println!("  interventions {:?}", tags(&s.interventions));
    println!("  themes {:?}", tags(&s.themes));
    let tasks: Vec<&str> = s.homework.iter().map(|h| h.task.as_str()).collect();
    println!("  homework {tasks:?}");
    let risks: Vec<(&str, &str)> = s
        .risks
        .iter()
        .map(|r| (r.kind.as_str(), r.quote.as_str()))
        .collect();
    println!("  risk {risks:?}");
    println!("  expected {labels:?}");
}

/// The median time of parsing and suggesting for the sample's body repeated
/// to about 1 MB, the size the transcript benchmark parses.
fn time_a_long_transcript() -> f64 {
    const SAMPLE: &str = include_str!("../tests/fixtures/session-14-of-24.txt");
    let start = SAMPLE.find("**[").expect("sample has time marks");
    let mut input = SAMPLE[..start].to_string();
    while input.len() < 1 << 20 {
        input.push_str(&SAMPLE[start..]);
    }
    let mut times: Vec<f64> = (0..9)
        .map(|_| {
            let t0 = Instant::now();
            let s = suggest(&parse(std::hint::black_box(&input)).expect("a transcript"));
            std::hint::black_box(s);
            t0.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "parse + suggest for a {:.1} MB transcript: median {median:.1} ms of {} runs",
        input.len() as f64 / (1024.0 * 1024.0),
        times.len()
    );
    median
}
