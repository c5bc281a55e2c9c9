//! The X/Twitter archive ("download an archive of your data"): `data/*.js` files, each
//! `window.YTD.<name>.partN = [ … ]`.
//!
//! | archive file | table |
//! |---|---|
//! | account.js | accounts: the owner (id, handle, display name, created_at); e-mail and phone are never read |
//! | profile.js | accounts: the owner's bio, website, location, avatar |
//! | tweets.js, tweets-partN.js (older: tweet.js) | posts |
//! | community-tweet.js | posts (extra column `community`), groups (each community), memberships (the owner) |
//! | note-tweet.js | the full text of long posts, matched to their tweet by time and opening text |
//! | tweet-headers.js | the owner's id when account.js is missing |
//! | follower.js | follows: follower → owner; the owner's `followers` |
//! | following.js | follows: owner → account; the owner's `following` |
//! | like.js | ratings (kind like) of the owner's own posts; likes of other posts are counted |
//!
//! Other accounts (followers, people replied to) are known by id only: the archive has no
//! profile for them, so they are left to the loader as accounts without a profile.

use super::{Tables, each_element, json_list, s, shown, unknown_scalars};
use crate::model::TableKind;
use crate::time::{parse_twitter_date, rfc3339};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Files whose presence marks an X archive.
const MARKERS: [&str; 7] = [
    "tweets.js",
    "tweet.js",
    "account.js",
    "tweet-headers.js",
    "follower.js",
    "following.js",
    "like.js",
];

/// The folder holding the archive's `.js` files (`data`, or the top), if it is one.
pub(super) fn detect(src: &super::Source) -> Option<String> {
    src.files()
        .filter(|f| {
            let name = f.rsplit('/').next().unwrap_or(f);
            MARKERS.contains(&name) && f.matches('/').count() <= 2
        })
        .min_by_key(|f| (f.matches('/').count(), f.len()))
        .map(|f| {
            f.rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string())
        })
}

