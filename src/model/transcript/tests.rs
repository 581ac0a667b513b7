use super::time::{parse_date, parse_time};
use super::*;
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../../tests/fixtures/session-14-of-24.txt");

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn turns(tr: &Transcript) -> Vec<(String, Role, String)> {
    tr.turns()
        .map(|(s, r, x)| (s.to_string(), r.clone(), x.to_string()))
        .collect()
}

#[test]
fn sample_header() {
    let tr = parse(SAMPLE).unwrap();
    assert_eq!(
        tr.header,
        Header {
            session_number: Some(14),
            planned_sessions: Some(24),
            date: NaiveDate::from_ymd_opt(2025, 7, 31),
            start: Some(t(10, 0)),
            client_name: Some("Alex".into()),
            client_occupation: Some("Product Designer".into()),
            clinician_name: Some("Dr. Harper Torres".into()),
            clinician_credentials: Some("Licensed Clinical Psychologist".into()),
        }
    );
}

#[test]
fn sample_segments_and_end() {
    let tr = parse(SAMPLE).unwrap();
    let marks: Vec<_> = tr.segments.iter().map(|s| s.mark).collect();
    assert_eq!(
        marks,
        vec![
            Some(t(10, 0)),
            Some(t(10, 10)),
            Some(t(10, 20)),
            Some(t(10, 30)),
            Some(t(10, 31))
        ]
    );
    assert!(tr.segments[4].items.is_empty());
    assert!(tr.ended);
    assert_eq!(tr.end, Some(t(10, 31)));
    assert_eq!(tr.duration_minutes(), Some(31));
    let per_segment: Vec<usize> = tr.segments.iter().map(|s| s.items.len()).collect();
    assert_eq!(per_segment, vec![18, 3, 11, 2, 0]);
}

