use super::*;
use crate::model::homework::{Assignment, Review};
use crate::model::measures;
use chrono::NaiveDate;

fn given(id: &str) -> Measure {
    Measure::Given(vec![measures::shipped(id).unwrap()])
}

fn spec(id: &str) -> ChartSpec {
    measure_chart(vec![measures::shipped(id).unwrap()]).unwrap()
}

fn session(number: u32, gad7: Option<u8>) -> Session {
    let mut s = Session {
        id: format!("s{number}"),
        number,
        date: NaiveDate::from_ymd_opt(2025, 5, 1).unwrap()
            + chrono::Days::new(7 * u64::from(number - 1)),
        ..Session::default()
    };
    s.set_score(Scale::Gad7, gad7, 0).unwrap();
    s
}

fn gad7_course(scores: &[Option<u8>]) -> Vec<Session> {
    scores
        .iter()
        .zip(1..)
        .map(|(&g, n)| session(n, g))
        .collect()
}

#[test]
fn sessions_without_a_score_are_left_out_of_the_series() {
    let sessions = gad7_course(&[Some(15), None, Some(12), None]);
    assert_eq!(series(&sessions, &given("gad7")), [(1, 15), (3, 12)]);
    assert_eq!(series(&sessions, &given("phq9")), []);
}

#[test]
fn points_map_into_the_viewbox_from_the_first_to_the_last_session() {
    let scale = Scaling { last: 13, max: 21 };
    assert_eq!(scale.x(1), LEFT);
    assert_eq!(scale.x(13), VIEW_W - RIGHT);
    assert_eq!(scale.y(0), VIEW_H - BOTTOM);
    assert_eq!(scale.y(21), TOP);
    for n in 1..=13 {
        for v in 0..=21 {
            let (x, y) = (scale.x(n), scale.y(v));
            assert!((0..=VIEW_W).contains(&x) && (0..=VIEW_H).contains(&y));
        }
    }
    // A single session still lands inside, at the left.
    assert_eq!(Scaling { last: 1, max: 10 }.x(1), LEFT);
}

