//! The edits of `mentorbook serve --edit` as pure text transformations: a file's text and one
//! typed change in, the new text out, with only the lines a careful person would change changed.
//! No I/O: the server reads the file, calls [`apply_pair`] or [`apply_person`], checks the result
//! with the loader and writes it.
//!
//! # What the text looks like after a change
//!
//! Every byte the change does not need stays: comments, blank lines, key order, quoting, the
//! modeline, CRLF line ends, indentation. The splicing is [`crate::yaml_edit`]'s (at the byte
//! ranges the loader's own parser reports); this module knows where in a pair or person file each
//! change goes.
//!
//! - [`PairChange::Tick`]: in `progress.<phase>`, `item: 2026-12-06`, or a map with `done`, `by`
//!   and `comment` when those are given. When the phase holds the placeholder that `mentorbook new
//!   pair` writes (`    # item: YYYY-MM-DD   # mentee: ...`), the tick replaces that one line and
//!   keeps its comment at the end of the new line; otherwise the entry goes after the phase's last
//!   entry (right under the phase's key when it has none). A missing phase or `progress:` is
//!   added. Ticking an item already ticked changes its date, `by` and `comment` in place (a map
//!   left with only `done` goes back to `item: date`).
//! - [`PairChange::Untick`]: the entry's lines go; when its first line has a comment, the
//!   placeholder comes back with it. Unticking an item that is not ticked changes nothing.
//! - Meetings, goals, milestones, evaluations: a new one goes last in its list with the list's own
//!   indentation and dash style. A missing list is added where `mentorbook new pair`'s commented
//!   sample of it is (`# meetings:` ...), just after the sample, else after the nearest key that
//!   comes before it in the order pair files use. An edit changes only the fields that differ; a
//!   field that is missing is added after the field before it (a title after the date). Removing
//!   a meeting drops exactly its lines: comment lines before the next meeting stay; removing the
//!   only meeting removes the `meetings:` key too (an empty key is not a list).
//! - A removal (a meeting, a field, an untick) never deletes a comment: the comment lines inside
//!   what it removes stay, written at the removed lines' indentation.
//! - New keys and items go after the comment lines indented under the entry before them (the
//!   placeholders of an empty phase, say), never between a key and its commented-out lines.
//! - Texts (vision, notes, agreement, closure, bio): lines of text are written as a `|` block at
//!   the right indentation, over a block, a plain or a quoted value; one line of text is written
//!   plain, or quoted when it must be. Line ends typed in a form (CRLF) become the file's, spaces
//!   at the ends of lines and blank lines around the text are dropped. Where comment lines are
//!   indented under the value (a block would take them in as text), or the text cannot be a
//!   block (a first line starting with a space, a tab), it is written quoted on one line.
//! - A list written in brackets (`agenda: [a, b]`) stays in brackets; one written as block items
//!   stays so, changed item by item. A new agenda follows the style of the file's last meeting.
//!
//! # The form's values
//!
//! Values are the strings typed into the form ([`PairChange`], [`PersonChange`]); nothing here
//! parses a date or checks an id. In the fields of an edit, `None` leaves a key as it is,
//! `Some("")` (or an empty list) removes it.
//!
//! # Errors
//!
//! [`EditError`]: a list index past the end, a mapping or list in braces or brackets where a
//! block is needed, a required field left empty, a text the parser cannot read. The result of
//! every change is read again; a change that would leave text the parser cannot read is refused
//! ([`EditError::Broken`]) rather than returned.

mod change;
mod pair;
mod person;
mod progress;
mod text;
mod value;

pub use crate::yaml_edit::Step;
pub use change::{
    AgreementField, ClosureFields, Detail, EvaluationFields, GoalFields, MeetingFields, PairChange,
    PersonChange, PersonFields, TextField,
};
pub use value::form_text;

use crate::yaml_edit::{self, Edit};

/// Why a change cannot be made. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The text is not YAML the editor can read.
    #[error("the file cannot be read as YAML (line {}: {}); fix it by hand first", .0.line, .0.message)]
    Parse(#[from] yaml_edit::ParseError),
    /// A list index past the end.
    #[error("`{list}` has no item {index}: it has {len}")]
    NoItem {
        /// The list, `meetings` or `goals[1].milestones`.
        list: String,
        /// The index asked for, from 0.
        index: usize,
        /// How many items it has.
        len: usize,
    },
    /// A mapping or list written in braces or brackets, where the change needs a block.
    #[error(
        "`{0}` is written on one line in braces or brackets; write it as a block (one entry a line) to edit it here"
    )]
    Flow(String),
    /// Something other than a mapping where the change needs one.
    #[error("{} is not a mapping of keys; fix it by hand first", place(.0))]
    NotAMap(String),
    /// A field the change needs was left empty.
    #[error("{0} is required")]
    Required(&'static str),
    /// The first key of a list item, on the item's `- ` line, cannot be removed alone.
    #[error("`{0}` starts its list item and cannot be removed on its own")]
    FirstField(String),
    /// The change would leave text the parser cannot read (a bug of the editor: please report it).
    #[error(
        "the change would leave the file unreadable (line {line}: {message}); nothing was changed"
    )]
    Broken {
        /// The line of the problem in the new text.
        line: usize,
        /// The parser's words.
        message: String,
    },
}

/// `` `meetings[2]` ``, or "the file" for its root.
fn place(path: &str) -> String {
    if path.is_empty() {
        "the file".to_owned()
    } else {
        format!("`{path}`")
    }
}

impl From<yaml_edit::EditError> for EditError {
    fn from(e: yaml_edit::EditError) -> EditError {
        match e {
            yaml_edit::EditError::NoSuchPlace(p) => EditError::NotAMap(p),
            yaml_edit::EditError::Unsupported(p) => EditError::Flow(p),
        }
    }
}

/// The text of a pair file after `change`.
pub fn apply_pair(text: &str, change: &PairChange) -> Result<String, EditError> {
    let doc = text::Doc::parse(text, pair::schema)?;
    finish(text, &pair::edits(&doc, change)?)
}

/// The text of a people file after `change` to the person at `at`: `[]` for a person file
/// (`content/people/<id>.yaml`), `people[i]` (`[Step::from("people"), Step::Index(i)]`) for
/// `content/people.yaml`.
pub fn apply_person(text: &str, at: &[Step], change: &PersonChange) -> Result<String, EditError> {
    let doc = text::Doc::parse(text, person::schema)?;
    finish(text, &person::edits(&doc, at, change)?)
}

/// The edits applied, and the result read again.
fn finish(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let out = yaml_edit::apply(text, edits);
    match yaml_edit::Document::parse(&out) {
        Ok(_) => Ok(out),
        Err(e) => Err(EditError::Broken {
            line: e.line,
            message: e.message,
        }),
    }
}

#[cfg(test)]
mod tests;
