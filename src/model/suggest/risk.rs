//! Possible risk: the client's words about suicide, self-harm, harming
//! someone or being harmed, for the clinician to review. Nothing here sets
//! a risk level; a miss is worse than a needless look, so every sentence
//! that mentions one is kept.

use super::RiskSuggestion;
use super::evidence::Matcher;
use super::matching::{folded, sentences};
use crate::model::tags::RISKS;
use crate::model::transcript::{Item, Role, Transcript};

pub(super) fn risks(t: &Transcript) -> Vec<RiskSuggestion> {
    let kinds = Matcher::table(RISKS);
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
                let lower = folded(sentence);
                let first = kinds
                    .iter()
                    .filter_map(|k| {
                        let (a, b, ..) = k.hits(sentence, &lower).into_iter().min()?;
                        Some((a, std::cmp::Reverse(b), k))
                    })
                    .min_by_key(|&(a, b, _)| (a, b));
                if let Some((a, std::cmp::Reverse(b), kind)) = first {
                    out.push(RiskSuggestion {
                        kind: kind.name.clone(),
                        quote: sentence.to_string(),
                        words: sentence[a..b].to_string(),
                        mark: seg.mark,
                    });
                }
            }
        }
    }
    out
}
