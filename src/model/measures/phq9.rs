//! PHQ-9, the Patient Health Questionnaire depression scale.
//!
//! Wording as on the Pfizer form (phqscreeners.com), checked against
//! reproductions of that form found with the `pages` search (a practice form
//! that reprints it with the Pfizer footer, and an NHS practice's PHQ-9
//! page) and the FHIR/LOINC PHQ-9 items in the `docs` search. The "(Use ✔ to
//! indicate your answer)" under the stem belongs to the paper form and is
//! left out.
//!
//! Missing items: the instrument's scoring is a plain sum of all nine and
//! gives no rule for a missing item (no prorating rule was found in its
//! instructions), so there is no total while any of the nine is unanswered.

use super::{Counts, Item, Measure, PHQ9, bands, cited, item, items, options, plain};

/// The answer to every scored item of both forms.
const HOW_OFTEN: [(u8, &str); 4] = [
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
];

/// The answers to the difficulty question closing both forms.
const HOW_DIFFICULT: [(u8, &str); 4] = [
    (0, "Not difficult at all"),
    (1, "Somewhat difficult"),
    (2, "Very difficult"),
    (3, "Extremely difficult"),
];

/// The footer of both forms: they are free to use.
const PFIZER: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, \
     Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. \
     No permission required to reproduce, translate, display or distribute.";

/// NHS Talking Therapies' cut-offs and reliable-change thresholds.
pub(super) const TALKING_THERAPIES: &str =
    "NHS Talking Therapies for anxiety and depression manual (NHS England)";

const ITEMS: [&str; 9] = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your \
     family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — \
     being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
];

const DIFFICULTY: &str = "If you checked off any problems, how difficult have these problems \
     made it for you to do your work, take care of things at home, or get along with other \
     people?";

pub(super) fn measure() -> Measure {
    Measure {
        bands: bands(
            &[
                (0, 4, "minimal"),
                (5, 9, "mild"),
                (10, 14, "moderate"),
                (15, 19, "moderately severe"),
                (20, 27, "severe"),
            ],
            "Kroenke, Spitzer & Williams (2001), The PHQ-9: validity of a brief depression \
             severity measure, J Gen Intern Med 16:606–613",
        ),
        caseness: Some(cited(10, TALKING_THERAPIES)),
        reliable_change: Some(cited(6, TALKING_THERAPIES)),
        ..pfizer_form(
            PHQ9,
            ["PHQ-9", "Patient Health Questionnaire-9"],
            "Over the last 2 weeks, how often have you been bothered by any of the following \
             problems?",
            &ITEMS,
            DIFFICULTY,
        )
    }
}

/// What the PHQ-9 and GAD-7 forms share: Pfizer's footer, the four
/// "how often" answers and a closing question on how much the problems get
/// in the way, asked but never added to the total. Bands and thresholds are
/// each instrument's own.
pub(super) fn pfizer_form(
    id: &str,
    names: [&str; 2],
    stem: &str,
    texts: &[&str],
    difficulty: &str,
) -> Measure {
    let mut items = items(texts);
    items.push(Item {
        counts: Counts::NotScored,
        ..item(difficulty, &HOW_DIFFICULT)
    });
    plain(id, names, PFIZER, stem, options(&HOW_OFTEN), items)
}
