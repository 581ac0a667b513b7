use super::*;
use TagKind::{Intervention, Theme};

/// The built-in themes, in the vocabulary's order.
const THEMES: [&str; 23] = [
    "anxiety",
    "perfectionism",
    "fear of failure",
    "core beliefs",
    "low mood",
    "sleep",
    "work stress",
    "self-esteem",
    "relationships",
    "alcohol use",
    "drug use",
    "smoking and vaping",
    "gambling",
    "diet and weight",
    "exercise",
    "medication adherence",
    "long-term illness",
    "offending",
    "grief",
    "trauma",
    "anger",
    "parenting",
    "self-harm",
];

fn owned(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn vocabularies_are_the_term_names_in_order() {
    assert_eq!(Intervention.vocabulary().count(), 17);
    assert_eq!(Theme.vocabulary().collect::<Vec<_>>(), THEMES);
}

#[test]
fn every_term_has_a_unique_name_and_matchable_phrases() {
    let tables = [Intervention.terms(), Theme.terms(), RISKS];
    for table in tables {
        let names: Vec<String> = table.iter().map(|t| t.name.to_lowercase()).collect();
        for (i, term) in table.iter().enumerate() {
            assert!(!names[..i].contains(&names[i]), "{} twice", term.name);
            assert_eq!(term.name, normalize(term.name), "{}", term.name);
            assert!(
                Term::phrases(term.keywords).next().is_some(),
                "{} has no keywords",
                term.name
            );
            assert!(term.needs >= 2, "{}: one marker is never enough", term.name);
            // Matching folds the text to lower-case ASCII punctuation,
            // so a phrase written any other way could never match.
            let lists = [term.keywords, term.markers, term.except];
            for phrase in lists.into_iter().flat_map(Term::phrases) {
                for part in phrase.split(" ... ") {
                    let plain = part
                        .chars()
                        .all(|c| !c.is_uppercase() && (c.is_alphanumeric() || " '-".contains(c)));
                    assert!(
                        plain && part == normalize(part),
                        "{}: {phrase:?}",
                        term.name
                    );
                }
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
    assert!(tags.is_custom(Theme, "imposter feelings"));
    // Grief joined the vocabulary with the themes of counselling at large.
    assert!(!tags.is_custom(Theme, "grief"));
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
        [
            "sleep",
            "self-esteem",
            "smoking and vaping",
            "self-harm",
            "work stress"
        ]
    );
    assert_eq!(type_ahead(Theme, "e", &[]), ["exercise", "self-esteem"]);
}

#[test]
fn type_ahead_excludes_chosen() {
    let chosen = owned(&["Exposure", "breathing  exercise"]);
    assert_eq!(
        type_ahead(Intervention, "ex", &chosen),
        ["grounding exercise (5-4-3-2-1)"]
    );
    let all_but = type_ahead(Theme, "", &owned(&["anxiety", "sleep"]));
    let expected: Vec<&str> = THEMES
        .into_iter()
        .filter(|t| !matches!(*t, "anxiety" | "sleep"))
        .collect();
    assert_eq!(all_but, expected);
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
