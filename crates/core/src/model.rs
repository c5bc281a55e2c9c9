//! The in-memory data model: interned `u32` indexes, UTC timestamps in Unix seconds.
//!
//! Every entity is addressed by its position in its table (`AccountIx`, `PostIx`, …);
//! the original id from the data folder is kept as a string for output. References that
//! point at nothing are not kept as indexes: they are counted in [`LoadSummary`] and, for
//! replies, remembered with a flag so that a reply to a missing post still counts as a reply.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Index of an account in [`Dataset::accounts`].
pub type AccountIx = u32;
/// Index of a post in [`Dataset::posts`].
pub type PostIx = u32;
/// Index of a group in [`Dataset::groups`].
pub type GroupIx = u32;

/// An account (profile) on some platform.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Account {
    /// The id in the data folder.
    pub id: Box<str>,
    /// The handle, without `@`.
    pub handle: Option<Box<str>>,
    /// Platform name (`mastodon`, `x`, `instagram`, …).
    pub platform: Option<Box<str>>,
    /// Display name.
    pub display_name: Option<Box<str>>,
    /// Profile text.
    pub bio: Option<Box<str>>,
    /// Free-text location.
    pub location: Option<Box<str>>,
    /// Profile link.
    pub url: Option<Box<str>>,
    /// Avatar address.
    pub avatar: Option<Box<str>>,
    /// Creation time.
    pub created_at: Option<i64>,
    /// Follower count as exported by the platform.
    pub followers: Option<u64>,
    /// Following count as exported by the platform.
    pub following: Option<u64>,
    /// Verified badge.
    pub verified: Option<bool>,
    /// Preferred language.
    pub lang: Option<Box<str>>,
    /// `false` when the account is only known from a reference (a post's author, a follow)
    /// and has no row in the accounts table.
    pub declared: bool,
}

/// What kind of post a post is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PostKind {
    /// A new post.
    Original,
    /// A reply to another post.
    Reply,
    /// A reshare without comment (retweet, boost).
    Repost,
    /// A reshare with comment.
    Quote,
}

impl PostKind {
    /// Lowercase name as in `metrics/posts.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Original => "original",
            PostKind::Reply => "reply",
            PostKind::Repost => "repost",
            PostKind::Quote => "quote",
        }
    }
}

/// Flags on a post about references that could not be resolved.
pub mod post_flags {
    /// `reply_to` named a post that is not in the data.
    pub const DANGLING_REPLY: u8 = 1;
    /// `repost_of` named a post that is not in the data.
    pub const DANGLING_REPOST: u8 = 2;
    /// `quote_of` named a post that is not in the data.
    pub const DANGLING_QUOTE: u8 = 4;
}

/// The less common fields of a post, kept out of line so that a post without them stays
/// small (a dataset holds millions of posts).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostDetails {
    /// Platform name.
    pub platform: Option<Box<str>>,
    /// Language code.
    pub lang: Option<Box<str>>,
    /// View / impression count.
    pub views: Option<u64>,
    /// Media reference(s), as exported.
    pub media: Option<Box<str>>,
    /// Credit line for reused content.
    pub credit: Option<Box<str>>,
    /// Licence of the content.
    pub license: Option<Box<str>>,
    /// Location attached to the post.
    pub location: Option<Box<str>>,
}

impl PostDetails {
    /// Whether no field is set.
    pub fn is_empty(&self) -> bool {
        *self == PostDetails::default()
    }
}

/// A post, reply, repost or quote.
///
/// Counts are `u32` (a count above 4,294,967,295 is stored as that maximum); the rarer
/// fields live in [`PostDetails`], read through the accessor methods.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Post {
    /// The id in the data folder.
    pub id: Box<str>,
    /// Text (may be empty for a repost).
    pub text: Box<str>,
    /// Creation time, Unix seconds UTC.
    pub created_at: i64,
    /// Author.
    pub author: AccountIx,
    /// Parent post of a reply.
    pub reply_to: Option<PostIx>,
    /// Original of a repost.
    pub repost_of: Option<PostIx>,
    /// Quoted post.
    pub quote_of: Option<PostIx>,
    /// Mentions, then hashtags, then links, in one list (one allocation instead of three);
    /// read them with [`Post::mentions`], [`Post::hashtags`], [`Post::urls`] and set them
    /// with [`Post::set_entities`].
    pub entities: Box<[Box<str>]>,
    /// How many of `entities` are mentions.
    pub n_mentions: u16,
    /// How many of `entities` after the mentions are hashtags.
    pub n_hashtags: u16,
    /// Like count.
    pub likes: Option<u32>,
    /// Reshare count.
    pub reposts: Option<u32>,
    /// Reply count.
    pub replies: Option<u32>,
    /// Platform, language, views, media, credit, licence, location (when any is known).
    pub details: Option<Box<PostDetails>>,
    /// See [`post_flags`].
    pub flags: u8,
}