#[test]
fn sample_turns() {
    let tr = parse(SAMPLE).unwrap();
    let all = turns(&tr);
    assert_eq!(all.len(), 33);
    assert_eq!(
        all[0],
        (
            "Dr. Torres".to_string(),
            Role::Clinician,
            "Hi Alex, good to see you again. How have you been since our last session?".to_string()
        )
    );
    assert_eq!(all[1].0, "Alex");
    assert_eq!(all[1].1, Role::Client);
    assert!(all.iter().all(|(_, r, _)| *r != Role::Unknown));
    assert_eq!(
        all.last().unwrap(),
        &(
            "Alex".to_string(),
            Role::Client,
            "You too. See you next week.".to_string()
        )
    );
    let seg = &tr.segments[1].items;
    assert_eq!(
        seg[1],
        Item::Direction("pause for a couple of breaths".into())
    );
    assert_eq!(
        seg[2],
        Item::Turn {
            speaker: "Dr. Torres".into(),
            role: Role::Clinician,
            text: "Now, identify three things you can see around you, two things you can \
                   hear, and one thing you can feel."
                .into(),
        }
    );
    // The inline "(pause)" stays part of the speech.
    match &seg[0] {
        Item::Turn { text, .. } => assert!(text.contains("nose... (pause) and out")),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn sample_variants_crlf_cr_bom_agree() {
    let base = parse(SAMPLE).unwrap();
    let crlf = SAMPLE.replace('\n', "\r\n");
    let cr = SAMPLE.replace('\n', "\r");
    let bom = format!("\u{feff}{crlf}");
    for v in [crlf, cr, bom] {
        assert_eq!(parse(&v).unwrap(), base);
    }
}

#[test]
fn other_header_forms_and_24h_marks() {
    let src = "Session 3 of 12\nDate: 2025-03-04\nTime: 14:05\n\
               Client: Mira Okafor (Teacher)\nProfessional: Sam Lee, LCSW\n\n\
               [14:05]\nSam: Welcome back, Mira.\n\nMira: Thanks.  \n\n\
               [14:50]   \nSam: See you.\n\n[End of session]\n";
    let tr = parse(src).unwrap();
    assert_eq!(
        tr.header,
        Header {
            session_number: Some(3),
            planned_sessions: Some(12),
            date: NaiveDate::from_ymd_opt(2025, 3, 4),
            start: Some(t(14, 5)),
            client_name: Some("Mira Okafor".into()),
            client_occupation: Some("Teacher".into()),
            clinician_name: Some("Sam Lee".into()),
            clinician_credentials: Some("LCSW".into()),
        }
    );
    assert_eq!(
        turns(&tr),
        vec![
            ("Sam".into(), Role::Clinician, "Welcome back, Mira.".into()),
            ("Mira".into(), Role::Client, "Thanks.".into()),
            ("Sam".into(), Role::Clinician, "See you.".into()),
        ]
    );
    assert!(tr.ended);
    assert_eq!(tr.end, Some(t(14, 50)));
    assert_eq!(tr.duration_minutes(), Some(45));
}

#[test]
fn credentials_with_suffix_and_parentheses() {
    let src = "Professional: Dr. Harper Torres, PhD (Licensed Clinical Psychologist)\n\
               Client: Alex\n\nHarper: Hello there.\n";
    let tr = parse(src).unwrap();
    assert_eq!(
        tr.header.clinician_name.as_deref(),
        Some("Dr. Harper Torres")
    );
    assert_eq!(
        tr.header.clinician_credentials.as_deref(),
        Some("PhD, Licensed Clinical Psychologist")
    );
    assert_eq!(tr.header.client_name.as_deref(), Some("Alex"));
    assert_eq!(tr.header.client_occupation, None);
    assert_eq!(turns(&tr)[0].1, Role::Clinician);
}

#[test]
fn session_number_only_and_other_date_forms() {
    let cases = [
        (
            "Session 5\n31 July 2025\n10:00\n",
            5,
            None,
            (2025, 7, 31),
            t(10, 0),
        ),
        (
            "Session 5\nJul 31, 2025\n2:05 pm\n",
            5,
            None,
            (2025, 7, 31),
            t(14, 5),
        ),
        (
            "Session 14/24\nDate: Thursday, July 31st, 2025\nStart: 10:00 a.m.\n",
            14,
            Some(24),
            (2025, 7, 31),
            t(10, 0),
        ),
        (
            "Session 7\n2025-12-01\nTime: 9:30 AM\n",
            7,
            None,
            (2025, 12, 1),
            t(9, 30),
        ),
    ];
    for (head, n, of, (y, m, d), start) in cases {
        let src = format!("{head}\n[10:01]\nAlex: Hi.\n");
        let tr = parse(&src).unwrap();
        assert_eq!(tr.header.session_number, Some(n), "{head}");
        assert_eq!(tr.header.planned_sessions, of, "{head}");
        assert_eq!(tr.header.date, NaiveDate::from_ymd_opt(y, m, d), "{head}");
        assert_eq!(tr.header.start, Some(start), "{head}");
    }
}

#[test]
fn twelve_hour_marks_without_bold() {
    let src = "Time: 2:00 PM\n\n[2:00 PM]\nAlex: Hi.\n\n[2:05]\nAlex: Still here.\n\n\
               [2:40 pm]\n(End of session)\n";
    let tr = parse(src).unwrap();
    let marks: Vec<_> = tr.segments.iter().map(|s| s.mark).collect();
    assert_eq!(marks, vec![Some(t(14, 0)), Some(t(14, 5)), Some(t(14, 40))]);
    assert_eq!(tr.duration_minutes(), Some(40));
}

#[test]
fn no_header_role_labels() {
    let src = "Therapist: How was your week?\nIt sounded busy.\n\nClient: Busy, yes.\n\
               Patient: Me too.\nCounsellor: Right.\n";
    let tr = parse(src).unwrap();
    assert_eq!(tr.header, Header::default());
    assert_eq!(tr.segments.len(), 1);
    assert_eq!(tr.segments[0].mark, None);
    assert_eq!(tr.end, None);
    assert!(!tr.ended);
    assert_eq!(tr.duration_minutes(), None);
    assert_eq!(
        turns(&tr),
        vec![
            (
                "Therapist".into(),
                Role::Clinician,
                "How was your week?\nIt sounded busy.".into()
            ),
            ("Client".into(), Role::Client, "Busy, yes.".into()),
            ("Patient".into(), Role::Client, "Me too.".into()),
            ("Counsellor".into(), Role::Clinician, "Right.".into()),
        ]
    );
}

#[test]
fn header_client_line_vs_client_turn() {
    // Before any mark a short name is a header; a sentence is a turn.
    let src = "Client: I am not sure where to start.\nTherapist: Anywhere is fine.\n";
    let tr = parse(src).unwrap();
    assert_eq!(tr.header.client_name, None);
    assert_eq!(turns(&tr).len(), 2);
    assert_eq!(turns(&tr)[0].1, Role::Client);
}

#[test]
fn unknown_speaker_is_kept() {
    let src = "Client: Alex\nTherapist: Dr. Kim\n\n[09:00]\nDr. Kim: Hello.\n\n\
               Interpreter: She says hello.\n\nALEX: hi\n\nKim: Welcome.\n";
    let tr = parse(src).unwrap();
    let roles: Vec<_> = turns(&tr).into_iter().map(|(s, r, _)| (s, r)).collect();
    assert_eq!(
        roles,
        vec![
            ("Dr. Kim".into(), Role::Clinician),
            ("Interpreter".into(), Role::Unknown),
            ("ALEX".into(), Role::Client),
            ("Kim".into(), Role::Clinician),
        ]
    );
}

#[test]
fn paragraphs_and_continuations() {
    let src = "[10:00]\nAlex: First line  \nsecond line\n\n\n\tThird para\n\n\
               (sighs)\n\nAfter the sigh.\n\n**[10:05]**\nStill Alex after the mark.\n\
               **Dr. Lee:** Bold label.\n";
    let tr = parse(src).unwrap();
    assert_eq!(
        tr.segments[0].items,
        vec![
            Item::Turn {
                speaker: "Alex".into(),
                role: Role::Unknown,
                text: "First line\nsecond line\n\nThird para".into()
            },
            Item::Direction("sighs".into()),
            Item::Turn {
                speaker: "Alex".into(),
                role: Role::Unknown,
                text: "After the sigh.".into()
            },
        ]
    );
    assert_eq!(
        turns(&tr)[2..],
        [
            (
                "Alex".into(),
                Role::Unknown,
                "Still Alex after the mark.".into()
            ),
            ("Dr. Lee".into(), Role::Clinician, "Bold label.".into()),
        ]
    );
}

#[test]
fn markdown_header_and_unstored_header_lines() {
    let src = "# **Session 2/10**\n**Date:** 4 March 2025\nSession type: Video\n\
               Duration: 50 minutes\nLocation: Telehealth\n- **Client:** Mira Okafor\n\
               Therapist: Sam Lee\n\nMira:\nI slept badly.\n\n\
               Therapist (Sam): Say more.\n";
    let tr = parse(src).unwrap();
    assert_eq!(tr.header.session_number, Some(2));
    assert_eq!(tr.header.planned_sessions, Some(10));
    assert_eq!(tr.header.date, NaiveDate::from_ymd_opt(2025, 3, 4));
    assert_eq!(tr.header.client_name.as_deref(), Some("Mira Okafor"));
    assert_eq!(tr.header.clinician_name.as_deref(), Some("Sam Lee"));
    assert_eq!(
        turns(&tr),
        vec![
            ("Mira".into(), Role::Client, "I slept badly.".into()),
            (
                "Therapist (Sam)".into(),
                Role::Clinician,
                "Say more.".into()
            ),
        ]
    );
}

#[test]
fn a_description_in_brackets_may_hold_clauses_and_a_long_team_name() {
    let src = "Session 4 of 12\n\
               Client: Kirsty Moffat (31, first baby Rory, five months old; on maternity leave from reception)\n\
               Professional: Fiona Baird (Perinatal Mental Health Practitioner, Community Perinatal Mental Health Team)\n\n\
               [10:30]\nFiona: Come on in.\n\nKirsty: Thanks.\n";
    let tr = parse(src).unwrap();
    assert_eq!(tr.header.client_name.as_deref(), Some("Kirsty Moffat"));
    assert_eq!(tr.header.clinician_name.as_deref(), Some("Fiona Baird"));
    let roles: Vec<Role> = turns(&tr).into_iter().map(|(_, role, _)| role).collect();
    assert_eq!(roles, [Role::Clinician, Role::Client]);
}

#[test]
fn a_role_after_the_name_may_be_in_plain_words_and_a_couple_may_be_the_client() {
    let src = "Client: Claire and Martin Lowther (married 19 years)\n\
               Therapist: Priya Nair, CBT-I practitioner\n\n\
               [18:30]\nPriya: Come in, both.\n\nClaire: Thanks.\n";
    let tr = parse(src).unwrap();
    assert_eq!(
        tr.header.client_name.as_deref(),
        Some("Claire and Martin Lowther")
    );
    assert_eq!(tr.header.clinician_name.as_deref(), Some("Priya Nair"));
    assert_eq!(
        tr.header.clinician_credentials.as_deref(),
        Some("CBT-I practitioner")
    );
    let roles: Vec<Role> = turns(&tr).into_iter().map(|(_, role, _)| role).collect();
    assert_eq!(roles, [Role::Clinician, Role::Client]);
    let tr = parse(
        "Professional: Lisa Grant, Stop Smoking Adviser, maternity services\n\nLisa: Hello.\n",
    )
    .unwrap();
    assert_eq!(tr.header.clinician_name.as_deref(), Some("Lisa Grant"));
    // After a name and a comma, words that name no work are someone speaking.
    for line in ["Client: Sam, I think so", "Client: Sam, let's begin now"] {
        let tr = parse(&format!("{line}\nTherapist: Go on.\n")).unwrap();
        assert_eq!(tr.header.client_name, None, "{line}");
    }
}

#[test]
fn a_line_that_asks_or_quotes_is_a_turn_though_it_ends_in_brackets() {
    for line in [
        "Client: Sorry, what? (laughs)",
        "Client: Okay (she said \"fine\")",
        "Client: Right; well (pause)",
    ] {
        let tr = parse(&format!("{line}\nTherapist: Go on.\n")).unwrap();
        assert_eq!(tr.header.client_name, None, "{line}");
    }
}

#[test]
fn non_ascii_text() {
    let src = "Client: Zoë Müller (Künstlerin)\nProfessional: Dr. Ana Núñez\n\n\
               [10:00]\nDr. Núñez: “Wie geht’s?” — tell me.\n\nZoë: 今日は少し疲れています。\n\n\
               ジョン：こんにちは\n";
    let tr = parse(src).unwrap();
    assert_eq!(tr.header.client_occupation.as_deref(), Some("Künstlerin"));
    assert_eq!(
        turns(&tr),
        vec![
            (
                "Dr. Núñez".into(),
                Role::Clinician,
                "“Wie geht’s?” — tell me.".into()
            ),
            (
                "Zoë".into(),
                Role::Client,
                "今日は少し疲れています。".into()
            ),
            ("ジョン".into(), Role::Unknown, "こんにちは".into()),
        ]
    );
}

#[test]
fn end_marker_forms() {
    for end in [
        "(End of session)",
        "[END OF SESSION]",
        "End of session.",
        "**End of session**",
    ] {
        let src = format!("[10:00]\nAlex: Hi.\n[10:20]\n{end}\n[10:25]\nAlex: after\n");
        let tr = parse(&src).unwrap();
        assert!(tr.ended, "{end}");
        assert_eq!(tr.end, Some(t(10, 20)), "{end}");
        assert!(
            tr.segments
                .iter()
                .flat_map(|s| &s.items)
                .all(|i| !matches!(i, Item::Direction(_)))
        );
    }
}

#[test]
fn inline_mark_and_timestamps_in_speech() {
    let src = "[10:00] Alex: We met at 10:30 and http://example.org was down.\n";
    let tr = parse(src).unwrap();
    assert_eq!(tr.segments[0].mark, Some(t(10, 0)));
    assert_eq!(
        turns(&tr),
        vec![(
            "Alex".into(),
            Role::Unknown,
            "We met at 10:30 and http://example.org was down.".into()
        )]
    );
}

#[test]
fn errors() {
    assert_eq!(parse(""), Err(TranscriptError::Empty));
    assert_eq!(parse(" \n\t\r\n\u{feff}"), Err(TranscriptError::Empty));
    assert_eq!(
        parse("It was a quiet day, and nothing much happened.\nThe end was near."),
        Err(TranscriptError::NotATranscript)
    );
    assert_eq!(
        parse("Session 14/24\nDate: July 31, 2025\nClient: Alex (Designer)\n"),
        Err(TranscriptError::NotATranscript)
    );
    assert_eq!(
        parse("\u{0}\u{1}\u{fffd}\u{7f}[[[**]]]((:)):\n\r\r12:99\n[25:00]"),
        Err(TranscriptError::NotATranscript)
    );
    assert_eq!(
        parse("[10:00]\n(pause)\n[10:05]\n"),
        Err(TranscriptError::NotATranscript)
    );
    let msg = TranscriptError::NotATranscript.to_string();
    assert!(msg.contains("no speaker turns"));
    assert!(TranscriptError::Empty.to_string().contains("empty"));
}

#[test]
fn date_and_time_helpers() {
    assert_eq!(
        parse_date("31.07.2025"),
        NaiveDate::from_ymd_opt(2025, 7, 31)
    );
    assert_eq!(
        parse_date("07/31/2025"),
        NaiveDate::from_ymd_opt(2025, 7, 31)
    );
    assert_eq!(parse_date("04/03/2025"), None);
    assert_eq!(parse_date("February 30, 2025"), None);
    assert_eq!(
        parse_date("Sept 3 2025"),
        NaiveDate::from_ymd_opt(2025, 9, 3)
    );
    assert_eq!(parse_time("12:30 AM").map(|x| x.0), Some(t(0, 30)));
    assert_eq!(parse_time("12:30 pm").map(|x| x.0), Some(t(12, 30)));
    assert_eq!(parse_time("13:00 pm"), None);
    assert_eq!(parse_time("24:00"), None);
    assert_eq!(parse_time("10 amazing"), None);
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "(",
        ")",
        "[",
        "**[",
        "**[1",
        "[1:",
        "é:",
        "Ω: (",
        "(é",
        "：",
        "a：b",
        "Session",
        "Session 99999999999",
        "Date: 99999-99-99",
        "Client: (",
        "Client: )(",
        "Client: x (é",
        "Professional: A, (",
        "\r\r\r",
        "\u{feff}",
        "31st",
        "1st January 99999",
    ];
    for s in inputs {
        let _ = parse(s);
    }
}

// -- find --------------------------------------------------------------

const FIND_SRC: &str = "Client: Zoë Müller\nTherapist: Dr. Ana Núñez\n\n\
                        [10:00]\nDr. Núñez: How was the week?\n\nZoë: Busy. Work was busy.\n\n\
                        [10:10]\n(long pause)\nZoë: Still busy, and 今日は疲れています。\n\n\
                        [10:20]\nDr. Núñez: Let us stop here.\n";

/// The found segments as (mark, texts of their items).
fn found(tr: &Transcript, query: &str) -> Vec<(Option<NaiveTime>, Vec<String>)> {
    tr.find(query)
        .into_iter()
        .map(|s| {
            let texts = s
                .items
                .iter()
                .map(|i| match i {
                    Item::Turn { text, .. } | Item::Direction(text) => text.clone(),
                })
                .collect();
            (s.mark, texts)
        })
        .collect()
}

#[test]
fn a_blank_query_finds_the_whole_transcript() {
    let tr = parse(FIND_SRC).unwrap();
    assert_eq!(tr.find(""), tr.segments);
    assert_eq!(tr.find("  \t"), tr.segments);
}

#[test]
fn find_ignores_case_and_surrounding_spaces() {
    let tr = parse(FIND_SRC).unwrap();
    let want = vec![(Some(t(10, 20)), vec!["Let us stop here.".to_string()])];
    assert_eq!(found(&tr, "STOP"), want);
    assert_eq!(found(&tr, "  sToP here "), want);
}

#[test]
fn find_with_no_match_finds_nothing() {
    let tr = parse(FIND_SRC).unwrap();
    assert!(tr.find("holiday").is_empty());
}

#[test]
fn find_lists_every_turn_holding_the_text_but_not_text_across_two_turns() {
    let tr = parse(FIND_SRC).unwrap();
    assert_eq!(
        found(&tr, "busy"),
        vec![
            (Some(t(10, 0)), vec!["Busy. Work was busy.".to_string()]),
            (
                Some(t(10, 10)),
                vec!["Still busy, and 今日は疲れています。".to_string()]
            ),
        ]
    );
    assert!(tr.find("week? busy").is_empty());
}

#[test]
fn find_matches_speakers_and_stage_directions() {
    let tr = parse(FIND_SRC).unwrap();
    let marks = |q: &str| tr.find(q).iter().map(|s| s.mark).collect::<Vec<_>>();
    assert_eq!(marks("dr. núñez"), [Some(t(10, 0)), Some(t(10, 20))]);
    assert_eq!(
        found(&tr, "pause"),
        [(Some(t(10, 10)), vec!["long pause".to_string()])]
    );
}

#[test]
fn find_matches_non_ascii_text_in_any_case() {
    let tr = parse(FIND_SRC).unwrap();
    assert_eq!(tr.find("ZOË").len(), 2);
    assert_eq!(tr.find("NÚÑEZ").len(), 2);
    assert_eq!(
        found(&tr, "疲れ"),
        [(
            Some(t(10, 10)),
            vec!["Still busy, and 今日は疲れています。".to_string()]
        )]
    );
}

// -- property tests -----------------------------------------------------

fn rich_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '[', ']', '*', '(', ')', ':', '\n', '\r', ' ', '\t', '.', ',', '/', '-', '#', 'a', 'A',
            'm', 'p', 'M', 'P', 'é', '—', '“', '：', '\u{feff}'
        ]),
        prop::char::range('0', '9'),
        any::<char>(),
    ]
}

