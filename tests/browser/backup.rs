//! Back up and restore through the real page: the download and the file input.

use crate::support::{
    button, control, local_storage, mount_at, open_store, seed_session, settle, stored, text_of,
};
use sessionpad::model::note::Section;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// Catches downloads instead of letting the browser save them: each is
/// recorded as [file name, object URL], and the URL is kept readable.
fn catch_downloads() {
    js_sys::eval(
        "window.__downloads = [];
         window.__click = window.__click || HTMLAnchorElement.prototype.click;
         window.__revoke = window.__revoke || URL.revokeObjectURL;
         HTMLAnchorElement.prototype.click = function () {
           window.__downloads.push([this.download, this.href]);
         };
         URL.revokeObjectURL = () => {};",
    )
    .unwrap();
}

fn release_downloads() {
    js_sys::eval(
        "HTMLAnchorElement.prototype.click = window.__click; URL.revokeObjectURL = window.__revoke;",
    )
    .unwrap();
}

/// The name and text of the `n`th download caught.
async fn caught_download(n: u32) -> (String, String) {
    let entry = js_sys::eval(&format!("window.__downloads[{n}]")).unwrap();
    let entry: js_sys::Array = entry.unchecked_into();
    let url = entry.get(1).as_string().unwrap();
    let text = js_sys::eval(&format!("fetch({url:?}).then(r => r.text())")).unwrap();
    let text = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(text))
        .await
        .unwrap();
    (entry.get(0).as_string().unwrap(), text.as_string().unwrap())
}

/// Puts `text` in the file input labelled `label`, as choosing a file does.
fn choose_file(root: &web_sys::HtmlElement, label: &str, text: &str) {
    let input = control(root, label);
    js_sys::Reflect::set(&js_sys::global(), &"__chosen".into(), &input).unwrap();
    js_sys::Reflect::set(&js_sys::global(), &"__text".into(), &text.into()).unwrap();
    js_sys::eval(
        "const dt = new DataTransfer();
         dt.items.add(new File([window.__text], 'backup.json', { type: 'application/json' }));
         window.__chosen.files = dt.files;
         window.__chosen.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .unwrap();
}

#[wasm_bindgen_test]
async fn a_backup_downloads_every_record_and_restores_into_real_local_storage() {
    seed_session();
    let mut written = stored("s1");
    written
        .note
        .set_text(Section::Free, "Kept through a backup 🙂".into());
    let mut store = open_store();
    store.save_session(&written).unwrap();
    catch_downloads();

    let (root, app) = mount_at("#/");
    settle().await;
    button(&root, "Back up").click();
    settle().await;
    let (name, text) = caught_download(0).await;
    assert!(
        name.starts_with("sessionpad-backup-") && name.ends_with(".json"),
        "{name}"
    );
    let backup = sessionpad::storage::backup::read_backup(&text, None).unwrap();
    assert_eq!((backup.header.clients, backup.header.sessions), (1, 1));
    root.remove();
    drop(app);

    local_storage().clear().unwrap();
    let (root, _app) = mount_at("#/");
    settle().await;
    choose_file(&root, "Restore from backup", &text);
    settle().await;
    assert!(text_of(&root, "[aria-label='Backup preview']").contains("1 client and 1 session"));
    button(&root, "Replace everything").click();
    settle().await;
    let (safety, _) = caught_download(1).await;
    assert!(safety.ends_with("-before-restore.json"), "{safety}");
    assert_eq!(
        stored("s1").note.text(Section::Free),
        "Kept through a backup 🙂"
    );
    release_downloads();
    root.remove();
}
