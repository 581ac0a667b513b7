//! The phrases of many terms, found in one pass over a text. Each phrase is
//! filed under its first word, so a turn costs one look-up per word however
//! large the vocabulary: a 1 MB transcript is read once, not once per phrase.

use super::matching::{char_at, find_any, fold, is_word_char, match_at, negated, sentence_around};
use crate::model::tags::Term;
use std::collections::HashMap;

/// A term ready to match: from the vocabulary, or one of the clinician's
/// own tags, matched by its own words.
pub(super) struct Matcher {
    pub(super) name: String,
    keywords: Vec<String>,
    markers: Vec<String>,
    except: Vec<String>,
    pub(super) needs: usize,
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

struct Entry {
    /// The phrase up to its first " ... ", then the parts after it.
    first: String,
    rest: Vec<String>,
    term: usize,
    phrase: usize,
    marker: bool,
    except: bool,
}

/// Every phrase of a set of terms, filed under its first word (folded).
pub(super) struct Phrasebook {
    entries: Vec<Entry>,
    by_first: HashMap<String, Vec<usize>>,
    /// Phrases that start with punctuation, tried wherever there is some.
    unkeyed: Vec<usize>,
}

impl Phrasebook {
    pub(super) fn new(terms: &[Matcher]) -> Self {
        let mut book = Phrasebook {
            entries: Vec::new(),
            by_first: HashMap::new(),
            unkeyed: Vec::new(),
        };
        for (term, m) in terms.iter().enumerate() {
            let said = m.keywords.iter().chain(&m.markers).enumerate();
            for (phrase, text) in said {
                let marker = phrase >= m.keywords.len();
                book.file(text, term, phrase, marker, false);
            }
            for (phrase, text) in m.except.iter().enumerate() {
                book.file(text, term, phrase, false, true);
            }
        }
        book
    }

    fn file(&mut self, text: &str, term: usize, phrase: usize, marker: bool, except: bool) {
        let id = self.entries.len();
        let mut parts = text.split(" ... ").map(str::to_owned);
        self.entries.push(Entry {
            first: parts.next().unwrap_or_default(),
            rest: parts.collect(),
            term,
            phrase,
            marker,
            except,
        });
        let key: String = text
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(fold)
            .collect();
        if key.is_empty() {
            self.unkeyed.push(id);
        } else {
            self.by_first.entry(key).or_default().push(id);
        }
    }

    /// The terms' phrases in `text`, in order; a term's exceptions ("breathing
    /// exercise" for exercise) and denials ("I don't drink") are left out.
    pub(super) fn hits(&self, text: &str) -> Vec<Hit> {
        // Where a phrase already found may next start: a phrase's occurrences
        // never overlap. Few phrases occur in one text, so a short list.
        let mut next: Vec<(usize, usize)> = Vec::new();
        let mut found: Vec<Hit> = Vec::new();
        let mut excepted: Vec<(usize, usize, usize)> = Vec::new();
        let mut key = String::new();
        let mut prev_word = false;
        for (at, &b) in text.as_bytes().iter().enumerate() {
            let Some((_, word)) = char_at(text, at, b) else {
                continue;
            };
            let candidates: &[usize] = if word && !prev_word {
                key.clear();
                key.extend(
                    text[at..]
                        .chars()
                        .take_while(|&c| is_word_char(c))
                        .map(fold),
                );
                self.by_first.get(key.as_str()).map_or(&[], Vec::as_slice)
            } else if word {
                &[]
            } else {
                &self.unkeyed
            };
            prev_word = word;
            for &id in candidates {
                let e = &self.entries[id];
                if next.iter().any(|&(i, from)| i == id && at < from) {
                    continue;
                }
                let Some(first_end) = match_at(text, at, &e.first) else {
                    continue;
                };
                match next.iter_mut().find(|(i, _)| *i == id) {
                    Some(n) => n.1 = first_end,
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
fn rest_after(text: &str, at: usize, mut end: usize, rest: &[String]) -> Option<usize> {
    if rest.is_empty() {
        return Some(end);
    }
    let (_, stop) = sentence_around(text, at);
    for part in rest {
        let (_, e, _) = find_any(text.get(end..stop)?, &[part])?;
        end += e;
    }
    Some(end)
}
