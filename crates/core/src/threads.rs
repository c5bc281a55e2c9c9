//! Reply threads with their statistics, built once from the reply forest and shared through
//! [`Context::threads`](crate::Context::threads).
//!
//! Definitions (those of the peer pipeline, `shared/bench/peers.py`, step "conversations"):
//! a *thread* is a root post of the reply forest (a post that replies to nothing in the data)
//! with all its reply descendants, counted only when it has at least one reply. Reposts are
//! not part of a thread. A reply whose parent is missing from the data is a root, so it
//! starts a thread of its own (counted in [`Threads::dangling_roots`]).
//!
//! - `size`: posts in the thread, the root included;
//! - `depth`: the longest reply chain, in hops from the root;
//! - `participants`: distinct authors in the thread, the root's author included;
//! - `first_reply_s`: seconds from the root to its first *direct* reply;
//! - `duration_s`: seconds from the root to the thread's last post;
//! - `brand_replies`: replies written by one of the brand's accounts.
//!
//! Design decision: a few linear passes over flat arrays (the forest's `root` and `depth`,
//! one counting sort to group posts by thread, one stamp array over accounts to count
//! participants) — no map and no allocation per post or per thread, so a million posts take
//! a few milliseconds.

use crate::index::{Csr, Forest};
use crate::model::{AccountIx, Dataset, PostIx, PostKind, post_flags};

/// One reply thread (a root with at least one reply).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thread {
    /// The root post.
    pub root: PostIx,
    /// Posts in the thread, the root included (≥ 2).
    pub size: u32,
    /// Longest reply chain, in hops from the root (≥ 1).
    pub depth: u32,
    /// Distinct authors, the root's author included.
    pub participants: u32,
    /// Seconds from the root to its first direct reply (`None` when every direct reply is a
    /// repost, which cannot have replies of its own in sane data).
    pub first_reply_s: Option<i64>,
    /// Seconds from the root to the thread's last post.
    pub duration_s: i64,
    /// Replies written by a brand account (the root is not a reply).
    pub brand_replies: u32,
}

impl Thread {
    /// Replies in the thread (`size − 1`).
    pub fn replies(&self) -> u32 {
        self.size.saturating_sub(1)
    }
}

/// All reply threads of a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Threads {
    /// The threads, in the order of their root posts.
    pub threads: Vec<Thread>,
    /// The thread of each post (index into `threads`), [`Threads::NONE`] for a post that is in
    /// no thread (a root without replies, or a repost).
    pub thread_of: Vec<u32>,
    /// The posts of each thread, in post order (the root first when it is earlier in the
    /// file, as it usually is).
    pub members: Csr,
    /// Threads whose root is a reply to a post that is missing from the data.
    pub dangling_roots: u64,
}

impl Threads {
    /// Marks "in no thread".
    pub const NONE: u32 = u32::MAX;

    /// Builds the threads from the reply forest; `is_brand` says which accounts are the
    /// brand's.
    pub fn build(data: &Dataset, forest: &Forest, is_brand: impl Fn(AccountIx) -> bool) -> Threads {
        let posts = &data.posts;
        let n = posts.len().min(forest.root.len());
        // Members per root (reposts are not members), then thread ids for the roots with at
        // least one reply.
        let mut tid = vec![0u32; n];
        for (i, p) in posts[..n].iter().enumerate() {
            if p.kind() != PostKind::Repost {
                tid[forest.root[i] as usize] += 1;
            }
        }
        let mut k = 0u32;
        let mut offsets: Vec<usize> = vec![0];
        for t in tid.iter_mut() {
            if *t >= 2 {
                offsets.push(offsets[offsets.len() - 1] + *t as usize);
                *t = k;
                k += 1;
            } else {
                *t = Self::NONE;
            }
        }
        // Group the members by thread (a counting sort, post order kept), copying what the
        // statistics need into flat arrays in the same order, so that the pass per thread
        // below reads them in sequence instead of jumping through the posts.
        let m = offsets[k as usize];
        let mut fill = offsets.clone();
        let mut thread_of = vec![Self::NONE; n];
        let mut targets = vec![0u32; m];
        let mut author = vec![0u32; m];
        let mut at = vec![0i64; m];
        let mut depth = vec![0u32; m];
        let mut direct = vec![false; m];
        for (i, p) in posts[..n].iter().enumerate() {
            let t = tid[forest.root[i] as usize];
            if t == Self::NONE || p.kind() == PostKind::Repost {
                continue;
            }
            thread_of[i] = t;
            let s = fill[t as usize];
            fill[t as usize] += 1;
            targets[s] = i as u32;
            author[s] = p.author;
            at[s] = p.created_at;
            depth[s] = forest.depth[i];
            direct[s] = forest.parent[i] == forest.root[i];
        }
        drop((tid, fill));
        // Per thread, over its members: participants by a stamp per account, the rest by
        // minimum and maximum.
        let mut stamp = vec![Self::NONE; data.accounts.len()];
        let mut threads = Vec::with_capacity(k as usize);
        let mut dangling_roots = 0u64;
        for t in 0..k {
            let (lo, hi) = (offsets[t as usize], offsets[t as usize + 1]);
            let root = forest.root[targets[lo] as usize];
            let t0 = posts[root as usize].created_at;
            let mut th = Thread {
                root,
                size: (hi - lo) as u32,
                depth: 0,
                participants: 0,
                first_reply_s: None,
                duration_s: 0,
                brand_replies: 0,
            };
            let mut last = t0;
            for s in lo..hi {
                let a = author[s] as usize;
                if a < stamp.len() && stamp[a] != t {
                    stamp[a] = t;
                    th.participants += 1;
                }
                th.depth = th.depth.max(depth[s]);
                last = last.max(at[s]);
                if targets[s] != root {
                    if is_brand(author[s]) {
                        th.brand_replies += 1;
                    }
                    if direct[s] {
                        let d = at[s] - t0;
                        th.first_reply_s = Some(th.first_reply_s.map_or(d, |f| f.min(d)));
                    }
                }
            }
            th.duration_s = last - t0;
            if posts[root as usize].flags & post_flags::DANGLING_REPLY != 0 {
                dangling_roots += 1;
            }
            threads.push(th);
        }
        Threads {
            threads,
            thread_of,
            members: Csr { offsets, targets },
            dangling_roots,
        }
    }