/// One word of speech: letters (some non-ASCII), digits, and trailing
/// punctuation, but never a colon, parenthesis or bracket.
fn word() -> impl Strategy<Value = String> {
    (
        "[a-zA-Z0-9éüñßøçΩж日本]{1,8}",
        prop::sample::select(vec!["", "", "", ",", ".", "'s", "—", "!", "?"]),
    )
        .prop_map(|(w, p)| format!("{w}{p}"))
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..8).prop_map(|ws| ws.join(" "))
}

fn paragraph() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(line(), 1..4)
}

fn speaker() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Dr. Torres".to_string()),
        Just("Alex".to_string()),
        Just("Zoë".to_string()),
        "(Ms\\. )?[A-ZÉÖ][a-zäöüéñ]{1,7}( [A-Z][a-z]{1,6})?",
    ]
}

/// A speaker and the paragraphs (lists of lines) they say.
type GenTurn = (String, Vec<Vec<String>>);
/// A mark's minute past 10:00 and its turns.
type GenSegment = (u32, Vec<GenTurn>);

fn turn() -> impl Strategy<Value = GenTurn> {
    (speaker(), prop::collection::vec(paragraph(), 1..4))
}

fn session() -> impl Strategy<Value = Vec<GenSegment>> {
    prop::collection::vec((0u32..60, prop::collection::vec(turn(), 1..9)), 1..7)
}

