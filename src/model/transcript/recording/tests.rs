use super::*;
use crate::model::transcript::parse;
use crate::model::transcript::roles::is_generic_speaker;
use proptest::prelude::*;

const ZOOM: &str = include_str!("../../../../tests/fixtures/telehealth-zoom.vtt");
const TEAMS: &str = include_str!("../../../../tests/fixtures/teams.vtt");
const SRT: &str = include_str!("../../../../tests/fixtures/session.srt");
const OTTER: &str = include_str!("../../../../tests/fixtures/otter.txt");

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// (minute of the recording, speaker, role, text) for every turn.
fn turns(t: &Transcript) -> Vec<(Option<NaiveTime>, String, Role, String)> {
    t.segments
        .iter()
        .flat_map(|seg| {
            seg.items.iter().filter_map(move |item| match item {
                Item::Turn {
                    speaker,
                    role,
                    text,
                } => Some((seg.mark, speaker.clone(), role.clone(), text.clone())),
                Item::Direction(_) => None,
            })
        })
        .collect()
}

struct Expected {
    name: &'static str,
    input: &'static str,
    format: Format,
    speakers: &'static [&'static str],
    turns: usize,
    first: (u32, &'static str, &'static str),
    last: (u32, &'static str, &'static str),
    minutes: i64,
}

#[test]
fn a_transcript_too_long_to_keep_is_refused_before_parsing_and_a_file_by_its_size() {
    use crate::model::transcript::{MAX_CHARS, check_file_size};
    let turn = "Client: I slept six hours.\n";
    let long = turn.repeat(MAX_CHARS / turn.len() + 1);
    assert_eq!(read(&long, None).unwrap_err(), TranscriptError::TooLong);
    assert!(read(&turn.repeat(10), None).is_ok());
    assert_eq!(
        check_file_size((4 * MAX_CHARS + 1) as f64),
        Err(TranscriptError::TooLong)
    );
    assert_eq!(check_file_size((4 * MAX_CHARS) as f64), Ok(()));
}

#[test]
fn every_format_reads_into_turns_speakers_offsets_and_a_length() {
    let table = [
        Expected {
            name: "telehealth-zoom.vtt",
            input: ZOOM,
            format: Format::WebVtt,
            speakers: &["Harper Torres", "Alex"],
            turns: 36,
            first: (
                0,
                "Harper Torres",
                "Hi Alex, good to see you. Can you hear me all right?",
            ),
            last: (49, "Alex", "See you next week. Bye."),
            minutes: 50,
        },
        Expected {
            name: "teams.vtt",
            input: TEAMS,
            format: Format::WebVtt,
            speakers: &["Sam Lee", "Mira Okafor"],
            turns: 6,
            first: (
                0,
                "Sam Lee",
                "Hi Mira, thanks for joining from school. How did the exposure practice go this week?",
            ),
            last: (24, "Mira Okafor", "Okay, I can do that."),
            minutes: 25,
        },
        Expected {
            name: "session.srt",
            input: SRT,
            format: Format::Srt,
            speakers: &["Speaker 1", "Speaker 2"],
            turns: 4,
            first: (
                0,
                "Speaker 1",
                "Good afternoon. How has your sleep been since we last met?",
            ),
            last: (
                30,
                "Speaker 2",
                "I got up and read in the kitchen, like we planned.",
            ),
            minutes: 30,
        },
        Expected {
            name: "otter.txt",
            input: OTTER,
            format: Format::SpeakerStamps,
            speakers: &["Dana Whitfield", "Jo Park"],
            turns: 6,
            first: (
                0,
                "Dana Whitfield",
                "Hi Jo. Before we start, how was the drive over?",
            ),
            last: (
                47,
                "Jo Park",
                "For next week, I'll take the train two stops each day.",
            ),
            minutes: 48,
        },
    ];
    for e in table {
        let r = read(e.input, Some(e.name)).unwrap_or_else(|err| panic!("{}: {err}", e.name));
        assert_eq!(r.format, e.format, "{}", e.name);
        assert_eq!(r.speakers(), e.speakers, "{}", e.name);
        let all = turns(&r.transcript);
        assert_eq!(all.len(), e.turns, "{}", e.name);
        let pick = |t: &(Option<NaiveTime>, String, Role, String)| (t.0, t.1.clone(), t.3.clone());
        let want = |(m, s, x): (u32, &str, &str)| {
            (
                Some(hm(0, 0) + TimeDelta::minutes(m.into())),
                s.to_string(),
                x.to_string(),
            )
        };
        assert_eq!(pick(&all[0]), want(e.first), "{}", e.name);
        assert_eq!(pick(all.last().unwrap()), want(e.last), "{}", e.name);
        assert_eq!(r.duration_minutes(), Some(e.minutes), "{}", e.name);
        assert_eq!(r.transcript.header.start, None, "{}", e.name);
        // Turns alternate: one speaker's consecutive cues are one turn.
        assert!(all.windows(2).all(|w| w[0].1 != w[1].1), "{}", e.name);
    }
}

