use super::measures::Scheduled;
use super::treatment_plan::TreatmentPlan;
use super::{InputError, parse_name, parse_planned};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A course of treatment: what was planned with the client at intake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Course {
    pub planned_sessions: u32,
    pub start_date: Option<NaiveDate>,
    /// The therapy approach, e.g. "CBT" (not in person / telehealth, which is per session).
    pub modality: String,
    /// One goal per line, as the clinician wrote them.
    pub goals: String,
    /// The measures this course gives, and when each is due.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Scheduled>,
}

impl Default for Course {
    fn default() -> Self {
        Self {
            planned_sessions: 12,
            start_date: None,
            modality: String::new(),
            goals: String::new(),
            measures: Vec::new(),
        }
    }
}

impl Course {
    pub fn set_planned(&mut self, input: &str) -> Result<(), InputError> {
        self.planned_sessions = parse_planned(input)?;
        Ok(())
    }

    pub fn goal_list(&self) -> impl Iterator<Item = &str> {
        self.goals.lines().map(str::trim).filter(|g| !g.is_empty())
    }
}

/// A client on the roster. `name` may be a full name or a client code
/// such as "AK-07": many clinicians keep names off the device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Client {
    pub id: String,
    pub name: String,
    pub occupation: String,
    pub notes: String,
    pub archived: bool,
    pub course: Course,
    #[serde(default, skip_serializing_if = "TreatmentPlan::is_empty")]
    pub plan: TreatmentPlan,
    pub created_at: i64,
    /// Bumped by the store on every write; records from before revisions read as 0.
    pub rev: u64,
    /// Which saves this version holds: for each device that saved it (under
    /// the id it had then), the revision of its last save. A version holds
    /// another's words when its entries reach all of the other's; see
    /// `storage::lineage`. Empty before the store wrote it, or from before
    /// this was kept.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub saves: std::collections::BTreeMap<String, u64>,
}

impl Client {
    pub fn new(id: String, name: &str, now: i64) -> Result<Self, InputError> {
        Ok(Self {
            id,
            name: parse_name(name)?,
            created_at: now,
            ..Self::default()
        })
    }

    /// Stands in for a client whose record cannot be read, so that its
    /// sessions still open; never saved over the damaged record.
    pub fn unreadable(id: &str) -> Self {
        Self {
            id: id.to_string(),
            name: "Client record damaged".into(),
            ..Self::default()
        }
    }

    pub fn rename(&mut self, name: &str) -> Result<(), InputError> {
        self.name = parse_name(name)?;
        Ok(())
    }

    /// Renames while the name is typed, saved per keystroke: refused when
    /// empty, like `rename`, but kept as typed, so the space before the next
    /// word is not taken away from under the caret.
    pub fn rename_as_typed(&mut self, name: &str) -> Result<(), InputError> {
        parse_name(name)?;
        self.name = name.to_string();
        Ok(())
    }

    /// The roster's one line about a client: "Product Designer · 24 sessions
    /// planned · CBT", leaving out what is not known.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if !self.occupation.trim().is_empty() {
            parts.push(self.occupation.trim().to_string());
        }
        parts.push(format!("{} sessions planned", self.course.planned_sessions));
        if !self.course.modality.trim().is_empty() {
            parts.push(self.course.modality.trim().to_string());
        }
        parts.join(" · ")
    }

    /// "Alex (Product Designer)" where an occupation is known.
    pub fn display_name(&self) -> String {
        if self.occupation.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.occupation.trim())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roster_summary_leaves_out_what_is_not_known() {
        let mut c = Client::new("c1".into(), "Alex", 0).unwrap();
        assert_eq!(c.summary(), "12 sessions planned");
        c.occupation = " Product Designer ".into();
        c.course.planned_sessions = 24;
        c.course.modality = "CBT".into();
        assert_eq!(c.summary(), "Product Designer · 24 sessions planned · CBT");
    }

    #[test]
    fn a_name_being_typed_keeps_its_spaces_but_may_not_be_emptied() {
        let mut c = Client::new("c1".into(), "Alex", 0).unwrap();
        c.rename_as_typed("Alex ").unwrap();
        assert_eq!(c.name, "Alex ");
        assert_eq!(c.rename_as_typed(" "), Err(InputError::EmptyName));
        assert_eq!(c.name, "Alex ");
    }

    #[test]
    fn a_client_needs_a_name_or_code() {
        let c = Client::new("c1".into(), "  AK-07 ", 5).unwrap();
        assert_eq!(c.name, "AK-07");
        assert_eq!(c.created_at, 5);
        assert!(!c.archived);
        assert_eq!(c.course.planned_sessions, 12);
        assert_eq!(Client::new("c2".into(), "", 5), Err(InputError::EmptyName));
    }

    #[test]
    fn renaming_to_blank_is_refused_and_keeps_the_old_name() {
        let mut c = Client::new("c1".into(), "Alex", 0).unwrap();
        assert_eq!(c.rename("   "), Err(InputError::EmptyName));
        assert_eq!(c.name, "Alex");
        c.rename("Alex K.").unwrap();
        assert_eq!(c.name, "Alex K.");
    }

    #[test]
    fn display_name_includes_occupation() {
        let mut c = Client::new("c1".into(), "Alex", 0).unwrap();
        assert_eq!(c.display_name(), "Alex");
        c.occupation = "Product Designer".into();
        assert_eq!(c.display_name(), "Alex (Product Designer)");
    }

    #[test]
    fn planned_count_below_one_is_refused_and_kept() {
        let mut course = Course::default();
        assert_eq!(course.set_planned("0"), Err(InputError::PlannedBelowOne));
        assert_eq!(course.planned_sessions, 12);
        course.set_planned("24").unwrap();
        assert_eq!(course.planned_sessions, 24);
    }

    #[test]
    fn goals_are_listed_one_per_line() {
        let course = Course {
            goals: "Reduce perfectionism\n\n  Sleep 7 h  \n".into(),
            ..Course::default()
        };
        assert_eq!(
            course.goal_list().collect::<Vec<_>>(),
            ["Reduce perfectionism", "Sleep 7 h"]
        );
    }

    #[test]
    fn records_written_before_a_field_existed_still_decode() {
        let c: Client = serde_json::from_str(r#"{"id":"c1","name":"Alex"}"#).unwrap();
        assert_eq!(c.name, "Alex");
        assert_eq!(c.course, Course::default());
    }
}
