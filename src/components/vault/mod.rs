//! The passphrase lock: the locked screen, its settings under "This
//! device", the recovery key shown once, the Lock button and idle locking.

mod auto_lock;
mod lock_button;
mod lock_panel;
mod locked_screen;
mod recovery_key_dialog;

pub use auto_lock::AutoLock;
pub use lock_button::LockButton;
pub use lock_panel::LockPanel;
pub use locked_screen::LockedScreen;
pub use recovery_key_dialog::RecoveryKeyDialog;
