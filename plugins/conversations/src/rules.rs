//! Questions and complaints: the word lists of `rules.toml` and how they are applied (the
//! file's header says it in words; the report repeats it).

use honeycomb_core::Lang;
use honeycomb_core::sentiment::{Token, tokens};
use std::sync::OnceLock;

const RULES: &str = include_str!("rules.toml");

/// One complaint pattern: words in a row, each matched whole or, ending in `*`, as a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    /// As written in the file.
    text: String,
    /// (word, is a prefix).
    words: Vec<(String, bool)>,
}

/// The parsed rules.
#[derive(Debug)]
pub struct Rules {
    question: [Vec<String>; 2],
    exclamation: [Vec<Vec<String>>; 2],
    complaint: [Vec<Pattern>; 2],
}

fn ix(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Nl => 1,
    }
}

/// The rules, parsed on first use.
pub fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let t: toml::Table = toml::from_str(RULES).unwrap_or_default();
        let list = |section: &str, lang: &str| -> Vec<String> {
            t.get(section)
                .and_then(|s| s.get(lang))
                .and_then(|l| l.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .map(|s| s.trim().to_lowercase())
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let patterns = |lang: &str| -> Vec<Pattern> {
            list("complaint", lang)
                .into_iter()
                .map(|text| {
                    let words = text
                        .split_whitespace()
                        .map(|w| match w.strip_suffix('*') {
                            Some(p) => (p.to_string(), true),
                            None => (w.to_string(), false),
                        })
                        .collect();
                    Pattern { text, words }
                })
                .collect()
        };
        let phrases = |lang: &str| -> Vec<Vec<String>> {
            list("exclamation", lang)
                .into_iter()
                .map(|p| p.split_whitespace().map(str::to_string).collect())
                .collect()
        };
        Rules {
            question: [list("question", "en"), list("question", "nl")],
            exclamation: [phrases("en"), phrases("nl")],
            complaint: [patterns("en"), patterns("nl")],
        }
    })
}

/// What a post is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Kind {
    /// A question: a `?`, or a question word first.
    pub question: bool,
    /// A complaint: negative net sentiment and a complaint word.
    pub complaint: bool,
}

impl Rules {
    /// The question words of a language.
    pub fn question_words(&self, lang: Lang) -> &[String] {
        &self.question[ix(lang)]
    }

    /// The complaint words and phrases of a language, as written in the file.
    pub fn complaint_words(&self, lang: Lang) -> Vec<&str> {
        self.complaint[ix(lang)]
            .iter()
            .map(|p| p.text.as_str())
            .collect()
    }

    /// Classifies a text in `lang` (`None`: both languages' lists) with net sentiment `net`.
    pub fn classify(&self, text: &str, lang: Option<Lang>, net: Option<f64>) -> Kind {
        let mut words: Vec<String> = Vec::new();
        let mut question_mark = false;
        tokens(text, |t| match t {
            Token::Word(w) => words.push(w.to_string()),
            Token::End('?') => question_mark = true,
            _ => {}
        });
        let langs: &[Lang] = match lang {
            Some(Lang::En) => &[Lang::En],
            Some(Lang::Nl) => &[Lang::Nl],
            None => &[Lang::En, Lang::Nl],
        };
        let exclamation = langs.iter().any(|&l| {
            self.exclamation[ix(l)]
                .iter()
                .any(|p| !p.is_empty() && words.len() >= p.len() && words[..p.len()] == p[..])
        });
        let question = question_mark
            || (!exclamation
                && words.first().is_some_and(|w| {
                    langs
                        .iter()
                        .any(|&l| self.question[ix(l)].iter().any(|q| q == w))
                }));
        let negative = net.is_some_and(|n| n < 0.0);
        let complaint = negative
            && langs.iter().any(|&l| {
                self.complaint[ix(l)].iter().any(|p| {
                    let k = p.words.len();
                    k > 0
                        && words.windows(k).any(|win| {
                            win.iter().zip(&p.words).all(|(w, (pw, prefix))| {
                                if *prefix {
                                    w.starts_with(pw.as_str())
                                } else {
                                    w == pw
                                }
                            })
                        })
                })
            });
        Kind {
            question,
            complaint,
        }
    }
}
