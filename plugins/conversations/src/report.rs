//! Turns the [`Analysis`] into the section: metrics with definitions, the tables of open
//! conversations and of the intervention balance, charts, the per-post and per-thread
//! columns, findings, recommendations, what is missing, the score and the summary.

use crate::analysis::{
    Analysis, MIN_JOIN_REPLIES, MIN_SHARE_REPLIES, Open, TOP_SHARE, ThreadInfo, Tone, quantile,
};
use crate::rules::{Kind, rules};
use crate::settings::{DAYS, Scope, Settings};
use honeycomb_core::mask::excerpt;
use honeycomb_core::sentiment::{NEGATION_WINDOW, SOURCES};
use honeycomb_core::threads::Threads;
use honeycomb_core::time::{LocalClock, civil_from_days};
use honeycomb_core::{
    Better, Chart, ChartKind, ColumnValues, Context, Entity, EntityColumn, Frame, Lang, PostIx,
    Priority, Section, SectionBuilder, Series, Severity, Table, tr,
};
use rayon::prelude::*;

/// Characters of a post text shown in a table.
const EXCERPT: usize = 120;
/// A score at or above this is "strong", below `WEAK` "weak" (see the score rule).
const STRONG: f64 = 70.0;
const WEAK: f64 = 40.0;
/// Weights of response rate, response within the target, and balance in the score.
const WEIGHTS: [f64; 3] = [0.4, 0.3, 0.3];

/// "@handle", or the account id when it has no handle.
fn label(cx: &Context<'_>, a: u32) -> String {
    cx.data.account_label(a)
}

/// A sentiment with its sign: `+0.42`, `-0.10`.
fn signed(lang: Lang, x: f64) -> String {
    let s = lang.num(x, 2);
    if x > 0.0 && !s.chars().all(|c| c == '0' || c == '.' || c == ',') {
        format!("+{s}")
    } else {
        s
    }
}

fn kind_text(lang: Lang, k: Kind) -> String {
    let mut v: Vec<&str> = Vec::new();
    if k.question {
        v.push(lang.pick("question", "vraag"));
    }
    if k.complaint {
        v.push(lang.pick("complaint", "klacht"));
    }
    v.join(", ")
}

struct Report<'c, 'd> {
    cx: &'c Context<'d>,
    s: &'c Settings,
    a: &'c Analysis<'c>,
    b: SectionBuilder,
    clock: LocalClock,
}

impl Report<'_, '_> {
    fn lang(&self) -> Lang {
        self.b.lang
    }

    fn has_brand(&self) -> bool {
        !self.cx.brand().is_empty()
    }

