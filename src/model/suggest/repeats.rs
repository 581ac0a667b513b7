//! The same task said more than once: the clinician's instruction, the
//! client's "I'll…" and the closing summary often name one task three times,
//! and the clinician should see it once.

use super::matching::trim_punct;
use super::task_list::names_by_pronoun;
use super::text::among;
use super::{HomeworkSource, HomeworkSuggestion};

/// Words that do not tell one task from another: small words, and people by
/// pronoun ("ring her" may be "ring Sue"). In order, to be looked up.
const PLAIN: &[&str] = &[
    "about", "after", "all", "also", "and", "any", "are", "back", "before", "can", "could", "down",
    "each", "every", "first", "for", "from", "get", "gets", "her", "him", "his", "how", "i'll",
    "i'm", "into", "it's", "its", "just", "me", "my", "next", "not", "off", "one", "onto", "our",
    "out", "over", "she", "some", "still", "that", "the", "their", "them", "then", "they", "this",
    "through", "too", "was", "we'll", "well", "what", "when", "will", "with", "you", "you'll",
    "you're", "your", "yours",
];

/// Words of when, which tell a task from another said whole ("Walk to work
/// on Tuesday" is not "Walk the dog before work"), but not one said again in
/// other words: "Ring the GP on Monday" is not "Ring Kerry on Monday". In
/// order, to be looked up.
const WHEN: &[&str] = &[
    "afternoon",
    "day",
    "days",
    "evening",
    "evenings",
    "friday",
    "lunch",
    "monday",
    "morning",
    "mornings",
    "night",
    "nights",
    "once",
    "saturday",
    "sunday",
    "thursday",
    "time",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "twice",
    "wednesday",
    "week",
    "weekend",
    "weeks",
];

/// Endings a word is compared without (see [`stem`]).
const ENDINGS: &[&str] = &["ing", "ed", "es", "s", "e"];

/// A telling word of a task, in lower case.
struct Word {
    text: String,
    /// Whether it says when (see [`WHEN`]).
    when: bool,
    /// How long it is without its ending (see [`stem`]).
    stem: usize,
}

impl Word {
    fn stem(&self) -> &str {
        &self.text[..self.stem]
    }

    fn alike(&self, other: &Word) -> bool {
        self.stem() == other.stem()
    }
}

/// The words of a task that say what it is, each once: words of three
/// letters or more, and shorter ones in capitals ("GP").
fn telling_words(task: &str) -> Vec<Word> {
    let mut words: Vec<Word> = task
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.len() >= 3 || (w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase())))
        .map(|w| w.to_lowercase().replace('’', "'"))
        .filter(|w| PLAIN.binary_search(&w.as_str()).is_err())
        .map(|text| Word {
            when: WHEN.binary_search(&text.as_str()).is_ok(),
            stem: stem(&text).len(),
            text,
        })
        .collect();
    words.sort_by(|a, b| a.text.cmp(&b.text));
    words.dedup_by(|a, b| a.text == b.text);
    words
}

/// A word without its ending, so that "texting" and "text", "smoke" and
/// "smoking", "sit" and "sitting" are one.
fn stem(word: &str) -> &str {
    let stem = ENDINGS
        .iter()
        .find_map(|e| word.strip_suffix(e).filter(|s| s.len() >= 3))
        .unwrap_or(word);
    match stem.as_bytes() {
        [_, _, .., x, y] if x == y && x.is_ascii_alphabetic() => &stem[..stem.len() - 1],
        _ => stem,
    }
}

