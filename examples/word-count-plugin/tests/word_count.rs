//! The plugin on a dataset made in the test.

use honeycomb_core::{Config, Context, ContextOptions, Dataset, Plugin, Post};
use word_count::WordCount;

#[test]
fn counts_words() {
    let mut data = Dataset::default();
    data.accounts.push(Default::default());
    for text in ["one two three", "", "a b c d e f g"] {
        data.posts.push(Post {
            text: text.into(),
            ..Post::default()
        });
    }
    let config = Config::parse("[plugins.word-count]\nlong_post = 5\n").expect("config");
    let cx = Context::new(&data, &config, ContextOptions::default());
    let s = WordCount.analyze(&cx).expect("section");
    assert_eq!(
        s.metric("word-count.mean").and_then(|m| m.value),
        Some(10.0 / 3.0)
    );
    let long = s
        .metric("word-count.long_share")
        .and_then(|m| m.value)
        .expect("long");
    assert!((long - 100.0 / 3.0).abs() < 1e-9);
}
