//! Precision and recall of the import's suggestions over the labelled
//! transcripts in `tests/fixtures/labelled/`: what a clinician would expect
//! of each, against what the importer suggests.

use sessionpad::model::suggest::score::{Counts, KINDS, Labels, score};
use sessionpad::model::suggest::suggest;
use sessionpad::model::transcript::parse;
use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/labelled");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("tests/fixtures/labelled exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".labels.json").map(str::to_owned))
        .collect();
    names.sort();
    let mut per_kind = [Counts::default(); 4];
    for name in &names {
        let text = fs::read_to_string(dir.join(format!("{name}.txt"))).expect("transcript");
        let labels: Labels = serde_json::from_str(
            &fs::read_to_string(dir.join(format!("{name}.labels.json"))).expect("labels"),
        )
        .expect("labels are JSON");
        let s = suggest(&parse(&text).expect("a transcript"));
        let counts = score(&s, &labels);
        let mut all = Counts::default();
        for (total, c) in per_kind.iter_mut().zip(counts) {
            total.add(c);
            all.add(c);
        }
        println!(
            "{name}: precision {:.2}, recall {:.2}",
            all.precision(),
            all.recall()
        );
        // What was suggested, beside the labels, when the two differ.
        if all.right < all.suggested || all.found < all.expected {
            let tags = |v: &[sessionpad::model::suggest::TagSuggestion]| {
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
    }
    let mut all = Counts::default();
    for (kind, c) in KINDS.iter().zip(per_kind) {
        all.add(c);
        println!(
            "{kind}: precision {:.2} ({}/{}), recall {:.2} ({}/{})",
            c.precision(),
            c.right,
            c.suggested,
            c.recall(),
            c.found,
            c.expected
        );
    }
    println!("{} labelled transcripts", names.len());
    time_a_long_transcript();
    println!("bench: suggest_precision {:.3}", all.precision());
    println!("bench: suggest_recall {:.3}", all.recall());
}

/// How long suggesting takes for the sample's body repeated to about 1 MB,
/// the size the transcript benchmark parses.
fn time_a_long_transcript() {
    const SAMPLE: &str = include_str!("../tests/fixtures/session-14-of-24.txt");
    let start = SAMPLE.find("**[").expect("sample has time marks");
    let mut input = SAMPLE[..start].to_string();
    while input.len() < 1 << 20 {
        input.push_str(&SAMPLE[start..]);
    }
    let t = parse(&input).expect("a transcript");
    let t0 = std::time::Instant::now();
    let s = std::hint::black_box(suggest(&t));
    println!(
        "suggest for a {:.1} MB transcript: {:.0} ms ({} suggestions)",
        input.len() as f64 / (1024.0 * 1024.0),
        t0.elapsed().as_secs_f64() * 1000.0,
        s.interventions.len() + s.themes.len() + s.homework.len() + s.risks.len()
    );
}
