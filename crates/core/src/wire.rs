//! The byte form in which the runner hands a dataset and its configuration to a plugin
//! library loaded at run time (see [`crate::dynamic`]).
//!
//! Design decision: a hand-written binary format instead of a serde format. The dataset can
//! hold millions of posts; a length-prefixed layout with LEB128 integers is written in one
//! pass without a per-field tag and read back without a parser, and it needs no new
//! dependency. The trade-off is that it is not self-describing: any change to the model's
//! layout (a field added to `Post`, a new enum variant) changes the format, and then
//! [`crate::dynamic::ABI_VERSION`] must be bumped so that old plugins are refused instead of
//! misreading the bytes.
//!
//! Layout (all integers LEB128 unless said otherwise; `str` = length + UTF-8 bytes;
//! `opt` = 0 for none, else 1 + value):
//!
//! ```text
//! "HCDS" ABI_VERSION(u32 LE)
//! config: str (honeycomb.toml re-serialised as TOML)
//! lang: u8 (0 en, 1 nl)        period: u8 flag, then start, end (zigzag)
//! accounts: n, then per account: id str, 7 opt str, created opt, followers opt, following opt,
//!           verified u8 (0 none, 1 false, 2 true), lang opt str, declared u8
//! posts: n, then per post: id, text, created_at (zigzag), author, reply_to/repost_of/quote_of
//!        opt, n_mentions, n_hashtags, entities n + str…, likes/reposts/replies opt, flags u8,
//!        details u8 flag then platform, lang opt str, views opt, media, credit, license, location
//! follows: n, then source, target, created_at (zigzag), weight f32 LE, kind u8
//! groups, memberships, presence, ratings: likewise, field by field in declaration order
//! extras: n tables, then table u8, names, columns of values
//! columns: n tables, then table u8, names
//! summary: str (JSON)
//! ```

use crate::config::{Config, Period};
use crate::i18n::Lang;
use crate::model::*;
use std::collections::BTreeMap;

const MAGIC: &[u8; 4] = b"HCDS";

/// A dataset, its configuration and the run's language and period, as a plugin library
/// receives them.
#[derive(Debug)]
#[non_exhaustive]
pub struct Input {
    /// The data.
    pub data: Dataset,
    /// The configuration.
    pub config: Config,
    /// Report language.
    pub lang: Lang,
    /// Report period.
    pub period: Option<Period>,
}

/// Why bytes could not be read as an [`Input`].
#[derive(Debug, Clone, thiserror::Error)]
#[error("the serialised dataset is damaged: {0}")]
pub struct WireError(pub String);

