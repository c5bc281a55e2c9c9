//! Importers: the real X archive (read from the shared data, never copied), a hand-written
//! Mastodon archive and a small X archive in tests/fixtures, archives as .zip and .tar.gz,
//! the round trip through `honeycomb import`, and the `tweets-csv` preset.

use crate::shared_data::shared_data;
use crate::{fixture, read, report_ok, run, s, tree};
use honeycomb_core::import::load_path;
use honeycomb_core::{Dataset, LoadOptions, PostKind, TableKind, load_folder};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The records of a `window.YTD.…` file, unwrapped from their `{"tweet": …}` wrapper.
fn ytd(path: &Path, wrapper: &str) -> Vec<Value> {
    let text = read(path);
    let open = text.find('[').expect("a list");
    let v: Vec<Value> = serde_json::from_str(&text[open..]).expect("valid JSON");
    v.into_iter()
        .map(|r| r.get(wrapper).cloned().expect("wrapped record"))
        .collect()
}

/// Counts kinds in the report's metrics/posts.csv.
fn kinds_in_report(out: &Path) -> BTreeMap<String, u64> {
    let text = read(&out.join("metrics/posts.csv"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let k = header
        .iter()
        .position(|h| *h == "kind")
        .expect("kind column");
    let mut counts = BTreeMap::new();
    for l in lines {
        let kind = l.split(',').nth(k).expect("kind").to_string();
        *counts.entry(kind).or_insert(0u64) += 1;
    }
    counts
}

fn metric(report: &Value, section: &str, key: &str) -> f64 {
    report["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["id"] == section)
        .and_then(|s| s["metrics"].as_array())
        .and_then(|m| m.iter().find(|m| m["key"] == key))
        .and_then(|m| m["value"].as_f64())
        .unwrap_or_else(|| panic!("metric {key}"))
}

#[test]
fn x_archive_report_counts_equal_the_archive_files() {
    let Some(shared) = shared_data() else { return };
    let archive = shared.join("x-archive");
    // Counted from the archive files, independently of the importer.
    let mut tweets = ytd(&archive.join("tweets.js"), "tweet");
    let in_tweets_js = tweets.len();
    tweets.extend(ytd(&archive.join("community-tweet.js"), "tweet"));
    let replies = tweets
        .iter()
        .filter(|t| t.get("in_reply_to_status_id_str").is_some())
        .count() as u64;
    let retweets = tweets
        .iter()
        .filter(|t| {
            t["full_text"]
                .as_str()
                .is_some_and(|x| x.starts_with("RT @"))
                || t.get("retweeted_status").is_some()
        })
        .count() as u64;
    let followers = ytd(&archive.join("follower.js"), "follower").len() as f64;
    let following = ytd(&archive.join("following.js"), "following").len() as f64;
    // The archive's README states these numbers for tweets.js.
    assert_eq!(in_tweets_js, 2045);
    assert_eq!((followers, following), (61.0, 167.0));

    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("report");
    report_ok(&archive, &out, &[]);
    let report: Value = serde_json::from_str(&read(&out.join("report.json"))).expect("json");
    let kinds = kinds_in_report(&out);
    let total: u64 = kinds.values().sum();
    assert_eq!(total, tweets.len() as u64, "{kinds:?}");
    assert_eq!(
        kinds.get("reply").copied().unwrap_or(0),
        replies,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.get("repost").copied().unwrap_or(0),
        retweets,
        "{kinds:?}"
    );
    let posts_row = report["data"]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .find(|t| t["table"] == "posts")
        .and_then(|t| t["rows"].as_u64());
    assert_eq!(posts_row, Some(tweets.len() as u64));
    assert_eq!(
        metric(&report, "relationships", "relationships.followers"),
        followers
    );
    assert_eq!(
        metric(&report, "relationships", "relationships.following"),
        following
    );
    // The archive owner (inferred from the replies to its own tweets) is the brand.
    assert_eq!(report["meta"]["brand"][0], "@milahu104");
    // And the other way round: what the report calls replies are exactly the archive's.
    let loaded = load_path(&archive, &LoadOptions::default()).expect("loads");
    let d = &loaded.data;
    let reply_ids: std::collections::BTreeSet<&str> = d
        .posts
        .iter()
        .filter(|p| p.kind() == PostKind::Reply)
        .map(|p| &*p.id)
        .collect();
    let archive_reply_ids: std::collections::BTreeSet<&str> = tweets
        .iter()
        .filter(|t| t.get("in_reply_to_status_id_str").is_some())
        .map(|t| t["id_str"].as_str().expect("id"))
        .collect();
    assert_eq!(reply_ids, archive_reply_ids);
    let owner = &d.accounts[0];
    assert_eq!(owner.handle.as_deref(), Some("milahu104"));
    assert_eq!((owner.followers, owner.following), (Some(61), Some(167)));
    // One account's archive: every relation touches the owner and nobody else posts, so the
    // position, reputation and community blocks are not judged (no 100/100 by construction);
    // each says why, as the rule line of its block.
    for block in ["relationships", "reputation", "groups"] {
        let b = report["honeycomb"]
            .as_array()
            .expect("blocks")
            .iter()
            .find(|b| b["block"] == block)
            .expect("block");
        assert!(b["score"].is_null(), "{block}: {b}");
        assert_eq!(b["verdict"], "not enough data to judge", "{block}");
        assert!(
            b["rule"].as_str().is_some_and(|r| r.contains("add ")),
            "{block} says what to add: {b}"
        );
    }
}

#[test]
fn x_archive_imports_fast_enough() {
    let Some(shared) = shared_data() else { return };
    let archive = shared.join("x-archive");
    // Generous for a debug build on a shared CI machine; BENCHMARKS.md has the release times.
    let t = std::time::Instant::now();
    let loaded = load_path(&archive, &LoadOptions::default()).expect("loads");
    assert!(loaded.data.posts.len() > 2000);
    assert!(t.elapsed().as_secs_f64() < 10.0, "{:?}", t.elapsed());
}

#[test]
fn x_archive_maps_every_kind_of_tweet() {
    let loaded = load_path(&fixture("x-archive-mini"), &LoadOptions::default()).expect("loads");
    let d = &loaded.data;
    assert_eq!(loaded.config.report.brand, vec!["1000".to_string()]);
    let owner = &d.accounts[0];
    assert_eq!(&*owner.id, "1000");
    assert_eq!(owner.handle.as_deref(), Some("AcmeCoffee"));
    assert_eq!(owner.bio.as_deref(), Some("Small-batch roasters"));
    assert_eq!((owner.followers, owner.following), (Some(3), Some(2)));
    let kinds: Vec<PostKind> = d.posts.iter().map(|p| p.kind()).collect();
    assert_eq!(
        kinds,
        [
            PostKind::Original,
            PostKind::Reply,
            PostKind::Repost,
            PostKind::Quote,
            PostKind::Reply
        ]
    );
    let p = &d.posts[0];
    assert_eq!(
        &*p.text,
        "New roast & more #Coffee https://acme.example/roast"
    );
    assert_eq!(p.created_at, 1_767_603_600); // 2026-01-05T09:00:00Z
    assert_eq!((p.likes, p.reposts), (Some(12), Some(3)));
    assert_eq!(p.hashtags(), [Box::from("coffee")]);
    assert_eq!(p.urls(), [Box::from("https://acme.example/roast")]);
    assert_eq!(d.posts[1].mentions(), [Box::from("bob")]);
    // The long post's full text comes from note-tweet.js; it answers the first post.
    assert_eq!(
        &*d.posts[4].text,
        "Long thought on roasting that goes on and on, and ends here."
    );
    assert_eq!(d.posts[4].reply_to, Some(0));
    // follower.js: 3 → owner; following.js: owner → 2.
    assert_eq!(d.follows.len(), 5);
    assert_eq!(d.ratings.len(), 1);
    // Unknown files and folders are noted, not errors.
    let notes: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    for f in [
        "data/ad-engagements.js",
        "data/tweets_media",
        "data/phone-number.js",
    ] {
        assert!(notes.iter().any(|n| n.starts_with(f)), "{f}: {notes:#?}");
    }
}

#[test]
fn x_archive_email_and_phone_never_reach_any_output() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("report");
    report_ok(&fixture("x-archive-mini"), &out, &[]);
    let data = dir.path().join("data");
    let (code, o, e) = run(&["import", s(&fixture("x-archive-mini")), "--out", s(&data)]);
    assert_eq!(code, 0, "{o}{e}");
    for (name, bytes) in tree(&out).into_iter().chain(tree(&data)) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["owner.private", "example.com", "31612345678", "612345678"] {
            assert!(!text.contains(secret), "{name} contains {secret}");
        }
    }
}

#[test]
fn x_archive_bad_records_are_reported_with_their_place() {
    let dir = tempfile::tempdir().expect("tmp");
    let arch = dir.path().join("archive");
    for (rel, bytes) in tree(&fixture("x-archive-mini")) {
        let p = arch.join(&rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    }
    let tweets = arch.join("data/tweets.js");
    let text = read(&tweets)
        .replace("Tue Jan 06 10:00:00 +0000 2026", "yesterday")
        .replace("\"favorite_count\" : \"2\"", "\"favorite_count\" : \"two\"");
    std::fs::write(&tweets, text).expect("write");
    let (code, _, err) = run(&["validate", s(&arch)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("data/tweets.js:25:0: tweet 1700000000000000002: `created_at` is `yesterday`: expected the archive's date format"),
        "{err}"
    );
    assert!(
        err.contains("`favorite_count` is `two`: expected a whole number"),
        "{err}"
    );
    // Lenient: the two are skipped and counted, the rest is reported.
    let out = dir.path().join("report");
    let (code, _, err) = run(&["report", s(&arch), "--out", s(&out), "--lenient"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 bad rows were skipped"), "{err}");
    let report: Value = serde_json::from_str(&read(&out.join("report.json"))).expect("json");
    assert_eq!(report["data"]["skipped"]["bad-timestamp"], 1);
    assert_eq!(report["data"]["skipped"]["bad-number"], 1);
    // A cut file is an error at the place where it breaks, not a panic.
    std::fs::write(
        &tweets,
        "window.YTD.tweets.part0 = [ { \"tweet\" : { \"id_str\" : \"1\" ",
    )
    .expect("write");
    let (code, _, err) = run(&["validate", s(&arch)]);
    assert_eq!(code, 1);
    assert!(err.contains("data/tweets.js:1:"), "{err}");
}

/// The post with this id.
fn post<'d>(d: &'d Dataset, id: &str) -> &'d honeycomb_core::Post {
    d.posts
        .iter()
        .find(|p| &*p.id == id)
        .unwrap_or_else(|| panic!("post {id}"))
}

/// An extra column's value for a post.
fn extra(d: &Dataset, column: &str, id: &str) -> String {
    let ex = &d.extras[&TableKind::Posts];
    let c = ex.names.iter().position(|n| n == column).expect(column);
    let i = d.posts.iter().position(|p| &*p.id == id).expect(id);
    ex.values[c][i].to_string()
}

#[test]
fn mastodon_archive_imports_exactly() {
    let loaded = load_path(&fixture("mastodon-archive"), &LoadOptions::default()).expect("loads");
    let d = &loaded.data;
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.level == honeycomb_core::Level::Note)
    );
    assert_eq!(
        loaded.config.report.brand,
        vec!["acme@coffee.example".to_string()]
    );
    let me = &d.accounts[0];
    assert_eq!(&*me.id, "acme@coffee.example");
    assert_eq!(me.display_name.as_deref(), Some("Acme Coffee ☕"));
    assert_eq!(
        me.bio.as_deref(),
        Some("Small-batch roasters since 2019. Visit https://acme.example & say hi!")
    );
    assert_eq!(me.following, Some(3));
    let base = "https://coffee.example/users/acme/statuses/";
    let id = |n: u32| format!("{base}{n}");
    assert_eq!(d.posts.len(), 9);

    // Public, with HTML: links, a mention, a hashtag, a unicode and a custom emoji.
    let p = post(d, &id(1001));
    assert_eq!(
        &*p.text,
        "New roast is out 🎉 :blobcoffee: thanks @bob & team! #Coffee\n\nDetails: https://acme.example/blog/2026/new-roast-ethiopia"
    );
    assert!(!p.text.contains('<') && !p.text.contains("&amp;"));
    assert_eq!(p.mentions(), [Box::from("bob@other.example")]);
    assert_eq!(p.hashtags(), [Box::from("coffee")]);
    assert_eq!(
        p.urls(),
        [Box::from(
            "https://acme.example/blog/2026/new-roast-ethiopia"
        )]
    );
    assert_eq!(p.lang(), Some("en"));
    assert_eq!(p.created_at, 1_767_603_600);
    assert_eq!(extra(d, "emoji", &id(1001)), r#"[":blobcoffee:"]"#);

    // Visibility from to/cc.
    for (n, v) in [
        (1001, "public"),
        (1002, "unlisted"),
        (1003, "followers"),
        (1004, "direct"),
        (1006, "public"),
    ] {
        assert_eq!(extra(d, "visibility", &id(n)), v, "{n}");
    }
    assert_eq!(
        post(d, &id(1004)).mentions(),
        [Box::from("carol@third.example")]
    );
    // Attachment with its alt text.
    let p = post(d, &id(1003));
    assert_eq!(
        p.media(),
        Some("/media_attachments/files/000/000/007/original/beans.png")
    );
    assert_eq!(p.lang(), Some("nl"));
    assert_eq!(
        extra(d, "media_description", &id(1003)),
        r#"["A bag of coffee beans on a scale"]"#
    );

    // The boost.
    let b = post(d, &format!("{base}1005/activity"));
    assert_eq!(b.kind(), PostKind::Repost);
    assert_eq!(&*b.text, "");
    assert_eq!(
        extra(d, "visibility", &format!("{base}1005/activity")),
        "public"
    );
    assert_eq!(
        d.summary.dangling.get("posts.repost_of"),
        Some(&1),
        "the boosted post is not in the archive"
    );

    // The reply thread: 1006 answers a post elsewhere, 1007 answers 1006, 1008 answers 1007.
    let ix = |n: u32| d.posts.iter().position(|p| *p.id == id(n)).expect("post") as u32;
    assert_eq!(post(d, &id(1006)).kind(), PostKind::Reply);
    assert_eq!(post(d, &id(1006)).reply_to, None);
    assert_eq!(post(d, &id(1007)).reply_to, Some(ix(1006)));
    assert_eq!(post(d, &id(1008)).reply_to, Some(ix(1007)));
    assert_eq!(
        &*post(d, &id(1007)).text,
        "1. Espresso: fine, like table salt.\n2. Filter: medium, like sand."
    );
    assert_eq!(
        &*post(d, &id(1008)).text,
        "3. French press: coarse <like sea salt>. That's all!"
    );

    // The content warning.
    assert_eq!(
        extra(d, "content_warning", &id(1009)),
        "Film spoilers: The Grind"
    );
    assert_eq!(extra(d, "sensitive", &id(1009)), "true");
    assert_eq!(extra(d, "content_warning", &id(1001)), "");

    // Follows, lists, likes of own posts.
    assert_eq!(d.follows.len(), 3);
    assert_eq!(d.groups.len(), 2);
    assert_eq!(d.memberships.len(), 3);
    assert_eq!(d.ratings.len(), 1);
    assert_eq!(d.ratings[0].post, ix(1007));
    let notes: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    for n in [
        "blocked_accounts.csv:0:0: note: not read",
        "bookmarks.json:0:0: note: 1 bookmarks",
        "likes.json:0:0: note: 3 likes: 1 of the archive's own posts kept as ratings; 2 of posts",
        "media_attachments:0:0: note: folder not read",
    ] {
        assert!(notes.iter().any(|x| x.starts_with(n)), "{n}: {notes:#?}");
    }
}

/// Everything of a dataset that the loader produces, for comparing two loads.
fn fingerprint(d: &Dataset) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        d.accounts,
        d.posts,
        d.follows,
        d.groups,
        d.memberships,
        d.ratings,
        d.extras,
        d.columns,
        d.summary.rows,
        d.summary.dangling
    )
}

