//! PCL-5, the PTSD Checklist for DSM-5 (past-month version).
//!
//! Wording as on the National Center for PTSD form, checked against
//! reproductions found with the `pages` search: a scan of the monthly form's
//! instructions, a clinic's web form of items 1–8 and a guide reprinting
//! items 7–20, which agree with the other copies found.
//!
//! Missing items: the National Center for PTSD's scoring is a plain sum and
//! no guidance on prorating was found, so there is no total while any item
//! is unanswered, and no cluster score while any of that cluster's items is.
//! No severity bands: the Center says none have been derived empirically.

use super::{Measure, PCL5, Subscale, cited, items, options, plain};

const ITEMS: [&str; 20] = [
    "Repeated, disturbing, and unwanted memories of the stressful experience?",
    "Repeated, disturbing dreams of the stressful experience?",
    "Suddenly feeling or acting as if the stressful experience were actually happening again \
     (as if you were actually back there reliving it)?",
    "Feeling very upset when something reminded you of the stressful experience?",
    "Having strong physical reactions when something reminded you of the stressful experience \
     (for example, heart pounding, trouble breathing, sweating)?",
    "Avoiding memories, thoughts, or feelings related to the stressful experience?",
    "Avoiding external reminders of the stressful experience (for example, people, places, \
     conversations, activities, objects, or situations)?",
    "Trouble remembering important parts of the stressful experience?",
    "Having strong negative beliefs about yourself, other people, or the world (for example, \
     having thoughts such as: I am bad, there is something seriously wrong with me, no one can \
     be trusted, the world is completely dangerous)?",
    "Blaming yourself or someone else for the stressful experience or what happened after it?",
    "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
    "Loss of interest in activities that you used to enjoy?",
    "Feeling distant or cut off from other people?",
    "Trouble experiencing positive feelings (for example, being unable to feel happiness or \
     have loving feelings for people close to you)?",
    "Irritable behavior, angry outbursts, or acting aggressively?",
    "Taking too many risks or doing things that could cause you harm?",
    "Being \"superalert\" or watchful or on guard?",
    "Feeling jumpy or easily startled?",
    "Having difficulty concentrating?",
    "Trouble falling or staying asleep?",
];

const CENTER: &str = "National Center for PTSD, Using the PTSD Checklist for DSM-5 (PCL-5)";

pub(super) fn measure() -> Measure {
    let how_much = options(&[
        (0, "Not at all"),
        (1, "A little bit"),
        (2, "Moderately"),
        (3, "Quite a bit"),
        (4, "Extremely"),
    ]);
    Measure {
        subscales: vec![
            cluster("Intrusion (cluster B)", 1, 5),
            cluster("Avoidance (cluster C)", 6, 7),
            cluster(
                "Negative alterations in cognitions and mood (cluster D)",
                8,
                14,
            ),
            cluster("Alterations in arousal and reactivity (cluster E)", 15, 20),
        ],
        caseness: Some(cited(
            33,
            &format!(
                "{CENTER}: a total of 31–33 indicates probable PTSD; 33 is the cut-point it \
                 first proposed"
            ),
        )),
        reliable_change: Some(cited(
            10,
            &format!(
                "{CENTER}: 5 points is the least change that shows a response and 10 the least \
                 that is clinically meaningful (10–20 points on the PCL for DSM-IV); 10 is \
                 used here"
            ),
        )),
        ..plain(
            PCL5,
            ["PCL-5", "PTSD Checklist for DSM-5"],
            "Weathers, Litz, Keane, Palmieri, Marx & Schnurr (2013), The PTSD Checklist for \
             DSM-5 (PCL-5), National Center for PTSD (www.ptsd.va.gov). In the public domain.",
            "Below is a list of problems that people sometimes have in response to a very \
             stressful experience. Please read each problem carefully and then circle one of \
             the numbers to the right to indicate how much you have been bothered by that \
             problem in the past month.\n\n\
             In the past month, how much were you bothered by:",
            how_much,
            items(&ITEMS),
        )
    }
}

/// A DSM-5 symptom cluster: items `first` to `last`.
fn cluster(name: &str, first: usize, last: usize) -> Subscale {
    Subscale {
        name: name.into(),
        items: (first..=last).collect(),
    }
}