impl Post {
    /// Original, reply, repost or quote. A reply whose parent is missing is still a reply.
    pub fn kind(&self) -> PostKind {
        if self.repost_of.is_some() || self.flags & post_flags::DANGLING_REPOST != 0 {
            PostKind::Repost
        } else if self.reply_to.is_some() || self.flags & post_flags::DANGLING_REPLY != 0 {
            PostKind::Reply
        } else if self.quote_of.is_some() || self.flags & post_flags::DANGLING_QUOTE != 0 {
            PostKind::Quote
        } else {
            PostKind::Original
        }
    }

    /// Mentioned handles, lowercase, without `@` (from the column, else from the text).
    pub fn mentions(&self) -> &[Box<str>] {
        let m = (self.n_mentions as usize).min(self.entities.len());
        &self.entities[..m]
    }

    /// Hashtags, lowercase, without `#` (from the column, else from the text).
    pub fn hashtags(&self) -> &[Box<str>] {
        let n = self.entities.len();
        let m = (self.n_mentions as usize).min(n);
        &self.entities[m..(m + self.n_hashtags as usize).min(n)]
    }

    /// Links (from the column, else from the text).
    pub fn urls(&self) -> &[Box<str>] {
        let k = (self.n_mentions as usize + self.n_hashtags as usize).min(self.entities.len());
        &self.entities[k..]
    }

    /// Sets mentions, hashtags and links (at most 65,535 of each are kept).
    pub fn set_entities(
        &mut self,
        mut mentions: Vec<Box<str>>,
        mut hashtags: Vec<Box<str>>,
        mut urls: Vec<Box<str>>,
    ) {
        mentions.truncate(u16::MAX as usize);
        hashtags.truncate(u16::MAX as usize);
        urls.truncate(u16::MAX as usize);
        self.n_mentions = mentions.len() as u16;
        self.n_hashtags = hashtags.len() as u16;
        mentions.append(&mut hashtags);
        mentions.append(&mut urls);
        self.entities = mentions.into_boxed_slice();
    }

    /// Likes + reposts + replies (missing counts as 0).
    pub fn engagement(&self) -> u64 {
        self.likes.unwrap_or(0) as u64
            + self.reposts.unwrap_or(0) as u64
            + self.replies.unwrap_or(0) as u64
    }

    fn detail(&self, f: impl Fn(&PostDetails) -> Option<&str>) -> Option<&str> {
        self.details.as_deref().and_then(f)
    }

    /// Platform name.
    pub fn platform(&self) -> Option<&str> {
        self.detail(|d| d.platform.as_deref())
    }
    /// Language code.
    pub fn lang(&self) -> Option<&str> {
        self.detail(|d| d.lang.as_deref())
    }
    /// View / impression count.
    pub fn views(&self) -> Option<u64> {
        self.details.as_deref().and_then(|d| d.views)
    }
    /// Media reference(s).
    pub fn media(&self) -> Option<&str> {
        self.detail(|d| d.media.as_deref())
    }
    /// Credit line.
    pub fn credit(&self) -> Option<&str> {
        self.detail(|d| d.credit.as_deref())
    }
    /// Licence.
    pub fn license(&self) -> Option<&str> {
        self.detail(|d| d.license.as_deref())
    }
    /// Location attached to the post.
    pub fn location(&self) -> Option<&str> {
        self.detail(|d| d.location.as_deref())
    }
    /// Mutable access to the details, created when absent.
    pub fn details_mut(&mut self) -> &mut PostDetails {
        self.details.get_or_insert_with(Box::default)
    }
}

/// Kind of a follow edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FollowKind {
    /// One-way follow.
    #[default]
    Follow,
    /// Mutual friendship (Facebook-style).
    Friend,
}

