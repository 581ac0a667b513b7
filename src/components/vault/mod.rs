//! The passphrase lock: the locked screen, its settings under "This
//! device" with a passphrase suggested on request, the recovery key shown
//! once, the Lock button and idle locking, the wait after wrong tries that
//! unlocking and handing the tablet back share, and how far re-encrypting
//! with a new key has got.

mod auto_lock;
mod lock_button;
mod lock_panel;
mod locked_screen;
mod recovery_key_dialog;
mod rekeying_bar;
mod suggest_passphrase;
mod wrong_tries_gate;

pub use auto_lock::AutoLock;
pub use lock_button::LockButton;
pub use lock_panel::LockPanel;
pub use locked_screen::LockedScreen;
pub use recovery_key_dialog::RecoveryKeyDialog;
pub use rekeying_bar::RekeyingBar;
use suggest_passphrase::SuggestPassphrase;
pub use wrong_tries_gate::WrongTriesGate;
