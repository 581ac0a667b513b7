//! Intervention and theme tags for a session.
//!
//! A shared vocabulary keeps spelling consistent so sessions can be compared
//! over time; custom tags are still allowed because no list covers every
//! client.

use serde::{Deserialize, Serialize};

mod themes;
mod vocabulary;

pub use themes::THEMES;
pub use vocabulary::{INTERVENTIONS, RISKS, Term};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TagKind {
    #[default]
    Intervention,
    Theme,
}

impl TagKind {
    pub fn terms(self) -> &'static [Term] {
        match self {
            TagKind::Intervention => INTERVENTIONS,
            TagKind::Theme => THEMES,
        }
    }

    /// The entries' names, in vocabulary order.
    pub fn vocabulary(self) -> impl Iterator<Item = &'static str> {
        self.terms().iter().map(|t| t.name)
    }

    /// The vocabulary entry `tag` refers to, ignoring case and spacing.
    fn known(self, tag: &str) -> Option<&'static str> {
        let wanted = normalize(tag).to_lowercase();
        self.vocabulary().find(|v| v.to_lowercase() == wanted)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tags {
    pub interventions: Vec<String>,
    pub themes: Vec<String>,
}

impl Tags {
    pub fn list(&self, kind: TagKind) -> &[String] {
        match kind {
            TagKind::Intervention => &self.interventions,
            TagKind::Theme => &self.themes,
        }
    }

    fn list_mut(&mut self, kind: TagKind) -> &mut Vec<String> {
        match kind {
            TagKind::Intervention => &mut self.interventions,
            TagKind::Theme => &mut self.themes,
        }
    }

    /// Adds a tag with tidied spacing; a vocabulary entry is stored in the
    /// vocabulary's spelling. Refuses blank tags and ones already present
    /// (ignoring case).
    pub fn add(&mut self, kind: TagKind, tag: &str) -> bool {
        let tag = normalize(tag);
        if tag.is_empty() || self.position(kind, &tag).is_some() {
            return false;
        }
        let stored = kind.known(&tag).map_or(tag, str::to_owned);
        self.list_mut(kind).push(stored);
        true
    }

    /// Removes a tag, matched ignoring case and spacing.
    pub fn remove(&mut self, kind: TagKind, tag: &str) -> bool {
        match self.position(kind, &normalize(tag)) {
            Some(pos) => {
                self.list_mut(kind).remove(pos);
                true
            }
            None => false,
        }
    }

    /// Whether `tag` is the clinician's own rather than from the vocabulary.
    pub fn is_custom(&self, kind: TagKind, tag: &str) -> bool {
        !normalize(tag).is_empty() && kind.known(tag).is_none()
    }

    fn position(&self, kind: TagKind, normalized: &str) -> Option<usize> {
        let wanted = normalized.to_lowercase();
        self.list(kind)
            .iter()
            .position(|t| t.to_lowercase() == wanted)
    }
}

/// Vocabulary suggestions for what has been typed so far.
///
/// An entry matches when any of its words starts with the typed text (ignoring
/// case), so "rest" finds "cognitive restructuring" and "5-4" finds the
/// grounding exercise. Entries starting with the text come first; entries
/// already chosen are left out. Empty input suggests the whole vocabulary.
pub fn type_ahead(kind: TagKind, typed: &str, already: &[String]) -> Vec<&'static str> {
    let typed = normalize(typed).to_lowercase();
    let chosen: Vec<String> = already
        .iter()
        .map(|t| normalize(t).to_lowercase())
        .collect();
    let mut prefix = Vec::new();
    let mut inner = Vec::new();
    for entry in kind.vocabulary() {
        let lower = entry.to_lowercase();
        if chosen.contains(&lower) {
            continue;
        }
        if lower.starts_with(&typed) {
            prefix.push(entry);
        } else if word_starts(&lower).any(|i| lower[i..].starts_with(&typed)) {
            inner.push(entry);
        }
    }
    prefix.extend(inner);
    prefix
}

/// Byte offsets where a word begins: after whitespace, or an alphanumeric
/// character after punctuation (so "(5-4-3-2-1)" is reachable by "5").
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev: Option<char> = None;
    s.char_indices().filter_map(move |(i, c)| {
        let start = match prev {
            None => true,
            Some(p) => p.is_whitespace() || (c.is_alphanumeric() && !p.is_alphanumeric()),
        };
        prev = Some(c);
        start.then_some(i)
    })
}

/// Trims and collapses runs of whitespace to single spaces.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
