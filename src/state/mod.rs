//! What the screens share, as small services provided through context,
//! each owning its signals and the methods that change them:
//!
//! - [`Saving`]: whether the last edit is saved, and storage's problems;
//! - [`Records`]: the clinician's records, asked for by what a screen shows,
//!   and changed one way (`edit` queues through autosave, `commit` writes now);
//! - [`Conflicts`]: a record another tab or device changed too;
//! - [`Navigation`]: which screen shows;
//! - [`Device`]: persistence, room in storage, an update waiting;
//! - [`Backups`], [`Vault`], [`Syncing`], [`HandToClient`].
//!
//! A screen asks for the one it needs (`use_records()`, …); none of them
//! hands out the store itself.

mod autosave;
mod backup;
mod conflicts;
mod device;
mod hand_to_client;
mod navigation;
mod opening;
mod other_tabs;
mod records;
mod saving;
mod sync;
mod vault;

pub use backup::{
    Backup, BackupError, BackupStanding, Backups, MAX_BYTES, MergePreview, read_backup, use_backups,
};
pub use conflicts::{Conflicts, use_conflicts};
pub use device::{Device, use_device};
pub use hand_to_client::{HandBackBy, HandToClient, use_hand_to_client};
pub use navigation::{Navigation, use_navigation};
pub use opening::{OpenedStore, Opening, open_browser, open_unlocked};
pub use records::{Commit, DamagedRecord, Deletable, DeletedItem, Records, Revised, use_records};
pub use saving::{NewerData, SaveStatus, Saving, StorageError, use_saving};
pub use sync::{Syncing, check_database, set_up_from_server, use_syncing};
pub use vault::{TriesOnDevice, Unlocked, Vault, VaultError, VaultHeader, VaultStage, use_vault};

use crate::route::Route;
use leptos::prelude::*;

/// Provides every service for the notes opened, at `route`. Each is built
/// on those it needs; sync does not start here (see [`Syncing::start`]).
pub fn provide_services(opened: OpenedStore, route: Route) {
    let OpenedStore {
        store,
        problems,
        not_saving,
    } = opened;
    let newer_data = store.newer_layout().map(|_| NewerData::AtOpen);
    let saving = Saving::new(not_saving.as_ref(), newer_data);
    saving.report_all(&problems);
    let records = Records::new(store, saving);
    let navigation = Navigation::new(route);
    // Each save asks for persistence, then notes the change for the
    // backup reminder, then wakes sync: in the order they are made here.
    let device = Device::new(records);
    let backups = Backups::new(records);
    let syncing = Syncing::new(records);
    let vault = Vault::new(records, syncing);
    provide_context(saving);
    provide_context(records);
    provide_context(Conflicts::new(records));
    provide_context(navigation);
    provide_context(device);
    provide_context(backups);
    provide_context(syncing);
    provide_context(vault);
    provide_context(HandToClient::new(records, vault, navigation));
}

/// The services over a device in memory, for their tests: what a tab
/// opening the notes gets, and another tab of the same device beside it.
#[cfg(test)]
mod fixture {
    use super::{OpenedStore, StorageError, VaultHeader, provide_services};
    use crate::model::note::NoteFormat;
    use crate::model::{Client, Session};
    use crate::route::Route;
    use crate::storage::{Kdf, MemoryBackend, Store};
    use leptos::prelude::Owner;

    /// Every service of a tab opened on `device`, at the roster; a test
    /// runs inside the returned owner (`owner.with(|| …)`).
    pub fn tab_on(device: &MemoryBackend) -> Owner {
        tab_over(Store::open(Box::new(device.clone())).unwrap())
    }

    /// The services of a tab on `device`, its vault unlocked with `passphrase`.
    pub fn unlocked_tab_on(device: &MemoryBackend, passphrase: &str) -> Owner {
        let header = VaultHeader::read(device).unwrap().unwrap();
        let unlocked = header.unlock(passphrase).unwrap();
        tab_over(Store::open_unlocked(Box::new(device.clone()), unlocked).unwrap())
    }

    fn tab_over((store, problems): (Store, Vec<StorageError>)) -> Owner {
        let owner = Owner::new();
        owner.with(|| {
            provide_services(
                OpenedStore {
                    store,
                    problems,
                    not_saving: None,
                },
                Route::Roster,
            )
        });
        owner
    }

    /// A device whose notes are behind `passphrase` (cheaply stretched).
    pub fn locked_device(passphrase: &str) -> MemoryBackend {
        let device = MemoryBackend::new();
        another_tab(&device)
            .turn_on_vault(passphrase, Kdf::with_cost(64, 1))
            .unwrap();
        device
    }

    /// Another tab of the same device, writing straight to storage.
    pub fn another_tab(device: &MemoryBackend) -> Store {
        Store::open(Box::new(device.clone())).unwrap().0
    }

    pub fn client(id: &str, name: &str) -> Client {
        Client::new(id.into(), name, 0).unwrap()
    }

    pub fn session(id: &str, client_id: &str) -> Session {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 7, 31).unwrap();
        Session::next(id.into(), client_id, &[], day, NoteFormat::Soap, 0)
    }
}
