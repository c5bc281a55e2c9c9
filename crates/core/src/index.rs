//! Flat index structures the shared indexes are made of: adjacency in compressed sparse rows
//! ([`Csr`]), the follow graph both ways ([`FollowGraph`]), forests of posts linked by
//! replies or reposts ([`Forest`]), and the engagement of every post ([`Engagement`]). Plain data with no knowledge of the [`Context`](crate::Context)
//! that builds them, so the graph algorithms and the thread index can use them from below.

/// Compressed sparse rows: the neighbours of node `i` are `targets[offsets[i]..offsets[i+1]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Csr {
    /// `n + 1` offsets into `targets`.
    pub offsets: Vec<usize>,
    /// Concatenated neighbour lists, each sorted ascending.
    pub targets: Vec<u32>,
}

impl Csr {
    /// Builds a CSR over `n` nodes from `(from, to)` pairs by counting sort (stable, O(n + m)).
    pub fn from_pairs(n: usize, pairs: impl Iterator<Item = (u32, u32)> + Clone) -> Csr {
        let mut offsets = vec![0usize; n + 1];
        for (a, _) in pairs.clone() {
            offsets[a as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[n]];
        for (a, b) in pairs {
            targets[fill[a as usize]] = b;
            fill[a as usize] += 1;
        }
        for i in 0..n {
            targets[offsets[i]..offsets[i + 1]].sort_unstable();
        }
        Csr { offsets, targets }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Neighbours of `i`.
    pub fn neighbours(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.targets[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Degree of `i`.
    pub fn degree(&self, i: u32) -> usize {
        let i = i as usize;
        self.offsets[i + 1] - self.offsets[i]
    }
}

/// The directed follow graph over all accounts, both ways.
#[derive(Debug, Clone, Default)]
pub struct FollowGraph {
    /// `out.neighbours(a)`: the accounts `a` follows (duplicates and self-loops removed).
    pub out: std::sync::Arc<Csr>,
    /// `inc.neighbours(a)`: the accounts that follow `a`.
    pub inc: std::sync::Arc<Csr>,
}

/// Posts linked by one kind of reference (a reply to its parent, a repost to its original)
/// as a forest: every post has a root (itself when it refers to nothing in the data) and a
/// depth (hops from the root). Thread and cascade statistics follow from it: a reply thread
/// is a root with all its reply descendants (the peer pipeline's definition in
/// `shared/bench/peers.py`), a repost cascade likewise over `repost_of`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Forest {
    /// Parent of each post, `NONE` for a root.
    pub parent: Vec<u32>,
    /// Root of each post's tree.
    pub root: Vec<u32>,
    /// Hops from the root (0 for a root).
    pub depth: Vec<u32>,
    /// Children of each post, in post order.
    pub children: Csr,
    /// References that would close a loop (`a` replies to `b`, `b` to `a`): cut, the post
    /// that closed it becomes a root. Counted so a plugin can say so.
    pub cycles_cut: u64,
}

impl Forest {
    /// Marks "no parent".
    pub const NONE: u32 = u32::MAX;

    /// Builds the forest over `n` posts from each post's parent.
    pub fn build(n: usize, parent_of: impl Fn(usize) -> Option<u32>) -> Forest {
        let mut parent: Vec<u32> = (0..n)
            .map(|i| {
                parent_of(i)
                    .filter(|&p| (p as usize) < n && p as usize != i)
                    .unwrap_or(Self::NONE)
            })
            .collect();
        let mut root = vec![Self::NONE; n];
        let mut depth = vec![0u32; n];
        // 0 = not seen, 1 = on the current path, 2 = done.
        let mut state = vec![0u8; n];
        let mut path: Vec<u32> = Vec::new();
        let mut cycles_cut = 0u64;
        for start in 0..n {
            if state[start] == 2 {
                continue;
            }
            path.clear();
            let mut v = start as u32;
            // Walk up until a finished node, a root, or a loop.
            loop {
                state[v as usize] = 1;
                path.push(v);
                let p = parent[v as usize];
                if p == Self::NONE || state[p as usize] == 2 {
                    break;
                }
                if state[p as usize] == 1 {
                    // A loop: cut the reference that closes it.
                    parent[v as usize] = Self::NONE;
                    cycles_cut += 1;
                    break;
                }
                v = p;
            }
            // Fill in from the top of the path down.
            for &u in path.iter().rev() {
                let p = parent[u as usize];
                if p == Self::NONE {
                    root[u as usize] = u;
                    depth[u as usize] = 0;
                } else {
                    root[u as usize] = root[p as usize];
                    depth[u as usize] = depth[p as usize] + 1;
                }
                state[u as usize] = 2;
            }
        }
        let children = Csr::from_pairs(
            n,
            parent
                .iter()
                .enumerate()
                .filter(|(_, p)| **p != Self::NONE)
                .map(|(i, &p)| (p, i as u32)),
        );
        Forest {
            parent,
            root,
            depth,
            children,
            cycles_cut,
        }
    }

    /// Size of the tree under `v`, `v` included.
    pub fn subtree_size(&self, v: u32) -> usize {
        let mut size = 0;
        let mut stack = vec![v];
        while let Some(u) = stack.pop() {
            size += 1;
            stack.extend_from_slice(self.children.neighbours(u));
        }
        size
    }
}

/// Engagement per post, one definition for every plugin: likes + reposts + replies as
/// exported ([`Post::engagement`](crate::Post::engagement)), plus the quotes found in the data
/// (no column holds them), plus the reposts and replies found in the data when their count
/// column is missing everywhere.
#[derive(Debug, Clone, Default)]
pub struct Engagement {
    /// Interactions found in the data, per post (empty when there are none).
    extra: Vec<u32>,
    /// Quotes found in the data (each added to the quoted post).
    pub quotes_in_data: u64,
    /// Which count columns the data has: likes, reposts, replies (a header or any value).
    pub columns: [bool; 3],
    /// Whether the data holds any engagement at all: a count column, or a quote, repost or
    /// reply to count.
    pub any: bool,
}

impl Engagement {
    /// Counts, in two passes over the posts.
    pub fn build(d: &crate::Dataset) -> Engagement {
        use crate::TableKind;
        let has = |c: &str| d.has_column(TableKind::Posts, c);
        let mut columns = [has("likes"), has("reposts"), has("replies")];
        let mut any_ref = [false; 3];
        for p in &d.posts {
            columns[0] |= p.likes.is_some();
            columns[1] |= p.reposts.is_some();
            columns[2] |= p.replies.is_some();
            any_ref[0] |= p.quote_of.is_some();
            any_ref[1] |= p.repost_of.is_some();
            any_ref[2] |= p.reply_to.is_some();
        }
        let count_reposts = !columns[1] && any_ref[1];
        let count_replies = !columns[2] && any_ref[2];
        let mut e = Engagement {
            any: columns.iter().chain(&any_ref).any(|c| *c),
            columns,
            ..Engagement::default()
        };
        if any_ref[0] || count_reposts || count_replies {
            e.extra = vec![0u32; d.posts.len()];
            for p in &d.posts {
                e.quotes_in_data += p.quote_of.is_some() as u64;
                let refs = [
                    p.quote_of,
                    p.repost_of.filter(|_| count_reposts),
                    p.reply_to.filter(|_| count_replies),
                ];
                for q in refs.into_iter().flatten() {
                    if let Some(x) = e.extra.get_mut(q as usize) {
                        *x = x.saturating_add(1);
                    }
                }
            }
        }
        e
    }

    /// The engagement of post `i`.
    pub fn of(&self, d: &crate::Dataset, i: usize) -> u64 {
        d.posts[i].engagement() + self.extra.get(i).copied().unwrap_or(0) as u64
    }
}