#[test]
fn consecutive_cues_of_one_speaker_become_one_turn_with_every_word_in_order() {
    let r = read(ZOOM, None).unwrap();
    let all = turns(&r.transcript);
    assert_eq!(
        all[1].3,
        "Yes, I can hear you. Sorry, the connection was slow to start. \
         I'm at home today, in the spare room, so it's private."
    );
    // The SRT cue naming nobody carries on the speaker before.
    let srt = read(SRT, None).unwrap();
    assert_eq!(
        turns(&srt.transcript)[1].3,
        "Better. I kept the same bedtime most nights. I still woke up at four a couple of times."
    );
    // Paragraphs of a "Name  0:04" export stay paragraphs.
    let otter = read(OTTER, None).unwrap();
    assert_eq!(
        turns(&otter.transcript)[1].3,
        "Fine, thanks. Traffic was light.\n\nI wanted to talk about the panic on the train, though."
    );
    assert_eq!(
        turns(&otter.transcript)[3].3,
        "The train stopped in the tunnel. I thought I was going to faint.\n\n\
         My heart was racing and my hands were tingling."
    );
}

#[test]
fn each_turn_is_marked_at_the_minute_of_the_recording_it_starts_in() {
    let r = read(ZOOM, None).unwrap();
    let marks: Vec<String> = r
        .transcript
        .segments
        .iter()
        .take(6)
        .map(|s| s.mark.unwrap().format("%H:%M").to_string())
        .collect();
    assert_eq!(
        marks,
        ["00:00", "00:01", "00:03", "00:04", "00:05", "00:07"]
    );
    assert_eq!(r.transcript.segments[0].items.len(), 3);
}

#[test]
fn the_start_time_puts_marks_and_the_end_on_the_clock() {
    let r = read(ZOOM, Some("telehealth-zoom.vtt")).unwrap();
    let t = r.confirm(&Confirmed {
        me: Some("Harper Torres".into()),
        start: Some(NaiveTime::from_hms_opt(10, 0, 42).unwrap()),
        ..Confirmed::default()
    });
    assert_eq!(t.header.start, Some(hm(10, 0)));
    assert_eq!(t.end, Some(hm(10, 50)));
    assert_eq!(t.duration_minutes(), Some(50));
    assert_eq!(t.segments[1].mark, Some(hm(10, 1)));
    assert_eq!(t.segments.last().unwrap().mark, Some(hm(10, 49)));
    // Without a start, no clock times are made up.
    let t = r.confirm(&Confirmed::default());
    assert_eq!((t.header.start, t.duration_minutes()), (None, None));
    assert_eq!(t.segments[1].mark, Some(hm(0, 1)));
}

