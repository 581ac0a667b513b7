//! How well the suggestions for a transcript match what a clinician
//! expects of it (`tests/fixtures/labelled/*/*.labels.json`): precision and
//! recall per kind of suggestion, whether motivational interviewing was
//! found where the session is one, and whether the main topic came first;
//! for the tests and `make bench`.

use super::Suggestions;
use serde::Deserialize;

/// What a clinician expects from one transcript.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Labels {
    /// The practice area, for figures per area.
    pub area: Option<String>,
    /// Whether the clinician works in a motivational interviewing way.
    pub mi: Option<bool>,
    /// The main topic: the theme that should come first.
    pub topic: Option<String>,
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
    // One review per kind of risk shows every sentence of that kind: it
    // finds each label quoted in any of them.
    let quotes = |r: &&super::RiskSuggestion, l: &&RiskLabel| {
        let words = plain(&l.quote);
        r.kind == l.kind && r.sentences().any(|(q, _)| plain(q).contains(&words))
    };
    let risks: Vec<_> = s.risks.iter().collect();
    let risk_labels: Vec<_> = labels.risk.iter().collect();
    [
        counts(&names(&s.interventions), &labels.interventions, same),
        counts(&names(&s.themes), &labels.themes, same),
        counts(&tasks, &labels.homework, holds),
        counts(&risks, &risk_labels, quotes),
    ]
}

/// The vocabulary's name for motivational interviewing.
pub const MI: &str = "motivational interviewing";

/// Figures over a set of labelled transcripts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Per kind, in the order of [`KINDS`].
    pub kinds: [Counts; 4],
    /// Sessions labelled as motivational interviewing, and those where it
    /// was suggested.
    pub mi: (usize, usize),
    /// Sessions with a main topic, and those where it was the first theme.
    pub topic: (usize, usize),
}

impl Tally {
    pub fn add(&mut self, s: &Suggestions, labels: &Labels) {
        for (total, c) in self.kinds.iter_mut().zip(score(s, labels)) {
            total.add(c);
        }
        if labels.mi == Some(true) {
            self.mi.0 += 1;
            self.mi.1 += usize::from(s.interventions.iter().any(|t| t.tag == MI));
        }
        if let Some(topic) = &labels.topic {
            self.topic.0 += 1;
            self.topic.1 += usize::from(s.themes.first().is_some_and(|t| &t.tag == topic));
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        for (total, c) in self.kinds.iter_mut().zip(other.kinds) {
            total.add(c);
        }
        self.mi = (self.mi.0 + other.mi.0, self.mi.1 + other.mi.1);
        self.topic = (self.topic.0 + other.topic.0, self.topic.1 + other.topic.1);
    }

    /// Every kind together.
    pub fn all(&self) -> Counts {
        let mut all = Counts::default();
        self.kinds.iter().for_each(|c| all.add(*c));
        all
    }

    /// Motivational interviewing found among the sessions that are one; 1
    /// when none are.
    pub fn mi_recall(&self) -> f64 {
        ratio(self.mi.1, self.mi.0)
    }

    /// The main topic first among the sessions that have one; 1 when none do.
    pub fn topic_top1(&self) -> f64 {
        ratio(self.topic.1, self.topic.0)
    }
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