fn round_trip(export: &Path) {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("data");
    let (code, o, e) = run(&["import", s(export), "--out", s(&out)]);
    assert_eq!(code, 0, "{o}{e}");
    let direct = load_path(export, &LoadOptions::default()).expect("loads");
    let back = load_folder(&out, &LoadOptions::default()).expect("loads back");
    assert_eq!(fingerprint(&direct.data), fingerprint(&back.data));
    assert_eq!(direct.config.report.brand, back.config.report.brand);
    // Importing again into the now filled folder is refused, and changes nothing.
    let before = tree(&out);
    let (code, _, err) = run(&["import", s(export), "--out", s(&out)]);
    assert_eq!(code, 1);
    assert!(err.contains("not an empty folder"), "{err}");
    assert_eq!(tree(&out), before);
    // No temporary folder is left beside it.
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(left, vec![out]);
}

#[test]
fn import_round_trip_mastodon() {
    round_trip(&fixture("mastodon-archive"));
}

#[test]
fn import_round_trip_x() {
    round_trip(&fixture("x-archive-mini"));
    if let Some(shared) = shared_data() {
        round_trip(&shared.join("x-archive"));
    }
}

/// A zip archive of a folder, entries under `prefix/`: text files deflated, others stored.
fn zip_folder(dir: &Path, prefix: &str, out: &Path) {
    use std::io::Write;
    let mut body: Vec<u8> = Vec::new();
    let mut central: Vec<u8> = Vec::new();
    let files = tree(dir);
    for (rel, bytes) in &files {
        let name = format!("{prefix}/{rel}");
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        let deflate = rel.ends_with(".js") || rel.ends_with(".json");
        let data = if deflate {
            let mut e =
                flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(bytes).expect("deflate");
            e.finish().expect("deflate")
        } else {
            bytes.clone()
        };
        let method: u16 = if deflate { 8 } else { 0 };
        let offset = body.len() as u32;
        let mut local = Vec::new();
        local.extend(0x0403_4b50u32.to_le_bytes());
        local.extend(20u16.to_le_bytes());
        local.extend(0u16.to_le_bytes());
        local.extend(method.to_le_bytes());
        local.extend([0u8; 4]);
        local.extend(crc.sum().to_le_bytes());
        local.extend((data.len() as u32).to_le_bytes());
        local.extend((bytes.len() as u32).to_le_bytes());
        local.extend((name.len() as u16).to_le_bytes());
        local.extend(0u16.to_le_bytes());
        local.extend(name.as_bytes());
        body.extend(&local);
        body.extend(&data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(method.to_le_bytes());
        central.extend([0u8; 4]);
        central.extend(crc.sum().to_le_bytes());
        central.extend((data.len() as u32).to_le_bytes());
        central.extend((bytes.len() as u32).to_le_bytes());
        central.extend((name.len() as u16).to_le_bytes());
        central.extend([0u8; 12]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let cd_off = body.len() as u32;
    body.extend(&central);
    body.extend(0x0605_4b50u32.to_le_bytes());
    body.extend([0u8; 4]);
    body.extend((files.len() as u16).to_le_bytes());
    body.extend((files.len() as u16).to_le_bytes());
    body.extend((central.len() as u32).to_le_bytes());
    body.extend(cd_off.to_le_bytes());
    body.extend(0u16.to_le_bytes());
    std::fs::write(out, body).expect("write zip");
}

/// A ustar .tar.gz of a folder, entries under `prefix/`.
fn targz_folder(dir: &Path, prefix: &str, out: &Path) {
    use std::io::Write;
    let mut tar: Vec<u8> = Vec::new();
    for (rel, bytes) in tree(dir) {
        let name = format!("{prefix}/{rel}");
        let mut h = [0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        h[100..107].copy_from_slice(b"0000644");
        h[108..115].copy_from_slice(b"0000000");
        h[116..123].copy_from_slice(b"0000000");
        h[124..135].copy_from_slice(format!("{:011o}", bytes.len()).as_bytes());
        h[136..147].copy_from_slice(b"00000000000");
        h[156] = b'0';
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        h[148..156].copy_from_slice(b"        ");
        let sum: u32 = h.iter().map(|&b| b as u32).sum();
        h[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        tar.extend(h);
        tar.extend(&bytes);
        tar.resize(tar.len().div_ceil(512) * 512, 0);
    }
    tar.extend([0u8; 1024]);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).expect("gzip");
    std::fs::write(out, gz.finish().expect("gzip")).expect("write");
}

#[test]
fn archives_as_zip_and_tar_gz_read_like_the_folder() {
    let dir = tempfile::tempdir().expect("tmp");
    for name in ["x-archive-mini", "mastodon-archive"] {
        let folder = fixture(name);
        let zip = dir.path().join(format!("{name}.zip"));
        let tgz = dir.path().join(format!("{name}.tar.gz"));
        zip_folder(&folder, "export-2026", &zip);
        targz_folder(&folder, "export-2026", &tgz);
        let want = fingerprint(
            &load_path(&folder, &LoadOptions::default())
                .expect("folder")
                .data,
        );
        for a in [&zip, &tgz] {
            let got =
                load_path(a, &LoadOptions::default()).unwrap_or_else(|e| panic!("{a:?}: {e:?}"));
            assert_eq!(fingerprint(&got.data), want, "{a:?}");
            let (code, out, err) = run(&["validate", s(a)]);
            assert_eq!(code, 0, "{err}");
            assert!(out.contains("ok: no errors"), "{out}");
        }
        let out = dir.path().join(format!("{name}-report"));
        report_ok(&zip, &out, &["--format", "json"]);
    }
    // Not an archive, and a damaged one: clear errors, exit 1.
    let junk = dir.path().join("junk.zip");
    std::fs::write(&junk, b"PK but not really").expect("write");
    let (code, _, err) = run(&["validate", s(&junk)]);
    assert_eq!(code, 1);
    assert!(err.contains("not a readable zip archive"), "{err}");
    let txt = dir.path().join("notes.txt");
    std::fs::write(&txt, b"hello").expect("write");
    let (code, _, err) = run(&["report", s(&txt), "--out", s(&dir.path().join("r"))]);
    assert_eq!(code, 1);
    assert!(err.contains("not a folder, .zip or .tar.gz"), "{err}");
}

#[test]
fn tweets_csv_preset_reads_kaggle_style_files() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(
        data.join("twcs.csv"),
        "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n\
1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,@115712 I understand. I would like to assist you.,2,3.0\n\
2,115712,True,Tue Oct 31 22:11:45 +0000 2017,@sprintcare and how do you propose we do that,,1.0\n\
3,115712,True,Tue Oct 31 22:08:27 +0000 2017,@sprintcare I have sent several private messages,1,\n\
4,115713,True,Tue Oct 31 22:13:27 +0000 2017,@sprintcare is anyone there?,,1.19237e+05\n",
    )
    .expect("write");
    std::fs::write(
        data.join("honeycomb.toml"),
        "[report]\nbrand = [\"sprintcare\"]\n\n[tables.posts]\npath = \"twcs.csv\"\npreset = \"tweets-csv\"\n",
    )
    .expect("write");
    let loaded = load_folder(&data, &LoadOptions::default()).expect("loads");
    let d = &loaded.data;
    assert_eq!(d.posts.len(), 4);
    assert_eq!(d.posts[0].reply_to, Some(2));
    assert_eq!(d.posts[1].reply_to, Some(0));
    assert_eq!(d.posts[2].reply_to, None);
    assert_eq!(d.posts[0].created_at, 1_509_487_847);
    // 1.19237e+05 = 119237: not in the data, a dangling reply.
    assert_eq!(d.summary.dangling.get("posts.reply_to"), Some(&1));
    assert!(d.has_column(TableKind::Posts, "text"));
    assert_eq!(
        d.extras[&TableKind::Posts].names,
        ["inbound", "response_tweet_id"]
    );
    // A preset name that does not exist is a config error with its place.
    std::fs::write(
        data.join("honeycomb.toml"),
        "[tables.posts]\npath = \"twcs.csv\"\npreset = \"tweets\"\n",
    )
    .expect("write");
    let (code, _, err) = run(&["validate", s(&data)]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "honeycomb.toml:3:1: [tables.posts] preset `tweets`: expected one of tweets-csv"
        ),
        "{err}"
    );
}

#[test]
fn a_data_folder_holding_an_export_stays_a_data_folder() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    for (rel, bytes) in tree(&fixture("x-archive-mini")) {
        let p = data.join("raw").join(&rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    }
    std::fs::write(
        data.join("posts.csv"),
        "id,author,created_at\n1,a,2026-01-01T00:00:00Z\n",
    )
    .expect("write");
    let loaded = load_path(&data, &LoadOptions::default()).expect("loads");
    assert_eq!(loaded.data.posts.len(), 1);
    assert!(loaded.config.report.brand.is_empty());
}
