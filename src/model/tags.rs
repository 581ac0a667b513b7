//! Intervention and theme tags for a session.
//!
//! A shared vocabulary keeps spelling consistent so sessions can be compared
//! over time; custom tags are still allowed because no list covers every
//! client.

use serde::{Deserialize, Serialize};

/// A vocabulary entry and the phrases that, said in a session, are evidence
/// of it. Keywords are lower-case ASCII, matched on word boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub name: &'static str,
    pub keywords: &'static [&'static str],
}

pub const INTERVENTIONS: &[Term] = &[
    Term {
        name: "cognitive restructuring",
        keywords: &[
            "cognitive restructuring",
            "challenge that belief",
            "challenge that thought",
            "challenge the thought",
            "evidence that contradicts",
            "evidence for and against",
            "thought record",
            "cognitive distortion",
            "cognitive distortions",
            "reframe",
            "reframing",
            "balanced thought",
            "alternative thought",
        ],
    },
    Term {
        name: "mindfulness",
        keywords: &["mindfulness", "mindful", "body scan", "present moment"],
    },
    Term {
        name: "grounding exercise (5-4-3-2-1)",
        keywords: &[
            "grounding",
            "three things you can see",
            "five things you can see",
            "5-4-3-2-1",
            "54321",
        ],
    },
    Term {
        name: "breathing exercise",
        keywords: &[
            "breathing exercise",
            "breathing exercises",
            "deep breath",
            "deep breaths",
            "breathe in",
            "box breathing",
            "diaphragmatic breathing",
            "paced breathing",
        ],
    },
    Term {
        name: "sleep hygiene",
        keywords: &[
            "sleep hygiene",
            "bedtime routine",
            "consistent bedtime",
            "screens before bed",
            "sleep schedule",
        ],
    },
    Term {
        name: "psychoeducation",
        keywords: &[
            "psychoeducation",
            "fight or flight",
            "fight-or-flight",
            "how anxiety works",
            "anxiety cycle",
        ],
    },
    Term {
        name: "behavioural activation",
        keywords: &[
            "behavioural activation",
            "behavioral activation",
            "activity scheduling",
            "activity diary",
            "pleasant activities",
            "schedule some activities",
        ],
    },
    Term {
        name: "exposure",
        keywords: &[
            "exposure",
            "exposure hierarchy",
            "fear ladder",
            "face the fear",
        ],
    },
    Term {
        name: "problem solving",
        keywords: &[
            "problem solving",
            "problem-solving",
            "brainstorm solutions",
            "pros and cons",
        ],
    },
    Term {
        name: "relaxation",
        keywords: &[
            "relaxation",
            "progressive muscle relaxation",
            "relax your muscles",
        ],
    },
    Term {
        name: "motivational interviewing",
        keywords: &[
            "motivational interviewing",
            "readiness to change",
            "importance ruler",
            "how important is it to you",
            "on a scale of 0 to 10",
            "on a scale from 0 to 10",
        ],
    },
];

pub const THEMES: &[Term] = &[
    Term {
        name: "anxiety",
        keywords: &[
            "anxiety", "anxious", "panic", "worry", "worrying", "worried", "nervous",
        ],
    },
    Term {
        name: "perfectionism",
        keywords: &[
            "perfectionism",
            "perfectionist",
            "perfectionistic",
            "good enough",
        ],
    },
    Term {
        name: "fear of failure",
        keywords: &[
            "fear of failure",
            "fear of failing",
            "afraid of failing",
            "scared of failing",
            "afraid to fail",
        ],
    },
    Term {
        name: "core beliefs",
        keywords: &["core belief", "core beliefs", "deep-seated belief"],
    },
    Term {
        name: "low mood",
        keywords: &[
            "low mood",
            "depressed",
            "depression",
            "feeling down",
            "feeling low",
            "hopeless",
        ],
    },
    Term {
        name: "sleep",
        keywords: &[
            "sleep",
            "sleeping",
            "insomnia",
            "asleep",
            "lie awake",
            "nightmares",
        ],
    },
    Term {
        name: "work stress",
        keywords: &[
            "work stress",
            "deadline",
            "deadlines",
            "at work",
            "my boss",
            "my manager",
            "workload",
            "burnout",
            "burned out",
            "burnt out",
        ],
    },
    Term {
        name: "self-esteem",
        keywords: &[
            "self-esteem",
            "self esteem",
            "self-worth",
            "self worth",
            "self-confidence",
            "worthless",
            "self-critical",
        ],
    },
    Term {
        name: "relationships",
        keywords: &[
            "relationship",
            "relationships",
            "my partner",
            "my wife",
            "my husband",
            "my boyfriend",
            "my girlfriend",
            "breakup",
            "break-up",
            "marriage",
            "divorce",
        ],
    },
];

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
mod tests {
    use super::*;
    use TagKind::{Intervention, Theme};

