//! "Hand to client": the measures chosen from a session, the questionnaire
//! the tablet then becomes, handing it back, the PIN that does so without
//! the lock, and the review the clinician sees first.

mod hand_back;
mod hand_to_client_button;
mod item_page;
mod pin_setting;
mod questionnaire;
mod risk_review;

use hand_back::HandBack;
pub use hand_to_client_button::HandToClient;
use item_page::{ItemPage, WholeForm};
pub use pin_setting::PinSetting;
pub use questionnaire::Questionnaire;
pub use risk_review::RiskReviewNotice;
