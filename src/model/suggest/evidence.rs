//! Tags from the words that support them: who said a phrase, whether it was
//! denied or part of an idiom, and how much evidence a term has in all.

use super::matching::{Words, sentence_around};
use super::phrases::Vocabulary;
use super::text::count_words;
use crate::model::tags::Tags;
use crate::model::transcript::{Item, Role, Transcript};

/// How much a phrase counts for, by who said it: `Full` for the words that
/// stand for a term, `Weak` for a clinician naming a theme in passing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Full,
    Weak,
}

/// A clinician sentence saying back what the client said: its themes count
/// as the client's.
static REFLECTIONS: Words = Words::new(&[
    "sounds like",
    "it sounds",
    "you're saying",
    "you are saying",
    "what i'm hearing",
    "i hear",
    "you feel",
    "you're feeling",
    "you've been feeling",
    "it seems",
    "seems like you",
]);

/// Who the words of a theme count from: the client (or a speaker not
/// known to be the clinician) fully, the clinician's reflections fully, and
/// anything else the clinician says only weakly.
pub(super) fn theme_weight(role: Option<&Role>, text: &str, at: usize) -> Option<Weight> {
    match role {
        Some(Role::Client | Role::Unknown) => Some(Weight::Full),
        Some(Role::Clinician) => {
            let (a, b) = sentence_around(text, at);
            let sentence = text[a..b].trim_end();
            let reflects = !sentence.ends_with('?') && REFLECTIONS.is_in(sentence);
            Some(if reflects { Weight::Full } else { Weight::Weak })
        }
        None => None,
    }
}

/// Interventions come from what the clinician does, and stage directions.
pub(super) fn intervention_weight(role: Option<&Role>, _: &str, _: usize) -> Option<Weight> {
    match role {
        None | Some(Role::Clinician) => Some(Weight::Full),
        Some(_) => None,
    }
}

type WeightOf = fn(Option<&Role>, &str, usize) -> Option<Weight>;

/// One phrase heard: where (item, byte), what, and how much it counts.
struct Heard<'t> {
    at: (usize, usize),
    evidence: &'t str,
    phrase: usize,
    marker: bool,
    score: u8,
    /// Words of the client's turn it was heard in; 0 for anyone else's.
    client_words: usize,
}

/// A term the transcript supports: its first evidence, and how much of the
/// client's talk concerns it.
pub(super) struct Found<'t> {
    pub(super) term: usize,
    pub(super) at: (usize, usize),
    pub(super) evidence: &'t str,
    /// The client's turns that name it by a keyword: (item, words).
    pub(super) talk: Vec<(usize, usize)>,
    /// The clinician's turns (or stage directions) that name it by a
    /// keyword: their items.
    pub(super) taken_up: Vec<usize>,
    /// Whether a keyword was heard, not only markers.
    pub(super) named: bool,
    /// Whether its markers alone would support it.
    pub(super) marked: bool,
}

/// The terms the transcript supports, in order of their first evidence.
/// A keyword said fully counts 2, said weakly 1; a marker said fully 1.
/// A term needs 2 in all from different phrases, and without a keyword its
/// own number of different markers.
pub(super) fn tags<'t>(
    t: &'t Transcript,
    vocabulary: &Vocabulary,
    weight: WeightOf,
) -> Vec<Found<'t>> {
    let (terms, book) = (&vocabulary.terms, &vocabulary.book);
    let mut heard: Vec<Vec<Heard>> = terms.iter().map(|_| Vec::new()).collect();
    let items = t.segments.iter().flat_map(|s| &s.items).enumerate();
    for (n, item) in items {
        let (role, text) = match item {
            Item::Turn { role, text, .. } => (Some(role), text.as_str()),
            Item::Direction(d) => (None, d.as_str()),
        };
        // Nobody's words count: skip the matching.
        if weight(role, text, 0).is_none() {
            continue;
        }
        let hits = book.hits(text);
        if hits.is_empty() {
            continue;
        }
        let client = matches!(role, Some(Role::Client | Role::Unknown));
        let client_words = if client {
            count_words(text, usize::MAX)
        } else {
            0
        };
        for hit in hits {
            let said = weight(role, text, hit.start);
            let score = match (said, hit.marker) {
                (Some(Weight::Full), false) => 2,
                (Some(Weight::Full), true) | (Some(Weight::Weak), false) => 1,
                _ => 0,
            };
            // A clinician naming a subject in passing words ("and at work?")
            // is no evidence of it, but takes it up (see `taken_up`).
            let takes_up = said == Some(Weight::Weak) && hit.marker;
            if score > 0 || takes_up {
                heard[hit.term].push(Heard {
                    at: (n, hit.start),
                    evidence: &text[hit.start..hit.end],
                    phrase: hit.phrase,
                    marker: hit.marker,
                    score,
                    client_words,
                });
            }
        }
    }
    let mut found: Vec<Found> = Vec::new();
    for (term, (m, h)) in terms.iter().zip(&heard).enumerate() {
        let mut best: Vec<(usize, u8, bool)> = Vec::new();
        for x in h.iter().filter(|x| x.score > 0) {
            match best.iter_mut().find(|(p, _, _)| *p == x.phrase) {
                Some(b) => b.1 = b.1.max(x.score),
                None => best.push((x.phrase, x.score, x.marker)),
            }
        }
        let total: u32 = best.iter().map(|b| u32::from(b.1)).sum();
        let keyword = best.iter().any(|b| !b.2);
        let markers = best.iter().filter(|b| b.2).count();
        if total < 2 || !(keyword || markers >= m.needs) {
            continue;
        }
        let Some(first) = h
            .iter()
            .filter(|x| x.score > 0)
            .min_by_key(|x| (x.at, std::cmp::Reverse(x.evidence.len())))
        else {
            continue;
        };
        // Hits come in turn order, so a turn's hits are next to each other.
        // Markers ("my wife", "at work") are how a subject is mentioned in
        // passing, so only keywords measure the talk.
        let mut talk: Vec<(usize, usize)> = h
            .iter()
            .filter(|x| x.client_words > 0 && !x.marker)
            .map(|x| (x.at.0, x.client_words))
            .collect();
        talk.dedup_by_key(|(n, _)| *n);
        // A clinician takes a subject up in its own words or in a phrase
        // that names it ("your job", "the kids"); a single word of a marker
        // ("down") may mean anything.
        let mut theirs: Vec<usize> = h
            .iter()
            .filter(|x| {
                x.client_words == 0 && (!x.marker || x.score == 0 && x.evidence.contains(' '))
            })
            .map(|x| x.at.0)
            .collect();
        theirs.dedup();
        found.push(Found {
            term,
            at: first.at,
            evidence: first.evidence,
            talk,
            taken_up: theirs,
            named: keyword,
            marked: markers >= m.needs,
        });
    }
    found.sort_unstable_by_key(|f| (f.at, f.term));
    found
}

/// The clinician's own tags on earlier sessions, those not in the vocabulary,
/// each once: they become terms matched by their own words.
pub fn own_tags<'a>(all: impl IntoIterator<Item = &'a Tags>) -> Tags {
    use crate::model::tags::TagKind::{Intervention, Theme};
    let mut own = Tags::default();
    for tags in all {
        for kind in [Intervention, Theme] {
            for tag in tags.list(kind) {
                if tags.is_custom(kind, tag) {
                    own.add(kind, tag);
                }
            }
        }
    }
    own
}
