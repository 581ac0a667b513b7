use crate::model::clock::format_seconds;
use crate::model::lock::WrongTries;
use crate::platform::now_ms;
use crate::state::TriesOnDevice;
use leptos::prelude::*;
use std::time::Duration;

/// The wait after wrong secrets typed on this device: passphrases at the
/// locked screen and PINs or passphrases handing the tablet back count
/// together, so switching screens buys no tries. The count is kept on the
/// device, so a reload keeps the wait.
#[derive(Clone, Copy)]
pub struct WrongTriesGate {
    tries: RwSignal<WrongTries>,
    device: StoredValue<TriesOnDevice, LocalStorage>,
    now: RwSignal<i64>,
    /// The wait as it began, said once rather than counted down: a screen
    /// reader announces every change of a message.
    wait: RwSignal<i64>,
}

impl WrongTriesGate {
    /// Reads the count kept on the device and ticks while the screen shows.
    pub fn start() -> Self {
        let gate = Self {
            tries: RwSignal::new(WrongTries::default()),
            device: StoredValue::new_local(TriesOnDevice::open()),
            now: RwSignal::new(now_ms()),
            wait: RwSignal::new(0),
        };
        gate.tries.set(gate.known());
        gate.wait.set(gate.tries.get_untracked().wait_ms(now_ms()));
        let now = gate.now;
        let ticking =
            set_interval_with_handle(move || now.set(now_ms()), Duration::from_millis(500));
        on_cleanup(move || {
            if let Ok(handle) = ticking {
                handle.clear();
            }
        });
        gate
    }

    /// Another tab counts on the same device, so the stored count is read
    /// again; this page's own stands in when storage refused to keep it.
    fn known(&self) -> WrongTries {
        let stored = self.device.with_value(TriesOnDevice::read);
        stored.unwrap_or_default().max(self.tries.get_untracked())
    }

    fn keep(&self, kept: WrongTries) {
        self.tries.set(kept);
        self.device.update_value(|d| d.keep(kept));
    }

    pub fn seconds_to_wait(&self) -> i64 {
        (self.tries.get().wait_ms(self.now.get()) + 999) / 1000
    }

    /// "Too many tries. Wait 10 s, then try again." while the wait lasts.
    pub fn waiting(&self) -> Signal<Option<String>> {
        let gate = *self;
        Signal::derive(move || {
            (gate.seconds_to_wait() > 0).then(|| {
                format!(
                    "Too many tries. Wait {}, then try again.",
                    format_seconds((gate.wait.get() + 999) / 1000)
                )
            })
        })
    }

    /// Whether a try may be made now.
    pub fn may_try(&self) -> bool {
        self.tries.set(self.known());
        self.tries.get_untracked().wait_ms(now_ms()) == 0
    }

    /// A wrong secret: counted, and the wait it brings begins.
    pub fn wrong(&self) {
        self.keep(self.known().after_another(now_ms()));
        self.wait.set(self.tries.get_untracked().wait_ms(now_ms()));
        self.now.set(now_ms());
    }

    /// The right secret: the count starts again.
    pub fn right(&self) {
        self.keep(WrongTries::default());
    }
}
