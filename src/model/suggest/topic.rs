//! The session's themes in order of how much of the client's talk concerns
//! them, so the main topic comes first even when the client never names it
//! by its clinical word ("a few pints", "my sugars"), and a theme touched on
//! in passing in a long session ("my brother drinks") is left out.

use super::evidence::Found;
use super::phrases::Matcher;

/// Client turns from which a session is long enough for a passing mention
/// to be told from a subject.
const LONG: usize = 40;

/// (theme, other): a turn that names both counts only for the other, as
/// cannabis is smoked ("I have a smoke before college, just a bit of weed").
const TAKEN_BY: &[(&str, &str)] = &[("smoking and vaping", "drug use")];

/// The themes by the client turns that name them, then by those turns'
/// words, then by which came first. In a long session a theme needs at
/// least three turns and a quarter of the main topic's.
pub(super) fn rank<'t>(
    mut themes: Vec<Found<'t>>,
    terms: &[Matcher],
    client_turns: usize,
) -> Vec<Found<'t>> {
    let name = |f: &Found| terms[f.term].name.as_str();
    for &(theme, other) in TAKEN_BY {
        let Some(taken) = themes
            .iter()
            .find(|f| name(f) == other)
            .map(|f| f.talk.clone())
        else {
            continue;
        };
        for f in themes.iter_mut().filter(|f| terms[f.term].name == theme) {
            f.talk.retain(|(n, _)| !taken.iter().any(|(m, _)| m == n));
        }
    }
    let weight = |f: &Found| (f.talk.len(), f.talk.iter().map(|(_, w)| w).sum::<usize>());
    themes.sort_by_key(|f| (std::cmp::Reverse(weight(f)), f.at));
    if client_turns >= LONG
        && let Some(top) = themes.first().map(|f| f.talk.len())
    {
        let needed = (top / 4).max(3);
        let mut n = 0;
        themes.retain(|f| {
            n += 1;
            n == 1 || f.talk.len() >= needed
        });
    }
    themes
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::model::suggest::suggest;
    use crate::model::suggest::tests::{client, clinician, transcript};
    use crate::model::transcript::Transcript;

    /// A session of alternating turns, the clinician first.
    fn session(turns: &[&str]) -> Transcript {
        let items = turns.chunks(2).flat_map(|pair| {
            let theirs = pair.get(1).map(|t| client(t));
            std::iter::once(clinician(pair[0])).chain(theirs)
        });
        transcript(items.collect())
    }

    fn themes(t: &Transcript) -> Vec<String> {
        suggest(t).themes.into_iter().map(|t| t.tag).collect()
    }

    /// A long session about the client's weekends: the pub, pints, cans.
    fn weekends(passing: &str) -> Vec<&str> {
        let mut turns = vec![
            "How was the week?",
            "Fine. My brother smokes like a chimney, he was round again, but fine.",
        ];
        turns.extend(passing.split('|'));
        for _ in 0..14 {
            turns.extend([
                "Tell me about the weekend.",
                "Friday I was down the pub after work, four or five pints, the usual.",
                "And Saturday?",
                "Saturday a few cans in front of the football, then a bottle of wine with dinner.",
                "How do you feel on Sunday?",
                "Rough. Hungover till the afternoon, and the kids notice.",
            ]);
        }
        turns
    }

    #[test]
    fn the_subject_of_the_client_talk_comes_first_though_never_named_clinically() {
        let got = themes(&session(&weekends("What else?|Nothing really.")));
        assert_eq!(
            got.first().map(String::as_str),
            Some("alcohol use"),
            "{got:?}"
        );
    }

    #[test]
    fn a_passing_mention_does_not_outrank_the_subject_of_the_session() {
        let passing = "Does anyone else smoke?|My mum smokes too, and my brother smokes roll-ups.";
        let got = themes(&session(&weekends(passing)));
        assert_eq!(
            got.first().map(String::as_str),
            Some("alcohol use"),
            "{got:?}"
        );
        assert!(!got.contains(&"smoking and vaping".to_string()), "{got:?}");
    }

    #[test]
    fn a_theme_needs_a_quarter_of_the_main_topics_turns_in_a_long_session() {
        // Forty-two client turns about drinking.
        let sleep = "And sleep?|I lie awake most nights.|".repeat(9);
        let got = themes(&session(&weekends(sleep.trim_end_matches('|'))));
        assert!(!got.contains(&"sleep".to_string()), "{got:?}");
        let sleep = "And sleep?|I lie awake most nights.|".repeat(11);
        let got = themes(&session(&weekends(sleep.trim_end_matches('|'))));
        assert!(got.contains(&"sleep".to_string()), "{got:?}");
    }

    #[test]
    fn themes_follow_how_many_client_turns_concern_them() {
        let t = session(&[
            "What brings you here?",
            "My sleep is a mess, I lie awake every night.",
            "Tell me more.",
            "I can't sleep before three, and I wake up at six.",
            "And during the day?",
            "I'm anxious at work, but mostly I'm just exhausted from not sleeping.",
            "What have you tried?",
            "Sleeping tablets once. I still lie awake.",
        ]);
        let got = themes(&t);
        assert_eq!(got.first().map(String::as_str), Some("sleep"), "{got:?}");
    }
}
