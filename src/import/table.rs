//! A spreadsheet export read into a header and rows, every cell with the line and column it is
//! written at: UTF-8 with or without a byte-order mark, comma, semicolon or tab between cells
//! (found from the header row), quoted cells, CRLF or LF line ends.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Code, Problem, Problems, Span};

/// Where a cell is written: 1-based line and column (in characters) of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// One row of data.
#[derive(Debug, Clone)]
pub struct Row {
    /// The row's number as a spreadsheet shows it: the header is row 1.
    pub number: usize,
    /// The cells, trimmed, one per column of the header (missing ones empty).
    pub cells: Vec<String>,
    /// Where each cell is written (a missing one: where its row ends).
    pub places: Vec<Place>,
}

/// A spreadsheet read.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file, as given on the command line.
    pub path: PathBuf,
    /// Its text, without a byte-order mark.
    pub text: Arc<str>,
    /// The column names, trimmed.
    pub header: Vec<String>,
    /// Where each column name is written.
    pub header_places: Vec<Place>,
    /// The rows with at least one cell that is not empty.
    pub rows: Vec<Row>,
    /// The numbers of the rows left out because they cannot be read (reported).
    pub dropped: Vec<usize>,
}

impl Table {
    /// A problem at `place` of this file, with the line shown.
    pub fn problem(&self, code: Code, place: Place, message: impl Into<String>) -> Problem {
        Problem::error(
            code,
            Span {
                file: self.path.clone(),
                line: place.line,
                column: place.column,
            },
            message,
        )
        .with_source(&self.text)
    }

    /// `column C (`Email address`)` for the 0-based column `i`.
    pub fn column_name(&self, i: usize) -> String {
        let name = self.header.get(i).map_or("", String::as_str);
        format!("column {} (`{name}`)", letters(i))
    }
}

/// The spreadsheet's letters for the 0-based column `i`: A, B, ..., Z, AA, AB...
pub fn letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads the spreadsheet at `path`; every problem found goes to `problems`, and `None` comes back
/// when the file cannot be read as a table at all.
pub fn read(path: &Path, problems: &mut Problems) -> Option<Table> {
    let whole = |line, column| Span {
        file: path.to_path_buf(),
        line,
        column,
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            problems.push(Problem::error(
                Code::Io,
                whole(0, 0),
                format!("cannot read the file: {e}"),
            ));
            return None;
        }
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        problems.push(
            Problem::error(Code::Csv, whole(0, 0), "the file is saved as UTF-16 text")
                .hint("save it as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8; Google Sheets: File > Download > CSV)"),
        );
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good =
                String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
            let (line, column) = crate::config::line_column(&good, good.len());
            problems.push(
                Problem::error(Code::Encoding, whole(line, column), "the file is not UTF-8 text")
                    .hint("save it as \"CSV UTF-8\" (Excel: File > Save As > CSV UTF-8; Google Sheets: File > Download > CSV)"),
            );
            return None;
        }
    };
    let text: Arc<str> = Arc::from(text.strip_prefix('\u{feff}').unwrap_or(&text));
    let delimiter = delimiter(&text);
    let lines = Lines::new(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table {
        path: path.to_path_buf(),
        text: Arc::clone(&text),
        header: Vec::new(),
        header_places: Vec::new(),
        rows: Vec::new(),
        dropped: Vec::new(),
    };
    let mut first = true;
    for (index, record) in reader.records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map_or(0, |p| p.byte() as usize);
                let (line, column) = lines.place(at);
                problems.push(
                    table
                        .problem(
                            Code::Csv,
                            Place { line, column },
                            format!("this row cannot be read: {e}"),
                        )
                        .hint("save the spreadsheet again as CSV UTF-8"),
                );
                return None;
            }
        };
        // After a CRLF the reader may place a record at the line feed before it.
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let starts = match cell_starts(&text, start, delimiter, record.len()) {
            Ok(s) => s,
            Err(quote) => {
                let (line, column) = lines.place(quote);
                problems.push(
                    table
                        .problem(Code::Csv, Place { line, column }, "this quote is never closed: the rest of the file would be read as one cell")
                        .hint("end the cell with a quote, or write a quote that is part of the text twice (`\"\"`)"),
                );
                return None;
            }
        };
        let places: Vec<Place> = starts
            .iter()
            .map(|&b| {
                let (line, column) = lines.place(b);
                Place { line, column }
            })
            .collect();
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if first {
            first = false;
            table.header = cells;
            table.header_places = places;
            continue;
        }
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let number = index + 1;
        let width = table.header.len();
        if cells.len() > width && cells[width..].iter().any(|c| !c.is_empty()) {
            let extra = width
                + cells[width..]
                    .iter()
                    .position(|c| !c.is_empty())
                    .unwrap_or(0);
            problems.push(
                table
                    .problem(
                        Code::Csv,
                        places[extra],
                        format!(
                            "row {number} has {} cells, but the header names {width} columns: column {} has no name",
                            cells.len(),
                            letters(extra)
                        ),
                    )
                    .hint(format!(
                        "a cell whose text holds a `{}` must be in quotes; or give the column a name in row 1",
                        delimiter as char
                    )),
            );
            table.dropped.push(number);
            continue;
        }
        let end = places.last().copied().unwrap_or_default();
        let mut cells = cells;
        let mut places = places;
        cells.resize(width, String::new());
        places.resize(width, end);
        table.rows.push(Row {
            number,
            cells,
            places,
        });
    }
    if table.header.iter().all(String::is_empty) {
        problems.push(
            Problem::error(Code::Csv, whole(0, 0), "the file has no header row")
                .hint("the first row names the columns, such as `name,roles,contact.email`"),
        );
        return None;
    }
    Some(table)
}