/// `tweets.js`, `tweets-part1.js`, … for base `tweets`.
fn is_part(name: &str, base: &str) -> bool {
    match name.strip_prefix(base) {
        Some(".js") => true,
        Some(rest) => rest
            .strip_prefix("-part")
            .and_then(|r| r.strip_suffix(".js"))
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

/// Reads a `window.YTD.…` file and hands each record's object (unwrapped from its
/// `{"tweet": …}`-style wrapper when `wrapper` is set) to `f`.
fn read_ytd(
    t: &mut Tables<'_>,
    rel: &str,
    wrapper: Option<&str>,
    mut f: impl FnMut(&mut Tables<'_>, &Value, u64),
) -> bool {
    let Some(text) = t.text(rel) else {
        return false;
    };
    let head = text.trim_start();
    let open = if head.starts_with("window.YTD.") || head.starts_with('[') {
        let skip = text.len() - head.len();
        head.find('[').map(|i| i + skip)
    } else {
        None
    };
    let Some(open) = open else {
        t.error(
            rel,
            1,
            1,
            "bad-json",
            "not an X archive data file: expected `window.YTD.<name>.part0 = [`".into(),
        );
        return false;
    };
    each_element(t, rel, &text, open, |t, v, line| {
        let inner = match wrapper {
            Some(w) => v.get(w).or_else(|| v.get("tweet")).unwrap_or(&v),
            None => &v,
        };
        if inner.is_object() {
            f(t, inner, line)
        } else {
            t.error(
                rel,
                line,
                0,
                "bad-record",
                "a record that is not a JSON object: expected {…}".into(),
            );
        }
    });
    true
}

/// One tweet as read, before the owner is known.
struct Tweet {
    rel: String,
    line: u64,
    fields: Vec<(&'static str, String)>,
    extras: Vec<(String, String)>,
    id: String,
    created: i64,
    text: String,
    community: Option<String>,
}

/// Fields mapped (or deliberately not kept) from a tweet object.
const KNOWN: &[&str] = &[
    "id",
    "id_str",
    "full_text",
    "text",
    "created_at",
    "in_reply_to_status_id",
    "in_reply_to_status_id_str",
    "in_reply_to_user_id",
    "in_reply_to_user_id_str",
    "in_reply_to_screen_name",
    "entities",
    "extended_entities",
    "favorite_count",
    "retweet_count",
    "reply_count",
    "quote_count",
    "lang",
    "source",
    "edit_info",
    "display_text_range",
    "retweeted_status",
    "quoted_status",
    "quoted_status_id",
    "quoted_status_id_str",
    "quoted_status_permalink",
    "community_id",
    "community_id_str",
    "scopes",
    "user",
    "user_id",
    "user_id_str",
];

fn status_id(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest
        .strip_prefix("twitter.com/")
        .or_else(|| rest.strip_prefix("x.com/"))
        .or_else(|| rest.strip_prefix("mobile.twitter.com/"))?;
    let (_, after) = rest.split_once("/status/")?;
    let id = after.split(['/', '?', '#']).next()?;
    (!id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && !after[id.len()..].starts_with("/photo")
        && !after[id.len()..].starts_with("/video"))
    .then_some(id)
}

/// Reads a tweet; `None` (with an error) when it lacks an id or a readable time.
fn tweet(
    t: &mut Tables<'_>,
    rel: &str,
    line: u64,
    v: &Value,
    accounts: &mut BTreeMap<String, (String, String)>,
) -> Option<Tweet> {
    let Some(id) = s(v, "id_str")
        .or_else(|| s(v, "id"))
        .map(|x| x.into_owned())
    else {
        t.error(
            rel,
            line,
            0,
            "bad-record",
            "a tweet without `id_str`: expected the tweet's id".into(),
        );
        return None;
    };
    let raw_time = s(v, "created_at").unwrap_or_default();
    let Some(created) = parse_twitter_date(&raw_time) else {
        t.error(
            rel,
            line,
            0,
            "bad-timestamp",
            format!(
                "tweet {id}: `created_at` is {}: expected the archive's date format, e.g. `Fri Mar 06 13:02:05 +0000 2026`",
                shown(&raw_time)
            ),
        );
        return None;
    };
    let text = super::decode_entities(
        &s(v, "full_text")
            .or_else(|| s(v, "text"))
            .unwrap_or_default(),
    );
    let ent = v.get("entities");
    let list = |key: &str, field: &str| -> Vec<String> {
        ent.and_then(|e| e.get(key))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|m| s(m, field).map(|x| x.into_owned()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mentions: Vec<String> = list("user_mentions", "screen_name");
    if let Some(ms) = ent
        .and_then(|e| e.get("user_mentions"))
        .and_then(Value::as_array)
    {
        for m in ms {
            if let (Some(mid), Some(h)) = (s(m, "id_str"), s(m, "screen_name"))
                && mid != "-1"
            {
                accounts.entry(mid.into_owned()).or_insert_with(|| {
                    (
                        h.into_owned(),
                        s(m, "name").unwrap_or_default().into_owned(),
                    )
                });
            }
        }
    }
    let hashtags = list("hashtags", "text");
    let mut text = text;
    let mut urls: Vec<String> = Vec::new();
    for u in ent
        .and_then(|e| e.get("urls"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        let short = s(u, "url").unwrap_or_default();
        match s(u, "expanded_url") {
            Some(long) => {
                // The text shows the link as the reader saw it, not the t.co redirect.
                if !short.is_empty() {
                    text = text.replace(&*short, &long);
                }
                urls.push(long.into_owned());
            }
            None if !short.is_empty() => urls.push(short.into_owned()),
            None => {}
        }
    }
    let media_list = v
        .get("extended_entities")
        .or(ent)
        .and_then(|e| e.get("media"))
        .and_then(Value::as_array);
    let media: Vec<String> = media_list
        .map(|a| {
            a.iter()
                .filter_map(|m| {
                    s(m, "media_url_https")
                        .or_else(|| s(m, "media_url"))
                        .map(|x| x.into_owned())
                })
                .collect()
        })
        .unwrap_or_default();
    let reply_to = s(v, "in_reply_to_status_id_str")
        .or_else(|| s(v, "in_reply_to_status_id"))
        .map(|x| x.into_owned())
        .unwrap_or_default();
    if let (Some(uid), Some(h)) = (
        s(v, "in_reply_to_user_id_str"),
        s(v, "in_reply_to_screen_name"),
    ) {
        accounts
            .entry(uid.into_owned())
            .or_insert_with(|| (h.into_owned(), String::new()));
    }
    // A retweet: `retweeted_status` (API-style records) or the `RT @user:` text of the
    // archive, whose original's id is only known when a media entity names its source.
    let repost_of = if let Some(rs) = v.get("retweeted_status") {
        s(rs, "id_str")
            .or_else(|| s(rs, "id"))
            .map(|x| x.into_owned())
            .unwrap_or_default()
    } else if text.starts_with("RT @") {
        media_list
            .and_then(|a| a.iter().find_map(|m| s(m, "source_status_id_str")))
            .map(|x| x.into_owned())
            .unwrap_or_else(|| format!("unknown-original-of-{id}"))
    } else {
        String::new()
    };
    let quote_of = s(v, "quoted_status_id_str")
        .or_else(|| s(v, "quoted_status_id"))
        .map(|x| x.into_owned())
        .or_else(|| {
            if !repost_of.is_empty() {
                return None;
            }
            urls.iter()
                .find_map(|u| status_id(u))
                .filter(|q| *q != id)
                .map(str::to_string)
        })
        .unwrap_or_default();
    let source = super::html_to_text(&s(v, "source").unwrap_or_default());
    let community = s(v, "community_id_str")
        .or_else(|| s(v, "community_id"))
        .map(|x| x.into_owned());
    let mut fields: Vec<(&'static str, String)> = vec![
        ("platform", "x".into()),
        ("reply_to", reply_to),
        ("repost_of", repost_of),
        ("quote_of", quote_of),
        ("mentions", json_list(&mentions)),
        ("hashtags", json_list(&hashtags)),
        ("urls", json_list(&urls)),
        ("lang", s(v, "lang").unwrap_or_default().into_owned()),
        (
            "likes",
            s(v, "favorite_count").unwrap_or_default().into_owned(),
        ),
        (
            "reposts",
            s(v, "retweet_count").unwrap_or_default().into_owned(),
        ),
        (
            "replies",
            s(v, "reply_count").unwrap_or_default().into_owned(),
        ),
        ("media", media.join(" ")),
        ("source", source),
    ];
    if let Some(c) = &community {
        fields.push(("community", c.clone()));
    }
    for (k, c) in [
        ("likes", "favorite_count"),
        ("reposts", "retweet_count"),
        ("replies", "reply_count"),
    ] {
        if let Some((_, val)) = fields.iter_mut().find(|(n, _)| *n == k)
            && !val.is_empty()
            && val.parse::<u64>().is_err()
        {
            t.error(
                rel,
                line,
                0,
                "bad-number",
                format!(
                    "tweet {id}: `{c}` is {}: expected a whole number ≥ 0",
                    shown(val)
                ),
            );
            return None;
        }
    }
    let mut extras = unknown_scalars(v, KNOWN, TableKind::Posts);
    // Kept for inferring the owner, never written.
    if let Some(uid) = s(v, "in_reply_to_user_id_str") {
        extras.push(("__reply_user".into(), uid.into_owned()));
        let h = s(v, "in_reply_to_screen_name").unwrap_or_default();
        extras.push(("__reply_handle".into(), h.into_owned()));
    }
    Some(Tweet {
        rel: rel.to_string(),
        line,
        fields,
        extras,
        id,
        created,
        text,
        community,
    })
}

pub(super) fn import(t: &mut Tables<'_>) {
    let files = t.files();
    let mut tweets: Vec<Tweet> = Vec::new();
    // id → (handle, display name) of accounts met in tweets.
    let mut met: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut owner_id: Option<String> = None;
    let mut owner_fields: Vec<(&'static str, String)> = Vec::new();
    let mut header_users: HashMap<String, u64> = HashMap::new();
    let mut followers: Vec<String> = Vec::new();
    let mut following: Vec<String> = Vec::new();
    let mut likes: Vec<String> = Vec::new();
    let mut notes: Vec<(i64, String, u64, String)> = Vec::new();
    let (mut had_followers, mut had_following) = (false, false);

    t.ignore_folders("media and other data the report does not use");
    for rel in &files {
        if rel.contains('/') {
            continue;
        }
        let name = rel.as_str();
        if name == crate::config::CONFIG_FILE {
            continue;
        }
        if name == "account.js" {
            read_ytd(t, rel, Some("account"), |_, v, _| {
                if let Some(id) = s(v, "accountId") {
                    owner_id = Some(id.into_owned());
                    // Never read: email, phone (privacy); only public profile fields.
                    owner_fields
                        .push(("handle", s(v, "username").unwrap_or_default().into_owned()));
                    owner_fields.push((
                        "display_name",
                        s(v, "accountDisplayName").unwrap_or_default().into_owned(),
                    ));
                    owner_fields.push((
                        "created_at",
                        s(v, "createdAt").unwrap_or_default().into_owned(),
                    ));
                }
            });
            t.fed(TableKind::Accounts, &t.path(rel));
        } else if name == "profile.js" {
            read_ytd(t, rel, Some("profile"), |_, v, _| {
                let d = v.get("description");
                let get = |k: &str| d.and_then(|d| s(d, k)).unwrap_or_default().into_owned();
                owner_fields.push(("bio", get("bio")));
                owner_fields.push(("url", get("website")));
                owner_fields.push(("location", get("location")));
                owner_fields.push((
                    "avatar",
                    s(v, "avatarMediaUrl").unwrap_or_default().into_owned(),
                ));
            });
            t.fed(TableKind::Accounts, &t.path(rel));
        } else if is_part(name, "tweets")
            || is_part(name, "tweet")
            || is_part(name, "community-tweet")
        {
            let community = name.starts_with("community");
            read_ytd(t, rel, Some("tweet"), |t, v, line| {
                if let Some(tw) = tweet(t, rel, line, v, &mut met) {
                    tweets.push(tw);
                }
            });
            t.fed(TableKind::Posts, &t.path(rel));
            if community {
                t.fed(TableKind::Groups, &t.path(rel));
            }
        } else if is_part(name, "tweet-headers") {
            read_ytd(t, rel, Some("tweet"), |_, v, _| {
                if let Some(u) = s(v, "user_id").or_else(|| s(v, "user_id_str")) {
                    *header_users.entry(u.into_owned()).or_default() += 1;
                }
            });
        } else if is_part(name, "note-tweet") {
            t.fed(TableKind::Posts, &t.path(rel));
            read_ytd(t, rel, Some("noteTweet"), |t, v, line| {
                let core = v.get("core");
                let text = core
                    .and_then(|c| s(c, "text"))
                    .unwrap_or_default()
                    .into_owned();
                let at = s(v, "createdAt").unwrap_or_default();
                match crate::time::TimeParser::utc().parse(&at) {
                    Ok(ts) => notes.push((ts, text, line, rel.clone())),
                    Err(e) => t.error(
                        rel,
                        line,
                        0,
                        "bad-timestamp",
                        format!("note tweet: `createdAt` is {}: {e}", shown(&at)),
                    ),
                }
            });
        } else if is_part(name, "follower") {
            had_followers = true;
            read_ytd(t, rel, Some("follower"), |t, v, line| {
                match s(v, "accountId") {
                    Some(a) => followers.push(a.into_owned()),
                    None => t.error(
                        rel,
                        line,
                        0,
                        "bad-record",
                        "a follower without `accountId`: expected the follower's account id".into(),
                    ),
                }
            });
            t.fed(TableKind::Follows, &t.path(rel));
        } else if is_part(name, "following") {
            had_following = true;
            read_ytd(t, rel, Some("following"), |t, v, line| {
                match s(v, "accountId") {
                    Some(a) => following.push(a.into_owned()),
                    None => t.error(
                        rel,
                        line,
                        0,
                        "bad-record",
                        "a followed account without `accountId`: expected its account id".into(),
                    ),
                }
            });
            t.fed(TableKind::Follows, &t.path(rel));
        } else if is_part(name, "like") {
            read_ytd(t, rel, Some("like"), |t, v, line| match s(v, "tweetId") {
                Some(a) => likes.push(a.into_owned()),
                None => t.error(
                    rel,
                    line,
                    0,
                    "bad-record",
                    "a like without `tweetId`: expected the liked tweet's id".into(),
                ),
            });
        } else if name.ends_with(".js") {
            t.ignore(rel, "an X archive file the report does not use");
        } else {
            t.ignore(rel, "not an X archive data file");
        }
    }

    // The owner: account.js, else the author in tweet-headers.js, else the account that the
    // archive's own replies-to-own-tweets answer.
    let ids: HashSet<&str> = tweets.iter().map(|w| w.id.as_str()).collect();
    let mut handle_guess: Option<String> = None;
    if owner_id.is_none() {
        owner_id = header_users
            .into_iter()
            .max_by_key(|(u, n)| (*n, u.clone()))
            .map(|(u, _)| u);
    }
    if owner_id.is_none() {
        let mut votes: BTreeMap<(String, String), u64> = BTreeMap::new();
        // Self-replies: replies whose parent is in the archive answer the owner.
        let parents: HashMap<&str, ()> = ids.iter().map(|i| (*i, ())).collect();
        for w in &tweets {
            let r = w
                .fields
                .iter()
                .find(|(n, _)| *n == "reply_to")
                .map(|(_, v)| v.as_str())
                .unwrap_or("");
            if parents.contains_key(r)
                && let Some(uid) = w
                    .extras
                    .iter()
                    .find(|(n, _)| n == "__reply_user")
                    .map(|(_, v)| v.clone())
            {
                let h = w
                    .extras
                    .iter()
                    .find(|(n, _)| n == "__reply_handle")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                *votes.entry((uid, h)).or_default() += 1;
            }
        }
        if let Some(((uid, h), _)) = votes.into_iter().max_by_key(|(k, n)| (*n, k.clone())) {
            owner_id = Some(uid);
            handle_guess = (!h.is_empty()).then_some(h);
        }
    }
    let owner = owner_id.unwrap_or_else(|| {
        t.note(
            "account.js",
            "owner-unknown",
            "the archive has no account.js and its owner could not be inferred: the posts' author is `owner`; set [report] brand in honeycomb.toml".into(),
        );
        "owner".to_string()
    });
    if !owner_fields
        .iter()
        .any(|(k, v)| *k == "handle" && !v.is_empty())
        && let Some(h) = handle_guess.or_else(|| met.get(&owner).map(|(h, _)| h.clone()))
    {
        owner_fields.push(("handle", h));
    }
    t.owner = Some(owner.clone());

    // Long posts: note-tweet.js holds the full text of tweets whose text is cut.
    if !notes.is_empty() {
        let mut by_time: HashMap<i64, Vec<usize>> = HashMap::new();
        for (i, w) in tweets.iter().enumerate() {
            by_time.entry(w.created).or_default().push(i);
        }
        let mut unmatched = 0u64;
        for (ts, text, _, _) in &notes {
            let hit = by_time.get(ts).and_then(|c| {
                c.iter().copied().find(|&i| {
                    let short = tweets[i].text.trim_end_matches('…');
                    let short = short.rsplit_once(" http").map_or(short, |(a, _)| a);
                    let short = short.trim_end_matches('…').trim();
                    !short.is_empty() && text.starts_with(short)
                })
            });
            match hit {
                Some(i) => tweets[i].text = text.clone(),
                None => unmatched += 1,
            }
        }
        if unmatched > 0 {
            t.note("note-tweet.js", "unmatched", format!("{unmatched} long-form texts match no tweet (by time and opening text): not imported"));
        }
    }

    // Accounts: the owner, then the accounts met in tweets.
    let mut acc = vec![("id", owner.clone()), ("platform", "x".to_string())];
    acc.extend(owner_fields);
    if had_followers {
        acc.push(("followers", followers.len().to_string()));
    }
    if had_following {
        acc.push(("following", following.len().to_string()));
    }
    let mut fields: Vec<(&str, String)> = Vec::new();
    for (k, v) in acc {
        if !fields.iter().any(|(n, _)| *n == k) {
            fields.push((k, v));
        }
    }
    let accounts = t.table(TableKind::Accounts);
    accounts.push(fields);

    // Posts.
    let mut post_ids: HashSet<String> = HashSet::new();
    let mut communities: BTreeMap<String, ()> = BTreeMap::new();
    let mut rows = Vec::with_capacity(tweets.len());
    for w in tweets {
        if !post_ids.insert(w.id.clone()) {
            // The same tweet in two files (tweets.js and a part, or community-tweet.js).
            t.note(
                &w.rel,
                "repeated-record",
                format!(
                    "tweet {} at line {} is already in the archive: read once",
                    w.id, w.line
                ),
            );
            continue;
        }
        if let Some(c) = &w.community {
            communities.insert(c.clone(), ());
        }
        let mut f: Vec<(&str, String)> = vec![
            ("id", w.id),
            ("author", owner.clone()),
            ("created_at", rfc3339(w.created)),
            ("text", w.text),
        ];
        f.extend(w.fields);
        rows.push((f, w.extras));
    }
    let posts = t.table(TableKind::Posts);
    for (f, extras) in &rows {
        let mut f = f.clone();
        for (k, v) in extras {
            if !k.starts_with("__") {
                f.push((k.as_str(), v.clone()));
            }
        }
        posts.push(f);
    }
    drop(rows);

    if !communities.is_empty() {
        let g = t.table(TableKind::Groups);
        for c in communities.keys() {
            g.push(vec![
                ("id", c.clone()),
                ("platform", "x".into()),
                ("name", format!("X community {c}")),
            ]);
        }
        let m = t.table(TableKind::Memberships);
        for c in communities.keys() {
            m.push(vec![("group", c.clone()), ("account", owner.clone())]);
        }
    }

    if had_followers || had_following {
        let fo = t.table(TableKind::Follows);
        for a in &followers {
            fo.push(vec![("source", a.clone()), ("target", owner.clone())]);
        }
        for a in &following {
            fo.push(vec![("source", owner.clone()), ("target", a.clone())]);
        }
    }

    if !likes.is_empty() {
        let own: Vec<&String> = likes
            .iter()
            .filter(|l| post_ids.contains(l.as_str()))
            .collect();
        let n_own = own.len();
        if n_own > 0 {
            let r = t.table(TableKind::Ratings);
            for l in own {
                r.push(vec![
                    ("post", l.clone()),
                    ("rater", owner.clone()),
                    ("score", "1".into()),
                    ("kind", "like".into()),
                ]);
            }
            t.fed(TableKind::Ratings, &t.path("like.js"));
        }
        let other = likes.len() - n_own;
        if other > 0 {
            t.note("like.js", "not-imported", format!("{} likes: {n_own} of the archive's own posts kept as ratings; {other} of posts that are not in the archive not kept (a rating needs its post)", likes.len()));
        }
    }
    // The posts table always exists, even for an archive without tweets.
    t.table(TableKind::Posts);
}