/// Serialises a dataset with its configuration, language and period.
pub fn encode(
    data: &Dataset,
    config: &Config,
    lang: Lang,
    period: Option<Period>,
) -> Result<Vec<u8>, WireError> {
    let cfg = toml::to_string(config)
        .map_err(|e| WireError(format!("the configuration cannot be serialised: {e}")))?;
    let summary = serde_json::to_string(&data.summary)
        .map_err(|e| WireError(format!("the load summary cannot be serialised: {e}")))?;
    let text: usize = data
        .posts
        .iter()
        .map(|p| p.text.len() + p.id.len() + 24)
        .sum();
    let mut w = W(Vec::with_capacity(text + data.accounts.len() * 24 + 1024));
    w.0.extend_from_slice(MAGIC);
    w.0.extend_from_slice(&crate::dynamic::ABI_VERSION.to_le_bytes());
    w.str(&cfg);
    w.u8(match lang {
        Lang::En => 0,
        Lang::Nl => 1,
    });
    match period {
        Some(p) => {
            w.u8(1);
            w.i64(p.start);
            w.i64(p.end);
        }
        None => w.u8(0),
    }
    w.n(data.accounts.len());
    for a in &data.accounts {
        w.str(&a.id);
        for s in [
            &a.handle,
            &a.platform,
            &a.display_name,
            &a.bio,
            &a.location,
            &a.url,
            &a.avatar,
            &a.lang,
        ] {
            w.opt_str(s.as_deref());
        }
        w.opt_i64(a.created_at);
        w.opt_u64(a.followers);
        w.opt_u64(a.following);
        w.u8(match a.verified {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
        w.u8(a.declared as u8);
    }
    w.n(data.posts.len());
    for p in &data.posts {
        w.str(&p.id);
        w.str(&p.text);
        w.i64(p.created_at);
        w.var(p.author as u64);
        for r in [p.reply_to, p.repost_of, p.quote_of] {
            w.opt_u32(r);
        }
        w.var(p.n_mentions as u64);
        w.var(p.n_hashtags as u64);
        w.n(p.entities.len());
        for e in p.entities.iter() {
            w.str(e);
        }
        for c in [p.likes, p.reposts, p.replies] {
            w.opt_u32(c);
        }
        w.u8(p.flags);
        match &p.details {
            None => w.u8(0),
            Some(d) => {
                w.u8(1);
                w.opt_str(d.platform.as_deref());
                w.opt_str(d.lang.as_deref());
                w.opt_u64(d.views);
                for s in [&d.media, &d.credit, &d.license, &d.location] {
                    w.opt_str(s.as_deref());
                }
            }
        }
    }
    w.n(data.follows.len());
    for f in &data.follows {
        w.var(f.source as u64);
        w.var(f.target as u64);
        w.i64(f.created_at);
        w.f32(f.weight);
        w.u8(f.kind as u8);
    }
    w.n(data.groups.len());
    for g in &data.groups {
        w.str(&g.id);
        w.opt_str(g.name.as_deref());
        w.opt_str(g.platform.as_deref());
        w.opt_i64(g.created_at);
        w.opt_str(g.description.as_deref());
        w.opt_str(g.visibility.as_deref());
    }
    w.n(data.memberships.len());
    for m in &data.memberships {
        w.var(m.group as u64);
        w.var(m.account as u64);
        w.opt_i64(m.joined_at);
        w.opt_i64(m.left_at);
        w.u8(m.role as u8);
    }
    w.n(data.presence.len());
    for p in &data.presence {
        w.var(p.account as u64);
        w.i64(p.at);
        w.u8(p.status as u8);
        w.opt_str(p.location.as_deref());
        w.opt_u32(p.duration_s);
    }
    w.n(data.ratings.len());
    for r in &data.ratings {
        w.var(r.post as u64);
        w.var(r.rater as u64);
        w.i64(r.created_at);
        w.f32(r.score);
        w.u8(r.kind as u8);
    }
    w.n(data.extras.len());
    for (t, x) in &data.extras {
        w.u8(table_code(*t));
        w.n(x.names.len());
        for n in &x.names {
            w.str(n);
        }
        w.n(x.values.len());
        for col in &x.values {
            w.n(col.len());
            for v in col {
                w.str(v);
            }
        }
    }
    w.n(data.columns.len());
    for (t, cols) in &data.columns {
        w.u8(table_code(*t));
        w.n(cols.len());
        for c in cols {
            w.str(c);
        }
    }
    w.str(&summary);
    Ok(w.0)
}

/// Reads what [`encode`] wrote. Every length and index is checked: damaged bytes give an
/// error, never a panic or a dataset with references that point nowhere.
pub fn decode(bytes: &[u8]) -> Result<Input, WireError> {
    let mut r = R { b: bytes, p: 0 };
    if r.take(4)? != MAGIC {
        return Err(WireError("it does not start with HCDS".into()));
    }
    let v = u32::from_le_bytes(
        r.take(4)?
            .try_into()
            .map_err(|_| WireError("short header".into()))?,
    );
    if v != crate::dynamic::ABI_VERSION {
        return Err(WireError(format!(
            "format version {v}, this honeycomb-core reads version {}",
            crate::dynamic::ABI_VERSION
        )));
    }
    let cfg_text = r.str()?;
    let config: Config = toml::from_str(cfg_text)
        .map_err(|e| WireError(format!("the configuration cannot be read: {e}")))?;
    let lang = match r.u8()? {
        0 => Lang::En,
        1 => Lang::Nl,
        x => return Err(WireError(format!("unknown language code {x}"))),
    };
    let period = match r.u8()? {
        0 => None,
        _ => Some(Period {
            start: r.i64()?,
            end: r.i64()?,
        }),
    };
    let mut d = Dataset::default();
    let n = r.n()?;
    d.accounts.reserve(n);
    for _ in 0..n {
        let id = r.bstr()?;
        let mut s: [Option<Box<str>>; 8] = Default::default();
        for x in &mut s {
            *x = r.opt_str()?;
        }
        let [
            handle,
            platform,
            display_name,
            bio,
            location,
            url,
            avatar,
            lang,
        ] = s;
        d.accounts.push(Account {
            id,
            handle,
            platform,
            display_name,
            bio,
            location,
            url,
            avatar,
            created_at: r.opt_i64()?,
            followers: r.opt_u64()?,
            following: r.opt_u64()?,
            verified: match r.u8()? {
                0 => None,
                1 => Some(false),
                _ => Some(true),
            },
            lang,
            declared: r.u8()? != 0,
        });
    }
    let na = d.accounts.len() as u64;
    let n = r.n()?;
    d.posts.reserve(n);
    for _ in 0..n {
        let id = r.bstr()?;
        let text = r.bstr()?;
        let created_at = r.i64()?;
        let author = r.ix(na)?;
        let (reply_to, repost_of, quote_of) = (r.opt_u32()?, r.opt_u32()?, r.opt_u32()?);
        let n_mentions = r.var()? as u16;
        let n_hashtags = r.var()? as u16;
        let ne = r.n()?;
        let mut entities = Vec::with_capacity(ne);
        for _ in 0..ne {
            entities.push(r.bstr()?);
        }
        let (likes, reposts, replies) = (r.opt_u32()?, r.opt_u32()?, r.opt_u32()?);
        let flags = r.u8()?;
        let details = match r.u8()? {
            0 => None,
            _ => Some(Box::new(PostDetails {
                platform: r.opt_str()?,
                lang: r.opt_str()?,
                views: r.opt_u64()?,
                media: r.opt_str()?,
                credit: r.opt_str()?,
                license: r.opt_str()?,
                location: r.opt_str()?,
            })),
        };
        d.posts.push(Post {
            id,
            text,
            created_at,
            author,
            reply_to,
            repost_of,
            quote_of,
            entities: entities.into_boxed_slice(),
            n_mentions,
            n_hashtags,
            likes,
            reposts,
            replies,
            details,
            flags,
        });
    }
    let np = d.posts.len() as u64;
    for p in &d.posts {
        for x in [p.reply_to, p.repost_of, p.quote_of].into_iter().flatten() {
            if x as u64 >= np {
                return Err(WireError(format!("post {} refers to post #{x}", p.id)));
            }
        }
    }
    let n = r.n()?;
    d.follows.reserve(n);
    for _ in 0..n {
        d.follows.push(Follow {
            source: r.ix(na)?,
            target: r.ix(na)?,
            created_at: r.i64()?,
            weight: r.f32()?,
            kind: match r.u8()? {
                0 => FollowKind::Follow,
                _ => FollowKind::Friend,
            },
        });
    }
    let n = r.n()?;
    for _ in 0..n {
        d.groups.push(Group {
            id: r.bstr()?,
            name: r.opt_str()?,
            platform: r.opt_str()?,
            created_at: r.opt_i64()?,
            description: r.opt_str()?,
            visibility: r.opt_str()?,
        });
    }
    let ng = d.groups.len() as u64;
    let n = r.n()?;
    for _ in 0..n {
        d.memberships.push(Membership {
            group: r.ix(ng)?,
            account: r.ix(na)?,
            joined_at: r.opt_i64()?,
            left_at: r.opt_i64()?,
            role: match r.u8()? {
                0 => Role::Member,
                1 => Role::Moderator,
                _ => Role::Admin,
            },
        });
    }
    let n = r.n()?;
    for _ in 0..n {
        d.presence.push(PresenceRecord {
            account: r.ix(na)?,
            at: r.i64()?,
            status: match r.u8()? {
                0 => Status::Online,
                1 => Status::Away,
                _ => Status::Offline,
            },
            location: r.opt_str()?,
            duration_s: r.opt_u32()?,
        });
    }
    let n = r.n()?;
    for _ in 0..n {
        d.ratings.push(Rating {
            post: r.ix(np)?,
            rater: r.ix(na)?,
            created_at: r.i64()?,
            score: r.f32()?,
            kind: match r.u8()? {
                0 => RatingKind::Like,
                1 => RatingKind::Star,
                2 => RatingKind::Up,
                _ => RatingKind::Down,
            },
        });
    }
    let n = r.n()?;
    for _ in 0..n {
        let t = r.table()?;
        let mut x = ExtraColumns::default();
        for _ in 0..r.n()? {
            x.names.push(r.str()?.to_string());
        }
        for _ in 0..r.n()? {
            let len = r.n()?;
            let mut col = Vec::with_capacity(len);
            for _ in 0..len {
                col.push(r.bstr()?);
            }
            x.values.push(col);
        }
        d.extras.insert(t, x);
    }
    let n = r.n()?;
    let mut columns = BTreeMap::new();
    for _ in 0..n {
        let t = r.table()?;
        let mut cols = Vec::new();
        for _ in 0..r.n()? {
            cols.push(r.str()?.to_string());
        }
        columns.insert(t, cols);
    }
    d.columns = columns;
    d.summary = serde_json::from_str(r.str()?)
        .map_err(|e| WireError(format!("the load summary cannot be read: {e}")))?;
    if r.p != bytes.len() {
        return Err(WireError(format!(
            "{} bytes left over at the end",
            bytes.len() - r.p
        )));
    }
    Ok(Input {
        data: d,
        config,
        lang,
        period,
    })
}

fn table_code(t: TableKind) -> u8 {
    TableKind::ALL.iter().position(|x| *x == t).unwrap_or(0) as u8
}

struct W(Vec<u8>);

impl W {
    #[inline]
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    #[inline]
    fn var(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    #[inline]
    fn n(&mut self, v: usize) {
        self.var(v as u64);
    }
    #[inline]
    fn i64(&mut self, v: i64) {
        self.var(((v << 1) ^ (v >> 63)) as u64);
    }
    #[inline]
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    #[inline]
    fn str(&mut self, s: &str) {
        self.var(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    #[inline]
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.var(s.len() as u64 + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }
    #[inline]
    fn opt_u32(&mut self, v: Option<u32>) {
        self.var(v.map_or(0, |x| x as u64 + 1));
    }
    #[inline]
    fn opt_u64(&mut self, v: Option<u64>) {
        match v {
            None => self.u8(0),
            Some(x) => {
                self.u8(1);
                self.var(x);
            }
        }
    }
    #[inline]
    fn opt_i64(&mut self, v: Option<i64>) {
        match v {
            None => self.u8(0),
            Some(x) => {
                self.u8(1);
                self.i64(x);
            }
        }
    }
}

struct R<'a> {
    b: &'a [u8],
    p: usize,
}

impl<'a> R<'a> {
    fn short(&self) -> WireError {
        WireError(format!("it ends early (at byte {})", self.p))
    }
    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], WireError> {
        let end = self.p.checked_add(n).ok_or_else(|| self.short())?;
        let s = self.b.get(self.p..end).ok_or_else(|| self.short())?;
        self.p = end;
        Ok(s)
    }
    #[inline]
    fn u8(&mut self) -> Result<u8, WireError> {
        let v = *self.b.get(self.p).ok_or_else(|| self.short())?;
        self.p += 1;
        Ok(v)
    }
    #[inline]
    fn var(&mut self) -> Result<u64, WireError> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift >= 64 {
                return Err(WireError(format!("integer too long at byte {}", self.p)));
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b < 0x80 {
                return Ok(v);
            }
            shift += 7;
        }
    }
    /// A count; never more than the bytes left (each element takes at least one byte), so a
    /// damaged count cannot make a huge allocation.
    #[inline]
    fn n(&mut self) -> Result<usize, WireError> {
        let v = self.var()?;
        if v > (self.b.len() - self.p) as u64 {
            return Err(WireError(format!(
                "a count of {v} at byte {} exceeds the data",
                self.p
            )));
        }
        Ok(v as usize)
    }
    #[inline]
    fn ix(&mut self, below: u64) -> Result<u32, WireError> {
        let v = self.var()?;
        if v >= below {
            return Err(WireError(format!(
                "index {v} at byte {} is out of range",
                self.p
            )));
        }
        Ok(v as u32)
    }
    #[inline]
    fn i64(&mut self) -> Result<i64, WireError> {
        let v = self.var()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    #[inline]
    fn f32(&mut self) -> Result<f32, WireError> {
        let s = self.take(4)?;
        Ok(f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    #[inline]
    fn utf8(&mut self, len: usize) -> Result<&'a str, WireError> {
        let at = self.p;
        let s = self.take(len)?;
        std::str::from_utf8(s).map_err(|_| WireError(format!("invalid UTF-8 at byte {at}")))
    }
    #[inline]
    fn str(&mut self) -> Result<&'a str, WireError> {
        let n = self.var()? as usize;
        self.utf8(n)
    }
    #[inline]
    fn bstr(&mut self) -> Result<Box<str>, WireError> {
        self.str().map(Box::from)
    }
    #[inline]
    fn opt_str(&mut self) -> Result<Option<Box<str>>, WireError> {
        match self.var()? {
            0 => Ok(None),
            n => Ok(Some(Box::from(self.utf8(n as usize - 1)?))),
        }
    }
    #[inline]
    fn opt_u32(&mut self) -> Result<Option<u32>, WireError> {
        match self.var()? {
            0 => Ok(None),
            n => u32::try_from(n - 1)
                .map(Some)
                .map_err(|_| WireError(format!("value too large at byte {}", self.p))),
        }
    }
    #[inline]
    fn opt_u64(&mut self) -> Result<Option<u64>, WireError> {
        match self.u8()? {
            0 => Ok(None),
            _ => self.var().map(Some),
        }
    }
    #[inline]
    fn opt_i64(&mut self) -> Result<Option<i64>, WireError> {
        match self.u8()? {
            0 => Ok(None),
            _ => self.i64().map(Some),
        }
    }
    fn table(&mut self) -> Result<TableKind, WireError> {
        let c = self.u8()?;
        TableKind::ALL
            .get(c as usize)
            .copied()
            .ok_or_else(|| WireError(format!("unknown table code {c}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Dataset, Config) {
        let mut d = Dataset::default();
        d.accounts.push(Account {
            id: "1".into(),
            handle: Some("acme".into()),
            bio: Some("Koffie ☕".into()),
            created_at: Some(-5),
            followers: Some(u64::MAX),
            verified: Some(true),
            declared: true,
            ..Account::default()
        });
        d.accounts.push(Account {
            id: "2".into(),
            ..Account::default()
        });
        let mut p = Post {
            id: "p1".into(),
            text: "hello @acme #coffee".into(),
            created_at: 1_767_222_000,
            author: 1,
            likes: Some(3),
            replies: Some(0),
            flags: post_flags::DANGLING_QUOTE,
            ..Post::default()
        };
        p.set_entities(vec!["acme".into()], vec!["coffee".into()], vec![]);
        p.details_mut().views = Some(10);
        p.details_mut().lang = Some("nl".into());
        d.posts.push(p);
        d.posts.push(Post {
            id: "p2".into(),
            reply_to: Some(0),
            ..Post::default()
        });
        d.follows.push(Follow {
            source: 1,
            target: 0,
            created_at: NO_TIME,
            weight: 2.5,
            kind: FollowKind::Friend,
        });
        d.groups.push(Group {
            id: "g".into(),
            name: Some("G".into()),
            ..Group::default()
        });
        d.memberships.push(Membership {
            group: 0,
            account: 1,
            joined_at: Some(7),
            left_at: None,
            role: Role::Admin,
        });
        d.presence.push(PresenceRecord {
            account: 0,
            at: 9,
            status: Status::Away,
            location: None,
            duration_s: Some(60),
        });
        d.ratings.push(Rating {
            post: 1,
            rater: 0,
            created_at: 3,
            score: -1.0,
            kind: RatingKind::Down,
        });
        d.extras.insert(
            TableKind::Posts,
            ExtraColumns {
                names: vec!["mood".into()],
                values: vec![vec!["x".into(), "".into()]],
            },
        );
        d.columns
            .insert(TableKind::Posts, vec!["id".into(), "author".into()]);
        d.summary.rows.insert("posts".into(), 2);
        d.summary.implicit_accounts = 1;
        let cfg = Config::parse(
            "[report]\ntitle = \"T\"\nlang = \"nl\"\nbrand = [\"acme\"]\n\n[tables.posts]\ncreated_at_format = \"%Y\"\ncolumns = { id = \"tid\" }\n\n[plugins.word-count]\nmin = 3\nwhen = 2026-01-01T00:00:00Z\n",
        )
        .expect("config");
        (d, cfg)
    }

    #[test]
    fn round_trip() {
        let (d, cfg) = sample();
        let period = Some(Period { start: -1, end: 99 });
        let bytes = encode(&d, &cfg, Lang::Nl, period).expect("encode");
        let back = decode(&bytes).expect("decode");
        assert_eq!(back.data.accounts, d.accounts);
        assert_eq!(back.data.posts, d.posts);
        assert_eq!(back.data.follows, d.follows);
        assert_eq!(back.data.groups, d.groups);
        assert_eq!(back.data.memberships, d.memberships);
        assert_eq!(back.data.presence, d.presence);
        assert_eq!(back.data.ratings, d.ratings);
        assert_eq!(back.data.extras, d.extras);
        assert_eq!(back.data.columns, d.columns);
        assert_eq!(back.data.summary, d.summary);
        assert_eq!(back.lang, Lang::Nl);
        assert_eq!(back.period, period);
        assert_eq!(back.config.report.title.as_deref(), Some("T"));
        assert_eq!(back.config.report.brand, ["acme"]);
        assert_eq!(
            back.config.tables["posts"].time_format("created_at"),
            Some("%Y")
        );
        assert_eq!(
            back.config.plugins["word-count"]["min"].as_integer(),
            Some(3)
        );
        assert!(back.config.plugins["word-count"]["when"].is_datetime());
    }

    #[test]
    fn damaged_bytes_are_errors_not_panics() {
        let (d, cfg) = sample();
        let bytes = encode(&d, &cfg, Lang::En, None).expect("encode");
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut flipped = bytes.clone();
        for i in 8..flipped.len() {
            flipped[i] ^= 0xff;
            let _ = decode(&flipped);
            flipped[i] ^= 0xff;
        }
        let mut other = bytes;
        other[4] = other[4].wrapping_add(1);
        let e = decode(&other).expect_err("other version");
        assert!(e.0.contains("format version"), "{e}");
    }
}
