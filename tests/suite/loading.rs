//! Loading: bad input of every kind, mappings, formats, lenient mode.

use crate::{fixture, read, report_ok, run, s};
use std::path::Path;

/// A data folder with at least ten different kinds of bad input.
pub fn write_bad_folder(dir: &Path) {
    let w = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    };
    w(
        "accounts.csv",
        b"id,handle,followers,verified,created_at\n\
a1,anna,12,true,2020-01-01T00:00:00Z\n\
a2,bert,many,yes,2020-01-01T00:00:00Z\n\
a1,anna2,3,true,2020-01-01T00:00:00Z\n\
a4,dirk,3,maybe,2020-13-01T00:00:00Z\n\
a3,carla,5,false,2020-02-01\n",
    );
    let mut posts = b"id,author,created_at,text,reply_to,likes\n\
p1,a1,2026-03-01T10:00:00Z,hello,,1\n\
p2,,2026-03-01T11:00:00Z,no author,,0\n\
p3,a2,yesterday,bad time,,0\n\
p4,a2,2301-01-01T00:00:00Z,far future,,0\n\
p5,a3,2026-03-01T12:00:00Z,self reply,p5,0\n\
p6,a3,2026-03-01T12:30:00Z,too,many,fields,0\n\
p7,a3,2026-03-01T13:00:00Z,bad \xff\xfe bytes,,0\n\
p1,a3,2026-03-01T14:00:00Z,duplicate id,,0\n\
p8,a3,2026-03-01T15:00:00Z,reply to nothing,p999,3\n\
p10,a3,2026-03-01T15:30:00Z,negative likes,,-3\n"
        .to_vec();
    posts.extend_from_slice(b"p9,a1,2026-03-01T16:00:00Z,\"");
    posts.extend(std::iter::repeat_n(b'x', 1_100_000));
    posts.extend_from_slice(b"\",,0\n");
    w("posts.csv", &posts);
    w("follows.csv", b"source,destination\na1,a2\n");
    w("groups.csv", b"");
    w("memberships.csv", b"group,account,role\ng1,a1,owner\n");
    w(
        "presence.csv",
        b"account,at,status\na1,2026-03-01T10:00:00Z,sleeping\n",
    );
    w("ratings.csv", b"post,rater,score\np1,a2,five\n");
    w("notes.txt", b"not a table\n");
    w("honeycomb.toml", b"[report]\nlang = \"en\"\n");
}

/// Every problem of the bad folder, in the order `validate` lists them.
const EXPECTED: &[&str] = &[
    "accounts.csv:3:3: `followers` is `many`: expected a whole number ≥ 0",
    "accounts.csv:4:1: duplicate id `a1`: already defined at line 2; expected each id once",
    "accounts.csv:5:4: `verified` is `maybe`: expected true or false",
    "accounts.csv:5:5: `created_at` is `2020-13-01T00:00:00Z`: no such date: expected an RFC 3339 timestamp such as 2026-03-01T09:30:00Z",
    "follows.csv:1:0: missing required column(s) `target`: the header has `source`, `destination`; rename them or map them in honeycomb.toml with [tables.follows] columns = { target = \"…\" }",
    "groups.csv:0:0: the file is empty: expected a header row followed by data rows",
    "memberships.csv:2:3: `role` is `owner`: expected one of member, moderator, admin",
    "notes.txt:0:0: note: not a table of the data-folder contract (accounts, posts, follows, groups, memberships, presence, ratings); ignored",
    "posts.csv:0:0: note: 1 replies to posts that are not in the data: kept, counted as dangling references",
    "posts.csv:3:2: empty `author`: a value is required",
    "posts.csv:4:3: `created_at` is `yesterday`: expected an RFC 3339 timestamp such as 2026-03-01T09:30:00Z, a date-time `2026-03-01 09:30`, or set `<column>_format` in honeycomb.toml",
    "posts.csv:5:3: `created_at` is `2301-01-01T00:00:00Z`: out of range: expected a time between 1900 and 2199",
    "posts.csv:6:5: `reply_to` is `p5`, the post's own id: a post cannot refer to itself",
    "posts.csv:7:0: found 7 fields: expected 6 as in the header",
    "posts.csv:8:4: invalid UTF-8 (byte 0xFF at offset 4 of the field, after `bad `): expected UTF-8 text; re-export the file as UTF-8",
    "posts.csv:9:1: duplicate id `p1`: already defined at line 2; expected each id once",
    "posts.csv:11:6: `likes` is `-3`: expected a whole number ≥ 0",
    "posts.csv:12:4: field of 1100000 bytes: expected at most 1048576 bytes",
    "presence.csv:2:3: `status` is `sleeping`: expected one of online, away, offline",
    "ratings.csv:2:3: `score` is `five`: expected a number",
];

