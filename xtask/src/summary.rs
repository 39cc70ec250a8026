//! Counting tests across runners, so `cargo xtask test` ends with one line that says how
//! many tests ran in total (cargo's last line is often a doc-test run of zero).

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
    pub skipped: u64,
}

impl Tally {
    /// Reads one output line of libtest (`test result: ok. 3 passed; 0 failed; 1 ignored`)
    /// or Playwright's list reporter (`  12 passed (3.1s)`, `  1 failed`, `  2 skipped`).
    pub fn scan(&mut self, line: &str) {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("test result: ") {
            for part in rest.split([';', '.']) {
                self.add_count(part.trim());
            }
        } else {
            // Playwright summary lines: "<n> passed (<time>)", "<n> failed".
            self.add_count(trimmed.split(" (").next().unwrap_or_default());
        }
    }

    fn add_count(&mut self, part: &str) {
        let mut words = part.split_whitespace();
        let (Some(number), Some(word), None) = (words.next(), words.next(), words.next()) else {
            return;
        };
        let Ok(n) = number.parse::<u64>() else {
            return;
        };
        match word {
            "passed" => self.passed += n,
            "failed" => self.failed += n,
            "ignored" | "skipped" => self.skipped += n,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn reads_libtest_and_playwright_summaries() {
        let mut tally = Tally::default();
        for line in [
            "test result: ok. 25 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s",
            "test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out",
            "  7 passed (12.4s)",
            "  1 failed",
            "  2 skipped",
            "running 25 tests",
            "ok 1 passed through the proxy (3s)",
        ] {
            tally.scan(line);
        }
        assert_eq!(
            tally,
            Tally {
                passed: 35,
                failed: 3,
                skipped: 3
            }
        );
    }
}