#[test]
fn the_speaker_who_is_you_is_the_clinician_and_the_other_is_the_client() {
    let r = read(ZOOM, None).unwrap();
    let t = r.confirm(&Confirmed {
        me: Some("Harper Torres".into()),
        ..Confirmed::default()
    });
    let all = turns(&t);
    assert!(all.iter().all(|(_, s, role, _)| {
        *role
            == if s == "Harper Torres" {
                Role::Clinician
            } else {
                Role::Client
            }
    }));
    assert_eq!(t.header.client_name.as_deref(), Some("Alex"));
    assert_eq!(t.header.clinician_name.as_deref(), Some("Harper Torres"));
    // Choosing the other speaker swaps them.
    let t = r.confirm(&Confirmed {
        me: Some("Alex".into()),
        ..Confirmed::default()
    });
    assert_eq!(turns(&t)[0].2, Role::Client);
    assert_eq!(t.header.client_name.as_deref(), Some("Harper Torres"));
}

#[test]
fn your_name_from_your_details_preselects_your_speaker() {
    let zoom = read(ZOOM, None).unwrap();
    let teams = read(TEAMS, None).unwrap();
    let srt = read(SRT, None).unwrap();
    let table: [(&Reading, &str, Option<&str>); 9] = [
        (&zoom, "Harper Torres", Some("Harper Torres")),
        (&zoom, "harper TORRES", Some("Harper Torres")),
        (&zoom, "Dr. Harper Torres", Some("Harper Torres")),
        (&zoom, "Harper", Some("Harper Torres")),
        (&zoom, "Dr. Sam Lee", None),
        (&zoom, "", None),
        (&teams, "Sam Lee, LCSW", Some("Sam Lee")),
        (&teams, "Sam", Some("Sam Lee")),
        (&srt, "Dr. Harper Torres", None),
    ];
    for (r, name, want) in table {
        assert_eq!(r.guess_me(name).as_deref(), want, "{name:?}");
    }
}

#[test]
fn speaker_labels_like_speaker_1_are_allowed_but_name_nobody() {
    let r = read(SRT, None).unwrap();
    let t = r.confirm(&Confirmed {
        me: Some("Speaker 1".into()),
        ..Confirmed::default()
    });
    let roles: Vec<Role> = turns(&t).into_iter().map(|x| x.2).collect();
    assert_eq!(
        roles,
        [Role::Clinician, Role::Client, Role::Clinician, Role::Client]
    );
    assert_eq!(t.header.client_name, None);
    assert_eq!(t.header.clinician_name, None);
    assert!(is_generic_speaker("Unknown Speaker"));
    assert!(!is_generic_speaker("Alex"));
}

#[test]
fn with_three_speakers_everyone_but_you_is_the_client_under_their_own_name() {
    let src = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana: Welcome, both of you.\n\n\
               00:00:03.000 --> 00:00:04.000\nJo: Thanks.\n\n\
               00:00:05.000 --> 00:00:06.000\nSam: Hi.\n";
    let r = read(src, None).unwrap();
    let t = r.confirm(&Confirmed {
        me: Some("Dana".into()),
        ..Confirmed::default()
    });
    let got: Vec<(String, Role)> = turns(&t).into_iter().map(|x| (x.1, x.2)).collect();
    assert_eq!(
        got,
        [
            ("Dana".into(), Role::Clinician),
            ("Jo".into(), Role::Client),
            ("Sam".into(), Role::Client)
        ]
    );
    // Two others: the client is asked for, not guessed.
    assert_eq!(t.header.client_name, None);
}

/// A file name and the client, number, date and start it gives.
type FileHints = (
    &'static str,
    Option<&'static str>,
    Option<u32>,
    Option<NaiveDate>,
    Option<NaiveTime>,
);

