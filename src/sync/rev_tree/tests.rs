use super::*;
use proptest::prelude::*;

fn rev(text: &str) -> Rev {
    text.parse().expect("a revision id")
}

fn path(revs: &[&str]) -> Vec<Rev> {
    revs.iter().map(|r| rev(r)).collect()
}

#[test]
fn a_rev_id_reads_back_as_written_and_a_position_of_zero_is_refused() {
    assert_eq!(rev("12-abc").to_string(), "12-abc");
    assert_eq!(rev("12-abc").pos, 12);
    assert!("0-abc".parse::<Rev>().is_err());
    assert!("3".parse::<Rev>().is_err());
    assert!("3-".parse::<Rev>().is_err());
}

#[test]
fn the_winner_is_the_longest_branch_then_the_greatest_hash() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["2-b", "1-a"]), false);
    tree.merge(&path(&["2-c", "1-a"]), false);
    assert_eq!(tree.winner().unwrap().rev, rev("2-c"));
    tree.merge(&path(&["3-a", "2-b", "1-a"]), false);
    assert_eq!(tree.winner().unwrap().rev, rev("3-a"));
}

#[test]
fn the_hash_decides_between_equal_generations_by_its_text() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["2-9f", "1-a"]), false);
    tree.merge(&path(&["2-a0", "1-a"]), false);
    assert_eq!(tree.winner().unwrap().rev, rev("2-a0"));
}

#[test]
fn a_live_leaf_beats_a_longer_deleted_one() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["2-b", "1-a"]), false);
    tree.merge(&path(&["4-z", "3-y", "2-x", "1-a"]), true);
    let winner = tree.winner().unwrap();
    assert_eq!((winner.rev, winner.deleted), (rev("2-b"), false));
    assert!(tree.conflicts().is_empty(), "a tombstone is no conflict");
}

#[test]
fn when_every_leaf_is_deleted_the_longest_tombstone_wins() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["2-b", "1-a"]), true);
    tree.merge(&path(&["3-c", "2-x", "1-a"]), true);
    let winner = tree.winner().unwrap();
    assert_eq!((winner.rev, winner.deleted), (rev("3-c"), true));
}

#[test]
fn conflicts_are_the_live_leaves_that_lost() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["2-b", "1-a"]), false);
    tree.merge(&path(&["2-c", "1-a"]), false);
    tree.merge(&path(&["2-d", "1-a"]), false);
    tree.merge(&path(&["2-e", "1-a"]), true);
    assert_eq!(tree.conflicts(), path(&["2-c", "2-b"]));
}

#[test]
fn a_path_links_into_the_revisions_already_known() {
    let mut tree = RevTree::default();
    assert!(tree.merge(&path(&["2-b", "1-a"]), false));
    assert!(
        !tree.merge(&path(&["2-b", "1-a"]), false),
        "nothing new the second time"
    );
    assert!(tree.merge(&path(&["4-d", "3-c", "2-b"]), false));
    assert_eq!(tree.leaves().len(), 1);
    assert_eq!(
        tree.path(&rev("4-d"), 10).unwrap().revs().unwrap(),
        path(&["4-d", "3-c", "2-b", "1-a"])
    );
}

#[test]
fn stemming_keeps_the_newest_revisions_of_every_branch() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["5-e", "4-d", "3-c", "2-b", "1-a"]), false);
    tree.merge(&path(&["3-x", "2-b", "1-a"]), false);
    tree.stem(2);
    assert!(!tree.contains(&rev("1-a")));
    assert!(tree.contains(&rev("2-b")), "the side branch still needs it");
    assert!(!tree.contains(&rev("3-c")));
    assert_eq!(tree.path(&rev("5-e"), 10).unwrap().ids, ["e", "d"]);
    // A longer path from elsewhere joins the stemmed branch up again.
    tree.merge(&path(&["5-e", "4-d", "3-c"]), false);
    assert_eq!(tree.path(&rev("5-e"), 10).unwrap().ids, ["e", "d", "c"]);
    assert_eq!(tree.leaves().len(), 2);
}

#[test]
fn revs_diff_names_only_the_revisions_not_held() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["2-b", "1-a"]), false);
    assert_eq!(
        tree.missing(&path(&["1-a", "2-b", "2-c", "3-d"])),
        path(&["2-c", "3-d"])
    );
}

#[test]
fn latest_leads_from_an_old_revision_to_the_leaves_after_it() {
    let mut tree = RevTree::default();
    tree.merge(&path(&["3-c", "2-b", "1-a"]), false);
    tree.merge(&path(&["2-x", "1-a"]), false);
    let from = |r: &str| {
        tree.leaves_from(&rev(r))
            .into_iter()
            .map(|l| l.rev)
            .collect::<Vec<_>>()
    };
    assert_eq!(from("2-b"), path(&["3-c"]));
    assert_eq!(from("1-a"), path(&["3-c", "2-x"]));
    assert!(from("9-z").is_empty());
}

fn arbitrary_paths() -> impl Strategy<Value = Vec<(Vec<Rev>, bool)>> {
    // Branches off one shared root, each a few revisions long, some ending
    // in a tombstone.
    prop::collection::vec((1u64..6, "[a-f]{1,3}", any::<bool>()), 1..6).prop_map(|branches| {
        branches
            .into_iter()
            .map(|(len, tag, deleted)| {
                let mut path: Vec<Rev> = (2..=len + 1)
                    .rev()
                    .map(|pos| Rev {
                        pos,
                        hash: format!("{tag}{pos}"),
                    })
                    .collect();
                // One revision id is one version: a tombstone has its own.
                if deleted {
                    path[0].hash.push('x');
                }
                path.push(rev("1-root"));
                (path, deleted)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn the_winner_does_not_depend_on_the_order_paths_arrive_in(
        paths in arbitrary_paths(),
        seed in any::<u64>(),
    ) {
        let mut forward = RevTree::default();
        for (path, deleted) in &paths {
            forward.merge(path, *deleted);
        }
        let mut shuffled = paths.clone();
        let n = shuffled.len();
        for i in 0..n {
            shuffled.swap(i, (seed as usize).wrapping_add(i * 7) % n);
        }
        let mut backward = RevTree::default();
        for (path, deleted) in shuffled.iter().rev() {
            backward.merge(path, *deleted);
        }
        prop_assert_eq!(forward.winner(), backward.winner());
        prop_assert_eq!(forward.conflicts(), backward.conflicts());
    }

    #[test]
    fn a_rev_id_reads_back_whatever_its_hash(pos in 1u64.., hash in "[0-9a-z]{1,32}") {
        let id = Rev { pos, hash };
        prop_assert_eq!(id.to_string().parse::<Rev>(), Ok(id));
    }
}
