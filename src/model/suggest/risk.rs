//! Possible risk: the client's words about suicide, self-harm, harming
//! someone or being harmed, for the clinician to review. Nothing here sets
//! a risk level; a miss is worse than a needless look, so every sentence
//! that mentions one is kept.

use super::RiskSuggestion;
use super::matching::sentences;
use super::phrases::Vocabulary;
use crate::model::tags::RISKS;
use crate::model::transcript::{Item, Role, Transcript};

pub(super) fn risks(t: &Transcript) -> Vec<RiskSuggestion> {
    let Vocabulary { terms: kinds, book } = Vocabulary::built_in(RISKS);
    let mut out = Vec::new();
    for seg in &t.segments {
        for item in &seg.items {
            // The client's words, or a speaker's who may be the client.
            let Item::Turn {
                role: Role::Client | Role::Unknown,
                text,
                ..
            } = item
            else {
                continue;
            };
            for sentence in sentences(text) {
                // The earliest words about a risk, the longest where two start together.
                let first = book
                    .hits(sentence)
                    .into_iter()
                    .min_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
                if let Some(h) = first {
                    out.push(RiskSuggestion {
                        kind: kinds[h.term].name.clone(),
                        quote: sentence.to_string(),
                        words: sentence[h.start..h.end].to_string(),
                        mark: seg.mark,
                    });
                }
            }
        }
    }
    out
}
