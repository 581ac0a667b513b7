//! The frame around every screen: routing, the save status, the problem banner and the prompts that appear over any screen.

mod app;
mod eviction_hint;
mod not_saving_bar;
mod problem_banner;
mod room_warning;
mod save_status;
mod update_prompt;

pub use app::App;
pub use eviction_hint::EvictionHint;
pub use not_saving_bar::NotSavingBar;
pub use problem_banner::{MessageBanner, ProblemBanner};
pub use room_warning::RoomWarning;
pub use save_status::SaveIndicator;
pub use update_prompt::UpdatePrompt;
