use super::custom::check_bands;
use super::*;
use crate::model::choice::tests::keys_round_trip;

const AT: i64 = 1_764_149_400_000; // 2025-11-26T09:30:00Z

fn measure(id: &str) -> Measure {
    shipped(id).expect("shipped")
}

/// Answers the first items with `values`, in order; the rest unanswered.
fn given(m: &Measure, values: &[u8]) -> MeasureAnswers {
    let mut all: Vec<Option<u8>> = values.iter().copied().map(Some).collect();
    all.resize(m.items.len(), None);
    MeasureAnswers::new(m, Respondent::Client, all, AT).expect("valid answers")
}

/// Answers as written on a paper form: a value an item, `_` where blank.
fn on_paper(m: &Measure, form: &str) -> MeasureAnswers {
    let values = form.split_whitespace().map(|v| v.parse().ok()).collect();
    MeasureAnswers::new(m, Respondent::Paper, values, AT).expect("valid answers")
}

fn total(m: &Measure, answers: &MeasureAnswers) -> Result<u32, String> {
    m.score(answers)
        .expect("scorable")
        .total
        .map_err(|e| e.to_string())
}

/// The refusal [`total`] gives when `unanswered` ("item 9 is") is left blank.
fn no_total(measure: &str, unanswered: &str) -> Result<u32, String> {
    Err(format!(
        "No {measure} total: {unanswered} unanswered, and the {measure} is totalled only with \
         every item answered."
    ))
}

fn band(m: &Measure, total: u32) -> &str {
    &m.band(total).expect("a band").label
}

fn subscales(m: &Measure, answers: &MeasureAnswers) -> Vec<Option<u32>> {
    let scored = m.score(answers).expect("scorable");
    scored.subscales.iter().map(|s| s.total).collect()
}

#[test]
fn the_library_ships_phq9_gad7_pcl5_audit_and_the_two_ratings() {
    let names: Vec<_> = library().into_iter().map(|m| (m.id, m.name)).collect();
    let names: Vec<_> = names
        .iter()
        .map(|(i, n)| (i.as_str(), n.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (PHQ9, "PHQ-9"),
            (GAD7, "GAD-7"),
            (PCL5, "PCL-5"),
            (AUDIT, "AUDIT"),
            (ANXIETY, "Anxiety"),
            (MOOD, "Mood"),
        ]
    );
    assert_eq!(shipped("core10"), None);
}

#[test]
fn every_shipped_measure_says_where_it_comes_from_and_offers_distinct_labelled_answers() {
    for m in library() {
        assert!(
            !m.source.is_empty() && !m.instructions.is_empty(),
            "{}",
            m.name
        );
        for item in &m.items {
            let options = m.options_for(item);
            let mut values: Vec<_> = options.iter().map(|o| o.value).collect();
            values.sort_unstable();
            values.dedup();
            assert_eq!(values.len(), options.len(), "{}: {}", m.name, item.text);
            assert!(options.iter().all(|o| !o.label.is_empty()));
        }
        for cited in [&m.caseness, &m.reliable_change].into_iter().flatten() {
            assert!(!cited.source.is_empty(), "{}", m.name);
        }
    }
}

#[test]
fn every_shipped_measures_bands_cover_its_range_once() {
    for m in library() {
        if let Some(bands) = &m.bands {
            assert!(!bands.source.is_empty());
            assert_eq!(
                check_bands(&bands.value, m.min_total(), m.max_total()),
                Ok(()),
                "{}",
                m.name
            );
        }
    }
}

#[test]
fn subscales_and_skips_name_only_scored_items_that_exist() {
    for m in library() {
        let named = m.subscales.iter().flat_map(|s| &s.items);
        let skipped = m.skips.iter().flat_map(|s| s.when.iter().chain(&s.then));
        for &n in named.chain(skipped) {
            let item = &m.items[n - 1];
            assert_ne!(item.counts, Counts::NotScored, "{} item {n}", m.name);
        }
    }
}

#[test]
fn ranges_match_the_published_totals() {
    let ranges: Vec<_> = library()
        .iter()
        .map(|m| (m.min_total(), m.max_total()))
        .collect();
    assert_eq!(
        ranges,
        [(0, 27), (0, 21), (0, 80), (0, 40), (0, 10), (0, 10)]
    );
}

