//! What concerns this device rather than a client: storage, persistence and the app itself.

mod device_panel;

pub use device_panel::DevicePanel;
