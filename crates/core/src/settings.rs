//! Reading a `[plugins.NAME]` table of `honeycomb.toml`: typed values with defaults and
//! ranges, and unknown keys reported with the keys that are known. Every error names the
//! table, the key, the value found and what was expected.

/// A view of one `[plugins.NAME]` table.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    name: &'a str,
    table: Option<&'a toml::Table>,
}

impl<'a> Settings<'a> {
    /// The settings of `[plugins.NAME]` (`table` is `None` when the file has no such table).
    pub fn new(name: &'a str, table: Option<&'a toml::Table>) -> Settings<'a> {
        Settings { name, table }
    }

    fn get(&self, key: &str) -> Option<&'a toml::Value> {
        self.table.and_then(|t| t.get(key))
    }

    fn bad(&self, key: &str, v: &toml::Value, expected: &str) -> String {
        format!("[plugins.{}] {key} = {v}: expected {expected}", self.name)
    }

    /// A whole number in `min..=max`, or `default` when absent.
    pub fn int(&self, key: &str, default: i64, min: i64, max: i64) -> Result<i64, String> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => match v.as_integer() {
                Some(i) if (min..=max).contains(&i) => Ok(i),
                _ => Err(self.bad(key, v, &format!("a whole number from {min} to {max}"))),
            },
        }
    }

    /// A number in `min..=max` (whole numbers accepted), or `default` when absent.
    pub fn float(&self, key: &str, default: f64, min: f64, max: f64) -> Result<f64, String> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => match v.as_float().or_else(|| v.as_integer().map(|i| i as f64)) {
                Some(x) if x.is_finite() && x >= min && x <= max => Ok(x),
                _ => Err(self.bad(key, v, &format!("a number from {min} to {max}"))),
            },
        }
    }

    /// One of `allowed`, or `default` when absent.
    pub fn choice(
        &self,
        key: &str,
        default: &'a str,
        allowed: &[&'a str],
    ) -> Result<&'a str, String> {
        match self.get(key) {
            None => Ok(default),
            Some(v) => match v.as_str().and_then(|s| allowed.iter().find(|a| **a == s)) {
                Some(a) => Ok(a),
                None => Err(self.bad(key, v, &format!("one of {}", quoted(allowed)))),
            },
        }
    }

    /// A list of distinct values from `allowed` (a single string is a list of one), or
    /// `default` when absent.
    pub fn list(
        &self,
        key: &str,
        default: &[&'a str],
        allowed: &[&'a str],
    ) -> Result<Vec<&'a str>, String> {
        let Some(v) = self.get(key) else {
            return Ok(default.to_vec());
        };
        let expected = format!("a list of {}", quoted(allowed));
        let items: Vec<&toml::Value> = match v {
            toml::Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        let mut out = Vec::new();
        for item in items {
            match item
                .as_str()
                .and_then(|s| allowed.iter().find(|a| **a == s))
            {
                Some(a) if !out.contains(a) => out.push(*a),
                Some(_) => {}
                None => return Err(self.bad(key, v, &expected)),
            }
        }
        if out.is_empty() {
            return Err(self.bad(key, v, &expected));
        }
        Ok(out)
    }

    /// An error for the first key that is neither in `known` nor in `also`.
    pub fn check_keys(&self, known: &[&str], also: &[&str]) -> Result<(), String> {
        let Some(t) = self.table else { return Ok(()) };
        for key in t.keys() {
            if !known.contains(&key.as_str()) && !also.contains(&key.as_str()) {
                let mut all: Vec<&str> = known.iter().chain(also).copied().collect();
                all.sort_unstable();
                return Err(format!(
                    "[plugins.{}]: unknown key `{key}`: expected one of {}",
                    self.name,
                    all.join(", ")
                ));
            }
        }
        Ok(())
    }
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::Settings;

    #[test]
    fn values_ranges_and_unknown_keys() {
        let t: toml::Table =
            toml::from_str("a = 3\nb = 0.5\nc = \"x\"\nd = [\"x\", \"y\", \"x\"]\ne = -1\n")
                .expect("toml");
        let s = Settings::new("demo", Some(&t));
        assert_eq!(s.int("a", 1, 0, 10), Ok(3));
        assert_eq!(s.int("zz", 7, 0, 10), Ok(7));
        assert_eq!(
            s.int("e", 1, 0, 10),
            Err("[plugins.demo] e = -1: expected a whole number from 0 to 10".into())
        );
        assert_eq!(s.float("a", 0.0, 0.0, 5.0), Ok(3.0));
        assert_eq!(s.choice("c", "y", &["x", "y"]), Ok("x"));
        assert!(s.choice("c", "y", &["y"]).is_err());
        assert_eq!(s.list("d", &["x"], &["x", "y"]), Ok(vec!["x", "y"]));
        assert_eq!(s.list("c", &["y"], &["x", "y"]), Ok(vec!["x"]));
        let err = s
            .check_keys(&["a", "b", "c"], &["d"])
            .expect_err("e is unknown");
        assert!(
            err.contains("unknown key `e`") && err.contains("a, b, c, d"),
            "{err}"
        );
        assert_eq!(Settings::new("x", None).int("a", 4, 0, 9), Ok(4));
    }
}
