//! A helper for writing a [`Section`]: metrics keyed `<plugin>.<key>`, findings and
//! recommendations whose evidence keys are kept only when the metric exists and has a value,
//! "not computable" entries, and the text in the report's language.

use crate::i18n::Lang;
use crate::section::{
    Better, Finding, Headline, Metric, Missing, Priority, Recommendation, Score, Section, Severity,
};

/// Builds one plugin's section.
#[derive(Debug)]
pub struct SectionBuilder {
    /// The report language.
    pub lang: Lang,
    /// The section being built.
    pub sec: Section,
}

impl SectionBuilder {
    /// Starts the section `id` with a title.
    pub fn new(id: &str, title: impl Into<String>, lang: Lang) -> SectionBuilder {
        SectionBuilder {
            lang,
            sec: Section::new(id, title),
        }
    }

    /// The English or Dutch text, owned.
    pub fn t(&self, en: &str, nl: &str) -> String {
        self.lang.pick(en, nl).to_string()
    }

    /// Adds a metric `<id>.<key>`; `value` `None` means not computable (say why in `display`).
    pub fn metric(
        &mut self,
        key: &str,
        label: String,
        value: Option<f64>,
        display: String,
        unit: &str,
        definition: String,
    ) {
        let key = format!("{}.{key}", self.sec.id);
        self.sec.metrics.push(Metric {
            key,
            label,
            value,
            display,
            unit: unit.to_string(),
            definition,
        });
    }

    /// Marks the metric `<id>.<key>` as a headline metric (compared with the previous period
    /// at the top of the report); `better` says which direction is an improvement. Marking a
    /// key twice keeps the first.
    pub fn headline(&mut self, key: &str, better: Better) {
        self.push_headline(key, better, false);
    }

    /// Like [`SectionBuilder::headline`], compared by the plain difference (ranks, scales
    /// around zero) instead of the relative change.
    pub fn headline_difference(&mut self, key: &str, better: Better) {
        self.push_headline(key, better, true);
    }

    fn push_headline(&mut self, key: &str, better: Better, difference: bool) {
        let key = format!("{}.{key}", self.sec.id);
        if !self.sec.headline.iter().any(|h| h.key == key) {
            self.sec.headline.push(Headline {
                key,
                better,
                difference,
            });
        }
    }

    /// The full keys of the given short keys whose metrics exist and have a value.
    fn evidence(&self, keys: &[&str]) -> Vec<String> {
        keys.iter()
            .map(|k| format!("{}.{k}", self.sec.id))
            .filter(|k| self.sec.metric(k).is_some_and(|m| m.value.is_some()))
            .collect()
    }

    /// Adds a finding; `evidence` are short metric keys.
    pub fn finding(&mut self, severity: Severity, text: String, evidence: &[&str]) {
        let evidence = self.evidence(evidence);
        self.sec.findings.push(Finding {
            severity,
            text,
            evidence,
        });
    }

    /// Adds a recommendation for this section's block, but only when at least one of its
    /// evidence metrics has a value: advice without evidence is not given.
    pub fn recommend(
        &mut self,
        priority: Priority,
        action: String,
        why: String,
        evidence: &[&str],
    ) {
        let evidence = self.evidence(evidence);
        if evidence.is_empty() {
            return;
        }
        self.sec.recommendations.push(Recommendation {
            priority,
            action,
            why,
            evidence,
            block: self.sec.id.clone(),
        });
    }

    /// Says what could not be computed and what to add to the data.
    pub fn missing(&mut self, what: String, add: String) {
        self.sec.missing.push(Missing { what, add });
    }

    /// Sets the honeycomb score.
    pub fn score(&mut self, value: f64, rule: String, verdict: String) {
        self.sec.score = Some(Score {
            value: value.clamp(0.0, 100.0),
            rule,
            verdict,
        });
    }

    /// Withholds the honeycomb score: the data is not enough to judge the block; `reason` is
    /// shown as the block's verdict. Clears a score set earlier.
    pub fn no_score(&mut self, reason: String) {
        self.sec.score = None;
        self.sec.unscored = Some(reason);
    }

    /// The finished section.
    pub fn finish(self) -> Section {
        self.sec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_needs_a_value() {
        let mut b = SectionBuilder::new("x", "X", Lang::Nl);
        b.metric("a", "A".into(), Some(1.0), "1".into(), "", "def".into());
        b.metric("b", "B".into(), None, "–".into(), "", "def".into());
        b.recommend(Priority::High, "do".into(), "why".into(), &["b"]);
        assert!(b.sec.recommendations.is_empty(), "no evidence, no advice");
        b.recommend(Priority::High, "do".into(), "why".into(), &["a", "b", "c"]);
        assert_eq!(b.sec.recommendations[0].evidence, vec!["x.a".to_string()]);
        assert_eq!(b.sec.recommendations[0].block, "x");
        b.finding(Severity::Info, "f".into(), &["b"]);
        assert!(b.sec.findings[0].evidence.is_empty());
        assert_eq!(b.t("en", "nl"), "nl");
        b.headline("a", Better::Lower);
        b.headline("a", Better::Higher);
        assert_eq!(
            b.sec.headline,
            vec![Headline {
                key: "x.a".into(),
                better: Better::Lower,
                difference: false,
            }]
        );
        b.score(120.0, "r".into(), "v".into());
        assert_eq!(b.finish().score.map(|s| s.value), Some(100.0));
    }
}
