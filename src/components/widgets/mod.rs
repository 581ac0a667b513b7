//! Small pieces shared by every screen: labelled fields, choices, field errors, missing records.

mod choice;
mod field_error;
mod missing;
mod text_area;
mod text_input;

pub use choice::{ChoiceChips, choice_options, picked};
pub use field_error::FieldError;
pub use missing::{Missing, or_missing};
pub use text_area::TextArea;
pub use text_input::TextInput;
