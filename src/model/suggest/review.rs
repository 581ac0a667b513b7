//! Reviews of last session's homework: the clinician asks how a task went
//! and the client says how much got done and what got in the way.

use super::ReviewSuggestion;
use super::Sentence;
use super::matching::{Words, strip_prefix_loose, strip_suffix_loose, trim_punct};
use crate::model::homework::Completion;
use crate::model::wording::capitalised;
use chrono::NaiveTime;

/// Wording that points back at work set last time. A question about a task
/// only counts as a review next to one of these, so "Have you been able to
/// sleep?" on its own is not taken for one.
pub(super) static REFERENCES: Words = Words::new(&[
    "homework",
    "last week",
    "last time",
    "last session",
    "since we last met",
    "since i last saw you",
    "we agreed",
    "you agreed",
    "we set",
    "we planned",
    "you were going to",
    "you said you would",
    "you said you'd",
]);

/// Questions about a task; the task follows them.
static ASKS: Words = Words::new(&[
    "how did you get on with",
    "how did you go with",
    "how did it go with",
    "how did you find",
    "how did",
    "how was",
    "how were",
    "were you able to",
    "was it possible to",
    "did you manage to",
    "did you manage",
    "did you get a chance to",
    "did you get round to",
    "did you get around to",
    "did you try",
    "did you do",
    "how many days did you manage",
    "how many days did you",
    "how often did you manage",
    "how often did you",
]);

/// Questions that stay with the task under review.
static FOLLOW_UPS: Words = Words::new(&[
    "what got in the way",
    "what stopped you",
    "what made it hard",
    "what made it difficult",
    "how many days",
    "how often",
    "what helped",
]);

/// Words around the task in a review question, trimmed off its end.
const TASK_TAILS: &[&str] = &[
    "go",
    "going",
    "work out",
    "turn out",
    "last week",
    "last time",
    "since we last met",
    "this past week",
    "over the week",
    "we set",
    "we agreed",
    "you agreed to",
];

static PARTLY: Words = Words::new(&[
    "some days",
    "most days",
    "a few",
    "a couple",
    "half",
    "partly",
    "partially",
    "not every",
    "not all",
    "only",
    "sometimes",
    "on and off",
    "here and there",
    "skipped",
    "missed",
]);

static NOT_DONE: Words = Words::new(&[
    "didn't",
    "did not",
    "not at all",
    "never",
    "couldn't",
    "could not",
    "wasn't able",
    "forgot",
    "no",
    "nope",
    "not really",
    "none",
]);

static DONE: Words = Words::new(&[
    "every day",
    "every night",
    "every morning",
    "every evening",
    "each day",
    "all week",
    "i did",
    "did it",
    "did them",
    "i managed",
    "done it",
]);

static OBSTACLES: Words = Words::new(&[
    "because",
    "got in the way",
    "forgot",
    "kept forgetting",
    "too busy",
    "too tired",
    "no time",
    "didn't have time",
    "putting it off",
    "put it off",
    "couldn't face",
    "skipped",
]);

const NUMBERS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen",
];

const DAY_UNITS: &[&str] = &[
    "day",
    "days",
    "night",
    "nights",
    "morning",
    "mornings",
    "evening",
    "evenings",
    "afternoon",
    "afternoons",
];

/// Follows a conversation turn by turn, opening a review at each question
/// about last session's homework and filling it from the client's answers.
#[derive(Default)]
pub(super) struct Reviews {
    pub(super) found: Vec<ReviewSuggestion>,
    /// The clinician pointed back at earlier homework in this or the last turn.
    referenced: bool,
    /// Client answers go to the last review found.
    open: bool,
}

impl Reviews {
    /// A clinician turn in sentences: no phrase of [`REFERENCES`] runs from
    /// one sentence into the next.
    pub(super) fn clinician(&mut self, said: &[Sentence], mark: Option<NaiveTime>) {
        let referenced = said.iter().any(|s| s.heard.has(&REFERENCES));
        let mut asked = false;
        for s in said.iter().map(|s| s.text).filter(|s| s.ends_with('?')) {
            if (referenced || self.referenced)
                && let Some(task) = asked_task(s)
            {
                self.found.push(ReviewSuggestion {
                    task,
                    completion: None,
                    days: None,
                    obstacle: None,
                    mark,
                    quote: s.to_string(),
                    answer: None,
                });
                asked = true;
            } else if self.open && FOLLOW_UPS.is_in(s) {
                asked = true;
            }
        }
        self.open = asked;
        self.referenced = referenced || asked;
    }

    /// A client turn, `said` its sentences.
    pub(super) fn client(&mut self, text: &str, said: &[&str]) {
        let Some(review) = self.found.last_mut().filter(|_| self.open) else {
            return;
        };
        if review.answer.is_none() {
            review.answer = said.first().map(|s| s.to_string());
        }
        if review.days.is_none() {
            review.days = said.iter().find_map(|s| days(s));
        }
        if review.completion.is_none() {
            review.completion = completion(text, review.days);
        }
        if review.obstacle.is_none() {
            review.obstacle = said
                .iter()
                .find(|s| OBSTACLES.is_in(s))
                .map(|s| s.to_string());
        }
    }
}

/// The task a review question asks about, as discussed:
/// "How did the worry log go?" → "Worry log".
fn asked_task(question: &str) -> Option<String> {
    let (_, end, _) = ASKS.find(question)?;
    let mut task = trim_punct(&question[end..]);
    while let Some(r) = TASK_TAILS.iter().find_map(|t| strip_suffix_loose(task, t)) {
        task = trim_punct(r);
    }
    for article in ["the", "your", "those", "these"] {
        if let Some(r) = strip_prefix_loose(task, article) {
            task = r.trim_start();
        }
    }
    (!task.is_empty()).then(|| capitalised(task))
}

/// A guess at how much got done, from the words and the number of days.
fn completion(answer: &str, days: Option<u8>) -> Option<Completion> {
    if PARTLY.is_in(answer) {
        return Some(Completion::Partly);
    }
    if NOT_DONE.is_in(answer) {
        return Some(Completion::NotDone);
    }
    match days {
        Some(0) => Some(Completion::NotDone),
        Some(1..7) => Some(Completion::Partly),
        Some(_) => Some(Completion::Done),
        None => DONE.find(answer).map(|_| Completion::Done),
    }
}

/// "on four days", "all seven nights", "5 mornings": the number of days.
fn days(sentence: &str) -> Option<u8> {
    let words: Vec<&str> = sentence.split_whitespace().map(trim_punct).collect();
    words.windows(2).find_map(|pair| {
        if !DAY_UNITS.iter().any(|u| pair[1].eq_ignore_ascii_case(u)) {
            return None;
        }
        pair[0].parse::<u8>().ok().or_else(|| {
            NUMBERS
                .iter()
                .position(|n| pair[0].eq_ignore_ascii_case(n))
                .and_then(|i| u8::try_from(i).ok())
        })
    })
}