#[test]
fn the_file_name_prefills_client_session_number_date_and_start() {
    let table: [FileHints; 7] = [
        (
            "Alex 2025-07-31 session 14.vtt",
            Some("Alex"),
            Some(14),
            date(2025, 7, 31),
            None,
        ),
        (
            "zoom_2025-07-31_10-00-00.vtt",
            None,
            None,
            date(2025, 7, 31),
            Some(hm(10, 0)),
        ),
        (
            "GMT20250731-140012_Recording.transcript.vtt",
            None,
            None,
            date(2025, 7, 31),
            None,
        ),
        (
            "2025-07-31 10.00.12 Alex Rivera's Zoom Meeting.vtt",
            Some("Alex Rivera"),
            None,
            date(2025, 7, 31),
            Some(hm(10, 0)),
        ),
        (
            "Mira Okafor_20250304_1405_Teams.vtt",
            Some("Mira Okafor"),
            None,
            date(2025, 3, 4),
            Some(hm(14, 5)),
        ),
        ("session_3.srt", None, Some(3), None, None),
        ("captions.srt", None, None, None, None),
    ];
    for (name, client, number, day, start) in table {
        let h = hints(name);
        assert_eq!(
            (h.client_name.as_deref(), h.session_number, h.date, h.start),
            (client, number, day, start),
            "{name}"
        );
    }
    let r = read(ZOOM, Some("Alex 2025-07-31 session 14.vtt")).unwrap();
    assert_eq!(r.transcript.header.date, date(2025, 7, 31));
    assert_eq!(r.transcript.header.session_number, Some(14));
    // What the clinician enters wins over the file name.
    let t = r.confirm(&Confirmed {
        date: date(2025, 8, 1),
        number: Some(15),
        ..Confirmed::default()
    });
    assert_eq!(
        (t.header.date, t.header.session_number),
        (date(2025, 8, 1), Some(15))
    );
    // The title of a "Name  0:04" export gives its date.
    assert_eq!(
        read(OTTER, None).unwrap().transcript.header.date,
        date(2025, 3, 4)
    );
}

#[test]
fn refused_files_say_why_in_the_clinicians_words() {
    let binary: String = (0u8..64).map(char::from).collect();
    let table: [(&str, Option<&str>, TranscriptError, &str); 8] = [
        ("", Some("a.vtt"), TranscriptError::Empty, "empty"),
        (
            &binary,
            Some("call.vtt"),
            TranscriptError::NotText,
            "not text",
        ),
        ("WEBVTT\n\n", None, TranscriptError::NoCues, "no cues"),
        (
            "WEBVTT\n\nNOTE nothing here\n",
            Some("x.vtt"),
            TranscriptError::NoCues,
            "no cues",
        ),
        (
            "hello there\nno times\n",
            Some("x.srt"),
            TranscriptError::NoCues,
            "no cues",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nAlex: Hi\n",
            None,
            TranscriptError::BadCueTime {
                line: 3,
                text: "00:00:01.000 --> 00:00:0x.000".into(),
            },
            "Line 3",
        ),
        (
            "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n",
            Some("x.srt"),
            TranscriptError::NoCaptionText,
            "no words",
        ),
        (
            "Notes\n\nAlex  0:04\n\nSam  0:09\n",
            None,
            TranscriptError::NotATranscript,
            "no speaker turns",
        ),
    ];
    for (input, name, err, says) in table {
        assert_eq!(read(input, name), Err(err.clone()), "{input:?}");
        let msg = err.to_string();
        assert!(
            msg.contains(says) && msg.ends_with("Nothing was imported."),
            "{msg}"
        );
    }
}

#[test]
fn the_sample_and_every_existing_fixture_read_exactly_as_parse_reads_them() {
    for (name, text) in [
        (
            "session-14-of-24.txt",
            include_str!("../../../../tests/fixtures/session-14-of-24.txt"),
        ),
        (
            "homework-continue.txt",
            include_str!("../../../../tests/fixtures/homework-continue.txt"),
        ),
        (
            "homework-questions.txt",
            include_str!("../../../../tests/fixtures/homework-questions.txt"),
        ),
        (
            "homework-reviews.txt",
            include_str!("../../../../tests/fixtures/homework-reviews.txt"),
        ),
        (
            "homework-time-spans.txt",
            include_str!("../../../../tests/fixtures/homework-time-spans.txt"),
        ),
    ] {
        let r = read(text, Some(name)).unwrap();
        assert_eq!(r.format, Format::Plain, "{name}");
        assert_eq!(r.transcript, parse(text).unwrap(), "{name}");
        assert_eq!(r.confirm(&Confirmed::default()), r.transcript, "{name}");
        assert_eq!(
            r.duration_minutes(),
            r.transcript.duration_minutes(),
            "{name}"
        );
    }
}

