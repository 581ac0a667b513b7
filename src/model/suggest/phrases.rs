//! The phrases of many terms, found in one pass over a text by one automaton
//! however large the vocabulary: a 1 MB transcript is read once, not once
//! per phrase.

use super::matching::{Automaton, Seen, sentence_end};
use super::negation::negated;
use crate::model::tags::{INTERVENTIONS, RISKS, THEMES, Term};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A term ready to match: from the vocabulary, or one of the clinician's
/// own tags, matched by its own words.
#[derive(Clone)]
pub(super) struct Matcher {
    pub(super) name: String,
    keywords: Vec<String>,
    markers: Vec<String>,
    except: Vec<String>,
    pub(super) needs: usize,
}

impl Matcher {
    fn table(terms: &[Term]) -> Vec<Matcher> {
        terms.iter().map(Matcher::from).collect()
    }
}

/// Terms ready to match, and their phrasebook.
#[derive(Clone)]
pub(super) struct Vocabulary {
    pub(super) terms: Vec<Matcher>,
    pub(super) book: Phrasebook,
}

impl Vocabulary {
    fn new(terms: Vec<Matcher>) -> Self {
        let book = Phrasebook::new(&terms);
        Vocabulary { terms, book }
    }

    /// One of the built-in lists, built the first time it is used.
    pub(super) fn built_in(terms: &'static [Term]) -> &'static Vocabulary {
        static BUILT: [OnceLock<Vocabulary>; 3] = [const { OnceLock::new() }; 3];
        let lists = [INTERVENTIONS, THEMES, RISKS];
        let i = lists
            .iter()
            .position(|l| std::ptr::eq(*l, terms))
            .expect("one of the vocabulary's lists");
        BUILT[i].get_or_init(|| Vocabulary::new(Matcher::table(terms)))
    }

    /// The built-in terms, then the clinician's own tags not among them.
    pub(super) fn with_own(terms: &'static [Term], own: &[String]) -> Cow<'static, Vocabulary> {
        let built_in = Self::built_in(terms);
        let mut extra: Vec<Matcher> = Vec::new();
        for tag in own {
            let words: String = tag.split_whitespace().collect::<Vec<_>>().join(" ");
            let lower = words.to_lowercase();
            let known = built_in.terms.iter().chain(&extra);
            if lower.is_empty() || known.clone().any(|m| m.name.to_lowercase() == lower) {
                continue;
            }
            extra.push(Matcher {
                name: words,
                keywords: vec![lower],
                markers: Vec::new(),
                except: Vec::new(),
                needs: 2,
            });
        }
        if extra.is_empty() {
            return Cow::Borrowed(built_in);
        }
        let mut all = built_in.terms.clone();
        all.extend(extra);
        Cow::Owned(Vocabulary::new(all))
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

/// A phrase of a term heard in a text, neither denied nor part of one of the
/// term's exceptions. `phrase` numbers the term's keywords, then its markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Hit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) term: usize,
    pub(super) phrase: usize,
    pub(super) marker: bool,
}

#[derive(Clone)]
struct Entry {
    /// The parts of the phrase after its first " ... ", each found later.
    rest: Vec<Automaton>,
    term: usize,
    phrase: usize,
    marker: bool,
    except: bool,
}

/// Every phrase of a set of terms, found by its first part in one pass.
#[derive(Clone)]
pub(super) struct Phrasebook {
    entries: Vec<Entry>,
    /// Each different first part once, and the entries it starts.
    firsts: Automaton,
    starts: Vec<Vec<usize>>,
}

impl Phrasebook {
    fn new(terms: &[Matcher]) -> Self {
        // (phrase, term, its number, marker, exception)
        let mut all: Vec<(&str, usize, usize, bool, bool)> = Vec::new();
        for (term, m) in terms.iter().enumerate() {
            let said = m.keywords.iter().chain(&m.markers).enumerate();
            for (phrase, text) in said {
                all.push((text, term, phrase, phrase >= m.keywords.len(), false));
            }
            for (phrase, text) in m.except.iter().enumerate() {
                all.push((text, term, phrase, false, true));
            }
        }
        let mut entries = Vec::new();
        let mut firsts: Vec<&str> = Vec::new();
        let mut starts: Vec<Vec<usize>> = Vec::new();
        for (text, term, phrase, marker, except) in all {
            let mut parts = text.split(" ... ");
            let first = parts.next().unwrap_or_default();
            match firsts.iter().position(|f| *f == first) {
                Some(i) => starts[i].push(entries.len()),
                None => {
                    firsts.push(first);
                    starts.push(vec![entries.len()]);
                }
            }
            entries.push(Entry {
                rest: parts.map(|p| Automaton::new(&[p])).collect(),
                term,
                phrase,
                marker,
                except,
            });
        }
        Phrasebook {
            entries,
            firsts: Automaton::new(&firsts),
            starts,
        }
    }

    /// The terms' phrases in `text`, in order; a term's exceptions ("breathing
    /// exercise" for exercise) and denials ("I don't drink") are left out.
    pub(super) fn hits(&self, text: &str) -> Vec<Hit> {
        // (start, entry, end of its first part), in order of start.
        let mut heard: Vec<(usize, usize, usize)> = Vec::new();
        self.firsts.each(text, |a, b, p| {
            heard.extend(self.starts[p].iter().map(|&id| (a, id, b)));
            Seen::More
        });
        heard.sort_unstable();
        // Where a phrase already found may next start: a phrase's occurrences
        // never overlap. Few phrases occur in one text, so a short list.
        let mut next: Vec<(usize, usize)> = Vec::new();
        let mut found: Vec<Hit> = Vec::new();
        let mut excepted: Vec<(usize, usize, usize)> = Vec::new();
        for (at, id, first_end) in heard {
            let e = &self.entries[id];
            match next.iter_mut().find(|(i, _)| *i == id) {
                Some((_, from)) if at < *from => continue,
                Some((_, from)) => *from = first_end,
                None => next.push((id, first_end)),
            }
            let Some(end) = rest_after(text, at, first_end, &e.rest) else {
                continue;
            };
            if e.except {
                excepted.push((e.term, at, end));
            } else {
                found.push(Hit {
                    start: at,
                    end,
                    term: e.term,
                    phrase: e.phrase,
                    marker: e.marker,
                });
            }
        }
        found.retain(|h| {
            let overlaps =
                |&(t, x, y): &(usize, usize, usize)| t == h.term && x < h.end && h.start < y;
            !excepted.iter().any(overlaps) && !negated(text, h.start)
        });
        found
    }
}

/// Where the rest of a phrase ends: each part later in the sentence of
/// byte `at`, in order ("scale ... important").
fn rest_after(text: &str, at: usize, mut end: usize, rest: &[Automaton]) -> Option<usize> {
    if rest.is_empty() {
        return Some(end);
    }
    let stop = sentence_end(text, at);
    for part in rest {
        let (_, e, _) = part.find(text.get(end..stop)?)?;
        end += e;
    }
    Some(end)
}
