//! AUDIT, the WHO Alcohol Use Disorders Identification Test, self-report
//! version (Babor et al. 2001, 2nd edition).
//!
//! Wording of the self-report version, checked with the `pages` search
//! against reprints of it (its instructions, items and answers) and against
//! the interview version in the same manual, which words some items
//! differently ("as a result of your drinking"); the self-report wording is
//! used because the client answers it.
//!
//! Missing items: the interview version has the interviewer skip items 2–8
//! when item 1 is "Never", and items 4–8 when items 2 and 3 total 0; items
//! left blank for that reason count as 0. Any other unanswered item leaves
//! no total: the manual gives no prorating rule.

use super::{AUDIT, Measure, Skip, Subscale, bands, cited, item, options, plain};

const MANUAL: &str = "Babor, Higgins-Biddle, Saunders & Monteiro (2001), AUDIT: The Alcohol \
     Use Disorders Identification Test, Guidelines for Use in Primary Care, 2nd edition, World \
     Health Organization";

const HOW_OFTEN: [(u8, &str); 5] = [
    (0, "Never"),
    (1, "Less than monthly"),
    (2, "Monthly"),
    (3, "Weekly"),
    (4, "Daily or almost daily"),
];

/// Items 9 and 10 score 0, 2 or 4.
const EVER: [(u8, &str); 3] = [
    (0, "No"),
    (2, "Yes, but not in the last year"),
    (4, "Yes, during the last year"),
];

pub(super) fn measure() -> Measure {
    let how_often = |text: &str| item(text, &[]);
    let items = vec![
        item(
            "How often do you have a drink containing alcohol?",
            &[
                (0, "Never"),
                (1, "Monthly or less"),
                (2, "2-4 times a month"),
                (3, "2-3 times a week"),
                (4, "4 or more times a week"),
            ],
        ),
        item(
            "How many drinks containing alcohol do you have on a typical day when you are \
             drinking?",
            &[
                (0, "1 or 2"),
                (1, "3 or 4"),
                (2, "5 or 6"),
                (3, "7 to 9"),
                (4, "10 or more"),
            ],
        ),
        how_often("How often do you have six or more drinks on one occasion?"),
        how_often(
            "How often during the last year have you found that you were not able to stop \
             drinking once you had started?",
        ),
        how_often(
            "How often during the last year have you failed to do what was normally \
             expected of you because of drinking?",
        ),
        how_often(
            "How often during the last year have you needed a first drink in the morning \
             to get yourself going after a heavy drinking session?",
        ),
        how_often(
            "How often during the last year have you had a feeling of guilt or remorse \
             after drinking?",
        ),
        how_often(
            "How often during the last year have you been unable to remember what happened \
             the night before because of your drinking?",
        ),
        item(
            "Have you or someone else been injured because of your drinking?",
            &EVER,
        ),
        item(
            "Has a relative, friend, doctor, or other health care worker been concerned \
             about your drinking or suggested you cut down?",
            &EVER,
        ),
    ];
    Measure {
        subscales: vec![Subscale {
            name: "AUDIT-C (consumption)".into(),
            items: vec![1, 2, 3],
        }],
        skips: vec![
            Skip {
                when: vec![1],
                then: (2..=8).collect(),
            },
            Skip {
                when: vec![2, 3],
                then: (4..=8).collect(),
            },
        ],
        bands: bands(
            &[
                (0, 7, "Zone I: alcohol education"),
                (8, 15, "Zone II: simple advice"),
                (
                    16,
                    19,
                    "Zone III: simple advice plus brief counselling and continued monitoring",
                ),
                (
                    20,
                    40,
                    "Zone IV: referral to specialist for diagnostic evaluation and treatment",
                ),
            ],
            MANUAL,
        ),
        caseness: Some(cited(
            8,
            &format!(
                "{MANUAL}: 8 or more indicates hazardous and harmful alcohol use, as well as \
                 possible alcohol dependence"
            ),
        )),
        ..plain(
            AUDIT,
            ["AUDIT", "Alcohol Use Disorders Identification Test"],
            &format!(
                "{MANUAL} (WHO/MSD/MSB/01.6a). The manual may be freely reviewed, abstracted, \
                 reproduced and translated."
            ),
            "Because alcohol use can affect your health and can interfere with certain \
             medications and treatments, it is important that we ask some questions about your \
             use of alcohol. Your answers will remain confidential so please be honest. Place \
             an X in one box that best describes your answer to each question.",
            options(&HOW_OFTEN),
            items,
        )
    }
}
