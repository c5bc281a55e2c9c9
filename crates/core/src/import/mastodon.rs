//! The Mastodon account archive (Preferences → Import and export → Request your archive),
//! with the CSV exports of the same page when they are put beside it.
//!
//! | archive file | table |
//! |---|---|
//! | actor.json | accounts: the owner (`user@domain`, name, bio as text, avatar, created_at, profile fields) |
//! | outbox.json | posts: `Create`/`Note` (or `Question`) → a post; `Announce` → a boost (repost) |
//! | likes.json | ratings (kind like) of the owner's own posts; likes of other posts are counted |
//! | bookmarks.json | counted only (private; no table) |
//! | following_accounts.csv | follows: owner → account; the owner's `following` |
//! | lists.csv | groups (one per list, private) and memberships |
//!
//! A post: `id` = the Note's id (an URL), `author` = the owner, `created_at` = `published`,
//! `text` = `content` as plain text (HTML dropped, links' full addresses kept), `reply_to` =
//! `inReplyTo`, `quote_of` = `quote`/`quoteUri`/`_misskey_quote`, mentions and hashtags
//! from `tag`, links from the content's `<a href>` that are neither, `media` = the
//! attachments' URLs, `lang` = the `contentMap` key. Extra columns: `visibility` (public,
//! unlisted, followers, direct — from `to`/`cc`), `content_warning` (`summary`), `sensitive`,
//! `emoji` (custom emoji shortcodes), `media_description` (alt texts), and the Note's
//! other plain fields. A boost: `id` = the activity's id, `repost_of` = its `object`.

use super::{Tables, each_element, json_list, s, shown, unknown_scalars};
use crate::model::TableKind;
use serde_json::Value;
use std::collections::HashSet;

const PUBLIC: [&str; 3] = [
    "https://www.w3.org/ns/activitystreams#Public",
    "as:Public",
    "Public",
];

/// The folder holding `outbox.json`, if it is a Mastodon archive.
pub(super) fn detect(src: &super::Source) -> Option<String> {
    src.files()
        .filter(|f| {
            let name = f.rsplit('/').next().unwrap_or(f);
            name == "outbox.json" && f.matches('/').count() <= 1
        })
        .min_by_key(|f| f.len())
        .map(|f| {
            f.rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string())
        })
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(x)) => vec![x.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// public, unlisted, followers or direct, as Mastodon decides it from the audience.
fn visibility(v: &Value, followers: &str) -> &'static str {
    let to = strings(v.get("to"));
    let cc = strings(v.get("cc"));
    let public = |l: &[String]| l.iter().any(|x| PUBLIC.contains(&x.as_str()));
    if public(&to) {
        "public"
    } else if public(&cc) {
        "unlisted"
    } else if !followers.is_empty() && to.iter().chain(&cc).any(|x| x == followers) {
        "followers"
    } else {
        "direct"
    }
}

/// `https://host/users/name` → `host`.
fn host(url: &str) -> &str {
    url.split("://")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or("")
}

/// `@bob@b.example` → `bob@b.example`; a local `@bob` gets the owner's domain.
fn acct(name: &str, domain: &str) -> String {
    let n = name.trim_start_matches('@');
    if n.contains('@') || domain.is_empty() {
        n.to_string()
    } else {
        format!("{n}@{domain}")
    }
}

/// The hrefs of `<a>` tags that are not mentions or hashtags.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<a ") {
        rest = &rest[i + 3..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        let attr = |name: &str| -> Option<String> {
            let k = tag.find(&format!("{name}=\""))?;
            let v = &tag[k + name.len() + 2..];
            Some(super::decode_entities(&v[..v.find('"')?]))
        };
        let class = attr("class").unwrap_or_default();
        if class
            .split_whitespace()
            .any(|c| c == "mention" || c == "hashtag")
        {
            continue;
        }
        if let Some(h) = attr("href")
            && (h.starts_with("http://") || h.starts_with("https://"))
        {
            out.push(h);
        }
    }
    out
}

const KNOWN: &[&str] = &[
    "id",
    "type",
    "published",
    "inReplyTo",
    "content",
    "contentMap",
    "summary",
    "summaryMap",
    "to",
    "cc",
    "tag",
    "attachment",
    "attributedTo",
    "quote",
    "quoteUri",
    "_misskey_quote",
    "replies",
    "likes",
    "shares",
    "@context",
];

