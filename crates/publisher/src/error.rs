//! Content errors: every problem the publisher finds names the file (relative
//! to the content directory), the 1-based line and a plain reason, so an
//! editor can go straight to it. Problems are collected, not thrown, so one
//! run reports all of them.

use std::fmt;

/// A problem at a line of a file being read; the caller knows the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// 1-based.
    pub line: usize,
    pub reason: String,
}

impl LineError {
    pub fn new(line: usize, reason: impl Into<String>) -> LineError {
        LineError {
            line,
            reason: reason.into(),
        }
    }

    pub fn in_file(self, path: &str) -> ContentError {
        ContentError::new(path, self.line, self.reason)
    }
}

/// A problem in one content file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    /// Relative to the content directory, with `/` separators (`news/mir/en.md`).
    pub path: String,
    /// 1-based; 1 for problems with a whole file or folder.
    pub line: usize,
    pub reason: String,
}

impl ContentError {
    pub fn new(path: impl Into<String>, line: usize, reason: impl Into<String>) -> ContentError {
        ContentError {
            path: path.into(),
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ContentError {
    /// `path:line: reason`, the shape editors and their tools recognise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.reason)
    }
}

/// Collects problems across files.
#[derive(Debug, Default)]
pub struct Problems {
    errors: Vec<ContentError>,
}

impl Problems {
    pub fn push(&mut self, error: ContentError) {
        self.errors.push(error);
    }

    pub fn add(&mut self, path: &str, line: usize, reason: impl Into<String>) {
        self.push(ContentError::new(path, line, reason));
    }

    pub fn extend_in_file(&mut self, path: &str, errors: impl IntoIterator<Item = LineError>) {
        self.errors
            .extend(errors.into_iter().map(|error| error.in_file(path)));
    }

    /// Takes in the problems another pass collected.
    pub fn absorb(&mut self, other: Problems) {
        self.errors.extend(other.errors);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// All problems, ordered by file and line (on one line, in the order
    /// found), without exact repeats.
    pub fn into_sorted(mut self) -> Vec<ContentError> {
        self.errors
            .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        let mut unique: Vec<ContentError> = Vec::with_capacity(self.errors.len());
        for error in self.errors {
            if !unique.contains(&error) {
                unique.push(error);
            }
        }
        unique
    }
}

/// The 1-based line of a byte offset in `text`.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    // Count on bytes: `end` may fall inside a multi-byte character.
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_as_path_line_reason() {
        let error = ContentError::new("news/mir/en.md", 7, "raw HTML is not allowed");
        assert_eq!(
            error.to_string(),
            "news/mir/en.md:7: raw HTML is not allowed"
        );
    }

    #[test]
    fn problems_come_out_sorted_and_unique() {
        let mut problems = Problems::default();
        problems.add("news/b/en.md", 3, "x");
        problems.add("news/a/en.md", 9, "y");
        problems.add("news/a/en.md", 2, "z");
        problems.add("news/a/en.md", 2, "b");
        problems.add("news/a/en.md", 2, "z");
        let lines: Vec<_> = problems
            .into_sorted()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "news/a/en.md:2: z",
                "news/a/en.md:2: b",
                "news/a/en.md:9: y",
                "news/b/en.md:3: x"
            ]
        );
    }

    #[test]
    fn lines_of_offsets() {
        let text = "one\ntwo\nthree";
        assert_eq!(line_of_offset(text, 0), 1);
        assert_eq!(line_of_offset(text, 4), 2);
        assert_eq!(line_of_offset(text, 8), 3);
        assert_eq!(line_of_offset(text, 999), 3);
        assert_eq!(line_of_offset("ў\nx", 1), 1);
    }
}
