//! What concerns this device rather than a client: storage, persistence and the app itself.

mod device_panel;
mod problems_panel;

pub use device_panel::DevicePanel;
pub use problems_panel::ProblemsPanel;