#[test]
fn the_phq9_keeps_its_official_wording() {
    let m = measure(PHQ9);
    assert_eq!(
        m.instructions,
        "Over the last 2 weeks, how often have you been bothered by any of the following \
         problems?"
    );
    let labels: Vec<_> = m
        .options
        .iter()
        .map(|o| (o.value, o.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (0, "Not at all"),
            (1, "Several days"),
            (2, "More than half the days"),
            (3, "Nearly every day")
        ]
    );
    assert_eq!(m.items.len(), 10);
    assert_eq!(
        m.items[8].text,
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    );
    let difficulty = &m.items[9];
    assert!(
        difficulty
            .text
            .starts_with("If you checked off any problems, how difficult")
    );
    assert_eq!(difficulty.counts, Counts::NotScored);
    assert_eq!(m.options_for(difficulty)[3].label, "Extremely difficult");
    assert!(
        m.source
            .ends_with("No permission required to reproduce, translate, display or distribute.")
    );
}

#[test]
fn the_gad7_shares_the_phq9s_answers_and_has_its_own_stem_and_difficulty_question() {
    let (gad7, phq9) = (measure(GAD7), measure(PHQ9));
    assert_eq!(gad7.options, phq9.options);
    assert_eq!(
        gad7.instructions,
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    );
    assert_eq!(gad7.items.len(), 8);
    assert_eq!(gad7.items[0].text, "Feeling nervous, anxious, or on edge");
    assert_eq!(gad7.items[7].counts, Counts::NotScored);
}

#[test]
fn phq9_totals_all_zero_all_highest_and_a_mixed_case() {
    let m = measure(PHQ9);
    assert_eq!(total(&m, &given(&m, &[0; 9])), Ok(0));
    assert_eq!(band(&m, 0), "minimal");
    assert_eq!(total(&m, &given(&m, &[3; 9])), Ok(27));
    assert_eq!(band(&m, 27), "severe");
    // 1+2+1+3+0+2+1+0+0 = 10; the difficulty answer (2) is not added.
    let mixed = given(&m, &[1, 2, 1, 3, 0, 2, 1, 0, 0, 2]);
    assert_eq!(total(&m, &mixed), Ok(10));
    assert_eq!(band(&m, 10), "moderate");
    assert_eq!(m.is_case(10), Some(true));
    assert_eq!(m.is_case(9), Some(false));
    let bands: Vec<_> = [4, 5, 9, 14, 15, 19, 20].map(|t| band(&m, t)).to_vec();
    assert_eq!(
        bands,
        [
            "minimal",
            "mild",
            "mild",
            "moderate",
            "moderately severe",
            "moderately severe",
            "severe"
        ]
    );
}

#[test]
fn a_phq9_with_an_item_unanswered_has_no_total_and_says_why() {
    let m = measure(PHQ9);
    let mut answers = given(&m, &[1, 1, 1, 1, 1, 1, 1, 1]);
    assert_eq!(
        total(&m, &answers),
        Err(
            "No PHQ-9 total: item 9 is unanswered, and the PHQ-9 is totalled only with every \
             item answered."
                .into()
        )
    );
    answers.answer(&m, 3, None).unwrap();
    assert_eq!(total(&m, &answers), no_total("PHQ-9", "items 3 and 9 are"));
    // The unscored difficulty question may stay blank.
    answers.answer(&m, 3, Some(1)).unwrap();
    answers.answer(&m, 9, Some(0)).unwrap();
    assert_eq!(total(&m, &answers), Ok(8));
}

#[test]
fn gad7_totals_all_zero_all_highest_and_a_mixed_case() {
    let m = measure(GAD7);
    assert_eq!(total(&m, &given(&m, &[0; 7])), Ok(0));
    assert_eq!(total(&m, &given(&m, &[3; 7])), Ok(21));
    assert_eq!(band(&m, 21), "severe");
    // 2+3+1+1+0+2+1 = 10
    assert_eq!(total(&m, &given(&m, &[2, 3, 1, 1, 0, 2, 1])), Ok(10));
    assert_eq!(band(&m, 10), "moderate");
    let bands: Vec<_> = [0, 4, 5, 9, 14, 15].map(|t| band(&m, t)).to_vec();
    assert_eq!(
        bands,
        ["minimal", "minimal", "mild", "mild", "moderate", "severe"]
    );
    // NHS Talking Therapies caseness for the GAD-7 is 8, not 10.
    assert_eq!((m.is_case(7), m.is_case(8)), (Some(false), Some(true)));
    assert_eq!(
        total(&m, &given(&m, &[3, 3, 3, 3, 3, 3])),
        no_total("GAD-7", "item 7 is")
    );
}

