//! Connecting to a database: checked before sync is turned on, and how a
//! new device is set up from the server with the vault's passphrase.

use super::Syncing;
use super::transport::send;
use crate::storage::{LocalStorageBackend, Store, adopt_vault};
use crate::sync::{Account, Request, SyncError, VAULT_DOC_ID};
use zeroize::Zeroizing;

/// Whether the database at the account's address exists and lets its user in.
pub async fn check_database(account: &Account) -> Result<(), SyncError> {
    let answer = send(&account.address, &account.credentials, &Request::database()).await;
    match answer?.status {
        200 => Ok(()),
        status => Err(SyncError::from_status(status)),
    }
}

/// Sets this empty device up from the database: its vault, opened with
/// `passphrase`, becomes this device's, then everything is pulled. Nothing
/// is written here unless the database and the passphrase are right, and
/// the passphrase is wiped from memory once used.
pub async fn set_up_from_server(
    sync: Syncing,
    account: Account,
    passphrase: Zeroizing<String>,
) -> Result<(), String> {
    check_database(&account).await.map_err(|e| e.to_string())?;
    let vault = send(
        &account.address,
        &account.credentials,
        &Request::get_doc(VAULT_DOC_ID),
    )
    .await
    .map_err(|why| SyncError::from(why).to_string())?;
    let header = match vault.status {
        200 => vault.body["c"]
            .as_str()
            .ok_or_else(|| SyncError::NotSessionpad.to_string())?,
        404 => {
            return Err(
                "This database holds no notes yet. Turn on sync on the device that has \
                        them first."
                    .into(),
            );
        }
        status => return Err(SyncError::from_status(status).to_string()),
    };
    let mut backend = LocalStorageBackend::open().map_err(|e| e.to_string())?;
    let unlocked = adopt_vault(&mut backend, header, &passphrase)?;
    let (mut store, problems) =
        Store::open_unlocked(Box::new(backend), unlocked).map_err(|e| e.to_string())?;
    store
        .save_sync_account(&account)
        .map_err(|e| e.to_string())?;
    sync.set_up_from_server(store);
    sync.records.saving.report_all(&problems);
    sync.start();
    Ok(())
}
