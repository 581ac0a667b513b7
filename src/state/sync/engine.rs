//! The running sync: two loops around the replicator, one pushing this
//! device's saves, one pulling the server's changes as they happen.
//!
//! - A push starts shortly after each save (saves close together go in one
//!   run), and once at the start.
//! - A pull runs at the start, then waits on the changes feed
//!   (`feed=longpoll`), so another device's edit arrives within moments.
//! - A run that fails is tried again after a wait that doubles each time,
//!   up to a minute, or at once when the browser comes back online.
//! - Both stop when sync is turned off; locking reloads the page, which
//!   stops everything, and sync starts again after unlocking.
//! - Both stop for good when the server's vault header was refused: the
//!   status bar and "This device" say what to do, and nothing more is sent
//!   until sync is turned off and on again.
//! - What a run did not take from the server, or moved, is said beside the
//!   status as it happens.
//!
//! Editing never waits for any of it, and a failed run loses nothing: the
//! store keeps every change until a run takes it.

use super::Syncing;
use super::transport::{LONGPOLL_WAIT_MS, send};
use crate::platform::now_ms;
use crate::storage::{Replica, StorageError};
use crate::sync::{
    Account, Direction, Replication, Step, Summary, SyncError, SyncStatus, ignored_document,
};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

/// Documents per batch of the changes feed.
const BATCH: usize = 100;
/// How long a push waits for more saves before it starts.
const GATHER_SAVES: Duration = Duration::from_millis(250);
const FIRST_RETRY_MS: u64 = 1_000;
const LAST_RETRY_MS: u64 = 60_000;

/// Runs sync with `account` as run number `run`: the loops end by
/// themselves when sync is turned off or the page closes.
pub(super) fn run(sync: Syncing, account: Account, run: u64) {
    let engine = Rc::new(Engine {
        sync,
        account,
        run,
        push_wake: Wake::default(),
        pull_wake: Wake::default(),
        outcome: RefCell::new([None, None]),
        online: RefCell::new(None),
    });
    engine.watch();
    let push = engine.clone();
    leptos::task::spawn_local(async move { push.pushing().await });
    leptos::task::spawn_local(async move {
        engine.clone().pulling().await;
        engine.stop();
    });
}

struct Engine {
    sync: Syncing,
    account: Account,
    /// The sync run this engine belongs to (see `Syncing::stopped`).
    run: u64,
    push_wake: Wake,
    pull_wake: Wake,
    /// How the last push and the last pull ended, for the status bar;
    /// `None` until each has run once.
    outcome: RefCell<[Option<Result<(), SyncError>>; 2]>,
    online: RefCell<Option<WindowListenerHandle>>,
}

fn slot(direction: Direction) -> usize {
    match direction {
        Direction::Push => 0,
        Direction::Pull => 1,
    }
}

impl Engine {
    /// Whether sync was turned off, or stopped for good after the server's
    /// vault header was refused.
    fn stopped(&self) -> bool {
        self.sync.stopped(self.run)
            || self
                .sync
                .records
                .update(|s| s.sync_halted().is_some())
                .unwrap_or(true)
    }

    /// Pushes after saves, and retries at once when the browser is online
    /// again, until sync stops.
    fn watch(self: &Rc<Self>) {
        let me = Rc::downgrade(self);
        let push = move || {
            if let Some(me) = me.upgrade() {
                me.push_wake.wake();
            }
        };
        self.sync.wake.set_value(Some(Rc::new(push)));
        let me = self.clone();
        let online = window_event_listener(leptos::ev::online, move |_| {
            me.push_wake.wake();
            me.pull_wake.wake();
        });
        *self.online.borrow_mut() = Some(online);
    }

    /// Lets go of what `watch` listens to, once sync has stopped.
    fn stop(&self) {
        if let Some(online) = self.online.borrow_mut().take() {
            online.remove();
        }
    }

    async fn pushing(self: Rc<Self>) {
        let mut replication = self.replication(Direction::Push);
        let mut retry = Backoff::default();
        let mut first = true;
        loop {
            if self.stopped() {
                return;
            }
            if !first {
                self.push_wake.wait(None).await;
                Wake::default().wait(Some(GATHER_SAVES)).await;
            }
            first = false;
            loop {
                if self.stopped() {
                    return;
                }
                let taken = self.with_replica(|r| r.take_in_all());
                let result = match taken.and_then(|taken| Ok(taken?)) {
                    Ok(()) => self.run_once(&mut replication, None).await.map(|_| ()),
                    Err(e) => Err(e),
                };
                if self.settled(Direction::Push, result) {
                    retry = Backoff::default();
                    break;
                }
                retry.wait(&self.push_wake).await;
            }
        }
    }