/// Whether two tasks are one said twice: all the telling words of one come
/// again in the other, or, said in other words, most of what one does
/// ("Text Lorna and ask her about a pram walk", "Text Lorna about a pram
/// walk on Thursday"), or half of it when that is three words or more. The
/// two words of a name alone ("the head teacher") do not make "Email the
/// head teacher" and "Write a list for the head teacher" one task, and a
/// task of one telling word is another's only in that very word: "Book the
/// B and B" is not "Show you the booking".
fn same_task(a: &[Word], b: &[Word]) -> bool {
    let (fewer, more) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if let [only] = fewer {
        return more.iter().any(|w| w.text == only.text);
    }
    if !fewer.is_empty() && fewer.iter().all(|w| more.iter().any(|m| m.alike(w))) {
        return true;
    }
    let what = |t: &'_ [Word]| t.iter().filter(|w| !w.when).count();
    let (fewer, more) = if what(a) <= what(b) { (a, b) } else { (b, a) };
    let n = what(fewer);
    let shared = fewer
        .iter()
        .filter(|w| !w.when && more.iter().any(|m| !m.when && m.alike(w)))
        .count();
    n >= 3 && shared >= 2 && (shared * 5 >= n * 3 || (shared >= 3 && shared * 2 >= n))
}

/// How many names a wording has among its telling words: how much it says
/// is its telling words but those of when, a name counting twice ("Ring
/// StepChange from the van" says more than "Ring on Friday at lunch from
/// the van").
fn names(task: &str, words: &[Word]) -> usize {
    task.split_whitespace()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_uppercase) && w.len() >= 3)
        .filter(|w| {
            words
                .iter()
                .any(|t| !t.when && t.text.eq_ignore_ascii_case(w))
        })
        .count()
}

/// The verb of a task that points back at what it is about ("Print it on
/// Wednesday", "Talk to him tonight"): that is a task named before or after
/// it, and the one with its verb.
fn pointing_verb(task: &str) -> Option<String> {
    let mut words = task.split_whitespace().map(trim_punct);
    let verb = words.next()?.to_lowercase();
    let next: Vec<&str> = words.take(2).collect();
    let points = next.first().is_some_and(|w| among(w, &["it", "them"]))
        || matches!(next[..], [to, it] if among(to, &["to", "with"]) && among(it, &["it", "them"]))
        || names_by_pronoun(task);
    (points && verb.len() >= 3 && PLAIN.binary_search(&verb.as_str()).is_err()).then_some(verb)
}

/// The verb a task opens with and the first telling word after it, its
/// object, both without their endings: "Write a list for the head teacher"
/// and "Write a short list of what you can offer" are one task, "Walk the
/// dog" and "Walk to work" two.
fn verb_and_object(task: &str) -> Option<(String, String)> {
    let mut words = task
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"));
    let verb = words.next().filter(|v| v.len() >= 3)?;
    let object = words.take(4).find(|w| {
        w.len() >= 3
            && PLAIN.binary_search(&w.as_str()).is_err()
            && WHEN.binary_search(&w.as_str()).is_err()
    })?;
    Some((stem(&verb).to_owned(), stem(&object).to_owned()))
}

/// A task as said, and what it is compared by.
struct Said {
    task: HomeworkSuggestion,
    words: Vec<Word>,
    full: usize,
    /// Its telling words but those of when.
    what: usize,
    pointing: Option<String>,
    head: Option<(String, String)>,
}

impl Said {
    fn new(task: HomeworkSuggestion) -> Self {
        let words = telling_words(&task.task);
        let what = words.iter().filter(|w| !w.when).count();
        let full = what + names(&task.task, &words);
        let pointing = pointing_verb(&task.task);
        let head = verb_and_object(&task.task);
        Said {
            task,
            words,
            full,
            what,
            pointing,
            head,
        }
    }

    /// Whether the two are one task (see [`same_task`]), do the same to the
    /// same thing (see [`verb_and_object`]), or one points back with the
    /// other's verb.
    fn is(&self, other: &Said) -> bool {
        same_task(&self.words, &other.words)
            || self.head.is_some() && self.head == other.head
            || self.points_at(other)
            || other.points_at(self)
    }

