//! An effect compiled once for the whole app.

use leptos::prelude::*;

/// Runs `run` now and again whenever what it reads changes, as
/// `Effect::new` does. `Effect::new` compiles its scheduling (a task that
/// waits for changes, then reruns the closure under its owner) again for
/// every closure; behind `dyn` one copy serves every effect here.
pub fn effect(run: impl FnMut() + 'static) {
    erased_effect(Box::new(run));
}

fn erased_effect(run: Box<dyn FnMut()>) {
    Effect::new(run);
}
