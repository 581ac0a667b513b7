//! The session's anxiety and mood ratings, 0 to 10, as one-item measures.
//!
//! They are Sessionpad's own ratings, not published instruments: no bands,
//! cut-off or reliable-change threshold, and higher anxiety is worse while
//! higher mood is better.

use super::{ANXIETY, MOOD, Measure, ResponseOption, items, plain};

pub(super) fn anxiety() -> Measure {
    rating(ANXIETY, "Anxiety")
}

pub(super) fn mood() -> Measure {
    rating(MOOD, "Mood")
}

fn rating(id: &str, name: &str) -> Measure {
    let values = (0..=10).map(|value| ResponseOption {
        value,
        label: value.to_string(),
    });
    plain(
        id,
        [name, &format!("{name} (0–10)")],
        "Sessionpad's own 0–10 rating, not a published instrument.",
        &format!("{name}, from 0 to 10."),
        values.collect(),
        items(&[name]),
    )
}
