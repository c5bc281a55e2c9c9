//! Escaping untrusted text for Markdown.
//!
//! Every string a template prints into `report.md` goes through [`escape`] unless the
//! template marks it safe: post texts, names and bios come from strangers, and must stay
//! text — in the Markdown itself and in the HTML made from it.

/// Escapes `s` so that CommonMark reads it as literal inline text.
///
/// Backslash-escapes the characters that start markup anywhere in a line (`\ ` * _ [ ] < >
/// | # ! ~ { }`, backticks, and `&` before a name), escapes characters that start a block only at the start
/// (`-`, `+`, `=`, `1.`/`1)`), and folds line breaks into spaces, so one value can never
/// open a new block (a heading, a list, a table row, raw HTML).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    let mut at_start = true;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '!' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            // `&` only starts an entity reference (`&amp;`, `&#60;`) when a name follows.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            d if at_start && d.is_ascii_digit() => {
                // `1.` or `1)` at the start would open an ordered list.
                out.push(d);
                while let Some(&n) = chars.peek() {
                    if n.is_ascii_digit() {
                        out.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                // Only `1.`/`1)` followed by a space or the end opens a list; `13.5` does not.
                if let Some(&n) = chars.peek()
                    && (n == '.' || n == ')')
                {
                    chars.next();
                    if chars.peek().is_none_or(|c| c.is_whitespace()) {
                        out.push('\\');
                    }
                    out.push(n);
                }
            }
            c if c.is_control() && c != '\t' => continue,
            // Leading white space keeps a block marker after it dangerous (`  - x`).
            ' ' | '\t' if at_start => {
                out.push(c);
                continue;
            }
            _ => out.push(c),
        }
        at_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_stays_text() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(escape("# title\n- item"), "\\# title - item");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("a|b & c &amp; &#60;"), "a\\|b & c \\&amp; \\&\\#60;");
        assert_eq!(escape("13.5 over 1. x"), "13.5 over 1. x");
        assert_eq!(escape("2) second"), "2\\) second");
        assert_eq!(escape("42.5% of 1,204"), "42.5% of 1,204");
        assert_eq!(escape("{{ 7*7 }}"), "\\{\\{ 7\\*7 \\}\\}");
        assert_eq!(
            escape("Acme {.evil onclick=x}"),
            "Acme \\{.evil onclick=x\\}"
        );
        assert_eq!(escape("  - x"), "  \\- x");
    }
}