    /// Whether this wording of a task is the one to keep over `other`'s:
    /// the client's own words for what they agreed to, over the
    /// clinician's giving it, saying it back or asking for it, unless that
    /// says more than a word more of what to do ("…and rate your mood
    /// before and after"), a name counting once there: "the Samaritans
    /// number" is the clinician's detail of the client's "the number".
    /// Else the fuller, or the later of two alike.
    fn says_better_than(&self, other: &Said) -> bool {
        match (&self.task.source, &other.task.source) {
            (HomeworkSource::Client, HomeworkSource::Clinician) => self.what + 1 >= other.what,
            (HomeworkSource::Clinician, HomeworkSource::Client) => self.what >= other.what + 2,
            _ => self.full >= other.full,
        }
    }

    fn points_at(&self, other: &Said) -> bool {
        self.pointing
            .as_deref()
            .is_some_and(|v| other.words.iter().any(|w| w.stem() == stem(v)))
    }
}

/// Keeps one suggestion of each task, where it was first said: a task said
/// again is merged into the first, which takes the fuller wording of the
/// two (see [`names`]), or the later of two alike (a summary says it
/// last, and most completely). A wording that only points back at the task
/// gives way to one that names it, and said after it, says more of it
/// ("Listen to the recording once a day"; "I'll listen to it in the
/// mornings"): it is kept as its detail.
pub(super) fn without_repeats(tasks: &mut Vec<HomeworkSuggestion>) {
    let mut kept: Vec<Said> = Vec::with_capacity(tasks.len());
    // Each wording met, and the task it went to.
    let mut met: Vec<(String, usize)> = Vec::new();
    for task in tasks.drain(..) {
        // The same words again go where they went before, the later quote
        // with them if the task is still in their words.
        if let Some(&(_, i)) = met.iter().find(|(words, _)| *words == task.task) {
            if kept[i].task.task == task.task {
                kept[i].task = task;
            }
            continue;
        }
        let wording = task.task.clone();
        let said = Said::new(task);
        let Some(i) = kept.iter().position(|first| first.is(&said)) else {
            met.push((wording, kept.len()));
            kept.push(said);
            continue;
        };
        met.push((wording, i));
        let first = &mut kept[i];
        let only_points = !same_task(&first.words, &said.words)
            && first.pointing.is_some() != said.pointing.is_some();
        if only_points && said.pointing.is_some() {
            let mut detail = said.task.task.chars();
            let lower: String = detail
                .next()
                .into_iter()
                .flat_map(char::to_lowercase)
                .collect();
            first.task.task = format!("{}; {lower}{}", first.task.task, detail.as_str());
        } else if only_points || said.says_better_than(first) {
            *first = said;
        }
    }
    tasks.extend(kept.into_iter().map(|said| said.task));
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
    fn the_word_lists_are_in_order_to_be_looked_up() {
        assert!(PLAIN.is_sorted());
        assert!(WHEN.is_sorted());
    }

    #[test]
    fn a_task_said_again_more_fully_is_kept_once_where_first_said_in_its_fuller_words() {
        assert_eq!(
            kept(&[
                "Ring the clinic at nine and ask for a Thursday slot",
                "Put the jab dates on the calendar",
                "Ring the clinic tomorrow at nine and ask for a Thursday slot for the jab",
            ]),
            [
                "Ring the clinic tomorrow at nine and ask for a Thursday slot for the jab",
                "Put the jab dates on the calendar",
            ]
        );
    }

    #[test]
    fn the_same_task_twice_is_kept_once_where_first_said_as_said_last() {
        let mut t = tasks(&[
            "Stop painting at midnight",
            "Keep the box by your bed",
            "Stop painting at midnight",
        ]);
        t[2].quote = "So you'll stop painting at midnight.".into();
        without_repeats(&mut t);
        let once: Vec<(&str, &str)> = t.iter().map(|t| (&*t.task, &*t.quote)).collect();
        assert_eq!(
            once,
            [
                (
                    "Stop painting at midnight",
                    "So you'll stop painting at midnight."
                ),
                ("Keep the box by your bed", "Keep the box by your bed"),
            ]
        );
        // Who says it does not make it another task.
        assert_eq!(
            kept(&["Write down what I drink", "Write down what you drink"]),
            ["Write down what you drink"]
        );
    }

    #[test]
    fn a_task_said_again_in_other_words_is_merged_into_the_first() {
        assert_eq!(
            kept(&[
                "Text Maya tonight and ask if she fancies a swim",
                "Book the dentist",
                "Text Maya about a swim on Saturday at ten",
            ]),
            [
                "Text Maya tonight and ask if she fancies a swim",
                "Book the dentist"
            ]
        );
        assert_eq!(
            kept(&[
                "Try not drinking on a couple of weeknights",
                "Try not having a drink Monday to Thursday",
            ]),
            ["Try not drinking on a couple of weeknights"]
        );
    }

    #[test]
    fn a_wording_that_names_who_says_more() {
        assert_eq!(
            kept(&[
                "Ring StepChange from the van",
                "Ring the helpline from the van at lunch",
            ]),
            ["Ring StepChange from the van"]
        );
    }

    #[test]
    fn tasks_that_share_words_but_not_all_of_them_are_both_kept() {
        for both in [
            ["Walk the dog before work", "Walk to work on Tuesday"],
            // A name and when are not enough.
            [
                "Email the head teacher to ask for a meeting",
                "Write a list for the head teacher",
            ],
            ["Ring the GP on Monday", "Ring Kerry on Monday"],
            // Nor one word, unless it is the very word.
            ["Book the B and B", "Show you the booking"],
        ] {
            assert_eq!(kept(&both), both);
        }
        assert_eq!(kept(&["Go in goal", "Stand in goal"]), ["Stand in goal"]);
    }

    #[test]
    fn a_task_said_again_with_its_verb_and_object_is_that_task() {
        assert_eq!(
            kept(&[
                "Write a letter to your brother about the wedding",
                "Write the letter in your own time and keep it",
            ]),
            ["Write the letter in your own time and keep it"]
        );
        // The same verb with another object is another task.
        assert_eq!(
            kept(&["Take the bus to college", "Take the tablets with food"]),
            ["Take the bus to college", "Take the tablets with food"]
        );
    }

    #[test]
    fn a_task_that_points_back_with_the_verb_of_another_is_that_task() {
        // Said first, it gives way to the task said more fully.
        assert_eq!(
            kept(&[
                "Post it on Friday before the shop shuts",
                "Ring the bank",
                "Post the birthday card to your dad on Friday",
            ]),
            [
                "Post the birthday card to your dad on Friday",
                "Ring the bank"
            ]
        );
        assert_eq!(
            kept(&["Speak to him tonight", "Speak to Tom tonight about the car",]),
            ["Speak to Tom tonight about the car"]
        );
        // Said after, it is a detail of the task.
        assert_eq!(
            kept(&[
                "Play the relaxation track once a day",
                "Play it after tea, not in bed",
            ]),
            ["Play the relaxation track once a day; play it after tea, not in bed"]
        );
        // Another verb is another task.
        assert_eq!(
            kept(&["Ring the GP on Monday", "Text her back tonight"]),
            ["Ring the GP on Monday", "Text her back tonight"]
        );
    }

    #[test]
    fn the_clients_own_words_for_a_task_are_kept_unless_said_back_with_more() {
        let mut t = tasks(&[
            "Write down what I spend",
            "Write down what you spend on your phone",
        ]);
        t[0].source = HomeworkSource::Client;
        without_repeats(&mut t);
        assert_eq!(t[0].task, "Write down what I spend");
        // Said by the clinician first, with a name and a when more.
        let mut t = tasks(&[
            "Save the Samaritans number in your phone before you leave",
            "Save the number in my phone now",
        ]);
        t[1].source = HomeworkSource::Client;
        without_repeats(&mut t);
        assert_eq!(t[0].task, "Save the number in my phone now");
        let mut t = tasks(&[
            "Try fewer beers",
            "Try no beers Monday to Thursday and see what it does to your sleep and mood",
        ]);
        t[0].source = HomeworkSource::Client;
        without_repeats(&mut t);
        assert_eq!(
            t[0].task,
            "Try no beers Monday to Thursday and see what it does to your sleep and mood"
        );
    }
}