    /// The thread a post belongs to (index into `threads`).
    pub fn of(&self, p: PostIx) -> Option<u32> {
        self.thread_of
            .get(p as usize)
            .copied()
            .filter(|&t| t != Self::NONE)
    }

    /// The posts of thread `t`, in post order.
    pub fn posts(&self, t: u32) -> &[PostIx] {
        self.members.neighbours(t)
    }

    /// Number of threads.
    pub fn len(&self) -> usize {
        self.threads.len()
    }

    /// Whether there are no threads.
    pub fn is_empty(&self) -> bool {
        self.threads.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Account, Post};

    fn post(id: &str, author: u32, at: i64, reply_to: Option<u32>) -> Post {
        Post {
            id: id.into(),
            author,
            created_at: at,
            reply_to,
            ..Post::default()
        }
    }

    #[test]
    fn sizes_depths_participants_and_first_replies_by_hand() {
        let mut d = Dataset::default();
        for i in 0..4 {
            d.accounts.push(Account {
                id: format!("{i}").into(),
                ..Account::default()
            });
        }
        // Thread A: 0 (author 0, t=0) ← 1 (1, t=600) ← 2 (0, t=900) ← 3 (3 = brand, t=5000);
        //           0 ← 4 (2, t=300).
        // Post 5 alone; post 6 a repost of 0 (not in the thread); 7 a reply to a missing
        // post (dangling, a root) ← 8 (1, +60).
        d.posts.push(post("a", 0, 0, None));
        d.posts.push(post("b", 1, 600, Some(0)));
        d.posts.push(post("c", 0, 900, Some(1)));
        d.posts.push(post("d", 3, 5_000, Some(2)));
        d.posts.push(post("e", 2, 300, Some(0)));
        d.posts.push(post("f", 1, 50, None));
        let mut rp = post("g", 2, 70, None);
        rp.repost_of = Some(0);
        d.posts.push(rp);
        let mut dangling = post("h", 2, 10_000, None);
        dangling.flags = post_flags::DANGLING_REPLY;
        d.posts.push(dangling);
        d.posts.push(post("i", 1, 10_060, Some(7)));
        let f = Forest::build(d.posts.len(), |i| d.posts[i].reply_to);
        let t = Threads::build(&d, &f, |a| a == 3);
        assert_eq!(t.len(), 2);
        // Thread A: size 5 (0,1,2,3,4), depth 3 (0→1→2→3), authors {0,1,3,2} = 4, first
        // direct reply 4 at t=300, last post at 5000, one brand reply.
        assert_eq!(
            t.threads[0],
            Thread {
                root: 0,
                size: 5,
                depth: 3,
                participants: 4,
                first_reply_s: Some(300),
                duration_s: 5_000,
                brand_replies: 1,
            }
        );
        // Thread of the dangling reply: 7 ← 8, 60 s.
        assert_eq!(
            t.threads[1],
            Thread {
                root: 7,
                size: 2,
                depth: 1,
                participants: 2,
                first_reply_s: Some(60),
                duration_s: 60,
                brand_replies: 0,
            }
        );
        assert_eq!(t.dangling_roots, 1);
        assert_eq!(t.posts(0), &[0, 1, 2, 3, 4]);
        assert_eq!((t.of(5), t.of(6), t.of(8)), (None, None, Some(1)));
        assert_eq!(t.threads[0].replies(), 4);
    }
}
