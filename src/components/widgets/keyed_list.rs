//! A keyed list compiled once for the whole app.
//!
//! Leptos's `<For>` compiles its keyed diffing again for every item type, key
//! type and closure it is given. The small lists of the app go through
//! [`keyed_list`] instead: items and keys are erased behind `dyn`, so one
//! `<For>` serves them all, and each list only adds a thin layer that boxes
//! its items. Rows are kept, moved and dropped by key exactly as with `<For>`.
//! Long lists and lists people type into keep their own `<For>`.

use leptos::prelude::*;
use std::any::Any;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A key of any type, compared and hashed through its own `Eq` and `Hash`.
trait AnyKey: Send + Sync {
    fn as_any(&self) -> &dyn Any;
    fn same(&self, other: &dyn AnyKey) -> bool;
    fn hash_into(&self, state: &mut dyn Hasher);
}

impl<K: Eq + Hash + Send + Sync + 'static> AnyKey for K {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn same(&self, other: &dyn AnyKey) -> bool {
        other.as_any().downcast_ref::<K>() == Some(self)
    }

    fn hash_into(&self, mut state: &mut dyn Hasher) {
        self.hash(&mut state);
    }
}

#[derive(Clone)]
struct Key(Arc<dyn AnyKey>);

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(&*other.0)
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash_into(state);
    }
}

type Item = Box<dyn Any + Send>;

struct Entry {
    key: Key,
    item: Item,
}

type Items = Box<dyn Fn() -> Vec<Entry> + Send>;
type Row = Arc<dyn Fn(Item) -> AnyView + Send + Sync>;

/// The one `<For>`.
fn erased_for(each: Items, children: Row) -> AnyView {
    view! {
        <For
            each=move || each()
            key=|entry: &Entry| entry.key.clone()
            children=move |entry: Entry| children(entry.item)
        />
    }
    .into_any()
}

/// The rows of `each()`, one `children(item)` per `key(&item)`, as `<For>`
/// draws them: a row whose key stays is kept (and moved), a new key gets a
/// new row, a key that goes takes its row with it.
pub fn keyed_list<I, T, K, N>(
    each: impl Fn() -> I + Send + 'static,
    key: impl Fn(&T) -> K + Send + 'static,
    children: impl Fn(T) -> N + Send + Sync + 'static,
) -> AnyView
where
    I: IntoIterator<Item = T>,
    T: Send + 'static,
    K: Eq + Hash + Send + Sync + 'static,
    N: IntoView + 'static,
{
    let items = move || {
        each()
            .into_iter()
            .map(|item| Entry {
                key: Key(Arc::new(key(&item))),
                item: Box::new(item),
            })
            .collect()
    };
    let row = move |item: Item| match item.downcast::<T>() {
        Ok(item) => children(*item).into_any(),
        // Every item of this list was boxed above as a T.
        Err(_) => unreachable!(),
    };
    erased_for(Box::new(items), Arc::new(row))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;

    fn key<K: Eq + Hash + Send + Sync + 'static>(k: K) -> Key {
        Key(Arc::new(k))
    }

    fn hash(k: &impl Hash) -> u64 {
        let mut h = DefaultHasher::new();
        k.hash(&mut h);
        h.finish()
    }

    #[test]
    fn keys_compare_and_hash_as_their_values() {
        let a = || "a".to_string();
        assert!(key(a()) == key(a()));
        assert!(key(a()) != key("b".to_string()));
        assert_eq!(hash(&key(a())), hash(&a()));
        assert!(key((1u32, a())) == key((1u32, a())));
        assert!(key((1u32, a())) != key((2u32, a())));
    }
}
