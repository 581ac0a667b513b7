//! How well the suggestions for a transcript match what a clinician
//! expects of it (`tests/fixtures/labelled/*.labels.json`): precision and
//! recall per kind of suggestion, for the tests and `make bench`.

use super::Suggestions;
use serde::Deserialize;

/// What a clinician expects from one transcript.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Labels {
    /// Vocabulary names.
    pub interventions: Vec<String>,
    pub themes: Vec<String>,
    /// Words each expected task holds, ignoring case.
    pub homework: Vec<String>,
    pub risk: Vec<RiskLabel>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct RiskLabel {
    pub kind: String,
    /// Words of the client's sentence that must be quoted.
    pub quote: String,
}

/// Suggestions made, how many were right, labels and how many were found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub suggested: usize,
    pub right: usize,
    pub expected: usize,
    pub found: usize,
}

impl Counts {
    /// Right among suggested; 1 when nothing was suggested.
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.suggested)
    }

    /// Found among expected; 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.expected)
    }

    pub fn add(&mut self, other: Counts) {
        self.suggested += other.suggested;
        self.right += other.right;
        self.expected += other.expected;
        self.found += other.found;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The kinds of suggestion scored, in the order of [`score`]'s result.
pub const KINDS: [&str; 4] = ["interventions", "themes", "homework", "risk"];

/// Counts for interventions, themes, homework and possible risk.
pub fn score(s: &Suggestions, labels: &Labels) -> [Counts; 4] {
    let names = |v: &[super::TagSuggestion]| v.iter().map(|t| t.tag.clone()).collect::<Vec<_>>();
    let same = |a: &String, b: &String| a == b;
    let holds = |task: &String, words: &String| plain(task).contains(&plain(words));
    let tasks: Vec<String> = s.homework.iter().map(|h| h.task.clone()).collect();
    let risks: Vec<(String, String)> = s
        .risks
        .iter()
        .map(|r| (r.kind.clone(), r.quote.clone()))
        .collect();
    let risk_labels: Vec<(String, String)> = labels
        .risk
        .iter()
        .map(|r| (r.kind.clone(), r.quote.clone()))
        .collect();
    let quotes = |(k, q): &(String, String), (lk, lq): &(String, String)| {
        k == lk && plain(q).contains(&plain(lq))
    };
    [
        counts(&names(&s.interventions), &labels.interventions, same),
        counts(&names(&s.themes), &labels.themes, same),
        counts(&tasks, &labels.homework, holds),
        counts(&risks, &risk_labels, quotes),
    ]
}

fn counts<S, L>(suggested: &[S], expected: &[L], matches: impl Fn(&S, &L) -> bool) -> Counts {
    Counts {
        suggested: suggested.len(),
        right: suggested
            .iter()
            .filter(|s| expected.iter().any(|l| matches(s, l)))
            .count(),
        expected: expected.len(),
        found: expected
            .iter()
            .filter(|l| suggested.iter().any(|s| matches(s, l)))
            .count(),
    }
}

fn plain(s: &str) -> String {
    s.to_lowercase().replace('’', "'")
}