#[test]
fn pcl5_totals_and_dsm5_clusters_from_all_zero_all_highest_and_a_mixed_case() {
    let m = measure(PCL5);
    assert_eq!(m.items.len(), 20);
    let labels: Vec<_> = m.options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Not at all",
            "A little bit",
            "Moderately",
            "Quite a bit",
            "Extremely"
        ]
    );
    let zero = given(&m, &[0; 20]);
    assert_eq!(total(&m, &zero), Ok(0));
    assert_eq!(subscales(&m, &zero), [Some(0); 4]);
    let highest = given(&m, &[4; 20]);
    assert_eq!(total(&m, &highest), Ok(80));
    // B: items 1–5, C: 6–7, D: 8–14, E: 15–20.
    assert_eq!(
        subscales(&m, &highest),
        [Some(20), Some(8), Some(28), Some(24)]
    );
    let mixed = given(
        &m,
        &[3, 2, 1, 4, 2, 3, 3, 0, 2, 1, 3, 2, 2, 1, 2, 0, 4, 3, 2, 3],
    );
    // B 3+2+1+4+2 = 12, C 3+3 = 6, D 0+2+1+3+2+2+1 = 11, E 2+0+4+3+2+3 = 14.
    assert_eq!(
        subscales(&m, &mixed),
        [Some(12), Some(6), Some(11), Some(14)]
    );
    assert_eq!(total(&m, &mixed), Ok(43));
    assert_eq!(m.is_case(43), Some(true));
    assert_eq!((m.is_case(32), m.is_case(33)), (Some(false), Some(true)));
    assert_eq!(m.band(43), None, "the PCL-5 has no severity bands");
}

#[test]
fn a_pcl5_with_an_item_unanswered_has_no_total_but_keeps_its_complete_clusters() {
    let m = measure(PCL5);
    let answers = given(&m, &[2; 19]);
    assert_eq!(total(&m, &answers), no_total("PCL-5", "item 20 is"));
    assert_eq!(subscales(&m, &answers), [Some(10), Some(4), Some(14), None]);
}

#[test]
fn audit_totals_zones_and_audit_c_from_all_zero_all_highest_and_a_mixed_case() {
    let m = measure(AUDIT);
    let zero = given(&m, &[0; 10]);
    assert_eq!(total(&m, &zero), Ok(0));
    assert_eq!(subscales(&m, &zero), [Some(0)]);
    assert_eq!(band(&m, 0), "Zone I: alcohol education");
    // Items 1–8 at 4, items 9 and 10 at 4: 32 + 8 = 40; AUDIT-C 4+4+4 = 12.
    let highest = given(&m, &[4; 10]);
    assert_eq!(total(&m, &highest), Ok(40));
    assert_eq!(subscales(&m, &highest), [Some(12)]);
    assert!(band(&m, 40).starts_with("Zone IV"));
    // 2+1+1+0+1+0+1+0+0+2 = 8; AUDIT-C 2+1+1 = 4.
    let mixed = given(&m, &[2, 1, 1, 0, 1, 0, 1, 0, 0, 2]);
    assert_eq!(total(&m, &mixed), Ok(8));
    assert_eq!(subscales(&m, &mixed), [Some(4)]);
    assert_eq!(band(&m, 8), "Zone II: simple advice");
    assert_eq!(m.is_case(8), Some(true));
    let zones: Vec<_> = [7, 15, 16, 19, 20].map(|t| &band(&m, t)[..8]).to_vec();
    assert_eq!(
        zones,
        ["Zone I: ", "Zone II:", "Zone III", "Zone III", "Zone IV:"]
    );
}

#[test]
fn audit_items_9_and_10_score_0_2_or_4_only() {
    let m = measure(AUDIT);
    let values: Vec<_> = m.options_for(&m.items[9]).iter().map(|o| o.value).collect();
    assert_eq!(values, [0, 2, 4]);
    assert_eq!(
        m.options_for(&m.items[0])[4].label,
        "4 or more times a week"
    );
    let mut answers = MeasureAnswers::blank(&m, Respondent::Paper, AT);
    let refused = answers.answer(&m, 9, Some(3)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "3 is not an answer to item 9 of the AUDIT: choose 0, 2 or 4."
    );
    assert_eq!(answers.answer(&m, 9, Some(2)), Ok(()));
}