// -- property tests -----------------------------------------------------

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9éüñßøçΩж日本]{1,8}[,.!?]?",
        Just("<".to_string()),
        Just("&".to_string()),
        Just("->".to_string()),
    ]
}

/// A cue: its speaker (if named), its lines of words.
type GenCue = (Option<&'static str>, Vec<Vec<String>>);

fn cue() -> impl Strategy<Value = GenCue> {
    (
        prop::option::weighted(
            0.8,
            prop::sample::select(vec!["Harper Torres", "Alex", "Speaker 2"]),
        ),
        prop::collection::vec(prop::collection::vec(word(), 1..6), 1..3),
    )
}

fn clock(ms: u64, sep: char) -> String {
    let s = ms / 1000;
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        ms % 1000
    )
}

fn render(cues: &[GenCue], srt: bool) -> String {
    let mut out = if srt {
        String::new()
    } else {
        "WEBVTT\n\n".to_string()
    };
    for (i, (speaker, lines)) in cues.iter().enumerate() {
        let at = i as u64 * 7_250;
        let sep = if srt { ',' } else { '.' };
        out.push_str(&format!(
            "{}\n{} --> {}\n",
            i + 1,
            clock(at, sep),
            clock(at + 5_000, sep)
        ));
        for (li, line) in lines.iter().enumerate() {
            if li == 0
                && let Some(name) = speaker
            {
                out.push_str(name);
                out.push_str(": ");
            }
            out.push_str(&line.join(" "));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reading_never_panics_whatever_the_input_or_file_name(
        s in any::<String>(),
        ext in prop::sample::select(vec!["vtt", "srt", "txt", "md"]),
    ) {
        let _ = read(&s, Some(&format!("file.{ext}")));
        let _ = read(&s, None);
        let _ = read(&format!("WEBVTT\n\n{s}"), None);
        let _ = hints(&s);
    }

    #[test]
    fn caption_noise_never_panics(
        parts in prop::collection::vec(
            prop::sample::select(vec!["-->", "00:00:01.000", "00:61:00,5", "\n", "\n\n", "<v ", ">", "</v>", "Alex: ", "WEBVTT", "1", " ", "é", "\r"]),
            0..60,
        ),
    ) {
        let s: String = parts.concat();
        if let Ok(r) = read(&s, Some("x.vtt")) {
            prop_assert!(r.transcript.turns().count() > 0);
        }
    }

    #[test]
    fn every_cues_words_are_kept_in_order_in_vtt_and_srt(
        cues in prop::collection::vec(cue(), 1..30),
        srt in any::<bool>(),
    ) {
        let src = render(&cues, srt);
        let r = read(&src, Some(if srt { "s.srt" } else { "s.vtt" })).unwrap();
        let want: Vec<String> = cues.iter().flat_map(|(_, ls)| ls.iter().flatten().cloned()).collect();
        let got: Vec<String> = r
            .transcript
            .turns()
            .flat_map(|(_, _, text)| text.split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .collect();
        prop_assert_eq!(got, want);
        // No two turns in a row by one named speaker.
        let speakers: Vec<&str> = r.transcript.turns().map(|(s, _, _)| s).collect();
        prop_assert!(speakers.windows(2).all(|w| w[0] != w[1] || w[0].is_empty()));
        let minutes = ((cues.len() as u64 - 1) * 7_250 + 5_000 + 30_000) / 60_000;
        prop_assert_eq!(r.duration_minutes(), Some(minutes as i64));
    }
}
