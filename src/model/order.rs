//! Sorting that compiles the sorting algorithm once for the whole app.
//!
//! Each `slice::sort*` call compiles its own copy of std's sort for its
//! element type and comparator, a few KB of wasm apiece. Here the sort runs
//! once, over positions, with the comparison behind `dyn`; each caller only
//! adds a comparison and a swap. The lists sorted this way are at most a few
//! thousand items, so an indirect call per comparison costs nothing visible.
//!
//! Every sort here is stable: items that compare equal keep their order.

use std::cmp::Ordering;

/// `items` in ascending order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// `items` in ascending order of `key`, computed at each comparison as
/// `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `items` in the order `compare` gives.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(&mut order, &mut |a, b| items.swap(a, b));
}

/// The positions `0..len` in the order `compare` gives them, ties in
/// ascending position: the one place std's stable sort is compiled.
#[inline(never)]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the item at `order[i]` to `i` for every `i`, following each cycle
/// of the permutation: at most one swap per item. `order` is used up.
#[inline(never)]
fn permute(order: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut at = start;
        // A position already filled points at itself.
        while order[at] != at {
            let from = std::mem::replace(&mut order[at], at);
            if from == start {
                break; // what was at `start` has reached `at`, its place
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_stays_empty() {
        let mut items: Vec<u32> = Vec::new();
        sort(&mut items);
        sort_by_key(&mut items, |&n| n);
        assert!(items.is_empty());
    }

    #[test]
    fn one_item_stays_as_it_is() {
        let mut items = vec![7];
        sort(&mut items);
        assert_eq!(items, [7]);
    }

    #[test]
    fn numbers_and_strings_come_out_ascending() {
        let mut numbers = vec![5, 3, 9, 1, 3, 8, 2];
        sort(&mut numbers);
        assert_eq!(numbers, [1, 2, 3, 3, 5, 8, 9]);

        let mut words: Vec<String> = ["pear", "apple", "fig"].map(String::from).into();
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
    }

    #[test]
    fn items_with_equal_keys_keep_their_order() {
        let mut sessions = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d"), (0, "e"), (2, "f")];
        sort_by_key(&mut sessions, |s| s.0);
        assert_eq!(
            sessions,
            [(0, "e"), (1, "b"), (1, "d"), (2, "a"), (2, "c"), (2, "f")]
        );
    }

    #[test]
    fn a_false_key_puts_the_matching_items_first_in_their_order() {
        let mut keys = vec!["c1", "s1", "vault", "s2"];
        sort_by_key(&mut keys, |k| *k != "vault");
        assert_eq!(keys, ["vault", "c1", "s1", "s2"]);
    }

    #[test]
    fn a_reversed_key_sorts_newest_first_and_keeps_ties_in_order() {
        let mut deleted = vec![(1, "a"), (3, "b"), (2, "c"), (3, "d")];
        sort_by_key(&mut deleted, |d| std::cmp::Reverse(d.0));
        assert_eq!(deleted, [(3, "b"), (3, "d"), (2, "c"), (1, "a")]);
    }

    #[test]
    fn a_comparator_that_reverses_turns_the_list_around() {
        let mut numbers: Vec<u32> = (0..50).collect();
        sort_by(&mut numbers, |a, b| b.cmp(a));
        assert_eq!(numbers, (0..50).rev().collect::<Vec<_>>());
    }

    #[test]
    fn a_sorted_list_stays_as_it_is() {
        let mut numbers: Vec<u32> = (0..50).collect();
        sort(&mut numbers);
        assert_eq!(numbers, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn items_that_own_memory_are_moved_into_place() {
        let mut names: Vec<Box<str>> = ["b", "c", "a"].map(Box::from).into();
        sort(&mut names);
        assert_eq!(names, ["a", "b", "c"].map(Box::from));
    }

    /// Shuffled lists with many ties, up to lengths past std's small-sort
    /// threshold, against std's stable sort.
    #[test]
    fn the_order_is_always_that_of_std_stable_sort() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in 0..200 {
            for _ in 0..20 {
                let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
                let mut ours = items.clone();
                let mut std = items;
                sort_by_key(&mut ours, |item| item.0);
                std.sort_by_key(|item| item.0);
                assert_eq!(ours, std);
            }
        }
    }
}