    async fn pulling(self: Rc<Self>) {
        let mut replication = self.replication(Direction::Pull);
        let mut retry = Backoff::default();
        let mut wait = None;
        loop {
            if self.stopped() {
                return;
            }
            let result = self.run_once(&mut replication, wait).await;
            if let Ok(summary) = &result {
                if summary.docs_written > 0 {
                    self.sync.records.changed();
                }
                let skipped = summary.unreadable.iter().map(|id| ignored_document(id));
                self.sync.add_notices(skipped.collect());
            }
            if self.settled(Direction::Pull, result.map(|_| ())) {
                retry = Backoff::default();
                wait = Some(LONGPOLL_WAIT_MS);
            } else {
                retry.wait(&self.pull_wake).await;
                wait = None;
            }
        }
    }

    fn replication(&self, direction: Direction) -> Replication {
        let id = self.account.replication_id(direction);
        Replication::new(direction, &id, &crate::platform::new_id(), BATCH)
    }

    /// One step on this device's documents; fails once the page is closing.
    fn with_replica<R>(&self, step: impl FnOnce(&mut Replica<'_>) -> R) -> Result<R, SyncError> {
        let stepped = self
            .sync
            .records
            .update(|s| s.replica(now_ms()).map(|mut r| step(&mut r)));
        let closing = StorageError::Failed("Sessionpad is closing.".into());
        Ok(stepped.unwrap_or(Err(closing))?)
    }

    /// One run: from the start after a failure (or the first time), else
    /// from where the last one ended.
    async fn run_once(
        &self,
        replication: &mut Replication,
        wait_ms: Option<u64>,
    ) -> Result<Summary, SyncError> {
        let mut step = self
            .sync
            .records
            .update(|s| {
                let mut replica = s.replica(now_ms())?;
                Ok(replication.again(&mut replica, wait_ms))
            })
            .unwrap_or(Err(StorageError::Failed("Sessionpad is closing.".into())))?;
        loop {
            let request = match step {
                Step::Send(request) => request,
                Step::Done(summary) => return Ok(summary),
                Step::Failed(error) => return Err(error),
            };
            if self.stopped() {
                return Ok(Summary::default());
            }
            let reply = send(&self.account.address, &self.account.credentials, &request).await;
            step = self
                .sync
                .records
                .update(|s| {
                    let mut replica = s.replica(now_ms())?;
                    Ok(replication.receive(reply, &mut replica))
                })
                .unwrap_or(Err(StorageError::Failed("Sessionpad is closing.".into())))?;
        }
    }

    /// Records how a run in `direction` ended and shows where sync stands;
    /// `true` when it succeeded.
    fn settled(&self, direction: Direction, result: Result<(), SyncError>) -> bool {
        let notices = self.sync.records.update(|s| s.take_sync_notices());
        self.sync.add_notices(notices.unwrap_or_default());
        if let Err(refused @ (SyncError::VaultRefused(_) | SyncError::NewKeyElsewhere)) = &result {
            self.sync.set_status(SyncStatus::Failed(refused.clone()));
            return true;
        }
        if self.stopped() {
            return true;
        }
        let ok = result.is_ok();
        let status = {
            let mut outcome = self.outcome.borrow_mut();
            outcome[slot(direction)] = Some(result);
            let failed = outcome.iter().flatten().find_map(|o| o.as_ref().err());
            match failed {
                Some(e) => SyncStatus::after(Err(e), now_ms()),
                // Synced only once both ways have been brought up to date.
                None if outcome.iter().any(Option::is_none) => SyncStatus::Syncing,
                None => SyncStatus::after(Ok(()), now_ms()),
            }
        };
        self.sync.set_status(status);
        ok
    }
}

/// The wait before trying a failed run again: doubling from a second up to
/// a minute, cut short by a wake (the browser coming back online).
struct Backoff(u64);

impl Default for Backoff {
    fn default() -> Self {
        Self(FIRST_RETRY_MS)
    }
}

impl Backoff {
    async fn wait(&mut self, wake: &Wake) {
        wake.wait(Some(Duration::from_millis(self.0))).await;
        self.0 = (self.0 * 2).min(LAST_RETRY_MS);
    }
}

/// A wait that ends when woken, or after a time if one is given. A wake
/// with nobody waiting is kept for the next wait, so no save is missed.
#[derive(Clone, Default)]
struct Wake(Rc<WakeState>);

#[derive(Default)]
struct WakeState {
    woken: Cell<bool>,
    /// Tells apart the waits, so a timer left from an earlier one is ignored.
    waits: Cell<u64>,
    waker: RefCell<Option<Waker>>,
}

impl Wake {
    fn wake(&self) {
        self.0.woken.set(true);
        if let Some(waker) = self.0.waker.borrow_mut().take() {
            waker.wake();
        }
    }

    fn wait(&self, limit: Option<Duration>) -> impl Future<Output = ()> + use<> {
        let number = self.0.waits.get() + 1;
        self.0.waits.set(number);
        if let Some(limit) = limit {
            let me = self.clone();
            set_timeout(
                move || {
                    if me.0.waits.get() == number {
                        me.wake();
                    }
                },
                limit,
            );
        }
        Waiting(self.clone())
    }
}

struct Waiting(Wake);

impl Future for Waiting {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let state = &self.0.0;
        if state.woken.replace(false) {
            Poll::Ready(())
        } else {
            *state.waker.borrow_mut() = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}