#[test]
fn audit_items_skipped_after_never_or_no_drinks_count_as_zero() {
    let m = measure(AUDIT);
    // "Never": items 2–8 are skipped; 9 and 10 still count.
    let never = on_paper(&m, "0 _ _ _ _ _ _ _ 0 2");
    assert_eq!(total(&m, &never), Ok(2));
    assert_eq!(subscales(&m, &never), [Some(0)]);
    // Items 2 and 3 total 0: items 4–8 are skipped.
    assert_eq!(total(&m, &on_paper(&m, "1 0 0 _ _ _ _ _ 0 0")), Ok(1));
    // Anything else left blank leaves no total.
    assert_eq!(
        total(&m, &on_paper(&m, "1 0 1 _ _ _ _ _ 0 0")),
        no_total("AUDIT", "items 4, 5, 6, 7 and 8 are")
    );
    let no_nine = on_paper(&m, "0 _ _ _ _ _ _ _ _ 2");
    assert_eq!(total(&m, &no_nine), no_total("AUDIT", "item 9 is"));
}

#[test]
fn the_anxiety_and_mood_ratings_are_one_item_measures_from_0_to_10() {
    for id in [ANXIETY, MOOD] {
        let m = measure(id);
        assert_eq!(m.items.len(), 1);
        let values: Vec<_> = m.options.iter().map(|o| o.value).collect();
        assert_eq!(values, (0..=10).collect::<Vec<u8>>());
        let mut answers = MeasureAnswers::blank(&m, Respondent::Clinician, AT);
        answers.answer(&m, 1, Some(7)).unwrap();
        assert_eq!(total(&m, &answers), Ok(7));
        assert!(answers.answer(&m, 1, Some(11)).is_err());
        assert_eq!(total(&m, &answers), Ok(7));
        assert_eq!(
            (m.band(7), m.is_case(7), m.change(9, 2)),
            (None, None, None)
        );
    }
}

#[test]
fn an_answer_outside_its_items_options_is_refused_and_the_previous_answer_kept() {
    let m = measure(PHQ9);
    let mut answers = MeasureAnswers::blank(&m, Respondent::Client, AT);
    answers.answer(&m, 1, Some(2)).unwrap();
    let refused = answers.answer(&m, 1, Some(4)).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "4 is not an answer to item 1 of the PHQ-9: choose 0, 1, 2 or 3."
    );
    let missing = answers.answer(&m, 11, Some(0)).unwrap_err();
    assert_eq!(missing.to_string(), "The PHQ-9 has no item 11: it has 10.");
    assert!(answers.answer(&m, 0, Some(0)).is_err());
    let Answered::Items { values, .. } = &answers.answered else {
        panic!("item answers")
    };
    assert_eq!(values[0], Some(2));
}

#[test]
fn answers_given_at_once_are_checked_like_single_ones() {
    let m = measure(GAD7);
    let short = MeasureAnswers::new(&m, Respondent::Paper, vec![Some(1); 7], AT);
    assert_eq!(
        short.unwrap_err().to_string(),
        "The GAD-7 has 8 items, but 7 answers were given."
    );
    let mut values = vec![Some(1); 8];
    values[4] = Some(5);
    let wrong = MeasureAnswers::new(&m, Respondent::Paper, values, AT).unwrap_err();
    assert_eq!(
        wrong,
        AnswerError::NotAnOption {
            measure: "GAD-7".into(),
            item: 5,
            value: 5,
            allowed: vec![0, 1, 2, 3],
        }
    );
}

#[test]
fn answers_to_another_measure_or_version_or_damaged_in_storage_are_not_scored() {
    let (phq9, gad7) = (measure(PHQ9), measure(GAD7));
    let answers = given(&gad7, &[1; 7]);
    assert_eq!(
        phq9.score(&answers).unwrap_err().to_string(),
        "These answers are to gad7 (version 1), not to PHQ-9 (version 1)."
    );
    let mut later = answers.clone();
    later.version = 2;
    assert!(matches!(
        gad7.score(&later),
        Err(AnswerError::OtherMeasure { .. })
    ));
    let mut damaged = answers;
    damaged.answered = Answered::Items {
        by: Respondent::Client,
        values: vec![Some(9); 8],
    };
    assert!(matches!(
        gad7.score(&damaged),
        Err(AnswerError::NotAnOption { item: 1, .. })
    ));
}