fn render(segments: &[GenSegment], crlf: bool) -> String {
    let mut s = String::from(
        "Session 14/24\nDate: July 31, 2025\nTime: 10:00 AM\nClient: Alex (Product Designer)\n\
         Professional: Dr. Harper Torres (Licensed Clinical Psychologist)\n\n",
    );
    for (minute, turns) in segments {
        s.push_str(&format!("**[10:{minute:02}]**  \n"));
        for (speaker, paras) in turns {
            for (pi, para) in paras.iter().enumerate() {
                for (li, line) in para.iter().enumerate() {
                    if pi == 0 && li == 0 {
                        s.push_str(speaker);
                        s.push_str(": ");
                    }
                    s.push_str(line);
                    s.push_str("  \n");
                }
                s.push('\n');
            }
        }
    }
    s.push_str("(End of session)");
    if crlf {
        s = s.replace('\n', "\r\n");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_input_never_panics(s in any::<String>()) {
        let _ = parse(&s);
    }

    #[test]
    fn structured_noise_never_panics(chars in prop::collection::vec(rich_char(), 0..200)) {
        let s: String = chars.into_iter().collect();
        if let Ok(tr) = parse(&s) {
            prop_assert!(tr.turns().any(|(sp, _, _)| !sp.is_empty()));
        }
    }

    #[test]
    fn round_trip(segs in session(), crlf in any::<bool>()) {
        let src = render(&segs, crlf);
        let tr = parse(&src).unwrap();
        let expected: Vec<(String, String)> = segs
            .iter()
            .flat_map(|(_, ts)| ts.iter())
            .map(|(sp, paras)| {
                let text = paras.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n\n");
                (sp.clone(), text)
            })
            .collect();
        let got: Vec<(String, String)> =
            tr.turns().map(|(s, _, x)| (s.to_string(), x.to_string())).collect();
        prop_assert_eq!(got, expected);
        prop_assert_eq!(tr.segments.len(), segs.len());
        prop_assert!(tr.ended);
        for (sp, role, _) in tr.turns() {
            let want = match sp {
                "Dr. Torres" => Role::Clinician,
                "Alex" => Role::Client,
                "Zoë" => Role::Unknown,
                _ => continue,
            };
            prop_assert_eq!(role, &want);
        }
    }
}

#[test]
fn a_typed_transcript_lists_its_speakers_in_the_order_they_first_speak() {
    let tr = parse(SAMPLE).unwrap();
    assert_eq!(roles::speakers(&tr), ["Dr. Torres", "Alex"]);
}

#[test]
fn the_clinician_is_found_by_name_or_else_by_the_role_the_transcript_gives() {
    let tr = parse(SAMPLE).unwrap();
    let found = |name| roles::clinician_speaker(&tr, name);
    assert_eq!(found("Dr. Harper Torres").as_deref(), Some("Dr. Torres"));
    assert_eq!(found("dr. torres").as_deref(), Some("Dr. Torres"));
    // Nobody of that name speaks: the header named the clinician, so the
    // speaker it made the clinician stands.
    assert_eq!(found("Sam Lee").as_deref(), Some("Dr. Torres"));
    assert_eq!(found("").as_deref(), Some("Dr. Torres"));
}

#[test]
fn confirming_who_you_are_makes_every_other_speaker_the_client() {
    let mut tr = parse("Sam: Hello.\nJo: Hi.\nSam: Shall we start?\n").unwrap();
    tr.header = Header::default();
    roles::confirm_clinician(&mut tr, "Jo");
    assert_eq!(
        turns(&tr)
            .into_iter()
            .map(|(s, r, _)| (s, r))
            .collect::<Vec<_>>(),
        [
            ("Sam".to_string(), Role::Client),
            ("Jo".to_string(), Role::Clinician),
            ("Sam".to_string(), Role::Client)
        ]
    );
    assert_eq!(tr.header.client_name.as_deref(), Some("Sam"));
    assert_eq!(tr.header.clinician_name.as_deref(), Some("Jo"));
    assert!(roles::is_generic_speaker("Speaker 2"));
    assert!(!roles::is_generic_speaker("Sam"));
}

#[test]
fn a_couple_each_with_their_own_description_is_the_client() {
    let src = "Client: Dana Kerr (Teacher) and Sam Osei (Chef)\n\
               Clinician: Ola Brown (Couples Therapist)\n\n\
               [18:30]\nOla: Come in, both.\n\nDana: Thanks.\n";
    let tr = parse(src).unwrap();
    assert_eq!(
        tr.header.client_name.as_deref(),
        Some("Dana Kerr and Sam Osei")
    );
    assert_eq!(
        tr.header.client_occupation.as_deref(),
        Some("Teacher; Chef")
    );
    assert_eq!(tr.header.clinician_name.as_deref(), Some("Ola Brown"));
    let roles: Vec<Role> = turns(&tr).into_iter().map(|(_, role, _)| role).collect();
    assert_eq!(roles, [Role::Clinician, Role::Client]);
}
