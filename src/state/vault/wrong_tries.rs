//! The count of wrong secrets typed on this device, kept in storage so a
//! reload keeps the wait. Read before any store is open: the locked screen
//! counts too.

use crate::model::lock::WrongTries;
use crate::storage::{Backend, LocalStorageBackend, keep_wrong_tries, wrong_tries};

/// Where this device keeps its count; `None` when storage cannot be used,
/// and then the page's own count stands alone.
pub struct TriesOnDevice(Option<Box<dyn Backend>>);

impl TriesOnDevice {
    pub fn open() -> Self {
        Self(
            LocalStorageBackend::open()
                .ok()
                .map(|device| Box::new(device) as Box<dyn Backend>),
        )
    }

    /// The count as stored, by this tab or another.
    pub fn read(&self) -> Option<WrongTries> {
        self.0.as_deref().map(wrong_tries)
    }

    /// Keeps `tries`; storage may refuse (full), and the page still waits.
    pub fn keep(&mut self, tries: WrongTries) {
        if let Some(device) = self.0.as_deref_mut() {
            let _ = keep_wrong_tries(device, tries);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn a_wrong_try_kept_is_read_by_the_next_page_and_a_right_one_clears_it() {
        let device = MemoryBackend::new();
        let mut page = TriesOnDevice(Some(Box::new(device.clone())));
        let wrong = WrongTries::default().after_another(1_000);
        page.keep(wrong);
        let next_page = TriesOnDevice(Some(Box::new(device)));
        assert_eq!(next_page.read(), Some(wrong));
        page.keep(WrongTries::default());
        assert_eq!(next_page.read(), Some(WrongTries::default()));
    }

    #[test]
    fn without_storage_nothing_is_read_and_keeping_is_harmless() {
        let mut page = TriesOnDevice(None);
        page.keep(WrongTries::default().after_another(1_000));
        assert_eq!(page.read(), None);
    }
}
