//! Build errors: each names the file and, when it has one, the line, so an editor can jump
//! there. A stage reports every problem it finds, not only the first, so one run shows
//! all the broken links of a site.

use std::fmt;

/// One problem in one source file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SiteError {
    /// The file as the user would type it, e.g. `guide/en/direct-send.md`.
    pub file: String,
    /// 1-based; `None` for problems with the whole file (unreadable, not UTF-8).
    pub line: Option<usize>,
    pub message: String,
}

impl SiteError {
    pub(crate) fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        SiteError {
            file: file.to_owned(),
            line: Some(line),
            message: message.into(),
        }
    }

    pub(crate) fn file(file: &str, message: impl Into<String>) -> Self {
        SiteError {
            file: file.to_owned(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for SiteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for SiteError {}

/// Every problem a stage found, sorted by file and line, one per line of the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(pub Vec<SiteError>);

impl BuildError {
    /// Sorted and deduplicated, so the report is the same on every run.
    pub(crate) fn new(mut errors: Vec<SiteError>) -> Self {
        errors.sort();
        errors.dedup();
        BuildError(errors)
    }

    /// `Ok` when `errors` is empty.
    pub(crate) fn check(errors: Vec<SiteError>) -> Result<(), BuildError> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(BuildError::new(errors))
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildError {}

impl From<SiteError> for BuildError {
    fn from(error: SiteError) -> Self {
        BuildError(vec![error])
    }
}

/// Byte offsets to 1-based line numbers, for errors found by position.
#[derive(Debug, Clone)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// Added to every line: the lines of the file before the indexed text.
    first_line: usize,
}

impl LineIndex {
    /// `text` begins on line `first_line` of its file.
    pub(crate) fn new(text: &str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts, first_line }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        let index = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        index + self.first_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_print_file_and_line() {
        let error = SiteError::at("guide/en/a.md", 7, "broken link `b.md`");
        assert_eq!(error.to_string(), "guide/en/a.md:7: broken link `b.md`");
        let whole = SiteError::file("guide/en/a.md", "not UTF-8");
        assert_eq!(whole.to_string(), "guide/en/a.md: not UTF-8");
    }

    #[test]
    fn several_errors_are_sorted_one_per_line() {
        let error = BuildError::new(vec![
            SiteError::at("b.md", 1, "x"),
            SiteError::at("a.md", 9, "y"),
            SiteError::at("a.md", 2, "z"),
            SiteError::at("a.md", 2, "z"),
        ]);
        assert_eq!(error.to_string(), "a.md:2: z\na.md:9: y\nb.md:1: x");
    }

    #[test]
    fn offsets_map_to_lines() {
        let index = LineIndex::new("ab\ncd\n\nef", 10);
        assert_eq!(index.line(0), 10);
        assert_eq!(index.line(2), 10);
        assert_eq!(index.line(3), 11);
        assert_eq!(index.line(6), 12);
        assert_eq!(index.line(7), 13);
        assert_eq!(index.line(100), 13);
    }
}
