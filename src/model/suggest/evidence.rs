//! Tags from the words that support them: who said a phrase, whether it was
//! denied or part of an idiom, and how much evidence a term has in all.

use super::TagSuggestion;
use super::matching::{find_all, find_any, folded, negated, sentence_around};
use crate::model::tags::{Tags, Term};
use crate::model::transcript::{Item, Role, Transcript};

/// A term ready to match: from the vocabulary, or one of the clinician's
/// own tags, matched by its own words.
pub(super) struct Matcher {
    pub(super) name: String,
    keywords: Vec<String>,
    markers: Vec<String>,
    except: Vec<String>,
    needs: usize,
}

impl Matcher {
    pub(super) fn table(terms: &[Term]) -> Vec<Matcher> {
        terms.iter().map(Matcher::from).collect()
    }

    /// The built-in terms, then the clinician's own tags not among them.
    pub(super) fn with_own(terms: &[Term], own: &[String]) -> Vec<Matcher> {
        let mut all = Self::table(terms);
        for tag in own {
            let words: String = tag.split_whitespace().collect::<Vec<_>>().join(" ");
            let lower = words.to_lowercase();
            if lower.is_empty() || all.iter().any(|m| m.name.to_lowercase() == lower) {
                continue;
            }
            all.push(Matcher {
                name: words,
                keywords: vec![lower],
                markers: Vec::new(),
                except: Vec::new(),
                needs: 2,
            });
        }
        all
    }

    /// Occurrences of the term's phrases in `text`, neither denied nor part
    /// of an exception: (start, end, phrase index, is a marker). `folded` is
    /// the text as [`folded`] gives it, so absent phrases cost little.
    pub(super) fn hits(&self, text: &str, folded: &str) -> Vec<(usize, usize, usize, bool)> {
        let can_be = |p: &String| folded.contains(p.split(" ... ").next().unwrap_or_default());
        let except: Vec<(usize, usize)> = self
            .except
            .iter()
            .filter(|p| can_be(p))
            .flat_map(|p| find_all(text, p))
            .collect();
        let n = self.keywords.len();
        let mut out = Vec::new();
        let phrases = self.keywords.iter().chain(&self.markers).enumerate();
        for (i, phrase) in phrases.filter(|(_, p)| can_be(p)) {
            for (a, b) in occurrences(text, phrase) {
                let excepted = except.iter().any(|&(x, y)| a < y && x < b);
                if !excepted && !negated(text, a) {
                    out.push((a, b, i, i >= n));
                }
            }
        }
        out
    }
}

impl From<&Term> for Matcher {
    fn from(t: &Term) -> Self {
        let own = |list| Term::phrases(list).map(str::to_owned).collect();
        Matcher {
            name: t.name.to_owned(),
            keywords: own(t.keywords),
            markers: own(t.markers),
            except: own(t.except),
            needs: usize::from(t.needs),
        }
    }
}

/// Where `phrase` occurs; "a ... b" is `a` followed by `b` in its sentence.
fn occurrences(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    let mut parts = phrase.split(" ... ");
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    find_all(text, first)
        .into_iter()
        .filter_map(|(a, mut b)| {
            let (_, stop) = sentence_around(text, a);
            for part in &rest {
                let (_, e, _) = find_any(text.get(b..stop)?, &[part])?;
                b += e;
            }
            Some((a, b))
        })
        .collect()
}

/// How much a phrase counts for, by who said it: `Full` for the words that
/// stand for a term, `Weak` for a clinician naming a theme in passing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Full,
    Weak,
}

/// A clinician sentence saying back what the client said: its themes count
/// as the client's.
const REFLECTIONS: &[&str] = &[
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
];

/// Who the words of a theme count from: the client (or a speaker not
/// known to be the clinician) fully, the clinician's reflections fully, and
/// anything else the clinician says only weakly.
pub(super) fn theme_weight(role: Option<&Role>, text: &str, at: usize) -> Option<Weight> {
    match role {
        Some(Role::Client | Role::Unknown) => Some(Weight::Full),
        Some(Role::Clinician) => {
            let (a, b) = sentence_around(text, at);
            let sentence = text[a..b].trim_end();
            let reflects = !sentence.ends_with('?') && find_any(sentence, REFLECTIONS).is_some();
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
}

/// The terms the transcript supports, in order of their first evidence.
/// A keyword said fully counts 2, said weakly 1; a marker said fully 1.
/// A term needs 2 in all from different phrases, and without a keyword its
/// own number of different markers.
pub(super) fn tags(t: &Transcript, terms: &[Matcher], weight: WeightOf) -> Vec<TagSuggestion> {
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
        let lower = folded(text);
        for (m, out) in terms.iter().zip(&mut heard) {
            for (a, b, phrase, marker) in m.hits(text, &lower) {
                let score = match (weight(role, text, a), marker) {
                    (Some(Weight::Full), false) => 2,
                    (Some(Weight::Full), true) | (Some(Weight::Weak), false) => 1,
                    _ => 0,
                };
                if score > 0 {
                    out.push(Heard {
                        at: (n, a),
                        evidence: &text[a..b],
                        phrase,
                        marker,
                        score,
                    });
                }
            }
        }
    }
    let mut found: Vec<((usize, usize), usize, &str)> = Vec::new();
    for (i, (m, h)) in terms.iter().zip(&heard).enumerate() {
        let mut best: Vec<(usize, u8, bool)> = Vec::new();
        for x in h {
            match best.iter_mut().find(|(p, _, _)| *p == x.phrase) {
                Some(b) => b.1 = b.1.max(x.score),
                None => best.push((x.phrase, x.score, x.marker)),
            }
        }
        let total: u32 = best.iter().map(|b| u32::from(b.1)).sum();
        let keyword = best.iter().any(|b| !b.2);
        let markers = best.iter().filter(|b| b.2).count();
        if total >= 2 && (keyword || markers >= m.needs) {
            let first = h
                .iter()
                .min_by_key(|x| (x.at, std::cmp::Reverse(x.evidence.len())));
            if let Some(first) = first {
                found.push((first.at, i, first.evidence));
            }
        }
    }
    found.sort_unstable();
    found
        .into_iter()
        .map(|(_, i, evidence)| TagSuggestion {
            tag: terms[i].name.clone(),
            evidence: evidence.to_string(),
        })
        .collect()
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
