//! One client: the course of treatment, the session list, charts of the course, the treatment plan, homework over the course, the printable client copy, and deleting a client.

mod client_homework;
mod client_page;
mod course_charts;
mod damaged_client;
mod delete_client;
mod homework_copy;
mod measure_schedule;
mod score_chart;
mod treatment_plan_panel;
mod unresolved_changes;

pub use client_homework::ClientHomework;
pub use client_page::ClientPage;
pub use course_charts::CourseCharts;
pub use damaged_client::DamagedClient;
pub use delete_client::DeleteClient;
pub use homework_copy::HomeworkCopy;
pub use measure_schedule::MeasureSchedule;
pub use score_chart::ScoreChart;
pub use treatment_plan_panel::TreatmentPlanPanel;
pub use unresolved_changes::UnresolvedChanges;