    fn owned(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn vocabularies_are_the_term_names_in_order() {
        assert_eq!(Intervention.vocabulary().count(), 11);
        assert_eq!(
            Theme.vocabulary().collect::<Vec<_>>(),
            [
                "anxiety",
                "perfectionism",
                "fear of failure",
                "core beliefs",
                "low mood",
                "sleep",
                "work stress",
                "self-esteem",
                "relationships"
            ]
        );
    }

    #[test]
    fn every_term_has_a_unique_name_and_matchable_keywords() {
        for kind in [Intervention, Theme] {
            let names: Vec<String> = kind.vocabulary().map(str::to_lowercase).collect();
            for (i, term) in kind.terms().iter().enumerate() {
                assert!(!names[..i].contains(&names[i]), "{} twice", term.name);
                assert_eq!(term.name, normalize(term.name), "{}", term.name);
                assert!(!term.keywords.is_empty(), "{} has no keywords", term.name);
                // Matching folds the text to lower-case ASCII punctuation,
                // so a keyword written any other way could never match.
                for kw in term.keywords {
                    let plain = kw
                        .chars()
                        .all(|c| !c.is_uppercase() && (c.is_alphanumeric() || " '-".contains(c)));
                    assert!(plain && *kw == normalize(kw), "{}: {kw:?}", term.name);
                }
            }
        }
    }

    #[test]
    fn add_normalizes_and_dedupes() {
        let mut tags = Tags::default();
        assert!(tags.add(Intervention, "  Cognitive   Restructuring "));
        assert_eq!(tags.list(Intervention), ["cognitive restructuring"]);
        assert!(!tags.add(Intervention, "cognitive restructuring"));
        assert!(!tags.add(Intervention, "COGNITIVE\tRESTRUCTURING"));
        assert!(!tags.add(Intervention, ""));
        assert!(!tags.add(Intervention, " \n "));

        assert!(tags.add(Intervention, "  EMDR   resourcing "));
        assert!(!tags.add(Intervention, "emdr resourcing"));
        assert_eq!(
            tags.list(Intervention),
            ["cognitive restructuring", "EMDR resourcing"]
        );
        assert!(tags.list(Theme).is_empty());

        // Kinds are separate lists.
        assert!(tags.add(Theme, "Sleep"));
        assert!(tags.add(Intervention, "sleep"));
        assert_eq!(tags.themes, ["sleep"]);
        assert_eq!(tags.interventions.last().unwrap(), "sleep");
    }

    #[test]
    fn remove_ignores_case_and_spacing() {
        let mut tags = Tags::default();
        tags.add(Theme, "low mood");
        tags.add(Theme, "Grief");
        assert!(tags.remove(Theme, " LOW  mood"));
        assert!(!tags.remove(Theme, "low mood"));
        assert!(!tags.remove(Intervention, "grief"));
        assert!(tags.remove(Theme, "grief"));
        assert!(tags.list(Theme).is_empty());
    }

    #[test]
    fn custom_tags() {
        let tags = Tags::default();
        assert!(!tags.is_custom(Theme, "Fear  of Failure"));
        assert!(tags.is_custom(Theme, "grief"));
        assert!(tags.is_custom(Intervention, "anxiety"));
        assert!(!tags.is_custom(Theme, "  "));
    }

    #[test]
    fn type_ahead_matches_word_starts() {
        assert_eq!(
            type_ahead(Intervention, "rest", &[]),
            ["cognitive restructuring"]
        );
        assert_eq!(
            type_ahead(Intervention, "5-4", &[]),
            ["grounding exercise (5-4-3-2-1)"]
        );
        assert_eq!(
            type_ahead(Intervention, "(5", &[]),
            ["grounding exercise (5-4-3-2-1)"]
        );
        // Word starts only: "ture" is inside a word.
        assert!(type_ahead(Intervention, "ture", &[]).is_empty());
        assert!(type_ahead(Theme, "zzz", &[]).is_empty());
        assert_eq!(type_ahead(Theme, "  FEAR   of ", &[]), ["fear of failure"]);
    }

    #[test]
    fn type_ahead_prefix_matches_first() {
        // "exposure" starts with "ex"; the exercises only have a word that does.
        assert_eq!(
            type_ahead(Intervention, "ex", &[]),
            [
                "exposure",
                "grounding exercise (5-4-3-2-1)",
                "breathing exercise"
            ]
        );
        assert_eq!(
            type_ahead(Theme, "s", &[]),
            ["sleep", "self-esteem", "work stress"]
        );
        assert_eq!(type_ahead(Theme, "e", &[]), ["self-esteem"]);
    }

    #[test]
    fn type_ahead_excludes_chosen() {
        let chosen = owned(&["Exposure", "breathing  exercise"]);
        assert_eq!(
            type_ahead(Intervention, "ex", &chosen),
            ["grounding exercise (5-4-3-2-1)"]
        );
        let all_but = type_ahead(Theme, "", &owned(&["anxiety", "sleep"]));
        assert_eq!(
            all_but,
            [
                "perfectionism",
                "fear of failure",
                "core beliefs",
                "low mood",
                "work stress",
                "self-esteem",
                "relationships"
            ]
        );
        assert_eq!(
            type_ahead(Intervention, "  ", &[]),
            Intervention.vocabulary().collect::<Vec<_>>()
        );
    }

    #[test]
    fn json_round_trip_and_old_records() {
        let mut tags = Tags::default();
        tags.add(Intervention, "mindfulness");
        tags.add(Theme, "Trauer");
        let json = serde_json::to_string(&tags).unwrap();
        assert_eq!(
            json,
            r#"{"interventions":["mindfulness"],"themes":["Trauer"]}"#
        );
        assert_eq!(serde_json::from_str::<Tags>(&json).unwrap(), tags);
        let old: Tags = serde_json::from_str(r#"{"interventions":["exposure"]}"#).unwrap();
        assert_eq!(old.interventions, ["exposure"]);
        assert!(old.themes.is_empty());
    }
}