/// Marks an unknown time in the compact tables (follows, ratings): read it through their
/// `created()` methods.
pub const NO_TIME: i64 = i64::MIN;

/// A directed follow: `source` follows `target`. 24 bytes: a graph can have tens of millions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Follow {
    /// Follower.
    pub source: AccountIx,
    /// Followed account.
    pub target: AccountIx,
    /// When the follow started, Unix seconds; [`NO_TIME`] when unknown (see [`Follow::created`]).
    pub created_at: i64,
    /// Edge weight (1 when absent).
    pub weight: f32,
    /// Follow or friend.
    pub kind: FollowKind,
}

impl Follow {
    /// When the follow started, if known.
    pub fn created(&self) -> Option<i64> {
        (self.created_at != NO_TIME).then_some(self.created_at)
    }
}

/// A group, community, page or list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Group {
    /// The id in the data folder.
    pub id: Box<str>,
    /// Name.
    pub name: Option<Box<str>>,
    /// Platform.
    pub platform: Option<Box<str>>,
    /// Creation time.
    pub created_at: Option<i64>,
    /// Description.
    pub description: Option<Box<str>>,
    /// Visibility (`public`, `private`, …).
    pub visibility: Option<Box<str>>,
}

/// Role of a group member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Plain member.
    #[default]
    Member,
    /// Moderator.
    Moderator,
    /// Administrator.
    Admin,
}

/// An account's membership of a group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Membership {
    /// Group.
    pub group: GroupIx,
    /// Member.
    pub account: AccountIx,
    /// Joined at.
    pub joined_at: Option<i64>,
    /// Left at.
    pub left_at: Option<i64>,
    /// Role.
    pub role: Role,
}

/// Online status in a presence log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Online and reachable.
    #[default]
    Online,
    /// Logged in but away.
    Away,
    /// Offline.
    Offline,
}

/// One presence observation: `account` had `status` from `at` for `duration_s` seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct PresenceRecord {
    /// Account.
    pub account: AccountIx,
    /// Start, Unix seconds UTC.
    pub at: i64,
    /// Status.
    pub status: Status,
    /// Location disclosed with the status.
    pub location: Option<Box<str>>,
    /// How long the status lasted.
    pub duration_s: Option<u32>,
}

/// Kind of a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RatingKind {
    /// A like (score usually 1).
    Like,
    /// A star rating (usually 1–5).
    #[default]
    Star,
    /// An up-vote.
    Up,
    /// A down-vote.
    Down,
}

/// A rating of a post by an account. 24 bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rating {
    /// Rated post.
    pub post: PostIx,
    /// Who rated.
    pub rater: AccountIx,
    /// When, Unix seconds; [`NO_TIME`] when unknown (see [`Rating::created`]).
    pub created_at: i64,
    /// Score (a like or an up-vote is usually 1, a down-vote -1, a star rating 1–5).
    pub score: f32,
    /// Like, star, up or down.
    pub kind: RatingKind,
}

impl Rating {
    /// When the rating was given, if known.
    pub fn created(&self) -> Option<i64> {
        (self.created_at != NO_TIME).then_some(self.created_at)
    }
}

/// Unknown columns of one table, kept column by column (`values[c][row]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtraColumns {
    /// Column names, as in the file.
    pub names: Vec<String>,
    /// One vector per column, one value per kept row of the table.
    pub values: Vec<Vec<Box<str>>>,
}

/// The seven tables of the data-folder contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TableKind {
    /// accounts
    Accounts,
    /// posts
    Posts,
    /// follows
    Follows,
    /// groups
    Groups,
    /// memberships
    Memberships,
    /// presence
    Presence,
    /// ratings
    Ratings,
}

impl TableKind {
    /// All tables, in load order (tables that define ids first).
    pub const ALL: [TableKind; 7] = [
        TableKind::Accounts,
        TableKind::Posts,
        TableKind::Follows,
        TableKind::Groups,
        TableKind::Memberships,
        TableKind::Presence,
        TableKind::Ratings,
    ];

