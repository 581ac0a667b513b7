//! The passphrase lock: the locked screen, its settings under "This
//! device" with a passphrase suggested on request, the recovery key shown
//! once, the Lock button and idle locking.

mod auto_lock;
mod lock_button;
mod lock_panel;
mod locked_screen;
mod recovery_key_dialog;
mod suggest_passphrase;

pub use auto_lock::AutoLock;
pub use lock_button::LockButton;
pub use lock_panel::LockPanel;
pub use locked_screen::LockedScreen;
pub use recovery_key_dialog::RecoveryKeyDialog;
use suggest_passphrase::SuggestPassphrase;