#[test]
fn validate_lists_every_problem_with_its_place() {
    let d = tempfile::tempdir().expect("tmp");
    write_bad_folder(d.path());
    let (code, out, err) = run(&["validate", s(d.path())]);
    assert_eq!(code, 1, "stdout: {out}");
    let lines: Vec<&str> = err.lines().filter(|l| !l.starts_with("error:")).collect();
    assert_eq!(lines, EXPECTED, "\nfull stderr:\n{err}");
    assert!(
        err.contains("problem(s) in the data folder; nothing was written"),
        "{err}"
    );
}

#[test]
fn report_refuses_bad_data_and_writes_nothing() {
    let d = tempfile::tempdir().expect("tmp");
    write_bad_folder(d.path());
    let out = d.path().join("out");
    let (code, _, err) = run(&["report", s(d.path()), "--out", s(&out)]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.exists(), "no output for bad data");
}

#[test]
fn lenient_skips_bad_rows_and_says_so() {
    let d = tempfile::tempdir().expect("tmp");
    write_bad_folder(d.path());
    // File-level problems (a missing column, an empty file) stay fatal: remove them.
    std::fs::remove_file(d.path().join("follows.csv")).expect("rm");
    std::fs::remove_file(d.path().join("groups.csv")).expect("rm");
    let out = d.path().join("out");
    let (code, stdout, err) = run(&["report", s(d.path()), "--out", s(&out), "--lenient"]);
    assert_eq!(code, 0, "{stdout}\n{err}");
    assert!(err.contains("bad rows were skipped"), "{err}");
    let json: serde_json::Value =
        serde_json::from_str(&read(&out.join("report.json"))).expect("json");
    let skipped = &json["data"]["skipped"];
    assert_eq!(skipped["duplicate-id"], 2, "{skipped}");
    // A row with several problems is one skipped row (accounts.csv line 5 has two).
    assert_eq!(skipped["bad-timestamp"], 2, "{skipped}");
    assert_eq!(skipped["bad-value"], 3, "{skipped}");
    assert_eq!(skipped["huge-field"], 1, "{skipped}");
    let posts: Vec<&str> = json["data"]["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .filter(|t| t["table"] == "posts")
        .map(|t| t["display"].as_str().expect("display"))
        .collect();
    // p1 and p8 survive: every other post row has an error.
    assert_eq!(posts, ["2"]);
    let md = read(&out.join("report.md"));
    assert!(
        md.contains("rows could not be read and were skipped (--lenient)"),
        "{md}"
    );
}

#[test]
fn a_foreign_csv_with_a_mapping_makes_a_report() {
    let d = tempfile::tempdir().expect("tmp");
    report_ok(&fixture("mapped"), d.path(), &[]);
    let posts = read(&d.path().join("metrics/posts.csv"));
    let mut lines = posts.lines();
    assert!(
        lines
            .next()
            .expect("header")
            .starts_with("id,author,created_at,kind,")
    );
    // 24-02-2015 11:35 in Amsterdam (CET, +01:00) is 10:35 UTC.
    assert!(
        posts.contains("570306133677760513,cairdin,2015-02-24T10:35:00Z,original"),
        "{posts}"
    );
    assert_eq!(posts.lines().count(), 5);
    let accounts = read(&d.path().join("metrics/accounts.csv"));
    assert!(
        accounts.contains("jnardino,,,false,false,2,2,0,0,0,2"),
        "{accounts}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&read(&d.path().join("report.json"))).expect("json");
    assert_eq!(json["meta"]["title"], "Mapped export");
    let notes = json["data"]["notes"].to_string();
    assert!(
        notes.contains("airline_sentiment"),
        "extra columns are kept and named: {notes}"
    );
}

#[test]
fn parts_gzip_and_json_lines_load_together() {
    use std::io::Write;
    let d = tempfile::tempdir().expect("tmp");
    let parts = d.path().join("posts");
    std::fs::create_dir_all(&parts).expect("mkdir");
    let mut gz = flate2_writer(&parts.join("2026-01.csv.gz"));
    gz.write_all(b"id,author,created_at,text\n1,a,2026-01-05T10:00:00Z,hello #one\n")
        .expect("gz");
    gz.finish().expect("finish");
    std::fs::write(
        parts.join("2026-02.jsonl"),
        "{\"id\": \"2\", \"author\": \"b\", \"created_at\": \"2026-02-01T10:00:00+01:00\", \"reply_to\": \"1\", \"text\": \"@a hi\", \"likes\": 4}\n\n{\"id\": 3, \"author\": \"a\", \"created_at\": \"2026-02-02 08:00\", \"hashtags\": [\"Two\", \"#three\"]}\n",
    )
    .expect("jsonl");
    let loaded = honeycomb_core::load_folder(d.path(), &honeycomb_core::LoadOptions::default())
        .expect("loads");
    let p = &loaded.data.posts;
    assert_eq!(p.len(), 3);
    assert_eq!(p[1].reply_to, Some(0));
    assert_eq!(p[1].created_at, 1_769_936_400);
    assert_eq!(p[1].likes, Some(4));
    assert_eq!(&*p[1].mentions()[0], "a");
    assert_eq!(
        p[0].hashtags()
            .iter()
            .map(|h| h.to_string())
            .collect::<Vec<_>>(),
        ["one"]
    );
    assert_eq!(
        p[2].hashtags()
            .iter()
            .map(|h| h.to_string())
            .collect::<Vec<_>>(),
        ["two", "three"]
    );
    assert_eq!(
        loaded.data.accounts.len(),
        2,
        "authors become implicit accounts"
    );
    assert!(!loaded.data.accounts[0].declared);
}

fn flate2_writer(p: &Path) -> flate2::write::GzEncoder<std::fs::File> {
    flate2::write::GzEncoder::new(
        std::fs::File::create(p).expect("create"),
        flate2::Compression::default(),
    )
}

#[test]
fn a_quote_inside_an_unquoted_field_does_not_confuse_the_parallel_reader() {
    // Large enough to be read in parallel chunks; every quoted text holds a line break that
    // looks like a row. A stray `"` in the first row must not shift the record boundaries.
    let d = tempfile::tempdir().expect("tmp");
    let mut csv =
        String::from("id,author,created_at,text\nr1,a,2026-03-02T09:00:00Z,a 5\" screen\n");
    for i in 0..60_000 {
        csv.push_str(&format!(
            "r{},a,2026-03-02T09:00:00Z,\"first line\nf{i},a,2026-03-02T09:00:00Z,fake\"\n",
            i + 2
        ));
    }
    assert!(csv.len() > 4 << 20);
    std::fs::write(d.path().join("posts.csv"), csv).expect("write");
    let loaded = honeycomb_core::load_folder(d.path(), &honeycomb_core::LoadOptions::default())
        .expect("loads");
    assert_eq!(loaded.data.posts.len(), 60_001);
    assert!(
        loaded.data.posts.iter().all(|p| p.id.starts_with('r')),
        "no fake posts"
    );
    assert_eq!(
        &*loaded.data.posts[1].text,
        "first line\nf0,a,2026-03-02T09:00:00Z,fake"
    );
}

#[test]
fn a_report_inside_the_data_folder_is_not_read_back_as_data() {
    let d = tempfile::tempdir().expect("tmp");
    for f in ["accounts.csv", "posts.csv", "follows.csv", "honeycomb.toml"] {
        std::fs::copy(fixture("basic").join(f), d.path().join(f)).expect("copy");
    }
    let out = d.path().join("report");
    report_ok(d.path(), &out, &["--format", "md"]);
    report_ok(d.path(), &out, &["--format", "md"]);
    let (code, stdout, _) = run(&["validate", s(d.path())]);
    assert_eq!(code, 0);
    assert!(stdout.contains("posts: 9"), "{stdout}");
}

#[test]
fn hidden_and_unreadable_entries_are_passed_over() {
    let d = tempfile::tempdir().expect("tmp");
    std::fs::copy(
        fixture("basic").join("posts.csv"),
        d.path().join("posts.csv"),
    )
    .expect("copy");
    std::fs::create_dir_all(d.path().join(".git")).expect("mkdir");
    std::fs::write(d.path().join(".git/posts.csv"), "junk").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/nonexistent/target", d.path().join("dangling.csv"))
        .expect("symlink");
    let (code, stdout, err) = run(&["validate", s(d.path())]);
    assert_eq!(code, 0, "{stdout}\n{err}");
    assert!(stdout.contains("posts: 9"), "{stdout}");
    #[cfg(unix)]
    assert!(
        stdout.contains("dangling.csv:0:0: note: cannot be read"),
        "{stdout}"
    );
}

#[test]
fn a_mapped_path_must_stay_inside_the_folder() {
    let d = tempfile::tempdir().expect("tmp");
    let data = d.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::copy(
        fixture("basic").join("posts.csv"),
        d.path().join("posts.csv"),
    )
    .expect("copy");
    std::fs::write(
        data.join("honeycomb.toml"),
        "[tables.posts]\npath = \"../posts.csv\"\n",
    )
    .expect("write");
    let (code, _, err) = run(&["validate", s(&data)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("expected a file or folder inside the data folder"),
        "{err}"
    );
}

#[test]
fn line_numbers_survive_crlf_blank_lines_and_quoted_newlines() {
    let d = tempfile::tempdir().expect("tmp");
    std::fs::write(
        d.path().join("posts.csv"),
        "id,author,created_at,text\r\np0,a,2026-01-01T00:00:00Z,\"two\r\nlines\"\r\np1,a,BAD,x\r\n\r\n\r\np2,a,BAD,y",
    )
    .expect("write");
    let (code, _, err) = run(&["validate", s(d.path())]);
    assert_eq!(code, 1);
    let places: Vec<&str> = err
        .lines()
        .filter_map(|l| l.split(": ").next())
        .filter(|p| p.starts_with("posts.csv"))
        .collect();
    assert_eq!(places, ["posts.csv:4:3", "posts.csv:7:3"], "{err}");
}