    /// Local date and time, `2026-03-05 20:14`.
    fn when(&mut self, ts: i64) -> String {
        let l = self.clock.local_seconds(ts);
        let (y, m, d) = civil_from_days(l.div_euclid(86_400));
        let sod = l.rem_euclid(86_400);
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}",
            sod / 3600,
            sod / 60 % 60
        )
    }

    /// Local date, `2026-03-05`.
    fn date(&mut self, ts: i64) -> String {
        self.clock.local_date(ts)
    }

    fn text(&self, p: PostIx) -> String {
        excerpt(&self.cx.data.posts[p as usize].text, EXCERPT)
    }

    fn author(&self, p: PostIx) -> String {
        label(self.cx, self.cx.data.posts[p as usize].author)
    }

    fn hours_text(&self) -> String {
        let (o, c) = self.s.business_hours;
        let days: Vec<&str> = DAYS
            .iter()
            .zip(self.s.business_days)
            .filter(|(_, on)| *on)
            .map(|(d, _)| *d)
            .collect();
        let names: Vec<String> = days
            .iter()
            .map(|d| {
                let i = DAYS.iter().position(|x| x == d).unwrap_or(0);
                self.lang().weekdays_short()[i].to_string()
            })
            .collect();
        format!(
            "{}, {:02}:{:02}–{:02}:{:02}",
            names.join(" "),
            o / 3600,
            o / 60 % 60,
            c / 3600,
            c / 60 % 60
        )
    }

    fn tz_name(&self) -> String {
        self.cx
            .tz
            .iana_name()
            .map(str::to_string)
            .unwrap_or_else(|| "UTC".into())
    }

    fn thread_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let n = a.threads.len() as u64;
        let (conv, in_threads) = a.conversational;
        self.b.metric(
            "threads",
            self.b.t("Reply threads", "Reactiedraden"),
            Some(n as f64),
            lang.int(n),
            "",
            self.b.t(
                "Threads that started in the period and got at least one reply. A thread is a post that replies to nothing in the data together with all replies to it, replies to those replies, and so on (a reply tree; Kumar, Mahdian & McGlohon 2010, \"Dynamics of conversations\", KDD). Reposts are not part of a thread; a reply whose parent is missing from the data starts a thread of its own.",
                "Draden die in de periode begonnen en minstens één reactie kregen. Een draad is een post die nergens in de data op reageert, samen met alle reacties erop, de reacties daarop, enzovoort (een reactieboom; Kumar, Mahdian & McGlohon 2010, \"Dynamics of conversations\", KDD). Doorgedeelde posts horen niet bij een draad; een reactie waarvan de oorspronkelijke post ontbreekt, begint een eigen draad.",
            ),
        );
        if conv > 0 {
            self.b.metric(
                "in_threads",
                self.b.t("Posts in a conversation", "Posts in een gesprek"),
                Some(in_threads as f64 / conv as f64 * 100.0),
                lang.of(in_threads, conv, "posts", "posts"),
                "%",
                self.b.t(
                    "Posts of the period (reposts not counted) that are part of a reply thread, as its start or as a reply.",
                    "Posts uit de periode (doorgedeelde posts niet meegeteld) die deel zijn van een reactiedraad, als begin of als reactie.",
                ),
            );
        }
        if n == 0 {
            return;
        }
        let stats: Vec<&honeycomb_core::threads::Thread> =
            a.threads.iter().map(|t| a.stats(t)).collect();
        let mean = |f: &dyn Fn(&honeycomb_core::threads::Thread) -> f64| {
            stats.iter().map(|t| f(t)).sum::<f64>() / n as f64
        };
        let size = mean(&|t| t.size as f64);
        let biggest = stats.iter().map(|t| t.size).max().unwrap_or(0);
        self.b.metric(
            "thread_size",
            self.b.t("Posts per thread", "Posts per draad"),
            Some(size),
            tr!(
                lang,
                "{} on average (largest {})",
                "{} gemiddeld (grootste {})",
                lang.num(size, 1),
                lang.int(biggest as u64)
            ),
            "posts",
            self.b.t(
                "Mean number of posts in a thread, its first post included.",
                "Gemiddeld aantal posts in een draad, de eerste post meegeteld.",
            ),
        );
        let depth = mean(&|t| t.depth as f64);
        let deepest = stats.iter().map(|t| t.depth).max().unwrap_or(0);
        self.b.metric(
            "thread_depth",
            self.b.t("Thread depth", "Diepte van draden"),
            Some(depth),
            tr!(
                lang,
                "{} on average (deepest {})",
                "{} gemiddeld (diepste {})",
                lang.num(depth, 2),
                lang.int(deepest as u64)
            ),
            "",
            self.b.t(
                "The longest chain of replies to replies in a thread, in steps from its first post (1 = only direct replies), averaged over threads.",
                "De langste keten van reacties op reacties in een draad, in stappen vanaf de eerste post (1 = alleen directe reacties), gemiddeld over de draden.",
            ),
        );
        let part = mean(&|t| t.participants as f64);
        self.b.metric(
            "participants",
            self.b.t("People per thread", "Deelnemers per draad"),
            Some(part),
            lang.num(part, 1),
            "",
            self.b.t(
                "Mean number of distinct accounts that wrote in a thread, its starter included.",
                "Gemiddeld aantal verschillende accounts dat in een draad schreef, de starter meegeteld.",
            ),
        );
        let mut first: Vec<f64> = stats
            .iter()
            .filter_map(|t| t.first_reply_s)
            .map(|x| x as f64)
            .collect();
        first.sort_by(f64::total_cmp);
        if let Some(m) = quantile(&first, 0.5) {
            self.b.metric(
                "first_reply",
                self.b.t("Time to the first reply", "Tijd tot de eerste reactie"),
                Some(m),
                lang.duration(m),
                "s",
                self.b.t(
                    "Median, over threads, of the time from the first post to its first direct reply (clock time).",
                    "Mediaan, over de draden, van de tijd van de eerste post tot de eerste directe reactie erop (kloktijd).",
                ),
            );
        }
        if let Some(top) = a.top_velocity {
            let mut v: Vec<f64> = a.threads.iter().map(|t| t.velocity).collect();
            v.sort_by(f64::total_cmp);
            let med = quantile(&v, 0.5).unwrap_or(0.0);
            self.b.metric(
                "velocity",
                self.b.t("Pace of threads", "Tempo van draden"),
                Some(med),
                tr!(
                    lang,
                    "{} replies/hour (fastest 10%: from {})",
                    "{} reacties/uur (snelste 10%: vanaf {})",
                    lang.num(med, 1),
                    lang.num(top, 1)
                ),
                "replies/h",
                tr!(
                    lang,
                    "Median velocity of threads: the replies in a thread's first 24 hours ÷ the hours from its first post to the last of those replies (at least 1 hour). The fastest 10% start at the 90th percentile (nearest rank), {}.",
                    "Mediane snelheid van draden: de reacties in de eerste 24 uur van een draad ÷ de uren van de eerste post tot de laatste van die reacties (minstens 1 uur). De snelste 10% beginnen bij het 90e percentiel (dichtstbijzijnde rang), {}.",
                    lang.num(top, 2)
                ),
            );
        }
        if a.th.dangling_roots > 0 {
            let d = a
                .threads
                .iter()
                .filter(|t| {
                    let root = a.stats(t).root as usize;
                    self.cx.data.posts[root].flags & honeycomb_core::post_flags::DANGLING_REPLY != 0
                })
                .count() as u64;
            if d > 0 {
                self.b.metric(
                    "dangling_threads",
                    self.b.t(
                        "Threads that start mid-conversation",
                        "Draden die halverwege beginnen",
                    ),
                    Some(d as f64),
                    lang.of(d, n, "threads", "draden"),
                    "",
                    self.b.t(
                        "Threads whose first post is itself a reply to a post that is not in the data (exported partly, or deleted); each counts as a thread of its own.",
                        "Draden waarvan de eerste post zelf een reactie is op een post die niet in de data staat (deels geëxporteerd, of verwijderd); elk telt als eigen draad.",
                    ),
                );
            }
        }
    }

    fn brand_metrics(&mut self) {
        if !self.has_brand() {
            return;
        }
        let lang = self.lang();
        let a = self.a;
        let n = a.threads.len() as u64;
        let joined: Vec<&ThreadInfo> = a.joined().collect();
        let j = joined.len() as u64;
        if n > 0 {
            self.b.metric(
                "brand_threads",
                self.b.t("Threads you took part in", "Draden waarin je meedeed"),
                Some(j as f64 / n as f64 * 100.0),
                lang.of(j, n, "threads", "draden"),
                "%",
                self.b.t(
                    "Threads of the period with at least one reply by one of your accounts (a thread you started without replying in it does not count).",
                    "Draden uit de periode met minstens één reactie van een van je accounts (een draad die je begon zonder erin te reageren telt niet).",
                ),
            );
        }
        if j > 0 {
            let mut d: Vec<f64> = joined
                .iter()
                .filter_map(|t| t.brand_first_s)
                .map(|x| x as f64)
                .collect();
            d.sort_by(f64::total_cmp);
            if let Some(m) = quantile(&d, 0.5) {
                self.b.metric(
                    "brand_first_reply",
                    self.b.t("When you step in", "Wanneer je instapt"),
                    Some(m),
                    lang.duration(m),
                    "s",
                    self.b.t(
                        "Median, over the threads you took part in, of the time from the thread's first post to your first reply in it (clock time).",
                        "Mediaan, over de draden waarin je meedeed, van de tijd van de eerste post van de draad tot je eerste reactie erin (kloktijd).",
                    ),
                );
            }
            let (mine, all): (u64, u64) = joined.iter().fold((0, 0), |(m, t), x| {
                let st = a.stats(x);
                (m + st.brand_replies as u64, t + st.replies() as u64)
            });
            self.b.metric(
                "brand_reply_share",
                self.b.t("Your share of the replies", "Jouw aandeel in de reacties"),
                Some(mine as f64 / all.max(1) as f64 * 100.0),
                lang.of(mine, all, "replies", "reacties"),
                "%",
                self.b.t(
                    "Replies written by your accounts ÷ all replies, in the threads you took part in.",
                    "Reacties van je accounts ÷ alle reacties, in de draden waarin je meedeed.",
                ),
            );
            let too = joined.iter().filter(|t| t.too_present).count() as u64;
            let maxr = self.s.max_brand_replies;
            self.b.metric(
                "too_present",
                self.b.t("Threads where you were too present", "Draden waarin je te nadrukkelijk aanwezig was"),
                Some(too as f64),
                lang.of(too, j, "threads you took part in", "draden waarin je meedeed"),
                "",
                tr!(
                    lang,
                    "Threads in which you wrote more than half of the replies (counted from {MIN_SHARE_REPLIES} replies of yours on: one answer or a short exchange is not meddling), or more than max_brand_replies = {maxr} replies. Stepping in too often or too hard reads as meddling (Kietzmann et al. 2011, the conversations block).",
                    "Draden waarin jij meer dan de helft van de reacties schreef (geteld vanaf {MIN_SHARE_REPLIES} reacties van jou: één antwoord of een kort gesprek is geen bemoeizucht), of meer dan max_brand_replies = {maxr} reacties. Te vaak of te nadrukkelijk instappen komt over als bemoeienis (Kietzmann e.a. 2011, het bouwblok conversaties)."
                ),
            );
        }
        if n > 0 {
            let fast = a.threads.iter().filter(|t| t.fast).count() as u64;
            let moments = a.threads.iter().filter(|t| t.moment).count() as u64;
            let jv = lang.num(self.s.join_velocity, 1);
            self.b.metric(
                "moments_to_join",
                self.b.t("Moments to join", "Momenten om in te stappen"),
                Some(moments as f64),
                lang.of(moments, fast, "fast threads", "snelle draden"),
                "",
                tr!(
                    lang,
                    "Fast threads without a reply from you. A thread is fast when it got at least join_velocity = {jv} replies per hour in its first 24 hours, or when it is among the fastest 10% of the period's threads with at least {MIN_JOIN_REPLIES} replies in those 24 hours.",
                    "Snelle draden zonder reactie van jou. Een draad is snel met minstens join_velocity = {jv} reacties per uur in de eerste 24 uur, of als hij bij de snelste 10% van de draden uit de periode hoort met minstens {MIN_JOIN_REPLIES} reacties in die 24 uur."
                ),
            );
        }
    }

    fn inbound_metrics(&mut self) {
        if !self.has_brand() {
            return;
        }
        let lang = self.lang();
        let a = self.a;
        let k = a.inbound.len() as u64;
        self.b.metric(
            "inbound",
            self.b.t("Posts addressed to you", "Posts gericht aan jou"),
            Some(k as f64),
            lang.int(k),
            "posts",
            self.b.t(
                "Posts in the period by others (not reposts) that mention one of your handles or reply to a post of yours.",
                "Posts in de periode van anderen (geen doorgedeelde posts) die een van je accountnamen noemen of reageren op een post van jou.",
            ),
        );
        if k == 0 {
            return;
        }
        let answered = a.inbound.iter().filter(|x| x.answer_s.is_some()).count() as u64;
        self.b.metric(
            "response_rate",
            self.b.t("Response rate", "Reactiepercentage"),
            Some(answered as f64 / k as f64 * 100.0),
            lang.of(answered, k, "posts", "posts"),
            "%",
            self.b.t(
                "Posts addressed to you that got an answer: a reply by one of your accounts in the same thread, posted after the post (anywhere in the thread, so one reply answers every earlier post addressed to you there). A post in no thread, or with only earlier replies of yours, is unanswered. Your replies after the period count too.",
                "Posts gericht aan jou die antwoord kregen: een reactie van een van je accounts in dezelfde draad, geplaatst na de post (ergens in de draad, dus één reactie beantwoordt elke eerdere post aan jou daar). Een post die in geen draad zit, of alleen eerdere reacties van jou heeft, is onbeantwoord. Je reacties na de periode tellen ook.",
            ),
        );
        let tz = self.tz_name();
        let hours = self.hours_text();
        let mut clock: Vec<f64> = a
            .inbound
            .iter()
            .filter_map(|x| x.answer_s)
            .map(|x| x as f64)
            .collect();
        clock.sort_by(f64::total_cmp);
        let mut business: Vec<f64> = a
            .inbound
            .iter()
            .filter_map(|x| x.business_s)
            .map(|x| x as f64)
            .collect();
        business.sort_by(f64::total_cmp);
        for (key, q, label_en, label_nl) in [
            (
                "response_time",
                0.5,
                "First response, median (clock time)",
                "Eerste antwoord, mediaan (kloktijd)",
            ),
            (
                "response_time_p90",
                0.9,
                "First response, 90th percentile (clock time)",
                "Eerste antwoord, 90e percentiel (kloktijd)",
            ),
        ] {
            if let Some(v) = quantile(&clock, q) {
                let which = if q == 0.5 {
                    self.b.t(
                        "The median (half of your answers came faster)",
                        "De mediaan (de helft van je antwoorden kwam sneller)",
                    )
                } else {
                    self.b.t(
                        "The 90th percentile (9 in 10 of your answers came faster)",
                        "Het 90e percentiel (9 van de 10 antwoorden kwamen sneller)",
                    )
                };
                self.b.metric(
                    key,
                    self.b.t(label_en, label_nl),
                    Some(v),
                    lang.duration(v),
                    "s",
                    tr!(
                        lang,
                        "{which} of the first-response time: from a post addressed to you to your first answer (Einwiller & Steilen 2015, Public Relations Review 41(2)), in clock time: nights and weekends count. Over answered posts only, linearly interpolated between ranks (NumPy's default).",
                        "{which} van de eerste reactietijd: van een post aan jou tot je eerste antwoord (Einwiller & Steilen 2015, Public Relations Review 41(2)), in kloktijd: nachten en weekenden tellen mee. Alleen over beantwoorde posts, lineair geïnterpoleerd tussen rangen (standaard van NumPy)."
                    ),
                );
            }
        }
        for (key, q, label_en, label_nl) in [
            (
                "response_business",
                0.5,
                "First response, median (business hours)",
                "Eerste antwoord, mediaan (kantooruren)",
            ),
            (
                "response_business_p90",
                0.9,
                "First response, 90th percentile (business hours)",
                "Eerste antwoord, 90e percentiel (kantooruren)",
            ),
        ] {
            if let Some(v) = quantile(&business, q) {
                let pct = (q * 100.0) as u32;
                self.b.metric(
                    key,
                    self.b.t(label_en, label_nl),
                    Some(v),
                    lang.duration(v),
                    "s",
                    tr!(
                        lang,
                        "The same wait counted in business hours only ({hours}, time zone {tz}; business_hours and business_days in [plugins.conversations]): a question at Friday 16:30 answered on Monday at 09:30 waited 1 hour. {pct}th percentile over answered posts.",
                        "Dezelfde wachttijd, alleen kantooruren geteld ({hours}, tijdzone {tz}; business_hours en business_days in [plugins.conversations]): een vraag op vrijdag 16:30 die maandag om 09:30 beantwoord werd, wachtte 1 uur. {pct}e percentiel over beantwoorde posts."
                    ),
                );
            }
        }
        let target = self.s.response_target_s;
        let within = a
            .inbound
            .iter()
            .filter(|x| x.business_s.is_some_and(|b| b <= target))
            .count() as u64;
        let target_s = lang.duration(target as f64);
        self.b.metric(
            "within_target",
            self.b.t("Answered within your target", "Binnen je doel beantwoord"),
            Some(within as f64 / k as f64 * 100.0),
            lang.of(within, k, "posts", "posts"),
            "%",
            tr!(
                lang,
                "Posts addressed to you that you answered within response_target = {target_s} of business hours; unanswered posts count as missed.",
                "Posts gericht aan jou die je binnen response_target = {target_s} kantoortijd beantwoordde; onbeantwoorde posts tellen als gemist."
            ),
        );
        let un = k - answered;
        let groups = a.waiting().count() as u64;
        self.b.metric(
            "unanswered",
            self.b.t("Still waiting for you", "Wachten nog op jou"),
            Some(un as f64),
            tr!(
                lang,
                "{} posts; {} conversations wait for an answer",
                "{} posts; {} gesprekken wachten op antwoord",
                lang.int(un),
                lang.int(groups)
            ),
            "posts",
            self.b.t(
                "Posts addressed to you without an answer (see the response rate), and the conversations they are in that wait for an answer: threads, and single posts with a question, a complaint or a negative tone. A passing mention without replies counts as unanswered but waits for no one.",
                "Posts gericht aan jou zonder antwoord (zie het reactiepercentage), en de gesprekken waarin ze staan die op antwoord wachten: draden, en losse posts met een vraag, een klacht of een negatieve toon. Een terloopse vermelding zonder reacties telt als onbeantwoord maar wacht op niemand.",
            ),
        );
        let r = rules();
        let qwords = |l: Lang| r.question_words(l).join(", ");
        let cwords = |l: Lang| r.complaint_words(l).join(", ");
        let questions = a.inbound.iter().filter(|x| x.kind.question).count() as u64;
        let q_open = a
            .inbound
            .iter()
            .filter(|x| x.kind.question && x.answer_s.is_none())
            .count() as u64;
        if self.a.has_text {
            self.b.metric(
                "questions_unanswered",
                self.b.t("Unanswered questions", "Onbeantwoorde vragen"),
                Some(q_open as f64),
                lang.of(q_open, questions, "questions", "vragen"),
                "",
                tr!(
                    lang,
                    "Questions among the posts addressed to you that got no answer. A question has a question mark (outside links) or starts, after any @mentions, with a question word: {} (English), {} (Dutch).",
                    "Vragen onder de posts aan jou die geen antwoord kregen. Een vraag heeft een vraagteken (buiten links) of begint, na eventuele @vermeldingen, met een vraagwoord: {} (Engels), {} (Nederlands).",
                    qwords(Lang::En),
                    qwords(Lang::Nl)
                ),
            );
            let complaints = a.inbound.iter().filter(|x| x.kind.complaint).count() as u64;
            let c_open = a
                .inbound
                .iter()
                .filter(|x| x.kind.complaint && x.answer_s.is_none())
                .count() as u64;
            self.b.metric(
                "complaints_unanswered",
                self.b.t("Unanswered complaints", "Onbeantwoorde klachten"),
                Some(c_open as f64),
                lang.of(c_open, complaints, "complaints", "klachten"),
                "",
                tr!(
                    lang,
                    "Complaints among the posts addressed to you that got no answer. A complaint has a negative net sentiment and a complaint word of its language — a word ending in * matches every word starting with it, several words must stand in a row: {} (English); {} (Dutch). The lists are in plugins/conversations/src/rules.toml.",
                    "Klachten onder de posts aan jou die geen antwoord kregen. Een klacht heeft een negatief netto sentiment en een klachtwoord van haar taal — een woord op * past op elk woord dat ermee begint, meerdere woorden moeten achter elkaar staan: {} (Engels); {} (Nederlands). De lijsten staan in plugins/conversations/src/rules.toml.",
                    cwords(Lang::En),
                    cwords(Lang::Nl)
                ),
            );
        }
    }

    fn sentiment_metrics(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if !a.has_text || a.with_text == 0 {
            return;
        }
        let cite: Vec<String> = SOURCES.iter().map(|s| s.citation.to_string()).collect();
        let cite = cite.join(" ");
        let (en, nl, other) = (
            lang.int(a.langs[0]),
            lang.int(a.langs[1]),
            lang.int(a.langs[2]),
        );
        let given = lang.int(a.lang_given);
        let w = NEGATION_WINDOW;
        let scope = self.scope_words();
        self.b.metric(
            "sentiment",
            self.b.t("Overall tone (estimate)", "Algemene toon (schatting)"),
            a.overall.net(),
            a.overall
                .net()
                .map(|x| signed(lang, x))
                .unwrap_or_else(|| "–".into()),
            "",
            tr!(
                lang,
                "An estimate from word lists, not a reading: net sentiment = (positive − negative) ÷ (positive + negative), from −1 to +1, summing the ratings of the rated words of {scope}. English words are rated by VADER (−4…+4, scaled to −1…+1; emoticons and emoji too), Dutch words by stem in Pattern's adjective lexicon (−1…+1) with honeycomb's additions; a negator (not, never, niet, nooit, niemand, …) flips the sign of rated words among the next {w} words of its sentence. Language per post: the lang column for {given} posts, else the more frequent common words; {en} posts were scored in English and {nl} in Dutch; {other} in another language were not scored. Sources: {cite}",
                "Een schatting uit woordenlijsten, geen lezing: netto sentiment = (positief − negatief) ÷ (positief + negatief), van −1 tot +1, over de waarderingen van de gewaardeerde woorden van {scope}. Engelse woorden krijgen hun waardering uit VADER (−4…+4, herschaald naar −1…+1; ook emoticons en emoji), Nederlandse per woordstam uit het bijvoeglijk-naamwoordlexicon van Pattern (−1…+1) met aanvullingen van honeycomb; een ontkenning (not, never, niet, nooit, niemand, …) keert het teken om van gewaardeerde woorden in de {w} woorden erna in dezelfde zin. Taal per post: de kolom lang bij {given} posts, anders de vaakst voorkomende gewone woorden; {en} posts zijn in het Engels gescoord en {nl} in het Nederlands; {other} in een andere taal zijn niet gescoord. Bronnen: {cite}"
            ),
        );
        self.b.metric(
            "sentiment_coverage",
            self.b.t("Posts with a rated word", "Posts met een gewaardeerd woord"),
            Some(a.rated as f64 / a.with_text as f64 * 100.0),
            lang.of(a.rated, a.with_text, "posts with text", "posts met tekst"),
            "%",
            self.b.t(
                "Scored posts of the period with text (see the overall tone for which posts are scored) that hold at least one word, emoticon or emoji with a rating; the others have no sentiment (an empty cell in metrics/posts.csv).",
                "Gescoorde posts uit de periode met tekst (zie de algemene toon voor welke posts gescoord worden) die minstens één woord, emoticon of emoji met een waardering bevatten; de andere hebben geen sentiment (een lege cel in metrics/posts.csv).",
            ),
        );
        if self.has_brand() && !a.inbound.is_empty() {
            let v = a.inbound_sentiment.net();
            self.b.metric(
                "sentiment_inbound",
                self.b.t(
                    "Tone of posts to you (estimate)",
                    "Toon van posts aan jou (schatting)",
                ),
                v,
                v.map(|x| signed(lang, x)).unwrap_or_else(|| "–".into()),
                "",
                self.b.t(
                    "Net sentiment, as above, over the posts addressed to you.",
                    "Netto sentiment, zoals hierboven, over de posts gericht aan jou.",
                ),
            );
            let waiting = a.waiting().count() as u64;
            let neg = a
                .waiting()
                .filter(|o| o.sentiment.is_some_and(|x| x < 0.0))
                .count() as u64;
            self.b.metric(
                "negative_open",
                self.b.t("Negative conversations waiting for you", "Negatieve gesprekken die op jou wachten"),
                Some(neg as f64),
                lang.of(neg, waiting, "waiting conversations", "wachtende gesprekken"),
                "",
                self.b.t(
                    "Waiting conversations (see \"Still waiting for you\") whose net sentiment over all their posts is below 0.",
                    "Wachtende gesprekken (zie \"Wachten nog op jou\") waarvan het netto sentiment over al hun posts onder 0 ligt.",
                ),
            );
        }
    }

    /// Which posts were scored for sentiment, in words.
    fn scope_words(&self) -> String {
        match self.a.scope {
            Scope::All => self
                .b
                .t(
                    "all posts of the period except reposts (their text is someone else's)",
                    "alle posts uit de periode behalve doorgedeelde posts (hun tekst is van een ander)",
                )
                .to_string(),
            Scope::Conversations => self
                .b
                .t(
                    "the period's posts in conversations: replies, the posts they answer, and posts that mention you (reposts excepted; [plugins.conversations] sentiment = \"all\" scores every post)",
                    "de posts uit de periode in gesprekken: reacties, de posts waarop ze reageren, en posts die jou noemen (behalve doorgedeelde posts; met [plugins.conversations] sentiment = \"all\" wordt elke post gescoord)",
                )
                .to_string(),
        }
    }

    fn open_row(&mut self, o: &Open, columns: &[&str]) -> Vec<String> {
        let lang = self.lang();
        let p = o.first;
        let replies = o
            .thread
            .map(|t| self.a.th.threads[t as usize].replies())
            .unwrap_or(0);
        let at = self.cx.data.posts[p as usize].created_at;
        columns
            .iter()
            .map(|c| match *c {
                "when" => self.when(at),
                "who" => self.author(p),
                "text" => self.text(p),
                "replies" => lang.int(replies as u64),
                "open" => lang.duration(o.open_s as f64),
                "sentiment" => o.sentiment.map(|x| signed(lang, x)).unwrap_or_default(),
                "kind" => kind_text(lang, o.kind),
                _ => String::new(),
            })
            .collect()
    }

    fn header(&self, c: &str) -> (String, bool) {
        let lang = self.lang();
        let (en, nl, num) = match c {
            "when" => ("When", "Wanneer", false),
            "who" => ("Who", "Wie", false),
            "text" => ("Text", "Tekst", false),
            "replies" => ("Replies", "Reacties", true),
            "open" => ("Open for", "Open sinds", true),
            "sentiment" => ("Sentiment", "Sentiment", true),
            "kind" => ("Type", "Soort", false),
            _ => ("", "", false),
        };
        (lang.pick(en, nl).to_string(), num)
    }

    fn table(
        &mut self,
        id: &str,
        title: String,
        cols: &[&str],
        rows: Vec<Vec<String>>,
        total: usize,
        note: Option<String>,
    ) {
        let lang = self.lang();
        let (columns, numeric): (Vec<String>, Vec<bool>) =
            cols.iter().map(|c| self.header(c)).unzip();
        let more = total.saturating_sub(rows.len());
        let more_note = (more > 0).then(|| {
            tr!(
                lang,
                "{} more not shown; raise rows in [plugins.conversations] to see them.",
                "Nog {} niet getoond; verhoog rows in [plugins.conversations] om ze te zien.",
                lang.int(more as u64)
            )
        });
        let note = match (note, more_note) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        };
        self.b.sec.tables.push(Table {
            id: id.into(),
            title,
            columns,
            numeric,
            rows,
            note,
        });
    }

    fn open_tables(&mut self) {
        if !self.has_brand() || self.a.open.is_empty() {
            return;
        }
        let lang = self.lang();
        let a = self.a;
        let rows_n = self.s.rows;
        let cols = [
            "when",
            "who",
            "text",
            "replies",
            "open",
            "sentiment",
            "kind",
        ];
        // Listed: threads, and single posts that ask or complain; a passing mention nobody
        // replied to counts in the response rate but waits for no one.
        let listed: Vec<&Open> = a.waiting().collect();
        let rows: Vec<Vec<String>> = listed
            .iter()
            .take(rows_n)
            .map(|o| self.open_row(o, &cols))
            .collect();
        let as_of = self.when(a.as_of);
        let skipped = (a.open.len() - listed.len()) as u64;
        self.table(
            "unanswered",
            self.b.t(
                "Conversations waiting for your answer, oldest first",
                "Gesprekken die op je antwoord wachten, oudste eerst",
            ),
            &cols,
            rows,
            listed.len(),
            Some(tr!(
                lang,
                "One row per thread with posts addressed to you that you did not answer, showing the earliest of them, and per single post that asks a question, complains or sounds negative; {} passing mentions without replies are counted in the response rate but not listed. Open for = until {as_of}, the last post in the data (at most the end of the period). Sentiment is that of the whole thread (estimate).",
                "Eén rij per draad met posts aan jou die je niet beantwoordde, met de vroegste ervan, en per losse post met een vraag, een klacht of een negatieve toon; {} terloopse vermeldingen zonder reacties tellen mee in het reactiepercentage maar staan hier niet. Open sinds = tot {as_of}, de laatste post in de data (hooguit het einde van de periode). Het sentiment is dat van de hele draad (schatting).",
                lang.int(skipped)
            )),
        );
        let mut neg: Vec<&Open> = a
            .waiting()
            .filter(|o| o.sentiment.is_some_and(|x| x < 0.0))
            .collect();
        neg.sort_by(|x, y| {
            x.sentiment
                .unwrap_or(0.0)
                .total_cmp(&y.sentiment.unwrap_or(0.0))
                .then(x.first.cmp(&y.first))
        });
        if !neg.is_empty() {
            let cols = ["sentiment", "when", "who", "text", "replies", "open"];
            let rows: Vec<Vec<String>> = neg
                .iter()
                .take(rows_n)
                .map(|o| self.open_row(o, &cols))
                .collect();
            self.table(
                "negative-open",
                self.b.t(
                    "Waiting conversations with the most negative tone",
                    "Wachtende gesprekken met de meest negatieve toon",
                ),
                &cols,
                rows,
                neg.len(),
                Some(self.b.t(
                    "The waiting conversations whose net sentiment is below 0, most negative on top: where a late answer costs the most goodwill.",
                    "De wachtende gesprekken met een netto sentiment onder 0, de meest negatieve bovenaan: waar een laat antwoord de meeste goodwill kost.",
                )),
            );
        }
        // Complaints first, then questions; oldest first within each.
        let mut qc: Vec<&crate::analysis::Inbound> = a
            .inbound
            .iter()
            .filter(|x| x.answer_s.is_none() && (x.kind.question || x.kind.complaint))
            .collect();
        qc.sort_by_key(|x| !x.kind.complaint);
        if !qc.is_empty() {
            let rows: Vec<Vec<String>> = qc
                .iter()
                .take(rows_n)
                .map(|x| {
                    let p = &self.cx.data.posts[x.post as usize];
                    vec![
                        kind_text(lang, x.kind),
                        self.when(p.created_at),
                        self.author(x.post),
                        self.text(x.post),
                        lang.duration((a.as_of - p.created_at).max(0) as f64),
                    ]
                })
                .collect();
            self.table(
                "questions-complaints",
                self.b.t(
                    "Unanswered complaints and questions, complaints first, oldest first",
                    "Onbeantwoorde klachten en vragen, klachten eerst, oudste eerst",
                ),
                &["kind", "when", "who", "text", "open"],
                rows,
                qc.len(),
                Some(self.b.t(
                    "How questions and complaints are recognised: see the definitions of \"Unanswered questions\" and \"Unanswered complaints\".",
                    "Hoe vragen en klachten herkend worden: zie de definities van \"Onbeantwoorde vragen\" en \"Onbeantwoorde klachten\".",
                )),
            );
        }
    }

    fn balance_tables(&mut self) {
        if !self.has_brand() {
            return;
        }
        let lang = self.lang();
        let a = self.a;
        let rows_n = self.s.rows;
        let mut too: Vec<&ThreadInfo> = a.threads.iter().filter(|t| t.too_present).collect();
        too.sort_by(|x, y| {
            let (sx, sy) = (a.stats(x), a.stats(y));
            let share = |s: &honeycomb_core::threads::Thread| {
                s.brand_replies as f64 / s.replies().max(1) as f64
            };
            share(sy)
                .total_cmp(&share(sx))
                .then(sy.brand_replies.cmp(&sx.brand_replies))
                .then(x.t.cmp(&y.t))
        });
        if !too.is_empty() {
            let rows: Vec<Vec<String>> = too
                .iter()
                .take(rows_n)
                .map(|t| {
                    let st = *a.stats(t);
                    let root = &self.cx.data.posts[st.root as usize];
                    vec![
                        self.when(root.created_at),
                        self.author(st.root),
                        self.text(st.root),
                        lang.int(st.replies() as u64),
                        lang.int(st.brand_replies as u64),
                        lang.pct(st.brand_replies as f64 / st.replies().max(1) as f64, 0),
                    ]
                })
                .collect();
            let columns = vec![
                lang.pick("When", "Wanneer").to_string(),
                lang.pick("Started by", "Begonnen door").to_string(),
                lang.pick("Text", "Tekst").to_string(),
                lang.pick("Replies", "Reacties").to_string(),
                lang.pick("Your replies", "Jouw reacties").to_string(),
                lang.pick("Your share", "Jouw aandeel").to_string(),
            ];
            let more = too.len().saturating_sub(rows.len());
            self.b.sec.tables.push(Table {
                id: "too-present".into(),
                title: self.b.t(
                    "Threads where you were too present",
                    "Draden waarin je te nadrukkelijk aanwezig was",
                ),
                columns,
                numeric: vec![false, false, false, true, true, true],
                rows,
                note: Some(self.more_note(
                    more,
                    tr!(
                        lang,
                        "You wrote more than half of the replies (from {MIN_SHARE_REPLIES} replies on) or more than {} replies; highest share first.",
                        "Je schreef meer dan de helft van de reacties (vanaf {MIN_SHARE_REPLIES} reacties) of meer dan {} reacties; hoogste aandeel eerst.",
                        self.s.max_brand_replies
                    ),
                )),
            });
        }
        let mut moments: Vec<&ThreadInfo> = a.threads.iter().filter(|t| t.moment).collect();
        moments.sort_by(|x, y| {
            y.velocity
                .total_cmp(&x.velocity)
                .then(y.replies_24h.cmp(&x.replies_24h))
                .then(x.t.cmp(&y.t))
        });
        if !moments.is_empty() {
            let rows: Vec<Vec<String>> = moments
                .iter()
                .take(rows_n)
                .map(|t| {
                    let st = *a.stats(t);
                    let root = &self.cx.data.posts[st.root as usize];
                    vec![
                        self.when(root.created_at),
                        self.author(st.root),
                        self.text(st.root),
                        lang.int(t.replies_24h as u64),
                        lang.num(t.velocity, 1),
                        lang.int(st.participants as u64),
                    ]
                })
                .collect();
            let columns = vec![
                lang.pick("When", "Wanneer").to_string(),
                lang.pick("Started by", "Begonnen door").to_string(),
                lang.pick("Text", "Tekst").to_string(),
                lang.pick("Replies in 24 h", "Reacties in 24 u").to_string(),
                lang.pick("Replies per hour", "Reacties per uur")
                    .to_string(),
                lang.pick("People", "Deelnemers").to_string(),
            ];
            let more = moments.len().saturating_sub(rows.len());
            let top = a
                .top_velocity
                .map(|v| lang.num(v, 1))
                .unwrap_or_else(|| "–".into());
            self.b.sec.tables.push(Table {
                id: "moments-to-join".into(),
                title: self.b.t(
                    "Moments to join: fast threads without you",
                    "Momenten om in te stappen: snelle draden zonder jou",
                ),
                columns,
                numeric: vec![false, false, false, true, true, true],
                rows,
                note: Some(self.more_note(
                    more,
                    tr!(
                        lang,
                        "At least {} replies per hour in the first 24 hours, or among the fastest {} of threads (from {top} per hour) with at least {MIN_JOIN_REPLIES} replies; fastest first.",
                        "Minstens {} reacties per uur in de eerste 24 uur, of bij de snelste {} van de draden (vanaf {top} per uur) met minstens {MIN_JOIN_REPLIES} reacties; snelste eerst.",
                        lang.num(self.s.join_velocity, 1),
                        lang.pct(TOP_SHARE, 0)
                    ),
                )),
            });
        }
    }

    fn more_note(&self, more: usize, text: String) -> String {
        let lang = self.lang();
        if more == 0 {
            return text;
        }
        let m = tr!(
            lang,
            " {} more not shown; raise rows in [plugins.conversations] to see them.",
            " Nog {} niet getoond; verhoog rows in [plugins.conversations] om ze te zien.",
            lang.int(more as u64)
        );
        text + &m
    }

    fn charts(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if self.has_brand() && !a.inbound.is_empty() {
            let bounds = [3600, 4 * 3600, 24 * 3600, 3 * 86_400];
            let bucket = |s: i64| bounds.iter().position(|&b| s < b).unwrap_or(4);
            let mut clock = [0f64; 6];
            let mut business = [0f64; 6];
            for x in &a.inbound {
                match (x.answer_s, x.business_s) {
                    (Some(c), Some(b)) => {
                        clock[bucket(c)] += 1.0;
                        business[bucket(b)] += 1.0;
                    }
                    _ => {
                        clock[5] += 1.0;
                        business[5] += 1.0;
                    }
                }
            }
            let cats = match lang {
                Lang::En => [
                    "< 1 h",
                    "1–4 h",
                    "4–24 h",
                    "1–3 days",
                    "> 3 days",
                    "not answered",
                ],
                Lang::Nl => [
                    "< 1 u",
                    "1–4 u",
                    "4–24 u",
                    "1–3 dagen",
                    "> 3 dagen",
                    "niet beantwoord",
                ],
            };
            self.b.sec.charts.push(Chart {
                id: "response-times".into(),
                title: self.b.t("How long people wait for you", "Hoe lang mensen op je wachten"),
                description: tr!(
                    lang,
                    "Posts addressed to you by the time to your first answer, in clock time and in business hours ({}); {} were not answered.",
                    "Posts gericht aan jou naar de tijd tot je eerste antwoord, in kloktijd en in kantooruren ({}); {} zijn niet beantwoord.",
                    self.hours_text(),
                    lang.int(clock[5] as u64)
                ),
                x_label: self.b.t("time to first answer", "tijd tot eerste antwoord"),
                y_label: self.b.t("posts", "posts"),
                kind: ChartKind::Bar {
                    categories: cats.iter().map(|c| c.to_string()).collect(),
                    series: vec![
                        Series {
                            name: self.b.t("clock time", "kloktijd"),
                            values: clock.to_vec(),
                        },
                        Series {
                            name: self.b.t("business hours", "kantooruren"),
                            values: business.to_vec(),
                        },
                    ],
                },
            });
        }
        if !a.threads.is_empty() {
            let bounds = [3u32, 4, 6, 11, 26];
            let bucket = |s: u32| bounds.iter().position(|&b| s < b).unwrap_or(5);
            let mut all = [0f64; 6];
            let mut joined = [0f64; 6];
            for t in &a.threads {
                let st = a.stats(t);
                all[bucket(st.size)] += 1.0;
                if st.brand_replies > 0 {
                    joined[bucket(st.size)] += 1.0;
                }
            }
            let mut series = vec![Series {
                name: self.b.t("threads", "draden"),
                values: all.to_vec(),
            }];
            if self.has_brand() {
                series.push(Series {
                    name: self
                        .b
                        .t("threads you took part in", "draden waarin je meedeed"),
                    values: joined.to_vec(),
                });
            }
            self.b.sec.charts.push(Chart {
                id: "thread-sizes".into(),
                title: self.b.t("How long conversations get", "Hoe lang gesprekken worden"),
                description: tr!(
                    lang,
                    "Reply threads of the period by their number of posts (first post included): {} threads.",
                    "Reactiedraden uit de periode naar hun aantal posts (eerste post meegeteld): {} draden.",
                    lang.int(a.threads.len() as u64)
                ),
                x_label: self.b.t("posts in the thread", "posts in de draad"),
                y_label: self.b.t("threads", "draden"),
                kind: ChartKind::Bar {
                    categories: ["2", "3", "4–5", "6–10", "11–25", "> 25"]
                        .iter()
                        .map(|c| c.to_string())
                        .collect(),
                    series,
                },
            });
        }
        if a.rated > 0 && a.weekly.len() >= 2 {
            let weeks: Vec<(&i64, &(Tone, Tone))> = a.weekly.iter().rev().take(104).rev().collect();
            let x: Vec<String> = weeks
                .iter()
                .map(|(d, _)| {
                    let (y, m, dd) = civil_from_days(**d);
                    format!("{y:04}-{m:02}-{dd:02}")
                })
                .collect();
            let nan = |v: Option<f64>| v.unwrap_or(f64::NAN);
            let mut series = vec![Series {
                name: self.b.t("all posts", "alle posts"),
                values: weeks.iter().map(|(_, s)| nan(s.0.net())).collect(),
            }];
            if self.has_brand() && !a.inbound.is_empty() {
                series.push(Series {
                    name: self.b.t("posts to you", "posts aan jou"),
                    values: weeks.iter().map(|(_, s)| nan(s.1.net())).collect(),
                });
            }
            self.b.sec.charts.push(Chart {
                id: "sentiment-weekly".into(),
                title: self.b.t("Tone per week (estimate)", "Toon per week (schatting)"),
                description: tr!(
                    lang,
                    "Net sentiment (−1 to +1) of the scored posts of each week (see the overall tone), by the Monday that starts it (local time); a gap is a week without rated words. {} weeks.",
                    "Netto sentiment (−1 tot +1) van de gescoorde posts van elke week (zie de algemene toon), naar de maandag waarmee die begint (lokale tijd); een gat is een week zonder gewaardeerde woorden. {} weken.",
                    lang.int(weeks.len() as u64)
                ),
                x_label: self.b.t("week starting", "week vanaf"),
                y_label: self.b.t("net sentiment", "netto sentiment"),
                kind: ChartKind::Line { x, series },
            });
        }
    }

    /// `metrics/posts.csv` columns and the `metrics/threads.csv` export.
    fn columns(&mut self) {
        let cx = self.cx;
        let a = self.a;
        let posts = &cx.data.posts;
        let n = posts.len();
        let th = a.th;
        // thread_root: a category per thread met in the period, labelled by the root's id.
        let mut label_of: Vec<u32> = vec![u32::MAX; th.len()];
        let mut order: Vec<u32> = Vec::new();
        let mut codes: Vec<u32> = vec![u32::MAX; n];
        let mut depth: Vec<Option<i64>> = vec![None; n];
        let forest = cx.reply_forest();
        for i in 0..n {
            let t = th.thread_of[i];
            if t == Threads::NONE || !cx.in_period(posts[i].created_at) {
                continue;
            }
            if label_of[t as usize] == u32::MAX {
                label_of[t as usize] = order.len() as u32;
                order.push(t);
            }
            codes[i] = label_of[t as usize];
            depth[i] = Some(forest.depth[i] as i64);
        }
        let labels: Vec<String> = order
            .par_iter()
            .map(|&t| posts[th.threads[t as usize].root as usize].id.to_string())
            .collect();
        self.b.sec.entity_columns.push(EntityColumn::categories(
            Entity::Post,
            "thread_root",
            labels,
            codes,
        ));
        self.b
            .sec
            .entity_columns
            .push(EntityColumn::ints(Entity::Post, "depth", depth));
        if a.has_text {
            let sent: Vec<Option<f64>> = a
                .sent
                .par_iter()
                .zip(posts.par_iter())
                .map(|(s, p)| {
                    if cx.in_period(p.created_at) {
                        s.net()
                    } else {
                        None
                    }
                })
                .collect();
            self.b.sec.entity_columns.push(EntityColumn::floats(
                Entity::Post,
                "sentiment",
                sent,
                3,
            ));
        }
        // One row per thread, kept by column (a million posts can make 100,000 threads).
        let int = |f: &dyn Fn(&honeycomb_core::threads::Thread) -> Option<i64>| {
            ColumnValues::Int(a.threads.iter().map(|t| f(a.stats(t))).collect())
        };
        let frame = Frame::new("threads")
            .column(
                "root",
                ColumnValues::Text(
                    a.threads
                        .iter()
                        .map(|t| posts[a.stats(t).root as usize].id.to_string())
                        .collect(),
                ),
            )
            .column("size", int(&|t| Some(t.size as i64)))
            .column("depth", int(&|t| Some(t.depth as i64)))
            .column("participants", int(&|t| Some(t.participants as i64)))
            .column("first_reply_s", int(&|t| t.first_reply_s))
            .column("brand_replies", int(&|t| Some(t.brand_replies as i64)))
            .column(
                "sentiment",
                ColumnValues::Float {
                    values: a.threads.iter().map(|t| t.sentiment.net()).collect(),
                    decimals: 3,
                },
            );
        self.b.sec.frames.push(frame);
    }

    fn findings_and_advice(&mut self) {
        let lang = self.lang();
        let a = self.a;
        if !self.has_brand() {
            return;
        }
        let k = a.inbound.len();
        let posts = &self.cx.data.posts;
        let open_complaints: Vec<PostIx> = a
            .inbound
            .iter()
            .filter(|x| x.answer_s.is_none() && x.kind.complaint)
            .map(|x| x.post)
            .collect();
        if !open_complaints.is_empty() {
            let n = open_complaints.len();
            let names: Vec<String> = open_complaints
                .iter()
                .take(3)
                .map(|&p| {
                    let day = self.date(posts[p as usize].created_at);
                    format!("{} ({day})", self.author(p))
                })
                .collect();
            let list = lang.join_and(&names);
            self.b.finding(
                Severity::Warning,
                if n == 1 {
                    tr!(
                        lang,
                        "A complaint addressed to you got no answer: {list}.",
                        "Een klacht aan jou kreeg geen antwoord: {list}."
                    )
                } else {
                    tr!(
                        lang,
                        "{n} complaints addressed to you got no answer, among them {list}.",
                        "{n} klachten aan jou kregen geen antwoord, waaronder {list}."
                    )
                },
                &["complaints_unanswered", "negative_open"],
            );
            self.b.recommend(
                Priority::High,
                if n == 1 {
                    tr!(
                        lang,
                        "Answer the open complaint first: {list}.",
                        "Beantwoord eerst de open klacht: {list}."
                    )
                } else {
                    tr!(
                        lang,
                        "Answer the {n} open complaints first, starting with {list}.",
                        "Beantwoord eerst de {n} open klachten, te beginnen met {list}."
                    )
                },
                self.b.t(
                    "A complaint left unanswered in public is read by everyone who follows the thread; others join in and the tone hardens. Acknowledge it in public the same day, and take the details to a private message.",
                    "Een klacht die in het openbaar onbeantwoord blijft, lezen allen die de draad volgen; anderen sluiten zich aan en de toon verhardt. Reageer dezelfde dag in het openbaar, en handel de details af in een privébericht.",
                ),
                &["complaints_unanswered", "negative_open"],
            );
        }
        let waiting: Vec<&Open> = a.waiting().collect();
        if k > 0 && !a.open.is_empty() {
            let un = a.inbound.iter().filter(|x| x.answer_s.is_none()).count();
            let complaints = open_complaints.len();
            let questions = a
                .inbound
                .iter()
                .filter(|x| x.answer_s.is_none() && x.kind.question)
                .count();
            let groups = waiting.len();
            let c = lang.count(
                complaints as u64,
                ("complaint", "complaints"),
                ("klacht", "klachten"),
            );
            let q = lang.count(
                questions as u64,
                ("question", "questions"),
                ("vraag", "vragen"),
            );
            let g = lang.count(
                groups as u64,
                ("conversation is", "conversations are"),
                ("gesprek wacht", "gesprekken wachten"),
            );
            self.b.finding(
                if un * 2 > k {
                    Severity::Warning
                } else {
                    Severity::Info
                },
                tr!(
                    lang,
                    "{un} of the {k} posts addressed to you got no answer — among them {c} and {q}; {g} waiting for an answer.",
                    "{un} van de {k} posts aan jou kregen geen antwoord — waaronder {c} en {q}; {g} op antwoord."
                ),
                &["unanswered", "response_rate", "complaints_unanswered", "questions_unanswered"],
            );
            if !waiting.is_empty() {
                let w = waiting.len();
                let names: Vec<String> = waiting
                    .iter()
                    .take(3)
                    .map(|o| self.author(o.first))
                    .collect();
                let list = lang.join_and(&names);
                self.b.recommend(
                    if questions > 0 && complaints == 0 {
                        Priority::High
                    } else {
                        Priority::Medium
                    },
                    tr!(
                        lang,
                        "Answer the {w} conversations and questions that are waiting for you, oldest first: start with {list}.",
                        "Beantwoord de {w} gesprekken en vragen die op je wachten, de oudste eerst: begin bij {list}."
                    ),
                    self.b.t(
                        "A public question that stays unanswered tells everyone who reads along that you are not listening; an answer, even a late one, shows you are part of the community. Move the conversation to a private channel when personal details are needed — never ask for them in public.",
                        "Een openbare vraag die onbeantwoord blijft, vertelt iedereen die meeleest dat je niet luistert; een antwoord, ook een laat, laat zien dat je bij de gemeenschap hoort. Zet het gesprek voort in een privékanaal als er persoonlijke gegevens nodig zijn — vraag daar nooit in het openbaar om.",
                    ),
                    &["unanswered", "questions_unanswered", "response_rate"],
                );
            }
        }
        // Waiting time: the target, and what nights and weekends add.
        let target = self.s.response_target_s as f64;
        let metric = |key: &str| {
            self.b
                .sec
                .metric(&format!("conversations.{key}"))
                .and_then(|m| m.value)
        };
        if let (Some(bm), Some(cm)) = (metric("response_business"), metric("response_time")) {
            if bm > target {
                let (b_s, t_s) = (lang.duration(bm), lang.duration(target));
                self.b.recommend(
                    Priority::Medium,
                    tr!(
                        lang,
                        "Answer faster: half of your answers now take more than {b_s} of business time; aim for {t_s}.",
                        "Antwoord sneller: de helft van je antwoorden duurt nu langer dan {b_s} kantoortijd; mik op {t_s}."
                    ),
                    self.b.t(
                        "People who address an organisation in public expect an answer within hours; the longer they wait, the less satisfied they are with the answer (Istanbulluoglu 2017, Computers in Human Behavior 74). Check mentions and replies at fixed moments of the day.",
                        "Wie een organisatie in het openbaar aanspreekt, verwacht binnen enkele uren antwoord; hoe langer het wachten, hoe minder tevreden men is met het antwoord (Istanbulluoglu 2017, Computers in Human Behavior 74). Kijk op vaste momenten van de dag naar vermeldingen en reacties.",
                    ),
                    &["response_business", "within_target"],
                );
            }
            if cm >= 2.0 * bm.max(1.0) && cm - bm >= 4.0 * 3600.0 {
                let (c_s, b_s) = (lang.duration(cm), lang.duration(bm));
                self.b.finding(
                    Severity::Info,
                    tr!(
                        lang,
                        "Much of the waiting happens outside business hours: the median wait is {c_s} in clock time but {b_s} in business hours — people write to you in the evening and at weekends.",
                        "Veel van het wachten valt buiten kantooruren: de mediane wachttijd is {c_s} in kloktijd maar {b_s} in kantooruren — mensen schrijven je 's avonds en in het weekend."
                    ),
                    &["response_time", "response_business"],
                );
                self.b.recommend(
                    Priority::Low,
                    self.b.t(
                        "Cover evenings and weekends with a short check-in, or say in your profile when you answer.",
                        "Kijk ook 's avonds en in het weekend even mee, of zet in je profiel wanneer je antwoordt.",
                    ),
                    tr!(
                        lang,
                        "In clock time people wait {c_s} for half of your answers, against {b_s} of business time: the gap is nights and weekends.",
                        "In kloktijd wachten mensen {c_s} op de helft van je antwoorden, tegen {b_s} kantoortijd: het verschil zijn nachten en weekenden."
                    ),
                    &["response_time", "response_business"],
                );
            }
        }
        let too: Vec<&ThreadInfo> = a.threads.iter().filter(|t| t.too_present).collect();
        if !too.is_empty() {
            let j = a.joined().count();
            let n = too.len();
            self.b.finding(
                if n * 4 > j { Severity::Warning } else { Severity::Info },
                tr!(
                    lang,
                    "In {n} of the {j} threads you took part in you wrote most of the replies or more than {} — there you were the conversation rather than part of it.",
                    "In {n} van de {j} draden waarin je meedeed schreef je de meeste reacties of meer dan {} — daar was jij het gesprek in plaats van een deel ervan.",
                    self.s.max_brand_replies
                ),
                &["too_present", "brand_reply_share"],
            );
            self.b.recommend(
                Priority::Medium,
                self.b.t(
                    "Step back in long exchanges: answer once, clearly, and let the community carry the thread; take a long back-and-forth to a private message.",
                    "Doe een stap terug in lange uitwisselingen: antwoord één keer, duidelijk, en laat de gemeenschap de draad dragen; zet een lang heen-en-weer voort in een privébericht.",
                ),
                self.b.t(
                    "Organisations that step into a conversation too often or too hard come across as meddling; knowing when not to reply is part of being in the community (Kietzmann et al. 2011).",
                    "Organisaties die te vaak of te nadrukkelijk in een gesprek stappen, komen over als bemoeizuchtig; weten wanneer je niet reageert hoort bij deel zijn van de gemeenschap (Kietzmann e.a. 2011).",
                ),
                &["too_present", "brand_reply_share"],
            );
        }
        let moments: Vec<&ThreadInfo> = a.threads.iter().filter(|t| t.moment).collect();
        if !moments.is_empty() {
            let n = moments.len();
            let fast = a.threads.iter().filter(|t| t.fast).count();
            let best = moments
                .iter()
                .max_by(|x, y| x.velocity.total_cmp(&y.velocity).then(y.t.cmp(&x.t)))
                .map(|t| self.author(a.stats(t).root))
                .unwrap_or_default();
            self.b.finding(
                Severity::Info,
                tr!(
                    lang,
                    "{n} of the {fast} fast-moving threads went by without you; the fastest was started by {best}.",
                    "{n} van de {fast} snelle draden gingen zonder jou voorbij; de snelste begon bij {best}."
                ),
                &["moments_to_join", "velocity"],
            );
            self.b.recommend(
                Priority::Low,
                self.b.t(
                    "Join fast-moving threads where you can add something — an answer, a fact, a thank-you — while they are still growing (see the table of moments to join).",
                    "Stap in snelle draden waar je iets kunt toevoegen — een antwoord, een feit, een bedankje — terwijl ze nog groeien (zie de tabel met momenten om in te stappen).",
                ),
                self.b.t(
                    "A thread that gathers pace is where your audience is talking right now; a timely, useful reply there is seen by many and shows you are part of the community.",
                    "Een draad die vaart krijgt, is waar je publiek nu praat; een tijdige, nuttige reactie daar wordt door velen gezien en laat zien dat je bij de gemeenschap hoort.",
                ),
                &["moments_to_join", "velocity"],
            );
        }
        if let Some(v) = a.inbound_sentiment.net()
            && v < 0.0
            && a.inbound.len() >= 5
        {
            let v_s = signed(lang, v);
            self.b.finding(
                Severity::Warning,
                tr!(
                    lang,
                    "The tone of the posts addressed to you is negative on balance ({v_s}, an estimate from word lists).",
                    "De toon van de posts aan jou is per saldo negatief ({v_s}, een schatting uit woordenlijsten)."
                ),
                &["sentiment_inbound"],
            );
        }
        if k == 0 {
            self.b.finding(
                Severity::Info,
                self.b.t(
                    "Nobody mentioned you or replied to your posts in the period.",
                    "Niemand noemde je of reageerde op je posts in de periode.",
                ),
                &["inbound"],
            );
        }
    }

    fn missing(&mut self) {
        let a = self.a;
        if !self.has_brand() {
            self.b.missing(
                self.b.t(
                    "Response rate, response times, unanswered questions and complaints, and whether you join conversations too often or too little",
                    "Reactiepercentage, reactietijden, onbeantwoorde vragen en klachten, en of je te vaak of te weinig in gesprekken stapt",
                ),
                self.b.t(
                    "name your accounts in honeycomb.toml: [report] brand = [\"@you\"]",
                    "noem je accounts in honeycomb.toml: [report] brand = [\"@jij\"]",
                ),
            );
        }
        if !a.has_replies {
            self.b.missing(
                self.b.t(
                    "Reply threads (who answers whom, how conversations grow, whether you answered)",
                    "Reactiedraden (wie op wie reageert, hoe gesprekken groeien, of je antwoordde)",
                ),
                self.b.t(
                    "the reply_to column in the posts table (the id of the post a reply answers)",
                    "de kolom reply_to in de posts-tabel (het id van de post waarop een reactie antwoordt)",
                ),
            );
        }
        if !a.has_text {
            self.b.missing(
                self.b.t(
                    "Sentiment, questions and complaints",
                    "Sentiment, vragen en klachten",
                ),
                self.b.t(
                    "the text column in the posts table",
                    "de kolom text in de posts-tabel",
                ),
            );
        } else if !a.has_lang && a.with_text > 0 {
            self.b.missing(
                self.b.t(
                    "The language of each post (now guessed from common words, which can miss short posts)",
                    "De taal van elke post (nu geraden uit veelvoorkomende woorden, wat bij korte posts mis kan gaan)",
                ),
                self.b.t(
                    "a lang column in the posts table (en, nl, …)",
                    "een kolom lang in de posts-tabel (en, nl, …)",
                ),
            );
        }
    }

    fn score(&mut self) {
        if !self.has_brand() {
            return;
        }
        let lang = self.lang();
        let a = self.a;
        let k = a.inbound.len();
        let answered = a.inbound.iter().filter(|x| x.answer_s.is_some()).count();
        let target = self.s.response_target_s;
        let within = a
            .inbound
            .iter()
            .filter(|x| x.business_s.is_some_and(|b| b <= target))
            .count();
        let joined: Vec<&ThreadInfo> = a.joined().collect();
        let balanced = joined.iter().filter(|t| !t.too_present).count();
        let parts: [Option<f64>; 3] = [
            (k > 0).then(|| answered as f64 / k as f64),
            (k > 0).then(|| within as f64 / k as f64),
            (!joined.is_empty()).then(|| balanced as f64 / joined.len() as f64),
        ];
        let wsum: f64 = parts
            .iter()
            .zip(WEIGHTS)
            .filter(|(p, _)| p.is_some())
            .map(|(_, w)| w)
            .sum();
        if wsum == 0.0 {
            self.b.missing(
                self.b.t(
                    "The conversations score (nobody addressed you and you replied in no thread in the period)",
                    "De score voor gesprekken (niemand sprak je aan en je reageerde in geen enkele draad in de periode)",
                ),
                self.b.t(
                    "posts that mention your handles or reply to your posts, with reply_to filled in",
                    "posts die je accountnamen noemen of op je posts reageren, met reply_to ingevuld",
                ),
            );
            return;
        }
        let value = 100.0
            * parts
                .iter()
                .zip(WEIGHTS)
                .filter_map(|(p, w)| p.map(|p| p * w))
                .sum::<f64>()
            / wsum;
        let show = |p: Option<f64>| p.map(|x| lang.pct(x, 0)).unwrap_or_else(|| "–".into());
        let (r, w, b) = (show(parts[0]), show(parts[1]), show(parts[2]));
        let t_s = lang.duration(target as f64);
        let verdict = if value >= STRONG {
            self.b
                .t("Part of the conversation", "Je doet mee in het gesprek")
        } else if value >= WEAK {
            self.b
                .t("Sometimes in the conversation", "Soms in het gesprek")
        } else {
            self.b
                .t("Missing from the conversation", "Afwezig in het gesprek")
        };
        self.b.score(
            value,
            tr!(
                lang,
                "0.4 × response rate ({r}) + 0.3 × share answered within {t_s} of business time ({w}) + 0.3 × share of the threads you joined where you were not too present ({b}), × 100; a part without data is left out and the weights of the others rescaled; strong from {STRONG}, weak below {WEAK}",
                "0,4 × reactiepercentage ({r}) + 0,3 × aandeel binnen {t_s} kantoortijd beantwoord ({w}) + 0,3 × aandeel draden waarin je meedeed zonder te nadrukkelijk aanwezig te zijn ({b}), × 100; een deel zonder data valt weg en de gewichten van de andere worden herschaald; sterk vanaf {STRONG}, zwak onder {WEAK}"
            ),
            verdict,
        );
    }

    fn summary(&mut self) {
        let lang = self.lang();
        let a = self.a;
        let n = a.threads.len() as u64;
        let mut s = if !a.has_replies {
            self.b.t(
                "The data has no replies (no reply_to column), so no conversations could be followed.",
                "De data bevat geen reacties (geen kolom reply_to), dus er vielen geen gesprekken te volgen.",
            )
        } else if n == 0 {
            self.b.t(
                "No post of the period got a reply, so there are no conversations to analyse.",
                "Geen enkele post uit de periode kreeg een reactie, dus er zijn geen gesprekken om te analyseren.",
            )
        } else {
            let size = a
                .threads
                .iter()
                .map(|t| a.stats(t).size as f64)
                .sum::<f64>()
                / n as f64;
            tr!(
                lang,
                "{} reply threads started in the period, with {} posts each on average.",
                "In de periode begonnen {} reactiedraden, met gemiddeld {} posts per draad.",
                lang.int(n),
                lang.num(size, 1)
            )
        };
        if self.has_brand() {
            let k = a.inbound.len();
            if k > 0 {
                let answered = a.inbound.iter().filter(|x| x.answer_s.is_some()).count();
                let rate = lang.pct(answered as f64 / k as f64, 0);
                s.push(' ');
                s.push_str(&tr!(
                    lang,
                    "{} posts were addressed to you; you answered {rate} of them.",
                    "{} posts waren aan jou gericht; je beantwoordde er {rate} van.",
                    lang.int(k as u64)
                ));
                if let Some(m) = self
                    .b
                    .sec
                    .metric("conversations.response_business")
                    .and_then(|m| m.value)
                {
                    s.push(' ');
                    s.push_str(&if m < 1.0 {
                        self.b.t(
                            "Half of your answers came before any business time had passed.",
                            "De helft van je antwoorden kwam nog voordat er kantoortijd verstreken was.",
                        )
                    } else {
                        tr!(
                            lang,
                            "Half of your answers came within {} of business time.",
                            "De helft van je antwoorden kwam binnen {} kantoortijd.",
                            lang.duration(m)
                        )
                    });
                }
                let waiting: Vec<&Open> = a.waiting().collect();
                if let Some(o) = waiting.first() {
                    let day = self.date(self.cx.data.posts[o.first as usize].created_at);
                    s.push(' ');
                    s.push_str(&tr!(
                        lang,
                        "{} conversations are still waiting for your answer, the oldest since {day}.",
                        "{} gesprekken wachten nog op je antwoord, het oudste sinds {day}.",
                        lang.int(waiting.len() as u64)
                    ));
                }
                let complaints = a
                    .inbound
                    .iter()
                    .filter(|x| x.answer_s.is_none() && x.kind.complaint)
                    .count();
                if complaints > 0 {
                    s.push(' ');
                    s.push_str(&if complaints == 1 {
                        self.b.t(
                            "One of them is a complaint: answer it first.",
                            "Eén ervan is een klacht: beantwoord die eerst.",
                        )
                    } else {
                        tr!(
                            lang,
                            "{complaints} of them are complaints: answer those first.",
                            "{complaints} ervan zijn klachten: beantwoord die eerst."
                        )
                    });
                }
            }
        }
        if let Some(v) = a.overall.net() {
            s.push(' ');
            s.push_str(&tr!(
                lang,
                "The overall tone is {} on a scale from −1 to +1 (an estimate from word lists).",
                "De algemene toon is {} op een schaal van −1 tot +1 (een schatting uit woordenlijsten).",
                signed(lang, v)
            ));
        }
        self.b.sec.summary = s;
    }
}

/// Builds the section.
pub fn build(cx: &Context<'_>, s: &Settings, a: &Analysis<'_>) -> Section {
    let title = cx.t("Conversations", "Gesprekken").to_string();
    let mut r = Report {
        cx,
        s,
        a,
        b: SectionBuilder::new("conversations", title, cx.lang),
        clock: LocalClock::new(cx.tz.clone()),
    };
    r.thread_metrics();
    r.brand_metrics();
    r.inbound_metrics();
    r.sentiment_metrics();
    r.open_tables();
    r.balance_tables();
    r.charts();
    r.columns();
    r.findings_and_advice();
    r.missing();
    // The metrics compared with the previous period at the top of the report.
    r.b.headline("response_rate", Better::Higher);
    r.b.headline("response_time", Better::Lower);
    r.b.headline("questions_unanswered", Better::Lower);
    r.b.headline_difference("sentiment_inbound", Better::Higher);
    r.score();
    r.summary();
    r.b.finish()
}
