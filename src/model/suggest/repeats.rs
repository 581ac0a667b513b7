//! The same task said more than once: the clinician's instruction, the
//! client's "I'll…" and the closing summary often name one task three times,
//! and the clinician should see it once.

use super::HomeworkSuggestion;

/// Words that do not tell one task from another.
const PLAIN: &[&str] = &[
    "the", "and", "you", "your", "yours", "i'll", "i'm", "you'll", "you're", "my", "me", "for",
    "with", "that", "this", "then", "will", "just", "it's", "its", "are", "was", "can", "could",
    "into", "onto", "from", "about", "each", "every", "all", "our", "we'll",
];

/// The words of a task that say what it is, in lower case.
fn telling_words(task: &str) -> Vec<String> {
    task.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| w.chars().count() >= 3 && !PLAIN.contains(w))
        .map(str::to_owned)
        .collect()
}

/// Keeps one suggestion of each task: a task whose telling words all come
/// again in another is left out for the fuller wording, or for the later of
/// two alike (a summary says it last, and most completely).
pub(super) fn without_repeats(tasks: &mut Vec<HomeworkSuggestion>) {
    let words: Vec<Vec<String>> = tasks.iter().map(|t| telling_words(&t.task)).collect();
    let mut keep = vec![true; tasks.len()];
    for (i, mine) in words.iter().enumerate() {
        let said_again = words.iter().enumerate().any(|(j, theirs)| {
            j != i
                && keep[j]
                && (theirs.len() > mine.len() || j > i)
                && mine.iter().all(|w| theirs.contains(w))
        });
        if said_again && !mine.is_empty() {
            keep[i] = false;
        }
    }
    let mut kept = keep.into_iter();
    tasks.retain(|_| kept.next().unwrap_or(true));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::suggest::HomeworkSource;

    fn tasks(said: &[&str]) -> Vec<HomeworkSuggestion> {
        said.iter()
            .map(|t| HomeworkSuggestion {
                task: (*t).to_owned(),
                source: HomeworkSource::Clinician,
                mark: None,
                quote: (*t).to_owned(),
            })
            .collect()
    }

    fn kept(said: &[&str]) -> Vec<String> {
        let mut t = tasks(said);
        without_repeats(&mut t);
        t.into_iter().map(|t| t.task).collect()
    }

    #[test]
    fn a_task_said_again_more_fully_is_kept_once_in_its_fuller_words() {
        assert_eq!(
            kept(&[
                "Ring the clinic at nine and ask for a Thursday slot",
                "Put the jab dates on the calendar",
                "Ring the clinic tomorrow at nine and ask for a Thursday slot for the jab",
            ]),
            [
                "Put the jab dates on the calendar",
                "Ring the clinic tomorrow at nine and ask for a Thursday slot for the jab",
            ]
        );
    }

    #[test]
    fn the_same_task_twice_is_kept_once_as_said_last() {
        assert_eq!(
            kept(&[
                "Stop painting at midnight",
                "Keep the box by your bed",
                "Stop painting at midnight"
            ]),
            ["Keep the box by your bed", "Stop painting at midnight"]
        );
        // Who says it does not make it another task.
        assert_eq!(
            kept(&["Write down what I drink", "Write down what you drink"]),
            ["Write down what you drink"]
        );
    }

    #[test]
    fn tasks_that_share_words_but_not_all_of_them_are_both_kept() {
        let both = ["Walk the dog before work", "Walk to work on Tuesday"];
        assert_eq!(kept(&both), both);
    }
}
