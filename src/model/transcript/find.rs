//! "Find in transcript": which parts of a transcript hold what the clinician
//! typed.

use super::{Item, Segment, Transcript};

impl Transcript {
    /// The transcript as a search shows it: each segment, with its time mark,
    /// cut to the items that contain `query` ignoring case, and left out when
    /// none does. A turn also matches on its speaker, so a name lists that
    /// person's turns. Items are searched one by one, so words that run on
    /// from one turn into the next are not found. A blank query finds the
    /// whole transcript.
    pub fn find(&self, query: &str) -> Vec<Segment> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return self.segments.clone();
        }
        self.segments
            .iter()
            .filter_map(|segment| {
                let items: Vec<Item> = segment
                    .items
                    .iter()
                    .filter(|item| item.holds(&needle))
                    .cloned()
                    .collect();
                (!items.is_empty()).then_some(Segment {
                    mark: segment.mark,
                    items,
                })
            })
            .collect()
    }
}

impl Item {
    /// Whether the item's words contain `needle`, which is already lower case.
    fn holds(&self, needle: &str) -> bool {
        let has = |s: &str| s.to_lowercase().contains(needle);
        match self {
            Item::Turn { speaker, text, .. } => has(speaker) || has(text),
            Item::Direction(text) => has(text),
        }
    }
}