#[test]
fn gad7_bands_start_at_5_10_and_15_and_reach_the_top() {
    let scale = Scaling { last: 13, max: 21 };
    let got = bands(&spec("gad7"), scale);
    let labels: Vec<_> = got.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["mild", "moderate", "severe"]);
    let bottoms: Vec<_> = got.iter().map(|b| b.y + b.height).collect();
    assert_eq!(bottoms, [scale.y(5), scale.y(10), scale.y(15)]);
    assert_eq!(got[0].y, scale.y(10));
    assert_eq!(got[2].y, scale.y(21));
    assert_eq!(got.iter().map(|b| b.level).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn phq9_bands_start_at_5_10_15_and_20() {
    let scale = Scaling { last: 5, max: 27 };
    let got = bands(&spec("phq9"), scale);
    let bottoms: Vec<_> = got.iter().map(|b| b.y + b.height).collect();
    assert_eq!(bottoms, [scale.y(5), scale.y(10), scale.y(15), scale.y(20)]);
    assert_eq!(got[3].label, "severe");
    assert_eq!(got[2].label, "moderately severe");
}

#[test]
fn a_fall_of_four_on_gad7_is_a_reliable_improvement_and_three_is_not() {
    assert_eq!(
        trend(&given("gad7"), &[(1, 15), (13, 11)]),
        "GAD-7 fell from 15 to 11 over 13 sessions: reliable improvement"
    );
    assert_eq!(
        trend(&given("gad7"), &[(1, 15), (13, 12)]),
        "GAD-7 fell from 15 to 12 over 13 sessions: no reliable change"
    );
}

#[test]
fn a_change_of_six_on_phq9_is_reliable_and_five_is_not() {
    assert_eq!(
        trend(&given("phq9"), &[(1, 12), (4, 6)]),
        "PHQ-9 fell from 12 to 6 over 4 sessions: reliable recovery"
    );
    assert_eq!(
        trend(&given("phq9"), &[(1, 12), (4, 7)]),
        "PHQ-9 fell from 12 to 7 over 4 sessions: no reliable change"
    );
}

#[test]
fn a_measure_chart_draws_the_bands_above_the_lowest_its_cut_off_and_the_top_of_its_range() {
    let gad7 = spec("gad7");
    let bands: Vec<(u32, &str)> = gad7.bands.iter().map(|(f, l)| (*f, l.as_str())).collect();
    assert_eq!(bands, [(5, "mild"), (10, "moderate"), (15, "severe")]);
    assert_eq!((gad7.max, gad7.cutoff), (21, Some(8)));
    let phq9 = spec("phq9");
    assert_eq!((phq9.max, phq9.cutoff, phq9.bands.len()), (27, Some(10), 4));
    let pcl5 = spec("pcl5");
    assert_eq!(
        (pcl5.max, pcl5.cutoff, pcl5.title.as_str()),
        (80, Some(33), "PCL-5")
    );
    assert_eq!(feelings().max, 10);
    let sessions = gad7_course(&[Some(15), Some(12)]);
    let c = chart(&gad7, &sessions).unwrap();
    assert_eq!(c.cutoff_y, Some(Scaling { last: 2, max: 21 }.y(8)));
}

#[test]
fn a_fall_from_a_case_to_below_the_cut_off_reads_as_reliable_recovery() {
    assert_eq!(
        trend(&given("phq9"), &[(1, 12), (4, 6)]),
        "PHQ-9 fell from 12 to 6 over 4 sessions: reliable recovery"
    );
    assert_eq!(
        trend(&given("pcl5"), &[(1, 50), (6, 40)]),
        "PCL-5 fell from 50 to 40 over 6 sessions: reliable improvement"
    );
}

#[test]
fn a_rise_past_the_threshold_reads_as_reliable_deterioration() {
    assert_eq!(
        trend(&given("phq9"), &[(2, 6), (3, 9), (5, 12)]),
        "PHQ-9 rose from 6 to 12 over 4 sessions: reliable deterioration"
    );
    assert_eq!(
        trend(&given("gad7"), &[(1, 9), (4, 13)]),
        "GAD-7 rose from 9 to 13 over 4 sessions: reliable deterioration"
    );
}

#[test]
fn an_unchanged_score_reads_as_no_reliable_change() {
    assert_eq!(
        trend(&given("gad7"), &[(1, 10), (2, 14), (3, 10)]),
        "GAD-7 was 10 at first and at the latest over 3 sessions: no reliable change"
    );
}

#[test]
fn a_single_score_and_no_scores_are_said_plainly() {
    assert_eq!(
        trend(&given("gad7"), &[(1, 15)]),
        "GAD-7 was 15 in session 1, the only one so far"
    );
    assert_eq!(trend(&given("gad7"), &[]), "GAD-7: nothing recorded yet");
}

#[test]
fn self_ratings_have_no_reliable_change_wording() {
    let anxiety = Measure::Score(Scale::Anxiety);
    assert_eq!(
        trend(&anxiety, &[(1, 8), (13, 4)]),
        "Anxiety fell from 8 to 4 over 13 sessions"
    );
}

#[test]
fn a_chart_without_any_value_is_not_drawn() {
    let sessions = gad7_course(&[None, None]);
    assert_eq!(chart(&spec("gad7"), &sessions), None);
    assert!(course_charts(&sessions, &[]).is_empty());
    assert!(course_charts(&[], &[]).is_empty());
}

#[test]
fn the_gad7_chart_says_its_trend_and_lists_its_numbers() {
    let sessions = gad7_course(&[Some(15), None, Some(11), Some(8)]);
    let c = chart(&spec("gad7"), &sessions).unwrap();
    assert_eq!(
        c.description,
        "GAD-7 fell from 15 to 8 over 4 sessions: reliable improvement. A change of 4 points \
         or more is reliable; the clinical cut-off is 8."
    );
    assert_eq!(
        c.headers().collect::<Vec<_>>(),
        ["Session", "Date", "GAD-7"]
    );
    let rows: Vec<_> = c
        .rows
        .iter()
        .map(|r| (r.number, r.date.as_str(), r.cells.join("|")))
        .collect();
    assert_eq!(
        rows,
        [
            (1, "1 May 2025", "15".to_string()),
            (3, "15 May 2025", "11".to_string()),
            (4, "22 May 2025", "8".to_string()),
        ]
    );
    assert_eq!(c.caption(1), "Session 3, 15 May 2025: GAD-7 11");
    assert_eq!(c.caption(9), "");
    let scale = Scaling { last: 4, max: 21 };
    assert_eq!(
        c.lines[0].dots,
        [
            (scale.x(1), scale.y(15)),
            (scale.x(3), scale.y(11)),
            (scale.x(4), scale.y(8))
        ]
    );
    assert_eq!(
        c.lines[0].points,
        format!(
            "{},{} {},{} {},{}",
            scale.x(1),
            scale.y(15),
            scale.x(3),
            scale.y(11),
            scale.x(4),
            scale.y(8)
        )
    );
    assert_eq!(c.area, [LEFT, TOP, VIEW_W - RIGHT, VIEW_H - BOTTOM]);
    assert_eq!(c.hits[1].at, scale.x(3));
    let ticks: Vec<_> = c.y_ticks.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(ticks, ["0", "5", "10", "15", "21"]);
}

#[test]
fn tap_columns_cover_the_plot_without_overlapping() {
    let sessions = gad7_course(&[Some(15), None, Some(11), Some(8)]);
    let c = chart(&spec("gad7"), &sessions).unwrap();
    assert_eq!(c.hits.first().unwrap().x, 0);
    for pair in c.hits.windows(2) {
        assert_eq!(pair[0].x + pair[0].width, pair[1].x);
    }
    let last = c.hits.last().unwrap();
    assert_eq!(last.x + last.width, VIEW_W);
    assert_eq!(c.hits.iter().map(|h| h.row).collect::<Vec<_>>(), [0, 1, 2]);
    // Thirteen sessions leave each column at least 24 units wide.
    let sessions = gad7_course(&[Some(10); 13]);
    let c = chart(&spec("gad7"), &sessions).unwrap();
    assert!(c.hits.iter().all(|h| h.width >= 24), "{:?}", c.hits);
}

#[test]
fn session_labels_thin_out_on_a_long_course() {
    let short = chart(&spec("gad7"), &gad7_course(&[Some(10); 13])).unwrap();
    assert_eq!(short.x_ticks.len(), 13);
    let long = chart(&spec("gad7"), &gad7_course(&[Some(10); 40])).unwrap();
    assert!(long.x_ticks.len() < 20);
    assert_eq!(long.x_ticks[0].1, "1");
}

#[test]
fn two_ratings_share_a_chart_with_a_cell_each_and_a_dash_when_missing() {
    let mut sessions = gad7_course(&[None, None]);
    sessions[0].ratings.anxiety = Some(8);
    sessions[0].ratings.mood = Some(3);
    sessions[1].ratings.anxiety = Some(6);
    let c = chart(&feelings(), &sessions).unwrap();
    assert_eq!(c.lines.len(), 2);
    assert_eq!(c.lines[1].dots.len(), 1);
    assert_eq!(c.rows[1].cells, ["6", "—"]);
    assert_eq!(c.caption(0), "Session 1, 1 May 2025: Anxiety 8, Mood 3");
    assert_eq!(
        c.description,
        "Anxiety fell from 8 to 6 over 2 sessions. Mood was 3 in session 1, the only one so far."
    );
    assert!(c.bands.is_empty());
}

#[test]
fn homework_done_counts_partly_as_half_of_what_each_session_reviewed() {
    let mut sessions = gad7_course(&[None, None, None]);
    sessions[0]
        .homework
        .add(Assignment::new("a", "Thought record"));
    sessions[0].homework.add(Assignment::new("b", "Walk"));
    sessions[1].review_mut("a").completion = Some(Completion::Done);
    sessions[1].review_mut("b").completion = Some(Completion::Partly);
    sessions[1].homework.add(Assignment::new("c", "Breathing"));
    sessions[2].review_mut("c").completion = Some(Completion::NotDone);
    // Not reviewed yet, and a review of nothing that was assigned: not counted.
    sessions[2].reviews.push(Review::new("b"));
    sessions[2].review_mut("zzz").completion = Some(Completion::Done);
    assert_eq!(series(&sessions, &Measure::HomeworkDone), [(2, 75), (3, 0)]);
    let c = chart(&homework(), &sessions).unwrap();
    assert_eq!(
        c.description,
        "Homework done fell from 75% to 0% over 2 sessions. Each point is the share of the homework \
         reviewed in that session that was done; partly done counts as half."
    );
    assert_eq!(c.caption(0), "Session 2, 8 May 2025: Homework done 75%");
}

#[test]
fn every_measure_given_in_the_course_is_charted_between_the_ratings_and_homework() {
    use crate::model::measures::{MeasureAnswers, Respondent};
    let pcl5 = measures::shipped("pcl5").unwrap();
    let mut sessions = gad7_course(&[Some(15), None, Some(8)]);
    sessions[0].ratings.anxiety = Some(6);
    for (s, value) in sessions.iter_mut().zip([3, 2, 1]) {
        let answers = MeasureAnswers::new(&pcl5, Respondent::Paper, vec![Some(value); 20], 0);
        s.record_measure(answers.unwrap());
    }
    let charts = course_charts(&sessions, &[]);
    let titles: Vec<&str> = charts.iter().map(|c| c.spec.title.as_str()).collect();
    assert_eq!(titles, ["Anxiety and mood (0–10)", "GAD-7", "PCL-5"]);
    assert_eq!(
        charts[2].description,
        "PCL-5 fell from 60 to 20 over 3 sessions: reliable recovery. A change of 10 points or \
         more is reliable; the clinical cut-off is 33."
    );
    assert_eq!(charts[2].rows[1].cells, ["40"]);
}
