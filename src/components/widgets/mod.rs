//! Small pieces shared by every screen: labelled fields (text, dates, times of
//! day), choices, breadcrumbs, undo notices, field errors, missing records,
//! confirmations, boxes that scroll on their own, keyed lists, parts shown
//! on a condition, effects.

mod binding;
mod choice_chips;
mod choice_select;
mod confirm_button;
mod crumbs;
mod effect;
mod field_error;
mod field_form;
mod in_recently_deleted;
mod keyed_list;
mod labelled;
mod left_field;
mod list_select;
mod missing;
mod optional_date;
mod scroll_region;
mod show_if;
mod text_area;
mod text_input;
mod time_input;
mod undo_notice;

pub use binding::Binding;
pub use choice_chips::ChoiceChips;
pub use choice_select::ChoiceSelect;
pub use confirm_button::ConfirmButton;
pub use crumbs::Crumbs;
pub use effect::effect;
pub use field_error::{FieldError, Refusal};
pub use field_form::FieldForm;
pub use in_recently_deleted::InRecentlyDeleted;
pub use keyed_list::keyed_list;
pub use left_field::left_field;
pub use list_select::{ListSelect, selected_index};
pub use missing::{Missing, or_missing};
pub use optional_date::OptionalDate;
pub use scroll_region::ScrollRegion;
pub use show_if::ShowIf;
pub use text_area::TextArea;
pub use text_input::TextInput;
pub use time_input::TimeInput;
pub use undo_notice::UndoNotice;