#[test]
fn a_legacy_total_becomes_a_total_only_answer_entered_by_the_clinician() {
    let m = measure(PHQ9);
    let mut answers = from_legacy_total(&m, 12, AT).unwrap();
    assert_eq!(answers.answered, Answered::TotalOnly { total: 12 });
    assert_eq!(
        (answers.measure.as_str(), answers.version, answers.at),
        (PHQ9, 1, AT)
    );
    assert_eq!(total(&m, &answers), Ok(12));
    assert_eq!(band(&m, 12), "moderate");
    assert_eq!(
        answers.answer(&m, 1, Some(1)).unwrap_err().to_string(),
        "This PHQ-9 was kept as a total only: it has no item answers to change."
    );
    assert_eq!(
        from_legacy_total(&m, 28, AT).unwrap_err().to_string(),
        "A PHQ-9 total is a whole number from 0 to 27."
    );
    let gad7 = measure(GAD7);
    assert!(from_legacy_total(&gad7, 21, AT).is_ok());
    assert!(from_legacy_total(&gad7, 22, AT).is_err());
    // A total alone says nothing of the subscales.
    let pcl5 = measure(PCL5);
    let answers = from_legacy_total(&pcl5, 40, AT).unwrap();
    assert_eq!(subscales(&pcl5, &answers), [None; 4]);
}

#[test]
fn reliable_change_and_recovery_follow_each_measures_thresholds() {
    use Change::*;
    let cases = [
        // PHQ-9: reliable change 6, caseness 10.
        (PHQ9, 15, 9, Recovered),
        (PHQ9, 16, 10, Improved),
        (PHQ9, 8, 2, Improved),
        (PHQ9, 15, 10, NoReliableChange),
        (PHQ9, 9, 14, NoReliableChange),
        (PHQ9, 9, 15, Deteriorated),
        // GAD-7: reliable change 4, caseness 8.
        (GAD7, 12, 7, Recovered),
        (GAD7, 12, 8, Improved),
        (GAD7, 10, 7, NoReliableChange),
        (GAD7, 5, 9, Deteriorated),
        // PCL-5: reliable change 10, caseness 33.
        (PCL5, 40, 30, Recovered),
        (PCL5, 45, 35, Improved),
        (PCL5, 40, 31, NoReliableChange),
        (PCL5, 20, 30, Deteriorated),
    ];
    for (id, first, latest, expected) in cases {
        let change = measure(id).change(first, latest);
        assert_eq!(change, Some(expected), "{id} {first} → {latest}");
    }
    assert_eq!(measure(AUDIT).change(30, 5), None, "no published threshold");
    let labels = [Recovered, Improved, NoReliableChange, Deteriorated].map(Change::label);
    assert_eq!(
        labels,
        [
            "Reliable recovery",
            "Reliable improvement",
            "No reliable change",
            "Reliable deterioration"
        ]
    );
}

