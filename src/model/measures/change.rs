//! Reliable change between two totals of one measure.

use super::Measure;

/// How a later total compares with an earlier one. Higher totals are worse
/// on every measure with a reliable-change threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Reliable improvement from at or above the clinical cut-off to below it.
    Recovered,
    Improved,
    NoReliableChange,
    Deteriorated,
}

impl Change {
    pub fn label(self) -> &'static str {
        match self {
            Change::Recovered => "Reliable recovery",
            Change::Improved => "Reliable improvement",
            Change::NoReliableChange => "No reliable change",
            Change::Deteriorated => "Reliable deterioration",
        }
    }
}

impl Measure {
    /// How `latest` compares with `first`; `None` where the measure has no
    /// reliable-change threshold. Recovery, as NHS Talking Therapies counts
    /// it per measure: a case at first, not a case now, and reliably better.
    pub fn change(&self, first: u32, latest: u32) -> Option<Change> {
        let threshold = self.reliable_change.as_ref()?.value;
        Some(if latest + threshold <= first {
            let was_case = self.is_case(first) == Some(true);
            if was_case && self.is_case(latest) == Some(false) {
                Change::Recovered
            } else {
                Change::Improved
            }
        } else if latest >= first + threshold {
            Change::Deteriorated
        } else {
            Change::NoReliableChange
        })
    }
}