pub(super) fn import(t: &mut Tables<'_>) {
    let files = t.files();
    // The owner.
    let mut owner = String::new();
    let mut domain = String::new();
    let mut followers_url = String::new();
    let mut actor_url = String::new();
    let mut owner_fields: Vec<(&str, String)> = Vec::new();
    if files.iter().any(|f| f == "actor.json")
        && let Some(text) = t.text("actor.json")
    {
        match serde_json::from_str::<Value>(&text) {
            Ok(a) => {
                actor_url = s(&a, "id").unwrap_or_default().into_owned();
                domain = host(&actor_url).to_string();
                followers_url = s(&a, "followers").unwrap_or_default().into_owned();
                let user = s(&a, "preferredUsername").unwrap_or_default().into_owned();
                owner = acct(&user, &domain);
                owner_fields = vec![
                    ("handle", owner.clone()),
                    (
                        "display_name",
                        s(&a, "name").unwrap_or_default().into_owned(),
                    ),
                    (
                        "bio",
                        super::html_to_text(&s(&a, "summary").unwrap_or_default()),
                    ),
                    ("url", s(&a, "url").unwrap_or_default().into_owned()),
                    (
                        "avatar",
                        a.get("icon")
                            .and_then(|i| s(i, "url"))
                            .unwrap_or_default()
                            .into_owned(),
                    ),
                    (
                        "created_at",
                        s(&a, "published").unwrap_or_default().into_owned(),
                    ),
                ];
                t.fed(TableKind::Accounts, &t.path("actor.json"));
            }
            Err(e) => t.error(
                "actor.json",
                e.line() as u64,
                e.column() as u64,
                "bad-json",
                format!("not valid JSON ({e}): expected the ActivityPub actor object"),
            ),
        }
    }
    let mut posts: Vec<Vec<(&'static str, String)>> = Vec::new();
    let mut extras_rows: Vec<Vec<(String, String)>> = Vec::new();
    let mut other_types: std::collections::BTreeMap<String, u64> = Default::default();
    if let Some(text) = t.text("outbox.json") {
        t.fed(TableKind::Posts, &t.path("outbox.json"));
        let open = text
            .find("\"orderedItems\"")
            .and_then(|k| text[k..].find('[').map(|j| k + j));
        match open {
            None => t.error(
                "outbox.json",
                1,
                1,
                "bad-json",
                "no `orderedItems` list: expected an ActivityStreams OrderedCollection".into(),
            ),
            Some(open) => each_element(t, "outbox.json", &text, open, |t, act, line| {
                let kind = s(&act, "type").unwrap_or_default().into_owned();
                if owner.is_empty()
                    && let Some(a) = s(&act, "actor")
                {
                    actor_url = a.into_owned();
                    domain = host(&actor_url).to_string();
                    let user = actor_url.rsplit('/').next().unwrap_or("").to_string();
                    owner = acct(&user, &domain);
                }
                if followers_url.is_empty() && !actor_url.is_empty() {
                    followers_url = format!("{actor_url}/followers");
                }
                match kind.as_str() {
                    "Create" => {
                        let Some(note) = act.get("object").filter(|o| o.is_object()) else {
                            t.error(
                                "outbox.json",
                                line,
                                0,
                                "bad-record",
                                "a Create without an object: expected the created Note".into(),
                            );
                            return;
                        };
                        match post(note, &act, &owner, &domain, &followers_url) {
                            Ok((row, extras)) => {
                                posts.push(row);
                                extras_rows.push(extras);
                            }
                            Err(why) => t.error("outbox.json", line, 0, "bad-record", why),
                        }
                    }
                    "Announce" => {
                        let id = s(&act, "id").unwrap_or_default().into_owned();
                        let object = match act.get("object") {
                            Some(Value::String(o)) => o.clone(),
                            Some(o) => s(o, "id").unwrap_or_default().into_owned(),
                            None => String::new(),
                        };
                        let published = s(&act, "published").unwrap_or_default().into_owned();
                        if id.is_empty() || object.is_empty() || published.is_empty() {
                            t.error(
                                "outbox.json",
                                line,
                                0,
                                "bad-record",
                                format!(
                                    "a boost without {}: expected id, object and published",
                                    if id.is_empty() {
                                        "`id`"
                                    } else if object.is_empty() {
                                        "`object`"
                                    } else {
                                        "`published`"
                                    }
                                ),
                            );
                            return;
                        }
                        posts.push(vec![
                            ("id", id),
                            ("author", owner.clone()),
                            ("created_at", published),
                            ("platform", "mastodon".into()),
                            ("repost_of", object),
                        ]);
                        extras_rows.push(vec![(
                            "visibility".into(),
                            visibility(&act, &followers_url).into(),
                        )]);
                    }
                    other => *other_types.entry(other.to_string()).or_default() += 1,
                }
            }),
        }
    }
    for (k, n) in other_types {
        t.note(
            "outbox.json",
            "not-imported",
            format!(
                "{n} activities of type {}: not posts or boosts, not imported",
                shown(&k)
            ),
        );
    }
    if owner.is_empty() {
        owner = "owner".into();
        t.note("actor.json", "owner-unknown", "the archive's owner is unknown (no actor.json, no activity with an actor): posts are attributed to `owner`".into());
    }
    // Every post's author is the owner, also where it was read before the owner was known.
    for p in &mut posts {
        if let Some((_, a)) = p.iter_mut().find(|(k, _)| *k == "author") {
            *a = owner.clone();
        }
    }
    t.owner = Some(owner.clone());

    // Follows and lists (CSV exports).
    let mut following = None;
    if files.iter().any(|f| f == "following_accounts.csv") {
        let rows = csv_rows(t, "following_accounts.csv", "account address");
        following = Some(rows.len());
        let fo = t.table(TableKind::Follows);
        for (_, r) in &rows {
            if let Some(a) = r.first().filter(|a| !a.is_empty()) {
                fo.push(vec![("source", owner.clone()), ("target", acct(a, ""))]);
            }
        }
        t.fed(TableKind::Follows, &t.path("following_accounts.csv"));
    }
    if files.iter().any(|f| f == "lists.csv") {
        let rows = csv_rows(t, "lists.csv", "list name");
        let mut lists: Vec<String> = Vec::new();
        let mut members = Vec::new();
        for (line, r) in rows {
            match (r.first(), r.get(1)) {
                (Some(l), Some(a)) if !l.is_empty() && !a.is_empty() => {
                    if !lists.contains(l) {
                        lists.push(l.clone());
                    }
                    members.push((l.clone(), acct(a, "")));
                }
                _ => t.error(
                    "lists.csv",
                    line,
                    0,
                    "bad-record",
                    "expected two fields: list name, account address".into(),
                ),
            }
        }
        let g = t.table(TableKind::Groups);
        for l in &lists {
            g.push(vec![
                ("id", format!("list:{l}")),
                ("name", l.clone()),
                ("platform", "mastodon".into()),
                ("visibility", "private".into()),
            ]);
        }
        let m = t.table(TableKind::Memberships);
        for (l, a) in members {
            m.push(vec![("group", format!("list:{l}")), ("account", a)]);
        }
        t.fed(TableKind::Groups, &t.path("lists.csv"));
    }

    // The owner's account.
    let mut acc: Vec<(&str, String)> = vec![("id", owner.clone()), ("platform", "mastodon".into())];
    acc.extend(owner_fields);
    if let Some(n) = following {
        acc.push(("following", n.to_string()));
    }
    t.table(TableKind::Accounts).push(acc);

    let ids: HashSet<String> = posts
        .iter()
        .filter_map(|p| p.iter().find(|(k, _)| *k == "id").map(|(_, v)| v.clone()))
        .collect();
    let table = t.table(TableKind::Posts);
    for (mut p, extras) in posts.into_iter().zip(extras_rows) {
        let ex: Vec<(String, String)> = extras;
        let mut row: Vec<(&str, String)> = std::mem::take(&mut p);
        for (k, v) in &ex {
            row.push((k.as_str(), v.clone()));
        }
        table.push(row);
    }

    // Likes and bookmarks.
    for (file, what) in [("likes.json", "likes"), ("bookmarks.json", "bookmarks")] {
        if !files.iter().any(|f| f == file) {
            continue;
        }
        let Some(text) = t.text(file) else { continue };
        let items: Vec<String> = match serde_json::from_str::<Value>(&text) {
            Ok(v) => strings(v.get("orderedItems")),
            Err(e) => {
                t.error(
                    file,
                    e.line() as u64,
                    e.column() as u64,
                    "bad-json",
                    format!("not valid JSON ({e}): expected an OrderedCollection"),
                );
                continue;
            }
        };
        if what == "bookmarks" {
            t.note(
                file,
                "not-imported",
                format!(
                    "{} bookmarks: private, no table in the data folder; counted only",
                    items.len()
                ),
            );
            continue;
        }
        let own: Vec<&String> = items.iter().filter(|i| ids.contains(i.as_str())).collect();
        let n_own = own.len();
        if n_own > 0 {
            let r = t.table(TableKind::Ratings);
            for i in own {
                r.push(vec![
                    ("post", i.clone()),
                    ("rater", owner.clone()),
                    ("score", "1".into()),
                    ("kind", "like".into()),
                ]);
            }
            t.fed(TableKind::Ratings, &t.path(file));
        }
        if items.len() > n_own {
            t.note(file, "not-imported", format!("{} likes: {n_own} of the archive's own posts kept as ratings; {} of posts that are not in the archive not kept (a rating needs its post)", items.len(), items.len() - n_own));
        }
    }

    // Everything else is noted once.
    t.ignore_folders("media the report does not use");
    for rel in &files {
        if rel.contains('/') {
            continue;
        }
        let known = [
            "actor.json",
            "outbox.json",
            "likes.json",
            "bookmarks.json",
            "following_accounts.csv",
            "lists.csv",
            crate::config::CONFIG_FILE,
        ];
        if !known.contains(&rel.as_str()) {
            t.ignore(rel, "a Mastodon export file the report does not use");
        }
    }
}

/// The rows of a small CSV export, skipping a header whose first field is `header`.
fn csv_rows(t: &mut Tables<'_>, rel: &str, header: &str) -> Vec<(u64, Vec<String>)> {
    let Some(text) = t.text(rel) else {
        return Vec::new();
    };
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, rec) in r.records().enumerate() {
        match rec {
            Ok(rec) => {
                let fields: Vec<String> = rec.iter().map(|f| f.trim().to_string()).collect();
                if i == 0
                    && fields
                        .first()
                        .is_some_and(|f| f.eq_ignore_ascii_case(header))
                {
                    continue;
                }
                let line = rec.position().map_or(0, |p| p.line());
                out.push((line, fields));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                t.error(
                    rel,
                    line,
                    0,
                    "bad-record",
                    format!("a row that cannot be read: {e}"),
                );
            }
        }
    }
    out
}

