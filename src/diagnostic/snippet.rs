//! The offending lines of a problem as they are shown: cut to a window around the column when a
//! line is long, and with control characters made visible, so that no file can break the layout
//! (miette cannot lay out a column past 65,535) or send commands to the terminal.

use std::borrow::Cow;
use std::path::Path;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// How many characters of a line are shown; longer lines are cut to a window of this many
/// characters around the problem's column, marked with [`CUT`] where text was left out.
pub(crate) const WINDOW: usize = 120;
/// How many characters before the problem's column a cut window starts.
const BEFORE: usize = 40;
/// Marks where a long line was cut.
pub(crate) const CUT: char = '…';

/// Text from a program's files made safe to print: every control character (C0 except tab and
/// line feed, DEL, C1) and every bidirectional-text control is written as its Unicode number in
/// hexadecimal (`\u{1b}`, `\u{7}`, `\u{0}`, `\u{202e}`), the form the YAML library's own messages
/// use, so a file cannot retitle the terminal, move the cursor, clear a CI log or reorder what is
/// shown.
pub fn terminal_safe(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Whether `c` is printed as an escape rather than as itself.
pub(crate) fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_visible(out: &mut String, c: char) {
    if needs_escape(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

/// Where each line of a file starts: computed once per file and shared by all its problems, so a
/// file with thousands of problems is read once, not once per problem.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The text of the 1-based `line`, without its line ending; `None` past the end of the file.
    pub(crate) fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        let text = &self.text[start..end];
        Some(text.strip_suffix('\r').unwrap_or(text))
    }

    /// Whether the 1-based `line` holds anything: the empty rest after a final line feed does not.
    fn has_line(&self, line: usize) -> bool {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .is_some_and(|&start| start < self.text.len())
    }
}

/// The lines shown for one problem, as miette reads them: the line before, the problem's own and
/// the line after, each cut to the same window of columns and made safe to print.
#[derive(Debug, Clone)]
pub(crate) struct Snippet {
    /// The file's name, safe to print.
    name: String,
    /// The shown lines, each ending with a line feed.
    text: String,
    /// The 0-based number of the first shown line.
    first_line: usize,
    line_count: usize,
    /// The underlined token, in `text`.
    pub(crate) label: SourceSpan,
    /// The problem's 0-based line and column in the file, for the `[file:line:column]` header.
    line: usize,
    column: usize,
}

impl Snippet {
    /// The snippet of the 1-based `line` and `column` of a file; `None` when the file has no such
    /// line.
    pub(crate) fn new(file: &Path, index: &LineIndex<'_>, line: u32, column: u32) -> Option<Self> {
        let line = usize::try_from(line).ok()?;
        let this = index.line(line)?;
        let col = usize::try_from(column).ok()?.saturating_sub(1);
        // Short lines (nearly all) are shown whole; beyond that, a window that holds the column.
        let from = if col + BEFORE < WINDOW {
            0
        } else {
            col - BEFORE
        };
        let to = from + WINDOW;
        let first = if line > 1 { line - 1 } else { line };
        let last = if index.has_line(line + 1) {
            line + 1
        } else {
            line
        };
        let mut text = String::new();
        let mut label = (0, 1);
        for n in first..=last {
            let shown = if n == line { this } else { index.line(n)? };
            let at = (n == line).then_some(col);
            if let Some(found) = push_window(&mut text, shown, from, to, at) {
                label = found;
            }
            text.push('\n');
        }
        Some(Snippet {
            name: terminal_safe(&file.display().to_string()).into_owned(),
            text,
            first_line: first - 1,
            line_count: last - first + 1,
            label: label.into(),
            line: line - 1,
            column: col,
        })
    }
}

/// Writes the characters `from..to` of `line` to `out`, made safe to print, with [`CUT`] where
/// text was left out. With `at`, returns the offset in `out` and the length of the token that
/// starts at that character (at least 1, so a place at the end of a line is still underlined).
fn push_window(
    out: &mut String,
    line: &str,
    from: usize,
    to: usize,
    at: Option<usize>,
) -> Option<(usize, usize)> {
    let mut chars = line.chars().enumerate().skip(from).peekable();
    if from > 0 && !line.is_empty() {
        out.push(CUT);
    }
    let mut start = None;
    let mut end = None;
    while let Some((i, c)) = chars.next() {
        if i >= to {
            out.push(CUT);
            break;
        }
        if Some(i) == at {
            start = Some(out.len());
        }
        if start.is_some() && end.is_none() && is_token_end(c) {
            end = Some(out.len());
        }
        push_visible(out, c);
        if chars.peek().is_none() && start.is_some() && end.is_none() {
            end = Some(out.len());
        }
    }
    at?;
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len());
    Some((start, end.saturating_sub(start).max(1)))
}

fn is_token_end(c: char) -> bool {
    c.is_whitespace() || c == ',' || c == ']' || c == '}'
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if before == 0 && after == 0 {
            // The header's `[file:line:column]`: the problem's own place in the file, which the
            // window's offsets no longer say.
            let data = self
                .text
                .as_bytes()
                .get(span.offset()..span.offset() + span.len())
                .unwrap_or_default();
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                data,
                *span,
                self.line,
                self.column,
                1,
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            (0, self.text.len()).into(),
            self.first_line,
            0,
            self.line_count,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            terminal_safe("\u{1b}]0;title\u{7}\0\u{7f}\u{9b}\u{202e}\r"),
            "\\u{1b}]0;title\\u{7}\\u{0}\\u{7f}\\u{9b}\\u{202e}\\u{d}"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let long = format!("a: [{}bad]\nb: 1\n", "x, ".repeat(30_000));
        let index = LineIndex::new(&long);
        let col = long.find("bad").unwrap() as u32 + 1;
        let s = Snippet::new(Path::new("f.yaml"), &index, 1, col).unwrap();
        assert!(s.text.starts_with(CUT), "{}", s.text);
        assert!(s.text.lines().all(|l| l.chars().count() <= WINDOW + 2));
        assert_eq!(&s.text[s.label.offset()..][..s.label.len()], "bad");
        assert_eq!(s.column, col as usize - 1);
    }

    #[test]
    fn short_lines_are_whole_and_places_past_the_end_are_fine() {
        let index = LineIndex::new("a: 1\r\nb: 2");
        let s = Snippet::new(Path::new("f.yaml"), &index, 2, 9).unwrap();
        assert_eq!(s.text, "a: 1\nb: 2\n");
        assert_eq!((s.label.offset(), s.label.len()), (9, 1));
        assert!(Snippet::new(Path::new("f.yaml"), &index, 3, 1).is_none());
        assert!(Snippet::new(Path::new("f.yaml"), &index, 0, 1).is_none());
    }
}