    /// The table's name, which is also the file stem.
    pub fn name(self) -> &'static str {
        match self {
            TableKind::Accounts => "accounts",
            TableKind::Posts => "posts",
            TableKind::Follows => "follows",
            TableKind::Groups => "groups",
            TableKind::Memberships => "memberships",
            TableKind::Presence => "presence",
            TableKind::Ratings => "ratings",
        }
    }

    /// Looks a table up by name.
    pub fn from_name(s: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|t| t.name() == s)
    }

    /// Known columns (required ones first).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Accounts => &[
                "id",
                "handle",
                "platform",
                "display_name",
                "bio",
                "location",
                "url",
                "avatar",
                "created_at",
                "followers",
                "following",
                "verified",
                "lang",
            ],
            TableKind::Posts => &[
                "id",
                "author",
                "created_at",
                "text",
                "platform",
                "reply_to",
                "repost_of",
                "quote_of",
                "mentions",
                "hashtags",
                "urls",
                "lang",
                "likes",
                "reposts",
                "replies",
                "views",
                "media",
                "credit",
                "license",
                "location",
            ],
            TableKind::Follows => &["source", "target", "created_at", "kind", "weight"],
            TableKind::Groups => &[
                "id",
                "name",
                "platform",
                "created_at",
                "description",
                "visibility",
            ],
            TableKind::Memberships => &["group", "account", "joined_at", "left_at", "role"],
            TableKind::Presence => &["account", "at", "status", "location", "duration_s"],
            TableKind::Ratings => &["post", "rater", "score", "created_at", "kind"],
        }
    }

    /// Required columns.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            TableKind::Accounts | TableKind::Groups => &["id"],
            TableKind::Posts => &["id", "author", "created_at"],
            TableKind::Follows => &["source", "target"],
            TableKind::Memberships => &["group", "account"],
            TableKind::Presence => &["account", "at"],
            TableKind::Ratings => &["post", "rater", "score"],
        }
    }
}

/// What loading noticed: counts that the report states.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LoadSummary {
    /// Files read per table, relative to the data folder.
    pub files: BTreeMap<String, Vec<String>>,
    /// Rows kept per table.
    pub rows: BTreeMap<String, u64>,
    /// Rows skipped under `--lenient`, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// References to something not in the data, by kind (`posts.reply_to`, …).
    pub dangling: BTreeMap<String, u64>,
    /// Accounts referenced (author, follow, membership…) but not in the accounts table.
    pub implicit_accounts: u64,
    /// Files under the folder that are not tables, ignored.
    pub ignored_files: Vec<String>,
    /// Columns that are not part of the contract, kept as extra fields, per table.
    pub extra_columns: BTreeMap<String, Vec<String>>,
}

/// A loaded data folder.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Accounts: declared ones first, in file order, then implicit ones in order of reference.
    pub accounts: Vec<Account>,
    /// Posts, in file order.
    pub posts: Vec<Post>,
    /// Follow edges.
    pub follows: Vec<Follow>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Group memberships.
    pub memberships: Vec<Membership>,
    /// Presence observations.
    pub presence: Vec<PresenceRecord>,
    /// Ratings.
    pub ratings: Vec<Rating>,
    /// Unknown columns per table.
    pub extras: BTreeMap<TableKind, ExtraColumns>,
    /// Which columns each table had (after mapping), for "not computable — add X" messages.
    pub columns: BTreeMap<TableKind, Vec<String>>,
    /// What loading noticed.
    pub summary: LoadSummary,
}

impl Dataset {
    /// Whether the table was present in the folder.
    pub fn has_table(&self, t: TableKind) -> bool {
        self.columns.contains_key(&t)
    }

    /// Whether the table was present with this column.
    pub fn has_column(&self, t: TableKind, column: &str) -> bool {
        self.columns
            .get(&t)
            .is_some_and(|c| c.iter().any(|x| x == column))
    }

    /// Finds an account by its id in the data, by a linear scan (for a few look-ups; plugins
    /// use `Context::account_by_id`, which hashes).
    pub fn account_by_id(&self, id: &str) -> Option<AccountIx> {
        self.accounts
            .iter()
            .position(|a| &*a.id == id)
            .map(|i| i as AccountIx)
    }

    /// A readable name for an account: `@handle`, else its id.
    pub fn account_label(&self, ix: AccountIx) -> String {
        match self.accounts.get(ix as usize) {
            Some(a) => match &a.handle {
                Some(h) => format!("@{h}"),
                None => a.id.to_string(),
            },
            None => format!("#{ix}"),
        }
    }
}