type Row = Vec<(&'static str, String)>;

/// A Note (or Question) as a post row and its extra fields.
fn post(
    note: &Value,
    act: &Value,
    owner: &str,
    domain: &str,
    followers: &str,
) -> Result<(Row, Vec<(String, String)>), String> {
    let id = s(note, "id")
        .or_else(|| s(act, "id"))
        .ok_or("a post without `id`: expected the Note's id")?
        .into_owned();
    let published = s(note, "published")
        .or_else(|| s(act, "published"))
        .ok_or_else(|| format!("post {id}: no `published`: expected its time"))?
        .into_owned();
    let content = s(note, "content").unwrap_or_default();
    let text = super::html_to_text(&content);
    let lang = note
        .get("contentMap")
        .and_then(Value::as_object)
        .and_then(|m| m.keys().next().cloned())
        .unwrap_or_default();
    let mut mentions = Vec::new();
    let mut hashtags = Vec::new();
    let mut emoji = Vec::new();
    if let Some(tags) = note.get("tag").and_then(Value::as_array) {
        for tag in tags {
            let name = s(tag, "name").unwrap_or_default();
            match s(tag, "type").as_deref() {
                Some("Mention") => mentions.push(acct(&name, domain)),
                Some("Hashtag") => hashtags.push(name.trim_start_matches('#').to_string()),
                Some("Emoji") => emoji.push(name.into_owned()),
                _ => {}
            }
        }
    }
    let mut media = Vec::new();
    let mut alts = Vec::new();
    if let Some(att) = note.get("attachment").and_then(Value::as_array) {
        for a in att {
            if let Some(u) = s(a, "url") {
                media.push(u.into_owned());
                alts.push(s(a, "name").unwrap_or_default().into_owned());
            }
        }
    }
    let quote = s(note, "quote")
        .or_else(|| s(note, "quoteUri"))
        .or_else(|| s(note, "_misskey_quote"))
        .unwrap_or_default()
        .into_owned();
    let row: Row = vec![
        ("id", id),
        ("author", owner.to_string()),
        ("created_at", published),
        ("text", text),
        ("platform", "mastodon".into()),
        (
            "reply_to",
            s(note, "inReplyTo").unwrap_or_default().into_owned(),
        ),
        ("quote_of", quote),
        ("mentions", json_list(&mentions)),
        ("hashtags", json_list(&hashtags)),
        ("urls", json_list(&links(&content))),
        ("lang", lang),
        ("media", media.join(" ")),
    ];
    let mut extras: Vec<(String, String)> = vec![
        ("visibility".into(), visibility(note, followers).into()),
        (
            "content_warning".into(),
            s(note, "summary")
                .map(|x| super::html_to_text(&x))
                .unwrap_or_default(),
        ),
        ("emoji".into(), json_list(&emoji)),
        (
            "media_description".into(),
            if alts.iter().any(|a| !a.is_empty()) {
                json_list(&alts)
            } else {
                String::new()
            },
        ),
    ];
    extras.extend(unknown_scalars(note, KNOWN, TableKind::Posts));
    Ok((row, extras))
}