/// The cell separator: the one of `;`, `,` and tab that the header row (outside quotes) holds most
/// of; a comma when it holds none.
fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// The byte where each of the `n` cells of the record starting at `start` begins; `Err` with the
/// byte of a quote that is never closed.
fn cell_starts(text: &str, start: usize, delimiter: u8, n: usize) -> Result<Vec<usize>, usize> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    while out.len() < n {
        out.push(i);
        if b.get(i) == Some(&b'"') {
            let open = i;
            i += 1;
            loop {
                match b.get(i) {
                    None => return Err(open),
                    Some(b'"') if b.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
        }
        while let Some(&c) = b.get(i) {
            if c == delimiter || c == b'\n' || c == b'\r' {
                break;
            }
            i += 1;
        }
        if b.get(i) == Some(&delimiter) {
            i += 1;
        } else {
            break;
        }
    }
    while out.len() < n {
        out.push(i);
    }
    Ok(out)
}

/// Line starts of a text, for turning byte offsets into lines and columns.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// The 1-based line and column (in characters) of the byte `at`.
    fn place(&self, at: usize) -> (u32, u32) {
        let at = at.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= at);
        let start = self.starts[line - 1];
        let column = self.text.get(start..at).map_or(0, |s| s.chars().count());
        (line as u32, column as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &[u8]) -> (Option<Table>, Vec<Problem>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).unwrap();
        let mut problems = Problems::default();
        let t = read(&path, &mut problems);
        (t, problems.into_vec())
    }

    #[test]
    fn excel_semicolons_bom_and_crlf() {
        let (t, p) = table(
            b"\xEF\xBB\xBFname;roles\r\n\"L\xC3\xB3pez; Ana\";mentor\r\n;\r\nBen;\"mentee\"\r\n",
        );
        assert!(p.is_empty(), "{p:?}");
        let t = t.unwrap();
        assert_eq!(t.header, ["name", "roles"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells, ["López; Ana", "mentor"]);
        assert_eq!(t.rows[1].number, 4);
        assert_eq!(t.rows[1].places[1], Place { line: 4, column: 5 });
    }

    #[test]
    fn a_quote_never_closed_is_found_where_it_opens() {
        let (t, p) = table(b"name,roles\nAna,\"mentor\nBen,mentee\n");
        assert!(t.is_none());
        assert_eq!((p[0].span.line, p[0].span.column), (2, 5));
        assert!(p[0].message.contains("never closed"), "{}", p[0].message);
    }

    #[test]
    fn a_row_with_an_extra_cell() {
        let (_, p) = table(b"name,roles\nAna,mentor,x\n");
        assert_eq!((p[0].span.line, p[0].span.column), (2, 12));
        assert!(
            p[0].message.contains("row 2 has 3 cells"),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn column_letters() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