#[test]
fn answers_and_measures_round_trip_through_json() {
    for m in library() {
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Measure>(&json).unwrap(), m);
    }
    let m = measure(GAD7);
    let mut answers = MeasureAnswers::blank(&m, Respondent::Client, AT);
    answers.answer(&m, 2, Some(3)).unwrap();
    let json = serde_json::to_string(&answers).unwrap();
    assert_eq!(
        json,
        r#"{"measure":"gad7","version":1,"at":1764149400000,"answered":{"kind":"items","by":"client","values":[null,3,null,null,null,null,null,null]}}"#
    );
    assert_eq!(
        serde_json::from_str::<MeasureAnswers>(&json).unwrap(),
        answers
    );
    let legacy = from_legacy_total(&m, 9, AT).unwrap();
    let json = serde_json::to_string(&legacy).unwrap();
    assert!(json.ends_with(r#""answered":{"kind":"total_only","total":9}}"#));
    assert_eq!(
        serde_json::from_str::<MeasureAnswers>(&json).unwrap(),
        legacy
    );
    keys_round_trip::<Respondent>();
}

fn scale(pairs: &[(u8, &str)]) -> Vec<ResponseOption> {
    super::options(pairs)
}

fn band_of(from: u32, to: u32, label: &str) -> Band {
    Band {
        from,
        to,
        label: label.into(),
    }
}

/// Four items on a 1–5 scale, items 2 and 4 reversed, with three bands.
fn sleep_check() -> CustomMeasure {
    CustomMeasure {
        name: "  Sleep check ".into(),
        instructions: "In the past week:".into(),
        items: vec![
            ("I lay awake worrying".into(), false),
            (" I woke up rested ".into(), true),
            ("I napped in the day".into(), false),
            ("I kept to my bedtime".into(), true),
        ],
        options: scale(&[
            (1, "Never"),
            (2, "Rarely"),
            (3, "Sometimes"),
            (4, "Often"),
            (5, "Always"),
        ]),
        bands: vec![
            band_of(15, 20, "poor"),
            band_of(4, 9, "good"),
            band_of(10, 14, "fair"),
        ],
    }
}

#[test]
fn a_custom_measure_scores_reverse_items_from_the_other_end() {
    let m = sleep_check().build("m-1".into()).unwrap();
    assert_eq!(
        (m.name.as_str(), m.items[1].text.as_str()),
        ("Sleep check", "I woke up rested")
    );
    assert_eq!((m.min_total(), m.max_total()), (4, 20));
    // 5 + (6 − 1) + 4 + (6 − 2) = 18
    assert_eq!(total(&m, &given(&m, &[5, 1, 4, 2])), Ok(18));
    assert_eq!(band(&m, 18), "poor");
    // All "Never": 1 + 5 + 1 + 5 = 12
    assert_eq!(total(&m, &given(&m, &[1; 4])), Ok(12));
    assert_eq!(band(&m, 12), "fair");
    let bands: Vec<_> = m
        .bands
        .as_ref()
        .unwrap()
        .value
        .iter()
        .map(|b| b.from)
        .collect();
    assert_eq!(bands, [4, 10, 15], "sorted");
    assert_eq!((m.is_case(18), m.change(18, 4)), (None, None));
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(serde_json::from_str::<Measure>(&json).unwrap(), m);
}

#[test]
fn a_custom_measure_needs_no_bands() {
    let draft = CustomMeasure {
        bands: Vec::new(),
        ..sleep_check()
    };
    assert_eq!(draft.build("m-2".into()).unwrap().bands, None);
}

#[test]
fn a_custom_measure_without_a_name_items_or_a_real_scale_is_refused() {
    let refusal = |change: fn(&mut CustomMeasure)| {
        let mut draft = sleep_check();
        change(&mut draft);
        draft.build("m-3".into()).unwrap_err().to_string()
    };
    assert_eq!(refusal(|d| d.name = " ".into()), "Give the measure a name.");
    assert_eq!(refusal(|d| d.items.clear()), "Add at least one item.");
    assert_eq!(
        refusal(|d| d.items[2].0 = "  ".into()),
        "Item 3 is empty: write it or remove it."
    );
    assert_eq!(
        refusal(|d| d.options.truncate(1)),
        "The response scale needs at least two answers."
    );
    assert_eq!(
        refusal(|d| d.options[1].label = " ".into()),
        "The answer worth 2 needs a label."
    );
    assert_eq!(
        refusal(|d| d.options[4].value = 3),
        "Two answers are worth 3: give each answer a value of its own."
    );
}

#[test]
fn custom_bands_must_cover_every_possible_total_once() {
    /// Bands as (from, to, label), and the message refusing them.
    type Case = (&'static [(u32, u32, &'static str)], &'static str);
    let cases: [Case; 7] = [
        (&[(4, 9, "good"), (12, 20, "poor")], "No band covers 10–11."),
        (
            &[(4, 10, "good"), (10, 20, "poor")],
            "The band “poor” overlaps the one below it at 10.",
        ),
        (&[(4, 9, "good"), (10, 19, "poor")], "No band covers 20."),
        (&[(5, 20, "all")], "No band covers 4."),
        (
            &[(4, 9, "good"), (10, 25, "poor")],
            "The band “poor” reaches past the possible totals, 4 to 20.",
        ),
        (
            &[(4, 20, "all"), (9, 3, "odd")],
            "The band “odd” ends before it starts.",
        ),
        (
            &[(4, 9, "good"), (10, 20, " ")],
            "The band 10–20 needs a name.",
        ),
    ];
    for (bands, message) in cases {
        let draft = CustomMeasure {
            bands: bands.iter().map(|&(f, t, l)| band_of(f, t, l)).collect(),
            ..sleep_check()
        };
        let refused = draft.build("m-4".into()).unwrap_err();
        assert_eq!(refused.to_string(), message);
    }
}

#[test]
fn a_form_is_headed_by_its_full_name_with_the_short_one_unless_they_are_the_same() {
    assert_eq!(
        measure(PHQ9).heading(),
        "Patient Health Questionnaire-9 (PHQ-9)"
    );
    let mut own = measure(ANXIETY);
    own.title = own.name.clone();
    assert_eq!(own.heading(), own.name);
}
