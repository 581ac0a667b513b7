//! GAD-7, the Generalized Anxiety Disorder scale.
//!
//! Items as LOINC gives them (panel 69737-5, seen in FHIR questionnaires in
//! the `docs` search) and as Spitzer, Kroenke, Williams & Löwe (2006) print
//! the scale; the stem and difficulty question as reprinted on practice
//! forms found with the `pages` search. Published copies differ in commas
//! ("afraid, as if" / "afraid as if"); LOINC's reading is used.
//!
//! Missing items: as for the PHQ-9, the total is a plain sum of all seven
//! with no published rule for a missing item, so there is no total while any
//! is unanswered.

use super::phq9::{TALKING_THERAPIES, pfizer_form};
use super::{GAD7, Measure, bands, cited};

const ITEMS: [&str; 7] = [
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid as if something awful might happen",
];

const DIFFICULTY: &str = "If you checked off any problems, how difficult have these made it \
     for you to do your work, take care of things at home, or get along with other people?";

pub(super) fn measure() -> Measure {
    Measure {
        bands: bands(
            &[
                (0, 4, "minimal"),
                (5, 9, "mild"),
                (10, 14, "moderate"),
                (15, 21, "severe"),
            ],
            "Spitzer, Kroenke, Williams & Löwe (2006), A brief measure for assessing \
             generalized anxiety disorder: the GAD-7, Arch Intern Med 166:1092–1097",
        ),
        caseness: Some(cited(8, TALKING_THERAPIES)),
        reliable_change: Some(cited(4, TALKING_THERAPIES)),
        ..pfizer_form(
            GAD7,
            ["GAD-7", "Generalized Anxiety Disorder 7-item scale"],
            "Over the last 2 weeks, how often have you been bothered by the following problems?",
            &ITEMS,
            DIFFICULTY,
        )
    }
}
